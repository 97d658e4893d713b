package org.jifen.calendar.seed;

import com.tyme.holiday.LegalHoliday;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jifen.calendar.domain.DayKind;
import org.jifen.calendar.domain.SpecialDay;

/**
 * Reads the PRC legal holidays and make-up working days that {@code cn.6tail:tyme4j} ships (from the State
 * Council notices, 2002 onwards).
 */
final class Tyme4jHolidays {

    /** tyme4j's data starts in late 2001 (the make-up days of New Year 2002); the search starts a year earlier. */
    static final LocalDate SEARCH_FROM = LocalDate.of(2000, 1, 1);

    /** Give up looking for the first entry after this many days (the library has no data at all then). */
    private static final int SEARCH_DAYS = 5 * 366;

    /** Every special day tyme4j knows and the years it covers. */
    record Data(List<SpecialDay> days, SortedSet<Integer> coveredYears) {}

    private Tyme4jHolidays() {}

    /**
     * Finds the first entry by asking day by day, then follows {@link LegalHoliday#next(int)} from entry to
     * entry: about 900 lookups instead of one per calendar day (80 ms rather than 400 ms on a cold JVM).
     */
    static Data read() {
        LegalHoliday h = null;
        var d = SEARCH_FROM;
        for (int i = 0; h == null && i < SEARCH_DAYS; i++, d = d.plusDays(1)) {
            h = LegalHoliday.fromYmd(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        }
        var days = new ArrayList<SpecialDay>();
        // A year is covered when tyme4j lists at least one rest day in it; 2001 holds only two make-up days
        // of New Year 2002, so it is not.
        var covered = new TreeSet<Integer>();
        while (h != null) {
            var s = h.getDay();
            var date = LocalDate.of(s.getYear(), s.getMonth(), s.getDay());
            var kind = h.isWork() ? DayKind.MAKEUP_WORKDAY : DayKind.HOLIDAY;
            var day = new SpecialDay(date, kind, h.getName());
            // tyme4j 1.4.9 also marks two ordinary weekdays as working (2012-05-02, 2012-10-08, the days after
            // the breaks): they change nothing and a make-up working day must be a weekend, so they are skipped.
            if (SpecialDay.problemWith(date, kind, day.name()).isEmpty()) {
                days.add(day);
            }
            if (kind == DayKind.HOLIDAY) {
                covered.add(date.getYear());
            }
            h = h.next(1);
        }
        return new Data(days, covered);
    }
}
