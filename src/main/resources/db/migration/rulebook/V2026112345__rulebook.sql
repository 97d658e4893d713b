-- Programs and their versioned rulebooks (LG-18, LG-20). A rulebook version is stored as the tree of
-- RulebookDocument.toTree (jsonb) next to the YAML text as uploaded. An active version never changes: the
-- trigger below refuses any update or delete of it, whatever code runs the statement.
create schema if not exists rulebook;

create table rulebook.program (
    id          bigserial    primary key,
    key         varchar(40)  not null unique check (key ~ '^[a-z0-9-]{2,40}$'),
    name        varchar(100) not null,
    org_id      bigint       not null,
    time_zone   varchar(60)  not null,
    created_at  timestamptz  not null
);

create table rulebook.rulebook_version (
    program_id      bigint      not null references rulebook.program (id),
    version         integer     not null check (version > 0),
    status          varchar(10) not null check (status in ('draft', 'active', 'withdrawn')),
    document        jsonb       not null,
    yaml            text        not null,
    effective_from  timestamptz not null,
    valid_until     timestamptz,
    created_at      timestamptz not null,
    created_by      bigint,
    activated_at    timestamptz,
    activated_by    bigint,
    activation_reason varchar(500),
    primary key (program_id, version),
    check (valid_until is null or valid_until > effective_from),
    check ((status = 'active') = (activated_at is not null))
);

create function rulebook.refuse_active_change() returns trigger language plpgsql as $$
begin
    raise exception 'rulebook version %/% is active and cannot be changed', old.program_id, old.version
        using errcode = 'check_violation';
end
$$;

create trigger active_version_is_immutable
    before update or delete on rulebook.rulebook_version
    for each row when (old.status = 'active')
    execute function rulebook.refuse_active_change();

-- LG-18: what a program's learners are told when a new version is activated.
create table rulebook.notice (
    id            bigserial    primary key,
    program_id    bigint       not null references rulebook.program (id),
    version       integer      not null,
    title         varchar(200) not null,
    body          text         not null,
    published_at  timestamptz  not null
);
create index notice_program on rulebook.notice (program_id, published_at desc);

-- Bumped by every change of programs and versions, in the same transaction: other app nodes compare it with the
-- value they loaded and re-read their in-memory rulebooks when it moved.
create table rulebook.revision (
    only_row  boolean primary key default true check (only_row),
    n         bigint  not null
);
insert into rulebook.revision (only_row, n) values (true, 0);
