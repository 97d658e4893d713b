package org.jifen.account.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * After {@code maxFailures} wrong passwords in a row an account is locked for {@code lockDuration}; a success
 * resets the count.
 */
public record LoginLock(int maxFailures, Duration lockDuration) {

    /** The state after one more failure at {@code now}. */
    public State failed(State current, Instant now) {
        int failures = current.failures() + 1;
        if (failures >= maxFailures) {
            return new State(0, now.plus(lockDuration));
        }
        return new State(failures, current.lockedUntil());
    }

    public boolean locked(State state, Instant now) {
        return state.lockedUntil() != null && now.isBefore(state.lockedUntil());
    }

    /** Consecutive failures and the end of the current lock, if any. */
    public record State(int failures, Instant lockedUntil) {}
}
