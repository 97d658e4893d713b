package org.jifen.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("CAL importing a year of holidays from CSV")
class CalendarCsvTest {

    @ParameterizedTest(name = "line 2 \"{0}\" is rejected with {1}")
    @DisplayName("CAL every kind of bad line is reported with its line number")
    @CsvSource(delimiter = '|', textBlock = """
            2027-02-30,holiday,春节       | calendar.import.bad-date
            27-01-01,holiday,元旦         | calendar.import.bad-date
            2026-12-31,holiday,元旦       | calendar.import.wrong-year
            2027-01-01,vacation,元旦      | calendar.import.unknown-kind
            2027-01-01,holiday            | calendar.import.columns
            2027-01-01,holiday,元旦,extra | calendar.import.columns
            2027-01-01,holiday,           | calendar.name-missing
            2027-02-03,makeup_workday,春节 | calendar.makeup-not-weekend
            2027-01-05,holiday,元旦       | calendar.import.duplicate-date
            """)
    void reports_a_bad_line(String line, String code) {
        var parsed = CalendarCsv.parse(2027, "2027-01-05,holiday,元旦\n" + line.strip() + "\n");
        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.code()).isEqualTo(code);
        });
    }

    @Test
    @DisplayName("CAL a holiday on a weekend is allowed; header, blank and comment lines are skipped")
    void reads_a_good_file() {
        var parsed = CalendarCsv.parse(2027, """
                \uFEFFdate,kind,name
                # 2027 元旦
                2027-01-01,holiday,元旦
                2027-01-02 , holiday , 元旦

                2027-02-20,makeup_workday,春节
                """);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.days())
                .containsExactly(
                        new SpecialDay(LocalDate.of(2027, 1, 1), DayKind.HOLIDAY, "元旦"),
                        new SpecialDay(LocalDate.of(2027, 1, 2), DayKind.HOLIDAY, "元旦"),
                        new SpecialDay(LocalDate.of(2027, 2, 20), DayKind.MAKEUP_WORKDAY, "春节"));
    }

    @Test
    @DisplayName("CAL all bad lines are reported at once, each with its own line number")
    void reports_all_bad_lines() {
        var parsed = CalendarCsv.parse(2027, """
                date,kind,name
                2027-01-01,holiday,元旦
                2027-13-01,holiday,元旦
                2027-01-01,holiday,元旦
                2027-02-03,makeup_workday,春节
                """);
        assertThat(parsed.problems())
                .extracting(CalendarCsv.LineProblem::line, CalendarCsv.LineProblem::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "calendar.import.bad-date"),
                        org.assertj.core.groups.Tuple.tuple(4, "calendar.import.duplicate-date"),
                        org.assertj.core.groups.Tuple.tuple(5, "calendar.makeup-not-weekend"));
        assertThat(parsed.problems().get(1).args()).containsExactly("2027-01-01", 2);
    }

    @Test
    @DisplayName("CAL a quoted name may hold a comma, as any spreadsheet writes it")
    void reads_a_quoted_name() {
        var parsed = CalendarCsv.parse(2027, "2027-01-01,holiday,\"元旦, 新年\"\r\n");
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.days()).containsExactly(new SpecialDay(LocalDate.of(2027, 1, 1), DayKind.HOLIDAY, "元旦, 新年"));
    }

    @Test
    @DisplayName("CAL a file without any day is rejected rather than emptying the year")
    void rejects_an_empty_file() {
        assertThat(CalendarCsv.parse(2027, "date,kind,name\n\n").problems())
                .extracting(CalendarCsv.LineProblem::code)
                .containsExactly("calendar.import.empty");
        assertThat(CalendarCsv.parse(2027, null).ok()).isFalse();
    }

    @Test
    @DisplayName("CAL an exported year reads back unchanged")
    void round_trips() {
        var days = OfficialSchedules.of2026();
        var text = CalendarCsv.write(days);
        assertThat(text).startsWith("date,kind,name\n2026-01-01,holiday,元旦\n");
        var parsed = CalendarCsv.parse(2026, text);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.days()).isEqualTo(days);
        assertThat(CalendarCsv.write(List.of())).isEqualTo("date,kind,name\n");
    }
}
