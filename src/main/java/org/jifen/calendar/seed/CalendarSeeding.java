package org.jifen.calendar.seed;

import java.time.Clock;
import org.jifen.calendar.persistence.CalendarCache;
import org.jifen.calendar.persistence.SpecialDayRows;
import org.jifen.calendar.persistence.SpecialDayRows.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty calendar from tyme4j on start-up, so that a fresh install knows every holiday since 2002. Once
 * the table holds anything, the operator's data is left alone: a newer tyme4j does not overwrite edits; years it
 * adds are imported by the system admin (or by emptying the table).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CalendarSeeding implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CalendarSeeding.class);

    private final SpecialDayRows rows;
    private final CalendarCache cache;
    private final TransactionTemplate tx;
    private final Clock clock;

    CalendarSeeding(SpecialDayRows rows, CalendarCache cache, TransactionTemplate tx, Clock clock) {
        this.rows = rows;
        this.cache = cache;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        seedIfEmpty();
    }

    /** Seeds the calendar when it holds no special day; returns whether it did. */
    boolean seedIfEmpty() {
        long started = System.nanoTime();
        Boolean seeded = tx.execute(status -> {
            if (rows.count() > 0) {
                return false;
            }
            var data = Tyme4jHolidays.read();
            long read = System.nanoTime();
            rows.insertAll(data.days(), Source.TYME4J);
            rows.markCovered(data.coveredYears(), Source.TYME4J, clock.instant());
            if (!data.coveredYears().isEmpty()) {
                log.info(
                        "Working-day calendar seeded from tyme4j: years {}–{}, {} days ({} ms: read {} ms, write {} ms)",
                        data.coveredYears().first(),
                        data.coveredYears().last(),
                        data.days().size(),
                        (System.nanoTime() - started) / 1_000_000,
                        (read - started) / 1_000_000,
                        (System.nanoTime() - read) / 1_000_000);
            }
            return true;
        });
        cache.invalidate();
        return Boolean.TRUE.equals(seeded);
    }
}
