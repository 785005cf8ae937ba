#!/usr/bin/python3
"""One Patroni member from deploy/, on loopback: HAProxy finds it, then a point-in-time recovery
as docs/scaling.md describes it.

  etcd, then one Patroni member from deploy/patroni/patroni-1.yml (addresses, paths and timings
  moved for a test; archive_command and restore_command as written) archiving its WAL with
  pgBackRest configured by deploy/pgbackrest/pgbackrest.conf (the repository in a local folder
  instead of the bucket); stanza-create, check, a full backup; rows written before and after a
  target time; then the documented restore: stop Patroni, `patronictl remove`, data directory
  moved aside, deploy/patroni/pitr-bootstrap.yml merged in with the target, Patroni started.
  The restored primary has the rows from before the target and none from after, on a new
  timeline. Before the restore, deploy/haproxy/haproxy.cfg (addresses moved; the two other
  members' ports closed) runs in front: its primary port reaches the primary, its replica port
  falls back to the primary while there is no replica, and its Prometheus endpoint answers.

PostgreSQL, Patroni and pgBackRest run as the `postgres` user when started as root.
Usage: patroni_test.py --vigor build/release/vigor  (the binary is not used)
"""

import os
import pwd
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "process"))
import vigorproc as vp  # noqa: E402

DEPLOY = os.path.join(vp.REPO_ROOT, "deploy")
PG_BIN = "/usr/lib/postgresql/15/bin"
PASSWORD = "pitr-test-secret"


def low_ports(n):
    """Ports below the ephemeral range (toolchain.md: Patroni picked inside it clashed)."""
    ports = []
    while len(ports) < n:
        p = random.randint(20000, 32000)
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", p))
            except OSError:
                continue
        if p not in ports:
            ports.append(p)
    return ports


class Run:
    def __init__(self, tmp, user):
        self.tmp, self.user = tmp, user
        self.env = dict(os.environ, PGBACKREST_CONFIG=f"{tmp}/pgbackrest.conf",
                        PGBACKREST_REPO1_CIPHER_PASS="pitr-test-cipher",
                        PATRONI_SUPERUSER_PASSWORD=PASSWORD, PATRONI_REPLICATION_PASSWORD=PASSWORD,
                        PATRONI_REWIND_PASSWORD=PASSWORD, PATRONI_RESTAPI_PASSWORD=PASSWORD,
                        PGPASSWORD=PASSWORD, PGCONNECT_TIMEOUT="3", HOME=tmp)

    def as_user(self, cmd):
        if not self.user:
            return cmd
        pw = pwd.getpwnam(self.user)
        return ["setpriv", f"--reuid={pw.pw_uid}", f"--regid={pw.pw_gid}", "--init-groups"] + cmd

    def run(self, cmd, timeout=120, input=None):
        return subprocess.run(self.as_user(cmd), capture_output=True, text=True, timeout=timeout,
                              env=self.env, input=input, cwd=self.tmp)

    def start(self, cmd, log):
        out = open(f"{self.tmp}/{log}", "ab")
        return subprocess.Popen(self.as_user(cmd), stdout=out, stderr=out,
                                stdin=subprocess.DEVNULL, env=self.env, cwd=self.tmp)


def stop(proc, timeout=30):
    if proc and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def http_status(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code
    except OSError:
        return None


def wait(what, cond, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if cond():
            return True
        time.sleep(0.2)
    raise vp.TestFailure(f"{what}: not within {timeout} s")


def render_patroni(ports, tmp, pitr_target=None):
    import yaml
    with open(os.path.join(DEPLOY, "patroni", "patroni-1.yml")) as f:
        c = yaml.safe_load(f)
    c["etcd3"]["hosts"] = [f"127.0.0.1:{ports['etcd']}"]
    c["restapi"]["listen"] = c["restapi"]["connect_address"] = f"127.0.0.1:{ports['rest']}"
    # A test's timings (toolchain.md); the rest of the DCS settings as written.
    c["bootstrap"]["dcs"].update({"ttl": 10, "loop_wait": 1, "retry_timeout": 4})
    c["bootstrap"]["initdb"].append("no-sync")
    c["bootstrap"]["pg_hba"] = [
        line.replace("10.0.2.0/24", "127.0.0.1/32").replace("10.0.1.0/24", "127.0.0.1/32")
            .replace("hostssl", "host") for line in c["bootstrap"]["pg_hba"]]
    pg = c["postgresql"]
    pg["listen"] = pg["connect_address"] = f"127.0.0.1:{ports['pg']}"
    pg["data_dir"] = f"{tmp}/data"
    pg["pgpass"] = f"{tmp}/pgpass"
    pg["parameters"] = {"unix_socket_directories": f"{tmp}/run", "ssl": "off", "fsync": "off"}
    if pitr_target:
        with open(os.path.join(DEPLOY, "patroni", "pitr-bootstrap.yml")) as f:
            text = f.read().replace("TARGET", pitr_target)
        c["bootstrap"].update(yaml.safe_load(text)["bootstrap"])
    with open(f"{tmp}/patroni.yml", "w") as f:
        yaml.safe_dump(c, f)


def render_pgbackrest(ports, tmp):
    out = []
    with open(os.path.join(DEPLOY, "pgbackrest", "pgbackrest.conf")) as f:
        for line in f:
            key = line.split("=", 1)[0].strip()
            if key.startswith("repo1-s3-"):
                continue
            line = {
                "repo1-type": "repo1-type=posix\n",
                "repo1-path": f"repo1-path={tmp}/repo\n",
                "spool-path": f"spool-path={tmp}/spool\n",
                "log-path": f"log-path={tmp}/log\nlock-path={tmp}/lock\n",
                "pg1-path": f"pg1-path={tmp}/data\n",
                "pg1-socket-path": f"pg1-socket-path={tmp}/run\n",
                "pg1-port": f"pg1-port={ports['pg']}\n",
            }.get(key, line)
            out.append(line)
    with open(f"{tmp}/pgbackrest.conf", "w") as f:
        f.write("".join(out))


def main():
    vp.base_args(__doc__)
    check = vp.Check("patroni_test")
    missing = [t for t in ("patroni", "patronictl", "etcd", "pgbackrest")
               if not shutil.which(t)] + ([] if os.path.exists(f"{PG_BIN}/postgres")
                                          else ["postgresql-15"])
    if missing:
        vp.log(f"  NOT CHECKED: point-in-time recovery: {', '.join(missing)} not installed")
        return check.finish()
    user = "postgres" if os.geteuid() == 0 else None
    tmp = tempfile.mkdtemp(prefix="vigor-pitr-")
    os.chmod(tmp, 0o755)
    for d in ("run", "repo", "spool", "log", "lock", "etcd"):
        os.makedirs(f"{tmp}/{d}")
    if user:
        subprocess.run(["chown", "-R", user, tmp], check=True)
    ports = dict(zip(("etcd", "peer", "rest", "pg", "hap_primary", "hap_replicas", "hap_stats",
                      "hap_http", "dead_pg", "dead_rest"), low_ports(10)))
    r = Run(tmp, user)
    etcd = patroni = haproxy = None
    started = time.monotonic()
    try:
        etcd = r.start(["etcd", "--name", "e1", "--data-dir", f"{tmp}/etcd",
                        "--listen-client-urls", f"http://127.0.0.1:{ports['etcd']}",
                        "--advertise-client-urls", f"http://127.0.0.1:{ports['etcd']}",
                        "--listen-peer-urls", f"http://127.0.0.1:{ports['peer']}",
                        "--initial-advertise-peer-urls", f"http://127.0.0.1:{ports['peer']}",
                        "--initial-cluster", f"e1=http://127.0.0.1:{ports['peer']}",
                        "--initial-cluster-state", "new"], "etcd.log")
        render_pgbackrest(ports, tmp)
        render_patroni(ports, tmp)
        patroni = r.start(["patroni", f"{tmp}/patroni.yml"], "patroni.log")
        primary = f"http://127.0.0.1:{ports['rest']}/primary"
        wait("Patroni's member becomes the primary", lambda: http_status(primary) == 200, 60)
        vp.log(f"   cluster up in {time.monotonic() - started:.1f} s")

        def sql(query):
            p = r.run(["psql", "-h", f"{tmp}/run", "-p",
                       str(ports["pg"]), "-U", "postgres", "-d", "postgres", "-At", "-v",
                       "ON_ERROR_STOP=1", "-c", query])
            if p.returncode != 0:
                raise vp.TestFailure(f"psql {query!r}: {p.stderr}")
            return p.stdout.strip()

        steps = [["pgbackrest", "--stanza=vigor", "stanza-create"],
                 ["pgbackrest", "--stanza=vigor", "check"],
                 ["pgbackrest", "--stanza=vigor", "--type=full", "backup"]]
        for cmd in steps:
            p = r.run(cmd, timeout=300)
            if not check.ok(p.returncode == 0, " ".join(cmd[1:]), (p.stdout + p.stderr)[-1500:]):
                return check.finish()

        haproxy = start_haproxy(ports, tmp)
        haproxy_checks(check, r, ports, tmp, haproxy)

        sql("CREATE TABLE marks (label text PRIMARY KEY, at timestamptz DEFAULT now())")
        sql("INSERT INTO marks (label) VALUES ('before-1'), ('before-2')")
        time.sleep(1.2)
        target = sql("SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00'")
        time.sleep(1.2)
        sql("INSERT INTO marks (label) VALUES ('after-1')")
        timeline_before = int(sql("SELECT timeline_id FROM pg_control_checkpoint()"))
        # Push the WAL with the rows out to the repository (archive_timeout would, in a minute).
        segment = sql("SELECT pg_walfile_name(pg_current_wal_lsn())")
        sql("SELECT pg_switch_wal()")
        wait("the WAL with the rows is archived",
             lambda: sql("SELECT coalesce(last_archived_wal, '') FROM pg_stat_archiver") >= segment,
             60)
        check.ok(True, f"WAL archived through pgBackRest's archive_command (segment {segment})")

        vp.log(f"\n[restore to {target}]")
        stop(patroni)
        p = r.run(["patronictl", "-c", f"{tmp}/patroni.yml", "remove", "vigor"],
                  input="vigor\nYes I am aware\n")
        check.ok(p.returncode == 0, "patronictl remove vigor", (p.stdout + p.stderr)[-800:])
        # A postmaster Patroni left behind (it stops PostgreSQL on TERM; make sure).
        r.run([f"{PG_BIN}/pg_ctl", "-D", f"{tmp}/data", "-m", "fast", "stop"])
        os.rename(f"{tmp}/data", f"{tmp}/data.before-restore")
        render_patroni(ports, tmp, pitr_target=target)
        patroni = r.start(["patroni", f"{tmp}/patroni.yml"], "patroni.log")
        restored = wait_quietly(lambda: http_status(primary) == 200, 120)
        if not check.ok(restored, "Patroni bootstraps the cluster from pgBackRest "
                        "(deploy/patroni/pitr-bootstrap.yml) and becomes the primary",
                        tail(f"{tmp}/patroni.log")):
            return check.finish()
        labels = sql("SELECT string_agg(label, ',' ORDER BY label) FROM marks")
        check.ok(labels == "before-1,before-2",
                 "the restored database has the rows from before the target and none after",
                 labels)
        timeline = int(sql("SELECT timeline_id FROM pg_control_checkpoint()") or 0)
        check.ok(timeline > timeline_before, f"it runs on a new timeline ({timeline_before} -> "
                 f"{timeline})", str(timeline))
        in_recovery = sql("SELECT pg_is_in_recovery()")
        sql("INSERT INTO marks (label) VALUES ('after-restore')")
        check.ok(in_recovery == "f", "and takes writes", in_recovery)
        vp.log(f"   (took {time.monotonic() - started:.1f} s)")
    except vp.TestFailure as e:
        check.fail("point-in-time recovery", f"{e}\n--- patroni.log\n{tail(f'{tmp}/patroni.log')}")
    finally:
        stop(haproxy)
        stop(patroni)
        if os.path.exists(f"{tmp}/data/postmaster.pid"):
            r.run([f"{PG_BIN}/pg_ctl", "-D", f"{tmp}/data", "-m", "immediate", "stop"])
        stop(etcd)
        shutil.rmtree(tmp, ignore_errors=True)
    return check.finish()


def render_haproxy(ports, tmp):
    """deploy/haproxy/haproxy.cfg with db1 the test's member and db2, db3 (and the Vigor
    instances of `listen vigor_http`) on closed ports."""
    with open(os.path.join(DEPLOY, "haproxy", "haproxy.cfg")) as f:
        text = f.read()
    replacements = [
        ("    daemon\n", ""),
        ("    user haproxy\n", ""),
        ("    group haproxy\n", ""),
        ("    log /dev/log local0\n", ""),
        ("/run/haproxy/admin.sock", f"{tmp}/haproxy.sock"),
        ("127.0.0.1:5000", f"127.0.0.1:{ports['hap_primary']}"),
        ("127.0.0.1:5001", f"127.0.0.1:{ports['hap_replicas']}"),
        ("127.0.0.1:8404", f"127.0.0.1:{ports['hap_stats']}"),
        ("127.0.0.1:8090", f"127.0.0.1:{ports['hap_http']}"),
        ("10.0.2.11:5432", f"127.0.0.1:{ports['pg']}"),
        ("10.0.2.12:5432", f"127.0.0.1:{ports['dead_pg']}"),
        ("10.0.2.13:5432", f"127.0.0.1:{ports['dead_pg']}"),
    ]
    for old, new in replacements:
        if old not in text:
            raise vp.TestFailure(f"deploy/haproxy/haproxy.cfg no longer contains {old!r}")
        text = text.replace(old, new)
    # The member's REST port for db1; the others' checks go to a closed port.
    text = re.sub(r"(server db1\S* 127\.0\.0\.1:\d+ .*check port )8008",
                  rf"\g<1>{ports['rest']}", text)
    text = text.replace("check port 8008", f"check port {ports['dead_rest']}")
    text = re.sub(r"10\.0\.1\.1\d:8080", f"127.0.0.1:{ports['dead_rest']}", text)
    with open(f"{tmp}/haproxy.cfg", "w") as f:
        f.write(text)


def start_haproxy(ports, tmp):
    vp.log("\n[HAProxy in front: deploy/haproxy/haproxy.cfg]")
    haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
    if not os.access(haproxy, os.X_OK):
        vp.log("  NOT CHECKED: HAProxy routing: haproxy is not installed")
        return None
    render_haproxy(ports, tmp)
    return subprocess.Popen([haproxy, "-db", "-f", f"{tmp}/haproxy.cfg"],
                            stdout=open(f"{tmp}/haproxy.log", "ab"), stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL)


def haproxy_checks(check, r, ports, tmp, proc):
    if proc is None:
        return

    def through(port):
        try:
            p = r.run(["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d",
                       "postgres", "-At", "-c", "SELECT pg_is_in_recovery()"], timeout=8)
        except subprocess.TimeoutExpired:
            return "timeout"
        return p.stdout.strip() if p.returncode == 0 else f"error: {p.stderr.strip()[-200:]}"

    # Checks run every second and a server needs one good check (rise 1) to be used.
    ok = wait_quietly(lambda: through(ports["hap_primary"]) == "f", 15)
    check.ok(ok, "HAProxy's primary port reaches the member whose /primary answers 200",
             f"{through(ports['hap_primary'])}\n{tail(f'{tmp}/haproxy.log', 1500)}")
    ok = wait_quietly(lambda: through(ports["hap_replicas"]) == "f", 15)
    check.ok(ok, "its replica port falls back to the primary while no replica answers "
             "/replica (the primary as the fallback backend)", through(ports["hap_replicas"]))
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{ports['hap_stats']}/metrics",
                                    timeout=5) as resp:
            metrics = resp.read().decode()
    except OSError as e:
        metrics = repr(e)
    check.ok('haproxy_server_status{proxy="postgres_primary",server="db1"' in metrics,
             "its Prometheus endpoint reports each server's state", metrics[:300])


def wait_quietly(cond, timeout):
    try:
        return wait("", cond, timeout)
    except vp.TestFailure:
        return False


def tail(path, n=3000):
    try:
        with open(path, errors="replace") as f:
            return f.read()[-n:]
    except OSError:
        return ""


if __name__ == "__main__":
    sys.exit(main())
