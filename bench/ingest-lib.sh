# Shared by bench/ingest.sh and bench/ingest-phase.sh (sourced, not run). Both start the built jar with the ingestion
# listener on a fresh embedded PostgreSQL, create an API key the way an admin does, and drive the events endpoint
# with the same wrk script.

# start_platform <port> <ingest port> <work dir> [application arguments…]: sets pid; waits until healthy
start_platform() {
  local port=$1 iport=$2 dir=$3
  shift 3
  "$java" ${JIFEN_JAVA_OPTS:-} -jar target/jifen.jar --server.port="$port" --server.address=127.0.0.1 \
    --jifen.points.ingest.port="$iport" --jifen.db.data-dir="$dir/postgres" "$@" >"$dir/app.log" 2>&1 &
  pid=$!
  for _ in $(seq 1200); do
    curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"' && return 0
    kill -0 "$pid" 2>/dev/null || { echo "the platform exited during start-up:" >&2; tail -20 "$dir/app.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "the platform did not become healthy" >&2; exit 1
}

# api_key <base url> <work dir>: signs in as the demo system admin, creates a key on /admin/api-clients, prints it
api_key() {
  local base=$1 jar="$2/cookies" token key
  csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//'; }
  token=$(curl -s -c "$jar" -b "$jar" "$base/login" | csrf)
  curl -s -c "$jar" -b "$jar" -o /dev/null -d "mobile=13800000001&password=Jifen@2026&_csrf=$token" "$base/login"
  token=$(curl -s -c "$jar" -b "$jar" "$base/admin/api-clients" | csrf)
  key=$(curl -s -c "$jar" -b "$jar" -d "name=bench&_csrf=$token" "$base/admin/api-clients" \
    | grep -o 'jf_[0-9a-f]\{12\}_[0-9a-f]\{64\}' | head -1)
  [ -n "$key" ] || { echo "could not create an API key" >&2; exit 1; }
  echo "$key"
}

# events_script <events per request> <id tag> <api key>: a wrk script posting article-read events, each with a new
# id and item, to the demo's accounts (ids 2..201). The request line and headers are built once per thread and only
# the body and its length per request: wrk runs on the same two cores as the platform, and its per-request Lua work
# (wrk.format) was a visible part of the round trip. All events fall on one day, so after each user's first three
# reads (the 15-point cap) nearly every event is capped. SPREAD_DAYS=<n> (at most 944: the Longgang rulebook is valid
# until 2029) spreads them over n days from 2026-06-02 instead, each run of 200 consecutive events on the next day, so
# each thread sends a user one event a day and nearly every event earns (a ledger entry, counters, an item award);
# a user's cached tallies then rarely cover the event's day (the locking path). The warm-up stays on one day.
events_script() {
  cat <<LUA
local counter, threads = 0, 0
local head
-- tid is a global of each thread's own state, set by setup (a local here would stay 0 in every thread, and the
-- threads would send the same ids: half the events would be retries)
setup = function(thread) threads = threads + 1; thread:set("tid", threads) end
init = function()
  head = wrk.format("POST", "/api/v1/programs/longgang/events",
    {["Content-Type"] = "application/json", ["X-Api-Key"] = "$3"}):gsub("\r\n\r\n\$", "\r\n")
end
request = function()
  counter = counter + 1
  local parts = {}
  for k = 1, $1 do
    local seq = counter * $1 + k
    local at = $( [ -n "${SPREAD_DAYS:-}" ] && echo "os.date('!%Y-%m-%dT02:00:00Z', 1780358400 + (math.floor(seq / 200) % ${SPREAD_DAYS}) * 86400)" || echo "'2026-06-01T10:00:00+08:00'" )
    parts[k] = string.format('{"id":"$2%d-%d","user":%d,"action":"article-read","item":"$2%d-%d","at":"%s"}',
      tid, seq, 2 + (seq * 7 + tid) % 200, tid, seq, at)
  end
  local body = $1 == 1 and parts[1] or ("[" .. table.concat(parts, ",") .. "]")
  return head .. "Content-Length: " .. #body .. "\r\n\r\n" .. body
end
LUA
}
