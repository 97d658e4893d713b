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
