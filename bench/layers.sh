# Sourced by bench/run.sh (not run alone): the layer-cost step of issue 17. Three `vigor serve`
# on one PostgreSQL behind nginx (upstream with keepalive, static assets through proxy_cache),
# started from a generated configuration on loopback, measured with the same wrk scenarios as
# one instance, then stopped. Uses run.sh's BIN, WORK, HERE, PY, TOKEN, run_wrk and its
# SERVER_PID/BASE convention (run_wrk checks that SERVER_PID, here nginx, is alive).

LAYER_PIDS=()
LAYER_BASES=()
NGINX_PID=""

free_port() {
  "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# A stand-in for the built web app, the same in every run: an index page and one hashed asset of
# 256 KiB (about the size of the app's largest chunk before compression). wrk sends no
# Accept-Encoding, so every layer serves the same identity bytes.
make_bench_web_dir() {
  local dir=$1
  mkdir -p "$dir/assets"
  printf '<!doctype html><title>Vigor</title><script type="module" src="/assets/app-bench0001.js"></script>\n' \
    >"$dir/index.html"
  "$PY" -c 'import sys; line = "export const f%d = () => \"bench asset line %d\";\n"
out = "".join(line % (i, i) for i in range(10**6)).encode()[:262144]
open(sys.argv[1], "wb").write(out)' "$dir/assets/app-bench0001.js"
}

# start_layer_instance NAME ARGS...: one more `vigor serve` in the background, ready when it
# returns; its base URL is appended to LAYER_BASES
start_layer_instance() {
  local name=$1; shift
  local data="$WORK/data-$name" base="" i
  mkdir -p "$data"
  "$BIN" serve --listen 127.0.0.1:0 --data-dir "$data" --log-level "$LOG_LEVEL" "$@" \
    </dev/null >"$WORK/$name.out" 2>"$WORK/$name.err" &
  LAYER_PIDS+=($!)
  for i in $(seq 1 400); do
    base=$(grep -oE 'Vigor is running at http://[^ ]+' "$WORK/$name.out" 2>/dev/null \
             | head -n1 | sed 's/^Vigor is running at //') || true
    [ -n "$base" ] && break
    sleep 0.05
  done
  [ -n "$base" ] || { echo "bench: instance '$name' did not start:" >&2; tail -n 20 "$WORK/$name.err" >&2; exit 1; }
  base=${base%/}
  for i in $(seq 1 400); do
    curl -fsS -o /dev/null "$base/readyz" 2>/dev/null && break
    sleep 0.05
  done
  curl -fsS -o /dev/null "$base/readyz" || { echo "bench: $base/readyz never answered 200" >&2; exit 1; }
  LAYER_BASES+=("$base")
}

# start_nginx: nginx in front of LAYER_BASES on two ports: NGINX_BASE caches /assets/ (the
# deployment's configuration), NGINX_NOCACHE_BASE passes everything through (the reference for
# the cache's worth)
start_nginx() {
  local conf="$WORK/nginx/nginx.conf" servers="" b port nocache_port
  mkdir -p "$WORK/nginx/cache" "$WORK/nginx/tmp"
  for b in "${LAYER_BASES[@]}"; do servers+="    server ${b#http://} max_fails=3 fail_timeout=5s;"$'\n'; done
  port=$(free_port); nocache_port=$(free_port)
  local proxy='proxy_pass http://vigor; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_set_header Host $host; proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;'
  # Run as root (this bench on a test machine), the workers stay root so they can use the
  # private temp folder; started unprivileged, nginx ignores the `user` line.
  cat >"$conf" <<NGINX
$([ "$(id -u)" = 0 ] && echo 'user root;')
daemon off;
worker_processes 2;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/tmp/body;
  proxy_temp_path $WORK/nginx/tmp/proxy;
  fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
  uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
  scgi_temp_path $WORK/nginx/tmp/scgi;
  proxy_cache_path $WORK/nginx/cache levels=1:2 keys_zone=static:10m max_size=256m inactive=1h use_temp_path=off;
  upstream vigor {
$servers    keepalive 64;
  }
  server {
    listen 127.0.0.1:$port;
    location /assets/ {
      $proxy
      proxy_cache static;
      proxy_cache_valid 200 1h;
      proxy_cache_lock on;
      add_header X-Cache-Status \$upstream_cache_status;
    }
    location / { $proxy }
  }
  server {
    listen 127.0.0.1:$nocache_port;
    location / { $proxy }
  }
}
NGINX
  nginx -t -c "$conf" >"$WORK/nginx/test.log" 2>&1 || { echo "bench: nginx refused its configuration:" >&2; cat "$WORK/nginx/test.log" >&2; exit 1; }
  nginx -c "$conf" >"$WORK/nginx/stdout.log" 2>&1 &
  NGINX_PID=$!
  NGINX_BASE="http://127.0.0.1:$port"; NGINX_NOCACHE_BASE="http://127.0.0.1:$nocache_port"
  local i
  for i in $(seq 1 100); do
    curl -fsS -o /dev/null "$NGINX_BASE/readyz" 2>/dev/null && return 0
    sleep 0.05
  done
  echo "bench: nginx did not answer" >&2; cat "$WORK/nginx/error.log" >&2; exit 1
}

stop_layers() {
  local pid
  if [ -n "$NGINX_PID" ]; then
    kill -TERM "$NGINX_PID" 2>/dev/null || true
    wait "$NGINX_PID" 2>/dev/null || true
    NGINX_PID=""
  fi
  for pid in "${LAYER_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${LAYER_PIDS[@]}"; do
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  LAYER_PIDS=(); LAYER_BASES=()
}

# etag_of URL [curl args...]: the ETag the server answers a GET with ("" when none)
etag_of() {
  local url=$1; shift
  curl -fsS -D - -o /dev/null "$@" "$url" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p' | head -n1
}

# inm_wrk NAME URL [-H HEADER]...: wrk on a read sent with If-None-Match naming the ETag it is
# answered with now (so every answer should be a 304); the status curl got with that header is
# kept in NAME.status for report.py to check
inm_wrk() {
  local name=$1 url=$2; shift 2
  local etag
  etag=$(etag_of "$url" "$@")
  curl -s -o /dev/null -w '%{http_code}' "$@" -H "If-None-Match: $etag" "$url" >"$WORK/$name.status" || true
  run_wrk "$name" "$url" "$@" -H "If-None-Match: $etag"
}

# layer_steps PG_URL: the cluster of three instances behind nginx on the database PG_URL (whose
# user TOKEN exists already), the API scenarios through nginx, then static assets direct, through
# nginx without cache and through nginx's cache
layer_steps() {
  local pg_url=$1 n
  make_bench_web_dir "$WORK/web"
  for n in 1 2 3; do
    start_layer_instance "nx$n" --database "$pg_url" --web-dir "$WORK/web" --enable-write-probe \
      --trusted-proxies 127.0.0.1
  done
  start_nginx
  SERVER_PID=$NGINX_PID BASE=$NGINX_BASE layer_api_steps
  local asset=/assets/app-bench0001.js
  # The cache is warm and answering: a second request is a HIT.
  curl -fsS -o /dev/null "$NGINX_BASE$asset"
  curl -fsS -D - -o /dev/null "$NGINX_BASE$asset" | tr -d '\r' | sed -n 's/^X-Cache-Status: //p' \
    >"$WORK/nx_cache_status"
  SERVER_PID=${LAYER_PIDS[0]} run_wrk static_direct "${LAYER_BASES[0]}$asset"
  SERVER_PID=$NGINX_PID run_wrk nx_static_nocache "$NGINX_NOCACHE_BASE$asset"
  SERVER_PID=$NGINX_PID run_wrk nx_static_cache "$NGINX_BASE$asset"
  stop_layers
}

layer_api_steps() {
  run_wrk nx_healthz "$BASE/healthz"
  run_wrk nx_me "$BASE/api/v1/me" -H "Authorization: Bearer $TOKEN"
  inm_wrk nx_me_inm "$BASE/api/v1/me" -H "Authorization: Bearer $TOKEN"
  run_wrk nx_meta "$BASE/api/v1/meta"
  run_wrk nx_list "$BASE/api/v1/workouts?limit=20" -H "Authorization: Bearer $TOKEN"
  inm_wrk nx_list_inm "$BASE/api/v1/workouts?limit=20" -H "Authorization: Bearer $TOKEN"
  run_wrk nx_writes "$BASE/diagnostics/write-probe/x" -s "$HERE/write_probe.lua"
}
