#!/usr/bin/python3
"""Settings precedence (flags > env > file), bad settings, and the small CLI commands.

  * file says port A, env says B, flag says C -> listens on C; without the flag -> B;
    without env -> A (with --config and with VIGOR_CONFIG); env alone (VIGOR_LISTEN,
    VIGOR_DATA_DIR) is enough to start.
  * `--listen nonsense --workers -3` -> exit 2, stderr names both, one per line; the same
    through env; an unknown key in the file -> exit 2 naming it; four bad flags at once are
    all reported.
  * `vigor --help` exits 0 and mentions serve, migrate, version; `vigor version` prints the
    version /api/v1/meta reports; `vigor migrate` exits 0 and is idempotent.
  * With --postgres-dir, on an empty PostgreSQL database: `vigor migrate --database URL` exits 0,
    twice (idempotent), and records the versions of migrations/postgresql; `vigor serve` with
    VIGOR_DATABASE=URL (no flag) serves it at that schema version; a URL that is not
    postgresql:// is refused at start (exit 2, naming database).
"""

import os
import subprocess
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vigorproc as vp  # noqa: E402


def serve_and_port(check, vigor, tmp, name, args, env, expect_port):
    """Starts `vigor serve ARGS` (no implicit flags), returns after checking the printed port."""
    srv = vp.Server(vigor, None, tmp.path, args=args, env=env, use_flags=False, name=name)
    try:
        srv.start(ready_timeout=20)
        ok = check.ok(srv.port == expect_port, f"{name}: listens on port {expect_port}",
                      f"printed port {srv.port}; stdout {srv.stdout_text()[:300]!r}")
        if ok:
            r = srv.request("GET", "/healthz")
            check.ok(r.status == 200, f"{name}: /healthz answers on that port", f"{r!r}")
        code = srv.stop(timeout=10)
        check.ok(code == 0, f"{name}: SIGTERM -> exit 0", f"exit code {code}")
    except vp.TestFailure as e:
        check.fail(f"{name}: server starts", str(e))
    finally:
        srv.kill()


def expect_bad(check, vigor, name, args, env, must_name):
    try:
        p = vp.run_cli(vigor, args, timeout=15, env=env)
    except subprocess.TimeoutExpired:
        check.fail(f"{name}: exits (with code 2)", "still running after 15 s (it started serving?)")
        return
    check.ok(p.returncode == 2, f"{name}: exit code 2", f"exit code {p.returncode}; "
             f"stdout {p.stdout[:300]!r}; stderr {p.stderr[:600]!r}")
    check.ok("Vigor is running" not in p.stdout, f"{name}: never claims to be running")
    lines = [ln for ln in p.stderr.splitlines() if ln.strip()]
    where = {}
    for word in must_name:
        where[word] = [i for i, ln in enumerate(lines) if word.lower() in ln.lower()]
        check.ok(bool(where[word]), f"{name}: stderr names {word!r}", f"stderr: {p.stderr[:800]!r}")
    if len(must_name) > 1 and all(where.values()):
        # every bad setting on its own line: we can pick a distinct line for each
        used, distinct = set(), True
        for word in must_name:
            free = [i for i in where[word] if i not in used]
            if not free:
                distinct = False
                break
            used.add(free[0])
        check.ok(distinct, f"{name}: each bad setting reported on its own line",
                 f"stderr: {p.stderr[:800]!r}")


def postgres_section(check, vigor, tmp, pg):
    vp.log("\n[PostgreSQL: migrate --database, VIGOR_DATABASE]")
    url = pg.url(pg.create_database(empty=True))
    versions = sorted({int(f.split("_", 1)[0]) for f in os.listdir(
        os.path.join(vp.REPO_ROOT, "migrations", "postgresql")) if f.endswith(".sql")})
    for attempt in ("", " a second time (idempotent)"):
        p = vp.run_cli(vigor, ["migrate", "--database", url], timeout=60)
        check.ok(p.returncode == 0 and f"schema version {versions[-1]}" in p.stdout,
                 f"vigor migrate --database{attempt} exits 0 at schema version {versions[-1]}",
                 f"exit {p.returncode}: {p.stdout[-300:]!r} {p.stderr[-600:]!r}")
    applied = sorted(int(v[0]) for v in pg.rows("SELECT version FROM schema_migrations",
                                                url.rsplit("/", 1)[1]))
    check.ok(applied == versions, "schema_migrations lists every migration of "
             "migrations/postgresql once", f"applied {applied}, files {versions}")
    data = os.path.join(tmp.path, "pg-data")
    os.makedirs(data)
    srv = vp.Server(vigor, None, tmp.path, args=["--listen", f"{vp.HOST}:0", "--data-dir", data],
                    env={"VIGOR_DATABASE": url}, use_flags=False, name="pg-env", postgres=None)
    try:
        ready = srv.start().ready_response.json() or {}
        check.ok(ready.get("schema_version") == versions[-1],
                 f"VIGOR_DATABASE alone selects PostgreSQL: /readyz at schema version "
                 f"{versions[-1]}", f"{ready!r}")
        check.ok(not os.path.exists(os.path.join(data, "vigor.db")),
                 "no SQLite file is made under --data-dir when on PostgreSQL")
        check.ok(srv.stop(timeout=10) == 0, "server on PostgreSQL stops with exit 0")
    except vp.TestFailure as e:
        check.fail("server with VIGOR_DATABASE", str(e))
    finally:
        srv.kill()
    expect_bad(check, vigor, "--database that is not postgresql://",
               ["serve", "--database", "mysql://root@127.0.0.1/vigor", "--data-dir", data], {},
               ["database"])


def main():
    args = vp.base_args(__doc__)
    check = vp.Check("config_test")
    tmp = vp.TempDir("vigor-config-")
    vigor = args.vigor
    try:
        data = os.path.join(tmp.path, "data")
        os.makedirs(data)
        a, b, c = vp.free_ports(3)
        conf = os.path.join(tmp.path, "vigor.conf")
        with open(conf, "w") as f:
            f.write(f"# Vigor test configuration\n\n   # an indented comment\nlisten = 127.0.0.1:{a}\n")
        vp.log(f"ports: file A={a}, env B={b}, flag C={c}")

        vp.log("\n[precedence]")
        serve_and_port(check, vigor, tmp, "flag+env+file",
                       ["--config", conf, "--listen", f"127.0.0.1:{c}", "--data-dir", data],
                       {"VIGOR_LISTEN": f"127.0.0.1:{b}"}, c)
        serve_and_port(check, vigor, tmp, "env+file", ["--config", conf, "--data-dir", data],
                       {"VIGOR_LISTEN": f"127.0.0.1:{b}"}, b)
        serve_and_port(check, vigor, tmp, "file (--config)", ["--config", conf, "--data-dir", data],
                       {}, a)
        serve_and_port(check, vigor, tmp, "file (VIGOR_CONFIG)", ["--data-dir", data],
                       {"VIGOR_CONFIG": conf}, a)
        env_data = os.path.join(tmp.path, "env-data")
        os.makedirs(env_data)
        serve_and_port(check, vigor, tmp, "env only (VIGOR_LISTEN, VIGOR_DATA_DIR)", [],
                       {"VIGOR_LISTEN": f"127.0.0.1:{b}", "VIGOR_DATA_DIR": env_data}, b)
        check.ok(os.path.exists(os.path.join(env_data, "vigor.db")),
                 "VIGOR_DATA_DIR is used: vigor.db created there")

        vp.log("\n[bad settings]")
        expect_bad(check, vigor, "--listen nonsense --workers -3",
                   ["serve", "--listen", "nonsense", "--workers", "-3", "--data-dir", data], {},
                   ["listen", "workers"])
        expect_bad(check, vigor, "VIGOR_LISTEN=nonsense VIGOR_WORKERS=-3",
                   ["serve", "--data-dir", data],
                   {"VIGOR_LISTEN": "nonsense", "VIGOR_WORKERS": "-3"}, ["listen", "workers"])
        bad_conf = os.path.join(tmp.path, "bad.conf")
        with open(bad_conf, "w") as f:
            f.write("listen = 127.0.0.1:0\nbogus_setting = 1\n")
        expect_bad(check, vigor, "unknown key in config file", ["serve", "--config", bad_conf,
                   "--data-dir", data], {}, ["bogus_setting"])
        expect_bad(check, vigor, "four bad flags at once",
                   ["serve", "--listen", "nonsense", "--workers", "-3", "--io-model", "weird",
                    "--max-body-bytes", "lots", "--data-dir", data], {},
                   ["listen", "workers", "io-model", "max-body-bytes"])
        expect_bad(check, vigor, "missing config file",
                   ["serve", "--config", os.path.join(tmp.path, "absent.conf"), "--data-dir", data],
                   {}, ["absent.conf"])

        vp.log("\n[CLI]")
        p = vp.run_cli(vigor, ["--help"], timeout=10)
        out = p.stdout + p.stderr
        check.ok(p.returncode == 0, "vigor --help exits 0", f"exit {p.returncode}")
        for word in ("serve", "migrate", "version"):
            check.ok(word in out, f"vigor --help mentions {word}", f"output: {out[:600]!r}")
        p = vp.run_cli(vigor, ["serve", "--help"], timeout=10)
        out = p.stdout + p.stderr
        check.ok(p.returncode == 0 and "--listen" in out and "--data-dir" in out,
                 "vigor serve --help exits 0 and lists --listen and --data-dir",
                 f"exit {p.returncode}: {out[:600]!r}")
        p = vp.run_cli(vigor, ["no-such-command"], timeout=10)
        check.ok(p.returncode != 0, "an unknown subcommand exits non-zero", f"exit {p.returncode}")

        p = vp.run_cli(vigor, ["version"], timeout=10)
        version_out = p.stdout.strip()
        check.ok(p.returncode == 0 and version_out, "vigor version exits 0 and prints something",
                 f"exit {p.returncode}, stdout {p.stdout!r}, stderr {p.stderr[:300]!r}")

        mig = os.path.join(tmp.path, "mig")
        os.makedirs(mig)
        p = vp.run_cli(vigor, ["migrate", "--data-dir", mig], timeout=30)
        check.ok(p.returncode == 0, "vigor migrate exits 0", f"exit {p.returncode}: {p.stderr[:600]!r}")
        check.ok(os.path.exists(os.path.join(mig, "vigor.db")), "vigor migrate created vigor.db")
        p = vp.run_cli(vigor, ["migrate", "--data-dir", mig], timeout=30)
        check.ok(p.returncode == 0, "vigor migrate a second time exits 0 (idempotent)",
                 f"exit {p.returncode}: {p.stderr[:600]!r}")

        srv = vp.Server(vigor, mig, tmp.path, name="version", postgres=None)  # that data dir
        try:
            rr = srv.start().ready_response
            ready = rr.json() or {}
            check.ok(ready.get("status") == "ready" and isinstance(ready.get("schema_version"), int)
                     and ready["schema_version"] > 0,
                     "after migrate, /readyz says ready with a positive integer schema_version",
                     f"{rr!r}")
            meta = srv.request("GET", "/api/v1/meta").json() or {}
            v = meta.get("version")
            check.ok(isinstance(v, str) and v and v in version_out.split() + [version_out]
                     or (isinstance(v, str) and v and v in version_out),
                     f"vigor version output contains the /api/v1/meta version {v!r}",
                     f"vigor version printed {version_out!r}")
            check.ok(srv.stop(timeout=10) == 0, "server stops with exit 0")
        except vp.TestFailure as e:
            check.fail("server on the migrated data dir", str(e))
        finally:
            srv.kill()
        if args.postgres:
            postgres_section(check, vigor, tmp, args.postgres)
    finally:
        tmp.cleanup()
    return check.finish()


if __name__ == "__main__":
    sys.exit(main())
