# Shared by bench/ingest.sh and bench/ingest-phase.sh (sourced, not run). Both start the built jar with the ingestion
# listener on a fresh embedded PostgreSQL, create an API key the way an admin does, and drive the events endpoint
# with the same wrk script.

# start_platform <port> <ingest port> <work dir> [application arguments…]: sets pid; waits until healthy. Starts
# $JAR, by default target/jifen.jar
start_platform() {
  local port=$1 iport=$2 dir=$3
  shift 3
  "$java" ${JIFEN_JAVA_OPTS:-} -jar "${JAR:-target/jifen.jar}" --server.port="$port" --server.address=127.0.0.1 \
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

# The event streams, WORKLOAD=day (default) or reads:
#   day   = learners living their days (day_script): 12 of 18 events earn. Needs LEARNERS (default 10,000) imported
#           learners: workload_setup imports them.
#   reads = article reads of the 200 demo accounts (events_script): on one day nearly all are capped, or with
#           SPREAD_DAYS nearly all earn. Runs 1-6 in docs/benchmarks.md measured this stream.
# workload_setup <base url> <work dir> <api key>: once, after start_platform
workload_setup() {
  workload=${WORKLOAD:-day}; learners=${LEARNERS:-10000}; key=$3; next_day=0
  case "$workload" in
    day) [ -z "${SPREAD_DAYS:-}" ] || { echo "SPREAD_DAYS is for WORKLOAD=reads" >&2; exit 2; }
      import_learners "$1" "$2" "$learners" ;;
    reads) ;;
    *) echo "WORKLOAD is day or reads" >&2; exit 2 ;;
  esac
}
# workload_script <events per request> <id tag>: the wrk script of one phase (in the calling shell, not in $( ):
# each day phase takes the next DAY_WINDOW days)
workload_script() {
  if [ "$workload" = day ]; then
    day_script "$1" "$2" "$key" "$learner_first" "$learners" "$next_day"
    next_day=$(( next_day + ${DAY_WINDOW:-12} ))
    [ "$next_day" -le 1094 ] || { echo "too many phases for the rulebook's 1,094 days: lower DAY_WINDOW" >&2; exit 2; }
  else
    events_script "$1" "$2" "$key"
  fi
}

# lua_common <api key>: what both wrk scripts share: each thread's number (tid, from 1), its request count (counter),
# and post(parts, n), the request carrying n events. The request line and headers are built once per thread and only
# the body and its length per request: wrk runs on the same two cores as the platform, and its per-request Lua work
# (wrk.format) was a visible part of the round trip.
lua_common() {
  cat <<LUA
local threads = {}
local head
-- tid and counter are globals of each thread's own state, tid set by setup (a local here would stay 0 in every
-- thread, and the threads would send the same ids: half the events would be retries); done() reads counter
counter = 0
setup = function(thread) table.insert(threads, thread); thread:set("tid", #threads) end
init = function()
  head = wrk.format("POST", "/api/v1/programs/longgang/events",
    {["Content-Type"] = "application/json", ["X-Api-Key"] = "$1"}):gsub("\r\n\r\n\$", "\r\n")
end
post = function(parts, n)
  local body = n == 1 and parts[1] or ("[" .. table.concat(parts, ",") .. "]")
  return head .. "Content-Length: " .. #body .. "\r\n\r\n" .. body
end
LUA
}

# events_script <events per request> <id tag> <api key>: a wrk script posting article-read events, each with a new
# id and item, to the demo's accounts (ids 2..201). All events fall on one day, so after each user's first three
# reads (the 15-point cap) nearly every event is capped. SPREAD_DAYS=<n> (at most 944: the Longgang rulebook is valid
# until 2029) spreads them over n days from 2026-06-02 instead, each run of 200 consecutive events on the next day, so
# each thread sends a user one event a day and nearly every event earns (a ledger entry, counters, an item award);
# a user's cached tallies then rarely cover the event's day (the locking path). The warm-up stays on one day.
events_script() {
  cat <<LUA
$(lua_common "$3")
request = function()
  counter = counter + 1
  local parts = {}
  for k = 1, $1 do
    local seq = counter * $1 + k
    local at = $( [ -n "${SPREAD_DAYS:-}" ] && echo "os.date('!%Y-%m-%dT02:00:00Z', 1780358400 + (math.floor(seq / 200) % ${SPREAD_DAYS}) * 86400)" || echo "'2026-06-01T10:00:00+08:00'" )
    parts[k] = string.format('{"id":"$2%d-%d","user":%d,"action":"article-read","item":"$2%d-%d","at":"%s"}',
      tid, seq, 2 + (seq * 7 + tid) % 200, tid, seq, at)
  end
  return post(parts, $1)
end
LUA
}

# import_learners <base url> <work dir> <count>: imports <count> learners into 龙岗区/平湖街道/山厦社区 the way an
# admin does (a CSV on the member import, signed in as the demo system admin: call api_key first), at most 20,000 a
# file, and sets learner_first to the account id of the first (their ids are consecutive: one insert per file,
# checked).
import_learners() {
  local base=$1 jar="$2/cookies" n=$3 done=0 chunk token first last
  token=$(curl -s -c "$jar" -b "$jar" "$base/admin/members/import" | grep -o 'name="_csrf" value="[^"]*"' | head -1 \
    | sed 's/.*value="//;s/"//')
  while [ "$done" -lt "$n" ]; do
    chunk=$(( n - done < 20000 ? n - done : 20000 ))
    awk -v from="$done" -v count="$chunk" 'BEGIN { print "姓名,手机号,组织"
      for (i = from; i < from + count; i++) printf "压测学员%06d,137%08d,龙岗区/平湖街道/山厦社区\n", i, i }' >"$2/learners.csv"
    curl -s -c "$jar" -b "$jar" -H "X-CSRF-TOKEN: $token" -F "file=@$2/learners.csv;filename=learners.csv" \
      "$base/api/v1/members/import" | grep -q "\"imported\":$chunk" \
      || { echo "could not import the bench learners (already imported on this database?)" >&2; exit 1; }
    done=$(( done + chunk ))
  done
  member_id() { curl -s -c "$jar" -b "$jar" "$base/api/v1/members?q=%E5%8E%8B%E6%B5%8B%E5%AD%A6%E5%91%98$(printf %06d "$1")" \
    | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2; }
  first=$(member_id 0); last=$(member_id $(( n - 1 )))
  [ -n "$first" ] && [ $(( last - first + 1 )) -eq "$n" ] \
    || { echo "the bench learners' ids are not consecutive ($first..$last for $n)" >&2; exit 1; }
  learner_first=$first
}

# day_script <events per request> <id tag> <api key> <first learner id> <learners> <first day>: a wrk script posting
# each learner's day, in the order a learner who takes part every day might act, day after day:
#   login, read, watch 2 min, read, quiz group 4/5, read, share, watch 3 min, read*, quiz group 2/5*, share,
#   watch 5 min, read*, quiz group 5/5, share*, login*, jobs visit, read*
# Under the Longgang rulebook 12 of these 18 events earn (a ledger entry, day counters, an item award for reads) and
# the 6 starred change nothing (a cap is reached, 2/5 is not eligible, a second login). Each wrk thread takes half the
# learners (odd or even offsets), in blocks of 500. A block has 18 rounds, in each of which every learner of the block
# sends its next event, so one learner's events are 500 requests apart; then the next block's rounds. Learner j is
# j mod 18 steps ahead of the block's round, so every round carries all 18 steps, and a learner's first event of a
# day (a day its cached tallies have not seen yet) comes among other learners' events as in life, not all at once.
# A thread's learners live one day per 9,000 × learners/1,000 events (learners/2 a multiple of 500: the rest sit
# idle). Days are counted from 2026-01-02 (the rulebook is valid until 2029-01-01: day index < 1094); <first day>
# keeps phases apart, so that no phase meets another's caps. done() warns when a thread ran past DAY_WINDOW days
# (default 12) into the next phase's days.
day_script() {
  cat <<LUA
local steps = {
  '"action":"login"', 'read', '"action":"video-watch","amount":120', 'read',
  '"action":"quiz-group","attrs":{"correct":4,"total":5}', 'read', 'share', '"action":"video-watch","amount":180',
  'read', '"action":"quiz-group","attrs":{"correct":2,"total":5}', 'share', '"action":"video-watch","amount":300',
  'read', '"action":"quiz-group","attrs":{"correct":5,"total":5}', 'share', '"action":"login"',
  '"action":"jobs-visit"', 'read' }
local half = math.floor($5 / 2)
local block = math.min(500, half)
local blocks = math.floor(half / block)
local ats = {}
$(lua_common "$3")
request = function()
  counter = counter + 1
  local parts = {}
  for k = 1, $1 do
    local seq = counter * $1 + k
    local round = math.floor(seq / block)
    local j = seq % block
    local visit = math.floor(round / #steps)
    -- the learner's own count of events: visits of its block so far, the round within this one, its head start
    local n = math.floor(visit / blocks) * #steps + round % #steps + j % #steps
    local day = $6 + math.floor(n / #steps)
    local at = ats[day]
    if at == nil then at = os.date('!%Y-%m-%dT02:00:00Z', 1767312000 + day * 86400); ats[day] = at end
    local user = $4 + (tid - 1) % 2 + 2 * ((visit % blocks) * block + j)
    local id = "$2" .. tid .. "-" .. seq
    local step = steps[n % #steps + 1]
    if step == 'read' then step = '"action":"article-read","item":"' .. id .. '"'
    elseif step == 'share' then step = '"action":"share","item":"' .. id .. '"' end
    parts[k] = '{"id":"' .. id .. '","user":' .. user .. ',' .. step .. ',"at":"' .. at .. '"}'
  end
  return post(parts, $1)
end
done = function()
  for _, t in ipairs(threads) do
    local days = math.floor(t:get("counter") * $1 / (block * #steps * blocks)) + 2
    if days > ${DAY_WINDOW:-12} then
      io.stderr:write(string.format("warning: a thread ran %d days, past its window of ${DAY_WINDOW:-12}\n", days))
    end
  end
end
LUA
}
