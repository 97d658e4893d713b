package org.jifen.points.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jifen.points.Outcome;
import org.jifen.points.domain.LearningEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Group commit at shutdown: nobody is left waiting for an outcome that will never come. */
class GroupCommitTest {

    static LearningEvent event(String id) {
        return new LearningEvent(id, "1", "login", null, null, Map.of(), Instant.parse("2026-03-02T01:00:00Z"));
    }

    @Test
    @DisplayName("stopping answers the queued events at once with 'shutting down'; the group being written completes")
    void stop_fails_the_queued_events() throws Exception {
        var writing = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var commit = new GroupCommit(
                (program, events, senders) -> {
                    writing.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt(); // as a JDBC call would, it finishes its work
                    }
                    return events.stream()
                            .map(e -> new Outcome(e.id(), 5, null, List.of(), 1))
                            .toList();
                },
                1);
        var first = commit.submit("p", event("e-1"), null);
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
        var queued = commit.submit("p", event("e-2"), null);

        commit.stop();

        assertThatThrownBy(() -> queued.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(GroupCommit.Stopped.class)
                .hasMessageContaining("shutting down");
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).points()).isEqualTo(5);
        assertThatThrownBy(() -> commit.record("p", event("e-3"), null))
                .as("an event submitted after the stop fails at once instead of waiting for good")
                .isInstanceOf(GroupCommit.Stopped.class);
    }
}
