-- Design b: one row per event, with its points, rule and item; a unique partial index stands for item awards.
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
