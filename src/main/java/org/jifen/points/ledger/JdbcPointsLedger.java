package org.jifen.points.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jifen.account.Accounts;
import org.jifen.account.Blacklist;
import org.jifen.account.Role;
import org.jifen.account.SignedInUser;
import org.jifen.audit.AuditLog;
import org.jifen.audit.AuditRecord;
import org.jifen.org.AdminScope;
import org.jifen.org.Organizations;
import org.jifen.points.Balance;
import org.jifen.points.LedgerEntry;
import org.jifen.points.Outcome;
import org.jifen.points.PointsLedger;
import org.jifen.points.RuleProgress;
import org.jifen.points.domain.EventInput;
import org.jifen.points.domain.Judgement;
import org.jifen.points.domain.LearningEvent;
import org.jifen.points.domain.PointsEngine;
import org.jifen.points.domain.Reason;
import org.jifen.rulebook.Limit;
import org.jifen.rulebook.Program;
import org.jifen.rulebook.RulebookVersion;
import org.jifen.rulebook.Rulebooks;
import org.jifen.shared.Actor;
import org.jifen.shared.web.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger on PostgreSQL. A group of events (a batch, or single events gathered by {@link GroupCommit}) takes one of
 * two paths:
 *
 * <ul>
 *   <li><b>Cached</b>, when every user of the group is in the {@link TallyCache} for the days it needs: the events are
 *       judged on the cached tallies and written by one statement that commits by itself. It changes each user's
 *       balance row only where the row's revision is still the cached one (every change of a balance row gives it a
 *       new revision), inserts only new outcomes, and finds no award for the items the cache had not seen; if any of
 *       that does not hold, {@code points.expect} fails the whole statement, nothing is written, and the group takes
 *       the full path.
 *   <li><b>Full</b>, in one transaction in a fixed number of round trips: balance rows of all its users are created
 *       if missing and locked ({@code select … for update}, in user id order), which serializes everything that
 *       judges or changes one user's points; then the stored outcomes of its event ids and the tallies are read, the
 *       events judged in order, and entries, counters, balances and outcomes written with {@code unnest} arrays. The
 *       tallies it read are cached after the commit.
 * </ul>
 *
 * A retry of an event id answers the stored outcome (on the cached path, its outcome collides and the group takes the
 * full path, which reads it); a concurrent first attempt of the same id under another user collides on the outcome's
 * primary key and the group is retried.
 */
@Service
public class JdbcPointsLedger implements PointsLedger {

    private static final Logger log = LoggerFactory.getLogger(JdbcPointsLedger.class);
    static final int PAGE = 50;
    /** The label of entries nobody signed in caused. */
    static final String SYSTEM_LABEL = "system";

    private static final int ATTEMPTS = 4;

    private final JdbcClient jdbc;
    /** Resolved once: a bean factory lookup per event cost more than judging it (docs/benchmarks.md, run 4). */
    private final SingletonSupplier<Rulebooks> rulebooks;

    private final Accounts accounts;
    private final Blacklist blacklist;
    private final Organizations organizations;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final GroupCommit groupCommit;
    private final TallyCache cache;

    JdbcPointsLedger(
            JdbcClient jdbc,
            ObjectProvider<Rulebooks> rulebooks,
            Accounts accounts,
            Blacklist blacklist,
            Organizations organizations,
            AuditLog audit,
            Clock clock,
            PlatformTransactionManager transactions,
            JsonMapper json,
            @org.springframework.beans.factory.annotation.Value("${jifen.points.group-commit:true}")
                    boolean groupCommit,
            @org.springframework.beans.factory.annotation.Value("${jifen.points.group-commit-writers:2}") int writers,
            @org.springframework.beans.factory.annotation.Value("${jifen.points.cached-tallies:20000}")
                    int cachedTallies) {
        this.jdbc = jdbc;
        this.rulebooks = SingletonSupplier.of(rulebooks::getIfAvailable);
        this.accounts = accounts;
        this.blacklist = blacklist;
        this.organizations = organizations;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.json = json;
        this.cache = new TallyCache(cachedTallies);
        this.groupCommit = groupCommit ? new GroupCommit(this::recordAll, writers) : null;
    }

    /**
     * Judges and records one event. With group commit on (the default), concurrent callers share one transaction
     * and one commit; each still gets its outcome only after that commit.
     */
    @Override
    public Outcome record(String programKey, LearningEvent event) {
        if (groupCommit != null) {
            program(programKey); // an unknown program fails in the caller's thread
            return groupCommit.record(programKey, event, actor());
        }
        return recordAll(programKey, List.of(event)).getFirst();
    }

    @Override
    public java.util.concurrent.CompletableFuture<Outcome> recordAsync(
            String programKey, LearningEvent event, Actor sender) {
        if (groupCommit == null) {
            return java.util.concurrent.CompletableFuture.completedFuture(
                    recordAll(programKey, List.of(event), java.util.Collections.singletonList(sender))
                            .getFirst());
        }
        program(programKey); // an unknown program fails in the caller's thread
        return groupCommit.submit(programKey, event, sender);
    }

    /** Through the group-commit writers when group commit is on; otherwise {@link #recordAll}. */
    @Override
    public List<Outcome> submitAll(String programKey, List<LearningEvent> events, Actor sender) {
        program(programKey); // an unknown program fails in the caller's thread
        return groupCommit == null
                ? recordAll(programKey, events, java.util.Collections.nCopies(events.size(), sender))
                : groupCommit.recordAll(programKey, events, sender);
    }

    @Override
    public Set<String> judged(String programKey, Collection<String> eventIds) {
        var program = program(programKey);
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql(JUDGED)
                .params(eventIds.toArray(String[]::new), program.id())
                .query(String.class)
                .list());
    }

    /** The ids that have an outcome, one probe of the key each, as in {@link #READ}. */
    private static final String JUDGED = """
            select q.e from unnest(?::text[]) as q(e), lateral (
                select 1 from points.event_outcome
                where program_id = ? and event_id = q.e offset 0) o""";

    @jakarta.annotation.PreDestroy
    void stop() {
        if (groupCommit != null) {
            groupCommit.stop();
        }
    }

    @Override
    public List<Outcome> recordAll(String programKey, List<LearningEvent> events) {
        return recordAll(programKey, events, java.util.Collections.nCopies(events.size(), actor()));
    }

    /**
     * Judges and records events in order, one outcome each, in one transaction (the caller's, if any); {@code
     * senders} names who sent each event (null: "system"), for the entries it earns.
     */
    List<Outcome> recordAll(String programKey, List<LearningEvent> events, List<Actor> senders) {
        var program = program(programKey);
        if (events.isEmpty()) {
            return List.of();
        }
        var g = new Group(program, versionsFor(programKey, events), events, senders);
        if (g.judgesNothing()) {
            return List.of(g.rejected);
        }
        // in a caller's transaction, new balance rows are created in it; in our own, in one of their own first
        var joined = TransactionSynchronizationManager.isActualTransactionActive();
        if (!joined) {
            var fast = judgeCached(program.id(), g);
            if (fast != null) {
                return fast;
            }
        }
        for (int attempt = 1; ; attempt++) {
            try {
                var written = tx.execute(s -> judgeAndWrite(program.id(), g, joined));
                written.fresh.forEach((user, entry) -> cache.put(program.id(), user, entry));
                return written.outcomes;
            } catch (MissingBalances m) {
                tx.executeWithoutResult(s -> lock(program.id(), m.users));
            } catch (EventRace | PessimisticLockingFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Another transaction stored an outcome for one of the batch's event ids first: retry, which will read it. */
    static final class EventRace extends RuntimeException {
        EventRace() {
            super("an event id of the batch was judged concurrently", null, false, false);
        }
    }

    Program program(String programKey) {
        var books = rulebooks.get();
        return (books == null ? Optional.<Program>empty() : books.program(programKey))
                .orElseThrow(() -> Problem.notFound("program.not-found", programKey));
    }

    /**
     * The version in force at an instant, from the rulebooks' in-memory cache (no database read on this hot path);
     * events of a batch mostly share their instant's version, so each distinct instant is looked up once.
     */
    private Function<Instant, Optional<RulebookVersion>> versionsFor(String programKey, List<LearningEvent> events) {
        var books = rulebooks.obtain();
        var memo = new java.util.HashMap<Instant, Optional<RulebookVersion>>();
        return at -> at == null ? Optional.empty() : memo.computeIfAbsent(at, i -> books.inForce(programKey, i));
    }

    /**
     * A group's events after the checks that need no lock: the rejected ones have their outcome, the others their
     * user, rulebook version and day; the days and (user, item) pairs their judging may read. Built once per group,
     * whichever path judges it and however often.
     */
    private final class Group {
        final List<LearningEvent> events;
        /** Who sent each event: named on the entries it earns. */
        final List<Actor> senders;
        /** Outcomes of the events rejected before judging; null for the others. */
        final Outcome[] rejected;

        final long[] users;
        final Long[] userIds;
        final RulebookVersion[] versions;
        final LocalDate[] days;
        LocalDate from;
        LocalDate to;
        final LinkedHashSet<String> ids = new LinkedHashSet<>();
        final List<Long> itemUsers = new ArrayList<>();
        final List<String> items = new ArrayList<>();

        Group(
                Program program,
                Function<Instant, Optional<RulebookVersion>> versionAt,
                List<LearningEvent> events,
                List<Actor> senders) {
            this.events = events;
            this.senders = senders;
            rejected = new Outcome[events.size()];
            users = new long[events.size()];
            versions = new RulebookVersion[events.size()];
            days = new LocalDate[events.size()];
            var candidates = new LinkedHashSet<Long>();
            for (int i = 0; i < events.size(); i++) {
                var e = events.get(i);
                var problem = check(e);
                if (problem != null) {
                    rejected[i] = rejection(e.id(), problem);
                    continue;
                }
                users[i] = Long.parseLong(e.user().strip());
                candidates.add(users[i]);
            }
            var known = accounts.existingIds(candidates);
            var pairs = new java.util.HashSet<String>();
            for (int i = 0; i < events.size(); i++) {
                if (rejected[i] != null) {
                    continue;
                }
                var e = events.get(i);
                if (!known.contains(users[i])) {
                    rejected[i] = rejection(e.id(), "unknown-user");
                    continue;
                }
                ids.add(e.id());
                versions[i] = versionAt.apply(e.at()).orElse(null);
                var zone = versions[i] == null
                        ? program.timeZone()
                        : versions[i].rulebook().timeZone();
                days[i] = e.at().atZone(zone).toLocalDate();
                var earliest = UserTally.earliestNeeded(days[i]);
                from = from == null || earliest.isBefore(from) ? earliest : from;
                to = to == null || days[i].isAfter(to) ? days[i] : to;
                if (e.item() != null && pairs.add(users[i] + "\u0000" + e.item())) {
                    itemUsers.add(users[i]);
                    items.add(e.item());
                }
            }
            userIds = known.stream().sorted().toArray(Long[]::new);
        }

        boolean judgesNothing() {
            return userIds.length == 0;
        }
    }

    /** What judging a group produced: the outcomes of its new event ids, its ledger entries and balance changes. */
    private static final class Judged {
        /** Every event's outcome, in the group's order. */
        final Outcome[] answers;

        final Entries entries = new Entries();
        final LinkedHashMap<String, Outcome> outcomes = new LinkedHashMap<>();
        final HashMap<String, Long> user = new HashMap<>();
        final HashMap<String, Instant> at = new HashMap<>();
        /** Lifetime and redeemable change by user, for every user with a judged event (zero included). */
        final LinkedHashMap<Long, long[]> deltas = new LinkedHashMap<>();

        Judged(Group g) {
            answers = g.rejected.clone();
        }
    }

    /**
     * Judges the group's events in order against the tallies (updating them); an id stored earlier or judged earlier
     * in the group answers that outcome.
     */
    private static Judged judge(Group g, Map<String, Outcome> stored, Map<Long, UserTally> tallies, Set<Long> blocked) {
        var out = new Judged(g);
        for (int i = 0; i < g.events.size(); i++) {
            if (out.answers[i] != null) {
                continue;
            }
            var e = g.events.get(i);
            var earlier = stored.containsKey(e.id()) ? stored.get(e.id()) : out.outcomes.get(e.id());
            if (earlier != null) {
                out.answers[i] = earlier;
                continue;
            }
            var user = g.users[i];
            var tally = tallies.get(user);
            Judgement j;
            Integer version = null;
            if (g.versions[i] == null) {
                j = Judgement.none(g.days[i], Reason.OUTSIDE_VALIDITY);
            } else {
                version = g.versions[i].version();
                j = PointsEngine.judge(g.versions[i].rulebook(), e, tally, blocked.contains(user));
            }
            tally.apply(j);
            var d = out.deltas.computeIfAbsent(user, u -> new long[2]);
            var rules = new ArrayList<Outcome.RulePoints>();
            for (var award : j.awards()) {
                rules.add(new Outcome.RulePoints(award.ruleId(), award.points()));
                if (award.points() > 0) {
                    out.entries.add(user, "award", award.points(), award.points(), e.at(), j.day(), award.ruleId());
                    out.entries.version.add(version);
                    out.entries.event.add(e.id());
                    out.entries.reason.add(
                            award.reason() == null ? null : award.reason().code());
                    out.entries.sender(g.senders.get(i));
                    d[0] += award.points();
                    d[1] += award.points();
                }
            }
            var outcome = new Outcome(
                    e.id(), j.points(), j.reason() == null ? null : j.reason().code(), rules, version);
            out.answers[i] = outcome;
            out.outcomes.put(e.id(), outcome);
            out.user.put(e.id(), user);
            out.at.put(e.id(), e.at());
        }
        return out;
    }

    /** A committed group's outcomes and the cache entries of its users as the commit left them. */
    private record Written(List<Outcome> outcomes, Map<Long, TallyCache.Entry> fresh) {}

    /**
     * A group whose users are all in the tally cache, covering the days it needs, in one round trip: judged on the
     * cached tallies and written by one statement that commits by itself and applies only if every user's balance
     * row still has the cached revision, every outcome is new and none of the (user, item) pairs the cache did not
     * know had an award. Otherwise the statement fails as a whole ({@code points.expect}), changes nothing, and the
     * group takes the full path (null); so does a group with a user not in the cache.
     */
    private List<Outcome> judgeCached(long pid, Group g) {
        var taken = cache.takeAll(pid, java.util.Arrays.asList(g.userIds), g.from, g.to);
        if (taken == null) {
            return null;
        }
        var tallies = new HashMap<Long, UserTally>();
        var blocked = new java.util.HashSet<Long>();
        taken.forEach((u, e) -> {
            tallies.put(u, e.tally());
            if (e.blocked()) {
                blocked.add(u);
            }
        });
        var probeUsers = new ArrayList<Long>();
        var probeItems = new ArrayList<String>();
        for (int i = 0; i < g.itemUsers.size(); i++) {
            if (!tallies.get(g.itemUsers.get(i)).known(g.items.get(i))) {
                probeUsers.add(g.itemUsers.get(i));
                probeItems.add(g.items.get(i));
            }
        }
        var judged = judge(g, Map.of(), tallies, blocked);
        Map<Long, Long> revisions = Map.of();
        if (!judged.outcomes.isEmpty()) {
            try {
                revisions = write(pid, judged, tallies, taken, probeUsers, probeItems);
            } catch (org.springframework.dao.DataAccessException | EventRace stale) {
                cache.stale.increment();
                log.debug(
                        "Cached tallies of a group of {} events did not hold, taking the full path: {}",
                        g.events.size(),
                        stale.getMessage());
                return null; // the taken entries are dropped: the full path reads and caches them again
            }
        }
        cache.written.increment();
        for (var t : taken.entrySet()) {
            var e = t.getValue();
            e.tally().written();
            var revision = revisions.getOrDefault(t.getKey(), e.revision());
            cache.put(pid, t.getKey(), new TallyCache.Entry(e.tally(), revision, e.blocked(), e.from(), e.to()));
        }
        return List.of(judged.answers);
    }

    /**
     * The full path, in four round trips: lock the users' balance rows; read the stored outcomes of the group's ids
     * and the users' tallies in one query; write outcomes, entries, tallies and balances in one statement; commit.
     */
    private Written judgeAndWrite(long pid, Group g, boolean createMissing) {
        // 1. lock the users' balance rows, in user id order; a user without a row yet gets it in a transaction of
        // its own first (MissingBalances), so that no two groups wait for each other's new rows. In a caller's
        // transaction, missing rows are created in it.
        var revisions = new HashMap<Long, Long>();
        var blocked = createMissing
                ? lock(pid, java.util.Arrays.asList(g.userIds)).entrySet().stream()
                        .filter(e -> e.getValue()[2] == 1)
                        .map(Map.Entry::getKey)
                        .collect(java.util.stream.Collectors.toSet())
                : lockExisting(pid, g.userIds, revisions);
        // 2. the stored outcomes of these ids (read under the users' locks: a concurrent retry has committed by
        // now) and the tallies of the days and items the events may need, in one query
        var stored = new HashMap<String, Outcome>();
        var tallies = new HashMap<Long, UserTally>();
        for (var u : g.userIds) {
            tallies.put(u, new UserTally());
        }
        jdbc.sql(READ)
                .params(
                        g.ids.toArray(String[]::new),
                        pid,
                        g.userIds,
                        pid,
                        g.from,
                        g.to,
                        g.itemUsers.toArray(Long[]::new),
                        g.items.toArray(String[]::new),
                        pid)
                .query(rs -> {
                    switch (rs.getInt(1)) {
                        case 0 -> stored.put(rs.getString(3), restored(json, rs.getString(3), rs.getString(4)));
                        case 1 ->
                            tallies.get(rs.getLong(2))
                                    .loadDay(
                                            rs.getString(3),
                                            rs.getObject(5, LocalDate.class),
                                            rs.getInt(6),
                                            rs.getInt(7),
                                            rs.getLong(8));
                        default -> tallies.get(rs.getLong(2)).loadItem(rs.getString(3), rs.getString(4), rs.getInt(6));
                    }
                });
        // 3. judge in order
        var judged = judge(g, stored, tallies, blocked);
        // 4. write everything in one statement; outcomes that collide with a concurrent first attempt of an id
        // make the group retry (and then read them)
        var written = judged.outcomes.isEmpty()
                ? Map.<Long, Long>of()
                : write(pid, judged, tallies, null, List.of(), List.of());
        var fresh = new HashMap<Long, TallyCache.Entry>();
        if (!createMissing) {
            tallies.forEach((u, t) -> {
                t.written();
                var revision = written.getOrDefault(u, revisions.get(u));
                fresh.put(u, new TallyCache.Entry(t, revision, blocked.contains(u), g.from, g.to));
            });
        }
        return new Written(List.of(judged.answers), fresh);
    }

    /** The write statement; see {@link #write}. */
    private static final String WRITE_ANY = """
            with o as (
                insert into points.event_outcome (program_id, event_id, user_id, at, outcome)
                select :pid, e, u, a, o
                from unnest(:oEvent::text[], :oUser::bigint[], :oAt::timestamptz[], :oOutcome::text[])
                    as t(e, u, a, o)
                {conflict}
                returning 1),
            e as (
                insert into points.ledger_entry (program_id, user_id, kind, lifetime, redeemable, at, day,
                    rule_id, rulebook_version, event_id, reason, actor_id, actor_label)
                select :pid, u, k, l, r, a, d, ru, v, e, re, ai, al
                from unnest(:eUser::bigint[], :eKind::text[], :eLifetime::bigint[], :eRedeemable::bigint[],
                    :eAt::timestamptz[], :eDay::date[], :eRule::text[], :eVersion::int[], :eEvent::text[],
                    :eReason::text[], :eActorId::bigint[], :eActorLabel::text[])
                    as t(u, k, l, r, a, d, ru, v, e, re, ai, al)),
            rd as (
                insert into points.rule_day (program_id, user_id, rule_id, day, points, occurrences, amount)
                select :pid, u, r, d, p, o, a
                from unnest(:dUser::bigint[], :dRule::text[], :dDay::date[], :dPoints::int[],
                    :dOccurrences::int[], :dAmount::bigint[]) as t(u, r, d, p, o, a)
                on conflict (program_id, user_id, rule_id, day) do update
                set points = excluded.points, occurrences = excluded.occurrences, amount = excluded.amount),
            ia as (
                insert into points.item_award (program_id, user_id, award_key, item, times)
                select :pid, u, k, i, n
                from unnest(:iUser::bigint[], :iKey::text[], :iItem::text[], :iTimes::int[]) as t(u, k, i, n)
                on conflict (program_id, user_id, award_key, item) do update set times = excluded.times),
            b as (
                update points.balance b set lifetime = b.lifetime + d.l, redeemable = b.redeemable + d.r,
                    revision = nextval('points.balance_revision')
                from unnest(:bUser::bigint[], :bLifetime::bigint[], :bRedeemable::bigint[],
                    :bRevision::bigint[]) as d(u, l, r, v)
                where b.program_id = :pid and b.user_id = d.u and (d.v is null or b.revision = d.v)
                returning b.user_id as u, b.revision as v),
            c as (
                select 1 from unnest(:cUser::bigint[], :cRevision::bigint[]) as q(u, v)
                join points.balance b on b.program_id = :pid and b.user_id = q.u and b.revision = q.v),
            p as (
                select 1 from unnest(:pUser::bigint[], :pItem::text[]) as q(u, i), lateral (
                    select 1 from points.item_award
                    where program_id = :pid and user_id = q.u and item = q.i limit 1 offset 0) a)
            select count(*), points.expect(not :guarded or (count(*) = :outcomes
                and (select count(*) from b) = :users and (select count(*) from c) = :checked
                and not exists (select 1 from p))),
                (select array_agg(u) from b), (select array_agg(v) from b)
            from o""";

    /** On the full path, an outcome stored meanwhile is counted out ({@link EventRace}). */
    private static final String WRITE = WRITE_ANY.replace("{conflict}", "on conflict do nothing");

    /**
     * On the cached path, any stored outcome (a retry) fails the statement: a plain insert, without the speculative
     * insertion of {@code on conflict}, which cost PostgreSQL a third more per row (docs/benchmarks.md, run 5).
     */
    private static final String WRITE_CACHED = WRITE_ANY.replace("{conflict}", "");

    /**
     * Writes a judged group in one statement: outcomes, entries, tally cells (absolute values), item awards and the
     * balances of the judged users whose points or tallies changed (which raises their rows' revisions). A user whose
     * events changed nothing (capped reads, say) gets only outcomes: the balance row is not written. With {@code
     * cached} entries (the cached path, outside any transaction) the changed balances change only where the revision
     * is still the cached one, the unchanged users' rows must still have the cached revision (read, not locked: what
     * was judged on them changes nothing, so it is as if judged at the statement's snapshot), the probed pairs must
     * have no award, and every outcome must be new, or {@code points.expect} fails the statement. Without, a collided
     * outcome throws {@link EventRace}. Answers the new revisions of the changed users' balance rows.
     */
    private Map<Long, Long> write(
            long pid,
            Judged judged,
            Map<Long, UserTally> tallies,
            Map<Long, TallyCache.Entry> cached,
            List<Long> probeUsers,
            List<String> probeItems) {
        var tallyRows = new TallyRows(tallies);
        var changed = new ArrayList<Long>();
        var unchanged = new ArrayList<Long>();
        judged.deltas.forEach((u, d) -> {
            var t = tallies.get(u);
            if (d[0] != 0 || d[1] != 0 || !t.dirtyDays.isEmpty() || !t.dirtyItems.isEmpty()) {
                changed.add(u);
            } else if (cached != null) { // on the full path the users' locks are held: nothing to check
                unchanged.add(u);
            }
        });
        var us = changed.toArray(Long[]::new);
        return jdbc.sql(cached == null ? WRITE : WRITE_CACHED)
                .param("pid", pid)
                .param("oEvent", judged.outcomes.keySet().toArray(String[]::new))
                .param(
                        "oUser",
                        judged.outcomes.keySet().stream().map(judged.user::get).toArray(Long[]::new))
                .param(
                        "oAt",
                        judged.outcomes.keySet().stream()
                                .map(id -> judged.at.get(id).toString())
                                .toArray(String[]::new))
                .param(
                        "oOutcome",
                        judged.outcomes.values().stream()
                                .map(JdbcPointsLedger::stored)
                                .toArray(String[]::new))
                .param("eUser", judged.entries.user.toArray(Long[]::new))
                .param("eKind", judged.entries.kind.toArray(String[]::new))
                .param("eLifetime", judged.entries.lifetime.toArray(Long[]::new))
                .param("eRedeemable", judged.entries.redeemable.toArray(Long[]::new))
                .param("eAt", judged.entries.at.toArray(String[]::new))
                .param("eDay", judged.entries.day.toArray(String[]::new))
                .param("eRule", judged.entries.rule.toArray(String[]::new))
                .param("eVersion", judged.entries.version.toArray(Integer[]::new))
                .param("eEvent", judged.entries.event.toArray(String[]::new))
                .param("eReason", judged.entries.reason.toArray(String[]::new))
                .param("eActorId", judged.entries.actorId.toArray(Long[]::new))
                .param("eActorLabel", judged.entries.actorLabel.toArray(String[]::new))
                .param("dUser", tallyRows.du.toArray(Long[]::new))
                .param("dRule", tallyRows.dr.toArray(String[]::new))
                .param("dDay", tallyRows.dd.toArray(String[]::new))
                .param("dPoints", tallyRows.dp.toArray(Integer[]::new))
                .param("dOccurrences", tallyRows.dOcc.toArray(Integer[]::new))
                .param("dAmount", tallyRows.da.toArray(Long[]::new))
                .param("iUser", tallyRows.iu.toArray(Long[]::new))
                .param("iKey", tallyRows.ik.toArray(String[]::new))
                .param("iItem", tallyRows.ii.toArray(String[]::new))
                .param("iTimes", tallyRows.it.toArray(Integer[]::new))
                .param("bUser", us)
                .param(
                        "bLifetime",
                        java.util.Arrays.stream(us)
                                .map(u -> judged.deltas.get(u)[0])
                                .toArray(Long[]::new))
                .param(
                        "bRedeemable",
                        java.util.Arrays.stream(us)
                                .map(u -> judged.deltas.get(u)[1])
                                .toArray(Long[]::new))
                .param(
                        "bRevision",
                        java.util.Arrays.stream(us)
                                .map(u -> cached == null ? null : cached.get(u).revision())
                                .toArray(Long[]::new))
                .param("cUser", unchanged.toArray(Long[]::new))
                .param(
                        "cRevision",
                        unchanged.stream().map(u -> cached.get(u).revision()).toArray(Long[]::new))
                .param("pUser", probeUsers.toArray(Long[]::new))
                .param("pItem", probeItems.toArray(String[]::new))
                .param("guarded", cached != null)
                .param("outcomes", judged.outcomes.size())
                .param("users", us.length)
                .param("checked", unchanged.size())
                .query(rs -> {
                    rs.next();
                    if (rs.getInt(1) != judged.outcomes.size()) {
                        throw new EventRace();
                    }
                    var revisions = new HashMap<Long, Long>();
                    if (rs.getArray(3) != null) {
                        var u = (Long[]) rs.getArray(3).getArray();
                        var v = (Long[]) rs.getArray(4).getArray();
                        for (int i = 0; i < u.length; i++) {
                            revisions.put(u[i], v[i]);
                        }
                    }
                    return revisions;
                });
    }

    /** The tally cells a batch changed, as columns to write back (absolute values, under the users' locks). */
    private static final class TallyRows {
        final List<Long> du = new ArrayList<>();
        final List<String> dr = new ArrayList<>();
        final List<String> dd = new ArrayList<>();
        final List<Integer> dp = new ArrayList<>();
        final List<Integer> dOcc = new ArrayList<>();
        final List<Long> da = new ArrayList<>();
        final List<Long> iu = new ArrayList<>();
        final List<String> ik = new ArrayList<>();
        final List<String> ii = new ArrayList<>();
        final List<Integer> it = new ArrayList<>();

        TallyRows(Map<Long, UserTally> tallies) {
            tallies.forEach((user, t) -> {
                for (var key : t.dirtyDays) {
                    int sep = key.indexOf('\u0000');
                    var rule = key.substring(0, sep);
                    var day = LocalDate.parse(key.substring(sep + 1));
                    var cell = t.cell(rule, day);
                    du.add(user);
                    dr.add(rule);
                    dd.add(day.toString());
                    dp.add(cell.points);
                    dOcc.add(cell.occurrences);
                    da.add(cell.amount);
                }
                for (var key : t.dirtyItems) {
                    int sep = key.indexOf('\u0000');
                    iu.add(user);
                    ik.add(key.substring(0, sep));
                    ii.add(key.substring(sep + 1));
                    it.add(t.items(key));
                }
            });
        }
    }

    /** Columns of ledger entries to insert in one statement. */
    private static final class Entries {
        final List<Long> user = new ArrayList<>();
        final List<String> kind = new ArrayList<>();
        final List<Long> lifetime = new ArrayList<>();
        final List<Long> redeemable = new ArrayList<>();
        final List<String> at = new ArrayList<>();
        final List<String> day = new ArrayList<>();
        final List<String> rule = new ArrayList<>();
        final List<Integer> version = new ArrayList<>();
        final List<String> event = new ArrayList<>();
        final List<String> reason = new ArrayList<>();
        final List<Long> actorId = new ArrayList<>();
        final List<String> actorLabel = new ArrayList<>();

        /** Names who sent the event of the entry just added; nobody is "system", as on staff entries. */
        void sender(Actor sender) {
            actorId.add(sender == null ? null : sender.actorId());
            actorLabel.add(sender == null ? SYSTEM_LABEL : sender.actorLabel());
        }

        void add(long u, String k, long l, long r, Instant when, LocalDate d, String ruleId) {
            user.add(u);
            kind.add(k);
            lifetime.add(l);
            redeemable.add(r);
            at.add(when.toString());
            day.add(d.toString());
            rule.add(ruleId);
        }
    }

    /** The input problem of an event, or null when it can be judged. */
    static String check(LearningEvent e) {
        if (e.id() == null || e.id().isBlank() || e.action() == null || e.user() == null || e.at() == null) {
            return "missing-field";
        }
        if (e.id().length() > 100) {
            return "malformed-event";
        }
        if (e.amount() != null && e.amount() < 0) {
            return "negative-amount";
        }
        if (!EventInput.digits(e.user().strip(), 18)) {
            return "unknown-user";
        }
        return null;
    }

    /**
     * The stored form of an outcome, without its event id (the row's key): {@code {"p":0,"r":"cap-reached",
     * "u":[["article-read",0]],"v":1}}, {@code r} and {@code v} left out when null. One is written for every event,
     * so it is short: half the bytes of the answer's form, a third less heap per row (docs/benchmarks.md, run 6).
     * Migration V2026120406 converted the rows stored before in that form.
     */
    static String stored(Outcome o) {
        var b = new StringBuilder(48 + 24 * o.rules().size());
        b.append("{\"p\":").append(o.points());
        if (o.reason() != null) {
            b.append(",\"r\":");
            Outcome.string(b, o.reason());
        }
        b.append(",\"u\":[");
        for (int i = 0; i < o.rules().size(); i++) {
            var r = o.rules().get(i);
            b.append(i == 0 ? "[" : ",[");
            Outcome.string(b, r.ruleId());
            b.append(',').append(r.points()).append(']');
        }
        b.append(']');
        if (o.rulebookVersion() != null) {
            b.append(",\"v\":").append(o.rulebookVersion());
        }
        return b.append('}').toString();
    }

    /** The outcome of {@code eventId} from its stored form ({@link #stored}). */
    static Outcome restored(JsonMapper json, String eventId, String stored) {
        var n = json.readTree(stored);
        var rules = new ArrayList<Outcome.RulePoints>();
        for (var r : n.get("u")) {
            rules.add(new Outcome.RulePoints(r.get(0).asString(), r.get(1).asInt()));
        }
        var reason = n.get("r");
        var version = n.get("v");
        return new Outcome(
                eventId,
                n.get("p").asInt(),
                reason == null || reason.isNull() ? null : reason.asString(),
                rules,
                version == null || version.isNull() ? null : version.asInt());
    }

    static Outcome rejection(String id, String code) {
        return new Outcome(id, 0, code, List.of(), null);
    }

    private static Actor actor() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Actor a ? a : null;
    }

    // ----------------------------------------------------------------------------------------------- reading

    @Override
    public Balance balance(String programKey, long userId) {
        var program = program(programKey);
        var today = LocalDate.now(clock.withZone(program.timeZone()));
        var year = today.withDayOfYear(1);
        var quarter = today.with(IsoFields.DAY_OF_QUARTER, 1);
        var month = today.withDayOfMonth(1);
        long[] held = jdbc.sql("select lifetime, redeemable from points.balance where program_id = ? and user_id = ?")
                .params(program.id(), userId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .optional()
                .orElse(new long[2]);
        return jdbc.sql("""
                        select coalesce(sum(lifetime) filter (where day = ?), 0),
                               coalesce(sum(lifetime) filter (where day >= ?), 0),
                               coalesce(sum(lifetime) filter (where day >= ?), 0),
                               coalesce(sum(lifetime), 0)
                        from points.ledger_entry
                        where program_id = ? and user_id = ? and kind in ('award', 'adjustment') and day between ? and ?""")
                .params(today, month, quarter, program.id(), userId, year, today)
                .query((rs, n) ->
                        new Balance(held[0], held[1], rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
    }

    @Override
    public List<RuleProgress> today(String programKey, long userId) {
        var program = program(programKey);
        var now = clock.instant();
        var version = rulebooks.obtain().inForce(programKey, now);
        if (version.isEmpty()) {
            return List.of();
        }
        var book = version.get().rulebook();
        var day = now.atZone(book.timeZone()).toLocalDate();
        var earned = new HashMap<String, Long>();
        jdbc.sql("select rule_id, points from points.rule_day where program_id = ? and user_id = ? and day = ?")
                .params(program.id(), userId, day)
                .query(rs -> {
                    earned.put(rs.getString(1), rs.getLong(2));
                });
        return book.rules().stream()
                .map(r -> new RuleProgress(
                        r.id(),
                        r.title(),
                        r.action(),
                        earned.getOrDefault(r.id(), 0L),
                        r.limit(Limit.DailyCap.class)
                                .map(Limit.DailyCap::points)
                                .orElse(null)))
                .toList();
    }

    @Override
    public List<LedgerEntry> entries(String programKey, long userId, LocalDate from, LocalDate to, int page) {
        var program = program(programKey);
        return jdbc.sql("""
                        select id, user_id, kind, lifetime, redeemable, at, day, rule_id, rulebook_version, event_id,
                            reason, actor_label
                        from points.ledger_entry
                        where program_id = ? and user_id = ? and (?::date is null or day >= ?::date)
                            and (?::date is null or day <= ?::date)
                        order by id desc limit ? offset ?""")
                .params(program.id(), userId, from, from, to, to, PAGE, Math.max(0, page) * PAGE)
                .query((rs, n) -> new LedgerEntry(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getObject(7, LocalDate.class),
                        rs.getString(8),
                        (Integer) rs.getObject(9),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getString(12)))
                .list();
    }

    // ----------------------------------------------------------------------------------------------- changing

    @Override
    @Transactional
    public LedgerEntry adjust(String programKey, long userId, long points, String reason) {
        var program = program(programKey);
        var actor = actor();
        if (!(actor instanceof SignedInUser user) || !mayAdjust(user, program)) {
            throw Problem.forbidden("points.adjust-forbidden");
        }
        if (reason == null || reason.isBlank()) {
            throw Problem.badRequest("points.reason-required");
        }
        if (points == 0 || Math.abs(points) > 1_000_000) {
            throw Problem.badRequest("points.adjust-invalid");
        }
        if (accounts.existingIds(List.of(userId)).isEmpty()) {
            throw Problem.notFound("account.not-found");
        }
        var held = lock(program.id(), List.of(userId)).get(userId);
        if (held[0] + points < 0 || held[1] + points < 0) {
            throw Problem.conflict("points.insufficient");
        }
        var why = reason.strip().length() > 500 ? reason.strip().substring(0, 500) : reason.strip();
        var entry = append(program, userId, "adjustment", points, points, why, actor);
        audit.record(AuditRecord.of("points.adjust", "account", userId)
                .change(
                        program.key() + " lifetime=" + held[0] + " redeemable=" + held[1],
                        program.key() + " lifetime=" + (held[0] + points) + " redeemable=" + (held[1] + points))
                .because(why));
        return entry;
    }

    private boolean mayAdjust(SignedInUser user, Program program) {
        if (user.has(Role.SYSTEM_ADMIN)) {
            return true;
        }
        if (!user.has(Role.PROGRAM_OPERATOR)) {
            return false;
        }
        if (user.platformWide(Role.PROGRAM_OPERATOR)) {
            return true;
        }
        var org = organizations.find(program.orgId());
        var scope = new AdminScope(false, user.scope(Role.PROGRAM_OPERATOR));
        return org.isPresent() && scope.covers(org.get());
    }

    /** Clears every program's points of a user with {@code reset} entries (LG-14); the caller's transaction. */
    void reset(long userId, String reason) {
        var books = rulebooks.get();
        var programs = books == null ? List.<Program>of() : books.programs();
        for (var p : programs) {
            jdbc.sql("insert into points.balance (program_id, user_id) values (?, ?) on conflict do nothing")
                    .params(p.id(), userId)
                    .update();
        }
        var zones = new HashMap<Long, Program>();
        programs.forEach(p -> zones.put(p.id(), p));
        var held = jdbc.sql("""
                        select program_id, lifetime, redeemable from points.balance where user_id = ?
                        order by program_id for update""")
                .param(userId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .list();
        jdbc.sql("update points.balance set blocked = true where user_id = ?")
                .param(userId)
                .update();
        var actor = actor();
        for (var h : held) {
            if (h[1] == 0 && h[2] == 0) {
                continue;
            }
            var program = zones.getOrDefault(h[0], new Program(h[0], "#" + h[0], "", 0, ZoneId.of("Asia/Shanghai")));
            append(program, userId, "reset", -h[1], -h[2], "blacklisted: " + reason, actor);
            audit.record(AuditRecord.of("points.reset", "account", userId)
                    .change(program.key() + " lifetime=" + h[1] + " redeemable=" + h[2], program.key() + " 0")
                    .because(reason));
        }
    }

    /**
     * Creates the balance rows missing among these users and locks all of them, in user id order; returns lifetime,
     * redeemable and blocked (1 or 0) by user. A new row is blocked when the blacklist lists the user, read under
     * the row locks, so a blacklisting or lifting in progress either has committed or waits for this transaction.
     */
    private Map<Long, long[]> lock(long pid, Collection<Long> userIds) {
        var ids = userIds.stream().sorted().toArray(Long[]::new);
        jdbc.sql("""
                        insert into points.balance (program_id, user_id) select ?, u from unnest(?::bigint[]) u
                        order by u on conflict do nothing""").params(pid, ids).update();
        var out = new HashMap<Long, long[]>();
        jdbc.sql("""
                        select user_id, lifetime, redeemable, blocked from points.balance
                        where program_id = ? and user_id = any(?) order by user_id for update""").params(pid, ids).query(rs -> {
            out.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getBoolean(4) ? 1 : 0});
        });
        var listed = blacklist.among(out.keySet());
        var changed = out.entrySet().stream()
                .filter(e -> (e.getValue()[2] == 1) != listed.contains(e.getKey()))
                .map(Map.Entry::getKey)
                .toArray(Long[]::new);
        if (changed.length > 0) {
            jdbc.sql("""
                            update points.balance set blocked = not blocked
                            where program_id = ? and user_id = any(?)""").params(pid, changed).update();
            for (var u : changed) {
                out.get(u)[2] ^= 1;
            }
        }
        return out;
    }

    /** Locks a group's balance rows in user id order and answers user id, blocked and revision. */
    private static final String LOCK = """
            select user_id, blocked, revision from points.balance
            where program_id = ? and user_id = any(?) order by user_id for update""";

    /**
     * Stored outcomes of a group's event ids and the tallies its events may need. Each key is one probe of a primary
     * key (lateral, "offset 0" keeps it apart), whatever the statistics: with "= any(array)" a generic plan on a
     * young table compared every row with every element (docs/benchmarks.md).
     */
    private static final String READ = """
            select 0, 0::bigint, q.e, o.outcome, null::date, 0, 0, 0::bigint
            from unnest(?::text[]) as q(e), lateral (
                select outcome from points.event_outcome
                where program_id = ? and event_id = q.e offset 0) o
            union all
            select 1, q.u, d.rule_id, null, d.day, d.points, d.occurrences, d.amount
            from unnest(?::bigint[]) as q(u), lateral (
                select rule_id, day, points, occurrences, amount from points.rule_day
                where program_id = ? and user_id = q.u and day between ? and ? offset 0) d
            union all
            select 2, q.u, a.award_key, q.i, null, a.times, 0, 0
            from unnest(?::bigint[], ?::text[]) as q(u, i), lateral (
                select award_key, times from points.item_award
                where program_id = ? and user_id = q.u and item = q.i offset 0) a""";

    /**
     * Locks the balance rows of these users (sorted), puts their revisions in {@code revisions} and answers the
     * blocked among them; when a user has no row yet, throws {@link MissingBalances} without having written anything.
     */
    private Set<Long> lockExisting(long pid, Long[] sortedIds, Map<Long, Long> revisions) {
        var blocked = new java.util.HashSet<Long>();
        jdbc.sql(LOCK).params(pid, sortedIds).query(rs -> {
            revisions.put(rs.getLong(1), rs.getLong(3));
            if (rs.getBoolean(2)) {
                blocked.add(rs.getLong(1));
            }
        });
        if (revisions.size() < sortedIds.length) {
            throw new MissingBalances(java.util.Arrays.stream(sortedIds)
                    .filter(u -> !revisions.containsKey(u))
                    .toList());
        }
        return blocked;
    }

    /** Users of a batch without a balance row yet: they get one in a transaction of its own, then the batch runs. */
    static final class MissingBalances extends RuntimeException {
        final List<Long> users;

        MissingBalances(List<Long> users) {
            super("balance rows to create first", null, false, false);
            this.users = users;
        }
    }

    /** Unblocks a user's balance rows when the blacklisting is lifted (LG-14); the caller's transaction. */
    void unblock(long userId) {
        jdbc.sql("update points.balance set blocked = false where user_id = ?")
                .param(userId)
                .update();
    }

    private LedgerEntry append(
            Program program, long userId, String kind, long lifetime, long redeemable, String reason, Actor actor) {
        var now = clock.instant();
        var day = now.atZone(program.timeZone()).toLocalDate();
        long id = jdbc.sql("""
                        insert into points.ledger_entry (program_id, user_id, kind, lifetime, redeemable, at, day,
                            reason, actor_id, actor_label)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        program.id(),
                        userId,
                        kind,
                        lifetime,
                        redeemable,
                        Timestamp.from(now),
                        day,
                        reason,
                        actor == null ? null : actor.actorId(),
                        actor == null ? SYSTEM_LABEL : actor.actorLabel())
                .query(Long.class)
                .single();
        jdbc.sql("""
                        update points.balance set lifetime = lifetime + ?, redeemable = redeemable + ?
                        where program_id = ? and user_id = ?""").params(lifetime, redeemable, program.id(), userId).update();
        return new LedgerEntry(
                id,
                userId,
                kind,
                lifetime,
                redeemable,
                now,
                day,
                null,
                null,
                null,
                reason,
                actor == null ? SYSTEM_LABEL : actor.actorLabel());
    }

    /** Test and tooling aid: the tally cache, with its counts of groups written on it and found stale. */
    TallyCache cache() {
        return cache;
    }

    /** Test and tooling aid: the set of users with a balance row in a program. */
    Set<Long> usersOf(long programId) {
        return Set.copyOf(jdbc.sql("select user_id from points.balance where program_id = ?")
                .param(programId)
                .query(Long.class)
                .list());
    }
}
