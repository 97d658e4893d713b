-- Accounts: sign-up and login by mainland mobile number, real name, status; staff roles scoped to an
-- organization subtree; extra permissions; API clients of integrations.
create schema if not exists account;

create table account.user_account (
    id             bigserial primary key,
    mobile         varchar(11)  not null unique,
    real_name      varchar(50)  not null,
    id_number      varchar(18),
    -- null: created by a member import and not yet activated by its owner
    password_hash  varchar(200),
    status         varchar(20)  not null default 'active' check (status in ('active', 'invited', 'disabled')),
    failed_logins  integer      not null default 0,
    locked_until   timestamptz,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null
);

create table account.role_grant (
    id          bigserial primary key,
    user_id     bigint      not null references account.user_account (id),
    role        varchar(30) not null check (role in ('system_admin', 'security_admin', 'auditor', 'program_operator', 'org_admin')),
    -- the organization whose subtree the role covers; null for platform-wide roles
    org_id      bigint,
    granted_at  timestamptz not null,
    granted_by  bigint,
    unique nulls not distinct (user_id, role, org_id)
);
create index role_grant_user on account.role_grant (user_id);

create table account.permission_grant (
    user_id     bigint      not null references account.user_account (id),
    permission  varchar(40) not null,
    granted_at  timestamptz not null,
    granted_by  bigint,
    primary key (user_id, permission)
);

create table account.api_client (
    id            bigserial primary key,
    name          varchar(100) not null,
    key_prefix    varchar(16)  not null unique,
    key_hash      varchar(128) not null,
    created_at    timestamptz  not null,
    created_by    bigint       not null,
    revoked_at    timestamptz,
    last_used_at  timestamptz
);
