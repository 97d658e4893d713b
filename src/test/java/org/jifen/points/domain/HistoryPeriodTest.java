package org.jifen.points.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** LG-6: the history of how each point was earned, filtered by period. One row per business example. */
class HistoryPeriodTest {

    @ParameterizedTest(name = "{0} around {1}, given {2}..{3}: {4}..{5}")
    @DisplayName("LG-6 the history's periods are program days, weeks from Monday, calendar quarters")
    @CsvSource(
            nullValues = "-",
            value = {
                "today,   2026-05-13, -,          -,          2026-05-13, 2026-05-13",
                "week,    2026-05-13, -,          -,          2026-05-11, 2026-05-17",
                "week,    2026-05-17, -,          -,          2026-05-11, 2026-05-17",
                "month,   2026-02-13, -,          -,          2026-02-01, 2026-02-28",
                "quarter, 2026-05-13, -,          -,          2026-04-01, 2026-06-30",
                "quarter, 2026-12-31, -,          -,          2026-10-01, 2026-12-31",
                "year,    2026-05-13, -,          -,          2026-01-01, 2026-12-31",
                "range,   2026-05-13, 2026-03-01, 2026-03-31, 2026-03-01, 2026-03-31",
                "range,   2026-05-13, 2026-03-31, 2026-03-01, 2026-03-01, 2026-03-31",
                "range,   2026-05-13, 2026-03-01, -,          2026-03-01, -",
                "all,     2026-05-13, -,          -,          -,          -",
                "bogus,   2026-05-13, -,          -,          -,          -"
            })
    void period(String name, LocalDate today, LocalDate from, LocalDate to, LocalDate first, LocalDate last) {
        var period = HistoryPeriod.of(name, today, from, to);
        assertThat(period.from()).isEqualTo(first);
        assertThat(period.to()).isEqualTo(last);
    }
}
