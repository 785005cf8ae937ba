#!/usr/bin/python3
"""The SQLite and the PostgreSQL schema are the same schema.

  * migrations/sqlite and migrations/postgresql hold the same version numbers (and names).
  * `vigor migrate --data-dir DIR` on an empty folder and `vigor migrate --database URL` on an
    empty PostgreSQL 15 (started here with scripts/pg-test-server, stopped after) both succeed.
  * Then, table by table and column by column: the same tables; the same columns in the same
    order; the same nullability (a PRIMARY KEY column counts as NOT NULL); mapped types (TEXT ~
    text, INTEGER ~ bigint, REAL ~ double precision, BLOB ~ bytea); the same primary keys; the
    same indexes as (unique, key columns, partial condition), where SQLite's `col COLLATE NOCASE`
    matches PostgreSQL's `lower(col)`; the same foreign keys (columns, referenced table and
    columns, ON DELETE action).
  * Every PostgreSQL text column of the migrations is COLLATE "C" (byte order and ASCII-only
    lower(), as SQLite's BINARY and NOCASE), whatever the database's default collation.
SQLite is read with python's sqlite3 module, PostgreSQL with `psql -At` (information_schema and
pg_catalog).
"""

import os
import re
import sqlite3
import subprocess
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vigorproc as vp  # noqa: E402

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
TYPE_MAP = {"TEXT": "text", "INTEGER": "bigint", "REAL": "double precision", "BLOB": "bytea"}
ON_DELETE = {"a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL",
             "d": "SET DEFAULT"}
SEP = "\x1f"  # between fields of psql's output and items of a list (no name holds it)
# Created by the database classes, not by a migration; exempt from the collation rule only.
BOOKKEEPING = {"schema_migrations"}


def extra_args(p):
    p.add_argument("--migrations", default=os.path.join(REPO, "migrations"),
                   help="the migrations folder (default: the repository's)")
    p.add_argument("--pg-test-server", default=os.path.join(REPO, "scripts", "pg-test-server"),
                   help="the script that starts a throw-away PostgreSQL")


# ---------------------------------------------------------------- migration files


def versions(folder):
    """{version: name} of the NNNN_name.sql files in `folder`."""
    found = {}
    for f in sorted(os.listdir(folder)):
        m = re.fullmatch(r"(\d+)_(.+)\.sql", f)
        if m:
            found[int(m.group(1))] = m.group(2)
    return found


# ---------------------------------------------------------------- normalised schema
# A schema is {table: {"columns": [(name, type, not_null)], "pk": (cols), "indexes": set of
# (unique, (keys), predicate), "fks": set of ((cols), ref_table, (ref_cols), on_delete),
# "collations": {column: collation}}}.


def norm_predicate(text):
    """A partial index's condition in a form both databases' spellings reduce to."""
    if not text:
        return ""
    text = re.sub(r"::[a-z_]+( precision)?", "", text.lower())
    return re.sub(r"[\s()]", "", text)


def sqlite_schema(path):
    db = sqlite3.connect(path)
    try:
        schema = {}
        tables = [r[0] for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name")]
        for t in tables:
            info = db.execute(f"PRAGMA table_info('{t}')").fetchall()  # cid name type notnull dflt pk
            pk = tuple(r[1] for r in sorted((r for r in info if r[5]), key=lambda r: r[5]))
            columns = [(r[1], TYPE_MAP.get(r[2].upper(), "?" + r[2]), bool(r[3]) or r[1] in pk)
                       for r in info]
            indexes = set()
            for _, name, unique, origin, partial in db.execute(f"PRAGMA index_list('{t}')"):
                if origin == "pk":
                    continue  # the primary key, compared as "pk"
                keys = []
                for _, cid, col, _, coll, key in db.execute(f"PRAGMA index_xinfo('{name}')"):
                    if not key:
                        continue
                    if cid < 0:
                        keys.append("<expression>")
                    elif coll and coll.upper() == "NOCASE":
                        keys.append(f"lower({col})")
                    else:
                        keys.append(col)
                predicate = ""
                if partial:
                    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = ?",
                                     (name,)).fetchone()[0]
                    predicate = re.split(r"\bWHERE\b", sql, flags=re.I)[-1]
                indexes.add((bool(unique), tuple(keys), norm_predicate(predicate)))
            fks = {}
            for fid, seq, ref, frm, to, _, on_delete, _ in db.execute(
                    f"PRAGMA foreign_key_list('{t}')"):
                fks.setdefault(fid, {"ref": ref, "on_delete": on_delete.upper(), "cols": []})
                fks[fid]["cols"].append((seq, frm, to))
            fk_set = set()
            for fk in fks.values():
                cols = sorted(fk["cols"])
                to = tuple(c[2] for c in cols)
                if any(c is None for c in to):  # REFERENCES t without columns: its primary key
                    ref_info = db.execute(f"PRAGMA table_info('{fk['ref']}')").fetchall()
                    to = tuple(r[1] for r in sorted((r for r in ref_info if r[5]),
                                                    key=lambda r: r[5]))
                fk_set.add((tuple(c[1] for c in cols), fk["ref"], to, fk["on_delete"]))
            schema[t] = {"columns": columns, "pk": pk, "indexes": indexes, "fks": fk_set,
                         "collations": {}}
        return schema
    finally:
        db.close()


def psql(url, sql):
    p = subprocess.run(["psql", "-X", "-v", "ON_ERROR_STOP=1", "-At", "-F", SEP, "-d", url,
                        "-c", sql], capture_output=True, text=True, timeout=60)
    if p.returncode != 0:
        raise vp.TestFailure(f"psql failed: {p.stderr.strip()[:600]}")
    return [line.split(SEP) for line in p.stdout.splitlines() if line]


def pg_schema(url):
    schema = {}
    for (t,) in psql(url, "SELECT table_name FROM information_schema.tables "
                          "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"):
        schema[t] = {"columns": [], "pk": (), "indexes": set(), "fks": set(), "collations": {}}
    for t, col, nullable, dtype, coll in psql(
            url, "SELECT table_name, column_name, is_nullable, data_type, "
                 "COALESCE(collation_name, '') FROM information_schema.columns "
                 "WHERE table_schema = 'public' ORDER BY table_name, ordinal_position"):
        if t in schema:
            schema[t]["columns"].append((col, dtype, nullable == "NO"))
            if dtype == "text":
                schema[t]["collations"][col] = coll
    # Key columns as pg_get_indexdef spells them: a name, or an expression such as lower(name);
    # last, since they are split on the same separator as the fields.
    rows = psql(url, "SELECT t.relname, x.indisunique, x.indisprimary, "
                     "COALESCE(pg_get_expr(x.indpred, x.indrelid, true), ''), "
                     "(SELECT string_agg(pg_get_indexdef(x.indexrelid, k, true), E'\\x1f' "
                     "ORDER BY k) FROM generate_series(1, x.indnkeyatts) AS k) "
                     "FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid "
                     "JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public'")
    for row in rows:
        t, unique, primary, predicate = row[0], row[1], row[2], row[3]
        keys = tuple(k.replace('"', "") for k in row[4:])  # "position" is quoted: a keyword
        if t not in schema:
            continue
        if primary == "t":
            schema[t]["pk"] = keys
        else:
            schema[t]["indexes"].add((unique == "t", keys, norm_predicate(predicate)))
    for row in psql(url, "SELECT c.relname, con.confdeltype, r.relname, "
                         "(SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(con.conkey) "
                         " WITH ORDINALITY AS k(attnum, n) JOIN pg_attribute a "
                         " ON a.attrelid = con.conrelid AND a.attnum = k.attnum), "
                         "(SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(con.confkey) "
                         " WITH ORDINALITY AS k(attnum, n) JOIN pg_attribute a "
                         " ON a.attrelid = con.confrelid AND a.attnum = k.attnum) "
                         "FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid "
                         "JOIN pg_class r ON r.oid = con.confrelid "
                         "JOIN pg_namespace n ON n.oid = c.relnamespace "
                         "WHERE con.contype = 'f' AND n.nspname = 'public'"):
        t, action, ref, cols, ref_cols = row
        if t in schema:
            schema[t]["fks"].add((tuple(cols.split(",")), ref, tuple(ref_cols.split(",")),
                                  ON_DELETE.get(action, action)))
    return schema


# ---------------------------------------------------------------- comparison


def compare(check, lite, pg):
    check.ok(sorted(lite) == sorted(pg), "the same tables",
             f"only in SQLite: {sorted(set(lite) - set(pg))}; "
             f"only in PostgreSQL: {sorted(set(pg) - set(lite))}")
    for t in sorted(set(lite) & set(pg)):
        a, b = lite[t], pg[t]
        names_a = [c[0] for c in a["columns"]]
        names_b = [c[0] for c in b["columns"]]
        check.ok(names_a == names_b, f"{t}: the same columns in the same order",
                 f"SQLite {names_a}; PostgreSQL {names_b}")
        by_name = {c[0]: c for c in b["columns"]}
        for name, ltype, lnotnull in a["columns"]:
            if name not in by_name:
                continue
            _, ptype, pnotnull = by_name[name]
            if ltype != ptype or lnotnull != pnotnull:
                check.fail(f"{t}.{name}: same mapped type and nullability",
                           f"SQLite {ltype} {'NOT NULL' if lnotnull else 'NULL'}; "
                           f"PostgreSQL {ptype} {'NOT NULL' if pnotnull else 'NULL'}")
        check.ok(True, f"{t}: column types and nullability compared")
        check.ok(a["pk"] == b["pk"], f"{t}: the same primary key",
                 f"SQLite {a['pk']}; PostgreSQL {b['pk']}")
        check.ok(a["indexes"] == b["indexes"],
                 f"{t}: the same indexes (unique, keys, condition)",
                 f"only in SQLite: {sorted(a['indexes'] - b['indexes'])}; "
                 f"only in PostgreSQL: {sorted(b['indexes'] - a['indexes'])}")
        check.ok(a["fks"] == b["fks"], f"{t}: the same foreign keys",
                 f"only in SQLite: {sorted(a['fks'] - b['fks'])}; "
                 f"only in PostgreSQL: {sorted(b['fks'] - a['fks'])}")
        if t not in BOOKKEEPING:
            not_c = sorted(c for c, coll in b["collations"].items() if coll != "C")
            check.ok(not not_c, f"{t}: every text column is COLLATE \"C\" on PostgreSQL",
                     f"not \"C\": {not_c}")


def main():
    args = vp.base_args(__doc__, extra_args)
    check = vp.Check("schema_parity_test")
    tmp = vp.TempDir("vigor-parity-")
    os.chmod(tmp.path, 0o755)  # the server runs as `postgres` when we are root: it must get in
    pg_dir = os.path.join(tmp.path, "pg")
    started = False
    try:
        lite_versions = versions(os.path.join(args.migrations, "sqlite"))
        pg_versions = versions(os.path.join(args.migrations, "postgresql"))
        check.ok(len(lite_versions) > 0, "migrations/sqlite holds migrations",
                 f"none in {args.migrations}/sqlite")
        check.ok(sorted(lite_versions) == sorted(pg_versions),
                 "migrations/sqlite and migrations/postgresql hold the same version numbers",
                 f"only SQLite: {sorted(set(lite_versions) - set(pg_versions))}; "
                 f"only PostgreSQL: {sorted(set(pg_versions) - set(lite_versions))}")
        differing = sorted(v for v in set(lite_versions) & set(pg_versions)
                           if lite_versions[v] != pg_versions[v])
        check.ok(not differing, "each version has the same name in both dialects",
                 ", ".join(f"{v}: {lite_versions[v]} / {pg_versions[v]}" for v in differing))

        data = os.path.join(tmp.path, "data")
        os.makedirs(data)
        p = vp.run_cli(args.vigor, ["migrate", "--data-dir", data], timeout=60,
                       env=vp.clean_env())
        if not check.ok(p.returncode == 0, "vigor migrate --data-dir exits 0",
                        f"exit {p.returncode}: {p.stderr[:600]!r}"):
            return check.finish()

        p = subprocess.run([args.pg_test_server, "start", pg_dir, "--fast"], capture_output=True,
                           text=True, timeout=120)
        started = True
        if not check.ok(p.returncode == 0, "a throw-away PostgreSQL starts",
                        f"exit {p.returncode}: {p.stderr[-600:]!r}"):
            return check.finish()
        url = p.stdout.strip().splitlines()[-1]
        vp.log(f"PostgreSQL at {url}")
        psql(url, "CREATE DATABASE parity")
        parity_url = url.rsplit("/", 1)[0] + "/parity"
        p = vp.run_cli(args.vigor, ["migrate", "--database", parity_url], timeout=120,
                       env=vp.clean_env())
        if not check.ok(p.returncode == 0, "vigor migrate --database exits 0",
                        f"exit {p.returncode}: {p.stderr[:600]!r}"):
            return check.finish()

        newest = max(lite_versions) if lite_versions else 0
        applied = psql(parity_url, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations")
        check.ok(applied == [[str(newest)]], f"PostgreSQL is at version {newest}",
                 f"schema_migrations says {applied}")

        compare(check, sqlite_schema(os.path.join(data, "vigor.db")), pg_schema(parity_url))
    except (vp.TestFailure, subprocess.TimeoutExpired, OSError) as e:
        check.fail("the test ran to its end", str(e))
    finally:
        if started:
            subprocess.run([args.pg_test_server, "stop", pg_dir], capture_output=True, timeout=60)
        tmp.cleanup()
    return check.finish()


if __name__ == "__main__":
    sys.exit(main())
