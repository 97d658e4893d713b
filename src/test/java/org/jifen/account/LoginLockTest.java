package org.jifen.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.jifen.account.domain.LoginLock;
import org.jifen.account.domain.LoginLock.State;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LoginLockTest {

    private final LoginLock lock = new LoginLock(5, Duration.ofMinutes(15));
    private final Instant t0 = Instant.parse("2026-11-23T02:00:00Z");

    @Test
    @DisplayName("four wrong passwords do not lock; the fifth locks for 15 minutes")
    void locks_on_the_fifth_failure() {
        var state = new State(0, null);
        for (int i = 0; i < 4; i++) {
            state = lock.failed(state, t0);
            assertThat(lock.locked(state, t0)).isFalse();
        }
        state = lock.failed(state, t0);
        assertThat(lock.locked(state, t0)).isTrue();
        assertThat(lock.locked(state, t0.plus(Duration.ofMinutes(15)).minusSeconds(1)))
                .isTrue();
        assertThat(lock.locked(state, t0.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void after_a_lock_the_count_starts_again() {
        var state = new State(4, null);
        state = lock.failed(state, t0);
        assertThat(state.failures()).isZero();
        assertThat(state.lockedUntil()).isEqualTo(t0.plus(Duration.ofMinutes(15)));
    }
}
