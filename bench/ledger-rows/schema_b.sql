create schema points;
-- balance exactly as design A after V2026112350 + V2026120401 + V2026120405
create table points.balance (
    program_id  bigint not null,
    user_id     bigint not null,
    lifetime    bigint not null default 0,
    redeemable  bigint not null default 0,
    primary key (program_id, user_id)
);
create index balance_user on points.balance (user_id);
alter table points.balance add column blocked boolean not null default false;
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

create table points.event (
    program_id        bigint       not null,
    event_id          varchar(100) collate "C" not null,
    user_id           bigint       not null,
    at                timestamptz  not null,
    day               date         not null,
    points            integer      not null,
    rule_id           varchar(60)  collate "C" not null,
    rulebook_version  integer,
    award_key         varchar(60)  collate "C",
    item              varchar(200) collate "C",
    outcome           text         not null,
    primary key (program_id, event_id)
);
create index event_user_day on points.event (program_id, user_id, day);
create unique index event_award on points.event (program_id, user_id, award_key, item) where award_key is not null;

create sequence points.ev_seq cache 1;
insert into points.balance (program_id, user_id) select 1, g from generate_series(1, 10000) g;
vacuum analyze;
