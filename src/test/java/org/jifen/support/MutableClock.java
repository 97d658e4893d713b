package org.jifen.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A clock that tests move by hand, at microsecond precision like PostgreSQL's timestamps (and the platform's
 * clock). Integration tests share one; call {@link #reset()} after moving it.
 */
public final class MutableClock extends Clock {

    private volatile Instant now;
    private volatile boolean following;
    private volatile Duration offset = Duration.ZERO;
    private final ZoneId zone;

    public MutableClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    private MutableClock(Instant start, ZoneId zone) {
        this.now = start.truncatedTo(ChronoUnit.MICROS);
        this.zone = zone;
    }

    public void set(Instant instant) {
        following = false;
        now = instant.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Runs from {@code start} as fast as the system clock, until the next {@link #set}, {@link #advance} or
     * {@link #reset}: for browser tests in which real time must pass between a page's requests (a video playing),
     * never for waiting on time.
     */
    public void runFrom(Instant start) {
        offset = Duration.between(Clock.systemUTC().instant(), start);
        following = true;
    }

    public void advance(Duration d) {
        now = instant().plus(d).truncatedTo(ChronoUnit.MICROS);
        following = false;
    }

    /** Back to following the system clock's current time. */
    public void reset() {
        following = false;
        now = Clock.systemUTC().instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MutableClock(now, zone);
    }

    @Override
    public Instant instant() {
        return following ? Clock.systemUTC().instant().plus(offset).truncatedTo(ChronoUnit.MICROS) : now;
    }
}
