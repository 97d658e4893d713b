package org.jifen.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.jifen.account.Accounts;
import org.jifen.account.Blacklist;
import org.jifen.account.Role;
import org.jifen.account.SignedInUser;
import org.jifen.points.domain.LearningEvent;
import org.jifen.support.JifenIntegrationTest;
import org.jifen.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** The ledger on PostgreSQL: LG-6 balances, LG-7 through the ledger, idempotency and concurrency. */
@JifenIntegrationTest
@Import(TestRulebooks.class)
class PointsLedgerIT {

    static final String P = TestRulebooks.KEY;
    static final AtomicInteger IDS = new AtomicInteger();

    @Autowired
    PointsLedger ledger;

    @Autowired
    Accounts accounts;

    @Autowired
    Blacklist blacklist;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    @org.springframework.boot.flyway.autoconfigure.FlywayDataSource
    javax.sql.DataSource ownerDataSource;

    @AfterEach
    void reset() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    static LearningEvent event(
            long user, String action, String item, Long amount, Map<String, String> attrs, String at) {
        return new LearningEvent(
                "ledger-it-" + IDS.incrementAndGet(),
                String.valueOf(user),
                action,
                item,
                amount,
                attrs,
                Instant.parse(at));
    }

    static LearningEvent event(long user, String action, String item, String at) {
        return event(user, action, item, null, Map.of(), at);
    }

    long entries(long user) {
        return jdbc.sql("select count(*) from points.ledger_entry where user_id = ?")
                .param(user)
                .query(Long.class)
                .single();
    }

    long sumOfEntries(long user, String column) {
        return jdbc.sql("select coalesce(sum(" + column + "), 0) from points.ledger_entry where user_id = ?")
                .param(user)
                .query(Long.class)
                .single();
    }

    @Test
    @DisplayName(
            "LG-7.2.3 articles earn 5 each up to 15 a day; the fourth is capped; an article read again never earns again")
    void article_cap_and_repeat() {
        long u = TestAccounts.learner(accounts);
        var day1 = List.of(
                event(u, "article-read", "a1", "2026-03-02T01:00:00Z"),
                event(u, "article-read", "a2", "2026-03-02T02:00:00Z"),
                event(u, "article-read", "a3", "2026-03-02T03:00:00Z"),
                event(u, "article-read", "a4", "2026-03-02T04:00:00Z"));
        var out = ledger.recordAll(P, day1);
        assertThat(out).extracting(Outcome::points).containsExactly(5, 5, 5, 0);
        assertThat(out.get(3).reason()).isEqualTo("cap-reached");
        assertThat(out.get(0).rules()).containsExactly(new Outcome.RulePoints("article-read", 5));
        assertThat(out.get(0).rulebookVersion()).isEqualTo(1);

        var again = ledger.record(P, event(u, "article-read", "a1", "2026-03-03T01:00:00Z"));
        assertThat(again.points()).isZero();
        assertThat(again.reason()).isEqualTo("already-rewarded");
        // a capped article was not used up: it earns the next day
        assertThat(ledger.record(P, event(u, "article-read", "a4", "2026-03-03T02:00:00Z"))
                        .points())
                .isEqualTo(5);
        assertThat(ledger.balance(P, u).lifetime()).isEqualTo(20);
        assertThat(entries(u)).isEqualTo(4);
    }

    @Test
    @DisplayName(
            "LG-7.1, LG-7.2.2 the General Knowledge certificate earns 100 once across the offline and online channels")
    void certificate_once_across_channels() {
        long u = TestAccounts.learner(accounts);
        var offline = ledger.record(
                P,
                event(
                        u,
                        "certificate",
                        "general-knowledge",
                        null,
                        Map.of("channel", "offline"),
                        "2026-03-02T01:00:00Z"));
        var online = ledger.record(
                P,
                event(
                        u,
                        "certificate",
                        "general-knowledge",
                        null,
                        Map.of("channel", "online"),
                        "2026-04-02T01:00:00Z"));
        assertThat(offline.points()).isEqualTo(100);
        assertThat(online.points()).isZero();
        assertThat(online.reason()).isEqualTo("already-rewarded");
        var topic = ledger.record(
                P,
                event(u, "certificate", "traffic-safety", null, Map.of("channel", "online"), "2026-04-03T01:00:00Z"));
        assertThat(topic.points()).isEqualTo(50);
        assertThat(ledger.balance(P, u).lifetime()).isEqualTo(150);
    }

    @Test
    @DisplayName(
            "LG-7.2.4 video minutes accumulate per day at 2 a whole minute; the award that passes the 20 cap is cut")
    void video_minutes_with_cut_award() {
        long u = TestAccounts.learner(accounts);
        var out = ledger.recordAll(
                P,
                List.of(
                        event(u, "video-watch", null, 90L, Map.of(), "2026-03-02T01:00:00Z"),
                        event(u, "video-watch", null, 20L, Map.of(), "2026-03-02T01:10:00Z"),
                        event(u, "video-watch", null, 10L, Map.of(), "2026-03-02T01:20:00Z"),
                        event(u, "video-watch", null, 600L, Map.of(), "2026-03-02T01:30:00Z"),
                        event(u, "video-watch", null, 600L, Map.of(), "2026-03-02T01:40:00Z")));
        // 90 s: 1 minute; 110 s: below the next; 120 s: minute 2; 720 s: 10 more = 20, cut to 16; then capped
        assertThat(out).extracting(Outcome::points).containsExactly(2, 0, 2, 16, 0);
        assertThat(out)
                .extracting(Outcome::reason)
                .containsExactly(null, "below-whole-minute", null, "cap-reached", "cap-reached");
        assertThat(ledger.balance(P, u).lifetime()).isEqualTo(20);
    }

    @Test
    @DisplayName(
            "LG-7.2.1 the day boundary is the program's (Asia/Shanghai): 23:59:59 and 00:00:00 are two days, UTC input converted")
    void day_boundary_in_program_time_zone() {
        long u = TestAccounts.learner(accounts);
        var late = ledger.record(
                P,
                new LearningEvent(
                        "db-" + u + "-1",
                        "" + u,
                        "login",
                        null,
                        null,
                        null,
                        java.time.OffsetDateTime.parse("2026-03-10T23:59:59+08:00")
                                .toInstant()));
        var sameDayInUtc = ledger.record(P, event(u, "login", null, "2026-03-10T15:59:59Z"));
        var midnightInUtc = ledger.record(P, event(u, "login", null, "2026-03-10T16:00:00Z"));
        assertThat(late.points()).isEqualTo(5);
        assertThat(sameDayInUtc.reason()).isEqualTo("already-today");
        assertThat(midnightInUtc.points()).isEqualTo(5);
        var days = ledger.entries(P, u, null, null, 0).stream()
                .map(LedgerEntry::day)
                .toList();
        assertThat(days).containsExactly(LocalDate.parse("2026-03-11"), LocalDate.parse("2026-03-10"));
        assertThat(ledger.entries(P, u, LocalDate.parse("2026-03-11"), LocalDate.parse("2026-03-11"), 0))
                .hasSize(1);
    }

    @Test
    @DisplayName("LG-6 a balance is always the sum of its entries: awards, an adjustment, a reset, and awards after it")
    void balance_is_sum_of_entries() {
        long u = TestAccounts.learner(accounts);
        clock.set(Instant.parse("2026-05-20T04:00:00Z"));
        ledger.recordAll(
                P,
                List.of(
                        event(u, "login", null, "2026-05-20T01:00:00Z"),
                        event(u, "article-read", "x1", "2026-05-20T01:00:00Z"),
                        event(u, "share", "x1", "2026-05-19T01:00:00Z"),
                        event(
                                u,
                                "quiz-group",
                                null,
                                null,
                                Map.of("correct", "2", "total", "5"),
                                "2026-05-20T01:00:00Z"),
                        event(
                                u,
                                "quiz-group",
                                null,
                                null,
                                Map.of("correct", "4", "total", "5"),
                                "2026-05-20T01:05:00Z")));
        signIn(Role.SYSTEM_ADMIN);
        var adjustment = ledger.adjust(P, u, 7, "offline activity");
        assertThat(adjustment.kind()).isEqualTo("adjustment");
        var balance = ledger.balance(P, u);
        assertThat(balance.lifetime()).isEqualTo(5 + 5 + 5 + 5 + 7);
        assertThat(balance.today()).isEqualTo(5 + 5 + 5 + 7);
        assertThat(balance.month()).isEqualTo(27);
        assertThat(balance.lifetime()).isEqualTo(sumOfEntries(u, "lifetime"));
        assertThat(balance.redeemable()).isEqualTo(sumOfEntries(u, "redeemable"));

        tx.executeWithoutResult(s -> blacklist.add(TestAccounts.mobile(accounts, u), "test reset"));
        tx.executeWithoutResult(s -> blacklist.lift(u, "test lift"));
        ledger.record(P, event(u, "article-read", "x2", "2026-05-20T02:00:00Z"));
        balance = ledger.balance(P, u);
        assertThat(balance.lifetime()).isEqualTo(5).isEqualTo(sumOfEntries(u, "lifetime"));
        assertThat(balance.redeemable()).isEqualTo(5).isEqualTo(sumOfEntries(u, "redeemable"));
        assertThat(ledger.entries(P, u, null, null, 0))
                .extracting(LedgerEntry::kind)
                .contains("reset", "adjustment");
        var progress = ledger.today(P, u).stream()
                .filter(r -> r.ruleId().equals("article-read"))
                .findFirst()
                .orElseThrow();
        assertThat(progress.earnedToday()).isEqualTo(10);
        assertThat(progress.dailyCap()).isEqualTo(15);
    }

    @Test
    @DisplayName(
            "LG-6 ledger entries are append-only: the application may not change them, the owner is stopped by the trigger")
    void ledger_is_append_only() {
        long u = TestAccounts.learner(accounts);
        ledger.record(P, event(u, "login", null, "2026-03-02T01:00:00Z"));
        var owner = JdbcClient.create(ownerDataSource);
        for (var statement : List.of(
                "update points.ledger_entry set lifetime = 500 where user_id = ?",
                "delete from points.ledger_entry where user_id = ?")) {
            assertThatThrownBy(() -> jdbc.sql(statement).param(u).update())
                    .rootCause()
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> owner.sql(statement).param(u).update())
                    .rootCause()
                    .hasMessageContaining("append-only");
        }
        assertThat(entries(u)).isEqualTo(1);
    }

    @Test
    @DisplayName("the same event id twice counts once and answers the same outcome")
    void idempotent_by_event_id() {
        long u = TestAccounts.learner(accounts);
        var e = event(u, "article-read", "same", "2026-03-02T01:00:00Z");
        var first = ledger.record(P, e);
        var second = ledger.record(P, e);
        var inBatch = ledger.recordAll(P, List.of(e, e));
        assertThat(first.points()).isEqualTo(5);
        assertThat(second).isEqualTo(first);
        assertThat(inBatch).containsExactly(first, first);
        assertThat(entries(u)).isEqualTo(1);
    }

    @Test
    @DisplayName("judged answers the ids with a stored outcome, zero points included; not rejected or unseen ids")
    void judged_event_ids() {
        long u = TestAccounts.learner(accounts);
        var read = event(u, "article-read", "judged", "2026-03-02T01:00:00Z");
        var again = event(u, "article-read", "judged", "2026-03-02T01:05:00Z");
        var rejected = new LearningEvent(
                "judged-unknown-user-" + u,
                "999999999",
                "login",
                null,
                null,
                null,
                Instant.parse("2026-03-02T01:00:00Z"));
        var unseen = event(u, "login", null, "2026-03-02T01:00:00Z");
        var out = ledger.recordAll(P, List.of(read, again, rejected));
        assertThat(out).extracting(Outcome::reason).containsExactly(null, "already-rewarded", "unknown-user");
        assertThat(ledger.judged(P, List.of(read.id(), again.id(), rejected.id(), unseen.id())))
                .containsExactlyInAnyOrder(read.id(), again.id());
        assertThat(ledger.judged(P, List.of())).isEmpty();
    }

    @Test
    @DisplayName("a batch with a rejected event still counts the good ones; rejected events are not stored")
    void rejected_events_one_by_one() {
        long u = TestAccounts.learner(accounts);
        var out = ledger.recordAll(
                P,
                List.of(
                        event(u, "article-read", "r1", "2026-03-02T01:00:00Z"),
                        new LearningEvent(
                                "bad-user-" + u,
                                "999999999",
                                "login",
                                null,
                                null,
                                null,
                                Instant.parse("2026-03-02T01:00:00Z")),
                        event(u, "video-watch", null, -5L, Map.of(), "2026-03-02T01:00:00Z"),
                        event(u, "unknown-thing", null, "2026-03-02T01:00:00Z"),
                        event(u, "login", null, "2025-03-02T01:00:00Z")));
        assertThat(out)
                .extracting(Outcome::reason)
                .containsExactly(null, "unknown-user", "negative-amount", "unknown-action", "outside-validity");
        assertThat(out.get(0).points()).isEqualTo(5);
    }

    // ------------------------------------------------------------------------------------------- concurrency

    static <T> List<T> together(List<Callable<T>> tasks) throws Exception {
        return org.jifen.support.Together.run(tasks);
    }

    @ParameterizedTest(name = "{displayName} (group commit: {0})")
    @ValueSource(booleans = {true, false})
    @DisplayName("LG-7.2.3 concurrency: 20 different articles of one user at the same instant earn exactly the 15 cap")
    void concurrent_articles_never_exceed_cap(boolean grouped) throws Exception {
        long u = TestAccounts.learner(accounts);
        var tasks = new ArrayList<Callable<Outcome>>();
        for (int i = 0; i < 20; i++) {
            var e = event(u, "article-read", "c" + i, "2026-03-02T01:00:00Z");
            tasks.add(() -> record(e, grouped));
        }
        var out = together(tasks);
        assertThat(out.stream().mapToInt(Outcome::points).sum()).isEqualTo(15);
        assertThat(out.stream().filter(o -> o.points() == 5)).hasSize(3);
        assertThat(ledger.balance(P, u).lifetime()).isEqualTo(15);
        assertThat(entries(u)).isEqualTo(3);
    }

    @ParameterizedTest(name = "{displayName} (group commit: {0})")
    @ValueSource(booleans = {true, false})
    @DisplayName("concurrency: 10 copies of one event id at once award once and all answer the same outcome")
    void concurrent_retries_count_once(boolean grouped) throws Exception {
        long u = TestAccounts.learner(accounts);
        var e = event(u, "certificate", "general-knowledge", null, Map.of("channel", "online"), "2026-03-02T01:00:00Z");
        var tasks = new ArrayList<Callable<Outcome>>();
        for (int i = 0; i < 10; i++) {
            tasks.add(() -> record(e, grouped));
        }
        var out = together(tasks);
        assertThat(Set.copyOf(out)).hasSize(1);
        assertThat(out.getFirst().points()).isEqualTo(100);
        assertThat(entries(u)).isEqualTo(1);
        assertThat(ledger.balance(P, u).lifetime()).isEqualTo(100);
    }

    @ParameterizedTest(name = "{displayName} (group commit: {0})")
    @ValueSource(booleans = {true, false})
    @DisplayName("LG-7.2.4 concurrency: the same focus video watched 10 times at once earns exactly twice")
    void concurrent_focus_video_at_most_twice(boolean grouped) throws Exception {
        long u = TestAccounts.learner(accounts);
        var tasks = new ArrayList<Callable<Outcome>>();
        for (int i = 0; i < 10; i++) {
            var e = event(u, "focus-video-watch", "focus-1", "2026-03-02T01:00:00Z");
            tasks.add(() -> record(e, grouped));
        }
        var out = together(tasks);
        assertThat(out.stream().filter(o -> o.points() == 50)).hasSize(2);
        assertThat(out.stream().filter(o -> "item-limit-reached".equals(o.reason())))
                .hasSize(8);
        assertThat(ledger.balance(P, u).lifetime()).isEqualTo(100);
    }

    @org.junit.jupiter.api.Test
    @DisplayName(
            "concurrency: one event id sent at once for 8 different users (no shared lock) is recorded once; the losers' writes fail, commit nothing, and answer the stored outcome")
    void one_event_id_for_different_users_at_once() throws Exception {
        var id = "ledger-it-shared-" + IDS.incrementAndGet();
        var users = new ArrayList<Long>();
        var tasks = new ArrayList<Callable<Outcome>>();
        for (int i = 0; i < 8; i++) {
            long u = TestAccounts.learner(accounts);
            users.add(u);
            var e = new LearningEvent(
                    id, String.valueOf(u), "article-read", "x", null, Map.of(), Instant.parse("2026-03-02T01:00:00Z"));
            tasks.add(() -> ledger.recordAll(P, List.of(e)).getFirst());
        }
        var out = together(tasks);
        assertThat(Set.copyOf(out)).hasSize(1);
        assertThat(users.stream().mapToLong(this::entries).sum()).isEqualTo(1);
        assertThat(users.stream()
                        .mapToLong(u -> ledger.balance(P, u).lifetime())
                        .sum())
                .isEqualTo(5);
    }

    @org.junit.jupiter.api.Test
    @DisplayName(
            "LG-7.2.3 concurrency: single events and batches through the writers at once (other users in the batches, retries among them) never exceed the cap and count each id once")
    void singles_and_batches_through_the_writers_at_once() throws Exception {
        long u = TestAccounts.learner(accounts);
        long v = TestAccounts.learner(accounts);
        var retried = event(u, "article-read", "r0", "2026-03-02T01:00:00Z");
        var tasks = new ArrayList<Callable<List<Outcome>>>();
        for (int i = 0; i < 6; i++) {
            var single = event(u, "article-read", "s" + i, "2026-03-02T01:00:00Z");
            tasks.add(() -> List.of(ledger.record(P, single)));
            var batch = List.of(
                    event(v, "article-read", "v" + i, "2026-03-02T01:00:00Z"),
                    event(u, "article-read", "b" + i, "2026-03-02T01:00:00Z"),
                    retried,
                    event(u, "article-read", "c" + i, "2026-03-02T01:00:00Z"));
            tasks.add(() -> ledger.submitAll(P, batch, null));
        }
        var out = together(tasks).stream().flatMap(List::stream).toList();
        assertThat(out.stream()
                        .filter(o -> o.eventId().equals(retried.id()))
                        .map(Outcome::points)
                        .distinct())
                .hasSize(1);
        assertThat(ledger.balance(P, u).lifetime()).isEqualTo(15);
        assertThat(entries(u)).isEqualTo(3);
        assertThat(ledger.balance(P, v).lifetime()).isEqualTo(15);
        assertThat(sumOfEntries(u, "lifetime")).isEqualTo(15);
    }

    @Test
    @DisplayName(
            "an event recorded in-process names whoever is signed in on the calling thread, through group commit too")
    void in_process_events_name_the_signed_in_sender() {
        long u = TestAccounts.learner(accounts);
        signIn(Role.SYSTEM_ADMIN);
        var expected = ((SignedInUser)
                        SecurityContextHolder.getContext().getAuthentication().getPrincipal())
                .actorLabel();
        record(event(u, "article-read", "s-1", "2026-03-20T01:00:00Z"), true);
        record(event(u, "article-read", "s-2", "2026-03-20T01:00:00Z"), false);
        SecurityContextHolder.clearContext();
        record(event(u, "article-read", "s-3", "2026-03-20T01:00:00Z"), true);
        assertThat(ledger.entries(P, u, null, null, 0))
                .extracting(LedgerEntry::actorLabel)
                .containsExactlyInAnyOrder(expected, expected, "system");
    }

    /** Through group commit ({@code record}), or each in its own transaction racing for the user's lock. */
    Outcome record(LearningEvent e, boolean grouped) {
        return grouped ? ledger.record(P, e) : ledger.recordAll(P, List.of(e)).getFirst();
    }

    void signIn(Role role) {
        var user = new SignedInUser(1L, "13800000001", "系统管理员", null, false, true, Map.of(role, Set.of(0L)), Set.of());
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }
}
