package org.jifen.points;

import java.util.List;

/**
 * What an event earned. The same event id always answers the same outcome.
 *
 * @param points points awarded in all (possibly fewer than a rule's value when a cap cut it)
 * @param reason why none or fewer ({@code cap-reached}, {@code already-rewarded}, {@code item-limit-reached},
 *     {@code already-today}, {@code below-whole-minute}, {@code not-eligible}, {@code blacklisted},
 *     {@code unknown-action}, {@code outside-validity}, or for rejected input {@code unknown-user}, …); null when the
 *     full value was awarded
 * @param rules the rules that applied, with their points
 * @param rulebookVersion the version that judged the event, or null
 */
public record Outcome(String eventId, int points, String reason, List<RulePoints> rules, Integer rulebookVersion) {

    public Outcome {
        rules = List.copyOf(rules);
    }

    /**
     * Appends this outcome as JSON, the fields in this record's order and the id named {@code idField}: what a JSON
     * mapper writes, written directly because it is written for every event ingested.
     */
    public void appendJson(StringBuilder b, String idField) {
        b.append("{\"").append(idField).append("\":");
        string(b, eventId);
        b.append(",\"points\":").append(points).append(",\"reason\":");
        string(b, reason);
        b.append(",\"rules\":[");
        for (int i = 0; i < rules.size(); i++) {
            var r = rules.get(i);
            b.append(i == 0 ? "{\"ruleId\":" : ",{\"ruleId\":");
            string(b, r.ruleId());
            b.append(",\"points\":").append(r.points()).append('}');
        }
        b.append("],\"rulebookVersion\":").append(rulebookVersion == null ? "null" : rulebookVersion.toString());
        b.append('}');
    }

    /** Appends {@code s} as a JSON string (or {@code null}), escaped as Jackson escapes it. */
    public static void string(StringBuilder b, String s) {
        if (s == null) {
            b.append("null");
            return;
        }
        b.append('"');
        if (plain(s)) {
            b.append(s); // ids, rule ids and reasons almost always: nothing to escape
        } else {
            tools.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(s, b);
        }
        b.append('"');
    }

    /** Whether JSON needs no escape in {@code s}: no control character, quote or backslash. */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** Points one rule gave for the event. */
    public record RulePoints(String ruleId, int points) {}
}
