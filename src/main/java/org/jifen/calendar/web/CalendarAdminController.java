package org.jifen.calendar.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.jifen.calendar.WorkingDays;
import org.jifen.calendar.domain.CalendarCsv;
import org.jifen.calendar.domain.DayKind;
import org.jifen.calendar.domain.SpecialDay;
import org.jifen.calendar.editing.CalendarEditing;
import org.jifen.calendar.persistence.SpecialDayRows;
import org.jifen.calendar.persistence.SpecialDayRows.StoredDay;
import org.jifen.shared.sheets.Sheets;
import org.jifen.shared.web.Problem;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The system admin's view of the working-day calendar (CAL): a year's holidays and make-up working days as a list
 * and as twelve month grids, single-day edits with a reason, and the import and export of a year as CSV.
 */
@Controller
@RequestMapping("/admin/calendar")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class CalendarAdminController {

    /** The calendar is China's: "this year" is the year in Beijing. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final SpecialDayRows rows;
    private final WorkingDays workingDays;
    private final CalendarEditing editing;
    private final MessageSource messages;
    private final Clock clock;

    CalendarAdminController(
            SpecialDayRows rows,
            WorkingDays workingDays,
            CalendarEditing editing,
            MessageSource messages,
            Clock clock) {
        this.rows = rows;
        this.workingDays = workingDays;
        this.editing = editing;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String page(@RequestParam(required = false) Integer year, Model model, Locale locale) {
        int y = year == null || year < CalendarEditing.FIRST_YEAR || year > CalendarEditing.LAST_YEAR
                ? thisYear()
                : year;
        fill(model, y, locale);
        return "calendar/admin";
    }

    @PostMapping("/days")
    String setDay(
            @RequestParam int year,
            @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String reason,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            var d = parseDate(date);
            var k = DayKind.fromCode(kind).orElseThrow(() -> Problem.badRequest("calendar.unknown-kind", kind));
            editing.setDay(d, k, name, reason);
            redirect.addFlashAttribute("notice", text("calendar.notice.day-saved", locale, d.toString()));
            return "redirect:/admin/calendar?year=" + d.getYear();
        } catch (Problem p) {
            model.addAttribute("dayError", text("problem." + p.code(), locale, p.args()));
            model.addAttribute("dayForm", new DayForm(date, kind, name, reason));
            fill(model, year, locale);
            return "calendar/admin";
        }
    }

    @PostMapping("/days/{date}/delete")
    String removeDay(
            @PathVariable String date,
            @RequestParam(defaultValue = "") String reason,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        LocalDate d = null;
        try {
            d = parseDate(date);
            editing.removeDay(d, reason);
            redirect.addFlashAttribute("notice", text("calendar.notice.day-removed", locale, d.toString()));
            return "redirect:/admin/calendar?year=" + d.getYear();
        } catch (Problem p) {
            model.addAttribute("removeError", text("problem." + p.code(), locale, p.args()));
            fill(model, d == null ? thisYear() : d.getYear(), locale);
            return "calendar/admin";
        }
    }

    @PostMapping("/import")
    String importYear(
            @RequestParam int year,
            @RequestParam(defaultValue = "") String csv,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "") String reason,
            Model model,
            Locale locale,
            RedirectAttributes redirect)
            throws IOException {
        String text = file != null && !file.isEmpty() ? Sheets.decode(file.getBytes()) : csv;
        CalendarCsv.Parsed parsed;
        try {
            parsed = editing.importYear(year, text, reason);
        } catch (Problem p) {
            model.addAttribute("importProblems", List.of(text("problem." + p.code(), locale, p.args())));
            model.addAttribute("importCsv", csv);
            fill(model, thisYear(), locale);
            return "calendar/admin";
        }
        if (parsed.ok()) {
            redirect.addFlashAttribute(
                    "notice",
                    text("calendar.notice.imported", locale, year, parsed.days().size()));
            return "redirect:/admin/calendar?year=" + year;
        }
        model.addAttribute(
                "importProblems",
                parsed.problems().stream()
                        .map(p -> p.line() == 0
                                ? text("problem." + p.code(), locale, p.args().toArray())
                                : text(
                                        "calendar.import.line",
                                        locale,
                                        p.line(),
                                        text(
                                                "problem." + p.code(),
                                                locale,
                                                p.args().toArray())))
                        .toList());
        model.addAttribute("importCsv", csv);
        fill(model, year, locale);
        return "calendar/admin";
    }

    @GetMapping("/export")
    ResponseEntity<String> export(@RequestParam int year) {
        var days = rows.year(year).stream().map(StoredDay::day).toList();
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("calendar-" + year + ".csv")
                                .build()
                                .toString())
                .body(CalendarCsv.write(days));
    }

    private void fill(Model model, int year, Locale locale) {
        var covered = rows.coveredYears();
        var coverage = covered.stream().filter(c -> c.year() == year).findFirst();
        var days = rows.year(year);
        var years = new TreeSet<Integer>(java.util.Comparator.reverseOrder());
        covered.forEach(c -> years.add(c.year()));
        int now = thisYear();
        years.add(now - 1);
        years.add(now);
        years.add(now + 1);
        years.add(year);
        model.addAttribute("year", year);
        model.addAttribute("years", years);
        model.addAttribute("coverage", coverage.orElse(null));
        model.addAttribute("days", days);
        model.addAttribute(
                "holidayCount",
                days.stream().filter(d -> d.day().kind() == DayKind.HOLIDAY).count());
        model.addAttribute(
                "makeupCount",
                days.stream()
                        .filter(d -> d.day().kind() == DayKind.MAKEUP_WORKDAY)
                        .count());
        model.addAttribute("months", months(year, days));
        if (!model.containsAttribute("dayForm")) {
            model.addAttribute("dayForm", new DayForm("", "holiday", "", ""));
        }
        model.addAttribute(
                "kinds", List.of(DayKind.values()).stream().map(DayKind::code).toList());
    }

    /** Twelve month grids, weeks from Monday to Sunday as calendars in China print them. */
    private List<MonthView> months(int year, List<StoredDay> days) {
        var months = new ArrayList<MonthView>();
        for (int m = 1; m <= 12; m++) {
            var ym = YearMonth.of(year, m);
            var weeks = new ArrayList<List<Cell>>();
            var week = new ArrayList<Cell>();
            int lead = ym.atDay(1).getDayOfWeek().getValue() - 1;
            for (int i = 0; i < lead; i++) {
                week.add(null);
            }
            for (int d = 1; d <= ym.lengthOfMonth(); d++) {
                var date = ym.atDay(d);
                week.add(cell(date, find(days, date)));
                if (week.size() == 7) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(null);
                }
                weeks.add(week);
            }
            months.add(new MonthView(m, weeks));
        }
        return months;
    }

    private Cell cell(LocalDate date, Optional<SpecialDay> special) {
        String css;
        if (special.isPresent()) {
            css = special.get().kind() == DayKind.HOLIDAY ? "cal-holiday" : "cal-makeup";
        } else {
            var dow = date.getDayOfWeek();
            css = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? "cal-weekend" : "cal-workday";
        }
        return new Cell(
                date.toString(),
                date.getDayOfMonth(),
                css,
                special.map(s -> date + " " + s.name()).orElse(date.toString()),
                workingDays.isWorkingDay(date));
    }

    private static Optional<SpecialDay> find(List<StoredDay> days, LocalDate date) {
        return days.stream()
                .map(StoredDay::day)
                .filter(d -> d.date().equals(date))
                .findFirst();
    }

    private int thisYear() {
        return clock.instant().atZone(CHINA).getYear();
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("calendar.bad-date", text);
        }
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    record DayForm(String date, String kind, String name, String reason) {}

    record MonthView(int month, List<List<Cell>> weeks) {}

    record Cell(String date, int day, String css, String title, boolean working) {}
}
