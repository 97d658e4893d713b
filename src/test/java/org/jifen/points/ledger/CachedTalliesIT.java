package org.jifen.points.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.jifen.account.Accounts;
import org.jifen.account.Blacklist;
import org.jifen.audit.AuditLog;
import org.jifen.org.Organizations;
import org.jifen.points.Outcome;
import org.jifen.points.TestAccounts;
import org.jifen.points.TestRulebooks;
import org.jifen.points.domain.LearningEvent;
import org.jifen.rulebook.Rulebooks;
import org.jifen.support.JifenIntegrationTest;
import org.jifen.support.Together;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Groups judged on cached tallies (one statement, no lock, no read) answer exactly what the full path would, also when
 * another platform instance changed the same user in between: a second {@link JdbcPointsLedger} on the same database
 * plays that instance.
 */
@JifenIntegrationTest
@Import(TestRulebooks.class)
class CachedTalliesIT {

    static final String P = TestRulebooks.KEY;
    static final String DAY = "2026-03-02T0%d:00:00Z";
    static final AtomicInteger IDS = new AtomicInteger();

    @Autowired
    JdbcPointsLedger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectProvider<Rulebooks> rulebooks;

    @Autowired
    Accounts accounts;

    @Autowired
    Blacklist blacklist;

    @Autowired
    Organizations organizations;

    @Autowired
    AuditLog audit;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JsonMapper json;

    @Autowired
    TransactionTemplate tx;

    /** Another platform instance on the same database, without group commit (it judges in the caller's thread). */
    JdbcPointsLedger other;

    @BeforeEach
    void otherInstance() {
        other = new JdbcPointsLedger(
                jdbc, rulebooks, accounts, blacklist, organizations, audit, clock, transactions, json, false, 1, 1000);
    }

    static LearningEvent read(long user, String article, int hour) {
        return new LearningEvent(
                "cached-it-" + IDS.incrementAndGet(),
                String.valueOf(user),
                "article-read",
                article,
                null,
                Map.of(),
                Instant.parse(DAY.formatted(hour)));
    }

    static Outcome one(JdbcPointsLedger on, LearningEvent e) {
        return on.recordAll(P, List.of(e)).getFirst();
    }

    /** Records on this instance an event whose cached tally must not hold: one failed statement, then the full path. */
    Outcome afterStale(LearningEvent e) {
        long stale = ledger.cache().stale.sum();
        var out = one(ledger, e);
        assertThat(ledger.cache().stale.sum() - stale).isEqualTo(1);
        return out;
    }

    void blacklist(long user) {
        tx.executeWithoutResult(
                s -> blacklist.add(accounts.find(user).orElseThrow().mobile(), "cached tally test"));
    }

    static void assertNothing(Outcome out, String reason) {
        assertThat(out.points()).isZero();
        assertThat(out.reason()).isEqualTo(reason);
    }

    long lifetime(long user) {
        return jdbc.sql("select coalesce(sum(lifetime), 0) from points.ledger_entry where user_id = ?")
                .param(user)
                .query(Long.class)
                .single();
    }

    @Test
    @DisplayName(
            "LG-7.2.3 on cached tallies: 5 an article up to the 15 cap a day, the fourth capped, a repeat never again")
    void cap_and_repeat_on_cached_tallies() {
        long u = TestAccounts.learner(accounts);
        one(ledger, read(u, "a1", 1)); // the full path reads the user's tallies and caches them
        long before = ledger.cache().written.sum();
        var out = List.of(
                one(ledger, read(u, "a2", 2)),
                one(ledger, read(u, "a1", 3)),
                one(ledger, read(u, "a3", 4)),
                one(ledger, read(u, "a4", 5)));
        assertThat(out).extracting(Outcome::points).containsExactly(5, 0, 5, 0);
        assertThat(out).extracting(Outcome::reason).containsExactly(null, "already-rewarded", null, "cap-reached");
        assertThat(ledger.cache().written.sum() - before).isEqualTo(4);
        assertThat(ledger.balance(P, u).lifetime()).isEqualTo(15).isEqualTo(lifetime(u));
    }

    @Test
    @DisplayName(
            "LG-7.2.3 a cached tally that another instance made stale is not used: the statement changes nothing, the group is judged again and capped")
    void stale_revision_takes_the_full_path() {
        long u = TestAccounts.learner(accounts);
        one(ledger, read(u, "b1", 1));
        one(ledger, read(u, "b2", 2)); // cached here: 10 of 15 today
        assertThat(one(other, read(u, "b3", 3)).points()).isEqualTo(5); // 15 now, unknown to this instance
        assertNothing(afterStale(read(u, "b4", 4)), "cap-reached");
        assertThat(lifetime(u)).isEqualTo(15);
        // the full path cached the tally again: the next group is judged on it
        long written = ledger.cache().written.sum();
        assertThat(one(ledger, read(u, "b5", 5)).reason()).isEqualTo("cap-reached");
        assertThat(ledger.cache().written.sum() - written).isEqualTo(1);
    }

    @Test
    @DisplayName(
            "LG-7.2.3 an item the cached tally never saw is probed by the statement: one rewarded earlier is not rewarded again")
    void unseen_item_is_probed() {
        long u = TestAccounts.learner(accounts);
        assertThat(one(other, read(u, "x", 1)).points()).isEqualTo(5);
        one(ledger, read(u, "y", 2)); // read and cached here after x, so its revision is current; x was never probed
        assertNothing(afterStale(read(u, "x", 3)), "already-rewarded");
        assertThat(lifetime(u)).isEqualTo(10);
    }

    @Test
    @DisplayName("a retried event id on cached tallies answers the outcome stored the first time and writes nothing")
    void retry_on_cached_tallies() {
        long u = TestAccounts.learner(accounts);
        var first = read(u, "r1", 1);
        var stored = one(ledger, first);
        one(ledger, read(u, "r2", 2));
        assertThat(one(ledger, first)).isEqualTo(stored);
        assertThat(lifetime(u)).isEqualTo(10);
    }

    @Test
    @DisplayName(
            "LG-14 a user blacklisted after their tally was cached earns nothing: blacklisting changes the revision")
    void blacklisting_invalidates_the_cached_tally() {
        long u = TestAccounts.learner(accounts);
        one(ledger, read(u, "k1", 1));
        one(ledger, read(u, "k2", 2));
        blacklist(u);
        assertNothing(one(ledger, read(u, "k3", 3)), "blacklisted");
        assertThat(ledger.balance(P, u).lifetime()).isZero();
    }

    long revision(long user) {
        return jdbc.sql("select revision from points.balance where user_id = ?")
                .param(user)
                .query(Long.class)
                .single();
    }

    List<Map<String, Object>> days(long user) {
        return jdbc.sql("select rule_id, day, points, occurrences, amount from points.rule_day where user_id = ?")
                .param(user)
                .query()
                .listOfRows();
    }

    @Test
    @DisplayName(
            "LG-7.2.3 a capped read changes no counter and no balance: it writes only its outcome, on cached tallies too")
    void capped_read_writes_only_its_outcome() {
        long u = TestAccounts.learner(accounts);
        for (int h = 1; h <= 3; h++) {
            one(ledger, read(u, "f" + h, h));
        }
        assertNothing(one(ledger, read(u, "f4", 4)), "cap-reached"); // the day's first capped read
        long revision = revision(u);
        var days = days(u);
        long written = ledger.cache().written.sum();
        var capped = read(u, "f5", 5);
        assertNothing(one(ledger, capped), "cap-reached");
        assertThat(ledger.cache().written.sum() - written).isEqualTo(1);
        assertThat(revision(u)).isEqualTo(revision);
        assertThat(days(u)).isEqualTo(days);
        assertThat(one(ledger, capped)).isEqualTo(one(other, capped)); // stored: a retry on either instance answers it
        assertThat(ledger.balance(P, u).lifetime()).isEqualTo(15).isEqualTo(lifetime(u));
    }

    @Test
    @DisplayName(
            "LG-14 a capped user blacklisted elsewhere after caching: the unchanged user's revision is still checked, so the read answers blacklisted")
    void unchanged_user_is_still_checked() {
        long u = TestAccounts.learner(accounts);
        for (int h = 1; h <= 4; h++) {
            one(ledger, read(u, "g" + h, h)); // 15, then capped: cached here at the cap
        }
        blacklist(u);
        assertNothing(afterStale(read(u, "g5", 5)), "blacklisted");
    }

    @Test
    @DisplayName(
            "LG-7.2.3 concurrency: 20 articles of one user at once, half on each of two instances whose cached tallies disagree, earn exactly the 15 cap")
    void two_instances_at_once_never_exceed_the_cap() throws Exception {
        long u = TestAccounts.learner(accounts);
        one(ledger, read(u, "w1", 1)); // cached here at 5
        one(other, read(u, "w2", 1)); // cached there at 10: the cache here is stale
        var tasks = new ArrayList<Callable<Outcome>>();
        for (int i = 0; i < 20; i++) {
            var e = read(u, "c" + i, 2);
            var on = i % 2 == 0 ? ledger : other;
            tasks.add(() -> on.record(P, e)); // the group-commit writer here, the caller's thread there
        }
        var out = Together.run(tasks);
        assertThat(out.stream().mapToInt(Outcome::points).sum()).isEqualTo(5);
        assertThat(out.stream().filter(o -> "cap-reached".equals(o.reason()))).hasSize(19);
        assertThat(lifetime(u)).isEqualTo(15);
        assertThat(ledger.balance(P, u).lifetime()).isEqualTo(15);
    }
}
