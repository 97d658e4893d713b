-- A stored outcome no longer repeats its event id (the row's key) and uses short field names: {"p":0,"r":"cap-reached",
-- "u":[["article-read",0]],"v":1}, "r" and "v" left out when null (points.ledger.JdbcPointsLedger.stored). One row is
-- written for every event ingested; the old form was twice as long, and the table's heap takes a third less per row
-- in this one (docs/benchmarks.md, run 6). This converts the rows stored before, in one pass over the table.
create function points.compact_outcome(o json) returns text language sql immutable as $$
    select json_strip_nulls(json_build_object(
        'p', (o ->> 'points')::int,
        'r', o ->> 'reason',
        'u', coalesce((select json_agg(json_build_array(x ->> 'ruleId', (x ->> 'points')::int) order by n)
                       from json_array_elements(o -> 'rules') with ordinality as r(x, n)), '[]'::json),
        'v', (o ->> 'rulebookVersion')::int))::text
$$;

update points.event_outcome set outcome = points.compact_outcome(outcome::json);
