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
    private final ZoneId zone;

    public MutableClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    private MutableClock(Instant start, ZoneId zone) {
        this.now = start.truncatedTo(ChronoUnit.MICROS);
        this.zone = zone;
    }

    public void set(Instant instant) {
        now = instant.truncatedTo(ChronoUnit.MICROS);
    }

    public void advance(Duration d) {
        now = now.plus(d).truncatedTo(ChronoUnit.MICROS);
    }

    /** Back to following the system clock's current time. */
    public void reset() {
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
        return now;
    }
}
