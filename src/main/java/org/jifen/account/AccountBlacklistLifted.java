package org.jifen.account;

/**
 * Published in the transaction that lifts an account's blacklisting (LG-14). Listeners run synchronously in that
 * transaction, so that the account earns again exactly when the lifting commits.
 */
public record AccountBlacklistLifted(long userId) {}
