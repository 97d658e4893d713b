-- Organization trees (ORG) and memberships. A person belongs to at most one organization per tree.
create schema if not exists org;

create table org.organization (
    id          bigserial primary key,
    parent_id   bigint references org.organization (id),
    -- the root of the tree this organization belongs to (itself for a root)
    root_id     bigint       not null,
    name        varchar(100) not null,
    kind        varchar(30)  not null check (kind in ('province', 'city', 'district', 'subdistrict', 'community',
                    'bureau', 'unit', 'section', 'party_committee', 'general_branch', 'branch')),
    -- ids from the root down to this organization, e.g. /1/4/9/: subtree queries are prefix matches
    path        varchar(2000) not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    unique nulls not distinct (parent_id, name)
);
create index organization_path on org.organization (path varchar_pattern_ops);
create index organization_parent on org.organization (parent_id);

create table org.membership (
    user_id       bigint      not null,
    org_id        bigint      not null references org.organization (id),
    root_id       bigint      not null,
    department    varchar(100),
    party_member  boolean     not null default false,
    joined_at     timestamptz not null,
    primary key (user_id, root_id)
);
create index membership_org on org.membership (org_id);
