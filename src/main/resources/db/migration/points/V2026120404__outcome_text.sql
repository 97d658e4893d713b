-- The stored outcome is only ever read back whole (a retried event id answers it): keep it as the JSON text the
-- ledger writes, without converting it to jsonb and back for every judged event (docs/benchmarks.md).
alter table points.event_outcome alter column outcome type text using outcome::text;
