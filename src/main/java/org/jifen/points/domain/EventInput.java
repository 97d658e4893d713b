package org.jifen.points.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads an event from its external form ({@code {id, user, action, item?, amount?, attrs?, at}}, as parsed JSON:
 * maps, lists, strings, numbers, booleans) and rejects bad input one event at a time with a stable code:
 * {@code malformed-event} (not an object, an over-long id or item, attributes that are not plain values),
 * {@code unknown-field}, {@code missing-field}, {@code malformed-time} (not ISO-8601 with an offset),
 * {@code malformed-amount} (not a whole number), {@code negative-amount}. The simulator and the HTTP API both read
 * events here, so they answer bad input alike. The user is kept as written; resolving it to an account is the
 * caller's business.
 */
public final class EventInput {

    private static final Set<String> FIELDS = Set.of("id", "user", "action", "item", "amount", "attrs", "at");

    private EventInput() {}

    /** Either an event or the code of what is wrong with the input; {@code id} is echoed when present. */
    public record Read(String id, LearningEvent event, String rejection) {
        public boolean ok() {
            return event != null;
        }

        static Read rejected(String id, String code) {
            return new Read(id, null, code);
        }
    }

    public static Read read(Object input) {
        if (!(input instanceof Map<?, ?> raw)) {
            return Read.rejected(null, "malformed-event");
        }
        var id = raw.get("id") instanceof String s
                ? s.strip()
                : isWhole(raw.get("id")) ? raw.get("id").toString() : null;
        for (var key : raw.keySet()) {
            if (!FIELDS.contains(String.valueOf(key))) {
                return Read.rejected(id, "unknown-field");
            }
        }
        var user = raw.get("user");
        var userText = user instanceof String s ? s.strip() : isWhole(user) ? user.toString() : null;
        var action = text(raw.get("action"));
        var at = text(raw.get("at"));
        if (id == null || id.isEmpty() || userText == null || userText.isEmpty() || action == null || at == null) {
            return Read.rejected(id, "missing-field");
        }
        if (id.length() > 100) {
            return Read.rejected(id, "malformed-event");
        }
        Instant instant;
        try {
            instant = instant(at);
        } catch (DateTimeParseException e) {
            return Read.rejected(id, "malformed-time");
        }
        String item = null;
        var rawItem = raw.get("item");
        if (rawItem != null) {
            if (!(rawItem instanceof String || rawItem instanceof Number)
                    || String.valueOf(rawItem).length() > 200) {
                return Read.rejected(id, "malformed-event");
            }
            item = String.valueOf(rawItem);
        }
        Long amount = null;
        var rawAmount = raw.get("amount");
        if (rawAmount != null) {
            if (!isWhole(rawAmount)
                    || new BigDecimal(rawAmount.toString()).toBigInteger().bitLength() > 63) {
                return Read.rejected(id, "malformed-amount");
            }
            amount = ((Number) rawAmount).longValue();
            if (amount < 0) {
                return Read.rejected(id, "negative-amount");
            }
        }
        var attrs = new LinkedHashMap<String, String>();
        var rawAttrs = raw.get("attrs");
        if (rawAttrs != null) {
            if (!(rawAttrs instanceof Map<?, ?> m)) {
                return Read.rejected(id, "malformed-event");
            }
            for (var e : m.entrySet()) {
                var v = e.getValue();
                if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                    return Read.rejected(id, "malformed-event");
                }
                attrs.put(String.valueOf(e.getKey()), String.valueOf(v));
            }
        }
        return new Read(id, new LearningEvent(id, userText, action, item, amount, attrs, instant), null);
    }

    /**
     * An ISO-8601 date-time with an offset, as {@link OffsetDateTime#parse} reads it. The common form
     * {@code 2026-06-01T10:00:00[.fraction](Z|+08:00)} is read by hand (the formatter costs more than judging the
     * event); everything else, and anything the hand reading finds wrong, goes to the formatter, which decides.
     */
    static Instant instant(String text) {
        int n = text.length();
        if (n >= 20
                && n <= 35
                && text.charAt(4) == '-'
                && text.charAt(7) == '-'
                && text.charAt(10) == 'T'
                && text.charAt(13) == ':'
                && text.charAt(16) == ':') {
            try {
                int nanos = 0;
                int i = 19;
                if (text.charAt(i) == '.') {
                    int digits = 0;
                    i++;
                    while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9' && digits < 9) {
                        nanos = nanos * 10 + (text.charAt(i++) - '0');
                        digits++;
                    }
                    if (digits == 0) {
                        return OffsetDateTime.parse(text).toInstant();
                    }
                    for (int k = digits; k < 9; k++) {
                        nanos *= 10;
                    }
                }
                java.time.ZoneOffset offset;
                if (i == n - 1 && text.charAt(i) == 'Z') {
                    offset = java.time.ZoneOffset.UTC;
                } else if (i == n - 6
                        && (text.charAt(i) == '+' || text.charAt(i) == '-')
                        && text.charAt(i + 3) == ':') {
                    int sign = text.charAt(i) == '-' ? -1 : 1;
                    offset = java.time.ZoneOffset.ofHoursMinutes(
                            sign * number(text, i + 1, i + 3), sign * number(text, i + 4, i + 6));
                } else {
                    return OffsetDateTime.parse(text).toInstant();
                }
                return java.time.LocalDateTime.of(
                                number(text, 0, 4),
                                number(text, 5, 7),
                                number(text, 8, 10),
                                number(text, 11, 13),
                                number(text, 14, 16),
                                number(text, 17, 19),
                                nanos)
                        .toInstant(offset);
            } catch (java.time.DateTimeException | NumberFormatException e) {
                return OffsetDateTime.parse(text).toInstant(); // the formatter decides, and names the problem
            }
        }
        return OffsetDateTime.parse(text).toInstant();
    }

    private static int number(String text, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(text);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Whether a text is 1 to {@code max} ASCII digits (a plain loop, not a regex: this runs for every event). */
    public static boolean digits(String s, int max) {
        if (s.isEmpty() || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isWhole(Object value) {
        return switch (value) {
            case Integer i -> true;
            case Long l -> true;
            case Short s -> true;
            case BigInteger b -> true;
            case BigDecimal d -> d.stripTrailingZeros().scale() <= 0;
            case Double d -> d == Math.rint(d) && !d.isInfinite();
            case Float f -> f == Math.rint(f) && !f.isInfinite();
            case null, default -> false;
        };
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }
}
