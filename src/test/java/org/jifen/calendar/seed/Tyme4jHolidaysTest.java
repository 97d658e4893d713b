package org.jifen.calendar.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.jifen.calendar.domain.DayKind;
import org.jifen.calendar.domain.OfficialSchedules;
import org.jifen.calendar.domain.SpecialDay;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CAL the tyme4j seed data")
class Tyme4jHolidaysTest {

    private static final Tyme4jHolidays.Data DATA = Tyme4jHolidays.read();

    @Test
    @DisplayName("CAL tyme4j's 2025 and 2026 agree day for day with the State Council notices")
    void agrees_with_the_state_council() {
        assertThat(year(2025)).containsExactlyElementsOf(OfficialSchedules.of2025());
        assertThat(year(2026)).containsExactlyElementsOf(OfficialSchedules.of2026());
    }

    @Test
    @DisplayName("CAL tyme4j covers every year from 2002; its make-up days are all weekends")
    void covers_the_years_from_2002() {
        assertThat(DATA.coveredYears().first()).isEqualTo(2002);
        assertThat(DATA.coveredYears().last()).isGreaterThanOrEqualTo(2026);
        assertThat(DATA.coveredYears()).hasSize(DATA.coveredYears().last() - 2002 + 1);
        assertThat(DATA.days()).hasSizeGreaterThan(800);
        assertThat(DATA.days())
                .filteredOn(d -> d.kind() == DayKind.MAKEUP_WORKDAY)
                .allSatisfy(d -> assertThat(SpecialDay.problemWith(d.date(), d.kind(), d.name()))
                        .isEmpty());
        assertThat(DATA.days()).extracting(SpecialDay::date).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("CAL reading tyme4j's records gives exactly what walking its API gives")
    void fast_read_equals_walk() {
        assertThat(Tyme4jHolidays.readRecords()).contains(Tyme4jHolidays.walk());
        assertThat(DATA).isEqualTo(Tyme4jHolidays.walk());
    }

    @Test
    @DisplayName("CAL the two weekdays tyme4j marks as working in 2012 are left out, and stay working days")
    void skips_weekday_makeup_entries() {
        var calendar = org.jifen.calendar.domain.WorkingDayCalendar.of(DATA.days(), DATA.coveredYears());
        for (var d : new LocalDate[] {LocalDate.of(2012, 5, 2), LocalDate.of(2012, 10, 8)}) {
            assertThat(com.tyme.holiday.LegalHoliday.fromYmd(d.getYear(), d.getMonthValue(), d.getDayOfMonth())
                            .isWork())
                    .isTrue();
            assertThat(calendar.specialDay(d)).as("%s", d).isEmpty();
            assertThat(calendar.isWorkingDay(d)).as("%s", d).isTrue();
        }
        assertThat(calendar.isWorkingDay(LocalDate.of(2012, 4, 28)))
                .as("make-up Sat 28 Apr 2012")
                .isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2012, 5, 1))).isFalse();
    }

    private static java.util.List<SpecialDay> year(int y) {
        return DATA.days().stream()
                .filter(d -> d.date().getYear() == y)
                .sorted(java.util.Comparator.comparing(SpecialDay::date))
                .toList();
    }

    @Test
    @DisplayName("CAL tyme4j lists the make-up Saturday 2001-12-29 of New Year 2002, but 2001 is not covered")
    void year_2001_is_not_covered() {
        assertThat(DATA.days()).contains(new SpecialDay(LocalDate.of(2001, 12, 29), DayKind.MAKEUP_WORKDAY, "元旦"));
        assertThat(DATA.coveredYears()).doesNotContain(2001);
    }
}
