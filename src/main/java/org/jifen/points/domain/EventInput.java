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
            instant = OffsetDateTime.parse(at).toInstant();
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
