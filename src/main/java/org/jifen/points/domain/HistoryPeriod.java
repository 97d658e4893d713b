package org.jifen.points.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * A period of the ledger history a learner filters by: program days {@code from} to {@code to}, both included, null
 * for open ends. Weeks run Monday to Sunday, quarters are calendar quarters (as the lottery cycle, LG-9).
 *
 * @param name {@code all}, {@code today}, {@code week}, {@code month}, {@code quarter}, {@code year} or {@code range}
 */
public record HistoryPeriod(String name, LocalDate from, LocalDate to) {

    public static final List<String> NAMES = List.of("all", "today", "week", "month", "quarter", "year", "range");

    /**
     * The period called {@code name} around the program day {@code today}; for {@code range}, the dates given (either
     * may be missing, and they are swapped when reversed). An unknown name means the whole history.
     */
    public static HistoryPeriod of(String name, LocalDate today, LocalDate from, LocalDate to) {
        return switch (name == null ? "all" : name) {
            case "today" -> new HistoryPeriod("today", today, today);
            case "week" -> new HistoryPeriod("week", today.with(DayOfWeek.MONDAY), today.with(DayOfWeek.SUNDAY));
            case "month" ->
                new HistoryPeriod("month", today.withDayOfMonth(1), today.with(TemporalAdjusters.lastDayOfMonth()));
            case "quarter" -> {
                var first = today.with(IsoFields.DAY_OF_QUARTER, 1);
                yield new HistoryPeriod("quarter", first, first.plusMonths(3).minusDays(1));
            }
            case "year" ->
                new HistoryPeriod("year", today.withDayOfYear(1), today.with(TemporalAdjusters.lastDayOfYear()));
            case "range" -> {
                if (from != null && to != null && from.isAfter(to)) {
                    yield new HistoryPeriod("range", to, from);
                }
                yield new HistoryPeriod("range", from, to);
            }
            default -> new HistoryPeriod("all", null, null);
        };
    }
}
