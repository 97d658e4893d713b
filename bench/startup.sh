#!/usr/bin/env bash
# Start-up time from launch to healthy (/actuator/health UP), with the embedded PostgreSQL:
#   first start = empty data directory (unpack PostgreSQL, initdb, migrations, demo data, calendar seed)
#   restart     = the same data directory again
# for two launch modes, interleaved in one run so that the machine's noise hits both alike:
#   plain = java -jar target/jifen.jar
#   aot   = the extracted jar with a JDK 25 AOT cache (java -XX:AOTCache=…), made by a training run first
# Usage: bench/startup.sh [rounds=5]   (needs a JDK >= 25 for the aot mode; builds the jar if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
[ -f target/jifen.jar ] || mvn -B -q -DskipTests package
port=18080
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$java" -Djarmode=tools -jar target/jifen.jar extract --destination "$work/app" >/dev/null
"$java" -XX:AOTCacheOutput="$work/jifen.aot" -Dspring.context.exit=onRefresh -jar "$work/app/jifen.jar" \
  --server.port=0 --jifen.db.data-dir="$work/training/postgres" >"$work/training.log" 2>&1
# spring.context.exit=onRefresh halts the JVM without shutdown hooks: stop the training run's database here
pkill -f "postgres -D $work/training/postgres" || true

one_start() { # $1 = mode, $2 = data dir; prints milliseconds from launch to healthy
  local t0 t1 pid
  local cmd=("$java" -jar target/jifen.jar)
  [ "$1" = aot ] && cmd=("$java" -XX:AOTCache="$work/jifen.aot" -jar "$work/app/jifen.jar")
  t0=$(date +%s%N)
  "${cmd[@]}" --server.port=$port --jifen.db.data-dir="$2/postgres" >"$work/log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$pid" 2>/dev/null || { echo "the platform exited during start-up:" >&2; tail -20 "$work/log" >&2; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s%N)
  kill $pid; wait $pid 2>/dev/null || true
  echo $(( (t1 - t0) / 1000000 ))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

declare -A results
for i in $(seq "$rounds"); do
  for mode in plain aot; do
    dir="$work/$mode$i"
    f=$(one_start $mode "$dir"); r=$(one_start $mode "$dir")
    results[$mode-first]+="$f "; results[$mode-restart]+="$r "
    echo "round $i $mode: first start ${f} ms, restart ${r} ms"
  done
done
for mode in plain aot; do
  for phase in first restart; do
    echo "median $mode $phase: $(tr ' ' '\n' <<<"${results[$mode-$phase]}" | grep . | median) ms"
  done
done
echo "java: $("$java" -version 2>&1 | head -1); cores: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
