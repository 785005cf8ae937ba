#!/usr/bin/python3
"""The cluster test (issue 17): three `vigor serve` behind nginx on a Patroni-managed PostgreSQL
of three nodes (tests/cluster/cluster.py), things killed under load.

  cluster_test.py --vigor build/release/vigor [--short] [--keep]

Checks, each printed as one PASS/FAIL line, with the figures:
  1. a mixed load through nginx (client threads: sign-in, sign-up, workouts created with an
     Idempotency-Key and half of them with a client id, listed, /me read), bounded in time;
     one instance is killed with SIGKILL mid-load: every client operation still succeeds
     (retried with the same Idempotency-Key), and every acknowledged workout is listed afterwards
     exactly once;
  2. the same load while the PostgreSQL primary (its Patroni and its postmaster) is killed with
     SIGKILL: Patroni promotes the synchronous standby, the instances (the same processes) find
     it by themselves; the outage the clients saw (first failure to first success after it), the
     lost writes (0) and the duplicates (0) are printed;
  3. read-your-writes through nginx (replica reads on when vigor has --database-replica): a
     workout written is read back at once, many times, on a fresh connection each time;
  4. a notification caused through one instance reaches an SSE client connected to another
     (the delay is printed);
  5. a job done exactly once when its instance dies mid-job (a CSV import of many workouts:
     its instance killed, another finishes it, each workout imported once). Needs vigor's
     --job-lease-seconds (the built-in lease is 10 minutes): without it, NOT CHECKED.
"NOT CHECKED: why" when the machine lacks something. Exit code 0 when every check passed.
"""

import argparse
import json
import os
import select
import shutil
import socket
import sys
import threading
import time
import uuid

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cluster as cl  # noqa: E402
import vigorproc as vp  # noqa: E402
from cluster_load import (Client, create_users, judge_load, list_titles, log,  # noqa: E402
                          outage, pct, run_load, verify_writes)


def check_instance_kill(check, cluster, users, seconds):
    log(f"- kill -9 one vigor instance mid-load ({len(users)} clients, {seconds} s)")
    victim = cluster.instances[1]

    def fault():
        log(f"  killing {victim.name} (pid {victim.proc.pid})")
        cluster.kill_instance(victim)

    before = cluster.upstream_counts()
    loaders, t_fault, t0, t1 = run_load(cluster, users, seconds, "Kill vigor",
                                        fault_at=seconds / 3, fault=fault)
    after = cluster.upstream_counts()
    taken = {n: after[n] - before[n] for n in after}
    log(f"  requests nginx passed to each instance: {taken}")
    check.ok(all(v > 0 for v in taken.values()),
             "instance killed: nginx spread the load over the three instances", str(taken))
    attempts = judge_load(check, loaders, "instance killed")
    f0, f1, gap = outage(attempts, t_fault)
    if f0 is None:
        log("  no client saw a failure (nginx passed every request on)")
    else:
        log(f"  clients saw failures for {gap:.2f} s" if gap is not None else
            "  clients saw failures and no success after them")
    verify_writes(check, loaders, "instance killed")
    t = time.monotonic()
    cluster.start_instance(victim)
    log(f"  {victim.name} restarted, ready in {time.monotonic() - t:.1f} s")


def check_primary_kill(check, cluster, users, seconds):
    log(f"- kill -9 the PostgreSQL primary mid-load ({len(users)} clients)")
    old = cluster.leader()
    if old is None:
        check.fail("primary kill: a primary before the kill")
        return
    sync = cluster.sync_standby()
    vigor_pids = {i.name: i.proc.pid for i in cluster.instances}
    state = {"new": None, "promoted_at": None}

    def watch():
        # When Patroni's REST API first names another member primary (polled every 0.2 s).
        end = time.monotonic() + 90
        while time.monotonic() < end and state["new"] is None:
            m = cluster.leader()
            if m is not None and m is not old:
                state["new"], state["promoted_at"] = m, time.monotonic()
                return
            time.sleep(0.2)

    def fault():
        pm = cluster.kill_member(old)
        threading.Thread(target=watch, daemon=True).start()
        log(f"  killed {old.name} (Patroni pid {old.proc.pid}, postmaster {pm}); synchronous "
            f"standby was {sync}")

    def recovered():
        # Load goes on until the new primary is there and some time has passed with it.
        return state["new"] is not None and time.monotonic() - state["promoted_at"] > 3

    loaders, t_fault, t0, t1 = run_load(cluster, users, seconds, "Kill primary",
                                        fault_at=min(4.0, seconds / 3), fault=fault,
                                        until=recovered)
    new = state["new"]
    check.ok(new is not None and new is not old,
             "primary kill: Patroni promoted another member",
             f"leader now {cluster.leader() and cluster.leader().name}")
    if new is not None:
        log(f"  {new.name} is primary {state['promoted_at'] - t_fault:.1f} s after the kill "
            f"(the synchronous standby was {sync})")
        check.ok(new.name == sync, "primary kill: the synchronous standby was promoted",
                 f"promoted {new.name}, synchronous standby was {sync}")
    attempts = judge_load(check, loaders, "primary killed")
    f0, f1, gap = outage(attempts, t_fault)
    w0, w1, wgap = outage(attempts, t_fault, ops=("create",))
    if f0 is not None:
        log(f"  OUTAGE seen by clients: {gap:.1f} s (first failure {f0 - t_fault:.1f} s after "
            f"the kill to the first success after it); for writes {wgap:.1f} s"
            if gap is not None and wgap is not None else "  no success after the first failure")
    else:
        log("  OUTAGE seen by clients: none")
    check.ok(gap is not None and gap < 45,
             "primary kill: requests succeed again after the failover (outage under 45 s)",
             f"outage {gap}")
    same = all(i.proc.alive() and i.proc.pid == vigor_pids[i.name] for i in cluster.instances)
    check.ok(same, "primary kill: the instances reconnected by themselves (same processes)",
             str({i.name: i.proc.alive() for i in cluster.instances}))
    acked, lost, dups = verify_writes(check, loaders, "primary killed")
    log(f"  LOST WRITES: {lost}; DUPLICATES: {dups}")
    t = time.monotonic()
    cluster.restart_member(old)
    try:
        cluster.wait_replication(60)
        log(f"  {old.name} rejoined as a replica in {time.monotonic() - t:.1f} s")
    except vp.TestFailure as e:
        check.fail("primary kill: the killed member rejoins as a replica", str(e)[:1500])


def check_read_your_writes(check, cluster, user, rounds):
    replica = cluster.features.get("replica")
    log(f"- read-your-writes through nginx ({rounds} rounds, replica reads "
        f"{'on' if replica else 'off'})")
    c = Client(cluster.nginx_port, user, "10.19.0.1")
    if not c.sign_in():
        check.fail("read-your-writes: sign-in")
        return
    # nginx hands the client's address on (X-Forwarded-For) and vigor trusts it from nginx.
    r = c.call("sessions", "GET", "/api/v1/me/sessions")
    current = [s for s in ((r.json() or {}).get("items", []) if r is not None else [])
               if s.get("current")]
    check.ok(len(current) == 1 and current[0].get("ip") == c.xff,
             "the client's address reaches vigor through nginx (the session's ip)",
             f"sent {c.xff}, session {current}")
    misses = []
    delays = []
    feed_misses = []
    first = int(time.time()) - rounds - 60
    for n in range(rounds):
        title = f"RYW {n}"
        # Each newer than the last, so that it heads the user's feed.
        r = c.call("create", "POST", "/api/v1/workouts",
                   {"title": title, "visibility": "public", "started_at": time.strftime(
                       "%Y-%m-%dT%H:%M:%SZ", time.gmtime(first + n))},
                   headers={"Idempotency-Key": str(uuid.uuid4())}, ok=(201,), fresh=True)
        if r is None or r.status != 201:
            misses.append(f"{title}: create {r and r.status}")
            continue
        wid = r.json()["id"]
        t = time.monotonic()
        # A fresh connection: nginx may pick any instance, and the replicas may lag.
        g = c.once("GET", f"/api/v1/workouts/{wid}", fresh=True)
        delays.append(time.monotonic() - t)
        if g is None or g.status != 200 or (g.json() or {}).get("title") != title:
            misses.append(f"{title}: read back {g and g.status} {(g.body[:120] if g else b'')!r}")
        # The feed (the user's own items too) is a read the replica serves when there is one.
        f = c.once("GET", "/api/v1/feed?limit=5", fresh=True)
        items = (f.json() or {}).get("items", []) if f is not None and f.status == 200 else []
        if not any(i.get("workout_id") == wid for i in items):
            feed_misses.append(f"{title}: not in the feed read at once "
                               f"({f and f.status} {(f.body[:160] if f else b'')!r})")
    c.close()
    check.ok(not misses, f"read-your-writes: {rounds} writes read back at once through nginx",
             "; ".join(misses[:5]))
    check.ok(not feed_misses,
             f"read-your-writes: {rounds} writes in the writer's feed at once through nginx",
             f"{len(feed_misses)} missing: " + "; ".join(feed_misses[:3]))
    if replica:
        # Reads a while after the last write: the replicas have replayed it by then.
        time.sleep(1.0)
        for _ in range(10):
            c.once("GET", "/api/v1/feed?limit=5", fresh=True)
        c.close()
        served = cluster.metric_sum("vigor_db_replica_reads_total")
        fallbacks = cluster.metric_sum("vigor_db_replica_fallbacks_total")
        log(f"  reads the replicas served over the instances: {served} "
            f"(vigor_db_replica_reads_total), sent to the primary instead: {fallbacks} "
            f"(vigor_db_replica_fallbacks_total)")
        check.ok(served is not None and served > 0,
                 "read-your-writes: replica reads on, and the replicas served some reads",
                 f"vigor_db_replica_reads_total {served}, fallbacks {fallbacks}")
    if not replica:
        log("NOT CHECKED: read-your-writes with replica reads (this vigor has no "
            "--database-replica: every read went to the primary)")


def open_stream(port, cookies, timeout=10):
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    sock.sendall((f"GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  f"Accept: text/event-stream\r\nCookie: {cookies}\r\n\r\n").encode())
    data = b""
    end = time.monotonic() + timeout
    while b"\r\n\r\n" not in data and time.monotonic() < end:
        r, _, _ = select.select([sock], [], [], 0.5)
        if r:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    head = data.partition(b"\r\n\r\n")[0]
    if not head.startswith(b"HTTP/1.1 200"):
        sock.close()
        raise vp.TestFailure(f"event stream: {data[:300]!r}")
    return sock


def follow_and_wait(sock, follower, target):
    """`follower` follows `target`; returns the seconds until the stream `sock` carried a
    `notification` event, or a string saying what went wrong."""
    t = time.monotonic()
    r = follower.call("follow", "PUT", f"/api/v1/users/{target}/follow")
    if r is None or r.status != 200:
        return f"{follower.username}: follow {r and r.status} {(r.body[:200] if r else b'')!r}"
    seen = b""
    end = t + 15
    while time.monotonic() < end:
        rd, _, _ = select.select([sock], [], [], 0.2)
        if rd:
            chunk = sock.recv(65536)
            if not chunk:
                return f"{follower.username}: the stream ended ({seen[-300:]!r})"
            seen += chunk
            if b"event: notification" in seen:
                return time.monotonic() - t
    return f"{follower.username}: no notification event within 15 s ({seen[-300:]!r})"


def check_sse_across(check, cluster, target, followers):
    """The target's stream on instance B, then through nginx; the followers act on instance A
    (all but the last with B's stream, the last with nginx's)."""
    a, b = cluster.instances[0], cluster.instances[2]
    log(f"- a notification caused through {a.name} reaches an SSE client on {b.name} "
        f"(and one through nginx)")
    y = Client(b.port, target, "10.20.0.1")
    if not y.sign_in():
        check.fail("SSE across instances: sign-in on instance B")
        return
    results = {"direct": ([], []), "nginx": ([], [])}
    for where, port, names in (("direct", b.port, followers[:-1]),
                               ("nginx", cluster.nginx_port, followers[-1:])):
        delays, misses = results[where]
        sock = open_stream(port, y.cookie_header())
        try:
            for i, name in enumerate(names):
                x = Client(a.port, name, f"10.20.1.{len(followers) + i + 1}")
                if not x.sign_in():
                    misses.append(f"{name}: sign-in")
                    continue
                got = follow_and_wait(sock, x, target)
                (delays if isinstance(got, float) else misses).append(got)
                x.close()
        finally:
            sock.close()
    delays, misses = results["direct"]
    if delays:
        log(f"  delay from sending the follow to the event: median "
            f"{pct(delays, 50) * 1000:.0f} ms, max {max(delays) * 1000:.0f} ms "
            f"({len(delays)} events)")
    check.ok(not misses and len(delays) == len(followers) - 1,
             f"SSE across instances: {len(followers) - 1} notifications reached the stream on "
             f"another instance", "; ".join(misses[:5]))
    delays, misses = results["nginx"]
    if delays:
        log(f"  through nginx: {delays[0] * 1000:.0f} ms")
    check.ok(not misses and len(delays) == 1,
             "SSE through nginx: the event passed through unbuffered", "; ".join(misses[:5]))


def strong_csv(workouts, label="Imported", first_hour=0):
    """`workouts` workouts titled "LABEL 0".. an hour apart from `first_hour` on."""
    rows = ["Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
            "Notes,Workout Notes,RPE"]
    for w in range(workouts):
        day = time.strftime("%Y-%m-%d %H:%M:%S",
                            time.gmtime(1_500_000_000 + (first_hour + w) * 3_600))
        rows += [f'{day},"{label} {w}",45m,"Squat (Barbell)",{s},{80 + s * 2.5},5,0,0,,,8'
                 for s in range(1, 4)]
    return ("\r\n".join(rows) + "\r\n").encode()


def cpu_ticks(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, IndexError, ValueError):
        return 0


def socket_owner(cluster, local_port):
    """The instance holding the TCP connection whose local port is `local_port`, or None."""
    inodes = set()
    with open("/proc/net/tcp") as f:
        for line in f.readlines()[1:]:
            fields = line.split()
            if int(fields[1].split(":")[1], 16) == local_port:
                inodes.add(fields[9])
    for inst in cluster.instances:
        try:
            fds = os.listdir(f"/proc/{inst.proc.pid}/fd")
        except OSError:
            continue
        for fd in fds:
            try:
                target = os.readlink(f"/proc/{inst.proc.pid}/fd/{fd}")
            except OSError:
                continue
            if target.startswith("socket:[") and target[8:-1] in inodes:
                return inst
    return None


def job_runner(cluster):
    """(instance, how it was found) running the job. With the load over, the connections busy
    in a statement or a transaction are mostly the import's: sampled 12 times, the instance
    owning most of them runs it; when that says nothing, the instance using the most CPU."""
    hits = {}
    for _ in range(12):
        try:
            ports = cluster.psql("SELECT client_port FROM pg_stat_activity WHERE datname = "
                                 "'vigor' AND pid <> pg_backend_pid() AND state IN ('active', "
                                 "'idle in transaction')", database="vigor").split()
        except vp.TestFailure:
            ports = []
        for p in ports:
            inst = socket_owner(cluster, int(p)) if p.strip().isdigit() else None
            if inst is not None:
                hits[inst.name] = hits.get(inst.name, 0) + 1
        time.sleep(0.05)
    if hits:
        name = max(hits, key=hits.get)
        if hits[name] >= 3 and all(v * 2 < hits[name] for n, v in hits.items() if n != name):
            inst = next(i for i in cluster.instances if i.name == name)
            return inst, f"busy database connections per instance {hits}"
    before = {i.name: cpu_ticks(i.proc.pid) for i in cluster.instances}
    time.sleep(0.5)
    used = {i.name: cpu_ticks(i.proc.pid) - before[i.name] for i in cluster.instances}
    return (max(cluster.instances, key=lambda i: used[i.name]),
            f"busy connections {hits} said nothing; CPU ticks {used}")


def start_and_kill_runner(cluster, c, csv):
    """Starts an import of `csv` and kills the instance running it once it has made some
    progress. Returns (the instance killed or None, the job's id or None, its last state)."""
    r = c.call("import", "POST", "/api/v1/imports?format=strong_csv", csv,
               headers={"Content-Type": "text/csv"}, ok=(202,))
    if r is None or r.status != 202:
        return None, None, {"import": repr(r)}
    job = r.json()["id"]
    # Wait until it is running with some progress but not done, then find its instance: the one
    # burning CPU (the load is over; the others idle).
    body = {}
    end = time.monotonic() + 60
    while time.monotonic() < end:
        g = c.call("poll", "GET", f"/api/v1/imports/{job}")
        body = g.json() if g is not None and g.status == 200 else {}
        if body.get("status") == "running" and (body.get("done") or 0) > 0:
            victim, how = job_runner(cluster)
            g = c.call("poll", "GET", f"/api/v1/imports/{job}")
            now = g.json() if g is not None and g.status == 200 else {}
            if now.get("status") != "running":
                return None, job, now
            log(f"  job {job} running ({now.get('done')}/{now.get('total')}); {how}: "
                f"killing {victim.name}")
            cluster.kill_instance(victim)
            return victim, job, now
        if body.get("status") in ("succeeded", "failed"):
            break
        time.sleep(0.05)
    return None, job, body


def check_job_once(check, cluster, user, workouts):
    if not cluster.features.get("job_lease"):
        log("NOT CHECKED: a job done exactly once when its instance dies (this vigor has no "
            "--job-lease-seconds; with the built-in 10-minute lease another instance would take "
            "the job over only after 10 minutes)")
        return
    log(f"- a job (a CSV import of {workouts} workouts) done exactly once when its instance dies")
    c = Client(cluster.nginx_port, user, "10.21.0.1")
    if not c.sign_in():
        check.fail("job exactly once: sign-in")
        return
    # The runner is found by sampling for about a second; a quick machine can finish the job in
    # that time. Then nothing was checked: again with a new job (its own titles), three times.
    for attempt in range(3):
        label = f"Imported{attempt}"
        victim, job, body = start_and_kill_runner(cluster, c, strong_csv(workouts, label, attempt * workouts))
        if victim is not None or job is None:
            break
        log(f"  job {job} ended before its instance could be killed ({body.get('status')}, "
            f"{body.get('done')}/{body.get('total')}): again with a new one")
    if victim is None:
        check.fail("job exactly once: caught the job mid-way", f"last state {body}")
        return
    t_kill = time.monotonic()
    final = {}
    end = time.monotonic() + 180 + cl.JOB_LEASE_SECONDS
    while time.monotonic() < end:
        g = c.call("poll", "GET", f"/api/v1/imports/{job}")
        final = g.json() if g is not None and g.status == 200 else {}
        if final.get("status") in ("succeeded", "failed"):
            break
        time.sleep(0.2)
    took = time.monotonic() - t_kill
    log(f"  job ended {final.get('status')} {took:.1f} s after the kill "
        f"(done {final.get('done')}/{final.get('total')}; result {final.get('result')})"[:600])
    # Taken over only once the lease ran out: sooner means the instance killed was not the runner.
    check.ok(took >= cl.JOB_LEASE_SECONDS - 0.5,
             "job exactly once: the instance killed was running the job (it finished only "
             "after the lease ran out)", f"finished {took:.1f} s after the kill")
    check.ok(final.get("status") == "succeeded",
             "job exactly once: another instance finished the job", str(final)[:500])
    titles = list_titles(c)
    imported = {t: ids for t, ids in titles.items() if t and t.startswith(f"{label} ")}
    twice = [t for t, ids in imported.items() if len(ids) > 1]
    missing = [f"{label} {w}" for w in range(workouts) if f"{label} {w}" not in imported]
    log(f"  {len(imported)} distinct imported workouts, {len(twice)} imported twice, "
        f"{len(missing)} missing")
    check.ok(not twice and not missing and len(imported) == workouts,
             f"job exactly once: each of the {workouts} workouts imported exactly once",
             f"twice {twice[:5]}, missing {missing[:5]}")
    c.close()
    cluster.start_instance(victim)


def summarize_logs(cluster):
    """What the instances logged as errors and warnings, by message: the failover's are
    expected (the database was away); anything else is worth a look."""
    for level in ("error", "warn"):
        counts = {}
        for inst in cluster.instances:
            try:
                with open(os.path.join(cluster.logdir, f"{inst.name}.log"), "rb") as f:
                    lines = f.read().decode("utf-8", "replace").splitlines()
            except OSError:
                continue
            for line in lines:
                if f'"level":"{level}"' not in line:
                    continue
                try:
                    msg = json.loads(line).get("msg", "?")
                except ValueError:
                    msg = line[:80]
                counts[msg] = counts.get(msg, 0) + 1
        log(f"  the instances logged at level {level}: "
            + (", ".join(f"{m!r} x{n}" for m, n in sorted(counts.items(), key=lambda kv: -kv[1]))
               or "nothing"))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--vigor", required=True)
    p.add_argument("--short", action="store_true", help="the short form run by make test")
    p.add_argument("--keep", action="store_true", help="keep the cluster's folder and logs")
    p.add_argument("--logs-to", metavar="DIR",
                   help="after a failure, copy every process's log into DIR")
    a = p.parse_args()
    cl.install_signal_handlers()
    short = a.short
    load_s = 10 if short else 40
    clients = 4 if short else 8
    check = vp.Check("cluster short" if short else "cluster")
    cluster = cl.Cluster(a.vigor, keep=a.keep)
    started = time.monotonic()
    code = 1
    try:
        try:
            cluster.start()
        except cl.NotAvailable as e:
            log(f"NOT CHECKED: the cluster test ({e})")
            return 0
        users = [f"load{i}" for i in range(clients)]
        followers = [f"fan{i}" for i in range(4 if short else 9)]
        create_users(cluster, users + ["ryw", "star", "importer"] + followers)
        check_instance_kill(check, cluster, users, load_s)
        check_primary_kill(check, cluster, users, load_s)
        check_read_your_writes(check, cluster, "ryw", 40 if short else 300)
        check_sse_across(check, cluster, "star", followers)
        check_job_once(check, cluster, "importer", 1200 if short else 2000)
        summarize_logs(cluster)
        code = check.finish()
    except vp.TestFailure as e:
        check.fail("the cluster ran", str(e)[:4000])
        code = check.finish()
    except KeyboardInterrupt:
        log("interrupted")
        code = 130
    finally:
        if check.failures and not a.keep:
            log(cluster.log_tails(1200))
        if check.failures and a.logs_to and cluster.root:
            shutil.rmtree(a.logs_to, ignore_errors=True)
            shutil.copytree(cluster.logdir, a.logs_to, dirs_exist_ok=True)
            log(f"logs copied to {a.logs_to}")
        cluster.stop()
        log(f"cluster test took {time.monotonic() - started:.0f} s")
    return code


if __name__ == "__main__":
    sys.exit(main())
