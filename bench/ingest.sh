#!/usr/bin/env bash
# Durable ingestion through the HTTP API with the embedded PostgreSQL (fsync on, synchronous_commit on), side by
# side with Redis (appendonly yes, appendfsync always) doing ZINCRBY, on loopback, in one run:
#   jifen single  = single-event POSTs over 50 concurrent connections (group commit), requests/s
#   jifen batch   = batches of 1,000 events over 4 connections, events/s
#   redis single  = redis-benchmark ZINCRBY, 50 connections, no pipelining
#   redis pipe    = the same pipelined 16 deep
# The API key is created the way an admin does: signed in as the demo system admin, on /admin/api-clients.
# Events go to the demo's accounts (ids 2..201). Usage: bench/ingest.sh [singles=20000] [batches=200]
set -euo pipefail
cd "$(dirname "$0")/.."
singles=${1:-20000}
batches=${2:-200}
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
mvn -B -q -DskipTests package
port=18081
redis_port=16379
work=$(mktemp -d)
pid=""; rpid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; [ -n "$rpid" ] && kill "$rpid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

"$java" -jar target/jifen.jar --server.port=$port --server.address=127.0.0.1 \
  --jifen.db.data-dir="$work/postgres" >"$work/app.log" 2>&1 &
pid=$!
for _ in $(seq 1200); do
  curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"' && break
  kill -0 "$pid" 2>/dev/null || { echo "the platform exited during start-up:" >&2; tail -20 "$work/app.log" >&2; exit 1; }
  sleep 0.1
done
out=$(timeout 600 "$java" bench/Ingest.java "http://127.0.0.1:$port" 200 "$singles" "$batches")
echo "$out" | grep -v RESULT
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""

if ! command -v redis-server >/dev/null; then
  (apt-get install -y redis-server >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y redis-server >/dev/null))
fi
redis-server --port $redis_port --bind 127.0.0.1 --dir "$work" --save "" --appendonly yes --appendfsync always \
  --daemonize no >"$work/redis.log" 2>&1 &
rpid=$!
until redis-cli -p $redis_port ping 2>/dev/null | grep -q PONG; do sleep 0.1; done
rs=$(timeout 300 redis-benchmark -p $redis_port -c 50 -n 200000 -r 100000 -q ZINCRBY bench 1 member:__rand_int__ | tr '\r' '\n' | grep -o '[0-9.]* requests per second' | tail -1 | cut -d' ' -f1)
rp=$(timeout 300 redis-benchmark -p $redis_port -c 50 -n 1000000 -r 100000 -P 16 -q ZINCRBY bench 1 member:__rand_int__ | tr '\r' '\n' | grep -o '[0-9.]* requests per second' | tail -1 | cut -d' ' -f1)
echo "redis $(redis-server --version | grep -o 'v=[0-9.]*') appendfsync always: ZINCRBY 50 connections ${rs} ops/s; pipelined 16: ${rp} ops/s"

jr=$(echo "$out" | grep RESULT | sed 's/.*single_rps=\([0-9]*\).*/\1/')
jb=$(echo "$out" | grep RESULT | sed 's/.*batch_eps=\([0-9]*\).*/\1/')
awk -v jr="$jr" -v jb="$jb" -v rs="$rs" -v rp="$rp" 'BEGIN {
  printf "ratio single-event jifen/redis: %.2f (goal >= 0.5, stretch >= 1.0)\n", jr / rs
  printf "ratio batch jifen events/s / redis pipelined ops/s: %.2f; batch events/s %d (goal >= 100000)\n", jb / rp, jb }'
echo "java: $("$java" -version 2>&1 | head -1); cores: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
