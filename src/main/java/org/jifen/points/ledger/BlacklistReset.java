package org.jifen.points.ledger;

import org.jifen.account.AccountBlacklistLifted;
import org.jifen.account.AccountBlacklisted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Clears a blacklisted account's points (LG-14) and marks its balance rows blocked in the transaction that blacklists
 * it; lifting clears the mark in the transaction that lifts it. Synchronous on purpose rather
 * than an {@code @ApplicationModuleListener} after commit: the blacklisting, the reset entries and their audit
 * records commit together or not at all, and the reset takes the same per-user balance locks as event judging, so
 * no award can slip in between the reset and the blacklist becoming visible.
 */
@Component
class BlacklistReset {

    private final JdbcPointsLedger ledger;

    BlacklistReset(JdbcPointsLedger ledger) {
        this.ledger = ledger;
    }

    @EventListener
    void on(AccountBlacklisted event) {
        ledger.reset(event.userId(), event.reason());
    }

    @EventListener
    void on(AccountBlacklistLifted event) {
        ledger.unblock(event.userId());
    }
}
