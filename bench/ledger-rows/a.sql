-- Design A: one group of :n "article-read" events in one statement (WRITE_ANY, {conflict} = nothing, c/p/expect dropped).
-- Client 0 writes odd users, client 1 even users (1..10000), so the two clients never wait on each other's rows.
with src as materialized (
    select 'ev-' || s as e, 'article/' || s as i, 1 + (:client_id::int % 2) + 2 * floor(random() * 5000)::bigint as u
    from (select nextval('points.ev_seq') as s from generate_series(1, :n::int)) g),
o as (
    insert into points.event_outcome (program_id, event_id, user_id, at, outcome)
    select 1, e, u, now(), '{"p":5,"u":[["article-read",5]],"v":1}' from src
    returning 1),
e as (
    insert into points.ledger_entry (program_id, user_id, kind, lifetime, redeemable, at, day,
        rule_id, rulebook_version, event_id, reason, actor_id, actor_label)
    select 1, u, 'award', 5, 5, now(), date '2026-12-01' + :dayoff::int, 'article-read', 1, e, null, null, null from src),
rd as (
    insert into points.rule_day (program_id, user_id, rule_id, day, points, occurrences, amount)
    select 1, u, 'article-read', date '2026-12-01' + :dayoff::int, 5 * count(*), count(*), 0 from src group by u
    on conflict (program_id, user_id, rule_id, day) do update
    set points = excluded.points, occurrences = excluded.occurrences, amount = excluded.amount),
ia as (
    insert into points.item_award (program_id, user_id, award_key, item, times)
    select 1, u, 'article-read', i, 1 from src
    on conflict (program_id, user_id, award_key, item) do update set times = excluded.times),
b as (
    update points.balance b set lifetime = b.lifetime + d.l, redeemable = b.redeemable + d.r,
        revision = nextval('points.balance_revision')
    from (select u, 5 * count(*) as l, 5 * count(*) as r from src group by u) d
    where b.program_id = 1 and b.user_id = d.u
    returning b.user_id as u, b.revision as v)
select count(*), (select array_agg(u) from b), (select array_agg(v) from b) from o;
