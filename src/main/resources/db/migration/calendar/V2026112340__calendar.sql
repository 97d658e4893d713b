-- The working-day calendar of mainland China (CAL). Weekends are implicit: Saturday and Sunday are rest days
-- unless listed here as a make-up working day (调休上班); a holiday listed here is a rest day whatever the weekday.
create schema if not exists calendar;

create table calendar.special_day (
    day     date        primary key,
    kind    varchar(20) not null check (kind in ('holiday', 'makeup_workday')),
    -- the holiday it belongs to, e.g. 春节, 国庆节 (a make-up day carries the name of its holiday)
    name    varchar(50) not null,
    source  varchar(10) not null check (source in ('tyme4j', 'import', 'manual')),
    -- a make-up working day is always a Saturday or Sunday (ISO day of week 6 or 7)
    check (kind <> 'makeup_workday' or extract(isodow from day) in (6, 7))
);

-- The years whose holidays are known. A year missing here is "not covered": only weekends are rest days, and
-- the admin page says so, which tells an empty year apart from a year without data.
create table calendar.covered_year (
    year        integer     primary key check (year between 1900 and 2200),
    source      varchar(10) not null check (source in ('tyme4j', 'import')),
    updated_at  timestamptz not null
);
