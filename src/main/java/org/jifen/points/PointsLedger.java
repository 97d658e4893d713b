package org.jifen.points;

import java.time.LocalDate;
import java.util.List;
import org.jifen.points.domain.LearningEvent;

/**
 * The points of every learner: judges events by the rulebook in force, appends to the ledger, answers balances.
 * Concurrent events of one user never exceed a cap, never double-count a retry, never award an item twice.
 */
public interface PointsLedger {

    /** Judges and records one event (idempotent by event id); the user is an account id. */
    Outcome record(String programKey, LearningEvent event);

    /** Judges and records events in order, one outcome each. */
    List<Outcome> recordAll(String programKey, List<LearningEvent> events);

    Balance balance(String programKey, long userId);

    List<RuleProgress> today(String programKey, long userId);

    /** Entries newest first, within [from, to] program days when given, 50 a page from page 0. */
    List<LedgerEntry> entries(String programKey, long userId, LocalDate from, LocalDate to, int page);

    /** A staff adjustment with a reason (positive or negative), audited. */
    LedgerEntry adjust(String programKey, long userId, long points, String reason);
}
