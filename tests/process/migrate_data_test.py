#!/usr/bin/python3
"""`vigor migrate-data` moves a whole instance: SQLite -> PostgreSQL -> SQLite, and nothing a
user can see changes.

A SQLite instance gets, through its API, an admin with two-factor sign-in, custom exercises,
strength workouts with sets (posted, and --workouts more from a Strong CSV import), cardio
workouts from GPX imports (tracks), routines, a program, body measurements and a personal access
token. Every listing and every item the API has (ids, revs, ETags, bodies byte for byte) and the
sets CSV export are recorded. Then the server stops and the data moves to a throw-away
PostgreSQL (scripts/pg-test-server), moves on to a new SQLite data directory and is served
from there (and, with --serve-postgresql, from PostgreSQL in between): the recorded answers
must come back identical,
the old session cookie must still work, and a fresh sign-in with password and TOTP code must
succeed (the TOTP secret is sealed with secret.key, so this proves the key travelled).
Refusals: a non-empty target (SQLite and PostgreSQL), a source at an older schema version, the
same database on both sides.

--no-postgresql (or a binary without the PostgreSQL backend) moves SQLite -> SQLite instead.
"""

import base64
import hashlib
import hmac
import json
import math
import os
import re
import shutil
import sqlite3
import struct
import subprocess
import sys
import time
import urllib.parse

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vigorproc as vp  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PG_TEST_SERVER = os.path.join(ROOT, "scripts", "pg-test-server")
PASSWORD = "migrating is a quiet 42 horse job"


def extra_args(p):
    p.add_argument("--workouts", type=int, default=200,
                   help="strength workouts imported from a Strong CSV (15 sets each)")
    p.add_argument("--no-postgresql", action="store_true", help="move SQLite -> SQLite only")
    p.add_argument("--serve-postgresql", action="store_true",
                   help="also serve the data from PostgreSQL and compare every answer there "
                        "(needs every feature's SQL on PostgreSQL)")
    p.add_argument("--keep", action="store_true", help="keep the temporary folder")


# ---- a signed-in browser -----------------------------------------------------------------------

class Browser:
    """Cookies and the CSRF double submit, as the web app does them."""

    def __init__(self, server):
        self.server = server
        self.cookies = {}

    def call(self, method, path, body=None, headers=None, content_type="application/json"):
        h = dict(headers or {})
        if method not in ("GET", "HEAD") and "vigor_csrf" not in self.cookies:
            self.call("GET", "/api/v1/meta")
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if method not in ("GET", "HEAD"):
            h["X-CSRF-Token"] = self.cookies.get("vigor_csrf", "")
        if body is not None and not isinstance(body, (bytes, str)):
            body = json.dumps(body)
        if body is not None:
            h["Content-Type"] = content_type
        r = self.server.request(method, path, body=body, headers=h, timeout=60)
        for value in r.header_all("Set-Cookie"):
            name, _, rest = value.partition("=")
            if "Max-Age=0" in value:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = rest.split(";", 1)[0]
        return r

    def expect(self, status, method, path, body=None, **kw):
        r = self.call(method, path, body, **kw)
        if r.status != status:
            raise vp.TestFailure(f"{method} {path} -> {r.status}, wanted {status}: {r.body[:400]!r}")
        return r


def totp(secret_b32, unix_seconds):
    """RFC 6238 with SHA-1, 6 digits, 30 s steps: worked out here, independently of Vigor."""
    key = base64.b32decode(secret_b32.replace(" ", "").upper() + "=" * (-len(secret_b32) % 8))
    msg = struct.pack(">Q", int(unix_seconds) // 30)
    digest = hmac.new(key, msg, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{code:06d}"


def gpx(start_s, seconds=900):
    lat, lon = 46.52, 6.63
    out = ['<?xml version="1.0"?><gpx version="1.1" creator="migrate test" '
           'xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running</type><trkseg>']
    for i in range(0, seconds, 3):
        b = 2 * math.pi * i / 600
        lat += 9 * math.cos(b) / 111_180
        lon += 9 * math.sin(b) / (111_180 * math.cos(math.radians(lat)))
        t = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(start_s + i))
        out.append(f'<trkpt lat="{lat:.7f}" lon="{lon:.7f}"><ele>{400 + 20 * math.sin(i / 95):.1f}'
                   f'</ele><time>{t}</time></trkpt>')
    out.append("</trkseg></trk></gpx>")
    return "\n".join(out).encode()


def strong_csv(workouts, sets_each=15):
    out = ["Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
           "Notes,Workout Notes,RPE"]
    names = ["Squat (Barbell)", "Bench Press (Barbell)", "Deadlift (Barbell)", "Zottman Sled Curl"]
    for w in range(workouts):
        day = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(1_500_000_000 + w * 86_400))
        for s in range(sets_each):
            # Weights with awkward binary fractions (0.1 steps) so doubles must survive exactly.
            out.append(f'{day},"Workout {w} – Grüße",1h 2m,"{names[s // 4 % 4]}",{s % 4 + 1},'
                       f'{60 + (w * 7 + s) % 23 * 0.1:.1f},{5 + s % 3},0,0,"set {s}","",8')
    return ("\r\n".join(out) + "\r\n").encode()


def wait_import(b, import_id):
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        job = b.expect(200, "GET", f"/api/v1/imports/{import_id}").json()
        if job["status"] in ("succeeded", "failed"):
            if job["status"] != "succeeded":
                raise vp.TestFailure(f"import {import_id} failed: {job}")
            return job
        time.sleep(0.05)
    raise vp.TestFailure(f"import {import_id} did not finish in 120 s")


def fill(b, n_workouts):
    """Everything a user makes, through the API. Returns the TOTP secret (base32) and the ids of
    the imports."""
    own, imports = [], []
    for name in ("Zercher Squat Ünïcode", "Landmine Press"):
        r = b.expect(201, "POST", "/api/v1/exercises", {
            "name": name, "category": "strength", "primary_muscles": ["quads"],
            "equipment": ["barbell"], "log_type": "weight_reps"})
        own.append(r.json()["id"])
    routines = []
    for i, name in enumerate(("Push A", "Legs B")):
        r = b.expect(201, "POST", "/api/v1/routines", {
            "name": name, "notes": "Heavy, then light",
            "items": [
                {"exercise_id": "barbell-back-squat", "target_sets": 5, "target_reps": 5,
                 "target_percent_1rm": 80, "rest_s": 180},
                {"exercise_id": own[i], "superset_group": 1, "target_sets": 3, "target_reps": 8,
                 "target_weight_kg": 42.3},
                {"exercise_id": "plank", "superset_group": 1, "target_sets": 3}]})
        routines.append(r.json()["id"])
    b.expect(201, "POST", "/api/v1/programs", {
        "name": "Upper/lower", "notes": "Mon, Wed, Fri",
        "routines": [{"routine_id": routines[0], "label": "Day A"},
                     {"routine_id": routines[1], "label": "Day B"}]})
    for d in range(1, 15):
        b.expect(200, "PUT", "/api/v1/measurements",
                 {"kind": "weight", "day": f"2026-03-{d:02d}", "value": 82.4 - d * 0.1})
    b.expect(200, "PUT", "/api/v1/measurements",
             {"kind": "waist", "day": "2026-03-02", "value": 0.845, "unit": "m"})
    # Strength workouts posted as the web app does: 15 sets each, one with a custom exercise.
    for w in range(5):
        sets = [{"reps": 5 + s % 3, "weight_kg": 100 + s * 2.5 + w * 0.1, "done": s % 4 != 3,
                 "rpe": 7 + s % 3 * 0.5} for s in range(15)]
        b.expect(201, "POST", "/api/v1/workouts", {
            "title": f"Leg day {w} ✓", "started_at": f"2026-03-{w + 2:02d}T07:30:00+01:00",
            "ended_at": f"2026-03-{w + 2:02d}T07:45:30.5Z", "time_zone": "Europe/Berlin",
            "notes": "felt strong", "perceived_effort": 8, "routine_id": routines[w % 2],
            "blocks": [
                {"exercise_id": "barbell-back-squat", "rest_s": 180, "sets": sets[:10]},
                {"exercise_id": own[0], "superset_group": 1, "notes": "paused",
                 "sets": sets[10:]}]})
    for i in range(2):
        r = b.expect(202, "POST", f"/api/v1/imports?format=gpx&name=run{i}.gpx",
                     gpx(1_750_000_000 + i * 86_400), content_type="application/gpx+xml")
        wait_import(b, r.json()["id"])
        imports.append(r.json()["id"])
    if n_workouts > 0:
        r = b.expect(202, "POST", "/api/v1/imports?format=strong_csv&name=strong.csv",
                     strong_csv(n_workouts), content_type="text/csv")
        wait_import(b, r.json()["id"])
        imports.append(r.json()["id"])
    b.expect(201, "POST", "/api/v1/me/tokens", {"name": "phone", "scopes": ["workouts:read"]})
    # Mails (sealed bodies, numbered by the outbox's own sequence) and a one-time token.
    for _ in range(2):
        Browser(b.server).call("POST", "/api/v1/auth/password-reset", {"email": "ada@example.org"})
    # Two-factor sign-in: the secret is sealed with the instance's secret.key.
    setup = b.expect(200, "POST", "/api/v1/me/totp/setup", {"password": PASSWORD}).json()
    secret = setup["secret"]
    b.expect(200, "POST", "/api/v1/me/totp/enable", {"code": totp(secret, time.time() - 30)})
    return secret, imports


# ---- what the API shows ------------------------------------------------------------------------

def all_pages(b, path, snap):
    items, cursor, page = [], None, 0
    while True:
        sep = "&" if "?" in path else "?"
        target = f"{path}{sep}limit=100" + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else "")
        r = b.expect(200, "GET", target)
        snap[f"{path} page {page}"] = answer(r)
        body = r.json()
        items += body["items"]
        cursor = body.get("next_cursor")
        page += 1
        if not cursor:
            return items


def answer(r):
    return (r.status, r.header("Content-Type"), r.header("ETag"), r.body)


def snapshot(b, imports):
    """Every listing and item of the user, as (status, content type, ETag, body)."""
    snap = {}
    for path in ("/api/v1/me", "/api/v1/me/tokens", "/api/v1/me/sessions",
                 "/api/v1/me/audit-events", "/api/v1/exercises", "/api/v1/measurements?kind=weight",
                 "/api/v1/measurements?kind=waist", "/api/v1/measurements/kinds", "/api/v1/routine-templates",
                 "/api/v1/exports/sets.csv", "/api/v1/admin/users", "/api/v1/admin/settings",
                 "/api/v1/admin/audit-events"):
        snap[path] = answer(b.expect(200, "GET", path))
    for kind in ("routines", "programs"):
        for item in all_pages(b, f"/api/v1/{kind}", snap):
            snap[f"/api/v1/{kind}/{item['id']}"] = answer(
                b.expect(200, "GET", f"/api/v1/{kind}/{item['id']}"))
    for import_id in imports:  # there is no list of imports
        snap[f"/api/v1/imports/{import_id}"] = answer(
            b.expect(200, "GET", f"/api/v1/imports/{import_id}"))
    workouts = all_pages(b, "/api/v1/workouts", snap)
    for w in workouts:
        snap[f"/api/v1/workouts/{w['id']}"] = answer(b.expect(200, "GET", f"/api/v1/workouts/{w['id']}"))
        if w.get("kind") == "cardio" or w.get("has_track"):
            for sub in ("track", "gpx"):
                r = b.call("GET", f"/api/v1/workouts/{w['id']}/{sub}")
                snap[f"/api/v1/workouts/{w['id']}/{sub}"] = answer(r)
    all_pages(b, "/api/v1/workouts?q=deadlift", snap)
    return snap, len(workouts)


def compare(check, before, after, what):
    missing = sorted(set(before) - set(after))
    extra = sorted(set(after) - set(before))
    differing = [k for k in before if k in after and before[k] != after[k]]
    detail = ""
    for k in differing[:3]:
        detail += f"\n        {k}:\n          before {before[k]!r:.600}\n          after  {after[k]!r:.600}"
    check.ok(not missing and not extra and not differing,
             f"{what}: all {len(before)} answers identical (status, type, ETag, body)",
             f"missing {missing[:5]}, extra {extra[:5]}, {len(differing)} differ:{detail}")


# ---- the test ----------------------------------------------------------------------------------

def sign_in_with_totp(check, server, secret, what):
    b = Browser(server)
    r = b.expect(200, "POST", "/api/v1/auth/login", {"login": "ada", "password": PASSWORD}).json()
    check.ok(r.get("status") == "totp_required", f"{what}: the password step asks for the code",
             f"got {r!r}")
    # The enable step used the previous time step; a step never used before signs in.
    code = totp(secret, time.time())
    r2 = b.call("POST", "/api/v1/auth/login/totp", {"challenge": r.get("challenge"), "code": code})
    check.ok(r2.status == 200 and "vigor_session" in b.cookies,
             f"{what}: password and TOTP code sign in (the sealed secret opens)",
             f"got {r2.status} {r2.body[:300]!r}")
    check.ok(b.call("GET", "/api/v1/me").status == 200, f"{what}: the new session works")


def migrate(vigor, src, dst, extra=(), timeout=600):
    t0 = time.monotonic()
    r = vp.run_cli(vigor, ["migrate-data", "--from", src, "--to", dst, *extra], timeout=timeout)
    return r, time.monotonic() - t0


def has_postgresql():
    return os.access(PG_TEST_SERVER, os.X_OK) and \
        os.path.exists("/usr/lib/postgresql/15/bin/initdb")


def main():
    args = vp.base_args(__doc__, extra_args)
    check = vp.Check("migrate_data")
    tmp = vp.TempDir("vigor-migrate-data-")
    os.chmod(tmp.path, 0o755)  # PostgreSQL runs as `postgres` under root and must reach pg/
    pg_dir = os.path.join(tmp.path, "pg")
    pg_started = False
    servers = []
    use_pg = not args.no_postgresql and has_postgresql()
    try:
        a_dir = os.path.join(tmp.path, "a")
        r = subprocess.run([args.vigor, "user", "create", "--username", "ada", "--email",
                            "ada@example.org", "--admin", "--data-dir", a_dir],
                           input=PASSWORD + "\n", text=True, capture_output=True, timeout=60,
                           env=vp.clean_env())
        if r.returncode != 0:
            raise vp.TestFailure(f"user create failed: {r.stderr}")
        a = vp.Server(args.vigor, a_dir, tmp.path, name="a")
        servers.append(a)
        a.start()
        b = Browser(a)
        b.expect(200, "POST", "/api/v1/auth/login", {"login": "ada", "password": PASSWORD})
        t0 = time.monotonic()
        secret, imports = fill(b, args.workouts)
        vp.log(f"  filled the source in {time.monotonic() - t0:.1f} s")
        before, n = snapshot(b, imports)
        check.ok(n == args.workouts + 5 + 2, f"the source lists {args.workouts + 7} workouts",
                 f"got {n}")
        check.ok(before["/api/v1/exports/sets.csv"][3].count(b"\n") > 15 * args.workouts,
                 "the sets CSV export holds every set")
        again, _ = snapshot(b, imports)
        compare(check, before, again, "reading the source twice (the comparison is meaningful)")
        a.stop()

        # Refusals that must leave everything alone.
        r, _ = migrate(args.vigor, a_dir, a_dir)
        check.ok(r.returncode == 2 and "same database" in r.stderr,
                 "the same database on both sides is refused", f"{r.returncode} {r.stderr!r}")
        old_dir = os.path.join(tmp.path, "old")
        shutil.copytree(a_dir, old_dir)
        with sqlite3.connect(os.path.join(old_dir, "vigor.db")) as db:
            db.execute("DELETE FROM schema_migrations WHERE version = "
                       "(SELECT MAX(version) FROM schema_migrations)")
        r, _ = migrate(args.vigor, old_dir, os.path.join(tmp.path, "never"))
        check.ok(r.returncode == 1 and "vigor migrate --data-dir" in r.stderr,
                 "a source at an older schema version is refused, naming 'vigor migrate'",
                 f"{r.returncode} {r.stderr!r}")
        check.ok(not os.path.exists(os.path.join(tmp.path, "never", "vigor.db")),
                 "the refusal created no target database")

        key = open(os.path.join(a_dir, "secret.key"), "rb").read()
        c_dir = os.path.join(tmp.path, "c")
        hops = []
        if use_pg:
            r = subprocess.run([PG_TEST_SERVER, "start", pg_dir, "--fast"], capture_output=True,
                               text=True, timeout=120)
            if r.returncode != 0:
                raise vp.TestFailure(f"pg-test-server failed: {r.stderr}")
            pg_started = True
            url = r.stdout.strip().splitlines()[-1]
            hops = [("SQLite -> PostgreSQL", a_dir, url, []),
                    ("PostgreSQL -> SQLite", url, c_dir,
                     ["--secret-key-file", os.path.join(a_dir, "secret.key")])]
        else:
            vp.log("  (no PostgreSQL: moving SQLite -> SQLite)")
            hops = [("SQLite -> SQLite", a_dir, c_dir, [])]

        for what, src, dst, extra in hops:
            r, took = migrate(args.vigor, src, dst, extra)
            vp.log(f"  {what}: {took:.2f} s\n" + "\n".join("    " + ln for ln in r.stdout.splitlines()))
            if not check.ok(r.returncode == 0, f"{what}: migrate-data succeeds",
                            f"exit {r.returncode}\nstdout {r.stdout[-2000:]}\nstderr {r.stderr[-2000:]}"):
                raise vp.TestFailure("cannot go on")
            check.ok("all" in r.stdout and "tables match" in r.stdout and "DIFFERENT" not in r.stdout,
                     f"{what}: the per-table report says every table matches")
            report = {m.group(1): (int(m.group(2)), int(m.group(3)))
                      for m in re.finditer(r"^(\w+)\s+(\d+)\s+(\d+)\s+same ", r.stdout, re.M)}
            check.ok(report.get("workouts", (0, 0))[0] == args.workouts + 7
                     and report.get("workout_sets", (0, 0))[0] >= 15 * (args.workouts + 5),
                     f"{what}: the report counts the workouts and their sets",
                     f"workouts {report.get('workouts')}, sets {report.get('workout_sets')}")
            if dst.startswith("postgresql://"):
                server_args = ["--database", dst, "--secret-key-file",
                               os.path.join(a_dir, "secret.key")]
                data = os.path.join(tmp.path, "pg-instance")
                check.ok("--secret-key-file" in r.stdout,
                         f"{what}: the operator is told to keep the secret key")
                # A new mail must not collide with a copied one: the identity moved past them.
                q = subprocess.run(
                    ["psql", dst, "-tAc", "SELECT (SELECT MAX(id) FROM mail_outbox) || ' ' || "
                     "nextval(pg_get_serial_sequence('mail_outbox', 'id'))"],
                    capture_output=True, text=True, timeout=30)
                ids = q.stdout.split()
                check.ok(len(ids) == 2 and int(ids[0]) >= 2 and int(ids[1]) > int(ids[0]),
                         f"{what}: mail_outbox's identity continues after the copied ids",
                         f"max id, next id: {q.stdout!r} {q.stderr!r}")
                if not args.serve_postgresql:
                    continue
            else:
                server_args, data = [], dst
                check.ok(open(os.path.join(dst, "secret.key"), "rb").read() == key
                         and os.stat(os.path.join(dst, "secret.key")).st_mode & 0o077 == 0,
                         f"{what}: secret.key copied to the target (mode 0600)")
            s = vp.Server(args.vigor, data, tmp.path, args=server_args, name=f"after{len(servers)}")
            servers.append(s)
            s.start()
            b.server = s  # the same cookies: the session moved with the data
            after, _ = snapshot(b, imports)
            compare(check, before, after, f"{what}: served from the target")
            s.stop()

        # Refusal of a target that holds data; the target keeps what it had.
        for target in ([hops[0][2]] if use_pg else []) + [c_dir]:
            r, _ = migrate(args.vigor, a_dir, target)
            check.ok(r.returncode == 1 and "not empty" in r.stderr,
                     f"a non-empty target is refused ({'PostgreSQL' if target != c_dir else 'SQLite'})",
                     f"{r.returncode} {r.stderr!r}")
        s = vp.Server(args.vigor, c_dir, tmp.path, name="final")
        servers.append(s)
        s.start()
        b.server = s
        after, _ = snapshot(b, imports)
        compare(check, before, after, "after the refused migrations, the target")
        sign_in_with_totp(check, s, secret, "the migrated instance")
        s.stop()
    except vp.TestFailure as e:
        check.fail("test aborted", str(e))
    finally:
        for s in servers:
            s.stop()
        if pg_started:
            subprocess.run([PG_TEST_SERVER, "stop", pg_dir], capture_output=True, timeout=60)
        if args.keep:
            vp.log(f"  kept {tmp.path}")
        else:
            tmp.cleanup()
    return check.finish()


if __name__ == "__main__":
    sys.exit(main())
