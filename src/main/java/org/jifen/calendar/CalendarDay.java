package org.jifen.calendar;

import java.time.LocalDate;

/**
 * One date as the official calendar sees it.
 *
 * @param date the date
 * @param workingDay whether people work that day
 * @param kind {@code workday} or {@code weekend} for ordinary days, {@code holiday} or {@code makeup_workday}
 *     for special days
 * @param name the holiday's name (春节, 国庆节, …) for a special day, else null
 */
public record CalendarDay(LocalDate date, boolean workingDay, String kind, String name) {}
