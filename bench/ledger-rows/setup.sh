#!/bin/bash
# SQL-level comparison of two ways to store an event that earns (docs/benchmarks.md, run 7), outside the platform:
#   a = today's tables: an outcome, a ledger entry, a day counter upsert and an item award per event;
#   b = one row per event carrying its points, rule and item, with a unique partial index for item awards
#       (one_row.sql).
# Both databases get the points migrations of this checkout (with a stub blacklist table, so that their one-time
# fill runs) and seed.sql; b writes only its own table and the balances.
# Both update the group's balance rows. This script creates a scratch PostgreSQL 15 cluster (Debian's binaries, run as
# user postgres) in $PROTO (default /tmp/proto) on port 25432 with fsync and synchronous_commit on, and loads both
# schemas with 10,000 balance rows. Then: PROTO=... ./series.sh (5 alternated a/b pairs of 20 s pgbench runs with
# groups of 200 events, then of 20; one line per run in $PROTO/results.tsv: events/s, PostgreSQL CPU µs per event,
# WAL bytes per event, bytes on disk per event). Stop with pg_ctl -D $PROTO/data stop.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
D=${PROTO:-/tmp/proto}; B=/usr/lib/postgresql/15/bin
[ -x $B/pgbench ] || apt-get install -y -qq postgresql-15 postgresql-client-15 >/dev/null
mkdir -p "$D/logs"; cp "$here"/*.sql "$here"/*.sh "$D"/
{ echo "create schema account; create table account.blacklist (user_id bigint, lifted_at timestamptz);"
  cat "$here"/../../src/main/resources/db/migration/points/V*.sql "$here/seed.sql"; } >"$D/schema_a.sql"
cat "$D/schema_a.sql" "$here/one_row.sql" >"$D/schema_b.sql"
chown -R postgres "$D"
su postgres -c "$B/initdb -D $D/data --locale=C.UTF-8 -U postgres" >"$D/initdb.log"
su postgres -c "$B/pg_ctl -D $D/data -l $D/server.log -w start -o '-p 25432 -k $D -c fsync=on -c synchronous_commit=on -c shared_buffers=256MB -c max_wal_size=4GB'"
for d in a b; do
  $B/psql -h "$D" -p 25432 -U postgres -qc "create database $d"
  $B/psql -h "$D" -p 25432 -U postgres -q -v ON_ERROR_STOP=1 -f "$D/schema_$d.sql" $d
done
echo "ready: PROTO=$D $D/series.sh"
