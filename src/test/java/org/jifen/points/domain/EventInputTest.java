package org.jifen.points.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading an event's time: the hand-read common form must agree with {@link OffsetDateTime#parse} on everything. */
class EventInputTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-06-01T10:00:00+08:00",
                "2026-06-01T23:59:59+08:00",
                "2026-06-01T16:00:00Z",
                "2026-06-01T10:00:00.5+08:00",
                "2026-06-01T10:00:00.123456789-03:30",
                "2024-02-29T00:00:00+14:00",
                "2026-06-01T10:00:00-00:00",
                "0000-01-01T00:00:00Z",
                "2026-06-01T10:00+08:00",
                "2026-06-01T10:00:00+08:00:00",
                "2026-06-01T10:00:00.000000000Z",
                "2026-06-01T10:00:00.+08:00",
                "2026-06-01t10:00:00z"
            })
    void agreesWithTheFormatterOnGoodTimes(String text) {
        assertThat(EventInput.instant(text))
                .isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-02-29T10:00:00+08:00",
                "2026-13-01T10:00:00+08:00",
                "2026-06-01T24:00:00+08:00",
                "2026-06-01T10:60:00+08:00",
                "2026-06-01T10:00:00+19:00",
                "2026-06-01T10:00:00+08:60",
                "2026-06-01T10:00:00.1234567890+08:00",
                "2026-06-01T10:00:00",
                "2026-06-01T10:00:00 +08:00",
                "2026-06-01T1O:00:00+08:00",
                "２０２６-06-01T10:00:00+08:00",
                "2026-06-01T10:00:0٣+08:00",
                "2026-06-01T10:00:00.١Z"
            })
    void rejectsWhatTheFormatterRejects(String text) {
        assertThatThrownBy(() -> OffsetDateTime.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> EventInput.instant(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void agreesWithTheFormatterOnRandomEdits() {
        var random = new Random(20261204);
        var alphabet = "0123456789-+:.TZ ".toCharArray();
        for (int n = 0; n < 20_000; n++) {
            var chars = "2026-06-01T10:00:00.25+08:00".toCharArray();
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                chars[random.nextInt(chars.length)] = alphabet[random.nextInt(alphabet.length)];
            }
            var text = new String(chars);
            Object expected;
            try {
                expected = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException ex) {
                expected = "rejected";
            }
            Object actual;
            try {
                actual = EventInput.instant(text);
            } catch (DateTimeParseException ex) {
                actual = "rejected";
            }
            assertThat(actual).as(text).isEqualTo(expected);
        }
    }

    @Test
    void aBadTimeIsRejectedWithItsCode() {
        var read =
                EventInput.read(Map.of("id", "e1", "user", "7", "action", "login", "at", "2026-02-30T10:00:00+08:00"));
        assertThat(read.ok()).isFalse();
        assertThat(read.rejection()).isEqualTo("malformed-time");
    }
}
