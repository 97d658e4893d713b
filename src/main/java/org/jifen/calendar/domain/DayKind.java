package org.jifen.calendar.domain;

import java.util.Arrays;
import java.util.Optional;

/** What makes a date special in the official calendar. Ordinary weekdays and weekends are not stored. */
public enum DayKind {
    /** 放假: a rest day, whatever the day of the week. */
    HOLIDAY("holiday"),
    /** 调休上班: a Saturday or Sunday on which people work, to make up for a bridge day of a holiday. */
    MAKEUP_WORKDAY("makeup_workday");

    private final String code;

    DayKind(String code) {
        this.code = code;
    }

    /** The stable name used in the database, the CSV files and the REST API. */
    public String code() {
        return code;
    }

    public static Optional<DayKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
