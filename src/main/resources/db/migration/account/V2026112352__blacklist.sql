-- Blacklisting (LG-14): a blacklisted account still logs in but earns no points. History is kept: lifting sets
-- lifted_at; at most one open entry per account.
create table account.blacklist (
    id           bigserial    primary key,
    user_id      bigint       not null references account.user_account (id),
    reason       varchar(500) not null,
    created_at   timestamptz  not null,
    created_by   bigint,
    lifted_at    timestamptz,
    lifted_by    bigint,
    lift_reason  varchar(500)
);
create unique index blacklist_open on account.blacklist (user_id) where lifted_at is null;
