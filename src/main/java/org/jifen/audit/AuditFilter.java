package org.jifen.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the auditor is looking for in the audit log (AUDIT, LG-16). Every part is optional; blank text counts as
 * absent. Dates are calendar days in {@link #ZONE}, both ends included.
 *
 * @param actor part of the actor's (masked) label, or the actor's id
 * @param action the start of the action ({@code org.} finds {@code org.rename} and {@code org.move})
 * @param objectType the object's kind, exactly
 * @param objectId the object's id, exactly
 * @param from the first day, or null
 * @param to the last day, or null
 * @param reason part of the reason given
 */
public record AuditFilter(
        String actor, String action, String objectType, String objectId, LocalDate from, LocalDate to, String reason) {

    /** The operator's time zone: days in the filter and times on the page and in the export are local to it. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public AuditFilter {
        actor = clean(actor);
        action = clean(action);
        objectType = clean(objectType);
        objectId = clean(objectId);
        reason = clean(reason);
    }

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null, null);
    }

    public static AuditFilter action(String prefix) {
        return new AuditFilter(null, prefix, null, null, null, null, null);
    }

    /** The first instant included, or null: midnight at the start of {@link #from} in Shanghai. */
    public Instant fromInstant() {
        return from == null ? null : from.atStartOfDay(ZONE).toInstant();
    }

    /** The first instant no longer included, or null: midnight after {@link #to} in Shanghai. */
    public Instant toInstantExclusive() {
        return to == null ? null : to.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /** The actor filter read as an id, when it is one. */
    public Long actorId() {
        if (actor == null || !actor.matches("-?\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(actor);
    }

    /** The parts that are set, as {@code name=value} pairs: the summary of an export in the audit log. */
    public String summary() {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("actor", actor);
        parts.put("action", action);
        parts.put("objectType", objectType);
        parts.put("objectId", objectId);
        parts.put("from", from);
        parts.put("to", to);
        parts.put("reason", reason);
        var set = parts.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
        return set.isEmpty() ? "(all)" : set;
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
