package org.jifen.points.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The engine's decision on one event: the awards of each applicable rule and, when nothing was awarded, why.
 *
 * @param day the program day the event falls on
 * @param awards one entry per applicable rule (empty when none applied)
 * @param reason why no points, or why fewer ({@link Reason#CAP_REACHED}); null for a full award
 */
public record Judgement(LocalDate day, List<RuleAward> awards, Reason reason) {

    public Judgement {
        awards = List.copyOf(awards);
    }

    public static Judgement none(LocalDate day, Reason reason) {
        return new Judgement(day, List.of(), reason);
    }

    public int points() {
        int sum = 0; // judged for every event ingested: a loop, not a stream
        for (var a : awards) {
            sum += a.points();
        }
        return sum;
    }
}
