package org.jifen.content.tracking.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How long an article must be open before it counts as read, and how much time one reading heartbeat credits
 * (LG-7.2.3). Time comes only from the server's clock. All reading tabs of a user share one wall clock: a beat credits
 * no more than the time since this reading's previous beat, nor since the user's latest beat on any reading (so tabs
 * never multiply time), nor twice the heartbeat interval (time away from the page is not reading).
 */
public final class ReadingPolicy {

    private ReadingPolicy() {}

    /** max(floor, ceil(chars / charsPerMinute × 60)). */
    public static int requiredSeconds(int bodyChars, int floorSeconds, int charsPerMinute) {
        long byLength = (Math.max(0L, bodyChars) * 60 + charsPerMinute - 1) / charsPerMinute;
        return (int) Math.max(floorSeconds, byLength);
    }

    /**
     * @param creditedMillis the reading time this beat adds
     * @param cutByOtherTab true when another reading's more recent beat was what limited it
     */
    public record Credit(long creditedMillis, boolean cutByOtherTab) {}

    /**
     * @param readingLastBeat this reading's previous beat (or its start)
     * @param userLastBeat the user's latest beat on any reading, or null
     */
    public static Credit credit(Instant readingLastBeat, Instant userLastBeat, Instant now, int heartbeatSeconds) {
        long own = Math.max(0, Duration.between(readingLastBeat, now).toMillis());
        long away = 2_000L * heartbeatSeconds;
        long limit = Math.min(own, away);
        if (userLastBeat != null && userLastBeat.isAfter(readingLastBeat)) {
            long shared = Math.max(0, Duration.between(userLastBeat, now).toMillis());
            if (shared < limit) {
                return new Credit(shared, true);
            }
        }
        return new Credit(limit, false);
    }
}
