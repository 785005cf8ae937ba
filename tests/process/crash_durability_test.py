#!/usr/bin/python3
"""Acknowledged writes survive SIGKILL, of the server and (on PostgreSQL) of the database.

Starts `vigor serve --enable-write-probe` on a temp data dir; 8 writer threads PUT unique keys
and remember every key whose 200 response arrived in full (acknowledged); after a random
0.2-1.5 s the server is SIGKILLed mid-traffic and restarted on the same data dir. Repeated
(at least --min-kills times, bounded by --budget seconds). After each restart a sample of
acknowledged keys is read back over HTTP (all of the newest ones from the killed round, plus
random older ones); after a final graceful stop the SQLite file is opened read-only with
Python's sqlite3: every acknowledged key must be in `write_probes` with its value, and
PRAGMA integrity_check must say "ok".

With --postgres-dir the server runs on a durable PostgreSQL of this test's own (started with
scripts/pg-test-server, fsync on; not the fixture's, which other tests share and which runs with
fsync off), and the rounds take turns killing: vigor (SIGKILL), the database (`pg_ctl stop -m
immediate` under load, then started again: crash recovery; vigor keeps running and must recover
by itself; a write refused meanwhile must be a 503, never a 500), or both at once. At the end the
table is read with psql and `pg_amcheck --heapallindexed` must find no corruption.
"""

import os
import random
import sqlite3
import subprocess
import sys
import threading
import time

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vigorproc as vp  # noqa: E402

WRITERS = 8
# Defaults of --kills, --min-kills, --budget per backend: a database crash costs a recovery.
ROUNDS = {"sqlite": (25, 20, 80.0), "postgresql": (15, 10, 110.0)}
# On PostgreSQL, what each round kills, in turn.
PG_KILLS = ("vigor", "database", "both")
RECOVERY_TIMEOUT = 30.0  # seconds vigor may take to serve again once the database is back


def extra_args(p):
    p.add_argument("--kills", type=int, default=None,
                   help="target number of kill rounds (default 25, on PostgreSQL 15)")
    p.add_argument("--min-kills", type=int, default=None,
                   help="fewest rounds that count as a pass (default 20, on PostgreSQL 10)")
    p.add_argument("--budget", type=float, default=None,
                   help="seconds for the kill rounds (default 80, on PostgreSQL 110)")
    p.add_argument("--seed", type=int, default=None)


class Writer(threading.Thread):
    """PUTs unique keys on one keep-alive connection until the server dies or `stop` is set."""

    def __init__(self, idx, port, round_no, stop, acked, lock, errors):
        super().__init__(daemon=True)
        self.idx = idx
        self.port = port
        self.round_no = round_no
        self.stop = stop
        self.acked = acked      # shared dict key -> value (acknowledged only)
        self.lock = lock
        self.errors = errors    # protocol-level problems (not connection loss)
        self.attempted = 0
        self.acked_here = []
        self.busy_time = 0.0
        self.refused_503 = 0

    def run(self):
        t0 = time.monotonic()
        conn = None
        n = 0
        try:
            while not self.stop.is_set() and n < 200000:
                if conn is None:
                    conn = vp.KeepAlive(self.port, timeout=15)
                key = f"r{self.round_no}-w{self.idx}-{n}"
                value = f"v{random.getrandbits(48):012x}-{key}"
                n += 1
                self.attempted += 1
                try:
                    r = conn.request("PUT", f"/diagnostics/write-probe/{key}",
                                     body=f'{{"value":"{value}"}}',
                                     headers={"Content-Type": "application/json"})
                except (OSError, vp.http.client.HTTPException):
                    # Connection refused/reset/closed: the server was killed. Stop this round.
                    break
                if r.status != 200:
                    if r.status == 503:
                        # Shutting down, or the database is gone: acceptable, not acknowledged.
                        self.refused_503 += 1
                        break
                    with self.lock:
                        self.errors.append(f"PUT {key} -> {r.status} {r.body[:200]!r}")
                    break
                body = r.json()
                if not (isinstance(body, dict) and body.get("key") == key
                        and body.get("value") == value and "updated_at" in body):
                    with self.lock:
                        self.errors.append(f"PUT {key} -> 200 with unexpected body {r.body[:200]!r}")
                    continue
                with self.lock:
                    self.acked[key] = value
                self.acked_here.append(key)
        finally:
            if conn is not None:
                conn.close()
            self.busy_time = time.monotonic() - t0


def verify_over_http(server, acked, keys):
    """GETs each key on one keep-alive connection; returns the list of problems."""
    bad = []
    conn = vp.KeepAlive(server.port, timeout=15)
    try:
        for k in keys:
            r = conn.request("GET", f"/diagnostics/write-probe/{k}")
            body = r.json()
            if r.status != 200 or not isinstance(body, dict) or body.get("value") != acked[k]:
                bad.append(f"{k}: {r.status} {r.body[:160]!r} (expected value {acked[k]!r})")
    finally:
        conn.close()
    return bad


def wait_serving_again(server, acked, timeout):
    """After the database came back under a running vigor: polls a known key until it reads
    200 (vigor reconnected by itself). Returns (seconds taken or None, last answer)."""
    key = next(iter(acked), None)
    path = f"/diagnostics/write-probe/{key}" if key else "/readyz"
    t0 = time.monotonic()
    last = None
    while time.monotonic() - t0 < timeout:
        try:
            r = server.request("GET", path, timeout=10)
            last = f"{r.status} {r.body[:120]!r}"
            if r.status == 200:
                return time.monotonic() - t0, last
        except (OSError, vp.http.client.HTTPException) as e:
            last = repr(e)
        time.sleep(0.1)
    return None, last


def check_sqlite_file(check, data_dir, acked):
    """Every acknowledged key is in the SQLite file, which passes its integrity check."""
    db_path = os.path.join(data_dir, "vigor.db")
    check.ok(os.path.exists(db_path), f"database file exists at {db_path}")
    if os.path.exists(db_path):
        try:
            db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=5)
            mode = "read-only"
        except sqlite3.Error:
            db = sqlite3.connect(db_path, timeout=5)
            mode = "read-write (read-only open failed)"
        try:
            integrity = db.execute("PRAGMA integrity_check").fetchall()
            check.ok(integrity == [("ok",)], f"PRAGMA integrity_check is ok ({mode} open)",
                     f"got {integrity[:10]}")
            cols = [r[1] for r in db.execute("PRAGMA table_info(write_probes)")]
            check.ok("key" in cols and "value" in cols,
                     "table write_probes has columns key and value", f"columns: {cols}")
            if "key" in cols and "value" in cols:
                stored = dict(db.execute("SELECT key, value FROM write_probes"))
                missing = [k for k in acked if k not in stored]
                wrong = [k for k in acked if k in stored and stored[k] != acked[k]]
                check.ok(not missing,
                         f"all {len(acked)} acknowledged keys are in write_probes",
                         f"{len(missing)} missing, e.g. {sorted(missing)[:10]}")
                check.ok(not wrong, "every acknowledged key has the value that was acknowledged",
                         f"{len(wrong)} wrong, e.g. {[(k, stored[k], acked[k]) for k in wrong[:5]]}")
                vp.log(f"  rows in write_probes: {len(stored)} "
                       f"(acknowledged {len(acked)}; the rest were in flight at a kill)")
        finally:
            db.close()


def check_postgres_table(check, pg, database, acked):
    """Every acknowledged key is in write_probes on PostgreSQL (read with psql), and
    pg_amcheck finds every table and index of the database sound."""
    stored = dict(pg.rows("SELECT key, value FROM write_probes", database))
    missing = [k for k in acked if k not in stored]
    wrong = [k for k in acked if k in stored and stored[k] != acked[k]]
    check.ok(not missing, f"all {len(acked)} acknowledged keys are in write_probes (psql)",
             f"{len(missing)} missing, e.g. {sorted(missing)[:10]}")
    check.ok(not wrong, "every acknowledged key has the value that was acknowledged",
             f"{len(wrong)} wrong, e.g. {[(k, stored[k], acked[k]) for k in wrong[:5]]}")
    vp.log(f"  rows in write_probes: {len(stored)} "
           f"(acknowledged {len(acked)}; the rest were in flight at a kill)")
    p = subprocess.run([os.path.join(vp.PG_BIN, "pg_amcheck"), "--install-missing",
                        "--heapallindexed", pg.url(database)],
                       stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
    check.ok(p.returncode == 0 and not p.stdout.strip(),
             "pg_amcheck --heapallindexed finds no corruption",
             f"exit {p.returncode}: {(p.stdout + p.stderr)[-1500:]}")


def main():
    args = vp.base_args(__doc__, extra_args)
    backend = "postgresql" if args.postgres else "sqlite"
    kills_wanted, min_kills, budget = (
        given if given is not None else default
        for given, default in zip((args.kills, args.min_kills, args.budget), ROUNDS[backend]))
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    check = vp.Check("crash_durability_test")
    vp.log(f"crash_durability_test on {backend}: seed={seed} (rerun with --seed {seed})")
    tmp = vp.TempDir("vigor-crash-", shared=True)
    data_dir = os.path.join(tmp.path, "data")
    os.makedirs(data_dir)
    pg = None
    acked = {}
    lock = threading.Lock()
    errors = []
    kills = 0
    kinds = {}
    writer_seconds = 0.0
    lost_total = []
    server = None
    try:
        if args.postgres:
            # Durable (fsync on) and ours to kill: the fixture's server is neither.
            pg = vp.Postgres.start_new(os.path.join(tmp.path, "pg"))
            vp.log(f"own durable PostgreSQL at {pg.admin_url}")
        server = vp.Server(args.vigor, data_dir, tmp.path, args=["--enable-write-probe"],
                           name="crash", postgres=pg)
        t_begin = time.monotonic()
        server.start()
        vp.log(f"server pid {server.pid} on port {server.port}; data dir {data_dir}")
        round_no = 0
        while kills < kills_wanted and time.monotonic() - t_begin < budget:
            round_no += 1
            kill = PG_KILLS[(round_no - 1) % len(PG_KILLS)] if pg else "vigor"
            stop = threading.Event()
            writers = [Writer(i, server.port, round_no, stop, acked, lock, errors)
                       for i in range(WRITERS)]
            for w in writers:
                w.start()
            delay = rng.uniform(0.2, 1.5)
            time.sleep(delay)
            # Mid-traffic. With "both", vigor dies first: it cannot answer anything after the
            # database is gone.
            if kill in ("vigor", "both"):
                server.kill()  # SIGKILL by pid
            if kill in ("database", "both"):
                pg.stop("immediate")  # the postmaster quits without a checkpoint: a crash
            kills += 1
            kinds[kill] = kinds.get(kill, 0) + 1
            stop.set()
            for w in writers:
                w.join(timeout=20)
            stuck = [w.idx for w in writers if w.is_alive()]
            if stuck:
                check.fail(f"round {round_no}: writer threads {stuck} still blocked 20 s after kill")
                break
            writer_seconds += max(w.busy_time for w in writers)
            round_acked = [k for w in writers for k in w.acked_here]
            attempted = sum(w.attempted for w in writers)
            refused = sum(w.refused_503 for w in writers)

            recovered = ""
            if kill in ("database", "both"):
                pg.start()  # crash recovery replays the WAL
            if kill in ("vigor", "both"):
                server.start()  # same data dir and database; waits for /readyz
            else:
                took, last = wait_serving_again(server, acked, RECOVERY_TIMEOUT)
                if not check.ok(took is not None,
                                f"round {round_no}: vigor serves again by itself within "
                                f"{RECOVERY_TIMEOUT:.0f} s of the database's restart",
                                f"last answer: {last}; alive={server.alive()}; "
                                f"stderr: {server.stderr_text(1500)}"):
                    break
                recovered = f", vigor recovered in {took:.2f}s"
            # All the newest acknowledged keys of each writer (the ones closest to the kill)
            # plus a random sample of everything acknowledged so far.
            newest = [k for w in writers for k in w.acked_here[-25:]]
            older = rng.sample(sorted(acked), min(40, len(acked)))
            sample = list(dict.fromkeys(newest + older))
            lost = verify_over_http(server, acked, sample)
            lost_total += lost
            vp.log(f"round {round_no:2d}: ran {delay:.2f}s, attempted {attempted}, "
                   f"acknowledged {len(round_acked)}, 503 {refused}, killed {kill} "
                   f"(#{kills}), restarted{recovered}, GET-checked {len(sample)} keys: "
                   f"{'ok' if not lost else f'{len(lost)} MISSING'}")
            if lost:
                break
            if errors:
                break
        elapsed = time.monotonic() - t_begin

        check.ok(not errors, "every PUT answered 200 with the key and value it was sent, or 503 "
                 "(never a 500) when the server or the database went away",
                 "\n        ".join(errors[:10]))
        check.ok(not lost_total, "acknowledged keys sampled over HTTP after each restart are present",
                 f"{len(lost_total)} missing after the last restart, e.g.:\n        "
                 + "\n        ".join(x[:200] for x in lost_total[:5]))
        if not lost_total and not errors:  # otherwise the rounds stopped early on purpose
            check.ok(kills >= min_kills, f"at least {min_kills} kill rounds",
                     f"only {kills} rounds in {elapsed:.1f}s")
            if pg:
                check.ok(kinds.get("database", 0) + kinds.get("both", 0) >= min_kills // 2,
                         f"the database was killed in at least {min_kills // 2} of them",
                         f"rounds by kind: {kinds}")
        check.ok(len(acked) >= 50, "at least 50 acknowledged writes overall",
                 f"only {len(acked)}")

        # Final: stop gracefully, then check every acknowledged key in the database itself.
        code = server.stop(timeout=20)
        check.ok(code == 0, "final SIGTERM stop exits 0", f"exit code {code}")

        if pg:
            check_postgres_table(check, pg, server.database, acked)
        else:
            check_sqlite_file(check, data_dir, acked)

        rate = len(acked) / writer_seconds if writer_seconds > 0 else 0.0
        vp.log(f"\ntotals: {len(acked)} acknowledged writes, {kills} kills {kinds}, "
               f"{rate:.0f} acknowledged writes/s while writing ({WRITERS} writers), "
               f"{elapsed:.1f}s of rounds")
    except vp.TestFailure as e:
        check.fail("server lifecycle", str(e))
    finally:
        if server:
            server.kill()
        if pg:
            pg.cleanup()  # stops our PostgreSQL before its folder goes
        tmp.cleanup()
    return check.finish()


if __name__ == "__main__":
    sys.exit(main())
