#!/usr/bin/env bash
# A/B comparison of two vigor binaries (e.g. before and after a compiler flag): the same wrk
# scenarios as bench/run.sh on SQLite, alternating A and B for ROUNDS rounds so that both see the
# same machine noise; prints each figure's median over the rounds and the ratio B/A, for requests
# per second and for the server's CPU time per request.
#   bench/ab.sh PATH/TO/vigor-A PATH/TO/vigor-B      (ROUNDS=3, DUR=5s by default)
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 VIGOR_A VIGOR_B" >&2; exit 2; }
A=$(readlink -f "$1"); B=$(readlink -f "$2")
HERE=$(cd "$(dirname "$0")" && pwd)
ROUNDS=${ROUNDS:-3}; DUR=${DUR:-5s}
WORK=$(mktemp -d /tmp/vigor-ab.XXXXXX)
PID=""
cleanup() { [ -n "$PID" ] && kill -TERM "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# run BIN LABEL ROUND: one server, the four scenarios, "label scenario rps p99" lines to results
run() {
  local bin=$1 label=$2 round=$3 data="$WORK/data-$2-$3"
  mkdir -p "$data"
  "$bin" serve --listen 127.0.0.1:0 --data-dir "$data" --log-level warn </dev/null \
    >"$WORK/out" 2>"$WORK/err" &
  PID=$!
  # The address is read again until /readyz answers: a line read while being written would
  # give a truncated port.
  local base="" ready=0
  for _ in $(seq 1 600); do
    base=$(grep -oE 'Vigor is running at http://[0-9.]+:[0-9]+' "$WORK/out" 2>/dev/null \
             | head -n1 | sed 's/^Vigor is running at //') || true
    if [ -n "$base" ] && curl -fsS -o /dev/null "$base/readyz" 2>/dev/null; then ready=1; break; fi
    sleep 0.05
  done
  [ $ready = 1 ] || { echo "ab: $bin did not become ready in 30 s" >&2; exit 1; }
  local token
  token=$(/usr/bin/python3 "$HERE/api_user.py" --vigor "$bin" --base "$base" --workouts 200 \
            -- --data-dir "$data")
  local name url extra
  for name in healthz meta list create; do
    extra=()
    case $name in
      healthz) url=$base/healthz ;;
      meta) url=$base/api/v1/meta ;;
      list) url="$base/api/v1/workouts?limit=20"; extra=(-H "Authorization: Bearer $token") ;;
      create) url=$base/api/v1/workouts; extra=(-s "$HERE/workout_create.lua") ;;
    esac
    local cpu0 cpu1
    cpu0=$(cpu_ticks "$PID")
    BENCH_TOKEN=$token wrk -t2 -c64 -d"$DUR" --latency "${extra[@]}" "$url" >"$WORK/wrk" 2>&1
    cpu1=$(cpu_ticks "$PID")
    local rps p99 requests
    rps=$(grep -oE 'Requests/sec:[[:space:]]+[0-9.]+' "$WORK/wrk" | awk '{print $2}')
    p99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk")
    requests=$(grep -oE '^ *[0-9]+ requests in' "$WORK/wrk" | awk '{print $1}')
    # The server's CPU time per request (user + system, from /proc): steadier than requests/s
    # on a machine shared with other work, which takes CPUs away but not CPU time per request.
    local us_per_request
    us_per_request=$(awk -v t=$((cpu1 - cpu0)) -v n="$requests" -v hz="$(getconf CLK_TCK)" \
                       'BEGIN {printf "%.1f", t / hz * 1e6 / n}')
    echo "$label $name $rps $p99 $us_per_request" | tee -a "$WORK/results"
  done
  kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; PID=""
}

for r in $(seq 1 "$ROUNDS"); do
  run "$A" A "$r"
  run "$B" B "$r"
done
/usr/bin/python3 - "$WORK/results" <<'EOF'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
print(f"\n{'scenario':10} {'A req/s':>10} {'B req/s':>10} {'B/A':>6} {'A us/req':>9} "
      f"{'B us/req':>9} {'B/A':>6}   (medians of the rounds; us/req: server CPU per request)")
for name in ("healthz", "meta", "list", "create"):
    def med(label, col):
        return statistics.median(float(r[col]) for r in rows if r[0] == label and r[1] == name)
    a, b, ca, cb = med("A", 2), med("B", 2), med("A", 4), med("B", 4)
    print(f"{name:10} {a:10,.0f} {b:10,.0f} {b / a:6.3f} {ca:9.1f} {cb:9.1f} {cb / ca:6.3f}")
EOF
