package org.jifen.content.tracking.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Judges one heartbeat of a video playback (LG-7.2.4, LG-13). The server's clock is the only clock: a beat credits at
 * most the time that passed on the server since the session's previous beat (or its start), and only seconds of the
 * video that were played in the current continuous run ({@code from} up to {@code position}), so a seek ahead
 * credits nothing that was skipped.
 */
public final class PlaybackPolicy {

    /** How far past the end of the video a position may be (players report the end a little late). */
    public static final double END_TOLERANCE_SECONDS = 1.0;

    private PlaybackPolicy() {}

    /** The state of a session before the beat. */
    public record Session(long lastSeq, Instant lastBeatAt, boolean superseded, int durationSeconds) {}

    /**
     * A heartbeat: {@code position} is the player's current time, {@code from} where the current continuous run
     * began (after the last beat, a play or a seek).
     */
    public record Beat(long seq, double position, double from) {}

    public sealed interface Verdict {}

    /** The session was superseded by a newer playback of the user: the page must pause. */
    public record Paused(Signal signal) implements Verdict {}

    /** A sequence number not above the last one: a resent beat, credits nothing. */
    public record Duplicate() implements Verdict {}

    /** Positions that cannot be: nothing credited. */
    public record Impossible(Signal signal) implements Verdict {}

    /** The seconds of the video this beat verified; with a signal when the client claimed more than elapsed. */
    public record Credit(SecondRange seconds, Optional<Signal> signal) implements Verdict {}

    public static Verdict judge(Session session, Beat beat, Instant now) {
        if (session.superseded()) {
            return new Paused(new Signal(Signal.OVERLAPPING_SESSION, "beat on a playback superseded by a newer one"));
        }
        if (beat.seq() <= session.lastSeq()) {
            return new Duplicate();
        }
        double end = session.durationSeconds() + END_TOLERANCE_SECONDS;
        if (!Double.isFinite(beat.position())
                || !Double.isFinite(beat.from())
                || beat.position() < 0
                || beat.from() < 0
                || beat.from() > beat.position()
                || beat.position() > end) {
            return new Impossible(new Signal(
                    Signal.IMPOSSIBLE_POSITION,
                    "from %.3f to %.3f in a video of %d s"
                            .formatted(beat.from(), beat.position(), session.durationSeconds())));
        }
        double elapsed = Math.max(0, Duration.between(session.lastBeatAt(), now).toMillis() / 1000.0);
        double run = beat.position() - beat.from();
        double start = Math.max(beat.from(), beat.position() - elapsed);
        Optional<Signal> signal = Optional.empty();
        if (run - elapsed > Math.max(2.0, 0.1 * elapsed)) {
            signal = Optional.of(new Signal(
                    Signal.TIME_BEYOND_WALL_CLOCK,
                    "claimed %.1f s of playing in %.1f s of server time".formatted(run, elapsed)));
        }
        return new Credit(SecondRange.of(start, beat.position(), session.durationSeconds()), signal);
    }

    /** The seconds a today's-focus video needs verified in one session to count as viewed: 80 %, rounded up. */
    public static int focusThreshold(int durationSeconds) {
        return (int) Math.ceil(durationSeconds * 0.8);
    }

    /**
     * Whole minutes that the last {@code fresh} seconds completed in a day's verified total (over all videos).
     * video-watch events carry whole minutes: the per-minute rule (LG-7.2.4) then gives exactly what it would for
     * every second reported, while a beat that completes no minute has nothing for the ledger.
     */
    public static int minutesCompleted(int total, int fresh) {
        if (fresh < 0 || fresh > total) {
            throw new IllegalArgumentException("fresh seconds " + fresh + " outside the total " + total);
        }
        return total / 60 - (total - fresh) / 60;
    }
}
