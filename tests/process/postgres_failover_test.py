#!/usr/bin/python3
"""A primary and a streaming replica: replica reads see one's own writes; the primary fails and
the replica is promoted under load: vigor finds it by itself, nothing acknowledged is lost.

PostgreSQL only (--postgres-dir, though it starts servers of its own, since it kills them): a
durable primary (scripts/pg-test-server) and a streaming replica cloned from it with
`pg_basebackup -R`. One `vigor serve --enable-write-probe` with
  --database postgresql://postgres@127.0.0.1:PRIMARY,127.0.0.1:REPLICA/DB   (multi-host, libpq
      connects to whichever takes writes) and
  --database-replica postgresql://postgres@127.0.0.1:REPLICA/DB?target_session_attrs=standby.
The write probe's GET reads through Database::ReadOnReplica, as the feed does. Checks:
  1. read-your-writes: 200 times a PUT, then at once a GET of the same key: every GET returns the
     value just written, and the replica served most of them (vigor_db_replica_reads_total), so
     the loop did test the replica path and not only the primary;
  2. with the replica stopped, the same loop still succeeds every time: reads fall back to the
     primary (vigor_db_replica_fallbacks_total grows, the replica count does not);
  3. failover: the replica is started again and made synchronous (synchronous_standby_names, so
     a commit is acknowledged only once the replica has it); under a steady load of writers and
     readers the primary is killed (`pg_ctl stop -m immediate`) and, OUTAGE seconds later, the
     replica promoted (`pg_ctl promote`). Every answer is 200 or a 503 problem with Retry-After
     (never a 500 or a dropped connection); requests in the gap get 503; within RECOVERY seconds
     of the promotion requests succeed again and keep succeeding, with the same vigor process;
     every acknowledged write is on the promoted server with its value (psql).
About 20 s.
"""

import os
import re
import subprocess
import sys
import threading
import time

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vigorproc as vp  # noqa: E402
from postgres_restart_test import Load, judge, summarize  # noqa: E402

ROUNDS = 200      # PUT-then-GET pairs through the replica path
FALLBACK_ROUNDS = 50
WRITERS = 4
READERS = 2
BEFORE = 2.0      # seconds of load before the primary is killed
OUTAGE = 1.5      # seconds between the kill and the promotion
RECOVERY = 5.0    # seconds after the promotion by which every request succeeds again
STEADY = 3.0      # seconds of load after RECOVERY
PROBE = "/diagnostics/write-probe"
JSON_CT = {"Content-Type": "application/json"}


def as_postgres(cmd):
    return (["runuser", "-u", "postgres", "--"] + cmd) if os.getuid() == 0 else cmd


def run(cmd, what, timeout=60):
    p = subprocess.run(as_postgres(cmd), stdin=subprocess.DEVNULL, capture_output=True, text=True,
                       timeout=timeout)
    if p.returncode != 0:
        raise vp.TestFailure(f"{what} failed ({p.returncode}): {(p.stdout + p.stderr)[-1500:]}")
    return p.stdout


def port_of(url):
    return int(re.search(r":(\d+)/", url).group(1))


def make_replica(primary, server_dir):
    """A streaming replica of `primary` in server_dir, laid out like scripts/pg-test-server's
    (pg/, run/, url) so that vp.Postgres can stop, start and remove it."""
    pg_dir = os.path.join(server_dir, "pg")
    run_dir = os.path.join(server_dir, "run")
    for d, mode in ((server_dir, 0o755), (pg_dir, 0o700), (run_dir, 0o755)):
        os.makedirs(d, exist_ok=True)
        os.chmod(d, mode)
        if os.getuid() == 0:
            subprocess.run(["chown", "postgres:postgres", d], check=True)
    run([os.path.join(vp.PG_BIN, "pg_basebackup"), "-h", "127.0.0.1", "-p",
         str(port_of(primary.admin_url)), "-U", "postgres", "-D", pg_dir, "-R", "-X", "stream",
         "-c", "fast", "-N"], "pg_basebackup")
    port = vp.free_ports(1)[0]
    run([os.path.join(vp.PG_BIN, "pg_ctl"), "-D", pg_dir, "-o",
         f"-p {port} -k {run_dir} -c listen_addresses=127.0.0.1 -c max_connections=300",
         "-l", os.path.join(run_dir, "pg.log"), "-w", "-t", "30", "start"], "starting the replica")
    with open(os.path.join(server_dir, "url"), "w") as f:
        f.write(f"postgresql://postgres@127.0.0.1:{port}/postgres\n")
    return vp.Postgres(server_dir, template=None, owned=True)


def wait_streaming(primary, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if primary.psql("SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")\
                .strip() == "1":
            return
        time.sleep(0.1)
    raise vp.TestFailure("the replica did not start streaming within 20 s")


def metric(srv, name):
    r = srv.request("GET", "/metrics")
    if r.status != 200:
        raise vp.TestFailure(f"GET /metrics -> {r.status}")
    m = re.search(rf"^{name} ([0-9.e+]+)$", r.body.decode(), re.M)
    if not m:
        raise vp.TestFailure(f"no {name} in /metrics")
    return float(m.group(1))


def write_then_read(conn, key, value):
    """'' when a PUT of key=value and the GET right after it both succeed with that value."""
    r = conn.request("PUT", f"{PROBE}/{key}", body=f'{{"value":"{value}"}}', headers=JSON_CT)
    if r.status != 200:
        return f"PUT {key}: HTTP {r.status} {r.body[:200]!r}"
    r = conn.request("GET", f"{PROBE}/{key}")
    if r.status != 200:
        return f"GET {key}: HTTP {r.status} {r.body[:200]!r}"
    got = r.json().get("value")
    return "" if got == value else f"GET {key} right after writing {value!r} read {got!r}"


def main():
    args = vp.base_args(__doc__)
    check = vp.Check("postgres_failover_test")
    if not args.postgres:
        vp.log("postgres_failover_test runs a primary and a replica: give --postgres-dir")
        return 2
    tmp = vp.TempDir("vigor-pgfailover-", shared=True)
    data_dir = os.path.join(tmp.path, "data")
    os.makedirs(data_dir)
    primary = replica = srv = None
    threads = []
    stop = threading.Event()
    try:
        primary = vp.Postgres.start_new(os.path.join(tmp.path, "primary"))
        database = primary.create_database(empty=True)
        replica = make_replica(primary, os.path.join(tmp.path, "replica"))
        wait_streaming(primary)
        p1, p2 = port_of(primary.admin_url), port_of(replica.admin_url)
        cluster = f"postgresql://postgres@127.0.0.1:{p1},127.0.0.1:{p2}/{database}"
        replica_url = (f"postgresql://postgres@127.0.0.1:{p2}/{database}"
                       "?target_session_attrs=standby")
        vp.log(f"primary on {p1}, streaming replica on {p2}")
        srv = vp.Server(args.vigor, data_dir, tmp.path, name="pgfailover", postgres=None,
                        args=["--enable-write-probe", "--database", cluster,
                              "--database-replica", replica_url, "--db-connections", "8"])
        srv.start()
        pid = srv.pid

        # 1. Read-your-writes through the replica path.
        conn = vp.KeepAlive(srv.port, timeout=15)
        bad = [p for p in (write_then_read(conn, f"ryw-{i}", f"v{i}-{os.urandom(4).hex()}")
                           for i in range(ROUNDS)) if p]
        replica_reads = metric(srv, "vigor_db_replica_reads_total")
        fallbacks = metric(srv, "vigor_db_replica_fallbacks_total")
        check.ok(not bad, f"{ROUNDS} times a write, then at once a read: the read sees the write",
                 f"{len(bad)} did not, e.g. {bad[:5]}")
        check.ok(replica_reads >= ROUNDS // 2,
                 f"the replica served most of those reads ({replica_reads:.0f} of {ROUNDS}, "
                 f"{fallbacks:.0f} went to the primary)",
                 f"only {replica_reads:.0f}; vigor stderr: {srv.stderr_text(1000)}")

        # 2. Replica down: reads fall back to the primary, without an error.
        replica.stop("fast")
        bad = [p for p in (write_then_read(conn, f"down-{i}", f"d{i}") for i in
                           range(FALLBACK_ROUNDS)) if p]
        check.ok(not bad, f"with the replica stopped, {FALLBACK_ROUNDS} writes and reads succeed",
                 f"{len(bad)} did not, e.g. {bad[:5]}")
        after = metric(srv, "vigor_db_replica_fallbacks_total")
        check.ok(after - fallbacks >= FALLBACK_ROUNDS and
                 metric(srv, "vigor_db_replica_reads_total") == replica_reads,
                 "those reads went to the primary (fallbacks counted, no replica read)",
                 f"fallbacks {fallbacks:.0f} -> {after:.0f}")
        conn.close()

        # 3. Failover under load. The replica becomes synchronous first: a commit is then
        # acknowledged only once the replica has it, so the promotion loses nothing.
        replica.start()
        wait_streaming(primary)
        primary.psql("ALTER SYSTEM SET synchronous_standby_names = '*'")
        primary.psql("SELECT pg_reload_conf()")
        deadline = time.monotonic() + 10
        while primary.psql("SELECT sync_state FROM pg_stat_replication").strip() != "sync":
            if time.monotonic() > deadline:
                raise vp.TestFailure("the replica did not become synchronous")
            time.sleep(0.1)

        acked = {}
        lock = threading.Lock()
        threads = ([Load("write", i, srv.port, stop, acked, lock, i) for i in range(WRITERS)]
                   + [Load("read", i, srv.port, stop, acked, lock, 100 + i) for i in range(READERS)])
        t0 = time.monotonic()
        for t in threads:
            t.start()
        time.sleep(BEFORE)
        down = time.monotonic()
        primary.stop("immediate")
        time.sleep(OUTAGE)
        run([os.path.join(vp.PG_BIN, "pg_ctl"), "-D", os.path.join(replica.server_dir, "pg"),
             "promote", "-w", "-t", "30"], "pg_ctl promote")
        up = time.monotonic()
        vp.log(f"  primary killed at +{down - t0:.2f}s, replica promoted at +{up - t0:.2f}s")
        time.sleep(RECOVERY + STEADY)
        stop.set()
        for t in threads:
            t.join(timeout=30)
        end = time.monotonic()
        answers = sorted((a for t in threads for a in t.answers), key=lambda a: a.sent)
        vp.log(f"  {len(answers)} requests in {end - t0:.1f}s ({summarize(answers)}); "
               f"{len(acked)} writes acknowledged")

        problems = [a.problem for a in answers if a.problem]
        check.ok(not problems, "every answer is 200 or a 503 problem with Retry-After; no 500, "
                 "no dropped connection",
                 f"{len(problems)} bad, e.g.:\n        " + "\n        ".join(problems[:8]))
        before = [a for a in answers if a.done < down]
        check.ok(before and all(a.status == 200 for a in before),
                 f"before the failover every request succeeds ({len(before)})", summarize(before))
        gap = [a for a in answers if a.sent >= down and a.done <= up]
        check.ok(any(a.status == 503 for a in gap),
                 "requests between the kill and the promotion are answered 503",
                 summarize(gap))
        ok_after = [a for a in answers if a.sent >= up and a.status == 200]
        recovered = ok_after[0].done - up if ok_after else None
        check.ok(recovered is not None and recovered <= RECOVERY,
                 f"a request succeeds within {RECOVERY:.0f}s of the promotion (after "
                 f"{recovered if recovered is None else round(recovered, 2)}s), without "
                 "restarting vigor", summarize([a for a in answers if a.sent >= up]))
        steady = [a for a in answers if a.sent >= up + RECOVERY]
        check.ok(len(steady) >= 20 and all(a.status == 200 for a in steady),
                 f"from {RECOVERY:.0f}s after the promotion on, every request succeeds "
                 f"({len(steady)})", summarize(steady))
        outage = [a for a in answers if a.sent >= down and a.status != 200]
        if outage:
            vp.log(f"  outage seen by clients: {outage[-1].done - down:.2f}s from the kill "
                   f"({len(outage)} requests answered 503)")
        check.ok(srv.alive() and srv.pid == pid, "vigor kept running throughout (same process)",
                 f"stderr: {srv.stderr_text(1500)}")
        writes_after = [a for a in answers if a.kind == "write" and a.sent >= up + RECOVERY]
        check.ok(writes_after and all(a.status == 200 for a in writes_after),
                 f"writes land on the promoted server ({len(writes_after)} after recovery)",
                 summarize(writes_after))

        code = srv.stop(timeout=20)
        check.ok(code == 0, "vigor stops with exit 0 on SIGTERM", f"exit code {code}")
        stored = dict(replica.rows("SELECT key, value FROM write_probes", database))
        missing = [k for k in acked if k not in stored]
        wrong = [k for k in acked if k in stored and stored[k] != acked[k]]
        check.ok(len(acked) >= 50 and not missing and not wrong,
                 f"all {len(acked)} acknowledged writes are on the promoted server with their "
                 f"values (psql)", f"{len(missing)} missing (e.g. {sorted(missing)[:8]}), "
                 f"{len(wrong)} with another value (e.g. {wrong[:5]})")
    except vp.TestFailure as e:
        check.fail("test aborted", f"{e}\nvigor stderr: {srv.stderr_text(1500) if srv else ''}\n"
                   f"primary log: {primary.log_tail(1000) if primary else ''}\n"
                   f"replica log: {replica.log_tail(1000) if replica else ''}")
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=20)
        if srv:
            srv.kill()
        for pg in (replica, primary):
            if pg:
                pg.cleanup()
        tmp.cleanup()
    return check.finish()


if __name__ == "__main__":
    sys.exit(main())
