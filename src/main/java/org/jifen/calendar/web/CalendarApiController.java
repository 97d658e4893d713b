package org.jifen.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jifen.calendar.CalendarDay;
import org.jifen.calendar.WorkingDays;
import org.jifen.calendar.editing.CalendarEditing;
import org.jifen.calendar.persistence.SpecialDayRows;
import org.jifen.shared.web.Problem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Working days for integrations and other front ends (CAL). Any signed-in user or API client may ask. */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "Calendar", description = "Working days of mainland China: holidays and make-up working days (CAL)")
class CalendarApiController {

    /** Ten years of working days: further than any deadline the platform computes. */
    static final int MAX_DAYS = 2600;

    private final WorkingDays workingDays;
    private final SpecialDayRows rows;

    CalendarApiController(WorkingDays workingDays, SpecialDayRows rows) {
        this.workingDays = workingDays;
        this.rows = rows;
    }

    @GetMapping("/working-day")
    @Operation(summary = "Whether a date is a working day, with its kind and holiday name")
    CalendarDay workingDay(@Parameter(example = "2026-02-14") @RequestParam(required = false) String date) {
        return workingDays.day(date(date));
    }

    @GetMapping("/add-working-days")
    @Operation(
            summary = "The date n working days after (n < 0: before) a date",
            description = "The date itself is not counted; days = 0 gives the date if it is a working day, else the"
                    + " next working day.")
    Shifted addWorkingDays(
            @Parameter(example = "2026-02-10") @RequestParam(required = false) String date,
            @Parameter(example = "10") @RequestParam(required = false) String days) {
        var from = date(date);
        int n = days(days);
        return new Shifted(from, n, workingDays.addWorkingDays(from, n));
    }

    @GetMapping("/working-days-between")
    @Operation(summary = "Number of working days in [from, to): from counts, to does not; negative if to < from")
    Between workingDaysBetween(
            @Parameter(example = "2026-02-01") @RequestParam(required = false) String from,
            @Parameter(example = "2026-03-01") @RequestParam(required = false) String to) {
        var start = date(from);
        var end = date(to);
        return new Between(start, end, workingDays.workingDaysBetween(start, end));
    }

    @GetMapping("/years/{year}")
    @Operation(summary = "The holidays and make-up working days of a year, and whether the year is covered")
    Year specialDays(@PathVariable String year) {
        int y = parseYear(year);
        var covered = rows.coveredYears().stream().filter(c -> c.year() == y).findFirst();
        return new Year(
                y,
                covered.isPresent(),
                covered.map(c -> c.source().dbName()).orElse(null),
                rows.year(y).stream()
                        .map(s -> new Day(
                                s.day().date(),
                                s.day().kind().code(),
                                s.day().name(),
                                s.source().dbName()))
                        .toList());
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            throw Problem.badRequest("calendar.date-missing");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("calendar.bad-date", text);
        }
    }

    private static int days(String text) {
        try {
            int n = Integer.parseInt(text == null ? "" : text.strip());
            if (Math.abs(n) <= MAX_DAYS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Problem.badRequest("calendar.bad-days", String.valueOf(text), MAX_DAYS);
    }

    private static int parseYear(String text) {
        try {
            int y = Integer.parseInt(text.strip());
            if (y >= CalendarEditing.FIRST_YEAR && y <= CalendarEditing.LAST_YEAR) {
                return y;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Problem.badRequest("calendar.bad-year", text);
    }

    record Shifted(LocalDate date, int days, LocalDate result) {}

    record Between(LocalDate from, LocalDate to, long workingDays) {}

    record Day(LocalDate date, String kind, String name, String source) {}

    record Year(int year, boolean covered, String source, List<Day> days) {}
}
