package org.jifen.content;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The integrity signals of verified reading and watching (LG-13): every heartbeat the server refused or cut, with
 * its reason ({@code time-beyond-wall-clock}, {@code overlapping-session}, {@code impossible-position},
 * {@code client-clock-skew}). Append-only; for the security admin and the integrity module's review queue.
 */
public interface HeartbeatSignals {

    /** Users with at least one signal at or after {@code since}, the most signals first, at most {@code limit}. */
    List<UserSignals> countsSince(Instant since, int limit);

    /** One user's signals at or after {@code since}, newest first, at most {@code limit}. */
    List<RejectedHeartbeat> of(long userId, Instant since, int limit);

    /** A user's signal counts by reason, their sum and the time of the latest. */
    record UserSignals(long userId, Map<String, Long> byReason, long total, Instant latest) {

        public UserSignals {
            byReason = Map.copyOf(byReason);
        }

        public long count(String reason) {
            return byReason.getOrDefault(reason, 0L);
        }
    }

    /** One refused or cut heartbeat. {@code kind} is {@code reading} or {@code playback}. */
    record RejectedHeartbeat(
            long id,
            long userId,
            String sessionId,
            Long itemId,
            String kind,
            String reason,
            String detail,
            Instant at) {}
}
