package org.jifen.points.ledger;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jifen.points.domain.Judgement;
import org.jifen.points.domain.Tally;

/**
 * One user's tally as loaded from {@code points.rule_day} and {@code points.item_award} for the days and items of a
 * batch, updated in memory as events are judged; what changed is written back as absolute values (the caller holds
 * the user's lock). Counts exactly what {@link org.jifen.points.domain.InMemoryTally} counts.
 */
final class UserTally implements Tally {

    /** Counters of one rule on one day. */
    static final class Cell {
        int points;
        int occurrences;
        long amount;
    }

    private final Map<String, TreeMap<LocalDate, Cell>> days = new HashMap<>();
    private final Map<String, Integer> items = new HashMap<>();
    final Set<String> dirtyDays = new LinkedHashSet<>();
    final Set<String> dirtyItems = new LinkedHashSet<>();
    /**
     * Items with an award, every award key of which is in {@link #items}: read with all their keys, or first rewarded
     * here after a probe found none. Any other item may have awards this tally does not know; see {@link #known}.
     */
    private final Set<String> rewarded = new java.util.HashSet<>();

    /** Most rewarded items a cached tally remembers; past that it forgets them (see {@link #written}). */
    static final int MAX_ITEMS = 1_000;

    void loadDay(String ruleId, LocalDate day, int points, int occurrences, long amount) {
        var cell = cell(ruleId, day);
        cell.points = points;
        cell.occurrences = occurrences;
        cell.amount = amount;
    }

    void loadItem(String key, String item, int times) {
        items.put(key + "\u0000" + item, times);
        rewarded.add(item);
    }

    /**
     * Whether this tally knows every award of the item. On a cached tally, an item it does not know is judged as never
     * rewarded, and the write checks that (a probe in the same statement).
     */
    boolean known(String item) {
        return rewarded.contains(item);
    }

    /** After the commit of what changed: nothing is dirty any more, and a tally that knows too many items forgets. */
    void written() {
        dirtyDays.clear();
        dirtyItems.clear();
        if (rewarded.size() > MAX_ITEMS) {
            rewarded.clear();
            items.clear();
        }
    }

    Cell cell(String ruleId, LocalDate day) {
        return days.computeIfAbsent(ruleId, r -> new TreeMap<>()).computeIfAbsent(day, d -> new Cell());
    }

    int items(String compositeKey) {
        return items.getOrDefault(compositeKey, 0);
    }

    /** Remembers what a judgement awarded. */
    void apply(Judgement judgement) {
        var day = judgement.day();
        for (var award : judgement.awards()) {
            var cell = cell(award.ruleId(), day);
            if (!Tally.counts(award, cell.occurrences)) {
                continue;
            }
            dirtyDays.add(award.ruleId() + "\u0000" + day);
            cell.occurrences++;
            if (award.amount() > 0) {
                cell.amount += award.amount();
            }
            if (award.points() > 0) {
                cell.points += award.points();
                for (var key : award.itemKeys()) {
                    var k = key + "\u0000" + award.item();
                    items.merge(k, 1, Integer::sum);
                    rewarded.add(award.item());
                    dirtyItems.add(k);
                }
            }
        }
    }

    @Override
    public int pointsOnDay(String ruleId, LocalDate day) {
        var m = days.get(ruleId);
        var c = m == null ? null : m.get(day);
        return c == null ? 0 : c.points;
    }

    @Override
    public int pointsInWeek(String ruleId, LocalDate day) {
        var monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return sum(ruleId, monday, monday.plusDays(6));
    }

    @Override
    public int pointsInMonth(String ruleId, LocalDate day) {
        var first = day.withDayOfMonth(1);
        return sum(ruleId, first, first.plusMonths(1).minusDays(1));
    }

    private int sum(String ruleId, LocalDate from, LocalDate to) {
        var m = days.get(ruleId);
        if (m == null) {
            return 0;
        }
        return m.subMap(from, true, to, true).values().stream()
                .mapToInt(c -> c.points)
                .sum();
    }

    @Override
    public int itemAwards(String key, String item) {
        return items.getOrDefault(key + "\u0000" + item, 0);
    }

    @Override
    public int occurrencesOnDay(String ruleId, LocalDate day) {
        var m = days.get(ruleId);
        var c = m == null ? null : m.get(day);
        return c == null ? 0 : c.occurrences;
    }

    @Override
    public long amountOnDay(String ruleId, LocalDate day) {
        var m = days.get(ruleId);
        var c = m == null ? null : m.get(day);
        return c == null ? 0 : c.amount;
    }

    /** The first day whose counters a judgement on {@code day} may read: its ISO week's Monday or its month's 1st. */
    static LocalDate earliestNeeded(LocalDate day) {
        var monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        var first = day.withDayOfMonth(1);
        return monday.isBefore(first) ? monday : first;
    }
}
