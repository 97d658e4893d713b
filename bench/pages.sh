#!/usr/bin/env bash
# Page renders: wrk over 20 connections on the sign-in page (anonymous) and on a learner's points and learning pages
# (signed in as the demo learner 13800000006), each page in turn, requests/s. Contest openings and quarter ends are
# spikes of page views as much as of events.
# With BASE_JAR=<another build's jar> the same pages are measured on both builds in one run: both platforms start
# (each on its own fresh embedded PostgreSQL, with the demo data) and stay up, and every round measures the page on
# the base and then on this checkout's build, so that the machine's noise falls on both; the script prints every
# round, the medians and their ratio (this build / base).
# Usage: bench/pages.sh [seconds per phase=10]   (ROUNDS=3; JIFEN_JAVA_OPTS for extra JVM options)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/ingest-lib.sh
seconds=${1:-10}
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null 2>&1 \
  || (apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null)
load=$(cut -d' ' -f1-3 /proc/loadavg)
mvn -B -q -DskipTests package
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${pids[@]}"; do
  while kill -0 "$p" 2>/dev/null; do sleep 0.2; done; done; rm -rf "$work"; }
trap cleanup EXIT

# learner_cookie <base url> <dir>: signs in as the demo learner, prints the session cookie
learner_cookie() {
  local jar="$2/cookies" token
  token=$(curl -s -c "$jar" -b "$jar" "$1/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 \
    | sed 's/.*value="//;s/"//')
  curl -s -c "$jar" -b "$jar" -o /dev/null -d "mobile=13800000006&password=Jifen@2026&_csrf=$token" "$1/login"
  awk '$6 == "JSESSIONID" {print "JSESSIONID=" $7}' "$jar"
}

builds=(new)
[ -n "${BASE_JAR:-}" ] && builds=(base new)
declare -A url cookie
n=0
for b in "${builds[@]}"; do
  mkdir -p "$work/$b"
  jar=target/jifen.jar
  [ "$b" = base ] && jar=$BASE_JAR
  JAR=$jar start_platform $((18100 + n)) $((18200 + n)) "$work/$b"
  pids+=("$pid")
  url[$b]="http://127.0.0.1:$((18100 + n))"
  cookie[$b]=$(learner_cookie "${url[$b]}" "$work/$b")
  [ -n "${cookie[$b]}" ] || { echo "could not sign in as the demo learner on $b" >&2; exit 1; }
  n=$((n + 1))
done
pages=(/login /points/longgang /learn/longgang)
phase() { # <build> <page> <seconds>: requests/s, then any errors wrk reported
  local out e; out=$(wrk -t2 -c20 -d"$3s" -H "Cookie: ${cookie[$1]}" "${url[$1]}$2")
  e=$(echo "$out" | grep -E 'Non-2xx|Socket errors' || true)
  echo "$(echo "$out" | grep 'Requests/sec' | awk '{print $2}')${e:+ $e}"; }
for b in "${builds[@]}"; do for p in "${pages[@]}"; do phase "$b" "$p" 10 >/dev/null; done; done # JIT warm-up
median() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
declare -A all
for round in $(seq "${ROUNDS:-3}"); do
  for p in "${pages[@]}"; do
    for b in "${builds[@]}"; do
      r=$(phase "$b" "$p" "$seconds")
      echo "round $round  $b  $p  $r req/s"
      all[$b$p]="${all[$b$p]:-} ${r%% *}"
    done
  done
done
echo "medians (req/s; load average before the run: $load):"
for p in "${pages[@]}"; do
  line="  $p"
  for b in "${builds[@]}"; do line="$line  $b $(echo "${all[$b$p]}" | median)"; done
  if [ -n "${BASE_JAR:-}" ]; then
    line="$line  ratio $(awk -v n="$(echo "${all[new$p]}" | median)" -v b="$(echo "${all[base$p]}" | median)" \
      'BEGIN {printf "%.2f", n / b}')"
  fi
  echo "$line"
done
