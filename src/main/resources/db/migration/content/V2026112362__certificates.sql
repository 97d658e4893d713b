-- Offline certificate imports (LG-7.1): who imported which file when, with its counts, and each row that became a
-- learning event. A person's certificate becomes one event id ever, so a re-imported row is recognized here (and
-- the ledger's idempotency is the backstop).
create table content.certificate_import (
    id              bigserial    primary key,
    program_key     varchar(60)  not null,
    actor_id        bigint       not null,          -- account id, or the negated API client id
    actor_label     varchar(120) not null,          -- masked, as audit shows it
    file_name       varchar(255) not null,
    rows            integer      not null,          -- data rows in the file
    recorded        integer      not null,          -- rows that became learning events now
    skipped         integer      not null,          -- bad rows left out ("good rows only"), or rows imported before
    points          bigint       not null,          -- points those events earned
    good_rows_only  boolean      not null,
    at              timestamptz  not null
);
create index certificate_import_program on content.certificate_import (program_key, at desc);

create table content.certificate_import_row (
    event_id     varchar(120) primary key,          -- offline-certificate:<userId>:<code>
    import_id    bigint       not null references content.certificate_import (id),
    row_number   integer      not null,
    user_id      bigint       not null,
    certificate  varchar(60)  not null,
    obtained_on  date         not null,
    points       integer      not null,
    reason       varchar(40)
);
create index certificate_import_row_import on content.certificate_import_row (import_id, row_number);
create index certificate_import_row_user on content.certificate_import_row (user_id);
