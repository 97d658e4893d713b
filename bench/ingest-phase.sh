#!/usr/bin/env bash
# One ingestion phase at a time, for finding where the time goes (docs/benchmarks.md, run 3): starts the built jar
# (target/jifen.jar; run bench/ingest.sh or mvn package first) with the ingestion listener, creates an API key, warms
# up (WARM seconds, default 10: the JIT still compiled through a 5 s warm-up), then drives the listener with wrk and
# prints requests/s, latency and the CPU cores used by the JVM, by PostgreSQL and by the whole machine (wrk included)
# during the phase (from /proc). Usage: bench/ingest-phase.sh [events per request=1] [seconds=10]
# [connections=50]. Environment: JIFEN_JAVA_OPTS (JVM options, e.g. a JFR recording), JIFEN_ARGS (application
# arguments, e.g. --jifen.points.group-commit-writers=1), PERF=<file> to record a system-wide perf profile for 6 s,
# PERF_DELAY seconds into the phase (default 3), HOLD=<seconds> to keep the platform up afterwards, WORKLOAD, LEARNERS
# and SPREAD_DAYS for the event stream (bench/ingest-lib.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/ingest-lib.sh
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java=$JAVA_HOME/bin/java
n=${1:-1}; seconds=${2:-10}; conns=${3:-50}
port=18081; iport=18091; base="http://127.0.0.1:$port"; ingest="http://127.0.0.1:$iport"
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
start_platform $port $iport "$work" ${JIFEN_ARGS:-}
key=$(api_key "$base" "$work")
workload_setup "$base" "$work" "$key"
script() { workload_script "$1" "$2"; }
SPREAD_DAYS= script $n w > $work/warm.lua; script $n s > $work/run.lua
wrk -t$(( conns < 2 ? 1 : 2 )) -c$conns -d${WARM:-10}s --timeout 30s -s $work/warm.lua "$ingest" >/dev/null
cpu() { # java, postgres (all) ticks, and the machine's busy ticks (all processes, wrk included)
  local j=$(awk '{print $14+$15}' /proc/$pid/stat)
  local p=0; for q in $(pgrep -x postgres); do p=$((p + $(awk '{print $14+$15}' /proc/$q/stat 2>/dev/null || echo 0))); done
  echo "$j $p $(awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat)"; }
before=$(cpu); t0=$(date +%s.%N)
if [ -n "${PERF:-}" ]; then (sleep ${PERF_DELAY:-3}; perf record -a -g -o "$PERF" -- sleep 6 >/dev/null 2>&1) & fi
out=$(wrk -t$(( conns < 2 ? 1 : 2 )) -c$conns -d${seconds}s --timeout 30s -s $work/run.lua "$ingest")
after=$(cpu); t1=$(date +%s.%N)
echo "$out" | grep -E 'Requests/sec|Latency|Non-2xx'
read jb pb mb <<<"$before"; read ja pa ma <<<"$after"
awk -v jb=$jb -v ja=$ja -v pb=$pb -v pa=$pa -v mb=$mb -v ma=$ma -v t0=$t0 -v t1=$t1 'BEGIN{d=t1-t0; printf "cpu cores: java %.2f postgres %.2f machine %.2f (of %d) over %.1fs\n", (ja-jb)/100/d, (pa-pb)/100/d, (ma-mb)/100/d, '"$(nproc)"', d}'
if [ -n "${HOLD:-}" ]; then echo "holding; key=$key"; sleep $HOLD; fi
