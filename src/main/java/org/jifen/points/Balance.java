package org.jifen.points;

/**
 * A user's points in one program (LG-6): lifetime (all ever earned) and redeemable (still spendable), and what was
 * earned in the current day, month, quarter and year of the program's time zone. Always the sum of ledger entries.
 */
public record Balance(long lifetime, long redeemable, long today, long month, long quarter, long year) {}
