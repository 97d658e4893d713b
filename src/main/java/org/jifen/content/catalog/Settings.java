package org.jifen.content.catalog;

import org.jifen.content.tracking.domain.ReadingPolicy;

/**
 * A program's reading and heartbeat settings: an article counts as read after max(floor, chars / charsPerMinute
 * minutes) of verified time; pages send a heartbeat every {@code heartbeatSeconds}.
 */
public record Settings(int readingFloorSeconds, int charsPerMinute, int heartbeatSeconds) {

    public static final Settings DEFAULTS = new Settings(30, 600, 15);

    /** The seconds an article of {@code bodyChars} characters must be open before it counts as read. */
    public int requiredSeconds(int bodyChars) {
        return ReadingPolicy.requiredSeconds(bodyChars, readingFloorSeconds, charsPerMinute);
    }
}
