package org.jifen.points.domain;

import java.time.LocalDate;

/**
 * What the engine needs to know of one user's past in one program. Days are the program's days; weeks are ISO
 * weeks (Monday first).
 */
public interface Tally {

    /** Points the rule awarded on {@code day}. */
    int pointsOnDay(String ruleId, LocalDate day);

    /** Points the rule awarded in the ISO week containing {@code day}. */
    int pointsInWeek(String ruleId, LocalDate day);

    /** Points the rule awarded in the month containing {@code day}. */
    int pointsInMonth(String ruleId, LocalDate day);

    /** Times {@code item} was rewarded under {@code key} (a rule id, or a one-time group). */
    int itemAwards(String key, String item);

    /** Events of the rule that counted on {@code day} (rewarded or not). */
    int occurrencesOnDay(String ruleId, LocalDate day);

    /** Amount (seconds) accumulated by a per-minute rule on {@code day}. */
    long amountOnDay(String ruleId, LocalDate day);
}
