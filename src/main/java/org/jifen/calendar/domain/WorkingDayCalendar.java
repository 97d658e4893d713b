package org.jifen.calendar.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The working days of mainland China (CAL), built from the special days: Monday to Friday are working days and
 * Saturday and Sunday rest days, except that a {@linkplain DayKind#HOLIDAY holiday} is always a rest day and a
 * {@linkplain DayKind#MAKEUP_WORKDAY make-up working day} is always a working day.
 *
 * <p>Years outside {@link #coveredYears()} have no published holidays (too far back, or not yet announced): for
 * them the weekend rule alone applies. A special day stored in such a year (tyme4j lists the make-up Saturday
 * 2001-12-29 of New Year 2002, for instance) still counts, because it is a fact.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class WorkingDayCalendar {

    private final NavigableMap<LocalDate, SpecialDay> special;
    private final SortedSet<Integer> coveredYears;

    private WorkingDayCalendar(NavigableMap<LocalDate, SpecialDay> special, SortedSet<Integer> coveredYears) {
        this.special = special;
        this.coveredYears = coveredYears;
    }

    public static WorkingDayCalendar of(Collection<SpecialDay> days, Collection<Integer> coveredYears) {
        var map = new TreeMap<LocalDate, SpecialDay>();
        for (var day : days) {
            if (map.put(day.date(), day) != null) {
                throw new IllegalArgumentException("two special days on " + day.date());
            }
        }
        return new WorkingDayCalendar(
                java.util.Collections.unmodifiableNavigableMap(map),
                java.util.Collections.unmodifiableSortedSet(new TreeSet<>(coveredYears)));
    }

    /** A calendar that knows no holidays: weekends only. */
    public static WorkingDayCalendar weekendsOnly() {
        return of(List.of(), List.of());
    }

    public boolean isWorkingDay(LocalDate date) {
        var day = special.get(date);
        if (day != null) {
            return day.kind() == DayKind.MAKEUP_WORKDAY;
        }
        return !SpecialDay.isWeekend(date);
    }

    public Optional<SpecialDay> specialDay(LocalDate date) {
        return Optional.ofNullable(special.get(date));
    }

    /**
     * The working day {@code n} working days after {@code date} (before it, for negative {@code n}); the date
     * itself is never counted. Deadlines such as "within 10 working days after the ranking closes" (LG-10c) are
     * {@code addWorkingDays(close, 10)}.
     *
     * <p>{@code n = 0} means "the first working day from {@code date} on": the date itself when it is a working
     * day, otherwise the next working day. That is how a time limit starting on a holiday is read in practice:
     * it starts when work resumes.
     */
    public LocalDate addWorkingDays(LocalDate date, int n) {
        if (n == 0) {
            var d = date;
            while (!isWorkingDay(d)) {
                d = d.plusDays(1);
            }
            return d;
        }
        int step = n > 0 ? 1 : -1;
        int left = Math.abs(n);
        var d = date;
        while (left > 0) {
            d = d.plusDays(step);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /**
     * The number of working days in the half-open range {@code [from, to)}: {@code from} counts, {@code to} does
     * not, so that consecutive ranges add up and {@code workingDaysBetween(d, d)} is 0. When {@code to} is before
     * {@code from} the result is negative: {@code -workingDaysBetween(to, from)}.
     */
    public long workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        long count = weekdaysBetween(from, to);
        for (var day : special.subMap(from, true, to, false).values()) {
            boolean weekend = SpecialDay.isWeekend(day.date());
            if (day.kind() == DayKind.HOLIDAY && !weekend) {
                count--;
            } else if (day.kind() == DayKind.MAKEUP_WORKDAY && weekend) {
                count++;
            }
        }
        return count;
    }

    /** Monday to Friday in {@code [from, to)}, by arithmetic rather than by walking the days. */
    private static long weekdaysBetween(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        long count = days / 7 * 5;
        var d = from.plusDays(days / 7 * 7);
        while (d.isBefore(to)) {
            if (!SpecialDay.isWeekend(d)) {
                count++;
            }
            d = d.plusDays(1);
        }
        return count;
    }

    /** True when the holidays of {@code year} are known. */
    public boolean covers(int year) {
        return coveredYears.contains(year);
    }

    public SortedSet<Integer> coveredYears() {
        return coveredYears;
    }

    /** The special days of one year, in date order. */
    public List<SpecialDay> year(int year) {
        return List.copyOf(special.subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year + 1, 1, 1), false)
                .values());
    }

    public int size() {
        return special.size();
    }
}
