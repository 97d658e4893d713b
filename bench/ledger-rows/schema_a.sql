create schema account;
create table account.blacklist (user_id bigint, lifted_at timestamptz);  -- stub so V2026120401's one-time fill runs
-- from /work/main/src/main/resources/db/migration/points/V2026112350__points.sql
-- The points ledger (LG-6, LG-7, LG-14): append-only entries, the per-user balance kept in the same transaction as
-- the entries, the idempotency record of every judged event, and the counters the engine's tally reads.
-- A user's rows are only written while the transaction holds the lock on that user's balance row.
create schema if not exists points;

create table points.balance (
    program_id  bigint not null,
    user_id     bigint not null,
    lifetime    bigint not null default 0,
    redeemable  bigint not null default 0,
    primary key (program_id, user_id)
);
create index balance_user on points.balance (user_id);

create table points.ledger_entry (
    id                bigserial    primary key,
    program_id        bigint       not null,
    user_id           bigint       not null,
    kind              varchar(12)  not null check (kind in ('award', 'adjustment', 'reset', 'spend')),
    lifetime          bigint       not null,
    redeemable        bigint       not null,
    at                timestamptz  not null,
    day               date         not null,
    rule_id           varchar(60),
    rulebook_version  integer,
    event_id          varchar(100),
    reason            varchar(500),
    actor_id          bigint,
    actor_label       varchar(120)
);
create index ledger_entry_user_day on points.ledger_entry (program_id, user_id, day desc, id desc);
create index ledger_entry_program_day on points.ledger_entry (program_id, day);

create function points.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'ledger entries are append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger ledger_entry_append_only
    before update or delete on points.ledger_entry
    for each row execute function points.refuse_change();

create trigger ledger_entry_no_truncate
    before truncate on points.ledger_entry
    for each statement execute function points.refuse_change();

-- One row per judged event id: a retry answers the stored outcome.
create table points.event_outcome (
    program_id  bigint       not null,
    event_id    varchar(100) not null,
    user_id     bigint       not null,
    at          timestamptz  not null,
    outcome     jsonb        not null,
    primary key (program_id, event_id)
);

-- Per rule and program day: points awarded, events that counted, accumulated amount (seconds). Weeks and months
-- are sums over days.
create table points.rule_day (
    program_id   bigint      not null,
    user_id      bigint      not null,
    rule_id      varchar(60) not null,
    day          date        not null,
    points       integer     not null default 0,
    occurrences  integer     not null default 0,
    amount       bigint      not null default 0,
    primary key (program_id, user_id, rule_id, day)
);

-- Times an item was rewarded under a key (a rule id or a one-time group).
create table points.item_award (
    program_id  bigint       not null,
    user_id     bigint       not null,
    award_key   varchar(60)  not null,
    item        varchar(200) not null,
    times       integer      not null,
    primary key (program_id, user_id, award_key, item)
);

-- from /work/main/src/main/resources/db/migration/points/V2026120401__balance_blocked.sql
-- Whether the account is blacklisted (LG-14), kept on the balance row that event judging locks anyway, so that the
-- judging reads it with the lock instead of asking the blacklist in another round trip. It is set and cleared in the
-- transactions that blacklist and lift (points.ledger.BlacklistReset), under the same row lock; a balance row created
-- later takes it from the blacklist. This one-time fill copies today's open blacklist entries.
alter table points.balance add column blocked boolean not null default false;
update points.balance b set blocked = true
where exists (select 1 from account.blacklist l where l.user_id = b.user_id and l.lifted_at is null);

-- from /work/main/src/main/resources/db/migration/points/V2026120402__tally_keys.sql
-- Judging reads a user's day counters for a range of days and their item awards for given items. With the day and
-- the item second in their keys (after the user), both reads are ranges of the primary key instead of a scan of every
-- row the user ever had (measured in docs/benchmarks.md, issue 3). ON CONFLICT infers the same keys (a set of columns).
alter table points.rule_day drop constraint rule_day_pkey,
    add constraint rule_day_pkey primary key (program_id, user_id, day, rule_id);
alter table points.item_award drop constraint item_award_pkey,
    add constraint item_award_pkey primary key (program_id, user_id, item, award_key);

-- from /work/main/src/main/resources/db/migration/points/V2026120403__c_collation_keys.sql
-- Event ids, items and rule ids are identifiers, not words: compare them byte by byte. Under the database's default
-- collation every key comparison of judging went through strcoll (perf put strcoll/varstr_cmp among PostgreSQL's
-- hottest functions during batch ingestion, docs/benchmarks.md). Rebuilds the affected primary keys.
alter table points.event_outcome alter column event_id type varchar(100) collate "C";
alter table points.item_award alter column award_key type varchar(60) collate "C",
    alter column item type varchar(200) collate "C";
alter table points.rule_day alter column rule_id type varchar(60) collate "C";

-- from /work/main/src/main/resources/db/migration/points/V2026120404__outcome_text.sql
-- The stored outcome is only ever read back whole (a retried event id answers it): keep it as the JSON text the
-- ledger writes, without converting it to jsonb and back for every judged event (docs/benchmarks.md).
alter table points.event_outcome alter column outcome type text using outcome::text;

-- from /work/main/src/main/resources/db/migration/points/V2026120405__balance_revision.sql
-- Every change of a balance row gives it a new revision, unique across all rows and all time (a sequence), so that
-- not even a row deleted and created again shows a revision seen before. The ledger keeps recently judged users'
-- tallies in memory with the revision of their balance row, and writes a group judged on them with one statement that
-- changes each balance only where the revision is still the cached one; points.expect fails that statement as a whole
-- when anything did not hold, so that it changes nothing and the group is judged again on what it reads under the
-- users' locks (points.ledger.TallyCache; docs/benchmarks.md, run 5). The ledger's own updates set the revision in
-- the statement; the trigger gives one to any other update that does not (blacklisting, and whatever comes later), so
-- no cached tally outlives a change it did not see. It runs only for those: its WHEN is checked without calling it.
create sequence points.balance_revision;
alter table points.balance add column revision bigint not null default nextval('points.balance_revision');

create function points.next_revision() returns trigger language plpgsql as $$
begin
    new.revision := nextval('points.balance_revision');
    return new;
end;
$$;

create trigger balance_revision
    before update on points.balance
    for each row when (new.revision = old.revision) execute function points.next_revision();

create function points.expect(ok boolean) returns boolean language plpgsql as $$
begin
    if not ok then
        raise exception 'cached tallies did not hold' using errcode = 'JF001';
    end if;
    return true;
end;
$$;

-- from /work/main/src/main/resources/db/migration/points/V2026120406__outcome_compact.sql
-- A stored outcome no longer repeats its event id (the row's key) and uses short field names: {"p":0,"r":"cap-reached",
-- "u":[["article-read",0]],"v":1}, "r" and "v" left out when null (points.ledger.JdbcPointsLedger.stored). One row is
-- written for every event ingested; the old form was twice as long, and the table's heap takes a third less per row
-- in this one (docs/benchmarks.md, run 6). This converts the rows stored before, in one pass over the table.
create function points.compact_outcome(o json) returns text language sql immutable as $$
    select json_strip_nulls(json_build_object(
        'p', (o ->> 'points')::int,
        'r', o ->> 'reason',
        'u', coalesce((select json_agg(json_build_array(x ->> 'ruleId', (x ->> 'points')::int) order by n)
                       from json_array_elements(o -> 'rules') with ordinality as r(x, n)), '[]'::json),
        'v', (o ->> 'rulebookVersion')::int))::text
$$;

update points.event_outcome set outcome = points.compact_outcome(outcome::json);

-- proto: event id source for the benchmark
create sequence points.ev_seq cache 1;
insert into points.balance (program_id, user_id) select 1, g from generate_series(1, 10000) g;
vacuum analyze;
