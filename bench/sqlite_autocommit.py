#!/usr/bin/python3
"""Reference for the write benchmark: raw SQLite autocommit INSERTs per second.

WAL + synchronous=FULL, one connection, one single-row INSERT per transaction (autocommit), in a
temp file inside --dir (use the same filesystem as the server's data dir). Runs for about
--seconds and prints one JSON object: {"inserts", "seconds", "per_sec", "sqlite_version"}.
This is what durable writes cost without group commit: one fsync-ed commit per row.
"""
import argparse
import json
import os
import sqlite3
import tempfile
import time


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--seconds", type=float, default=5.0)
    p.add_argument("--dir", default=None)
    a = p.parse_args()
    d = tempfile.mkdtemp(prefix="vigor-sqlite-ref-", dir=a.dir)
    path = os.path.join(d, "ref.db")
    try:
        db = sqlite3.connect(path, isolation_level=None)  # autocommit: each INSERT commits
        mode = db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        db.execute("PRAGMA synchronous=FULL")
        sync = db.execute("PRAGMA synchronous").fetchone()[0]
        if mode.lower() != "wal" or sync != 2:
            raise SystemExit(f"could not set WAL/FULL: journal_mode={mode} synchronous={sync}")
        db.execute("CREATE TABLE write_probes (key TEXT PRIMARY KEY, value TEXT NOT NULL, "
                   "updated_at TEXT NOT NULL)")
        n = 0
        t0 = time.perf_counter()
        deadline = t0 + a.seconds
        while True:
            for _ in range(8):
                n += 1
                key = f"ref-{n}"
                db.execute("INSERT INTO write_probes (key, value, updated_at) VALUES (?, ?, "
                           "strftime('%Y-%m-%dT%H:%M:%fZ','now'))", (key, "bench value for " + key))
            if time.perf_counter() >= deadline:
                break
        secs = time.perf_counter() - t0
        count = db.execute("SELECT count(*) FROM write_probes").fetchone()[0]
        db.close()
        if count != n:
            raise SystemExit(f"expected {n} rows, found {count}")
        print(json.dumps({"inserts": n, "seconds": round(secs, 3), "per_sec": n / secs,
                          "sqlite_version": sqlite3.sqlite_version}))
    finally:
        for f in os.listdir(d):
            os.unlink(os.path.join(d, f))
        os.rmdir(d)


if __name__ == "__main__":
    main()
