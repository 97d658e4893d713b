package org.jifen.content.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadingPolicyTest {

    static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    @ParameterizedTest(name = "{0} chars at {2}/min with a floor of {1} s → {3} s")
    @CsvSource({
        "0, 30, 600, 30",
        "300, 30, 600, 30",
        "600, 30, 600, 60",
        "601, 30, 600, 61",
        "3000, 30, 600, 300",
        "100, 5, 600, 10"
    })
    @DisplayName("LG-7.2.3 the required reading time follows the length, never below the floor")
    void required_seconds(int chars, int floor, int perMinute, int required) {
        assertThat(ReadingPolicy.requiredSeconds(chars, floor, perMinute)).isEqualTo(required);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                               | own | user last | hb | credit ms | cut
            one tab credits the time since its last beat         | 15  |           | 15 | 15000     | false
            the user's last beat on this reading changes nothing | 15  | 0         | 15 | 15000     | false
            another tab's later beat cuts the credit              | 15  | 10        | 15 | 5000      | true
            two tabs beating at once: the second gets nothing     | 15  | 15        | 15 | 0         | true
            time away beyond twice the interval is not reading    | 600 |           | 15 | 30000     | false
            time away is capped, not counted as a cut             | 600 | 100       | 15 | 30000     | false
            """)
    @DisplayName("LG-7.2.3 tabs share one wall clock and time away does not count")
    void credit(String description, int ownSeconds, Integer userLastAfter, int heartbeat, long millis, boolean cut) {
        var now = T0.plusSeconds(ownSeconds);
        var userLast = userLastAfter == null ? null : T0.plusSeconds(userLastAfter);
        var credit = ReadingPolicy.credit(T0, userLast, now, heartbeat);
        assertThat(credit).isEqualTo(new ReadingPolicy.Credit(millis, cut));
    }

    @Test
    @DisplayName("LG-7.2.3 a clock moved back credits nothing")
    void clock_backwards() {
        assertThat(ReadingPolicy.credit(T0, null, T0.minusSeconds(5), 15).creditedMillis())
                .isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                  | server s | client s | skew
            clocks agree                             | 15       | 15       | false
            network jitter within 2 s                | 15       | 16.5     | false
            a sped-up client clock                   | 15       | 45       | true
            a slowed client clock                    | 60       | 30       | true
            within 10 percent on a long gap          | 100      | 109      | false
            """)
    @DisplayName("LG-13 a client clock running at another pace than the server's is a signal")
    void skew(String description, double server, double client, boolean skew) {
        var c0 = Instant.parse("2026-03-01T00:00:00Z");
        var signal = ClockSkewPolicy.check(
                T0, T0.plusMillis((long) (server * 1000)), c0, c0.plusMillis((long) (client * 1000)));
        assertThat(signal.isPresent()).isEqualTo(skew);
        assertThat(ClockSkewPolicy.check(T0, T0.plusSeconds(15), null, c0)).isEmpty();
    }
}
