package org.jifen.points;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jifen.points.domain.LearningEvent;
import org.jifen.shared.Actor;

/**
 * The points of every learner: judges events by the rulebook in force, appends to the ledger, answers balances.
 * Concurrent events of one user never exceed a cap, never double-count a retry, never award an item twice. Every
 * entry an event earns names who sent it: the actor passed in, or else whoever is signed in on the calling thread (a
 * learner whose own page emitted the event, an operator importing certificates), or "system" when nobody is.
 */
public interface PointsLedger {

    /** Judges and records one event (idempotent by event id); the user is an account id. */
    Outcome record(String programKey, LearningEvent event);

    /**
     * Judges and records one event without holding the caller's thread: the outcome completes after the event's
     * commit (on the committing thread). {@code sender} (an API client, say; null for "system") is named on the
     * entries it earns. Throws {@code program.not-found} at once.
     */
    java.util.concurrent.CompletableFuture<Outcome> recordAsync(String programKey, LearningEvent event, Actor sender);

    /** Judges and records events in order, one outcome each, in one transaction (the caller's, if any). */
    List<Outcome> recordAll(String programKey, List<LearningEvent> events);

    /**
     * Judges and records events of many users, one outcome each, the way concurrent single events are: shared out
     * by user among the writers that commit groups of events, so that one large batch uses every writer and shares
     * commits with other requests. Each user's events keep their order; the answer comes after every commit. Never
     * in the caller's transaction. {@code sender} (null for "system") is named on the entries they earn.
     */
    List<Outcome> submitAll(String programKey, List<LearningEvent> events, Actor sender);

    /**
     * Which of these event ids have a stored outcome: one probe of the outcomes' key each, without a lock or a writer,
     * so that a module that keeps its events until they are recorded learns which it may forget without submitting
     * them again (submitting a judged id costs a writer a whole group's work to answer its stored outcome). An event
     * rejected before judging (malformed, an unknown user) has no stored outcome.
     */
    Set<String> judged(String programKey, Collection<String> eventIds);

    Balance balance(String programKey, long userId);

    List<RuleProgress> today(String programKey, long userId);

    /** Entries newest first, within [from, to] program days when given, 50 a page from page 0. */
    List<LedgerEntry> entries(String programKey, long userId, LocalDate from, LocalDate to, int page);

    /** A staff adjustment with a reason (positive or negative), audited. */
    LedgerEntry adjust(String programKey, long userId, long points, String reason);
}
