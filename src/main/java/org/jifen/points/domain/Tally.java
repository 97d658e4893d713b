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

    /**
     * Events of the rule that counted on {@code day}: see {@link #counts}. Judging asks only whether there was one
     * ({@code FirstOfDay}).
     */
    int occurrencesOnDay(String ruleId, LocalDate day);

    /**
     * Whether an award counts as an occurrence of its rule on its day, given the occurrences counted before it: the
     * day's first does, and so does any that awards points or adds amount. A later award that earns and adds nothing
     * (a capped read, a second login) changes no counter, so that such an event writes nothing but its outcome
     * (docs/benchmarks.md, run 6).
     */
    static boolean counts(RuleAward award, int before) {
        return before == 0 || award.points() > 0 || award.amount() > 0;
    }

    /** Amount (seconds) accumulated by a per-minute rule on {@code day}. */
    long amountOnDay(String ruleId, LocalDate day);
}
