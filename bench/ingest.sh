#!/usr/bin/env bash
# Durable ingestion through the HTTP API with the embedded PostgreSQL (fsync on, synchronous_commit on), side by
# side with Redis (appendonly yes, appendfsync always) doing ZINCRBY, on loopback, in one run. Both sides are driven
# by C load generators (wrk and redis-benchmark), so that the generator is not what is measured:
#   jifen single  = wrk, single-event POSTs over 50 connections (group commit), requests/s, on the main port
#                   (servlet container, security filter chain, MVC) and on the light ingestion listener
#                   (jifen.points.ingest.port: Netty, same endpoint and API key)
#   jifen batch   = wrk, batches of 1,000 events over 4 connections, events/s, on both ports
#   redis single  = redis-benchmark ZINCRBY, 50 connections, no pipelining
#   redis pipe    = the same pipelined 16 deep
# This machine is shared and noisy (the same build swung by ±30 % between runs minutes apart), so the phases run in
# ROUNDS rounds (default 3), each round measuring Jifen and Redis back to back, and the script prints every round
# and the medians; the ratios are of the medians. Both servers stay up through the rounds (each idles while the
# other is measured).
# The API key is created the way an admin does: signed in as the demo system admin, on /admin/api-clients.
# Extra JVM options for the platform: JIFEN_JAVA_OPTS. The events are learners' days (WORKLOAD=day, the default: 10,000
# learners imported first, 12 of each learner's 18 events a day earn) or the article reads of runs 1-6
# (WORKLOAD=reads: the demo's 200 accounts on one day, nearly all capped); see bench/ingest-lib.sh.
# Usage: bench/ingest.sh [seconds per phase=10]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/ingest-lib.sh
seconds=${1:-10}
# with WORKLOAD=reads, rounds and phases reuse the same event day, so events that earn (SPREAD_DAYS) would be capped
# by earlier ones
[ -z "${SPREAD_DAYS:-}" ] || { echo "SPREAD_DAYS is for bench/ingest-phase.sh (one measured run per start)" >&2; exit 2; }
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
install() { command -v "$1" >/dev/null || apt-get install -y -qq "$2" >/dev/null 2>&1 \
  || (apt-get update -qq >/dev/null && apt-get install -y -qq "$2" >/dev/null); }
install wrk wrk
install redis-server redis-server
load=$(cut -d' ' -f1-3 /proc/loadavg)
mvn -B -q -DskipTests package
port=18081
iport=18091
redis_port=16379
base="http://127.0.0.1:$port"
ingest="http://127.0.0.1:$iport"
work=$(mktemp -d)
pid=""; rpid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; [ -n "$rpid" ] && kill "$rpid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

start_platform $port $iport "$work"
key=$(api_key "$base" "$work")
workload_setup "$base" "$work" "$key"
script() { workload_script "$1" "$2"; }
script 1 w >"$work/warm.lua"; script 1 v >"$work/lwarm.lua"
rps() { grep 'Requests/sec' | awk '{print $2}'; }
errors() { grep -E 'Non-2xx|Socket errors' || true; }
# warm-ups long enough for the JIT: 5 s left the C2 compiler on ~18 % of the CPU during the measured phase (perf)
script 1000 x >"$work/bwarm.lua"
wrk -t2 -c50 -d10s -s "$work/warm.lua" "$base" >/dev/null
wrk -t2 -c50 -d10s -s "$work/lwarm.lua" "$ingest" >/dev/null
wrk -t2 -c4 -d5s --timeout 30s -s "$work/bwarm.lua" "$ingest" >/dev/null
redis-server --port $redis_port --bind 127.0.0.1 --dir "$work" --save "" --appendonly yes --appendfsync always \
  --daemonize no >"$work/redis.log" 2>&1 &
rpid=$!
until redis-cli -p $redis_port ping 2>/dev/null | grep -q PONG; do sleep 0.1; done
# redis-benchmark has no duration: the request counts make each phase last roughly $seconds s at the rates seen here
redis_rps() { timeout 300 redis-benchmark -p $redis_port -c 50 -n "$1" -r 100000 ${2:+-P $2} -q ZINCRBY bench 1 \
  member:__rand_int__ | tr '\r' '\n' | grep -o '[0-9.]* requests per second' | tail -1 | cut -d' ' -f1; }
median() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
rounds=${ROUNDS:-3}
# wrk_phase <connections> <timeout> <script> <url>: requests/s, then any errors wrk reported
wrk_phase() {
  local out e; out=$(wrk -t2 -c"$1" -d"${seconds}s" --timeout "$2" -s "$3" "$4"); e=$(echo "$out" | errors)
  echo "$(echo "$out" | rps)${e:+ $e}"; }
ms=""; mb=""; js=""; jb=""; rs=""; rp=""
for round in $(seq "$rounds"); do
  # new event ids in every round: a repeated id would be a retry, answered from its stored outcome
  script 1 "s${round}r" >"$work/single.lua"; script 1000 "b${round}r" >"$work/batch.lua"
  script 1 "l${round}r" >"$work/lsingle.lua"; script 1000 "m${round}r" >"$work/lbatch.lua"
  single=$(wrk_phase 50 10s "$work/single.lua" "$base")
  batch=$(wrk_phase 4 30s "$work/batch.lua" "$base")
  lsingle=$(wrk_phase 50 10s "$work/lsingle.lua" "$ingest")
  r_single=$(redis_rps $((4000 * seconds)))
  lbatch=$(wrk_phase 4 30s "$work/lbatch.lua" "$ingest")
  r_pipe=$(redis_rps $((100000 * seconds)) 16)
  echo "round $round: jifen main port single $single req/s, batches $batch/s; listener single $lsingle req/s," \
    "batches $lbatch/s; redis single ${r_single} ops/s, pipelined 16 ${r_pipe} ops/s"
  ms="$ms ${single%% *}"; mb="$mb ${batch%% *}"; js="$js ${lsingle%% *}"; jb="$jb ${lbatch%% *}"
  rs="$rs $r_single"; rp="$rp $r_pipe"
done
ms=$(echo "$ms" | median); mb=$(echo "$mb" | median); js=$(echo "$js" | median); jb=$(echo "$jb" | median)
rs=$(echo "$rs" | median); rp=$(echo "$rp" | median)
echo "medians of $rounds rounds:"
echo "jifen main port, single events, 50 connections: $ms requests/s"
echo "jifen main port, batches of 1,000, 4 connections: $mb batches/s"
echo "jifen ingestion listener, single events, 50 connections: $js requests/s"
echo "jifen ingestion listener, batches of 1,000, 4 connections: $jb batches/s"
echo "redis $(redis-server --version | grep -o 'v=[0-9.]*') appendfsync always: ZINCRBY 50 connections ${rs} ops/s; pipelined 16: ${rp} ops/s"

awk -v ms="$ms" -v js="$js" -v jb="$jb" -v rs="$rs" -v rp="$rp" 'BEGIN {
  printf "ratio single-event jifen/redis: main port %.2f, ingestion listener %.2f (goal >= 0.5, stretch >= 1.0)\n", ms / rs, js / rs
  printf "batch events/s: %d (goal >= 100000); ratio to redis pipelined ops/s: %.2f\n", jb * 1000, jb * 1000 / rp }'
echo "workload: ${WORKLOAD:-day}; java: $("$java" -version 2>&1 | head -1); cores: $(nproc); load before: $load"
