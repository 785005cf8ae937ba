#!/usr/bin/python3
"""Backup under write load, restore into a new instance, compare (issue 15).

1. Load: WRITERS threads create workouts through the running server for the whole test's first
   part, each acknowledged write recorded with the moment its response arrived.
2. While they write, `vigor backup --to DIR` runs against the live instance (SQLite: the online
   backup API; PostgreSQL: pg_dump). Its files are 0600 in a 0700 directory.
3. Refusals: a copy with one byte of the database part flipped, a copy cut in half, the right
   backup with another key, and a manifest of an unknown format version are each refused by
   `vigor restore` with a clear message, and the target (a new data directory, and on PostgreSQL
   an empty database) is left untouched.
4. `vigor backup verify PATH` (the drill) passes; on PostgreSQL it restores into a temporary
   database of the configured server and drops it.
5. `vigor restore` into a new data directory (and a new, empty PostgreSQL database) succeeds; a
   second restore into the now full target is refused. A server started on the restored
   instance answers every workout acknowledged before the backup started (the same token signs
   in: the instance key came along), and the database passes its integrity check (SQLite
   integrity_check and foreign_key_check; PostgreSQL: the restore checked its schema version;
   here the rows are counted).
6. That server, started with --backup-dir, takes a scheduled backup at once and runs the drill:
   /metrics shows a finite vigor_backup_newest_good_age_seconds and vigor_backup_drill_ok 1.
"""

import base64
import json
import os
import shutil
import sqlite3
import stat
import sys
import threading
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vigorproc as vp  # noqa: E402

WRITERS = 4
USERNAME = "keeper"
PASSWORD = "Backup-Restore-Passphrase-9"
JSON_CT = {"Content-Type": "application/json"}


def cookies_of(resp, jar):
    for value in resp.header_all("Set-Cookie"):
        name, _, rest = value.partition("=")
        jar[name.strip()] = rest.split(";")[0].strip()


def sign_in(srv):
    """A personal access token of USERNAME that reads and writes workouts."""
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
    r = call("POST", "/api/v1/me/tokens", {"name": "backup test",
                                           "scopes": ["workouts:read", "workouts:write"]})
    if r.status != 201 or not (r.json() or {}).get("token"):
        raise vp.TestFailure(f"creating a token: {r!r}")
    return r.json()["token"]


class Writer(threading.Thread):
    """Creates workouts until told to stop; records (id, acknowledged at) of each 201."""

    def __init__(self, idx, srv, token, acked, lock, errors, stop):
        super().__init__(daemon=True)
        self.idx, self.srv, self.token = idx, srv, token
        self.acked, self.lock, self.errors, self.stop = acked, lock, errors, stop

    def run(self):
        conn = vp.KeepAlive(self.srv.port, timeout=30)
        headers = {"Authorization": f"Bearer {self.token}", **JSON_CT}
        n = 0
        try:
            while not self.stop.is_set():
                n += 1
                r = conn.request("POST", "/api/v1/workouts", body=json.dumps({
                    "started_at": f"2026-02-{1 + n % 28:02d}T{self.idx:02d}:00:00Z",
                    "title": f"w {self.idx}-{n}"}), headers=headers)
                done = time.monotonic()
                with self.lock:
                    if r.status == 201:
                        self.acked.append((r.json()["id"], done))
                    else:
                        self.errors.append(f"writer {self.idx} #{n}: {r!r}")
        except (OSError, vp.http.client.HTTPException) as e:
            with self.lock:
                self.errors.append(f"writer {self.idx}: aborted: {e!r}")
        finally:
            conn.close()


def modes_private(path):
    """Problems with the modes under a backup directory: the directory 0700, files 0600."""
    problems = []
    if stat.S_IMODE(os.stat(path).st_mode) != 0o700:
        problems.append(f"{path}: {oct(stat.S_IMODE(os.stat(path).st_mode))}")
    for name in os.listdir(path):
        mode = stat.S_IMODE(os.stat(os.path.join(path, name)).st_mode)
        if mode != 0o600:
            problems.append(f"{name}: {oct(mode)}")
    return problems


def public_tables(pg, database):
    return int(pg.rows("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'",
                       database)[0][0])


def main():
    args = vp.base_args(__doc__)
    check = vp.Check("backup_restore_test")
    tmp = vp.TempDir("vigor-backup-")
    pg = args.postgres
    servers = []
    try:
        src = vp.Server(args.vigor, os.path.join(tmp.path, "data-src"), tmp.path, name="src")
        os.makedirs(src.data_dir)
        servers.append(src)
        p = src.run_cli(["user", "create", "--username", USERNAME, "--email",
                         "keeper@example.com"], input=PASSWORD + "\n")
        if not check.ok(p.returncode == 0, "vigor user create makes the user",
                        f"exit {p.returncode}: {p.stdout} {p.stderr[-800:]}"):
            return check.finish()
        src.start()
        token = sign_in(src)

        vp.log(f"\n[backup under load: {WRITERS} writers]")
        acked, errors, lock, stop = [], [], threading.Lock(), threading.Event()
        writers = [Writer(i, src, token, acked, lock, errors, stop) for i in range(WRITERS)]
        for w in writers:
            w.start()
        time.sleep(2.0)
        backups = os.path.join(tmp.path, "backups")
        backup_started = time.monotonic()
        p = src.run_cli(["backup", "--to", backups], timeout=120)
        backup_finished = time.monotonic()
        time.sleep(0.5)
        stop.set()
        for w in writers:
            w.join(timeout=30)
        before = [wid for wid, done in acked if done < backup_started]
        during = [wid for wid, done in acked if backup_started <= done <= backup_finished]
        vp.log(f"  {len(acked)} workouts acknowledged: {len(before)} before the backup started, "
               f"{len(during)} while it ran ({backup_finished - backup_started:.2f}s)")
        if not check.ok(p.returncode == 0, "vigor backup succeeds while the server writes",
                        f"exit {p.returncode}: {p.stdout} {p.stderr[-1500:]}"):
            return check.finish()
        check.ok(not errors, "every write during the backup succeeded", "; ".join(errors[:5]))
        check.ok(len(before) >= 20, "the load wrote before the backup (at least 20 workouts)",
                 f"{len(before)}")
        names = [n for n in os.listdir(backups) if n.startswith("vigor-backup-")]
        if not check.ok(len(names) == 1 and not [n for n in os.listdir(backups)
                                                  if n.startswith(".")],
                        "one finished backup directory, no temporary leftovers",
                        f"{os.listdir(backups)}"):
            return check.finish()
        backup = os.path.join(backups, names[0])
        check.ok(backup in p.stdout, "vigor backup names the backup it wrote", p.stdout)
        check.ok(sorted(os.listdir(backup)) == ["database.zst.enc", "manifest.json",
                                                "secret.key.zst.enc"],
                 "the backup holds the manifest, the database and the instance key",
                 f"{sorted(os.listdir(backup))}")
        problems = modes_private(backup) + (
            [] if stat.S_IMODE(os.stat(os.path.join(src.data_dir, "backup.key")).st_mode) == 0o600
            else ["backup.key"])
        check.ok(not problems, "the backup directory is 0700, its files and the key 0600",
                 f"{problems}")
        manifest = json.load(open(os.path.join(backup, "manifest.json")))
        check.ok(manifest.get("database") == ("postgresql" if pg else "sqlite")
                 and manifest.get("format_version") == 1 and manifest.get("schema_version", 0) > 0
                 and all(len(x.get("sha256", "")) == 64 for x in manifest.get("parts", [])),
                 "the manifest names the database kind, format and schema version, and each "
                 "part's checksum", json.dumps(manifest)[:600])
        key_file = os.path.join(src.data_dir, "backup.key")

        vp.log("\n[refusals: the target stays untouched]")
        refusal_db = pg.create_database(empty=True) if pg else None

        def restore(path, target, key=key_file, database=None, extra=()):
            cmd = ["restore", path, "--data-dir", target, "--backup-key-file", key]
            if database:
                cmd += ["--database", pg.url(database)]
            return vp.run_cli(args.vigor, cmd + list(extra), timeout=120)

        def refused(what, path, expected, key=key_file):
            target = os.path.join(tmp.path, "refused")
            p = restore(path, target, key=key, database=refusal_db)
            message = p.stderr.strip()
            check.ok(p.returncode == 1 and expected in message,
                     f"{what}: refused with '{expected}'", f"exit {p.returncode}: {message[-600:]}")
            check.ok(not os.path.exists(target), f"{what}: the target data directory was not made")
            if pg:
                check.ok(public_tables(pg, refusal_db) == 0,
                         f"{what}: the target database is still empty")
            vp.log(f"    {message.splitlines()[0] if message else ''}")

        def copy_of(name):
            path = os.path.join(tmp.path, name)
            shutil.copytree(backup, path)
            return path

        corrupted = copy_of("corrupted")
        part = os.path.join(corrupted, "database.zst.enc")
        with open(part, "r+b") as f:
            f.seek(os.path.getsize(part) // 2)
            byte = f.read(1)
            f.seek(-1, 1)
            f.write(bytes([byte[0] ^ 0x20]))
        refused("a flipped byte", corrupted, "is corrupted")

        truncated = copy_of("truncated")
        part = os.path.join(truncated, "database.zst.enc")
        os.truncate(part, os.path.getsize(part) // 2)
        refused("a copy cut in half", truncated, "is truncated")

        other_key = os.path.join(tmp.path, "other.key")
        with open(other_key, "w") as f:
            f.write(base64.urlsafe_b64encode(os.urandom(32)).decode().rstrip("=") + "\n")
        os.chmod(other_key, 0o600)
        refused("another key", backup, "wrong backup key", key=other_key)

        future = copy_of("future")
        mpath = os.path.join(future, "manifest.json")
        text = open(mpath).read().replace('"format_version":1', '"format_version":99')
        open(mpath, "w").write(text)
        refused("an unknown format version", future, "unknown backup format version 99")

        vp.log("\n[the drill: vigor backup verify]")
        p = src.run_cli(["backup", "verify", backup, "--backup-key-file", key_file], timeout=120)
        check.ok(p.returncode == 0 and "is good" in p.stdout, "vigor backup verify passes",
                 f"exit {p.returncode}: {p.stdout} {p.stderr[-800:]}")
        if pg:
            leftovers = pg.rows("SELECT datname FROM pg_database WHERE datname LIKE 'vigor_verify_%'")
            check.ok(not leftovers, "the drill dropped its temporary database", f"{leftovers}")
        p = src.run_cli(["backup", "verify", corrupted, "--backup-key-file", key_file], timeout=60)
        check.ok(p.returncode == 1 and "corrupted" in p.stderr,
                 "vigor backup verify refuses the damaged copy", f"{p.returncode}: {p.stderr}")
        check.ok(src.stop(timeout=15) == 0, "the source server stops with exit 0")

        vp.log("\n[restore into a new instance]")
        target = os.path.join(tmp.path, "data-restored")
        target_db = pg.create_database(empty=True) if pg else None
        p = restore(backup, target, database=target_db)
        check.ok(p.returncode == 0, "vigor restore succeeds",
                 f"exit {p.returncode}: {p.stdout} {p.stderr[-1500:]}")
        vp.log("    " + p.stdout.strip().replace("\n", "\n    "))
        again = restore(backup, target, database=target_db)
        check.ok(again.returncode == 1 and "not empty" in again.stderr,
                 "a second restore into the full target is refused",
                 f"exit {again.returncode}: {again.stderr[-500:]}")

        if not pg:
            db = sqlite3.connect(f"file:{os.path.join(target, 'vigor.db')}?mode=ro", uri=True)
            try:
                integrity = db.execute("PRAGMA integrity_check").fetchall()
                foreign = db.execute("PRAGMA foreign_key_check").fetchall()
            finally:
                db.close()
            check.ok(integrity == [("ok",)] and foreign == [],
                     "the restored SQLite database passes integrity_check and foreign_key_check",
                     f"{integrity[:3]} {foreign[:3]}")

        restored_backups = os.path.join(tmp.path, "backups-restored")
        dst = vp.Server(args.vigor, target, tmp.path, name="restored", database=target_db,
                        args=["--backup-dir", restored_backups, "--backup-interval-minutes", "60"])
        servers.append(dst)
        dst.start()
        missing = []
        conn = vp.KeepAlive(dst.port, timeout=30)
        try:
            for wid in before:
                r = conn.request("GET", f"/api/v1/workouts/{wid}",
                                 headers={"Authorization": f"Bearer {token}"})
                if r.status != 200:
                    missing.append(f"{wid}: {r.status}")
        finally:
            conn.close()
        check.ok(not missing, f"all {len(before)} workouts acknowledged before the backup started "
                 f"are in the restored instance", f"{len(missing)} missing, e.g. {missing[:5]}")
        if pg:
            count = int(pg.rows("SELECT count(*) FROM workouts", target_db)[0][0])
            check.ok(count >= len(before), "the restored PostgreSQL database holds the workouts",
                     f"{count} rows for {len(before)} acknowledged")

        vp.log("\n[scheduled backup and drill inside vigor serve]")
        deadline = time.monotonic() + 90
        age = drill = None
        while time.monotonic() < deadline:
            text = dst.request("GET", "/metrics").body.decode()
            for line in text.splitlines():
                if line.startswith("vigor_backup_newest_good_age_seconds "):
                    age = line.split()[1]
                if line.startswith("vigor_backup_drill_ok "):
                    drill = line.split()[1]
            if drill is not None and age not in (None, "+Inf"):
                break
            time.sleep(0.5)
        check.ok(age not in (None, "+Inf") and float(age) < 120,
                 "the scheduled backup was taken at start: its age is finite", f"age {age}")
        check.ok(drill == "1", "the restore drill of the scheduled backup passed",
                 f"drill {drill}; {dst.stderr_text()[-1500:]}")
        finished = [n for n in os.listdir(restored_backups) if n.startswith("vigor-backup-")] \
            if os.path.isdir(restored_backups) else []
        check.ok(len(finished) == 1, "one scheduled backup in --backup-dir", f"{finished}")
        check.ok(dst.stop(timeout=15) == 0, "the restored server stops with exit 0")
    except vp.TestFailure as e:
        check.fail("test aborted", str(e))
    finally:
        for s in servers:
            if s.alive():
                s.kill()
        tmp.cleanup()
    return check.finish()


if __name__ == "__main__":
    sys.exit(main())
