#!/usr/bin/env bash
# Heartbeats of 10,000 simulated viewers, each beating every 15 s (667 beats/s), against the built jar on a fresh
# embedded PostgreSQL (fsync on), on loopback. A Java load generator from the test sources (JDK HttpClient, virtual
# threads; org.jifen.content.tracking.bench.HeartbeatLoad) seeds the learners with SQL (bcrypt cost 4, so that
# signing 10,000 in is cheap), signs each in through the login form and starts a playback of one video, then sends
# heartbeats open-loop for 15 s of warm-up and the measured seconds, with latencies measured from each beat's
# scheduled time, and the server's own quantiles of the same requests (Micrometer, via /actuator/prometheus); then
# closed loops over 32 and 128 connections for the ceiling.
# Usage: bench/heartbeat.sh [seconds=60] [users=10000]; JAR=<another build's jar> measures that build instead (the
# load generator still comes from this checkout's test classes)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
users=${2:-10000}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java=$JAVA_HOME/bin/java
mvn -B -q -DskipTests package
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
port=18082
db_port=15482
base="http://127.0.0.1:$port"
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

"$java" ${JIFEN_JAVA_OPTS:-} -jar "${JAR:-target/jifen.jar}" --server.port=$port --server.address=127.0.0.1 \
  --jifen.db.data-dir="$work/postgres" --jifen.db.port=$db_port \
  '--management.metrics.distribution.percentiles.[http.server.requests]=0.5,0.9,0.99' >"$work/app.log" 2>&1 &
pid=$!
for _ in $(seq 1200); do
  curl -fs "$base/actuator/health" 2>/dev/null | grep -q '"UP"' && break
  kill -0 "$pid" 2>/dev/null || { echo "the platform exited during start-up:" >&2; tail -20 "$work/app.log" >&2; exit 1; }
  sleep 0.1
done
echo "java: $("$java" -version 2>&1 | head -1); cores: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$java" -cp "target/test-classes:$(cat target/bench-classpath.txt)" org.jifen.content.tracking.bench.HeartbeatLoad \
  "$base" "jdbc:postgresql://127.0.0.1:$db_port/postgres?user=postgres" "$users" "$seconds"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
