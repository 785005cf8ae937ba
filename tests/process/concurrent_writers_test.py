#!/usr/bin/python3
"""One user's changes, written concurrently from two Vigor instances, form one sequence.

On PostgreSQL (--postgres-dir) two `vigor serve` instances run on ONE database; on SQLite one
instance serves both sides (the same test must hold there too). One user (made with `vigor user
create`) and a personal access token; then:

1. Load: THREADS threads, half of them on each instance, each writes WRITES changes of that one
   user: creating workouts and routines (POST), replacing its own with If-Match (PUT),
   recording measurements (PUT, each on a day of its own, so each leaves a row), and deleting
   some of its measurements and workouts (a tombstone, a change too). Every write must succeed.
2. Races: RACES times for workouts and for routines, one is created, then two replaces carrying
   the same (current) ETag are sent at the same moment, one to each instance: exactly one gets
   200, the other 412, and the resource then holds the winner's content at the winner's rev.
3. The revs, from the responses (workouts, routines) and from the tables' rev columns (read
   directly: psql on PostgreSQL, sqlite3 on SQLite): no two changes share a rev, no two rows
   share one across tables; each row carries the rev of its last acknowledged change; the order
   is total and follows real time (a change acknowledged before another was sent has the smaller
   rev); the user's counter (user_revisions) is not behind any of them.
"""

import datetime
import json
import os
import sqlite3
import sys
import threading
import time

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vigorproc as vp  # noqa: E402

THREADS = 8
WRITES = 42     # per thread, 7 rounds of 6 kinds of change: THREADS * WRITES = 336 changes
RACES = 20      # per kind of resource
USERNAME = "racer"
PASSWORD = "Concurrent-Writers-Passphrase-7"
JSON_CT = {"Content-Type": "application/json"}
USER_TABLES = ("workouts", "routines", "measurements", "programs", "custom_exercises")


class Change:
    """One acknowledged change: what it changed, the rev it got (None until known), and when it
    was sent and acknowledged."""

    def __init__(self, kind, key, rev, sent, done):
        self.kind, self.key, self.rev, self.sent, self.done = kind, key, rev, sent, done

    def __repr__(self):
        return f"{self.kind} {self.key} rev {self.rev}"


def cookies_of(resp, jar):
    for value in resp.header_all("Set-Cookie"):
        name, _, rest = value.partition("=")
        jar[name.strip()] = rest.split(";")[0].strip()


def sign_in(srv):
    """A personal access token of USERNAME with the scopes the test needs."""
    jar = {}

    def call(method, path, body=None):
        headers = dict(JSON_CT)
        if jar:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in jar.items())
        csrf = [v for k, v in jar.items() if k.endswith("vigor_csrf")]
        if csrf:
            headers["X-CSRF-Token"] = csrf[0]
        r = srv.request(method, path, body=json.dumps(body) if body is not None else None,
                        headers=headers)
        cookies_of(r, jar)
        return r

    call("GET", "/api/v1/meta")
    r = call("POST", "/api/v1/auth/login", {"login": USERNAME, "password": PASSWORD})
    if r.status != 200:
        raise vp.TestFailure(f"login: {r!r}")
    r = call("POST", "/api/v1/me/tokens", {"name": "concurrent writers",
                                           "scopes": ["workouts:read", "workouts:write",
                                                      "body:read", "body:write"]})
    if r.status != 201 or not (r.json() or {}).get("token"):
        raise vp.TestFailure(f"creating a token: {r!r}")
    return r.json()["token"]


class Client:
    """A keep-alive connection to one instance, as the user."""

    def __init__(self, srv, token):
        self.conn = vp.KeepAlive(srv.port, timeout=30)
        self.headers = {"Authorization": f"Bearer {token}", **JSON_CT}

    def call(self, method, path, body=None, if_match=None):
        headers = dict(self.headers)
        if if_match:
            headers["If-Match"] = if_match
        sent = time.monotonic()
        r = self.conn.request(method, path, body=json.dumps(body) if body is not None else None,
                              headers=headers)
        return r, sent, time.monotonic()

    def close(self):
        self.conn.close()


def day_of(n):
    return (datetime.date(2001, 1, 1) + datetime.timedelta(days=n)).isoformat()


class Writer(threading.Thread):
    """Writes WRITES changes through one instance; every one must succeed."""

    def __init__(self, idx, srv, token, changes, lock, errors):
        super().__init__(daemon=True)
        self.idx, self.srv, self.token = idx, srv, token
        self.changes, self.lock, self.errors = changes, lock, errors

    def record(self, change):
        with self.lock:
            self.changes.append(change)

    def fail(self, what, r):
        with self.lock:
            self.errors.append(f"thread {self.idx} on {self.srv.name}: {what} -> {r!r}")

    def run(self):
        client = Client(self.srv, self.token)
        workout = routine = None  # (id, etag) of this thread's newest ones
        measurement = None  # (id, day) of its newest
        try:
            for n in range(WRITES):
                step = n % 6
                tag = f"{self.srv.name}{self.idx}-{n}"
                if step == 0:
                    r, sent, done = client.call("POST", "/api/v1/workouts", {
                        "started_at": f"2026-02-{1 + n % 28:02d}T{self.idx:02d}:00:00Z",
                        "title": f"w {tag}"})
                    if r.status != 201:
                        self.fail(f"POST workout {tag}", r)
                        continue
                    body = r.json()
                    workout = (body["id"], r.header("ETag"))
                    self.record(Change("workout", body["id"], body["rev"], sent, done))
                elif step == 1:
                    r, sent, done = client.call("POST", "/api/v1/routines",
                                                {"name": f"r {tag}", "items": []})
                    if r.status != 201:
                        self.fail(f"POST routine {tag}", r)
                        continue
                    body = r.json()
                    routine = (body["id"], r.header("ETag"))
                    self.record(Change("routine", body["id"], body["rev"], sent, done))
                elif step == 2:
                    day = day_of(self.idx * 1000 + n)
                    r, sent, done = client.call("PUT", "/api/v1/measurements",
                                                {"kind": "weight", "day": day, "value": 70 + n})
                    if r.status != 200:
                        self.fail(f"PUT measurement {day}", r)
                        continue
                    measurement = (r.json()["id"], day)
                    self.record(Change("measurement", day, None, sent, done))
                elif step == 3 and workout:
                    r, sent, done = client.call("PUT", f"/api/v1/workouts/{workout[0]}", {
                        "started_at": f"2026-03-{1 + n % 28:02d}T{self.idx:02d}:30:00Z",
                        "title": f"w {tag} replaced"}, if_match=workout[1])
                    if r.status != 200:
                        self.fail(f"PUT workout {workout[0]} If-Match {workout[1]}", r)
                        continue
                    workout = (workout[0], r.header("ETag"))
                    self.record(Change("workout", workout[0], r.json()["rev"], sent, done))
                elif step == 4 and routine:
                    r, sent, done = client.call("PUT", f"/api/v1/routines/{routine[0]}", {
                        "name": f"r {tag} replaced", "items": []}, if_match=routine[1])
                    if r.status != 200:
                        self.fail(f"PUT routine {routine[0]} If-Match {routine[1]}", r)
                        continue
                    routine = (routine[0], r.header("ETag"))
                    self.record(Change("routine", routine[0], r.json()["rev"], sent, done))
                elif step == 5 and (n // 6) % 2 == 0 and measurement:
                    r, sent, done = client.call("DELETE", f"/api/v1/measurements/{measurement[0]}")
                    if r.status != 204:
                        self.fail(f"DELETE measurement {measurement[0]}", r)
                        continue
                    self.record(Change("measurement", measurement[1], None, sent, done))
                    measurement = None
                elif step == 5 and workout:
                    r, sent, done = client.call("DELETE", f"/api/v1/workouts/{workout[0]}")
                    if r.status != 204:
                        self.fail(f"DELETE workout {workout[0]}", r)
                        continue
                    self.record(Change("workout", workout[0], None, sent, done))
                    workout = None
        except (OSError, vp.http.client.HTTPException, KeyError, TypeError) as e:
            with self.lock:
                self.errors.append(f"thread {self.idx} on {self.srv.name}: aborted: {e!r}")
        finally:
            client.close()


def race(check, kind, n, clients, changes):
    """Creates one `kind` ("workout"/"routine"), then two replaces with its ETag at once, one
    through each client. Returns a problem text, or "" when exactly one won and it stuck."""
    path = "/api/v1/workouts" if kind == "workout" else "/api/v1/routines"

    def body(label):
        if kind == "workout":
            return {"started_at": "2026-04-01T10:00:00Z", "title": f"race {n} {label}"}
        return {"name": f"race {n} {label}", "items": []}

    r, sent, done = clients[0].call("POST", path, body("created"))
    if r.status != 201:
        return f"creating {kind} {n}: {r!r}"
    item_id, etag = r.json()["id"], r.header("ETag")
    changes.append(Change(kind, item_id, r.json()["rev"], sent, done))
    for c in clients:  # both connections warm and idle, so both PUTs leave at once
        c.call("GET", f"{path}/{item_id}")
    barrier = threading.Barrier(2)
    results = [None, None]

    def put(i):
        try:
            barrier.wait(timeout=10)
            results[i] = clients[i].call("PUT", f"{path}/{item_id}", body(f"side {i}"),
                                         if_match=etag)
        except (OSError, vp.http.client.HTTPException, threading.BrokenBarrierError) as e:
            results[i] = e

    threads = [threading.Thread(target=put, args=(i,), daemon=True) for i in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    if any(not isinstance(x, tuple) for x in results):
        return f"{kind} {n}: a replace failed: {results!r}"
    for r, sent, done in results:  # whatever was acknowledged is a change of the sequence
        if r.status == 200:
            changes.append(Change(kind, item_id, r.json()["rev"], sent, done))
    statuses = sorted(x[0].status for x in results)
    if statuses != [200, 412]:
        return (f"{kind} {n}: two replaces with the same If-Match {etag} got {statuses} "
                f"(expected exactly one 200 and one 412): {[x[0].body[:150] for x in results]}")
    winner = 0 if results[0][0].status == 200 else 1
    r = results[winner][0]
    got, _, _ = clients[1 - winner].call("GET", f"{path}/{item_id}")
    name = (got.json() or {}).get("title" if kind == "workout" else "name")
    if got.status != 200 or name != f"race {n} side {winner}" \
            or got.header("ETag") != r.header("ETag"):
        return (f"{kind} {n}: after the race it reads {got.status} {name!r} "
                f"ETag {got.header('ETag')}, expected the winner's 'race {n} side {winner}' "
                f"ETag {r.header('ETag')}")
    return ""


def user_rows(args, servers, user_id):
    """(table, key, rev) of every row of the user in the user-owned tables, and the user's
    counter, read from the database itself. Measurements are keyed by day."""
    parts = [f"SELECT '{t}', {'day' if t == 'measurements' else 'id'}, rev FROM {t} "
             f"WHERE user_id = '{user_id}'" for t in USER_TABLES]
    rows_sql = " UNION ALL ".join(parts)
    counter_sql = f"SELECT rev FROM user_revisions WHERE user_id = '{user_id}'"
    if args.postgres:
        pg, database = servers[0].postgres, servers[0].database
        rows = [(t, k, int(rev)) for t, k, rev in pg.rows(rows_sql, database)]
        counter = [int(x[0]) for x in pg.rows(counter_sql, database)]
    else:
        db = sqlite3.connect(f"file:{os.path.join(servers[0].data_dir, 'vigor.db')}?mode=ro",
                             uri=True, timeout=10)
        try:
            rows = [(t, k, int(rev)) for t, k, rev in db.execute(rows_sql)]
            counter = [int(x[0]) for x in db.execute(counter_sql)]
        finally:
            db.close()
    return rows, (counter[0] if counter else None)


def check_sequence(check, changes, rows, counter):
    by_table = {"workout": "workouts", "routine": "routines", "measurement": "measurements"}
    stored = {(t, k): rev for t, k, rev in rows}
    # A change whose answer has no rev (a measurement, a delete) has the one on its row when it
    # was the row's last change (a delete leaves a tombstone row); earlier ones stay unknown.
    by_row = {}
    for c in changes:
        by_row.setdefault((by_table[c.kind], c.key), []).append(c)
    unknown = []
    for key, row_changes in by_row.items():
        last = max(row_changes, key=lambda c: c.done)
        if last.rev is None:
            last.rev = stored.get(key)
            if last.rev is None:
                unknown.append(key)
    check.ok(not unknown, "every changed workout, routine and measurement has its row",
             f"{len(unknown)} missing, e.g. {unknown[:5]}")
    known = [c for c in changes if c.rev is not None]

    revs = [c.rev for c in known]
    dups = sorted({r for r in revs if revs.count(r) > 1})
    check.ok(not dups, f"no two of the {len(known)} acknowledged changes share a rev",
             f"shared: {dups[:10]}, e.g. {[c for c in known if c.rev in dups[:2]]}")
    row_revs = [rev for _, _, rev in rows]
    row_dups = sorted({r for r in row_revs if row_revs.count(r) > 1})
    check.ok(not row_dups, f"no two of the user's {len(rows)} rows share a rev, across tables",
             f"shared: {row_dups[:10]}, e.g. {[x for x in rows if x[2] in row_dups[:2]]}")

    last = {}
    for c in known:
        key = (by_table[c.kind], c.key)
        last[key] = max(last.get(key, 0), c.rev)
    stale = [(k, rev, stored.get(k)) for k, rev in last.items() if stored.get(k) != rev]
    check.ok(not stale, "each row carries the rev of its last acknowledged change",
             f"{len(stale)} differ (row, acknowledged, stored), e.g. {stale[:5]}")

    # Total and in real time: a change acknowledged before another was sent has a smaller rev.
    by_done = sorted(known, key=lambda c: c.done)
    inversions = []
    best = None  # the change with the highest rev among those acknowledged so far
    i = 0
    for c in sorted(known, key=lambda c: c.sent):
        while i < len(by_done) and by_done[i].done < c.sent:
            if best is None or by_done[i].rev > best.rev:
                best = by_done[i]
            i += 1
        if best is not None and best.rev >= c.rev:
            inversions.append(f"{best} acknowledged before {c} was sent")
    check.ok(not inversions, "revs follow real time: a change acknowledged before another was "
             "sent has the smaller rev", f"{len(inversions)}, e.g. {inversions[:5]}")
    top = max(revs + row_revs, default=0)
    check.ok(counter is not None and counter >= top,
             f"the user's counter in user_revisions ({counter}) is not behind any rev ({top})")
    vp.log(f"  {len(known)} changes with revs {min(revs, default=0)}..{top}; counter {counter}")


def main():
    args = vp.base_args(__doc__)
    check = vp.Check("concurrent_writers_test")
    tmp = vp.TempDir("vigor-concurrent-")
    servers = []
    try:
        a = vp.Server(args.vigor, os.path.join(tmp.path, "data-a"), tmp.path, name="a")
        os.makedirs(a.data_dir)
        servers.append(a)
        if args.postgres:
            a.database_url  # noqa: B018 - creates the database both instances share
            b = vp.Server(args.vigor, os.path.join(tmp.path, "data-b"), tmp.path, name="b",
                          database=a.database)
            os.makedirs(b.data_dir)
            servers.append(b)
        p = a.run_cli(["user", "create", "--username", USERNAME, "--email",
                       "racer@example.com"], input=PASSWORD + "\n")
        if not check.ok(p.returncode == 0, "vigor user create makes the user",
                        f"exit {p.returncode}: {p.stdout} {p.stderr[-800:]}"):
            return check.finish()
        user_id = p.stdout.strip().rsplit("(", 1)[-1].rstrip(")")
        for s in servers:
            s.start()
        sides = servers if len(servers) == 2 else servers * 2
        vp.log(f"{'two instances on one PostgreSQL database' if args.postgres else 'one instance on SQLite'}: "
               f"ports {[s.port for s in servers]}; user {user_id}")
        token = sign_in(a)

        vp.log(f"\n[load: {THREADS} threads x {WRITES} writes]")
        changes, errors, lock = [], [], threading.Lock()
        writers = [Writer(i, sides[i % 2], token, changes, lock, errors) for i in range(THREADS)]
        t0 = time.monotonic()
        for w in writers:
            w.start()
        for w in writers:
            w.join(timeout=120)
        check.ok(not any(w.is_alive() for w in writers), "every writer finished within 120 s")
        vp.log(f"  {len(changes)} changes acknowledged in {time.monotonic() - t0:.1f}s")
        check.ok(not errors and len(changes) == THREADS * WRITES,
                 f"all {THREADS * WRITES} writes succeeded",
                 f"{len(errors)} failed, e.g.:\n        " + "\n        ".join(errors[:6]))

        vp.log(f"\n[races: {RACES} workouts and {RACES} routines, two replaces with one ETag]")
        clients = [Client(s, token) for s in sides]
        try:
            for kind in ("workout", "routine"):
                problems = [p for p in (race(check, kind, n, clients, changes)
                                        for n in range(RACES)) if p]
                check.ok(not problems, f"{kind}s: every race has exactly one winner (200) and one "
                         f"412, and the winner's content stuck",
                         f"{len(problems)} of {RACES} wrong, e.g.:\n        "
                         + "\n        ".join(problems[:4]))
        finally:
            for c in clients:
                c.close()

        for s in servers:
            check.ok(s.stop(timeout=15) == 0, f"instance {s.name} stops with exit 0")
        vp.log("\n[revs, read from the tables]")
        rows, counter = user_rows(args, servers, user_id)
        check_sequence(check, changes, rows, counter)
    except (vp.TestFailure, OSError, vp.http.client.HTTPException) as e:
        check.fail("test aborted", f"{e!r}\n" + "\n".join(
            f"{s.name} stderr: {s.stderr_text(1000)}" for s in servers))
    finally:
        for s in servers:
            s.kill()
        tmp.cleanup()
    return check.finish()


if __name__ == "__main__":
    sys.exit(main())
