package org.jifen.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.jifen.calendar.persistence.CalendarCache;
import org.springframework.stereotype.Service;

/**
 * Working days of mainland China (CAL) for every module: deadlines such as "within 10 working days" (LG-10c),
 * "15 working days to claim" (LG-12b) or "public notice for 5 working days" (BC-8.3).
 *
 * <p>Answers come from memory, refreshed when the system admin edits the calendar. Years without published
 * holidays follow the weekend rule alone (see {@link #covers(int)}).
 */
@Service
public class WorkingDays {

    private final CalendarCache cache;

    WorkingDays(CalendarCache cache) {
        this.cache = cache;
    }

    public boolean isWorkingDay(LocalDate date) {
        return cache.current().isWorkingDay(date);
    }

    /**
     * The date {@code n} working days after {@code date} (before it when {@code n} is negative), not counting
     * {@code date} itself. {@code n = 0} gives {@code date} when it is a working day, else the next working day.
     */
    public LocalDate addWorkingDays(LocalDate date, int n) {
        return cache.current().addWorkingDays(date, n);
    }

    /** Working days in {@code [from, to)}: {@code from} counts, {@code to} does not; negative if to < from. */
    public long workingDaysBetween(LocalDate from, LocalDate to) {
        return cache.current().workingDaysBetween(from, to);
    }

    /** The date with its kind and holiday name. */
    public CalendarDay day(LocalDate date) {
        var calendar = cache.current();
        var special = calendar.specialDay(date);
        if (special.isPresent()) {
            var s = special.get();
            return new CalendarDay(date, calendar.isWorkingDay(date), s.kind().code(), s.name());
        }
        var dow = date.getDayOfWeek();
        boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
        return new CalendarDay(date, !weekend, weekend ? "weekend" : "workday", null);
    }

    /** True when the holidays of {@code year} are known (seeded or imported). */
    public boolean covers(int year) {
        return cache.current().covers(year);
    }
}
