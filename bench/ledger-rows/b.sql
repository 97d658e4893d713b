-- Design B: one group of :n "article-read" events in one statement: one points.event row per event + balance updates.
-- Client 0 writes odd users, client 1 even users (1..10000), so the two clients never wait on each other's rows.
with src as materialized (
    select 'ev-' || s as e, 'article/' || s as i, 1 + (:client_id::int % 2) + 2 * floor(random() * 5000)::bigint as u
    from (select nextval('points.ev_seq') as s from generate_series(1, :n::int)) g),
o as (
    insert into points.event (program_id, event_id, user_id, at, day, points, rule_id, rulebook_version,
        award_key, item, outcome)
    select 1, e, u, now(), date '2026-12-01' + :dayoff::int, 5, 'article-read', 1, 'article-read', i,
        '{"p":5,"u":[["article-read",5]],"v":1}' from src
    returning 1),
b as (
    update points.balance b set lifetime = b.lifetime + d.l, redeemable = b.redeemable + d.r,
        revision = nextval('points.balance_revision')
    from (select u, 5 * count(*) as l, 5 * count(*) as r from src group by u) d
    where b.program_id = 1 and b.user_id = d.u
    returning b.user_id as u, b.revision as v)
select count(*), (select array_agg(u) from b), (select array_agg(v) from b) from o;
