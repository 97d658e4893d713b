package org.jifen.calendar.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jifen.calendar.domain.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * The calendar held in memory: every working-day question is answered without touching the database. An edit on
 * this node {@linkplain #invalidate() invalidates} it after commit; other nodes pick the edit up within
 * {@link #MAX_AGE}, which is plenty for data that changes once a year.
 */
@Component
public class CalendarCache {

    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final SpecialDayRows rows;
    private final Clock clock;

    private volatile Loaded loaded;

    CalendarCache(SpecialDayRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    public WorkingDayCalendar current() {
        var now = clock.instant();
        var l = loaded;
        if (l == null || l.at().plus(MAX_AGE).isBefore(now) || now.isBefore(l.at())) {
            l = new Loaded(load(), now);
            loaded = l;
        }
        return l.calendar();
    }

    public void invalidate() {
        loaded = null;
    }

    private WorkingDayCalendar load() {
        return WorkingDayCalendar.of(
                rows.all(),
                rows.coveredYears().stream()
                        .map(SpecialDayRows.CoveredYear::year)
                        .toList());
    }

    private record Loaded(WorkingDayCalendar calendar, Instant at) {}
}
