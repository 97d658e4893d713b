package org.jifen.content.tracking.domain;

/**
 * Why a heartbeat was refused or cut (LG-13), as recorded in the integrity signals: a stable {@code reason} and a
 * short human-readable {@code detail} for the security admin.
 */
public record Signal(String reason, String detail) {

    public static final String TIME_BEYOND_WALL_CLOCK = "time-beyond-wall-clock";
    public static final String OVERLAPPING_SESSION = "overlapping-session";
    public static final String IMPOSSIBLE_POSITION = "impossible-position";
    public static final String CLIENT_CLOCK_SKEW = "client-clock-skew";

    public Signal {
        if (detail != null && detail.length() > 300) {
            detail = detail.substring(0, 300);
        }
    }
}
