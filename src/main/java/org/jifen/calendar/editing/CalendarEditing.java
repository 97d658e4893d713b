package org.jifen.calendar.editing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jifen.audit.AuditLog;
import org.jifen.audit.AuditRecord;
import org.jifen.calendar.domain.CalendarCsv;
import org.jifen.calendar.domain.DayKind;
import org.jifen.calendar.domain.SpecialDay;
import org.jifen.calendar.persistence.CalendarCache;
import org.jifen.calendar.persistence.SpecialDayRows;
import org.jifen.calendar.persistence.SpecialDayRows.Source;
import org.jifen.calendar.persistence.SpecialDayRows.StoredDay;
import org.jifen.shared.web.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The system admin's changes to the calendar (CAL): one day at a time, or a whole year from CSV. Each change and
 * its audit entry (AUDIT) commit together; the in-memory calendar is refreshed after the commit.
 */
@Service
public class CalendarEditing {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2200;

    private final SpecialDayRows rows;
    private final CalendarCache cache;
    private final AuditLog audit;
    private final Clock clock;

    CalendarEditing(SpecialDayRows rows, CalendarCache cache, AuditLog audit, Clock clock) {
        this.rows = rows;
        this.cache = cache;
        this.audit = audit;
        this.clock = clock;
    }

    /** Makes {@code date} a holiday or make-up working day, replacing what the date was before. */
    @Transactional
    public void setDay(LocalDate date, DayKind kind, String name, String reason) {
        checkYear(date.getYear());
        SpecialDay.problemWith(date, kind, name).ifPresent(code -> {
            throw Problem.badRequest(code, date.toString());
        });
        requireReason(reason);
        var before = rows.find(date);
        var day = new SpecialDay(date, kind, name.strip());
        rows.put(day, Source.MANUAL);
        audit.record(AuditRecord.of("calendar.day-set", "calendar_day", date)
                .change(before.map(CalendarEditing::summary).orElse(null), summary(day))
                .because(reason.strip()));
        refreshAfterCommit();
    }

    /** Makes {@code date} an ordinary day again (a working day on weekdays, a rest day on weekends). */
    @Transactional
    public void removeDay(LocalDate date, String reason) {
        requireReason(reason);
        var before = rows.find(date).orElseThrow(() -> Problem.notFound("calendar.day-not-found", date.toString()));
        rows.delete(date);
        audit.record(AuditRecord.of("calendar.day-remove", "calendar_day", date)
                .change(summary(before), null)
                .because(reason.strip()));
        refreshAfterCommit();
    }

    /**
     * Replaces the special days of {@code year} with those of the CSV text and marks the year covered, when
     * every line is good; otherwise changes nothing. Returns what was read, with the problems if any.
     */
    @Transactional
    public CalendarCsv.Parsed importYear(int year, String csv, String reason) {
        checkYear(year);
        var parsed = CalendarCsv.parse(year, csv);
        if (!parsed.ok()) {
            return parsed;
        }
        var before = rows.year(year).stream().map(StoredDay::day).toList();
        boolean wasCovered = rows.coveredYears().stream().anyMatch(y -> y.year() == year);
        rows.deleteYear(year);
        rows.insertAll(parsed.days(), Source.IMPORT);
        rows.markCovered(List.of(year), Source.IMPORT, clock.instant());
        audit.record(AuditRecord.of("calendar.import-year", "calendar_year", year)
                .change(counts(before) + (wasCovered ? "" : ", not covered"), counts(parsed.days()))
                .because(reason == null || reason.isBlank() ? null : reason.strip()));
        refreshAfterCommit();
        return parsed;
    }

    private static void checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw Problem.badRequest("calendar.bad-year", String.valueOf(year));
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw Problem.badRequest("calendar.reason-missing");
        }
    }

    private void refreshAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.invalidate();
                }
            });
        } else {
            cache.invalidate();
        }
    }

    private static String summary(StoredDay stored) {
        return summary(stored.day()) + " (" + stored.source().dbName() + ")";
    }

    private static String summary(SpecialDay day) {
        return day.date() + " " + day.kind().code() + " " + day.name();
    }

    static String counts(List<SpecialDay> days) {
        long holidays = days.stream().filter(d -> d.kind() == DayKind.HOLIDAY).count();
        return holidays + " holidays, " + (days.size() - holidays) + " make-up working days";
    }
}
