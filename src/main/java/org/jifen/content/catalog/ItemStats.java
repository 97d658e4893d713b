package org.jifen.content.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What learners did with one item: views (reading and playback sessions opened), valid reads (readings that
 * counted), watched minutes (seconds credited over all days / 60) and shares.
 */
public record ItemStats(
        long itemId, ItemKind kind, String title, long views, long validReads, long watchedSeconds, long shares) {

    public BigDecimal watchedMinutes() {
        return BigDecimal.valueOf(watchedSeconds).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
    }

    /** The orders the stats page offers, each descending (title ascending). */
    public enum Order {
        VIEWS,
        READS,
        MINUTES,
        SHARES,
        TITLE;

        public static Order of(String text) {
            for (var o : values()) {
                if (o.name().equalsIgnoreCase(text)) {
                    return o;
                }
            }
            return VIEWS;
        }
    }
}
