package org.jifen.points.domain;

/**
 * What one rule did with one event: the points it awards (possibly 0), whether a cap cut them short, and what the
 * tally must remember.
 *
 * @param points points awarded
 * @param full points the rule would have given without caps
 * @param reason why less than {@code full} (or nothing) was awarded, else null
 * @param itemKeys keys ({@code rule id} and one-time group) under which the item counts one more award
 * @param amount amount to add to the rule's per-minute accumulation
 */
public record RuleAward(
        String ruleId, int points, int full, Reason reason, String item, java.util.List<String> itemKeys, long amount) {

    public boolean cut() {
        return points > 0 && points < full;
    }
}
