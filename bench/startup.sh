#!/usr/bin/env bash
# Start-up time from launch to healthy, with the embedded PostgreSQL: first start (empty data directory:
# initdb, migrations, demo data) and restart (same data). Prints each run and the medians.
# Usage: bench/startup.sh [runs=5]   (builds target/jifen.jar first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
[ -f target/jifen.jar ] || mvn -B -q -DskipTests package
port=18080
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

wait_healthy() {
  local pid=$1
  until curl -fs "http://localhost:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$pid" 2>/dev/null || { echo "the platform exited during start-up" >&2; exit 1; }
    sleep 0.05
  done
}

one_start() { # $1 = data dir; prints milliseconds from launch to healthy
  local t0 t1 pid
  t0=$(date +%s%N)
  "$java" -jar target/jifen.jar --server.port=$port --jifen.db.data-dir="$1/postgres" >"$work/log" 2>&1 &
  pid=$!
  wait_healthy $pid
  t1=$(date +%s%N)
  kill $pid; wait $pid 2>/dev/null || true
  echo $(( (t1 - t0) / 1000000 ))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

first=(); again=()
for i in $(seq "$runs"); do
  dir="$work/run$i"
  f=$(one_start "$dir"); r=$(one_start "$dir")
  first+=("$f"); again+=("$r")
  echo "run $i: first start ${f} ms, restart ${r} ms"
done
echo "median first start: $(printf '%s\n' "${first[@]}" | median) ms"
echo "median restart:     $(printf '%s\n' "${again[@]}" | median) ms"
echo "java: $("$java" -version 2>&1 | head -1); cores: $(nproc)"
