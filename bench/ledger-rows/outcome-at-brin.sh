#!/bin/bash
# Would a BRIN index on points.event_outcome(at) serve the dashboard's events-per-day query, and what would it cost
# the ingestion path? (docs/benchmarks.md, "The dashboard's events per day".) Outside the platform, on a scratch
# PostgreSQL 15 cluster (Debian's binaries, run as user postgres, port 25433) in a temporary directory:
#   - a table shaped like points.event_outcome with 6 million rows over 60 days in two programs, inserted in time
#     order with up to half an hour of jitter either way (events arrive near their time);
#   - the query for one program and 28 days (half the table), three times without and three times with the index;
#   - 300,000 inserts in statements of 200 rows, alternated without and with the index, three rounds.
set -euo pipefail
B=/usr/lib/postgresql/15/bin
[ -x $B/initdb ] || apt-get install -y -qq postgresql-15 postgresql-client-15 >/dev/null
D=$(mktemp -d)
trap 'su postgres -c "$B/pg_ctl -D $D/data stop" >/dev/null 2>&1 || true; rm -rf "$D"' EXIT
chown postgres "$D"
su postgres -c "$B/initdb -D $D/data -U postgres" >/dev/null
su postgres -c "$B/pg_ctl -D $D/data -w -l $D/log start -o '-p 25433 -k $D -c shared_buffers=256MB -c max_wal_size=4GB'" >/dev/null
P="$B/psql -h $D -p 25433 -U postgres -d postgres -qAt"
$P <<'SQL'
create table o (program_id bigint not null, event_id varchar(100) collate "C" not null, user_id bigint not null,
  at timestamptz not null, outcome text not null, primary key (program_id, event_id));
insert into o select 1 + (g % 2), 'e-' || g, g % 100000,
    timestamptz '2026-01-01 00:00+08' + (g * interval '60 days' / 6000000) + (random() * interval '1 hour')
      - interval '30 minutes',
    '{"p":5,"u":[["a",5]],"v":1}'
  from generate_series(1, 6000000) g;
vacuum analyze o;
SQL
Q="select cast(at at time zone 'Asia/Shanghai' as date), count(*) from o where program_id = 1
   and at >= timestamptz '2026-02-01 00:00+08' and at < timestamptz '2026-03-01 00:00+08' group by 1 order by 1"
query() { for _ in 1 2 3; do $P -c "explain (analyze, timing off, summary on) $Q" | grep "Execution Time"; done; }
echo "query, no index:"; query
$P -c "create index o_at_brin on o using brin (at)"; $P -c "vacuum analyze o"
echo "query, BRIN on at:"; query
inserts() { $P -c "\\timing on" -c "do \$\$ begin for b in 0..1499 loop insert into o select 1, 'n-$1-' || b || '-' || g,
  g, now() + (b * interval '1 second'), '{\"p\":5}' from generate_series(1, 200) g; end loop; end \$\$" | grep Time; }
for r in 1 2 3; do
  $P -c "drop index if exists o_at_brin"; echo -n "300,000 inserts, no index, round $r: "; inserts a$r
  $P -c "create index o_at_brin on o using brin (at)"; echo -n "300,000 inserts, BRIN, round $r: "; inserts b$r
done
