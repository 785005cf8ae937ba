#!/usr/bin/python3
"""Soak: a steady mixed load on one `vigor serve` for a long while, on SQLite and on PostgreSQL,
checking that the server does not wear out.

    bench/soak.py [--seconds N] [--warmup N] [--backend sqlite|postgresql|both]
                  [--results FILE] PATH/TO/vigor

For each backend: a fresh server on 127.0.0.1:0 (SQLite in a temp data dir; PostgreSQL in a
throw-away cluster from scripts/pg-test-server --fast, stopped and removed after), USERS accounts
made with `vigor user create`, then per user one worker and one event-stream subscriber:

  worker (a keep-alive connection, signed in with a cookie session and CSRF header, signs out and
  in again every SIGNIN_EVERY_S): creates a workout (3 blocks, 15 sets; every GZIP_EVERY-th one
  sent gzip-compressed, Content-Encoding: gzip, as phone apps upload), reads it, updates it
  (If-Match), lists the history (first page, then the next page by cursor), reads an exercise's
  last sets, records a body measurement and reads the trend, searches the food catalogue, logs
  two diary items (a catalogue food by portion, a quick entry) and deletes one again, reads its
  goal (made once at the start), deletes the workout; every IMPORT_EVERY cycles imports a
  one-workout Strong CSV and follows the job to its end.
  Requests are paced: PACE_PER_USER requests a second each, so the load is steady, not a flood.
  subscriber: holds GET /api/v1/events open (reading what arrives), reconnects every
  STREAM_HOLD_S, so streams open and close all the time.

Phases: warm-up (--warmup s), a pause at rest (clients close every connection; the server's
descriptors are counted once its open-connections gauge shows only the counting connection), the
measured run (--seconds s), a second pause at rest (counted again). RSS and descriptors come from
/proc/PID every second.

Pass/fail, per backend:
  * errors: none at all: no 5xx, no 429 (USERS accounts keep every rate limit out of reach: a
    sign-in every SIGNIN_EVERY_S per user is far below the per-address budget of one a second),
    no other unexpected status, no connection error;
  * descriptors: at rest after the run no more than at rest before it;
  * memory: mean RSS of the last window (the last quarter of the run) at most the mean of the
    first window plus RSS_TOLERANCE (see there why);
  * latency: p99 of the last window at most P99_RATIO_MAX times the first window's (see there).

Writes a "## Soak" section into --results (bench/RESULTS.md for `make soak`; bench/report.py keeps
it when it rewrites the rest of the file). Exit 1 if any check fails. Standard library only.
"""

import argparse
import gzip
import http.client
import json
import os
import re
import select
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PASSWORD = "a long soaking passphrase 42 horses"
USERS = 6
PACE_PER_USER = 25         # requests a second per worker: 150 a second in all, steady
SIGNIN_EVERY_S = 30        # 6 users: 0.2 sign-ins a second, the per-address budget refills 1/s
IMPORT_EVERY = 20          # cycles between two imports of a user
GZIP_EVERY = 2             # every second workout is uploaded gzip-compressed
FOOD_QUERIES = ["egg", "chicken breast", "oats", "banana", "rice cooked", "olive oil"]
SEED_WORKOUTS = 50         # imported at a user's start, so the history has pages
STREAM_HOLD_S = 10
DB_CONNECTIONS = 16        # vigor's default --db-connections: the most it may hold open
WINDOW_FRACTION = 0.25     # first and last window: a quarter of the measured run each

# Memory: the last window's mean RSS may exceed the first window's by at most RSS_TOLERANCE.
# Why not zero: memory that fills up once and then stays is not a leak, and some of it is still
# filling during the first window: glibc's malloc keeps freed memory in per-thread arenas (32
# worker threads, each reaching its high-water mark only once it has handled the largest
# requests), SQLite keeps up to 2 MB of page cache per connection (1 writer and 4 readers) as
# the database grows, libpq's buffers grow to the largest result. Measured on SQLite (10-minute
# run): 32 MiB at rest after a 60 s warm-up, 44 MiB at 3 minutes, then flat at 41-42 MiB. A
# leak keeps growing instead. What the limits catch at 150 requests/s: 16 MiB between windows
# 7.5 minutes apart (a 10-minute run) is a leak of about 250 bytes per request; the slope limit,
# checked on runs of 5 minutes or more (on a short run the filling above dominates the slope),
# 64 MiB an hour, about 120 bytes per request. Smaller leaks need a longer run (SOAK_SECONDS).
RSS_TOLERANCE = 16 * 1024 * 1024
RSS_SLOPE_PER_HOUR = 64 * 1024 * 1024
# Latency: p99 of the last window at most twice the first's, unless both are small: on 2 shared
# CPUs, with the load generator on the same CPUs, p99 of a window of a few thousand requests
# moves by tens of percent between runs with nothing changed (another process scheduled, the
# page cache); a server that slows down as it ages (a growing list, a table scanned, a lock
# held longer) shows a steady multiple. A last-window p99 under P99_FLOOR_S passes whatever
# the ratio: a few milliseconds more are noise, not wear.
P99_RATIO_MAX = 2.0
P99_FLOOR_S = 0.050
# A short run's windows hold about a thousand requests, whose p99 is the tenth-slowest: one
# scheduling hiccup of the shared machine moves it (a short run went from 4.5 ms to 32.7 ms, and
# another from 55.9 ms to 182.5 ms while other builds ran, with nothing wrong). Below
# SMALL_WINDOW requests in the last window, wear is judged by the median instead, which a few
# hiccups do not move but a server that slows down as it ages does (every request pays for the
# growing list or the longer lock), and p99 only has to stay under an absolute bound.
SMALL_WINDOW = 5000
P50_RATIO_MAX = 2.0
P50_FLOOR_S = 0.020
P99_MAX_SMALL_WINDOW_S = 1.0


def log(msg):
    print(msg, flush=True)


# ---- the server and its database ---------------------------------------------------------------

class Backend:
    """Where the data lives: SQLite in a data dir, or a throw-away PostgreSQL."""

    def __init__(self, kind, work):
        self.kind = kind
        self.work = work
        self.data_dir = os.path.join(work, f"data-{kind}")
        os.makedirs(self.data_dir)
        self.pg_dir = None
        self.url = None
        if kind == "postgresql":
            self.pg_dir = tempfile.mkdtemp(prefix="vigor-soak-pg-")
            os.chmod(self.pg_dir, 0o755)  # the server runs as postgres when we run as root
            p = subprocess.run([os.path.join(ROOT, "scripts", "pg-test-server"), "start",
                                os.path.join(self.pg_dir, "server"), "--fast"],
                               capture_output=True, text=True, timeout=180)
            if p.returncode != 0:
                raise RuntimeError(f"pg-test-server start failed: {p.stdout}{p.stderr}")
            self.url = p.stdout.strip().splitlines()[-1]

    def args(self):
        return ["--data-dir", self.data_dir] + (["--database", self.url] if self.url else [])

    def port(self):
        return urllib.parse.urlsplit(self.url).port if self.url else None

    def version(self):
        if not self.url:
            return None
        p = subprocess.run(["psql", self.url, "-tAc", "SHOW server_version"], capture_output=True,
                           text=True, timeout=30)
        return p.stdout.strip() or None

    def close(self):
        if self.pg_dir:
            subprocess.run([os.path.join(ROOT, "scripts", "pg-test-server"), "stop",
                            os.path.join(self.pg_dir, "server")], capture_output=True, timeout=120)
            shutil.rmtree(self.pg_dir, ignore_errors=True)
            self.pg_dir = None


class Server:
    def __init__(self, vigor, backend, work):
        self.vigor = vigor
        self.backend = backend
        self.out = os.path.join(work, f"{backend.kind}.out")
        self.err = os.path.join(work, f"{backend.kind}.err")
        self.proc = None
        self.port = None

    def start(self):
        with open(self.out, "wb") as out, open(self.err, "wb") as err:
            self.proc = subprocess.Popen(
                [self.vigor, "serve", "--listen", "127.0.0.1:0", "--log-level", "warn"]
                + self.backend.args(), stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with open(self.out) as f:
                m = re.search(r"Vigor is running at http://127\.0\.0\.1:(\d+)", f.read())
            if m:
                self.port = int(m.group(1))
                break
            if self.proc.poll() is not None:
                raise RuntimeError(f"vigor serve exited: {self.stderr_tail()}")
            time.sleep(0.05)
        while time.monotonic() < deadline:
            try:
                if request(self.port, "GET", "/readyz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"vigor serve did not become ready: {self.stderr_tail()}")

    def stderr_tail(self, n=3000):
        try:
            with open(self.err, "rb") as f:
                return f.read()[-n:].decode("utf-8", "replace")
        except OSError:
            return ""

    def rss(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        return 0

    def fds(self):
        return len(os.listdir(f"/proc/{self.proc.pid}/fd"))

    def database_connections(self):
        """The server's TCP connections to PostgreSQL: its pool opens them as concurrency needs
        them (up to --db-connections) and keeps them, so they are counted apart."""
        port = self.backend.port()
        if port is None:
            return 0
        pid = self.proc.pid
        sockets = set()
        for name in os.listdir(f"/proc/{pid}/fd"):
            try:
                m = re.fullmatch(r"socket:\[(\d+)\]", os.readlink(f"/proc/{pid}/fd/{name}"))
            except OSError:
                continue
            if m:
                sockets.add(m.group(1))
        count = 0
        for table in ("tcp", "tcp6"):
            with open(f"/proc/{pid}/net/{table}") as f:
                for line in f.readlines()[1:]:
                    fields = line.split()
                    if fields[9] in sockets and int(fields[2].rsplit(":", 1)[1], 16) == port:
                        count += 1
        return count

    def open_connections(self):
        status, _, body = request(self.port, "GET", "/metrics")
        m = re.search(r"^vigor_http_open_connections(?:\{\})?\s+([0-9.e+]+)$", body.decode(), re.M)
        return int(float(m.group(1))) if status == 200 and m else None

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def request(port, method, path, body=None, headers=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        return r.status, r.getheaders(), r.read()
    finally:
        c.close()


# ---- the load ------------------------------------------------------------------------------------

class Record:
    """Every request's outcome, thread-safe: (monotonic end, operation, seconds, status or error)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.items = []
        self.errors = []   # (operation, what)
        self.events = 0    # event-stream lines received
        self.streams = 0   # event streams opened

    def add(self, op, seconds, status, ok, detail=""):
        with self.lock:
            self.items.append((time.monotonic(), op, seconds, status))
            if not ok:
                self.errors.append((op, f"{status} {detail}"[:300]))


class Phase:
    """What the clients are to do: 'run', 'rest' (close every connection and wait) or 'stop'."""

    def __init__(self):
        self.cond = threading.Condition()
        self.value = "run"
        self.resting = 0

    def set(self, value):
        with self.cond:
            self.value = value
            self.cond.notify_all()

    def get(self):
        with self.cond:
            return self.value

    def rest(self, until_run):
        """Called by a client with its connections closed: waits while the phase is 'rest'."""
        with self.cond:
            self.resting += 1
            self.cond.notify_all()
            while self.value == "rest":
                self.cond.wait(0.5)
            self.resting -= 1
            return self.value

    def wait_resting(self, n, timeout):
        deadline = time.monotonic() + timeout
        with self.cond:
            while self.resting < n and time.monotonic() < deadline:
                self.cond.wait(0.2)
            return self.resting >= n


class Session:
    """A user's browser: a keep-alive connection, cookies (session, CSRF)."""

    def __init__(self, port, username, record):
        self.port = port
        self.username = username
        self.record = record
        self.conn = None
        self.cookies = {}
        self.lock = threading.Lock()  # the cookies are shared with the user's subscriber

    def close(self):
        if self.conn:
            self.conn.close()
            self.conn = None

    def cookie_header(self):
        with self.lock:
            return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def call(self, op, method, path, body=None, expect=(200,), content_type="application/json",
             extra=None):
        headers = {"Cookie": self.cookie_header()} if self.cookies else {}
        if method != "GET":
            with self.lock:
                headers["X-CSRF-Token"] = self.cookies.get("vigor_csrf", "")
        if body is not None:
            headers["Content-Type"] = content_type
            if isinstance(body, str):
                body = body.encode()
        headers.update(extra or {})
        t = time.monotonic()
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            self.conn.request(method, path, body=body, headers=headers)
            r = self.conn.getresponse()
            data = r.read()
        except (OSError, http.client.HTTPException) as e:
            self.close()
            self.record.add(op, time.monotonic() - t, "connection error", False, repr(e))
            return None, None, None
        took = time.monotonic() - t
        for k, v in r.getheaders():
            if k.lower() == "set-cookie":
                name, _, rest = v.partition("=")
                value = rest.split(";", 1)[0]
                with self.lock:
                    if value and "max-age=0" not in v.lower():
                        self.cookies[name.strip()] = value
                    else:
                        self.cookies.pop(name.strip(), None)
        if r.getheader("Connection", "").lower() == "close":
            self.close()
        ok = r.status in expect
        self.record.add(op, took, r.status, ok, data[:200].decode("utf-8", "replace"))
        return r.status, r, data

    def sign_in(self):
        if "vigor_csrf" not in self.cookies:
            self.call("meta", "GET", "/api/v1/meta")
        self.call("sign-in", "POST", "/api/v1/auth/login",
                  json.dumps({"login": self.username, "password": PASSWORD}))

    def sign_out(self):
        self.call("sign-out", "POST", "/api/v1/auth/logout", expect=(200, 204))


def sets(weight):
    return [{"reps": 4 + i, "weight_kg": weight + i * 2.5, "done": True} for i in range(1, 6)]


def workout_body(n, day):
    return json.dumps({
        "title": f"Soak {n}", "started_at": f"2026-02-{day:02d}T07:{n % 60:02d}:00Z",
        "blocks": [{"exercise_id": "barbell-back-squat", "sets": sets(100)},
                   {"exercise_id": "barbell-bench-press", "sets": sets(60)},
                   {"exercise_id": "romanian-deadlift", "sets": sets(80)}]})


def strong_csv(n, workouts=1):
    """A Strong export of `workouts` workouts (5 sets each), each at its own time (n-based)."""
    rows = ["Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
            "Notes,Workout Notes,RPE"]
    for w in range(workouts):
        day = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(1_500_000_000 + (n + w) * 3_600))
        rows += [f'{day},"Imported {n + w}",45m,"Squat (Barbell)",{s},{80 + s * 2.5},5,0,0,,,8'
                 for s in range(1, 6)]
    return "\r\n".join(rows) + "\r\n"


def worker(index, session, phase, record, seed_workouts):
    """One user's steady loop (see the module docstring)."""
    interval = 1.0 / PACE_PER_USER
    next_at = time.monotonic()
    signed_in_at = None
    cycle = 0
    imports = 0

    def pace():
        nonlocal next_at
        next_at += interval
        delay = next_at - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        elif delay < -1:
            next_at = time.monotonic()  # fell behind: carry on steadily, no burst to catch up

    seeded = False
    goal_id = None
    while True:
        state = phase.get()
        if state == "stop":
            session.close()
            return
        if state == "rest":
            session.close()
            if phase.rest(None) == "stop":
                return
            next_at = time.monotonic()
            continue
        if signed_in_at is None or time.monotonic() - signed_in_at > SIGNIN_EVERY_S:
            if signed_in_at is not None:
                session.sign_out()
                pace()
            session.sign_in()
            signed_in_at = time.monotonic()
            pace()
        if not seeded:
            # A history to page through: SEED_WORKOUTS imported workouts.
            status, r, data = session.call("import", "POST", "/api/v1/imports?format=strong_csv",
                                           strong_csv(index * 100_000, SEED_WORKOUTS),
                                           expect=(202,), content_type="text/csv")
            pace()
            if status == 202:
                follow_import(session, json.loads(data)["id"], record, pace)
            # The goal every cycle reads.
            status, r, data = session.call(
                "goal-create", "POST", "/api/v1/goals",
                json.dumps({"title": "Soak weekly", "metric": "sessions", "target": 3,
                            "period": "week"}), expect=(201,))
            pace()
            goal_id = json.loads(data)["id"] if status == 201 else None
            seeded = True
        cycle += 1
        n = index * 1_000_000 + cycle
        if cycle % GZIP_EVERY == 0:
            status, r, data = session.call(
                "create-gzip", "POST", "/api/v1/workouts",
                gzip.compress(workout_body(n, 1 + cycle % 28).encode(), mtime=0), expect=(201,),
                extra={"Content-Encoding": "gzip"})
        else:
            status, r, data = session.call("create", "POST", "/api/v1/workouts",
                                           workout_body(n, 1 + cycle % 28), expect=(201,))
        pace()
        if status != 201:
            continue
        created = json.loads(data)
        wid = created["id"]
        status, r, data = session.call("read", "GET", f"/api/v1/workouts/{wid}")
        pace()
        etag = r.getheader("ETag") if r else None
        body = json.loads(workout_body(n, 1 + cycle % 28))
        body["title"] = f"Soak {n} (edited)"
        session.call("update", "PUT", f"/api/v1/workouts/{wid}", json.dumps(body),
                     extra={"If-Match": etag} if etag else None)
        pace()
        status, r, data = session.call("list", "GET", "/api/v1/workouts?limit=20")
        pace()
        cursor = json.loads(data).get("next_cursor") if status == 200 else None
        if cursor:
            session.call("history", "GET",
                         "/api/v1/workouts?limit=20&cursor=" + urllib.parse.quote(cursor))
            pace()
        session.call("last-sets", "GET", "/api/v1/exercises/barbell-back-squat/last-sets")
        pace()
        day = time.strftime("%Y-%m-%d", time.gmtime(1_600_000_000 + (cycle % 365) * 86_400))
        session.call("measure", "PUT", "/api/v1/measurements",
                     json.dumps({"kind": "weight", "day": day, "value": 70 + cycle % 20 / 4}))
        pace()
        session.call("trend", "GET", "/api/v1/measurements?kind=weight")
        pace()
        query = FOOD_QUERIES[cycle % len(FOOD_QUERIES)]
        session.call("food-search", "GET",
                     "/api/v1/foods?limit=10&q=" + urllib.parse.quote(query))
        pace()
        status, r, data = session.call(
            "diary-add", "POST", f"/api/v1/diary/{day}/items",
            json.dumps({"items": [
                {"meal": "breakfast", "food_id": "usda-01123",
                 "portion": {"name": "large", "count": 2}},
                {"meal": "snacks", "quick": {"name": "Soak bar", "energy_kcal": 200 + cycle % 50,
                                             "protein_g": 10}}]}), expect=(201,))
        pace()
        if status == 201:
            # One of the two goes again, so a user's diary grows by one item a cycle, as a real
            # one does, not by a burst.
            item = json.loads(data)["items"][-1]["id"]
            session.call("diary-delete", "DELETE", f"/api/v1/diary-items/{item}", expect=(204,))
            pace()
        if goal_id:
            session.call("goal-read", "GET", f"/api/v1/goals/{goal_id}")
            pace()
        session.call("delete", "DELETE", f"/api/v1/workouts/{wid}", expect=(200, 204))
        pace()
        if cycle % IMPORT_EVERY == 0:
            imports += 1
            status, r, data = session.call(
                "import", "POST", "/api/v1/imports?format=strong_csv",
                strong_csv(index * 100_000 + SEED_WORKOUTS + imports), expect=(202,), content_type="text/csv")
            pace()
            if status == 202:
                follow_import(session, json.loads(data)["id"], record, pace)


def follow_import(session, job, record, pace):
    """Polls an import job until it has succeeded; anything else is a failure."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        status, r, data = session.call("import-poll", "GET", f"/api/v1/imports/{job}")
        pace()
        if status != 200:
            return
        state = json.loads(data).get("status")
        if state in ("succeeded", "failed"):
            if state != "succeeded":
                record.add("import-result", 0, state, False, data[:200].decode())
            return
    record.add("import-result", 0, "timeout", False, "not done in 30 s")


def subscriber(session, phase, record):
    """Holds the user's event stream open STREAM_HOLD_S at a time, reading what arrives (a raw
    socket: the stream is read in pieces as they come, with a poll, not a blocking read)."""
    while True:
        state = phase.get()
        if state == "stop":
            return
        if state == "rest":
            if phase.rest(None) == "stop":
                return
            continue
        cookies = session.cookie_header()
        if "vigor_session" not in cookies:
            time.sleep(0.2)
            continue
        t = time.monotonic()
        sock = None
        try:
            sock = socket.create_connection(("127.0.0.1", session.port), timeout=10)
            sock.sendall((f"GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          f"Accept: text/event-stream\r\nCookie: {cookies}\r\n\r\n").encode())
            poller = select.poll()
            poller.register(sock, select.POLLIN)
            data = b""
            while b"\r\n\r\n" not in data and time.monotonic() - t < 10:
                if poller.poll(1000):
                    chunk = sock.recv(65536)
                    if not chunk:
                        break
                    data += chunk
            head, _, rest = data.partition(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/1.1 ") else None
            if status != 200:
                # 401 only when the user's worker signed out just now: its next sign-in follows.
                record.add("events", time.monotonic() - t, status or "no answer", status == 401,
                           data[:200].decode("utf-8", "replace"))
                time.sleep(0.5)
                continue
            record.add("events", time.monotonic() - t, 200, True)
            lines = rest.count(b"\n")
            while time.monotonic() - t < STREAM_HOLD_S and phase.get() == "run":
                if poller.poll(250):
                    chunk = sock.recv(65536)
                    if not chunk:
                        break
                    lines += chunk.count(b"\n")
            with record.lock:
                record.streams += 1
                record.events += lines
        except OSError as e:
            record.add("events", time.monotonic() - t, "connection error", False, repr(e))
        finally:
            if sock is not None:
                sock.close()


# ---- one backend's run -----------------------------------------------------------------------

def percentile(values, p):
    if not values:
        return None
    v = sorted(values)
    return v[min(len(v) - 1, int(p / 100.0 * len(v)))]


def slope_per_hour(samples):
    """Least-squares slope of (t, bytes) samples, in bytes per hour."""
    if len(samples) < 3:
        return 0.0
    ts = [t for t, _ in samples]
    ys = [y for _, y in samples]
    mt, my = statistics.fmean(ts), statistics.fmean(ys)
    den = sum((t - mt) ** 2 for t in ts)
    return sum((t - mt) * (y - my) for t, y in zip(ts, ys)) / den * 3600 if den else 0.0


def at_rest(server, phase, clients, label):
    """Pauses the clients, waits for the server to hold no client connection but ours; returns
    its descriptor count."""
    phase.set("rest")
    if not phase.wait_resting(clients, 60):
        raise RuntimeError(f"{label}: the clients did not stop within 60 s")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.open_connections() == 1:
            break
        time.sleep(0.2)
    else:
        raise RuntimeError(f"{label}: the server still holds {server.open_connections()} "
                           "connections 30 s after the clients closed theirs")
    time.sleep(1.0)  # background work (import jobs, outbox) settles
    return server.fds(), server.database_connections()


def soak(vigor, kind, seconds, warmup, work):
    log(f"soak [{kind}]: warm-up {warmup} s, measured run {seconds} s, {USERS} users at "
        f"{PACE_PER_USER} requests/s each, event streams reopened every {STREAM_HOLD_S} s")
    backend = Backend(kind, work)
    server = Server(vigor, backend, work)
    result = {"backend": kind, "seconds": seconds, "warmup": warmup, "problems": []}
    try:
        server.start()
        result["pg_version"] = backend.version()
        names = [f"soak{i}" for i in range(USERS)]
        for name in names:
            subprocess.run([vigor, "user", "create", "--username", name, "--email",
                            f"{name}@example.org"] + backend.args(), input=PASSWORD + "\n",
                           text=True, check=True, capture_output=True, timeout=60)
        record = Record()
        phase = Phase()
        sessions = [Session(server.port, name, record) for name in names]
        threads = []
        for i, s in enumerate(sessions):
            threads.append(threading.Thread(target=worker, args=(i, s, phase, record, 0),
                                            daemon=True))
            threads.append(threading.Thread(target=subscriber, args=(s, phase, record),
                                            daemon=True))
        samples = []  # (monotonic, rss, fds)
        sampling = threading.Event()

        def sampler():
            while not sampling.is_set():
                try:
                    samples.append((time.monotonic(), server.rss(), server.fds()))
                except OSError:
                    pass
                sampling.wait(1.0)

        sample_thread = threading.Thread(target=sampler, daemon=True)
        sample_thread.start()
        for t in threads:
            t.start()
        time.sleep(warmup)
        fds_before, db_before = at_rest(server, phase, len(threads), "before the run")
        rss_before = server.rss()
        log(f"  at rest after the warm-up: {fds_before} descriptors ({db_before} to the "
            f"database), RSS {rss_before >> 20} MiB")
        with record.lock:
            record.items.clear()  # the warm-up's requests do not count for the windows
            warm_errors = list(record.errors)
        t0 = time.monotonic()
        phase.set("run")
        next_report = t0 + 60
        while time.monotonic() < t0 + seconds:
            time.sleep(min(1.0, t0 + seconds - time.monotonic()) if seconds else 0)
            if time.monotonic() >= next_report:
                with record.lock:
                    n, e = len(record.items), len(record.errors)
                log(f"  {time.monotonic() - t0:5.0f} s: {n} requests, {e} errors, "
                    f"RSS {server.rss() >> 20} MiB, {server.fds()} descriptors")
                next_report += 60
            if server.proc.poll() is not None:
                raise RuntimeError(f"the server exited during the run: {server.stderr_tail()}")
        t1 = time.monotonic()
        fds_after, db_after = at_rest(server, phase, len(threads), "after the run")
        rss_after = server.rss()
        phase.set("stop")
        sampling.set()
        for t in threads:
            t.join(timeout=30)
        sample_thread.join(timeout=5)

        with record.lock:
            items = [i for i in record.items if t0 <= i[0] <= t1]
            errors = list(record.errors)
            events, streams = record.events, record.streams
        w = (t1 - t0) * WINDOW_FRACTION
        first = [i for i in items if i[0] < t0 + w]
        last = [i for i in items if i[0] >= t1 - w]
        run_samples = [(t, r) for t, r, _ in samples if t0 <= t <= t1]
        rss_first = [r for t, r in run_samples if t < t0 + w]
        rss_last = [r for t, r in run_samples if t >= t1 - w]
        statuses = {}
        for _, _, _, st in items:
            statuses[st] = statuses.get(st, 0) + 1
        by_op = {}
        for _, op, secs, _ in items:
            by_op.setdefault(op, []).append(secs)
        result.update({
            "requests": len(items), "rate": len(items) / (t1 - t0) if t1 > t0 else 0,
            "errors": errors, "warm_errors": warm_errors, "statuses": statuses,
            "events": events, "streams": streams,
            "fds_before": fds_before, "fds_after": fds_after,
            "db_before": db_before, "db_after": db_after,
            "rss_at_rest_before": rss_before, "rss_at_rest_after": rss_after,
            "rss_first": statistics.fmean(rss_first) if rss_first else 0,
            "rss_last": statistics.fmean(rss_last) if rss_last else 0,
            "rss_max": max((r for _, r in run_samples), default=0),
            "rss_slope": slope_per_hour(run_samples),
            "p50_first": percentile([i[2] for i in first], 50),
            "p99_first": percentile([i[2] for i in first], 99),
            "p50_last": percentile([i[2] for i in last], 50),
            "p99_last": percentile([i[2] for i in last], 99),
            "window": w, "last_window_requests": len(last),
            "ops": {op: (len(v), percentile(v, 50), percentile(v, 99)) for op, v in by_op.items()},
        })
        judge(result)
    except (RuntimeError, OSError, subprocess.SubprocessError) as e:
        result["problems"].append(f"the run broke off: {e}")
        result.setdefault("requests", 0)
    finally:
        server.stop()
        backend.close()
    for p in result["problems"]:
        log(f"  FAIL {p}")
    if not result["problems"]:
        log(f"  PASS {kind}: no errors, no descriptor leak, memory and latency flat")
    return result


def judge(r):
    p = r["problems"]
    if r["errors"] or r["warm_errors"]:
        kinds = {}
        for op, what in r["errors"] + r["warm_errors"]:
            kinds.setdefault(f"{op}: {what.split(' ', 1)[0]}", what)
        p.append(f"{len(r['errors']) + len(r['warm_errors'])} failed requests: "
                 + "; ".join(f"{k} ({v[:120]})" for k, v in list(kinds.items())[:6]))
    if r["requests"] == 0:
        p.append("no request was made")
    if r["fds_after"] - r["db_after"] > r["fds_before"] - r["db_before"]:
        p.append(f"descriptor leak: {r['fds_before'] - r['db_before']} at rest before the run, "
                 f"{r['fds_after'] - r['db_after']} after (database connections not counted)")
    if r["db_after"] > DB_CONNECTIONS:
        p.append(f"{r['db_after']} connections to PostgreSQL, more than the pool's "
                 f"{DB_CONNECTIONS}")
    if r["rss_last"] > r["rss_first"] + RSS_TOLERANCE:
        p.append(f"memory grew: RSS {r['rss_first'] / 2**20:.1f} MiB in the first window, "
                 f"{r['rss_last'] / 2**20:.1f} MiB in the last (tolerance "
                 f"{RSS_TOLERANCE >> 20} MiB)")
    if r["seconds"] >= 300 and r["rss_slope"] > RSS_SLOPE_PER_HOUR:
        p.append(f"memory keeps growing: {r['rss_slope'] / 2**20:.1f} MiB an hour "
                 f"(limit {RSS_SLOPE_PER_HOUR >> 20})")
    if r["last_window_requests"] >= SMALL_WINDOW:
        if r["p99_first"] and r["p99_last"] and r["p99_last"] > P99_FLOOR_S and \
                r["p99_last"] > P99_RATIO_MAX * r["p99_first"]:
            p.append(f"latency grew: p99 {r['p99_first'] * 1000:.1f} ms in the first window, "
                     f"{r['p99_last'] * 1000:.1f} ms in the last "
                     f"(x{r['p99_last'] / r['p99_first']:.2f}, limit x{P99_RATIO_MAX})")
        return
    if r["p50_first"] and r["p50_last"] and r["p50_last"] > P50_FLOOR_S and \
            r["p50_last"] > P50_RATIO_MAX * r["p50_first"]:
        p.append(f"latency grew: median {r['p50_first'] * 1000:.1f} ms in the first window, "
                 f"{r['p50_last'] * 1000:.1f} ms in the last "
                 f"(x{r['p50_last'] / r['p50_first']:.2f}, limit x{P50_RATIO_MAX})")
    if r["p99_last"] and r["p99_last"] > P99_MAX_SMALL_WINDOW_S:
        p.append(f"slow: p99 {r['p99_last'] * 1000:.1f} ms in the last window "
                 f"(limit {P99_MAX_SMALL_WINDOW_S * 1000:.0f} ms)")


# ---- the report --------------------------------------------------------------------------------

def ms(x):
    return "n/a" if x is None else f"{x * 1000:.1f} ms"


def section(results, vigor, short):
    load = os.getloadavg()
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short=12", "HEAD"],
                            capture_output=True, text=True).stdout.strip() or "?"
    lines = ["## Soak" + (" (SHORT RUN)" if short else ""), "",
             f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, commit {commit}, "
             f"binary `{os.path.relpath(vigor, ROOT)}`, {os.cpu_count()} CPUs, load average at "
             f"the end {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}",
             f"- Load (`bench/soak.py`): {USERS} users, each a worker at {PACE_PER_USER} "
             f"requests/s (sign-in every {SIGNIN_EVERY_S} s; create, read, update with If-Match, "
             f"history pages, last sets, a measurement and its trend, a food search, two diary "
             f"items logged and one deleted, a goal read, delete; one workout in {GZIP_EVERY} "
             f"uploaded gzip-compressed; a Strong CSV "
             f"import every {IMPORT_EVERY} cycles) and an event-stream subscriber reconnecting "
             f"every {STREAM_HOLD_S} s; PostgreSQL from `scripts/pg-test-server --fast`",
             f"- Windows: the first and the last {WINDOW_FRACTION:.0%} of the measured run, after "
             f"the warm-up; descriptors counted at rest (no client connection) before and after",
             f"- Limits: no failed request; descriptors after <= before, not counting "
             f"the connections to PostgreSQL (the pool opens them as needed and keeps them, up "
             f"to {DB_CONNECTIONS}); RSS last window <= first "
             f"+ {RSS_TOLERANCE >> 20} MiB (and, for runs of 5 minutes or more, a slope under "
             f"{RSS_SLOPE_PER_HOUR >> 20} MiB/h); p99 last <= {P99_RATIO_MAX:g}x first "
             f"(or under {P99_FLOOR_S * 1000:.0f} ms); when the last window has fewer than "
             f"{SMALL_WINDOW:,} requests (a short run), median last <= {P50_RATIO_MAX:g}x first "
             f"(or under {P50_FLOOR_S * 1000:.0f} ms) and p99 last under "
             f"{P99_MAX_SMALL_WINDOW_S * 1000:.0f} ms", "",
             "| Backend | Run | Requests | Failed | Descriptors at rest, before -> after | "
             "RSS first -> last window (max) | RSS slope | p99 first -> last window (ratio) | "
             "Event streams, lines | Verdict |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for r in results:
        if "fds_before" not in r:
            lines.append(f"| {r['backend']} | - | - | - | - | - | - | - | - | **failed**: "
                         f"{'; '.join(r['problems'])[:300]} |")
            continue
        ratio = r["p99_last"] / r["p99_first"] if r["p99_first"] and r["p99_last"] else 0
        name = r["backend"] + (f" {r['pg_version']}" if r.get("pg_version") else "")
        lines.append(
            f"| {name} | {r['seconds']} s + {r['warmup']} s warm-up | {r['requests']:,} "
            f"({r['rate']:.0f}/s) | {len(r['errors']) + len(r['warm_errors'])} | "
            f"{r['fds_before']} -> {r['fds_after']} ({r['db_before']} -> {r['db_after']} to "
            f"the database) | {r['rss_first'] / 2**20:.1f} -> "
            f"{r['rss_last'] / 2**20:.1f} MiB ({r['rss_max'] / 2**20:.1f}) | "
            f"{r['rss_slope'] / 2**20:+.1f} MiB/h | {ms(r['p99_first'])} -> {ms(r['p99_last'])} "
            f"(x{ratio:.2f}) | {r['streams']:,}, {r['events']:,} | "
            + ("pass" if not r["problems"] else "**FAIL**: " + "; ".join(r["problems"])[:400])
            + " |")
    lines += ["", "Latency per operation over the whole measured run (p50 / p99):", "",
              "| Operation | " + " | ".join(r["backend"] for r in results if "ops" in r) + " |",
              "| --- |" + " ---: |" * len([r for r in results if "ops" in r])]
    ops = []
    for r in results:
        for op in r.get("ops", {}):
            if op not in ops:
                ops.append(op)
    for op in ops:
        cells = []
        for r in results:
            if "ops" not in r:
                continue
            n, p50, p99 = r["ops"].get(op, (0, None, None))
            cells.append(f"{n:,}: {ms(p50)} / {ms(p99)}" if n else "-")
        lines.append(f"| {op} | " + " | ".join(cells) + " |")
    lines.append("")
    return "\n".join(lines)


def write_section(path, text):
    """Replaces the '## Soak' section of `path` (up to the next '## ' heading), or appends it."""
    try:
        with open(path) as f:
            old = f.read()
    except OSError:
        old = ""
    kept = re.sub(r"(?ms)^## Soak.*?(?=^## |\Z)", "", old).rstrip("\n")
    with open(path, "w") as f:
        f.write((kept + "\n\n" if kept else "") + text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("vigor")
    ap.add_argument("--seconds", type=int, default=int(os.environ.get("SOAK_SECONDS", 600)))
    ap.add_argument("--warmup", type=int, default=None,
                    help="seconds of load before the measured run (default: a tenth of it, "
                         "at least 10 s, at most 60 s)")
    ap.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    ap.add_argument("--results", default=os.path.join(HERE, "RESULTS.md"))
    a = ap.parse_args()
    vigor = os.path.abspath(a.vigor)
    warmup = a.warmup if a.warmup is not None else max(10, min(60, a.seconds // 10))
    kinds = ["sqlite", "postgresql"] if a.backend == "both" else [a.backend]
    work = tempfile.mkdtemp(prefix="vigor-soak-")
    results = []
    try:
        for kind in kinds:
            results.append(soak(vigor, kind, a.seconds, warmup, work))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = section(results, vigor, short=a.seconds < 300)
    write_section(a.results, text)
    log("\n" + text)
    log(f"soak: wrote {a.results}")
    failed = [r["backend"] for r in results if r["problems"]]
    if failed:
        log(f"soak: FAILED on {', '.join(failed)}")
        return 1
    log("soak: passed on " + ", ".join(kinds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
