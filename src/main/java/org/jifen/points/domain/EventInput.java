package org.jifen.points.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads an event from its external form ({@code {id, user, action, item?, amount?, attrs?, at}}, as parsed JSON)
 * and rejects bad input one event at a time with a stable code: {@code missing-field}, {@code unknown-field},
 * {@code malformed-time} (not ISO-8601 with an offset), {@code negative-amount}, {@code malformed-field}.
 */
public final class EventInput {

    private static final Set<String> FIELDS = Set.of("id", "user", "action", "item", "amount", "attrs", "at");

    private EventInput() {}

    /** Either an event or the code of what is wrong with the input; {@code id} is echoed when present. */
    public record Read(String id, LearningEvent event, String rejection) {
        public boolean ok() {
            return event != null;
        }
    }

    public static Read read(Map<String, Object> raw) {
        var id = raw.get("id") instanceof String s && !s.isBlank() ? s : null;
        for (var key : raw.keySet()) {
            if (!FIELDS.contains(key)) {
                return new Read(id, null, "unknown-field");
            }
        }
        if (id == null || id.length() > 100) {
            return new Read(id, null, id == null ? "missing-field" : "malformed-field");
        }
        var user = raw.get("user");
        if (!(user instanceof String || user instanceof Number)
                || String.valueOf(user).isBlank()) {
            return new Read(id, null, "missing-field");
        }
        if (!(raw.get("action") instanceof String action) || action.isBlank()) {
            return new Read(id, null, "missing-field");
        }
        var item = raw.get("item");
        if (item != null && !(item instanceof String || item instanceof Number)) {
            return new Read(id, null, "malformed-field");
        }
        Long amount = null;
        if (raw.get("amount") != null) {
            if (!(raw.get("amount") instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                return new Read(id, null, "malformed-field");
            }
            if (n.longValue() < 0) {
                return new Read(id, null, "negative-amount");
            }
            amount = n.longValue();
        }
        var attrs = new LinkedHashMap<String, String>();
        if (raw.get("attrs") != null) {
            if (!(raw.get("attrs") instanceof Map<?, ?> m)) {
                return new Read(id, null, "malformed-field");
            }
            for (var e : m.entrySet()) {
                if (!(e.getValue() instanceof String
                        || e.getValue() instanceof Number
                        || e.getValue() instanceof Boolean)) {
                    return new Read(id, null, "malformed-field");
                }
                attrs.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
            }
        }
        if (!(raw.get("at") instanceof String at)) {
            return new Read(id, null, raw.get("at") == null ? "missing-field" : "malformed-time");
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(at.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return new Read(id, null, "malformed-time");
        }
        return new Read(
                id,
                new LearningEvent(
                        id,
                        String.valueOf(user),
                        action.strip(),
                        item == null ? null : String.valueOf(item),
                        amount,
                        attrs,
                        instant),
                null);
    }
}
