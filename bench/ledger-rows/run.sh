#!/bin/bash
# usage: run.sh <a|b> <group size> <dayoff> <label>
# Before each run: empty the event tables (balance rows kept), VACUUM the balance table, CHECKPOINT.
set -e
d=$1; n=$2; day=$3; label=$4
B=/usr/lib/postgresql/15/bin
P="psql -h ${PROTO:-/tmp/proto} -p 25432 -U postgres -Atq -v ON_ERROR_STOP=1 -d $d"
if [ $d = a ]; then
  $P -c "set session_replication_role = replica" -c "truncate points.event_outcome, points.ledger_entry, points.rule_day, points.item_award"
  T="points.event_outcome points.ledger_entry points.rule_day points.item_award"
else
  $P -c "truncate points.event"
  T="points.event"
fi
$P -c "vacuum analyze points.balance" -c "checkpoint"
sleep 1
lsn0=$($P -c "select pg_current_wal_lsn()")
c0=$(${PROTO:-/tmp/proto}/cpu.sh)
out=$($B/pgbench -h ${PROTO:-/tmp/proto} -p 25432 -U postgres -n -M prepared -f ${PROTO:-/tmp/proto}/$d.sql -D n=$n -D dayoff=$day -c 2 -j 2 -T 20 $d 2>&1)
sleep 0.5
c1=$(${PROTO:-/tmp/proto}/cpu.sh)
lsn1=$($P -c "select pg_current_wal_lsn()")
echo "$out" > ${PROTO:-/tmp/proto}/logs/$label.pgbench.log
tx=$(echo "$out" | sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p')
fail=$(echo "$out" | sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p')
tps=$(echo "$out" | sed -n 's/^tps = \([0-9.]*\) (without.*/\1/p')
wal=$($P -c "select pg_wal_lsn_diff('$lsn1', '$lsn0')::bigint")
sizes=""; rows=""
for t in $T; do sizes="$sizes$($P -c "select pg_total_relation_size('$t')") "; rows="$rows$($P -c "select count(*) from $t") "; done
ev=$((tx * n))
python3 - "$label" "$d" "$n" "$tx" "$fail" "$tps" "$c0" "$c1" "$wal" "$sizes" "$rows" <<'PY' | tee -a ${PROTO:-/tmp/proto}/results.tsv
import sys
label,d,n,tx,fail,tps,c0,c1,wal,sizes,rows = sys.argv[1:]
n=int(n); tx=int(tx); ev=tx*n; tps=float(tps); cpu=(int(c1)-int(c0))/100.0
sz=[int(x) for x in sizes.split()]; rw=[int(x) for x in rows.split()]
print("\t".join(map(str,[label,d,n,tx,fail,round(tps*n,1),ev,round(cpu,2),round(cpu*1e6/ev,2),int(wal),round(int(wal)/ev,1),
    sum(sz),round(sum(sz)/ev,1),"/".join(map(str,sz)),"/".join(map(str,rw))])))
PY
