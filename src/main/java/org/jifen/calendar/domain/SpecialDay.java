package org.jifen.calendar.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A date on which the official calendar departs from "Monday to Friday work, weekend rest".
 *
 * @param date the date
 * @param kind holiday or make-up working day
 * @param name the holiday it belongs to (春节, 国庆节, …); a make-up day carries the name of its holiday
 */
public record SpecialDay(LocalDate date, DayKind kind, String name) {

    /** Longest holiday name the calendar keeps. */
    public static final int MAX_NAME_LENGTH = 50;

    public SpecialDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    /**
     * The rule every edited or imported day must follow, as a problem code ({@code calendar.<code>}) or empty
     * when the day is acceptable. A holiday may fall on a weekend (it then changes nothing but its name); a
     * make-up working day must be a Saturday or Sunday, otherwise it would not make anything up.
     */
    public static Optional<String> problemWith(LocalDate date, DayKind kind, String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("calendar.name-missing");
        }
        if (name.strip().length() > MAX_NAME_LENGTH) {
            return Optional.of("calendar.name-too-long");
        }
        if (kind == DayKind.MAKEUP_WORKDAY && !isWeekend(date)) {
            return Optional.of("calendar.makeup-not-weekend");
        }
        return Optional.empty();
    }

    static boolean isWeekend(LocalDate date) {
        var dow = date.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }
}
