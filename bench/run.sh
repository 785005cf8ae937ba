#!/usr/bin/env bash
# Vigor benchmark. Usage:
#   bench/run.sh [--smoke] PATH/TO/vigor
# Full run (~8 min; ~4 with BENCH_PROGRESS=0): writes bench/RESULTS.md. --smoke: 1 s steps,
# writes a temp file instead (used by `make test` to prove the benchmark still works).
# See bench/README.md.
set -euo pipefail

SMOKE=0
if [ "${1:-}" = "--smoke" ]; then SMOKE=1; shift; fi
if [ $# -ne 1 ]; then
  echo "usage: $0 [--smoke] PATH/TO/vigor" >&2
  exit 2
fi
BIN=$(readlink -f "$1")
[ -x "$BIN" ] || { echo "bench: $1 is not an executable" >&2; exit 2; }
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
# The layer step (three instances behind nginx, issue 17): functions only.
. "$HERE/layers.sh"
PY=/usr/bin/python3
WRK=${WRK:-/usr/bin/wrk}
# The default level (info: one access-log line per request), as an instance runs (issue 16).
LOG_LEVEL=${BENCH_LOG_LEVEL:-info}
command -v "$WRK" >/dev/null || { echo "bench: wrk not found (apt-get install wrk)" >&2; exit 2; }
command -v curl >/dev/null || { echo "bench: curl not found" >&2; exit 2; }

if [ "$SMOKE" = 1 ]; then
  DUR=1s; WARM=1s; SQLITE_SECS=1; SEED_WORKOUTS=20; IDLE_CONNECTIONS=200
  PROGRESS_DUR=1s; PROGRESS_WARM=1s
  OUT="${TMPDIR:-/tmp}/vigor-bench-smoke.XXXXXX.md"   # made by mktemp when the report is written
else
  DUR=10s; WARM=3s; SQLITE_SECS=5; SEED_WORKOUTS=200; IDLE_CONNECTIONS=2000
  # A dozen progress reads a backend: shorter steps keep the whole run near 8 minutes.
  PROGRESS_DUR=${BENCH_PROGRESS_DUR:-5s}; PROGRESS_WARM=2s
  OUT="$HERE/RESULTS.md"
fi
WRK_ARGS=(-t2 -c64 --timeout 5s --latency)

WORK=$(mktemp -d /tmp/vigor-bench.XXXXXX)
SERVER_PID=""
BASE=""

stop_server() {
  if [ -n "$SERVER_PID" ]; then
    if kill -0 "$SERVER_PID" 2>/dev/null; then
      kill -TERM "$SERVER_PID" 2>/dev/null || true
      for _ in $(seq 1 150); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
      if kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "bench: server $SERVER_PID ignored SIGTERM for 15 s, killing it" >&2
        kill -KILL "$SERVER_PID" 2>/dev/null || true
      fi
    fi
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}
PGDIR=""
cleanup() {
  stop_layers
  stop_server
  if [ -n "$PGDIR" ]; then "$ROOT/scripts/pg-test-server" stop "$PGDIR/server" || true; rm -rf "$PGDIR"; fi
  if [ -n "${FEED_PG:-}" ]; then
    "$ROOT/tests/support/pg_fixture" stop "$FEED_PG" >/dev/null 2>&1 || true
    rm -rf "$FEED_PG"
  fi
  # BENCH_KEEP_WORK=DIR: the raw outputs (wrk logs, facts) are copied there, to read them or to
  # run report.py on them again.
  if [ -n "${BENCH_KEEP_WORK:-}" ]; then rm -rf "$BENCH_KEEP_WORK"; cp -r "$WORK" "$BENCH_KEEP_WORK"; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_server NAME [extra vigor serve args...]: sets SERVER_PID and BASE (http://127.0.0.1:PORT)
start_server() {
  local name=$1; shift
  local data="$WORK/data-$name"
  mkdir -p "$data"
  "$BIN" serve --listen 127.0.0.1:0 --data-dir "$data" --log-level "$LOG_LEVEL" "$@" \
    </dev/null >"$WORK/$name.out" 2>"$WORK/$name.err" &
  SERVER_PID=$!
  BASE=""
  local i
  for i in $(seq 1 400); do
    BASE=$(grep -oE 'Vigor is running at http://[^ ]+' "$WORK/$name.out" 2>/dev/null \
             | head -n1 | sed 's/^Vigor is running at //') || true
    [ -n "$BASE" ] && break
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "bench: server '$name' exited before listening; stderr:" >&2
      tail -n 20 "$WORK/$name.err" >&2
      exit 1
    fi
    sleep 0.05
  done
  [ -n "$BASE" ] || { echo "bench: server '$name' printed no 'Vigor is running at' line" >&2; exit 1; }
  BASE=${BASE%/}
  for i in $(seq 1 400); do
    curl -fsS -o /dev/null "$BASE/readyz" 2>/dev/null && return 0
    sleep 0.05
  done
  echo "bench: $BASE/readyz never answered 200" >&2
  exit 1
}

# wait_idle URL: until the server behind URL has no request in flight but the asking one (at
# most 15 s). wrk stops sending when its time is up, but requests it had sent are still queued
# for the workers (slow writes on a loaded machine): the next step must not wait behind them.
wait_idle() {
  local base i n
  base=$(printf '%s' "$1" | sed -E 's#^(https?://[^/]+).*#\1#')
  for i in $(seq 1 150); do
    n=$(curl -s --max-time 2 "$base/metrics" 2>/dev/null \
          | awk '/^vigor_http_requests_in_flight / {print $2}') || true
    [ -z "$n" ] && return 0
    awk -v n="$n" 'BEGIN { exit !(n + 0 <= 1) }' && return 0
    sleep 0.1
  done
}

# run_wrk NAME URL [extra wrk args...]: warm-up, then the measured run into $WORK/NAME.wrk
run_wrk() {
  local name=$1 url=$2; shift 2
  wait_idle "$url"
  # The smoke run only proves each step works: no warm-up.
  # BENCH_PHASE tells a writing script which run it is in (workout_create.lua: new dates each).
  [ "$SMOKE" = 1 ] || BENCH_PHASE=0 "$WRK" "${WRK_ARGS[@]}" -d"$WARM" "$@" "$url" >"$WORK/$name.warmup" 2>&1
  [ "$SMOKE" = 1 ] || wait_idle "$url"
  BENCH_PHASE=1 "$WRK" "${WRK_ARGS[@]}" -d"${STEP_DUR:-$DUR}" "$@" "$url" >"$WORK/$name.wrk" 2>&1
  local rps
  rps=$(grep -oE 'Requests/sec:[[:space:]]+[0-9.]+' "$WORK/$name.wrk" | awk '{print $2}') || true
  printf 'bench: %-12s %12s req/s  (%s)\n' "$name" "${rps:-?}" "$url"
  if [ -z "$rps" ]; then
    # Say what wrk said, then try the step once more: one failed smoke step on a loaded machine
    # was seen once and could not be reproduced; a second failure fails the run.
    echo "bench: wrk said, for '$name':" >&2
    tail -n 15 "$WORK/$name.wrk" >&2
    BENCH_PHASE=2 "$WRK" "${WRK_ARGS[@]}" -d"${STEP_DUR:-$DUR}" "$@" "$url" >"$WORK/$name.wrk" 2>&1
    rps=$(grep -oE 'Requests/sec:[[:space:]]+[0-9.]+' "$WORK/$name.wrk" | awk '{print $2}') || true
    printf 'bench: %-12s %12s req/s  (%s, second try)\n' "$name" "${rps:-?}" "$url"
  fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "bench: the server died during '$name'; stderr:" >&2
    tail -n 20 "$WORK"/*.err >&2
    exit 1
  fi
}

echo "bench: binary $BIN, steps of $DUR (warm-up $WARM), report to $OUT"

# The bare Beast reference server, built next to the binary (a bench target, not in `all`).
BARE_BIN=""
if cmake --build "$(dirname "$BIN")" --target vigor_bare_server >"$WORK/bare.build" 2>&1; then
  BARE_BIN="$(dirname "$BIN")/vigor_bare_server"
else
  echo "bench: the bare Beast server did not build (see below); its figure is left out" >&2
  tail -n 20 "$WORK/bare.build" >&2
  echo "no binary" >"$WORK/bare.skipped"
fi

# Facts about this run, for the report.
commit=$(git -C "$ROOT" rev-parse --short=12 HEAD 2>/dev/null || echo "none (no commit yet)")
if [ -n "$(git -C "$ROOT" status --porcelain 2>/dev/null | head -n1)" ]; then
  commit="$commit + uncommitted changes"
fi
cpu=$(grep -m1 -E '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || true)
[ -n "$cpu" ] || cpu=$(lscpu 2>/dev/null | grep -m1 'Model name' | cut -d: -f2- | sed 's/^ *//' || true)
FACTS_DATE=$(date -u '+%Y-%m-%d %H:%M UTC') \
FACTS_NPROC=$(nproc) FACTS_CPU="${cpu:-unknown}" FACTS_KERNEL=$(uname -r) \
FACTS_MEM=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) \
FACTS_LOAD=$(cut -d' ' -f1-3 /proc/loadavg) FACTS_COMMIT="$commit" \
FACTS_BINARY="${BIN#"$ROOT"/}" FACTS_VERSION="$("$BIN" version 2>/dev/null | head -n1 || echo '?')" \
FACTS_WRK="$("$WRK" --version 2>&1 | head -n1 | awk '{print $2}')" FACTS_DURATION="$DUR" \
FACTS_LOG_LEVEL="$LOG_LEVEL" \
"$PY" -c 'import json, os; print(json.dumps({k[6:].lower(): v for k, v in os.environ.items() if k.startswith("FACTS_")}))' \
  >"$WORK/facts.json"

# setup_user NAME DB-ARGS...: an account with a token and a history of workouts on the running
# server; sets TOKEN
setup_user() {
  local name=$1; shift
  TOKEN=$("$PY" "$HERE/api_user.py" --vigor "$BIN" --base "$BASE" --workouts "$SEED_WORKOUTS" \
            -- "$@" 2>"$WORK/$name.setup.err") || {
    echo "bench: setting up the API user on '$name' failed:" >&2
    cat "$WORK/$name.setup.err" >&2
    exit 1
  }
}

# idle_step PREFIX: memory per idle keep-alive connection of the running server, fresh from its
# start (bench/idle_memory.py)
idle_step() {
  local p=$1
  "$PY" "$HERE/idle_memory.py" --pid "$SERVER_PID" --base "$BASE" \
    --connections "$IDLE_CONNECTIONS" >"$WORK/${p}idle.json" 2>"$WORK/${p}idle.err" || {
    echo "bench: idle-connection memory on '${p:-sqlite}' failed:" >&2
    cat "$WORK/${p}idle.err" >&2
    exit 1
  }
  printf 'bench: %-12s %12.0f bytes per idle keep-alive connection (%s connections)\n' "${p}idle" \
    "$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["bytes_per_connection"])' \
       "$WORK/${p}idle.json")" "$IDLE_CONNECTIONS"
}

# bare_step PREFIX: the bare Beast server (bench/bare_server.cpp) answering the bytes of this
# server's /healthz response, measured right after it; the reference of Vigor's own work
bare_step() {
  local p=$1
  [ -n "$BARE_BIN" ] || return 0
  "$PY" - "$BASE" "$WORK/${p}healthz.response" <<'PYEOF'
import socket, sys, urllib.parse
u = urllib.parse.urlsplit(sys.argv[1])
s = socket.create_connection((u.hostname, u.port))
s.sendall(f"GET /healthz HTTP/1.1\r\nHost: {u.netloc}\r\n\r\n".encode())
data = b""
while b"\r\n\r\n" not in data:
    data += s.recv(65536)
head, _, body = data.partition(b"\r\n\r\n")
n = [int(l.split(b":")[1]) for l in head.split(b"\r\n") if l.lower().startswith(b"content-length:")][0]
while len(body) < n:
    body += s.recv(65536)
open(sys.argv[2], "wb").write(head + b"\r\n\r\n" + body)
PYEOF
  "$BARE_BIN" "$WORK/${p}healthz.response" >"$WORK/${p}bare.out" 2>&1 &
  local bare_pid=$! port="" i
  for i in $(seq 1 100); do
    port=$(sed -n 's/^listening on //p' "$WORK/${p}bare.out")
    [ -n "$port" ] && break
    sleep 0.05
  done
  [ -n "$port" ] || { echo "bench: the bare server did not start" >&2; kill "$bare_pid"; exit 1; }
  run_wrk "${p}bare" "http://127.0.0.1:$port/healthz"
  kill "$bare_pid"; wait "$bare_pid" 2>/dev/null || true
}

# api_steps PREFIX: the scenarios run on each backend, against the running server
api_steps() {
  local p=$1
  run_wrk "${p}healthz" "$BASE/healthz"
  bare_step "$p"
  run_wrk "${p}me" "$BASE/api/v1/me" -H "Authorization: Bearer $TOKEN"
  # Conditional GETs (issue 17): the same read with the ETag it was answered, so every answer
  # is a 304 without a body.
  inm_wrk "${p}me_inm" "$BASE/api/v1/me" -H "Authorization: Bearer $TOKEN"
  run_wrk "${p}meta" "$BASE/api/v1/meta"
  run_wrk "${p}list" "$BASE/api/v1/workouts?limit=20" -H "Authorization: Bearer $TOKEN"
  inm_wrk "${p}list_inm" "$BASE/api/v1/workouts?limit=20" -H "Authorization: Bearer $TOKEN"
  # The same page composed for every request (a query asked once each): "list" is answered from
  # the page kept under the user's rev.
  run_wrk "${p}list_new" "$BASE" -H "Authorization: Bearer $TOKEN" -s "$HERE/history_new_page.lua"
  # One user's 64 concurrent creates queue on that user's rows: on PostgreSQL (about 30 a second
  # here) none may finish within the smoke run's 1 s, so its create step gets 3 s.
  STEP_DUR=$([ "$SMOKE" = 1 ] && echo 3s || echo "$DUR") \
    BENCH_TOKEN=$TOKEN run_wrk "${p}create" "$BASE/api/v1/workouts" -s "$HERE/workout_create.lua"
  run_wrk "${p}writes" "$BASE/diagnostics/write-probe/x" -s "$HERE/write_probe.lua"
}

# progress_steps PREFIX DB-ARGS...: on the running server, a second user with ten years of
# history (bench/progress_user.py; --smoke: ten weeks), then /healthz again as the reference and
# wrk on each read of bench/progress_endpoints.tsv with that user's token. A read that answers
# 404 is not run but noted as missing ($WORK/PREFIXprogress_KEY.missing); report.py decides.
progress_steps() {
  local p=$1; shift
  if [ "${BENCH_PROGRESS:-1}" = 0 ]; then echo "BENCH_PROGRESS=0" >"$WORK/progress.skipped"; return 0; fi
  local token
  token=$("$PY" "$HERE/progress_user.py" --vigor "$BIN" --base "$BASE" \
            --summary "$WORK/${p}progress.seed.json" $([ "$SMOKE" = 1 ] && echo --smoke) \
            -- "$@" 2>"$WORK/${p}progress.setup.err") || {
    echo "bench: seeding the progress user on '${p:-sqlite}' failed:" >&2
    cat "$WORK/${p}progress.setup.err" >&2
    exit 1
  }
  printf 'bench: %-12s %s\n' "${p}progress" \
    "$(tail -n1 "$WORK/${p}progress.setup.err" | sed 's/^progress_user: //')"
  DUR=$PROGRESS_DUR WARM=$PROGRESS_WARM run_wrk "${p}progress_healthz" "$BASE/healthz"
  local key path status
  while IFS=$'\t' read -r key path _; do
    case "$key" in ''|'#'*) continue ;; esac
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
               "$BASE$path" </dev/null) || status=000
    if [ "$status" = 404 ]; then
      echo "$status" >"$WORK/${p}progress_$key.missing"
      printf 'bench: %-12s endpoint missing (%s answered 404)\n' "${p}$key" "$path"
      continue
    fi
    DUR=$PROGRESS_DUR WARM=$PROGRESS_WARM \
      run_wrk "${p}progress_$key" "$BASE$path" -H "Authorization: Bearer $token" </dev/null
  done <"$HERE/progress_endpoints.tsv"
}

# 1. SQLite: the reference, the API read and write paths, acknowledged durable writes, then the
# progress reads of a user with ten years of history
start_server sqlite --enable-write-probe
idle_step ""
setup_user sqlite --data-dir "$WORK/data-sqlite"
api_steps ""
progress_steps "" --data-dir "$WORK/data-sqlite"
stop_server

# 1b. what conditional GETs cost a 200 (issue 17: "measure each before keeping it"): the same
# server and data with --conditional-gets on and off, /me and the history page; the order flips
# each round (on-off, off-on), so a machine getting busier or quieter during the run does not
# favour the one measured second
for round in $([ "$SMOKE" = 1 ] && echo 1 || echo 1 2 3 4); do
  order="true false"; [ $((round % 2)) = 0 ] && order="false true"
  for cg in $order; do
    start_server sqlite --conditional-gets "$cg"
    DUR=$PROGRESS_DUR WARM=$PROGRESS_WARM run_wrk "cg_${cg}_me_$round" "$BASE/api/v1/me" \
      -H "Authorization: Bearer $TOKEN"
    DUR=$PROGRESS_DUR WARM=$PROGRESS_WARM run_wrk "cg_${cg}_list_$round" \
      "$BASE/api/v1/workouts?limit=20" -H "Authorization: Bearer $TOKEN"
    stop_server
  done
done

# 2. the two I/O models on the API read path
start_server per-thread --io-model per-thread
run_wrk per_thread "$BASE/api/v1/meta"
stop_server
start_server shared --io-model shared
run_wrk shared "$BASE/api/v1/meta"
stop_server

# 3. the raw SQLite reference on the same filesystem
"$PY" "$HERE/sqlite_autocommit.py" --seconds "$SQLITE_SECS" --dir "$WORK" >"$WORK/sqlite.json"
printf 'bench: %-12s %12.0f inserts/s (raw SQLite autocommit, WAL, synchronous=FULL)\n' \
  sqlite "$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["per_sec"])' "$WORK/sqlite.json")"

# 4. the same scenarios on PostgreSQL 15: a throw-away server, durable (fsync and
# synchronous_commit on, as in production), then durable writes again with commit_delay
pg_skip() { echo "$1" >"$WORK/pg.skipped"; echo "bench: PostgreSQL skipped: $1"; }
if [ "${BENCH_POSTGRESQL:-1}" = 0 ]; then
  pg_skip "BENCH_POSTGRESQL=0"
elif [ ! -x "${PG_BIN:-/usr/lib/postgresql/15/bin}/initdb" ] || ! command -v psql >/dev/null; then
  pg_skip "PostgreSQL 15 is not installed (scripts/bootstrap installs it)"
else
  PGDIR=$(mktemp -d /tmp/vigor-bench-pg.XXXXXX)
  chmod 755 "$PGDIR"  # the server runs as postgres when the bench runs as root
  PG_URL=$("$ROOT/scripts/pg-test-server" start "$PGDIR/server")
  start_server pg --database "$PG_URL" --enable-write-probe
  idle_step pg_
  if [ "$(psql "$PG_URL" -tAc "SELECT count(*) FROM information_schema.tables
                               WHERE table_name = 'schema_migrations'")" != 1 ]; then
    stop_server
    pg_skip "this vigor binary does not use PostgreSQL (--database was ignored)"
  else
    setup_user pg --database "$PG_URL"
    api_steps pg_
    progress_steps pg_ --database "$PG_URL"
    psql "$PG_URL" -qtA -c "SHOW fsync" -c "SHOW synchronous_commit" \
      -c "SELECT current_setting('server_version')" >"$WORK/pg.settings"
    psql "$PG_URL" -q -c "ALTER SYSTEM SET commit_delay = 1000" \
      -c "ALTER SYSTEM SET commit_siblings = 5" -c "SELECT pg_reload_conf()" >/dev/null
    sleep 0.2
    run_wrk pg_writes_delay "$BASE/diagnostics/write-probe/x" -s "$HERE/write_probe.lua"
    stop_server
    psql "$PG_URL" -q -c "ALTER SYSTEM RESET commit_delay" -c "ALTER SYSTEM RESET commit_siblings" \
      -c "SELECT pg_reload_conf()" >/dev/null
    # 4b. the cluster's layers (issue 17): three instances on this PostgreSQL behind nginx
    if [ "${BENCH_LAYERS:-1}" = 0 ]; then
      echo "BENCH_LAYERS=0" >"$WORK/layers.skipped"
    elif ! command -v nginx >/dev/null; then
      echo "nginx is not installed (scripts/bootstrap installs it)" >"$WORK/layers.skipped"
    else
      layer_steps "$PG_URL"
    fi
  fi
  "$ROOT/scripts/pg-test-server" stop "$PGDIR/server"
  rm -rf "$PGDIR"; PGDIR=""
fi

echo
status=0
[ "$SMOKE" = 1 ] && OUT=$(mktemp "$OUT")
"$PY" "$HERE/report.py" --work "$WORK" --out "$OUT" $([ "$SMOKE" = 1 ] && echo --smoke) || status=$?
# 4. imports: GPX files/s and CSV rows/s, appended to the report as a section of its own
"$PY" "$HERE/import_bench.py" $([ "$SMOKE" = 1 ] && echo --smoke) --results "$OUT" "$BIN" || status=$?
# 5. food search in process, every keystroke of typical queries over the whole catalogue
if [ "$SMOKE" != 1 ] && cmake --build "$(dirname "$BIN")" --target vigor_food_search_bench \
     >"$WORK/food_search.build" 2>&1; then
  "$(dirname "$BIN")/vigor_food_search_bench" >"$WORK/food_search.txt" 2>&1 || status=$?
  p99=$(awk '/^every keystroke/ {for (i = 1; i <= NF; i++) if ($i == "p99") print $(i + 1)}' \
          "$WORK/food_search.txt")
  verdict=$(awk -v p="$p99" 'BEGIN { print (p != "" && p + 0 < 5000) ? "**met**" : "**not met**" }')
  {
    echo
    echo "## Food search (issue 12)"
    echo
    echo "- $(date -u '+%Y-%m-%d %H:%M') UTC, commit $(git -C "$ROOT" rev-parse --short=12 HEAD), in process (bench/food_search_bench.cpp): every prefix of 100 typical queries, top 20 each"
    echo
    echo '```'
    cat "$WORK/food_search.txt"
    echo '```'
    echo
    echo "Target (issue 12): search over the whole catalogue with p99 under 5 ms: $verdict (every keystroke: p99 ${p99:-?} us)."
  } >>"$OUT"
fi
# 6. the feed of a user following 1,000 people with years of history, on both databases, in
# process (bench/feed_bench.cpp); --smoke: 20 followees x 30 items, SQLite only
if cmake --build "$(dirname "$BIN")" --target vigor_feed_bench >"$WORK/feed_bench.build" 2>&1; then
  FEED_ARGS=(); [ "$SMOKE" = 1 ] && FEED_ARGS=(20 30 50)
  FEED_BENCH="$(dirname "$BIN")/vigor_feed_bench"
  (cd "$WORK" && "$FEED_BENCH" "${FEED_ARGS[@]}") >"$WORK/feed_sqlite.txt" 2>&1 || status=$?
  # Its own directory that the postgres user can enter ($WORK is mktemp's 0700 and the server
  # runs as postgres when the bench runs as root: inside $WORK it never started).
  FEED_PG=$(mktemp -d /tmp/vigor-bench-feed-pg.XXXXXX)
  chmod 755 "$FEED_PG"
  if [ "$SMOKE" = 1 ] || [ "${BENCH_POSTGRESQL:-1}" = 0 ]; then
    echo "PostgreSQL skipped (--smoke or BENCH_POSTGRESQL=0)" >"$WORK/feed_pg.txt"
    rm -rf "$FEED_PG"; FEED_PG=""
  elif "$ROOT/tests/support/pg_fixture" start "$FEED_PG" "$BIN" >"$WORK/feed_pg.start" 2>&1; then
    (cd "$WORK" && VIGOR_TEST_POSTGRES_DIR="$FEED_PG" "$FEED_BENCH" "${FEED_ARGS[@]}") \
      >"$WORK/feed_pg.txt" 2>&1 || status=$?
    "$ROOT/tests/support/pg_fixture" stop "$FEED_PG" >/dev/null 2>&1 || true
    rm -rf "$FEED_PG"; FEED_PG=""
  else
    { echo "PostgreSQL skipped: the test server did not start:"
      tail -n 5 "$WORK/feed_pg.start" | sed 's/^/    /'; } >"$WORK/feed_pg.txt"
  fi
  worst=$(cat "$WORK/feed_sqlite.txt" "$WORK/feed_pg.txt" | awk '/^worst p99/ { if ($3 + 0 > w) w = $3 + 0 } END { print w }')
  verdict=$(awk -v p="$worst" 'BEGIN { print (p != "" && p + 0 < 20) ? "**met**" : "**not met**" }')
  {
    echo
    echo "## Feed (issue 13)"
    echo
    echo "- $(date -u '+%Y-%m-%d %H:%M') UTC, commit $(git -C "$ROOT" rev-parse --short=12 HEAD), in process (bench/feed_bench.cpp): one viewer following 1,000 users with 3 years x 150 items each, pages of 20"
    echo
    echo '```'
    cat "$WORK/feed_sqlite.txt"
    echo
    cat "$WORK/feed_pg.txt"
    echo '```'
    echo
    echo "Target (issue 13): p99 of the first and fifth page under 20 ms: $verdict (worst p99 ${worst:-?} ms)."
  } >>"$OUT"
fi
echo
echo "bench: wrote $OUT"
exit "$status"
