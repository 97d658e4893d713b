package org.jifen.content.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaybackPolicyTest {

    static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    static PlaybackPolicy.Verdict judge(double elapsed, double from, double position, int duration) {
        var session = new PlaybackPolicy.Session(3, T0, false, duration);
        return PlaybackPolicy.judge(
                session, new PlaybackPolicy.Beat(4, position, from), T0.plusMillis((long) (elapsed * 1000)));
    }

    @ParameterizedTest(name = "{0}: {1} s elapsed, from {2} to {3} of {4} s → seconds {5}..{6}, signal {7}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                   | elapsed | from | position | duration | first | last | signal
            a normal beat credits the run             | 15      | 0    | 15       | 120      | 0     | 14   | -
            the next adjacent beat neither loses nor doubles | 15 | 15 | 30    | 120      | 15    | 29   | -
            half seconds count by their middle        | 11      | 2.4  | 12.6     | 120      | 2     | 12   | -
            a seek ahead credits nothing skipped      | 15      | 90   | 100      | 120      | 90    | 99   | -
            more than elapsed is cut to elapsed       | 15      | 0    | 60       | 120      | 45    | 59   | time-beyond-wall-clock
            within 2 s tolerance no signal but cut    | 15      | 0    | 16.5     | 120      | 2     | 16   | -
            10 percent tolerance on long gaps         | 100     | 0    | 109      | 200      | 9     | 108  | -
            beyond 10 percent on long gaps            | 100     | 0    | 111      | 200      | 11    | 110  | time-beyond-wall-clock
            the end is clipped to the duration        | 15      | 50   | 60.8     | 60       | 50    | 59   | -
            no time elapsed credits nothing           | 0       | 10   | 10       | 120      | -     | -    | -
            a paused player credits nothing           | 15      | 30   | 30       | 120      | -     | -    | -
            """)
    @DisplayName("LG-7.2.4 a heartbeat credits only seconds played within the server time since the last beat")
    void credits(
            String description,
            double elapsed,
            double from,
            double position,
            int duration,
            String first,
            String last,
            String signal) {
        var verdict = judge(elapsed, from, position, duration);
        assertThat(verdict).isInstanceOf(PlaybackPolicy.Credit.class);
        var credit = (PlaybackPolicy.Credit) verdict;
        if ("-".equals(first)) {
            assertThat(credit.seconds().isEmpty()).isTrue();
        } else {
            assertThat(credit.seconds()).isEqualTo(new SecondRange(Integer.parseInt(first), Integer.parseInt(last)));
        }
        assertThat(credit.signal().map(Signal::reason).orElse("-")).isEqualTo(signal);
    }

    @ParameterizedTest(name = "from {0} to {1} in {2} s is impossible")
    @CsvSource({"-1, 5, 60", "0, -1, 60", "10, 5, 60", "0, 61.5, 60", "NaN, 5, 60", "0, Infinity, 60"})
    @DisplayName("LG-13 negative, reversed or beyond-the-end positions are refused and credit nothing")
    void impossible(double from, double position, int duration) {
        var verdict = judge(15, from, position, duration);
        assertThat(verdict).isInstanceOf(PlaybackPolicy.Impossible.class);
        assertThat(((PlaybackPolicy.Impossible) verdict).signal().reason()).isEqualTo(Signal.IMPOSSIBLE_POSITION);
    }

    @Test
    @DisplayName("LG-7.2.4 the end of the video may be reported up to 1 s late")
    void end_tolerance() {
        assertThat(judge(15, 50, 61, 60)).isInstanceOf(PlaybackPolicy.Credit.class);
    }

    @ParameterizedTest(name = "seq {0} after seq 3 is a duplicate")
    @CsvSource({"3", "2", "0", "-5"})
    @DisplayName("LG-7.2.4 a sequence number not above the last one is a duplicate and credits nothing")
    void duplicate(long seq) {
        var session = new PlaybackPolicy.Session(3, T0, false, 60);
        assertThat(PlaybackPolicy.judge(session, new PlaybackPolicy.Beat(seq, 15, 0), T0.plusSeconds(15)))
                .isInstanceOf(PlaybackPolicy.Duplicate.class);
    }

    @Test
    @DisplayName("LG-13 a beat of a superseded playback pauses it and is recorded as overlapping")
    void superseded() {
        var session = new PlaybackPolicy.Session(3, T0, true, 60);
        var verdict = PlaybackPolicy.judge(session, new PlaybackPolicy.Beat(4, 15, 0), T0.plusSeconds(15));
        assertThat(verdict).isInstanceOf(PlaybackPolicy.Paused.class);
        assertThat(((PlaybackPolicy.Paused) verdict).signal().reason()).isEqualTo(Signal.OVERLAPPING_SESSION);
    }

    @ParameterizedTest(name = "{0} s → {1} s")
    @CsvSource({"60, 48", "61, 49", "10, 8", "1, 1", "99, 80"})
    @DisplayName("LG-7.2.4 a today's-focus video counts when 80 % of it (rounded up) was verified")
    void focus_threshold(int duration, int threshold) {
        assertThat(PlaybackPolicy.focusThreshold(duration)).isEqualTo(threshold);
    }

    @Test
    @DisplayName("LG-7.2.4 seconds already in the set are not new: each second counts once")
    void second_set_counts_each_second_once() {
        var set = SecondSet.empty();
        assertThat(set.add(new SecondRange(0, 14))).isEqualTo(15);
        assertThat(set.add(new SecondRange(10, 19))).isEqualTo(5);
        assertThat(set.add(SecondRange.NONE)).isZero();
        var copy = SecondSet.of(set.toBytes());
        assertThat(copy.size()).isEqualTo(20);
        assertThat(copy.contains(19)).isTrue();
        assertThat(copy.contains(20)).isFalse();
        assertThat(SecondSet.of(new byte[0]).size()).isZero();
    }

    @ParameterizedTest(name = "total {0}, fresh {1}: {2} minute(s)")
    @CsvSource({
        "30, 30, 0",
        "60, 30, 1",
        "59, 59, 0",
        "60, 60, 1",
        "125, 15, 1",
        "135, 15, 0",
        "600, 600, 10",
        "61, 1, 0"
    })
    @DisplayName("LG-7.2.4 a beat's fresh seconds complete whole minutes of the day's total")
    void minutes_completed(int total, int fresh, int minutes) {
        assertThat(PlaybackPolicy.minutesCompleted(total, fresh)).isEqualTo(minutes);
    }
}
