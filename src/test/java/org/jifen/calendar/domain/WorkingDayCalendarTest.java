package org.jifen.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("CAL working days of mainland China")
class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = OfficialSchedules.calendar();

    @ParameterizedTest(name = "{0} ({2}) is a working day: {1}")
    @DisplayName("CAL holidays rest, make-up weekends work, around the 2025/2026 Spring Festival and National Day")
    @CsvSource(textBlock = """
            2025-01-24, true,  Fri before the 2025 Spring Festival
            2025-01-25, false, Sat: ordinary weekend
            2025-01-26, true,  Sun: make-up working day
            2025-01-27, true,  Mon: eve of the break
            2025-01-28, false, Tue: first day of 春节
            2025-02-01, false, Sat inside the break
            2025-02-04, false, Tue: last day of 春节
            2025-02-05, true,  Wed: back to work
            2025-02-08, true,  Sat: make-up working day
            2025-02-09, false, Sun: ordinary weekend
            2025-09-27, false, Sat before National Day 2025
            2025-09-28, true,  Sun: make-up working day
            2025-09-30, true,  Tue: eve of the break
            2025-10-01, false, Wed: 国庆中秋
            2025-10-08, false, Wed: last day of 国庆中秋
            2025-10-09, true,  Thu: back to work
            2025-10-11, true,  Sat: make-up working day
            2025-10-12, false, Sun: ordinary weekend
            2026-02-13, true,  Fri before the 2026 Spring Festival
            2026-02-14, true,  Sat: make-up working day
            2026-02-15, false, Sun: first day of 春节
            2026-02-16, false, Mon inside the break
            2026-02-23, false, Mon: last day of 春节
            2026-02-24, true,  Tue: back to work
            2026-02-28, true,  Sat: make-up working day
            2026-03-01, false, Sun: ordinary weekend
            2026-09-19, false, Sat before National Day 2026
            2026-09-20, true,  Sun: make-up working day
            2026-09-30, true,  Wed: eve of the break
            2026-10-01, false, Thu: 国庆节
            2026-10-07, false, Wed: last day of 国庆节
            2026-10-08, true,  Thu: back to work
            2026-10-10, true,  Sat: make-up working day
            2026-10-11, false, Sun: ordinary weekend
            """)
    void tells_working_days(LocalDate date, boolean working, String why) {
        assertThat(calendar.isWorkingDay(date)).isEqualTo(working);
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2} ({3})")
    @DisplayName("CAL adds working days across holidays and make-up weekends; the start date never counts")
    @CsvSource(textBlock = """
            2025-12-31,  10, 2026-01-15, LG-10c: Q4 ranking closes; New Year 1-3 Jan off; Sun 4 Jan works
            2026-02-10,  10, 2026-03-02, 10 working days across the 2026 Spring Festival: Sat 14 and Sat 28 Feb count
            2026-02-13,   1, 2026-02-14, the make-up Saturday is the next working day
            2026-02-14,   1, 2026-02-24, nine days of 春节 skipped
            2025-01-24,   5, 2025-02-07, across the 2025 Spring Festival with Sun 26 Jan working
            2025-09-30,   1, 2025-10-09, National Day 2025 skipped
            2025-09-30,   3, 2025-10-11, ... and Sat 11 Oct works
            2026-09-30,  10, 2026-10-20, LG-10c: Q3 2026 ranking closes on the eve of National Day
            2026-10-07,   1, 2026-10-08, from a holiday: the next working day
            2026-02-15,   0, 2026-02-24, n = 0 on a holiday: the first working day after it
            2026-02-14,   0, 2026-02-14, n = 0 on a working day: the day itself
            2026-03-01,   0, 2026-03-02, n = 0 on an ordinary Sunday: Monday
            2026-02-24,  -1, 2026-02-14, backwards across the Spring Festival to the make-up Saturday
            2025-10-09,  -2, 2025-09-29, backwards across National Day 2025
            2025-10-09,  -3, 2025-09-28, ... to the make-up Sunday
            """)
    void adds_working_days(LocalDate date, int n, LocalDate expected, String why) {
        assertThat(calendar.addWorkingDays(date, n)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}, {1}) holds {2} working days ({3})")
    @DisplayName("CAL counts working days in [from, to): from counts, to does not")
    @CsvSource(textBlock = """
            2026-02-01, 2026-03-01,  16, February 2026: 20 weekdays - 6 holidays + 2 make-up Saturdays
            2025-01-01, 2025-02-01,  19, January 2025: 23 weekdays - 5 holidays + make-up Sun 26 Jan
            2025-10-01, 2025-11-01,  18, October 2025: 23 weekdays - 6 holidays + make-up Sat 11 Oct
            2026-10-01, 2026-11-01,  18, October 2026: 22 weekdays - 5 holidays + make-up Sat 10 Oct
            2025-01-01, 2026-01-01, 248, the whole of 2025
            2026-01-01, 2027-01-01, 248, the whole of 2026
            2026-02-14, 2026-02-15,   1, the make-up Saturday alone
            2026-02-15, 2026-02-24,   0, the nine days of 春节
            2026-02-24, 2026-02-24,   0, an empty range
            2026-03-01, 2026-02-01, -16, reversed: negative
            """)
    void counts_working_days(LocalDate from, LocalDate to, long expected, String why) {
        assertThat(calendar.workingDaysBetween(from, to)).isEqualTo(expected);
    }

    @Test
    @DisplayName("CAL counting agrees with walking the days, and with adding: [d, d + n working days) holds n")
    void counting_agrees_with_adding() {
        for (var d = LocalDate.of(2024, 12, 1); d.isBefore(LocalDate.of(2027, 2, 1)); d = d.plusDays(1)) {
            long walked = 0;
            for (var x = d; x.isBefore(d.plusDays(40)); x = x.plusDays(1)) {
                walked += calendar.isWorkingDay(x) ? 1 : 0;
            }
            assertThat(calendar.workingDaysBetween(d, d.plusDays(40)))
                    .as("40 days from %s", d)
                    .isEqualTo(walked);
            if (calendar.isWorkingDay(d)) {
                assertThat(calendar.workingDaysBetween(d, calendar.addWorkingDays(d, 10)))
                        .as("from %s", d)
                        .isEqualTo(10);
            }
        }
    }

    @Test
    @DisplayName("CAL a year without published holidays follows the weekend rule alone")
    void uncovered_years_follow_weekends() {
        assertThat(calendar.covers(2026)).isTrue();
        assertThat(calendar.covers(2030)).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 10, 1)))
                .as("Tue 1 Oct 2030")
                .isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 10, 5)))
                .as("Sat 5 Oct 2030")
                .isFalse();
        assertThat(calendar.workingDaysBetween(LocalDate.of(2030, 9, 30), LocalDate.of(2030, 10, 7)))
                .isEqualTo(5);
        assertThat(WorkingDayCalendar.weekendsOnly().isWorkingDay(LocalDate.of(2026, 10, 1)))
                .isTrue();
    }

    @Test
    @DisplayName("CAL lists a year's special days in date order, and refuses two on one date")
    void lists_a_year() {
        assertThat(calendar.year(2026)).isEqualTo(OfficialSchedules.of2026());
        assertThat(calendar.year(2026)).hasSize(39);
        assertThat(calendar.year(2027)).isEmpty();
        var d = LocalDate.of(2026, 2, 15);
        assertThatThrownBy(() -> WorkingDayCalendar.of(
                        List.of(new SpecialDay(d, DayKind.HOLIDAY, "春节"), new SpecialDay(d, DayKind.HOLIDAY, "春节")),
                        List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
