-- Every change of a balance row gives it a new revision, unique across all rows and all time (a sequence), so that
-- not even a row deleted and created again shows a revision seen before. The ledger keeps recently judged users'
-- tallies in memory with the revision of their balance row, and writes a group judged on them with one statement that
-- changes each balance only where the revision is still the cached one; points.expect fails that statement as a whole
-- when anything did not hold, so that it changes nothing and the group is judged again on what it reads under the
-- users' locks (points.ledger.TallyCache; docs/benchmarks.md, run 5). The ledger's own updates set the revision in
-- the statement; the trigger gives one to any other update that does not (blacklisting, and whatever comes later), so
-- no cached tally outlives a change it did not see. It runs only for those: its WHEN is checked without calling it.
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

create function points.expect(ok boolean) returns boolean language plpgsql as $$
begin
    if not ok then
        raise exception 'cached tallies did not hold' using errcode = 'JF001';
    end if;
    return true;
end;
$$;
