package org.jifen.content.tracking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.jifen.points.Outcome;
import org.jifen.points.PointsLedger;
import org.jifen.points.domain.LearningEvent;
import org.jifen.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Repairs what a crash or a failing ledger left between a beat's commit and the ledger's (LG-7.2.3, LG-7.2.4): every
 * {@code jifen.tracking.replay-every} (default 1 minute), and once when the platform has started, it takes the rows
 * of the tracking outbox written more than {@code jifen.tracking.replay-after} ago (default 1 minute, time enough for
 * the beat that wrote a row to record its events), in chunks of {@value #CHUNK} in the order of their keys, and
 *
 * <ul>
 *   <li>removes the rows whose events the ledger has already judged: almost all of them, since {@link Tracking} leaves
 *       the row of a recorded event for this job rather than pay a second write per earning beat. It asks the ledger
 *       which ids it has judged ({@link PointsLedger#judged}, a read of the outcomes' key) instead of submitting them
 *       all again, which would cost the group-commit writers that judge live events a full group's work each;
 *   <li>submits the others again ({@link PointsLedger#submitAll}, idempotent by event id) and removes each row whose
 *       event got an outcome, whatever it is: zero points are a judgement too. A row whose submission fails stays for
 *       the next run.
 * </ul>
 *
 * An event that the original beat records while this job submits it too is judged once: the ledger serializes the
 * two on the user's balance row and the second answers the first's outcome. The same holds for two platform instances
 * running this job at once; they only duplicate work. Logs name event ids only, never a person.
 */
@Component
class TrackingReplay {

    private static final Logger log = LoggerFactory.getLogger(TrackingReplay.class);
    static final int CHUNK = 500;
    /**
     * The sender the entries of replayed events name: "system", which replayed them (the beat's own record names the
     * learner signed in on its request).
     */
    private static final Actor BY_SYSTEM = null;

    /** Event ids named in one log line at most: after a long outage, the count says the rest. */
    private static final int LOGGED_IDS = 20;

    private final TrackingRows rows;
    private final PointsLedger ledger;
    private final Clock clock;
    private final Duration grace;
    private final Counter replayed;
    private final Counter replayedPoints;
    private final Counter cleared;
    private final Counter failed;

    TrackingReplay(
            TrackingRows rows,
            PointsLedger ledger,
            Clock clock,
            MeterRegistry meters,
            @Value("${jifen.tracking.replay-after:1m}") Duration grace) {
        this.rows = rows;
        this.ledger = ledger;
        this.clock = clock;
        this.grace = grace;
        this.replayed = Counter.builder("jifen.tracking.replayed")
                .description("Learning events of verified beats that had not reached the points ledger, replayed")
                .register(meters);
        this.replayedPoints = Counter.builder("jifen.tracking.replayed.points")
                .description("Points that replayed learning events earned")
                .register(meters);
        this.cleared = Counter.builder("jifen.tracking.outbox.cleared")
                .description("Outbox rows removed because the ledger had judged their events")
                .register(meters);
        this.failed = Counter.builder("jifen.tracking.replay.failed")
                .description("Replays of learning events that failed (the row stays for the next run)")
                .register(meters);
    }

    /**
     * What one run did: events replayed (they had not reached the ledger) and the points their outcomes hold, rows
     * cleared (their events had), events whose replay failed.
     */
    record Run(int replayed, long points, int cleared, int failed) {}

    /** Repairs a crash at once; a failure here must not stop the platform from starting. */
    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        replayOrWarn();
    }

    @Scheduled(
            fixedDelayString = "${jifen.tracking.replay-every:1m}",
            initialDelayString = "${jifen.tracking.replay-every:1m}")
    void onSchedule() {
        replayOrWarn();
    }

    private void replayOrWarn() {
        try {
            replay();
        } catch (RuntimeException e) {
            log.warn("Replaying the tracking outbox failed; the next run tries again", e);
        }
    }

    /** One run over the outbox rows older than the grace period; a start-up run and a scheduled one never overlap. */
    synchronized Run replay() {
        var before = clock.instant().minus(grace);
        var pass = new Pass();
        String after = null;
        List<TrackingRows.Queued> chunk;
        do {
            chunk = rows.outboxBefore(before, after, CHUNK);
            if (chunk.isEmpty()) {
                break;
            }
            after = chunk.getLast().event().id();
            var byProgram = new LinkedHashMap<String, List<LearningEvent>>();
            for (var q : chunk) {
                byProgram
                        .computeIfAbsent(q.programKey(), k -> new ArrayList<>())
                        .add(q.event());
            }
            var done = new ArrayList<String>();
            byProgram.forEach((programKey, events) -> done.addAll(pass.settle(programKey, events)));
            rows.deleteOutbox(done);
        } while (chunk.size() == CHUNK);
        return reported(pass);
    }

    /** What a run has done so far; of the events it names, the first {@value #LOGGED_IDS} of each kind. */
    private final class Pass {
        final List<String> replayedIds = new ArrayList<>();
        final List<String> failedIds = new ArrayList<>();
        int replayed;
        long points;
        int cleared;
        int failed;
        RuntimeException firstFailure;

        /** The ids of the events that have an outcome now: judged before, or replayed. */
        List<String> settle(String programKey, List<LearningEvent> events) {
            Set<String> judged;
            try {
                judged = ledger.judged(
                        programKey, events.stream().map(LearningEvent::id).toList());
            } catch (RuntimeException e) {
                events.forEach(ev -> failed(ev.id(), e));
                return List.of();
            }
            var done = new ArrayList<>(judged);
            cleared += judged.size();
            var missing = events.stream().filter(e -> !judged.contains(e.id())).toList();
            if (missing.isEmpty()) {
                return done;
            }
            try {
                var outcomes = ledger.submitAll(programKey, missing, BY_SYSTEM);
                for (int i = 0; i < missing.size(); i++) {
                    replayed(missing.get(i), outcomes.get(i), done);
                }
            } catch (RuntimeException chunkFailure) {
                // submitted alone, a failing event keeps only its own row; most others are judged by now
                log.debug("Replaying {} events failed, submitting them one by one: {}", missing.size(), chunkFailure);
                for (var e : missing) {
                    try {
                        replayed(
                                e,
                                ledger.submitAll(programKey, List.of(e), BY_SYSTEM)
                                        .getFirst(),
                                done);
                    } catch (RuntimeException failure) {
                        failed(e.id(), failure);
                    }
                }
            }
            return done;
        }

        private void replayed(LearningEvent event, Outcome outcome, List<String> done) {
            if (replayed++ < LOGGED_IDS) {
                replayedIds.add(event.id());
            }
            points += outcome.points();
            done.add(event.id());
        }

        private void failed(String eventId, RuntimeException e) {
            if (failed++ < LOGGED_IDS) {
                failedIds.add(eventId);
            }
            if (firstFailure == null) {
                firstFailure = e;
            }
        }
    }

    private Run reported(Pass pass) {
        var run = new Run(pass.replayed, pass.points, pass.cleared, pass.failed);
        replayed.increment(run.replayed());
        replayedPoints.increment(run.points());
        cleared.increment(run.cleared());
        failed.increment(run.failed());
        if (run.replayed() > 0) {
            log.info(
                    "Replayed {} learning event(s) of verified beats that had not reached the points ledger, earning"
                            + " {} point(s): {}",
                    run.replayed(),
                    run.points(),
                    named(pass.replayedIds, run.replayed()));
        }
        if (run.failed() > 0) {
            log.warn(
                    "{} learning event(s) of verified beats could not be replayed and stay in the outbox for the next"
                            + " run: {} (first failure: {})",
                    run.failed(),
                    named(pass.failedIds, run.failed()),
                    pass.firstFailure.toString());
        }
        return run;
    }

    private static String named(List<String> firstIds, int count) {
        var named = String.join(", ", firstIds);
        return count > firstIds.size() ? named + " and " + (count - firstIds.size()) + " more" : named;
    }
}
