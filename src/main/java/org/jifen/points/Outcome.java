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

    /** Points one rule gave for the event. */
    public record RulePoints(String ruleId, int points) {}
}
