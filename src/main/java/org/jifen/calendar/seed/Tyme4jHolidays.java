package org.jifen.calendar.seed;

import com.tyme.holiday.LegalHoliday;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
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

    /**
     * One entry of {@link LegalHoliday#DATA} as tyme4j 1.4.x writes it: date, work flag, name index, offset of
     * the holiday's target day ({@code 2026021401-03} is 2026-02-14, a working day of 春节).
     */
    private static final int RECORD_LENGTH = 13;

    private static final Pattern RECORD = Pattern.compile("\\d{8}[01][0-8][+-]\\d{2}");

    /** Every special day tyme4j knows and the years it covers. */
    record Data(List<SpecialDay> days, SortedSet<Integer> coveredYears) {}

    private Tyme4jHolidays() {}

    static Data read() {
        return readRecords().orElseGet(Tyme4jHolidays::walk);
    }

    /**
     * The fast way (a few milliseconds): cut {@link LegalHoliday#DATA} into its records and let tyme4j's public
     * constructor interpret each one. Empty when the data does not look as expected, so that a future tyme4j
     * with another layout falls back to {@link #walk()} instead of seeding nonsense.
     */
    static Optional<Data> readRecords() {
        String data = LegalHoliday.DATA;
        if (data == null || data.isEmpty() || data.length() % RECORD_LENGTH != 0) {
            return Optional.empty();
        }
        var holidays = new ArrayList<LegalHoliday>();
        for (int i = 0; i < data.length(); i += RECORD_LENGTH) {
            String record = data.substring(i, i + RECORD_LENGTH);
            if (!RECORD.matcher(record).matches()) {
                return Optional.empty();
            }
            LocalDate date;
            try {
                date = LocalDate.of(
                        Integer.parseInt(record.substring(0, 4)),
                        Integer.parseInt(record.substring(4, 6)),
                        Integer.parseInt(record.substring(6, 8)));
            } catch (java.time.DateTimeException e) {
                return Optional.empty();
            }
            holidays.add(new LegalHoliday(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), record));
        }
        return Optional.of(collect(holidays));
    }

    /**
     * The slow but layout-independent way (80 ms on an idle JVM, several hundred on a busy start): find the first
     * entry by asking day by day, then follow {@link LegalHoliday#next(int)} from entry to entry.
     */
    static Data walk() {
        LegalHoliday h = null;
        var d = SEARCH_FROM;
        for (int i = 0; h == null && i < SEARCH_DAYS; i++, d = d.plusDays(1)) {
            h = LegalHoliday.fromYmd(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        }
        var holidays = new ArrayList<LegalHoliday>();
        while (h != null) {
            holidays.add(h);
            h = h.next(1);
        }
        return collect(holidays);
    }

    private static Data collect(List<LegalHoliday> holidays) {
        var days = new ArrayList<SpecialDay>();
        // A year is covered when tyme4j lists at least one rest day in it; 2001 holds only two make-up days
        // of New Year 2002, so it is not.
        var covered = new TreeSet<Integer>();
        for (var h : holidays) {
            var s = h.getDay();
            var date = LocalDate.of(s.getYear(), s.getMonth(), s.getDay());
            var kind = h.isWork() ? DayKind.MAKEUP_WORKDAY : DayKind.HOLIDAY;
            // tyme4j 1.4.9 also marks two ordinary weekdays as working (2012-05-02, 2012-10-08, the days after
            // the breaks): they change nothing and a make-up working day must be a weekend, so they are skipped.
            if (SpecialDay.problemWith(date, kind, h.getName()).isEmpty()) {
                days.add(new SpecialDay(date, kind, h.getName()));
            }
            if (kind == DayKind.HOLIDAY) {
                covered.add(date.getYear());
            }
        }
        days.sort(java.util.Comparator.comparing(SpecialDay::date));
        return new Data(List.copyOf(days), covered);
    }
}
