package org.jifen.content.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jifen.account.SignedInUser;
import org.jifen.content.catalog.Catalog;
import org.jifen.points.Outcome;
import org.jifen.points.PointsLedger;
import org.jifen.points.domain.LearningEvent;
import org.jifen.rulebook.ProgramAccess;
import org.jifen.rulebook.Rulebooks;
import org.jifen.support.Together;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The events a verified beat earns (LG-7.2.3, LG-7.2.4) are kept in the tracking outbox by the beat's own transaction,
 * so that a crash or a failing ledger between the beat's commit and the ledger's costs no points: the replay job
 * submits them again after the grace period. A ledger that fails is a stand-in whose every call throws; a crash
 * leaves the database exactly as it does (the beat committed, the ledger never judged its event).
 */
class TrackingOutboxIT extends TrackingIntegration {

    /** Earlier than every other test's beats, so that the job meets only this class's rows. */
    static final Instant T0 = Instant.parse("2026-02-02T02:00:00Z"); // 10:00 in Shenzhen

    static final Duration GRACE = Duration.ofMinutes(1);

    @Autowired
    TrackingRows rows;

    @Autowired
    TrackingReplay replay;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Catalog catalog;

    @Autowired
    ProgramAccess access;

    @Autowired
    Rulebooks rulebooks;

    @Autowired
    SecureRandom random;

    @Autowired
    PlatformTransactionManager transactions;

    /** The platform's beats, but with a points ledger that is down. */
    Tracking ledgerDown;

    @Override
    Instant start() {
        return T0;
    }

    @BeforeEach
    void ledgerThatIsDown() {
        ledgerDown = new Tracking(rows, catalog, access, rulebooks, failingLedger(), clock, random, transactions);
    }

    /**
     * A reading session of a new short article, its required time (the floor of 30 s) already spent: the next beat
     * counts the article.
     */
    private String readingAtTheFloor(SignedInUser u) throws Exception {
        var s = f.reading(u, f.article(50, T0.minusSeconds(3600)));
        advance(30);
        return s;
    }

    @Test
    @DisplayName("LG-7.2.3 the beat that counts an article keeps its article-read in the outbox; other beats keep none")
    void an_earning_reading_beat_keeps_its_event() throws Exception {
        var u = f.learner();
        long article = f.article(600, T0.minusSeconds(3600)); // 60 s required
        var s = f.reading(u, article);
        for (int seq = 1; seq <= 3; seq++) {
            advance(15);
            f.read(u, s, seq).andExpect(jsonPath("$.counted").value(false));
            assertThat(outbox(s)).isEmpty();
        }
        advance(15);
        var at = clock.instant();
        f.read(u, s, 4).andExpect(jsonPath("$.points").value(5));
        assertThat(outbox(s))
                .containsExactly(new Row("read:" + s, "longgang", u.id(), "article-read", article, null, at, at));
        // the beat's transaction wrote it: the same instant as the session's count
        assertThat(jdbc.sql("select counted_at from content.reading where id = ?")
                        .param(s)
                        .query(Timestamp.class)
                        .single()
                        .toInstant())
                .isEqualTo(at);
        // a resent beat and the beats after the count earn nothing and keep nothing more
        f.read(u, s, 4).andExpect(jsonPath("$.result").value("duplicate"));
        advance(15);
        f.read(u, s, 5).andExpect(jsonPath("$.events").isEmpty());
        assertThat(outbox(s)).hasSize(1);
        advance(61);
        replay.replay();
        assertThat(outbox(s)).isEmpty();
    }

    @Test
    @DisplayName("LG-7.2.4 a beat that completes a minute and a focus viewing keeps both events in the outbox")
    void an_earning_playback_beat_keeps_its_events() throws Exception {
        var u = f.learner();
        long video = f.video(60, true, T0.minusSeconds(3600));
        var s = f.playback(u, video);
        advance(30);
        f.beat(u, s, 1, 0, 30).andExpect(jsonPath("$.events").isEmpty());
        assertThat(outbox(s)).isEmpty();
        advance(30);
        var at = clock.instant();
        f.beat(u, s, 2, 30, 60).andExpect(jsonPath("$.points").value(52));
        assertThat(outbox(s))
                .containsExactly(
                        new Row("focus:" + s, "longgang", u.id(), "focus-video-watch", video, null, at, at),
                        new Row("watch:" + s + ":2", "longgang", u.id(), "video-watch", video, 60L, at, at));
        advance(61);
        replay.replay();
        assertThat(outbox(s)).isEmpty();
    }

    @Test
    @DisplayName("LG-7.2.3 an article-read the ledger never judged is replayed after the grace period: 5 points, once")
    void a_lost_article_read_is_replayed() throws Exception {
        var u = f.learner();
        var s = readingAtTheFloor(u);
        var answer = ledgerDown.readingBeat(u.id(), s, 1, null);
        // the beat is answered; its event has no outcome, and the outbox has it
        assertThat(answer.result()).isEqualTo("credited");
        assertThat(answer.events())
                .singleElement()
                .satisfies(e -> assertThat(e.outcome()).isNull());
        assertThat(outbox(s)).extracting(Row::eventId).containsExactly("read:" + s);
        assertThat(points(u)).isZero();
        double replayedBefore = counter("jifen.tracking.replayed");

        // younger than the grace period: left alone
        advance(59);
        assertThat(replay.replay().replayed()).isZero();
        assertThat(outbox(s)).hasSize(1);
        assertThat(points(u)).isZero();

        advance(2);
        var run = replay.replay();
        assertThat(run.replayed()).isEqualTo(1);
        assertThat(run.points()).isEqualTo(5);
        assertThat(run.failed()).isZero();
        assertThat(points(u)).isEqualTo(5);
        assertThat(ledger.judged("longgang", List.of("read:" + s))).containsExactly("read:" + s);
        assertThat(outbox(s)).isEmpty();
        assertThat(counter("jifen.tracking.replayed")).isEqualTo(replayedBefore + 1);

        // nothing is left to replay, and the article still earns once; the entry names who replayed it
        assertThat(replay.replay().replayed()).isZero();
        assertThat(ledger.entries("longgang", u.id(), null, null, 0))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.eventId()).isEqualTo("read:" + s);
                    assertThat(e.actorLabel()).isEqualTo("system");
                });
    }

    @Test
    @DisplayName("LG-7.2.4 a lost video-watch and focus viewing are replayed on their own day: 2 + 50 points")
    void lost_video_events_are_replayed() throws Exception {
        var u = f.learner();
        long video = f.video(60, true, T0.minusSeconds(3600));
        var s = f.playback(u, video);
        advance(60);
        ledgerDown.playbackBeat(u.id(), s, 1, 60, 0, null);
        assertThat(outbox(s)).extracting(Row::eventId).containsExactly("focus:" + s, "watch:" + s + ":1");
        // a day later, the events still count on the day they were earned
        advance(86_400);
        var run = replay.replay();
        assertThat(run.replayed()).isEqualTo(2);
        assertThat(run.points()).isEqualTo(52);
        assertThat(points(u)).isEqualTo(52);
        assertThat(outbox(s)).isEmpty();
    }

    @Test
    @DisplayName("LG-7.2.3 replaying an event the ledger recorded changes nothing and removes its row")
    void a_recorded_event_is_not_counted_again() throws Exception {
        var u = f.learner();
        var s = readingAtTheFloor(u);
        f.read(u, s, 1).andExpect(jsonPath("$.points").value(5));
        assertThat(outbox(s)).hasSize(1);
        advance(61);
        var run = replay.replay();
        assertThat(run.replayed()).isZero();
        assertThat(run.cleared()).isGreaterThanOrEqualTo(1);
        assertThat(outbox(s)).isEmpty();
        assertThat(points(u)).isEqualTo(5);
        assertThat(entries(u)).isEqualTo(1);
    }

    @Test
    @DisplayName("LG-7.2.3 a replay the ledger fails keeps the row for the next run")
    void a_failed_replay_keeps_the_row() throws Exception {
        var u = f.learner();
        var s = readingAtTheFloor(u);
        ledgerDown.readingBeat(u.id(), s, 1, null);
        advance(61);
        var failingMeters = new SimpleMeterRegistry();
        var failing = new TrackingReplay(rows, failingLedger(), clock, failingMeters, GRACE);
        var failed = failing.replay();
        assertThat(failed.failed()).isPositive();
        assertThat(failingMeters.get("jifen.tracking.replay.failed").counter().count())
                .isEqualTo(failed.failed());
        assertThat(failed.replayed()).isZero();
        assertThat(outbox(s)).hasSize(1);
        assertThat(points(u)).isZero();
        var run = replay.replay();
        assertThat(run.replayed()).isEqualTo(1);
        assertThat(outbox(s)).isEmpty();
        assertThat(points(u)).isEqualTo(5);
    }

    @Test
    @DisplayName("LG-7.2.3 the job's replay and the beat's own record of the same events at once award them once")
    void replay_and_record_at_once_count_once() throws Exception {
        var learners = new ArrayList<SignedInUser>();
        var events = new ArrayList<LearningEvent>();
        for (int i = 0; i < 20; i++) {
            var u = f.learner();
            var s = readingAtTheFloor(u);
            learners.add(u);
            ledgerDown.readingBeat(u.id(), s, 1, null);
            events.add(queued(s));
        }
        advance(61);
        // the job, and each beat's record arriving late (a slow ledger), all released at once
        var tasks = new ArrayList<Callable<Object>>();
        tasks.add(() -> replay.replay());
        for (var e : events) {
            tasks.add(() -> ledger.record("longgang", e));
        }
        var results = Together.run(tasks);
        var run = (TrackingReplay.Run) results.getFirst();
        assertThat(run.failed()).isZero();
        // whichever came first judged the event; the other answered the same outcome
        assertThat(results.subList(1, results.size()))
                .allSatisfy(o -> assertThat(((Outcome) o).points()).isEqualTo(5));
        for (var u : learners) {
            assertThat(points(u)).as("points of learner %d", u.id()).isEqualTo(5);
            assertThat(entries(u)).isEqualTo(1);
        }
        for (var e : events) {
            assertThat(outbox(e.id().substring("read:".length()))).isEmpty();
        }
    }

    record Row(
            String eventId,
            String programKey,
            long userId,
            String action,
            long itemId,
            Long amount,
            Instant at,
            Instant createdAt) {}

    /** The outbox rows of one session's events, in the order of their ids. */
    List<Row> outbox(String session) {
        return jdbc.sql("""
                        select event_id, program_key, user_id, action, item_id, amount, at, created_at
                          from content.tracking_outbox where split_part(event_id, ':', 2) = ? order by event_id""")
                .param(session)
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getObject(6, Long.class),
                        rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }

    /** The event of a reading session as the outbox keeps it. */
    LearningEvent queued(String session) {
        return rows.outboxBefore(clock.instant().plusSeconds(1), null, 10_000).stream()
                .map(TrackingRows.Queued::event)
                .filter(e -> e.id().equals("read:" + session))
                .findFirst()
                .orElseThrow();
    }

    long points(SignedInUser u) {
        return ledger.balance("longgang", u.id()).lifetime();
    }

    int entries(SignedInUser u) {
        return ledger.entries("longgang", u.id(), null, null, 0).size();
    }

    double counter(String name) {
        return meters.get(name).counter().count();
    }

    static PointsLedger failingLedger() {
        return (PointsLedger) Proxy.newProxyInstance(
                PointsLedger.class.getClassLoader(), new Class<?>[] {PointsLedger.class}, (proxy, method, args) -> {
                    throw new TransientDataAccessResourceException("the points ledger is unreachable");
                });
    }
}
