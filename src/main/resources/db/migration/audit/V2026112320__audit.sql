-- The audit log (AUDIT, LG-16): who did what to which data, with a before/after summary, reason, time and
-- client address. Append-only: the trigger below refuses every update and delete, whoever asks.
create schema if not exists audit;

create table audit.audit_entry (
    id              bigserial primary key,
    at              timestamptz  not null,
    actor_id        bigint,
    actor_label     varchar(120) not null,
    actor_roles     varchar(200) not null,
    action          varchar(60)  not null,
    object_type     varchar(60)  not null,
    object_id       varchar(60),
    before_summary  text,
    after_summary   text,
    reason          varchar(500),
    client_address  varchar(64)
);
create index audit_entry_at on audit.audit_entry (at desc);
create index audit_entry_actor on audit.audit_entry (actor_id, at desc);
create index audit_entry_object on audit.audit_entry (object_type, object_id);

create function audit.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit entries are append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_entry_append_only
    before update or delete on audit.audit_entry
    for each row execute function audit.refuse_change();

create trigger audit_entry_no_truncate
    before truncate on audit.audit_entry
    for each statement execute function audit.refuse_change();
