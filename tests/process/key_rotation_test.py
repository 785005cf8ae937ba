#!/usr/bin/python3
"""`vigor keys rotate` under load: every sealed value ends under the new key, and nothing failed.

One server (SQLite, or PostgreSQL with --postgres-dir). Before the rotation: ada turns two-factor
on (a sealed TOTP secret); bea records MEASUREMENTS body measurements with notes (health notes,
sealed) and PRIVACY_ZONES privacy zones (sealed centres). Then `vigor keys rotate --batch-rows
BATCH` runs as a separate process while three clients keep going, each with the session it had
before the rotation (so its CSRF token was signed under the old key):
  * bea rewrites measurement notes and reads each back at once (writes and reads of sealed values);
  * bea moves her privacy zones and reads them back;
  * cy starts two-factor set-up again and again (a new sealed pending secret each time).
Then:
  1. the rotation said it finished under k2, and every request of the load succeeded and read
     back what was written;
  2. the key file holds k1 and k2, mode 0600; the database files, the data directory and the
     mail outbox are the account's alone (0600 / 0700);
  3. every value of every sealed column that `vigor keys status` lists is "v2.k2."; no value that
     looks sealed ("v1." / "v2.") is in any other column of any table (a sealed column not
     registered would have been left under k1);
  4. through the API: every note and every zone reads back as last written; ada signs in with a
     TOTP code (her secret opens under k2); cy turns two-factor on with the secret of her last
     set-up (the pending one opens under k2);
  5. `vigor keys status` counts every value under k2 and the rotation as finished.
"""

import base64
import hashlib
import hmac
import json
import os
import re
import sqlite3
import stat
import struct
import sys
import threading
import time

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vigorproc as vp  # noqa: E402

PASSWORD = "rotating keys is a calm 42 job"
MEASUREMENTS = 240
PRIVACY_ZONES = 5
BATCH = 20
SEALED_RE = re.compile(r"^  ([a-z_0-9]+)\.([a-z_0-9]+) \(")


def totp(secret_b32, unix_seconds):
    """RFC 6238 with SHA-1, 6 digits, 30 s steps: worked out here, independently of Vigor."""
    key = base64.b32decode(secret_b32.replace(" ", "").upper() + "=" * (-len(secret_b32) % 8))
    msg = struct.pack(">Q", int(unix_seconds) // 30)
    digest = hmac.new(key, msg, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{code:06d}"


class Browser:
    """Cookies and the CSRF double submit, as the web app does them."""

    def __init__(self, server):
        self.server = server
        self.cookies = {}

    def call(self, method, path, body=None):
        h = {}
        if method not in ("GET", "HEAD") and "vigor_csrf" not in self.cookies:
            self.call("GET", "/api/v1/meta")
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if method not in ("GET", "HEAD"):
            h["X-CSRF-Token"] = self.cookies.get("vigor_csrf", "")
        if body is not None:
            body = json.dumps(body)
            h["Content-Type"] = "application/json"
        r = self.server.request(method, path, body=body, headers=h, timeout=60)
        for value in r.header_all("Set-Cookie"):
            name, _, rest = value.partition("=")
            if "Max-Age=0" in value:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = rest.split(";", 1)[0]
        return r

    def expect(self, status, method, path, body=None):
        r = self.call(method, path, body)
        if r.status != status:
            raise vp.TestFailure(f"{method} {path} -> {r.status}, wanted {status}: {r.body[:300]!r}")
        return r

    def sign_in(self, login):
        return self.expect(200, "POST", "/api/v1/auth/login",
                           {"login": login, "password": PASSWORD}).json()


def day_of(n):
    return time.strftime("%Y-%m-%d", time.gmtime(1_700_000_000 + n * 86_400))


class Load(threading.Thread):
    """Repeats `step(i)` until told to stop; a step returns a problem text or ""."""

    def __init__(self, name, step, errors, lock):
        super().__init__(daemon=True)
        self.name_, self.step, self.errors, self.lock = name, step, errors, lock
        self.stop = threading.Event()
        self.count = 0

    def run(self):
        i = 0
        while not self.stop.is_set():
            try:
                problem = self.step(i)
            except (OSError, vp.http.client.HTTPException, vp.TestFailure, KeyError,
                    ValueError) as e:
                problem = f"aborted: {e!r}"
            if problem:
                with self.lock:
                    self.errors.append(f"{self.name_} #{i}: {problem}")
            self.count += 1
            i += 1


def query(args, srv, sql):
    if args.postgres:
        return [tuple(r) for r in srv.postgres.rows(sql, srv.database)]
    db = sqlite3.connect(f"file:{os.path.join(srv.data_dir, 'vigor.db')}?mode=ro", uri=True,
                         timeout=10)
    try:
        return list(db.execute(sql))
    finally:
        db.close()


def text_columns(args, srv):
    """(table, column) of every text column of the schema."""
    if args.postgres:
        rows = query(args, srv, "SELECT table_name, column_name FROM information_schema.columns "
                                "WHERE table_schema = 'public' AND data_type = 'text'")
        return [(t, c) for t, c in rows]
    out = []
    for (table,) in query(args, srv, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                     "AND name NOT LIKE 'sqlite_%'"):
        for row in query(args, srv, f"PRAGMA table_info({table})"):
            if row[2].upper() in ("TEXT", "ANY", ""):
                out.append((table, row[1]))
    return out


def as_text(v):
    """A stored value as text: BLOB columns read as bytes (SQLite), BYTEA as hex (psql)."""
    if isinstance(v, bytes):
        return v.decode("utf-8", "replace")
    if v.startswith("\\x"):
        return bytes.fromhex(v[2:]).decode("utf-8", "replace")
    return v


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def main():
    args = vp.base_args(__doc__.splitlines()[0])
    check = vp.Check("key_rotation")
    tmp = vp.TempDir("vigor-keys-")
    data = os.path.join(tmp.path, "data")
    srv = vp.Server(args.vigor, data, tmp.path,
                    args=["--password-memory-kib", "8", "--password-iterations", "1"])
    try:
        srv.start()
        for name in ("ada", "bea", "cyd"):
            r = srv.run_cli(["user", "create", "--username", name, "--email",
                             f"{name}@example.org"], input=PASSWORD + "\n")
            if r.returncode != 0:
                raise vp.TestFailure(f"user create {name}: {r.stderr}")

        # ---- before: values sealed under k1 ----------------------------------------------------
        ada = Browser(srv)
        ada.sign_in("ada")
        secret = ada.expect(200, "POST", "/api/v1/me/totp/setup", {"password": PASSWORD}).json()
        ada_secret = secret["secret"]
        enabled_step = int(time.time()) // 30
        ada.expect(200, "POST", "/api/v1/me/totp/enable",
                   {"code": totp(ada_secret, enabled_step * 30)})
        bea = Browser(srv)
        bea.sign_in("bea")
        notes = {}
        for n in range(MEASUREMENTS):
            notes[day_of(n)] = f"before {n}: left knee sore"
            bea.expect(200, "PUT", "/api/v1/measurements",
                       {"kind": "weight", "day": day_of(n), "value": 70, "notes": notes[day_of(n)]})
        zones = {}
        for n in range(PRIVACY_ZONES):
            body = {"name": f"zone {n}", "latitude": 46.5 + n / 100, "longitude": 6.6,
                    "radius_m": 200}
            z = bea.expect(201, "POST", "/api/v1/me/privacy-zones", body).json()
            zones[z["id"]] = body
        cy = Browser(srv)
        cy.sign_in("cyd")
        check.ok(open(os.path.join(data, "secret.key")).read().count("\n") == 1,
                 "before: the key file holds one key")

        # ---- the load, during the rotation -----------------------------------------------------
        errors, lock = [], threading.Lock()
        notes_lock = threading.Lock()
        bea_notes, bea_zones = Browser(srv), Browser(srv)
        bea_notes.cookies = dict(bea.cookies)
        bea_zones.cookies = dict(bea.cookies)
        cy_secret = {}

        def write_note(i):
            day = day_of(i % MEASUREMENTS)
            text = f"during {i}: resting heart rate high"
            r = bea_notes.call("PUT", "/api/v1/measurements",
                               {"kind": "weight", "day": day, "value": 71, "notes": text})
            if r.status != 200 or r.json().get("notes") != text:
                return f"PUT note {day}: {r!r}"
            with notes_lock:
                notes[day] = text
            r = bea_notes.call("GET", f"/api/v1/measurements?kind=weight&from={day}&to={day}")
            items = (r.json() or {}).get("items", []) if r.status == 200 else []
            if r.status != 200 or [m.get("notes") for m in items] != [text]:
                return f"GET note {day}: {r.status} {r.body[:200]!r}"
            return ""

        zone_ids = sorted(zones)

        def move_zone(i):
            zone_id = zone_ids[i % len(zone_ids)]
            body = dict(zones[zone_id], latitude=40 + (i % 400) / 10, longitude=-(i % 100) / 10)
            r = bea_zones.call("PUT", f"/api/v1/me/privacy-zones/{zone_id}", body)
            if r.status != 200:
                return f"PUT zone {zone_id}: {r!r}"
            zones[zone_id] = body
            r = bea_zones.call("GET", "/api/v1/me/privacy-zones")
            got = {z["id"]: z for z in (r.json() or {}).get("items", [])} if r.status == 200 else {}
            z = got.get(zone_id, {})
            if abs(z.get("latitude", 999) - body["latitude"]) > 1e-6 or \
                    abs(z.get("longitude", 999) - body["longitude"]) > 1e-6:
                return f"GET zone {zone_id}: {z!r}, wanted {body!r}"
            return ""

        def set_up_totp(i):
            r = cy.call("POST", "/api/v1/me/totp/setup", {"password": PASSWORD})
            if r.status != 200:
                return f"POST totp/setup: {r!r}"
            cy_secret["secret"] = r.json()["secret"]
            time.sleep(0.05)
            return ""

        loads = [Load("notes", write_note, errors, lock), Load("zones", move_zone, errors, lock),
                 Load("totp setup", set_up_totp, errors, lock)]
        for t in loads:
            t.start()
        time.sleep(0.5)  # the load is under way before the rotation starts
        started = time.monotonic()
        rotate = srv.run_cli(["keys", "rotate", "--batch-rows", str(BATCH)], timeout=240)
        took = time.monotonic() - started
        time.sleep(1.0)  # and goes on a little after it
        for t in loads:
            t.stop.set()
        for t in loads:
            t.join(timeout=60)
        vp.log(rotate.stdout[-3000:])
        counts = {t.name_: t.count for t in loads}

        # 1.
        check.ok(rotate.returncode == 0 and "rotation to k2 finished" in rotate.stdout,
                 f"vigor keys rotate finished under k2 ({took:.1f} s)",
                 f"exit {rotate.returncode}: {rotate.stdout[-800:]} {rotate.stderr[-800:]}")
        check.ok(rotate.stdout.count("pass ") >= 1, "the rotation printed its progress",
                 rotate.stdout[-500:])
        check.ok(not errors and all(counts.values()),
                 f"every request of the load succeeded and read back what it wrote {counts}",
                 "\n        ".join(errors[:10]))

        # 2.
        key_file = os.path.join(data, "secret.key")
        lines = [x for x in open(key_file).read().splitlines() if x and not x.startswith("#")]
        check.ok(len(lines) == 2 and lines[1].startswith("k2 "),
                 "the key file holds the first key and k2", f"{len(lines)} lines")
        check.ok(mode(key_file) == 0o600, "the key file is 0600", oct(mode(key_file)))
        check.ok(mode(data) == 0o700, "the data directory is 0700", oct(mode(data)))
        private = [p for p in os.listdir(data) if os.path.isfile(os.path.join(data, p))]
        loose = [(p, oct(mode(os.path.join(data, p)))) for p in private
                 if mode(os.path.join(data, p)) & 0o077]
        if not args.postgres:
            check.ok({"vigor.db", "vigor.db-wal", "vigor.db-shm"} <= set(private),
                     "the SQLite database and its -wal and -shm files are there", str(private))
        check.ok(not loose, f"every file in the data directory is the account's alone {private}",
                 str(loose))
        outbox = os.path.join(data, "outbox")
        for root, dirs, files in os.walk(outbox):
            for name in dirs + files:
                m = mode(os.path.join(root, name))
                if m & 0o077:
                    check.fail(f"outbox entry {name} is private", oct(m))

        # 3.
        status = srv.run_cli(["keys", "status"])
        sealed = {(t, c) for t, c in (SEALED_RE.match(x).groups() for x in
                                      status.stdout.splitlines() if SEALED_RE.match(x))}
        check.ok({("users", "totp_secret_sealed"), ("users", "totp_pending_sealed"),
                  ("privacy_zones", "sealed_center"), ("measurements", "notes"),
                  ("webhook_subscriptions", "secret_sealed"), ("mail_outbox", "sealed_body")}
                 <= sealed, f"vigor keys status lists the sealed columns ({len(sealed)})",
                 status.stdout)
        total = 0
        for table, column in sorted(sealed):
            values = [as_text(v) for (v,) in query(args, srv, f"SELECT {column} FROM {table} "
                                                              f"WHERE {column} IS NOT NULL")]
            total += len(values)
            old = [v[:12] for v in values if not v.startswith("v2.k2.")]
            check.ok(not old, f"{table}.{column}: all {len(values)} values are under k2",
                     f"{len(old)} are not, e.g. {old[:5]}")
        check.ok(total >= MEASUREMENTS + PRIVACY_ZONES + 2,
                 f"the database holds the sealed values written ({total})")
        parts = [f"SELECT '{t}.{c}', COUNT(*) FROM {t} WHERE substr({c}, 1, 3) IN ('v1.', 'v2.') "
                 f"AND {c} LIKE 'v_.%.%'" for t, c in text_columns(args, srv) if (t, c) not in sealed]
        stray = []
        for i in range(0, len(parts), 100):  # SQLite takes at most 500 terms in one compound
            stray += [f"{where}: {n}" for where, n in
                      query(args, srv, " UNION ALL ".join(parts[i:i + 100])) if int(n)]
        check.ok(not stray, "no sealed-looking value outside the registered columns", str(stray))

        # 4.
        reader = Browser(srv)
        reader.cookies = dict(bea.cookies)  # the session and CSRF token from before the rotation
        reader.expect(200, "PUT", "/api/v1/measurements",
                      {"kind": "weight", "day": day_of(0), "value": 72, "notes": notes[day_of(0)]})
        check.ok(True, "a CSRF token signed before the rotation is still good")
        r = reader.expect(200, "GET", f"/api/v1/measurements?kind=weight&from={day_of(0)}"
                                      f"&to={day_of(MEASUREMENTS)}")
        got = {m["day"]: m.get("notes") for m in r.json()["items"]}
        wrong = [d for d in notes if got.get(d) != notes[d]]
        check.ok(len(got) == MEASUREMENTS and not wrong,
                 f"every one of the {MEASUREMENTS} notes reads back as last written",
                 f"{len(got)} read, {len(wrong)} differ, e.g. {wrong[:3]}")
        got = {z["id"]: z for z in reader.expect(200, "GET", "/api/v1/me/privacy-zones")
               .json()["items"]}
        wrong = [i for i, b in zones.items()
                 if abs(got.get(i, {}).get("latitude", 999) - b["latitude"]) > 1e-6
                 or abs(got.get(i, {}).get("longitude", 999) - b["longitude"]) > 1e-6]
        check.ok(len(got) == PRIVACY_ZONES and not wrong,
                 "every privacy zone's centre reads back as last written", str(wrong))
        fresh = Browser(srv)
        answer = fresh.sign_in("ada")
        while int(time.time()) // 30 == enabled_step:  # a step signs in once: wait for the next
            time.sleep(0.5)
        r = fresh.call("POST", "/api/v1/auth/login/totp",
                       {"challenge": answer.get("challenge", ""),
                        "code": totp(ada_secret, time.time())})
        check.ok(answer.get("status") == "totp_required" and r.status == 200 and
                 (r.json() or {}).get("status") == "signed_in",
                 "ada signs in with a TOTP code: her secret opens under k2",
                 f"{answer} -> {r!r}")
        r = cy.call("POST", "/api/v1/me/totp/enable",
                    {"code": totp(cy_secret.get("secret", "A"), time.time())})
        check.ok(r.status == 200, "cy turns two-factor on with her last set-up's secret", repr(r))

        # 5.
        status = srv.run_cli(["keys", "status"])
        check.ok(status.returncode == 0 and "finished" in status.stdout and
                 re.search(r"keyring \(.*\): k1 k2; k2 seals", status.stdout) is not None and
                 "under k1" not in status.stdout and "under v1" not in status.stdout,
                 "vigor keys status: k1 and k2 in the ring, nothing under k1, the rotation finished",
                 status.stdout)
        vp.log(status.stdout)
    except vp.TestFailure as e:
        check.fail(str(e))
        vp.log(srv.stderr_text())
    finally:
        srv.stop()
        tmp.cleanup()
    return check.finish()


if __name__ == "__main__":
    sys.exit(main())
