package org.jifen.calendar.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jifen.shared.sheets.Csv;

/**
 * The special days of one year as CSV text, one {@code date,kind,name} line per day, for example
 * {@code 2027-01-01,holiday,元旦} or {@code 2027-02-20,makeup_workday,春节}. Blank lines, lines starting with
 * {@code #} and a first line {@code date,kind,name} are ignored; a name may be quoted as in any CSV (the shared
 * {@link Csv} reads the fields).
 *
 * <p>Reading checks every line and reports every problem with its line number (DESIGN principle 5): the
 * caller imports the days only when there is none.
 */
public final class CalendarCsv {

    public static final String HEADER = "date,kind,name";

    private CalendarCsv() {}

    /**
     * One bad line.
     *
     * @param line 1-based line number in the text (0 for a problem with the file as a whole)
     * @param code problem code, also the message key {@code problem.<code>}
     * @param args message arguments: the offending value first
     */
    public record LineProblem(int line, String code, List<Object> args) {
        public LineProblem {
            args = List.copyOf(args);
        }
    }

    /** What the text holds: the days when {@link #problems()} is empty, else the problems. */
    public record Parsed(List<SpecialDay> days, List<LineProblem> problems) {
        public Parsed {
            days = List.copyOf(days);
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public static Parsed parse(int year, String text) {
        var days = new ArrayList<SpecialDay>();
        var problems = new ArrayList<LineProblem>();
        Map<LocalDate, Integer> seen = new HashMap<>();
        var records = Csv.parse(text == null ? "" : text.replace("\uFEFF", ""));
        boolean first = true;
        for (int i = 0; i < records.size(); i++) {
            int lineNo = i + 1;
            var fields = records.get(i).stream().map(String::strip).toList();
            if (fields.stream().allMatch(String::isEmpty) || fields.getFirst().startsWith("#")) {
                continue;
            }
            if (first && String.join(",", fields).replace(" ", "").equalsIgnoreCase(HEADER)) {
                first = false;
                continue;
            }
            first = false;
            if (fields.size() != 3) {
                problems.add(new LineProblem(lineNo, "calendar.import.columns", List.of(String.join(",", fields))));
                continue;
            }
            String dateText = fields.get(0);
            String kindText = fields.get(1);
            String name = fields.get(2);
            LocalDate date;
            try {
                date = LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                problems.add(new LineProblem(lineNo, "calendar.import.bad-date", List.of(dateText)));
                continue;
            }
            if (date.getYear() != year) {
                problems.add(new LineProblem(lineNo, "calendar.import.wrong-year", List.of(dateText, year)));
                continue;
            }
            var kind = DayKind.fromCode(kindText);
            if (kind.isEmpty()) {
                problems.add(new LineProblem(lineNo, "calendar.import.unknown-kind", List.of(kindText)));
                continue;
            }
            Integer earlier = seen.putIfAbsent(date, lineNo);
            if (earlier != null) {
                problems.add(new LineProblem(lineNo, "calendar.import.duplicate-date", List.of(dateText, earlier)));
                continue;
            }
            var problem = SpecialDay.problemWith(date, kind.get(), name);
            if (problem.isPresent()) {
                problems.add(new LineProblem(lineNo, problem.get(), List.of(dateText)));
                continue;
            }
            days.add(new SpecialDay(date, kind.get(), name));
        }
        if (days.isEmpty() && problems.isEmpty()) {
            problems.add(new LineProblem(0, "calendar.import.empty", List.of(year)));
        }
        return new Parsed(days, problems);
    }

    /** The days as CSV text with the header line, in date order; {@link #parse} reads it back unchanged. */
    public static String write(List<SpecialDay> days) {
        var out = new StringBuilder(HEADER).append('\n');
        days.stream()
                .sorted(java.util.Comparator.comparing(SpecialDay::date))
                .forEach(d -> out.append(d.date())
                        .append(',')
                        .append(d.kind().code())
                        .append(',')
                        .append(d.name().replace(",", " "))
                        .append('\n'));
        return out.toString();
    }
}
