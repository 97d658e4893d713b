package org.jifen.points.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;

/** One user's tally held in memory: for the simulator and for tests of the rules. */
public final class InMemoryTally implements Tally {

    private final Map<String, Integer> points = new HashMap<>();
    private final Map<String, Integer> items = new HashMap<>();
    private final Map<String, Integer> occurrences = new HashMap<>();
    private final Map<String, Long> amounts = new HashMap<>();

    /** Remembers what a judgement awarded. */
    public void apply(Judgement judgement) {
        var day = judgement.day();
        for (var award : judgement.awards()) {
            var rule = award.ruleId();
            if (!Tally.counts(award, occurrencesOnDay(rule, day))) {
                continue;
            }
            occurrences.merge(rule + "|" + day, 1, Integer::sum);
            if (award.amount() > 0) {
                amounts.merge(rule + "|" + day, award.amount(), Long::sum);
            }
            if (award.points() > 0) {
                points.merge(rule + "|d|" + day, award.points(), Integer::sum);
                points.merge(rule + "|w|" + week(day), award.points(), Integer::sum);
                points.merge(rule + "|m|" + YearMonth.from(day), award.points(), Integer::sum);
                for (var key : award.itemKeys()) {
                    items.merge(key + "|" + award.item(), 1, Integer::sum);
                }
            }
        }
    }

    @Override
    public int pointsOnDay(String ruleId, LocalDate day) {
        return points.getOrDefault(ruleId + "|d|" + day, 0);
    }

    @Override
    public int pointsInWeek(String ruleId, LocalDate day) {
        return points.getOrDefault(ruleId + "|w|" + week(day), 0);
    }

    @Override
    public int pointsInMonth(String ruleId, LocalDate day) {
        return points.getOrDefault(ruleId + "|m|" + YearMonth.from(day), 0);
    }

    @Override
    public int itemAwards(String key, String item) {
        return items.getOrDefault(key + "|" + item, 0);
    }

    @Override
    public int occurrencesOnDay(String ruleId, LocalDate day) {
        return occurrences.getOrDefault(ruleId + "|" + day, 0);
    }

    @Override
    public long amountOnDay(String ruleId, LocalDate day) {
        return amounts.getOrDefault(ruleId + "|" + day, 0L);
    }

    static LocalDate week(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
