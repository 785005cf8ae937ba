#!/usr/bin/python3
"""Restarting PostgreSQL under load: 503 with Retry-After meanwhile, never a 500, nothing
acknowledged lost, and vigor recovers by itself.

PostgreSQL only (--postgres-dir): it starts a durable PostgreSQL of its own (scripts/
pg-test-server, fsync on), since it restarts it and the fixture's server is shared. One
`vigor serve --enable-write-probe` on it; for the whole run WRITERS threads PUT unique keys,
READERS threads GET acknowledged keys back, and one thread polls /readyz, each on a keep-alive
connection. Twice PostgreSQL goes away for OUTAGE seconds and comes back: first a clean restart
(`pg_ctl stop -m fast`: connections are ended), then a crash (`-m immediate`: crash recovery at
the next start). Checks:
  * every answer is 200, or 503 problem+json (with Retry-After in whole seconds, except /readyz,
    which load balancers poll anyway); no 500, no other status, no dropped connection;
  * before the first outage every answer is 200; during each outage the load gets 503s (the
    outage was real, and answered);
  * after each start requests succeed again within RECOVERY seconds, and from then on every
    answer is 200, without restarting vigor (same process throughout);
  * a reader never sees an acknowledged key missing or with another value;
  * after the run every acknowledged key is in write_probes (read with psql) with its value.
About 25 s of load.
"""

import os
import random
import re
import sys
import threading
import time

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vigorproc as vp  # noqa: E402

WRITERS = 6
READERS = 2
BEFORE = 2.0     # seconds of load before the first outage
OUTAGE = 2.0     # seconds PostgreSQL stays down
RECOVERY = 5.0   # seconds after PostgreSQL is back by which every request succeeds again
STEADY = 2.0     # seconds of load after RECOVERY, before the next outage or the end
PAUSE = 0.01     # between a thread's requests: a steady load, not a flood
PROBE = "/diagnostics/write-probe"
JSON_CT = {"Content-Type": "application/json"}


class Answer:
    """One request of the load: when it was sent and answered, and what came back."""

    def __init__(self, kind, sent, done, status, problem=""):
        self.kind = kind        # "write", "read" or "readyz"
        self.sent = sent
        self.done = done
        self.status = status    # HTTP status, or None when the connection failed
        self.problem = problem  # what was wrong with it, "" when nothing


def judge(kind, r):
    """'' when the response is one the contract allows, else what is wrong with it."""
    if r.status == 200:
        return ""
    if r.status != 503:
        return f"{kind}: HTTP {r.status} (only 200 or 503 allowed): {r.body[:200]!r}"
    ctype = (r.header("Content-Type") or "").split(";")[0].strip()
    if ctype != "application/problem+json":
        return f"{kind}: 503 with Content-Type {ctype!r}"
    body = r.json()
    if not isinstance(body, dict) or body.get("status") != 503:
        return f"{kind}: 503 whose body is not a problem with status 503: {r.body[:200]!r}"
    low = r.body.decode("utf-8", "replace").lower()
    leaks = [w for w in vp.LEAKY_WORDS + ("postgres", "libpq", "connection to server") if w in low]
    if leaks:
        return f"{kind}: 503 body leaks {leaks}: {r.body[:200]!r}"
    if kind != "readyz":
        retry = r.header("Retry-After")
        if retry is None or not re.fullmatch(r"[0-9]+", retry):
            return f"{kind}: 503 without a Retry-After in whole seconds (got {retry!r})"
    return ""


class Load(threading.Thread):
    """One thread of the steady load, until `stop` is set."""

    def __init__(self, kind, idx, port, stop, acked, lock, rng_seed):
        super().__init__(daemon=True)
        self.kind = kind
        self.idx = idx
        self.port = port
        self.stop = stop
        self.acked = acked
        self.lock = lock
        self.rng = random.Random(rng_seed)
        self.answers = []

    def one(self, conn, n):
        if self.kind == "write":
            key = f"w{self.idx}-{n}"
            value = f"v{self.rng.getrandbits(48):012x}-{key}"
            r = conn.request("PUT", f"{PROBE}/{key}", body=f'{{"value":"{value}"}}',
                             headers=JSON_CT)
            problem = judge("PUT", r)
            if r.status == 200:
                body = r.json()
                if isinstance(body, dict) and body.get("value") == value:
                    with self.lock:
                        self.acked[key] = value
                else:
                    problem = f"PUT {key}: 200 with unexpected body {r.body[:200]!r}"
            return r.status, problem
        if self.kind == "read":
            with self.lock:
                key = self.rng.choice(list(self.acked)) if self.acked else None
                value = self.acked.get(key)
            if key is None:
                r = conn.request("GET", "/healthz")
                return r.status, judge("GET /healthz", r)
            r = conn.request("GET", f"{PROBE}/{key}")
            problem = judge("GET", r)
            if r.status == 200:
                body = r.json()
                if not isinstance(body, dict) or body.get("value") != value:
                    problem = f"GET {key}: acknowledged {value!r}, read {r.body[:200]!r}"
            return r.status, problem
        r = conn.request("GET", "/readyz")
        return r.status, judge("readyz", r)

    def run(self):
        conn = None
        n = 0
        while not self.stop.is_set():
            n += 1
            sent = time.monotonic()
            try:
                if conn is None:
                    conn = vp.KeepAlive(self.port, timeout=15)
                status, problem = self.one(conn, n)
            except (OSError, vp.http.client.HTTPException) as e:
                status, problem = None, f"{self.kind}: connection failed: {e!r}"
                if conn is not None:
                    conn.close()
                conn = None
            self.answers.append(Answer(self.kind, sent, time.monotonic(), status, problem))
            time.sleep(0.2 if self.kind == "readyz" else PAUSE)
        if conn is not None:
            conn.close()


def summarize(answers):
    counts = {}
    for a in answers:
        counts[a.status] = counts.get(a.status, 0) + 1
    return ", ".join(f"{k}: {v}" for k, v in sorted(counts.items(), key=lambda kv: str(kv[0])))


def main():
    args = vp.base_args(__doc__)
    check = vp.Check("postgres_restart_test")
    if not args.postgres:
        vp.log("postgres_restart_test restarts PostgreSQL: give --postgres-dir")
        return 2
    tmp = vp.TempDir("vigor-pgrestart-", shared=True)
    data_dir = os.path.join(tmp.path, "data")
    os.makedirs(data_dir)
    pg = None
    srv = None
    threads = []
    stop = threading.Event()
    try:
        pg = vp.Postgres.start_new(os.path.join(tmp.path, "pg"))
        vp.log(f"own durable PostgreSQL at {pg.admin_url}")
        srv = vp.Server(args.vigor, data_dir, tmp.path, args=["--enable-write-probe"],
                        name="pgrestart", postgres=pg)
        srv.start()
        pid = srv.pid
        vp.log(f"server pid {pid} on port {srv.port}")
        acked = {}
        lock = threading.Lock()
        threads = ([Load("write", i, srv.port, stop, acked, lock, i) for i in range(WRITERS)]
                   + [Load("read", i, srv.port, stop, acked, lock, 100 + i) for i in range(READERS)]
                   + [Load("readyz", 0, srv.port, stop, acked, lock, 200)])
        t0 = time.monotonic()
        for t in threads:
            t.start()
        time.sleep(BEFORE)

        outages = []  # (how, went down, came back)
        for how in ("fast", "immediate"):
            down = time.monotonic()
            pg.stop(how)
            time.sleep(OUTAGE)
            pg.start()
            up = time.monotonic()
            vp.log(f"  PostgreSQL stopped -m {how} at +{down - t0:.2f}s, back at +{up - t0:.2f}s")
            outages.append((how, down, up))
            time.sleep(RECOVERY + STEADY)
        stop.set()
        for t in threads:
            t.join(timeout=30)
        stuck = [f"{t.kind}{t.idx}" for t in threads if t.is_alive()]
        check.ok(not stuck, "every load thread finished within 30 s", f"still running: {stuck}")
        end = time.monotonic()
        answers = sorted((a for t in threads for a in t.answers), key=lambda a: a.sent)
        vp.log(f"  {len(answers)} requests in {end - t0:.1f}s ({summarize(answers)}); "
               f"{len(acked)} writes acknowledged")

        problems = [a.problem for a in answers if a.problem]
        check.ok(not problems, "every answer is 200 or a 503 problem with Retry-After; no 500, "
                 "no other status, no dropped connection",
                 f"{len(problems)} bad, e.g.:\n        " + "\n        ".join(problems[:8]))
        check.ok(srv.alive() and srv.pid == pid, "vigor kept running throughout (same process)",
                 f"alive={srv.alive()}; stderr: {srv.stderr_text(1500)}")

        first_down = outages[0][1]
        before = [a for a in answers if a.done < first_down]
        check.ok(before and all(a.status == 200 for a in before),
                 f"before the first outage every request succeeds ({len(before)} requests)",
                 summarize(before))
        for i, (how, down, up) in enumerate(outages):
            label = f"outage {i + 1} (stop -m {how}, {up - down:.1f}s)"
            during = [a for a in answers if a.sent >= down and a.done <= up]
            refused = [a for a in during if a.status == 503]
            check.ok(refused, f"{label}: requests meanwhile are answered 503",
                     f"{len(during)} requests inside it: {summarize(during)}")
            after_up = [a for a in answers if a.sent >= up and a.status == 200]
            recovered = after_up[0].done - up if after_up else None
            check.ok(recovered is not None and recovered <= RECOVERY,
                     f"{label}: a request succeeds within {RECOVERY:.0f}s of PostgreSQL's start, "
                     f"without restarting vigor",
                     f"first success after {recovered}s" if recovered is not None else "none")
            if recovered is not None:
                vp.log(f"  {label}: {len(refused)} answered 503; first success {recovered:.2f}s "
                       f"after the start")
            settle = up + RECOVERY
            until = outages[i + 1][1] if i + 1 < len(outages) else end
            steady = [a for a in answers if a.sent >= settle and a.done <= until]
            check.ok(len(steady) >= 20 and all(a.status == 200 for a in steady),
                     f"{label}: from {RECOVERY:.0f}s after the start on, every request succeeds "
                     f"({len(steady)} requests)", summarize(steady))

        code = srv.stop(timeout=20)
        check.ok(code == 0, "vigor stops with exit 0 on SIGTERM", f"exit code {code}")
        stored = dict(pg.rows("SELECT key, value FROM write_probes", srv.database))
        missing = [k for k in acked if k not in stored]
        wrong = [k for k in acked if k in stored and stored[k] != acked[k]]
        check.ok(len(acked) >= 100 and not missing and not wrong,
                 f"all {len(acked)} acknowledged writes are in write_probes with their values "
                 f"(psql)", f"{len(missing)} missing (e.g. {sorted(missing)[:8]}), {len(wrong)} "
                 f"with another value (e.g. {wrong[:5]})")
    except vp.TestFailure as e:
        check.fail("test aborted", f"{e}\nvigor stderr: {srv.stderr_text(1500) if srv else ''}\n"
                   f"postgres log: {pg.log_tail(1500) if pg else ''}")
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=20)
        if srv:
            srv.kill()
        if pg:
            pg.cleanup()
        tmp.cleanup()
    return check.finish()


if __name__ == "__main__":
    sys.exit(main())
