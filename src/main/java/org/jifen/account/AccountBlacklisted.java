package org.jifen.account;

/**
 * Published in the transaction that blacklists an account (LG-14). Listeners that clear the account's points run
 * synchronously in that transaction, so that the blacklisting and the cleared points commit together or not at all.
 */
public record AccountBlacklisted(long userId, String reason) {}
