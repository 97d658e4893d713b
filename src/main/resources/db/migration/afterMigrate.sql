-- Flyway callback, after every migration run: the application role may read and write the rows of every module's
-- schema, but not change the append-only tables (those with an *append_only* trigger: the audit log, the points
-- ledger). It owns nothing, so it cannot alter tables or disable triggers either. With a single login (no such
-- role, or Flyway connected as it) there is nothing to grant.
do $$
declare
    app text := '${appRole}';
    s text;
    t record;
begin
    if not exists (select 1 from pg_roles where rolname = app) or current_user = app then
        return;
    end if;
    for s in select nspname from pg_namespace
             where nspname not like 'pg\_%' and nspname <> 'information_schema' loop
        execute format('grant usage on schema %I to %I', s, app);
        execute format('grant select, insert, update, delete on all tables in schema %I to %I', s, app);
        execute format('grant usage, select on all sequences in schema %I to %I', s, app);
    end loop;
    for t in select distinct n.nspname as sch, c.relname as tab
             from pg_trigger g
             join pg_class c on c.oid = g.tgrelid
             join pg_namespace n on n.oid = c.relnamespace
             where g.tgname like '%append\_only%' loop
        execute format('revoke update, delete, truncate on %I.%I from %I', t.sch, t.tab, app);
    end loop;
    execute format('revoke all on %I.flyway_schema_history from %I', current_schema(), app);
end $$;
