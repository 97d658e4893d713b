package org.jifen.account.security;

import java.time.Clock;
import org.jifen.account.domain.LoginLock;
import org.jifen.account.persistence.AccountRows;
import org.jifen.shared.Masking;
import org.jifen.shared.MobileNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Counts wrong passwords and locks the account after too many in a row (5 for 15 minutes by default). */
@Component
class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final AccountRows rows;
    private final LoginLock lock;
    private final Clock clock;
    private final TransactionTemplate tx;

    LoginAttempts(AccountRows rows, LoginLock lock, Clock clock, TransactionTemplate tx) {
        this.rows = rows;
        this.lock = lock;
        this.clock = clock;
        this.tx = tx;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        MobileNumber.parse(String.valueOf(event.getAuthentication().getPrincipal()))
                .ifPresent(mobile -> tx.executeWithoutResult(s -> {
                    var before = rows.lockState(mobile.value());
                    var after = lock.failed(before, clock.instant());
                    rows.saveLockState(mobile.value(), after);
                    if (after.lockedUntil() != null && !after.lockedUntil().equals(before.lockedUntil())) {
                        log.warn(
                                "Account {} locked until {} after {} failed logins",
                                Masking.mobile(mobile.value()),
                                after.lockedUntil(),
                                lock.maxFailures());
                    }
                }));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof org.jifen.account.SignedInUser user) {
            rows.saveLockState(user.mobile(), new LoginLock.State(0, null));
        }
    }
}
