package org.jifen.content.tracking;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jifen.content.catalog.Catalog;
import org.jifen.content.catalog.Item;
import org.jifen.content.catalog.ItemKind;
import org.jifen.content.tracking.domain.ClockSkewPolicy;
import org.jifen.content.tracking.domain.PlaybackPolicy;
import org.jifen.content.tracking.domain.ReadingPolicy;
import org.jifen.content.tracking.domain.SecondSet;
import org.jifen.content.tracking.domain.Signal;
import org.jifen.points.Outcome;
import org.jifen.points.PointsLedger;
import org.jifen.points.domain.LearningEvent;
import org.jifen.rulebook.Program;
import org.jifen.rulebook.ProgramAccess;
import org.jifen.rulebook.Rulebooks;
import org.jifen.shared.web.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verified reading and watching (LG-7.2.3, LG-7.2.4, LG-13). Every heartbeat of a user runs in one transaction that
 * first locks the user's tracking row and then the session row, so that a beat sent twice at once, or beats of two
 * sessions of one user at once, are judged one after the other and never credit twice. The learning events a beat
 * earns are recorded in the points ledger after that transaction committed, under ids derived from the session (and
 * the beat), so that a retry never counts twice.
 *
 * <p>The beat's transaction also writes those events to an outbox ({@code content.tracking_outbox}, one insert), so
 * that a process that dies between the beat's commit and the ledger's, or a ledger that fails, costs the learner no
 * points: {@link TrackingReplay} submits the events the ledger has not judged once they are older than a grace period.
 * A recorded event's row is not deleted here, which would cost every earning beat one more write and commit, but by
 * that job, which asks the ledger which of the rows' events it has judged and removes those rows in chunks.
 */
@Service
class Tracking {

    private static final Logger log = LoggerFactory.getLogger(Tracking.class);
    static final String PLAYBACK = "playback";
    static final String READING = "reading";

    private final TrackingRows rows;
    private final Catalog catalog;
    private final ProgramAccess access;
    private final Rulebooks rulebooks;
    private final PointsLedger ledger;
    private final Clock clock;
    private final SecureRandom random;
    private final TransactionTemplate tx;

    Tracking(
            TrackingRows rows,
            Catalog catalog,
            ProgramAccess access,
            Rulebooks rulebooks,
            PointsLedger ledger,
            Clock clock,
            SecureRandom random,
            PlatformTransactionManager transactions) {
        this.rows = rows;
        this.catalog = catalog;
        this.access = access;
        this.rulebooks = rulebooks;
        this.ledger = ledger;
        this.clock = clock;
        this.random = random;
        this.tx = new TransactionTemplate(transactions);
    }

    /** A new session: its id, the video's duration or the article's required reading time, the beat interval. */
    record Started(String session, int durationSeconds, int requiredSeconds, int heartbeatSeconds) {}

    /** An event a beat emitted and what the ledger made of it (outcome null when the ledger failed). */
    record Emitted(String action, String eventId, Outcome outcome) {}

    /**
     * What a beat did. {@code result}: {@code credited}, {@code duplicate}, {@code paused} (409) or {@code rejected}
     * (422); {@code reason} the signal recorded, if any.
     */
    record Answer(
            int status,
            String kind,
            String session,
            String result,
            String reason,
            double credited,
            Map<String, Object> totals,
            List<Emitted> events) {

        int points() {
            return events.stream()
                    .mapToInt(e -> e.outcome() == null ? 0 : e.outcome().points())
                    .sum();
        }
    }

    private record Pending(Answer answer, String programKey, List<LearningEvent> events) {}

    // playback

    Started startPlayback(long userId, long itemId) {
        var now = clock.instant();
        var item = published(itemId, ItemKind.VIDEO, userId, now);
        var settings = catalog.settings(item.programKey());
        var id = newId();
        tx.executeWithoutResult(s -> {
            rows.lockUser(userId);
            rows.supersedePlaybacks(userId, now);
            rows.insertPlayback(id, userId, item, now);
        });
        return new Started(id, item.durationSeconds(), 0, settings.heartbeatSeconds());
    }

    Answer playbackBeat(long userId, String session, long seq, double position, double from, Instant clientAt) {
        var pending = tx.execute(s -> {
            var now = clock.instant();
            rows.commitWithoutWaitingForDisk();
            rows.lockUser(userId);
            var p = rows.lockPlayback(session, userId)
                    .orElseThrow(() -> Problem.notFound("tracking.session-not-found"));
            var verdict = PlaybackPolicy.judge(
                    new PlaybackPolicy.Session(p.lastSeq(), p.lastBeatAt(), p.superseded(), p.durationSeconds()),
                    new PlaybackPolicy.Beat(seq, position, from),
                    now);
            var totals = new LinkedHashMap<String, Object>();
            totals.put("verifiedSeconds", p.verifiedSeconds());
            totals.put("duration", p.durationSeconds());
            return switch (verdict) {
                case PlaybackPolicy.Paused paused -> {
                    rows.reject(userId, session, p.itemId(), PLAYBACK, paused.signal(), now);
                    totals.put("paused", true);
                    yield pending(409, PLAYBACK, session, "paused", paused.signal(), 0, totals, p.programKey());
                }
                case PlaybackPolicy.Duplicate d ->
                    pending(200, PLAYBACK, session, "duplicate", null, 0, totals, p.programKey());
                case PlaybackPolicy.Impossible impossible -> {
                    rows.reject(userId, session, p.itemId(), PLAYBACK, impossible.signal(), now);
                    yield pending(422, PLAYBACK, session, "rejected", impossible.signal(), 0, totals, p.programKey());
                }
                case PlaybackPolicy.Credit credit -> {
                    var verified = SecondSet.of(p.verified());
                    verified.add(credit.seconds());
                    var day = LocalDate.ofInstant(now, program(p.programKey()).timeZone());
                    var watched = SecondSet.of(
                            rows.watchedDay(userId, p.itemId(), day).orElse(null));
                    int fresh = watched.add(credit.seconds());
                    if (fresh > 0) {
                        rows.saveWatchedDay(userId, p.itemId(), day, watched.toBytes(), watched.size());
                    }
                    boolean focusReached = p.focus()
                            && !p.focusCounted()
                            && verified.size() >= PlaybackPolicy.focusThreshold(p.durationSeconds());
                    rows.updatePlayback(
                            session, now, seq, position, clientAt, verified.toBytes(), verified.size(), focusReached);
                    var signals = new ArrayList<Signal>();
                    credit.signal().ifPresent(signals::add);
                    ClockSkewPolicy.check(p.lastBeatAt(), now, p.lastClientAt(), clientAt)
                            .ifPresent(signals::add);
                    signals.forEach(sig -> rows.reject(userId, session, p.itemId(), PLAYBACK, sig, now));
                    totals.put("verifiedSeconds", verified.size());
                    totals.put("creditedToday", watched.size());
                    totals.put("focusCounted", p.focusCounted() || focusReached);
                    var events = new ArrayList<LearningEvent>();
                    var user = String.valueOf(userId);
                    var item = String.valueOf(p.itemId());
                    int minutes = fresh > 0
                            ? PlaybackPolicy.minutesCompleted(rows.watchedOn(userId, p.programKey(), day), fresh)
                            : 0;
                    if (minutes > 0) {
                        events.add(new LearningEvent(
                                "watch:" + session + ":" + seq,
                                user,
                                "video-watch",
                                item,
                                minutes * 60L,
                                Map.of(),
                                now));
                    }
                    if (focusReached) {
                        events.add(new LearningEvent(
                                "focus:" + session, user, "focus-video-watch", item, null, Map.of(), now));
                    }
                    if (!events.isEmpty()) {
                        rows.insertOutbox(p.programKey(), events, now);
                    }
                    var answer = new Answer(
                            200,
                            PLAYBACK,
                            session,
                            "credited",
                            signals.isEmpty() ? null : signals.getFirst().reason(),
                            fresh,
                            totals,
                            List.of());
                    yield new Pending(answer, p.programKey(), events);
                }
            };
        });
        return record(pending);
    }

    // reading

    Started startReading(long userId, long itemId) {
        var now = clock.instant();
        var item = published(itemId, ItemKind.ARTICLE, userId, now);
        var settings = catalog.settings(item.programKey());
        int required = settings.requiredSeconds(item.bodyChars() == null ? 0 : item.bodyChars());
        var id = newId();
        tx.executeWithoutResult(s -> {
            rows.lockUser(userId);
            rows.insertReading(id, userId, item, required, now);
        });
        return new Started(id, 0, required, settings.heartbeatSeconds());
    }

    Answer readingBeat(long userId, String session, long seq, Instant clientAt) {
        var pending = tx.execute(s -> {
            var now = clock.instant();
            rows.commitWithoutWaitingForDisk();
            var userLast = rows.lockUser(userId);
            var r = rows.lockReading(session, userId).orElseThrow(() -> Problem.notFound("tracking.session-not-found"));
            var totals = new LinkedHashMap<String, Object>();
            totals.put("creditedSeconds", r.creditedMillis() / 1000.0);
            totals.put("requiredSeconds", r.requiredSeconds());
            totals.put("counted", r.counted());
            if (seq <= r.lastSeq()) {
                return pending(200, READING, session, "duplicate", null, 0, totals, r.programKey());
            }
            int heartbeat = catalog.settings(r.programKey()).heartbeatSeconds();
            var credit = ReadingPolicy.credit(r.lastBeatAt(), userLast, now, heartbeat);
            var signals = new ArrayList<Signal>();
            if (credit.cutByOtherTab()) {
                signals.add(new Signal(
                        Signal.OVERLAPPING_SESSION,
                        "reading time cut to %.1f s by a beat of another open article"
                                .formatted(credit.creditedMillis() / 1000.0)));
            }
            ClockSkewPolicy.check(r.lastBeatAt(), now, r.lastClientAt(), clientAt)
                    .ifPresent(signals::add);
            signals.forEach(sig -> rows.reject(userId, session, r.itemId(), READING, sig, now));
            long total = r.creditedMillis() + credit.creditedMillis();
            boolean counts = !r.counted() && total >= r.requiredSeconds() * 1000L;
            rows.updateReading(session, now, seq, clientAt, total, counts);
            rows.readingBeatOfUser(userId, now);
            totals.put("creditedSeconds", total / 1000.0);
            totals.put("counted", r.counted() || counts);
            var events = counts
                    ? List.of(new LearningEvent(
                            "read:" + session,
                            String.valueOf(userId),
                            "article-read",
                            String.valueOf(r.itemId()),
                            null,
                            Map.of(),
                            now))
                    : List.<LearningEvent>of();
            if (counts) {
                rows.insertOutbox(r.programKey(), events, now);
            }
            var answer = new Answer(
                    200,
                    READING,
                    session,
                    "credited",
                    signals.isEmpty() ? null : signals.getFirst().reason(),
                    credit.creditedMillis() / 1000.0,
                    totals,
                    List.of());
            return new Pending(answer, r.programKey(), events);
        });
        return record(pending);
    }

    // shared

    /**
     * Records the events of a committed beat through the ledger's group commit, where the events of concurrent beats
     * share one transaction (recording them inside each beat's own transaction instead cost a third of the
     * throughput: docs/benchmarks.md). The answer waits for the ledger's commit. A ledger failure never fails the
     * beat's answer (its event shows no outcome) and costs no points: the outbox keeps the event for {@link
     * TrackingReplay}.
     */
    private Answer record(Pending pending) {
        if (pending.events().isEmpty()) {
            return pending.answer();
        }
        var emitted = new ArrayList<Emitted>();
        for (var event : pending.events()) {
            Outcome outcome = null;
            try {
                outcome = ledger.record(pending.programKey(), event);
            } catch (RuntimeException e) {
                log.warn(
                        "Event {} ({}) of a verified beat was not recorded; the tracking outbox keeps it for replay",
                        event.id(),
                        event.action(),
                        e);
            }
            emitted.add(new Emitted(event.action(), event.id(), outcome));
        }
        var a = pending.answer();
        return new Answer(a.status(), a.kind(), a.session(), a.result(), a.reason(), a.credited(), a.totals(), emitted);
    }

    private static Pending pending(
            int status,
            String kind,
            String session,
            String result,
            Signal signal,
            double credited,
            Map<String, Object> totals,
            String programKey) {
        return new Pending(
                new Answer(
                        status,
                        kind,
                        session,
                        result,
                        signal == null ? null : signal.reason(),
                        credited,
                        totals,
                        List.of()),
                programKey,
                List.of());
    }

    /** A published item of the learner's program; 404 for anything else, so as to reveal nothing. */
    private Item published(long itemId, ItemKind kind, long userId, Instant now) {
        return catalog.find(itemId)
                .filter(item -> item.kind() == kind && item.publishedAt(now))
                .filter(item -> learnerOf(item.programKey(), userId))
                .orElseThrow(() -> Problem.notFound("tracking.item-not-found", itemId));
    }

    private boolean learnerOf(String programKey, long userId) {
        try {
            access.forLearner(programKey, userId);
            return true;
        } catch (Problem p) {
            return false;
        }
    }

    private Program program(String key) {
        return rulebooks.program(key).orElseThrow(() -> new IllegalStateException("no program " + key));
    }

    /** 128 random bits, URL-safe. */
    private String newId() {
        var bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
