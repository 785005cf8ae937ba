"""A Vigor cluster on loopback for tests/cluster/cluster_test.py (and by hand: `python3
tests/cluster/cluster.py --vigor build/release/vigor` starts one, prints its addresses and stops
it at Ctrl-C).

What it starts, everything on 127.0.0.1 and every port below the ephemeral range (a Patroni REST
port drawn inside it died with "Address already in use", toolchain.md):
  * etcd (one member, the v3 API: Debian's etcd 3.4 has the v2 API off);
  * three PostgreSQL 15 nodes managed by Patroni, synchronous_mode on (so the standby Patroni
    promotes has every acknowledged commit), fsync off and initdb --no-sync (a test: the
    processes are killed, never the machine), ttl 10 s;
  * `vigor migrate`, then three `vigor serve`, each with `--database` the libpq multi-host URL
    (target_session_attrs=read-write: after a failover each finds the new primary by itself),
    `--database-replica` with target_session_attrs=prefer-standby and `--job-lease-seconds 3`
    when this vigor has those settings, `--trusted-proxies 127.0.0.1`, one shared instance key;
  * nginx in front (tests/cluster/nginx.conf.in, close to deploy/nginx/).
When run as root, etcd and Patroni (and so PostgreSQL) run as `postgres`: PostgreSQL refuses
root. Every process is stopped by its pid at the end, also after a failure or Ctrl-C, and the
temporary folder is removed (`keep=True` keeps it, for its logs).

Standard library plus python3-yaml; run with /usr/bin/python3.
"""

import json
import os
import pwd
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "process"))
import vigorproc as vp  # noqa: E402

PG_BIN = "/usr/lib/postgresql/15/bin"
SCOPE = "vigor-test"
NAMESPACE = "/vigor-cluster-test/"
MEMBERS = 3
INSTANCES = 3
JOB_LEASE_SECONDS = 3


def log(msg):
    print(msg, flush=True)


class NotAvailable(Exception):
    """The machine lacks something the cluster needs: the test says NOT CHECKED, not FAIL."""


def missing_tools():
    """What this machine lacks to run the cluster, as a list of sentences (empty: nothing)."""
    missing = []
    for tool in ("etcd", "patroni", "nginx", "psql"):
        if shutil.which(tool) is None and not os.path.exists(f"/usr/sbin/{tool}"):
            missing.append(f"{tool} is not installed (scripts/bootstrap installs it)")
    if not os.path.exists(os.path.join(PG_BIN, "postgres")):
        missing.append(f"PostgreSQL 15 is not installed ({PG_BIN}/postgres)")
    try:
        import yaml  # noqa: F401
    except ImportError:
        missing.append("python3-yaml is not installed")
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            missing.append("running as root, and there is no user 'postgres' to run PostgreSQL as")
    return missing


def nginx_binary():
    return shutil.which("nginx") or "/usr/sbin/nginx"


def http_json(url, timeout=2.0):
    """GET url -> (status, parsed JSON or None); (None, None) when nothing answered."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            body = r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        body = e.read()
        status = e.code
    except (OSError, ValueError):
        return None, None
    try:
        return status, json.loads(body.decode("utf-8"))
    except ValueError:
        return status, None


class Proc:
    """A process of the cluster, its output in LOGDIR/NAME.log, stopped by its pid."""

    def __init__(self, name, args, logdir, as_postgres=False, env=None, cwd=None):
        self.name = name
        self.args = args
        self.log_path = os.path.join(logdir, f"{name}.log")
        kwargs = {}
        # The user is switched in the child before exec, not with runuser: runuser stays as the
        # parent, and a SIGKILL to its pid would not reach Patroni.
        if as_postgres:
            kwargs.update(user="postgres", group="postgres", extra_groups=[])
        with open(self.log_path, "ab") as out:
            self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=out,
                                         stderr=subprocess.STDOUT, env=env, cwd=cwd,
                                         preexec_fn=vp._die_with_parent, **kwargs)
        self.pid = self.proc.pid

    def alive(self):
        return self.proc.poll() is None

    def kill(self):
        """SIGKILL, then reap (at most 10 s)."""
        if self.alive():
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass

    def terminate(self):
        if self.alive():
            try:
                os.kill(self.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass

    def wait(self, timeout):
        """True when it exited within `timeout` seconds."""
        try:
            self.proc.wait(timeout=max(0.0, timeout))
            return True
        except subprocess.TimeoutExpired:
            return False

    def stop(self, timeout=10.0):
        self.terminate()
        if not self.wait(timeout):
            self.kill()

    def log_tail(self, chars=3000):
        try:
            with open(self.log_path, "rb") as f:
                data = f.read().decode("utf-8", "replace")
        except OSError:
            return ""
        return data[-chars:]


class Member:
    """One Patroni member and the PostgreSQL it manages."""

    def __init__(self, index, pg_port, rest_port, root):
        self.index = index
        self.name = f"pg{index}"
        self.pg_port = pg_port
        self.rest_port = rest_port
        self.dir = os.path.join(root, self.name)
        self.data_dir = os.path.join(self.dir, "data")
        self.config = os.path.join(self.dir, "patroni.yml")
        self.proc = None

    def rest(self, path, timeout=2.0):
        return http_json(f"http://127.0.0.1:{self.rest_port}{path}", timeout=timeout)

    def postmaster_pid(self):
        try:
            with open(os.path.join(self.data_dir, "postmaster.pid")) as f:
                return int(f.readline().strip())
        except (OSError, ValueError):
            return None


class Instance:
    """One `vigor serve`."""

    def __init__(self, index, port, root):
        self.index = index
        self.name = f"vigor{index}"
        self.port = port
        self.data_dir = os.path.join(root, self.name)
        self.proc = None


class Cluster:
    def __init__(self, vigor, keep=False, quiet=False):
        self.vigor = os.path.abspath(vigor)
        self.keep = keep
        self.quiet = quiet
        self.root = None
        self.procs = []      # every Proc started, for the teardown
        self.members = []
        self.instances = []
        self.etcd = None
        self.nginx = None
        self.timings = {}
        self.features = {}
        self.stopped = False

    def say(self, msg):
        if not self.quiet:
            log(msg)

    # ---- start ----------------------------------------------------------------------------
    def start(self):
        missing = missing_tools()
        if missing:
            raise NotAvailable("; ".join(missing))
        started = time.monotonic()
        self.root = tempfile.mkdtemp(prefix="vigor-cluster-")
        os.chmod(self.root, 0o755)  # the `postgres` user works in it when we are root
        self.logdir = os.path.join(self.root, "logs")
        os.mkdir(self.logdir)
        os.chmod(self.logdir, 0o777)
        help_text = subprocess.run([self.vigor, "serve", "--help"], capture_output=True,
                                   text=True, timeout=30).stdout
        self.features = {
            "replica": "--database-replica" in help_text,
            "job_lease": "--job-lease-seconds" in help_text,
        }
        ports = vp.free_ports(2 + 2 * MEMBERS + INSTANCES + 1)
        self.etcd_client, self.etcd_peer = ports[0], ports[1]
        self.members = [Member(i, ports[2 + 2 * i], ports[3 + 2 * i], self.root)
                        for i in range(MEMBERS)]
        base = 2 + 2 * MEMBERS
        self.instances = [Instance(i, ports[base + i], self.root) for i in range(INSTANCES)]
        self.nginx_port = ports[base + INSTANCES]

        t = time.monotonic()
        self._start_etcd()
        self.timings["etcd"] = time.monotonic() - t
        t = time.monotonic()
        for m in self.members:
            self._start_member(m)
        self.wait_replication(60)
        self.timings["patroni"] = time.monotonic() - t
        t = time.monotonic()
        self._create_database()
        self._migrate()
        for inst in self.instances:
            self.start_instance(inst, wait=inst.index == 0)
        for inst in self.instances[1:]:
            self.wait_instance(inst)
        self.timings["vigor"] = time.monotonic() - t
        t = time.monotonic()
        self._start_nginx()
        self.timings["nginx"] = time.monotonic() - t
        self.timings["start"] = time.monotonic() - started
        self.say("cluster up in {start:.1f} s (etcd {etcd:.1f} s, Patroni members {patroni:.1f} s, "
                 "vigor migrate + 3 instances {vigor:.1f} s, nginx {nginx:.1f} s)"
                 .format(**self.timings))
        self.say(f"  nginx http://127.0.0.1:{self.nginx_port}; instances "
                 + ", ".join(str(i.port) for i in self.instances)
                 + "; PostgreSQL " + ", ".join(str(m.pg_port) for m in self.members)
                 + f"; replica reads {'on' if self.features['replica'] else 'off'}"
                 + (f"; job lease {JOB_LEASE_SECONDS} s" if self.features["job_lease"]
                    else "; job lease: built-in"))
        return self

    def _owned_dir(self, path, mode=0o700):
        os.makedirs(path, exist_ok=True)
        os.chmod(path, mode)
        if os.geteuid() == 0:
            pw = pwd.getpwnam("postgres")
            os.chown(path, pw.pw_uid, pw.pw_gid)

    def _spawn(self, name, args, as_postgres=False, env=None):
        p = Proc(name, args, self.logdir, as_postgres=as_postgres and os.geteuid() == 0, env=env,
                 cwd=self.root)
        self.procs.append(p)
        return p

    def _start_etcd(self):
        d = os.path.join(self.root, "etcd")
        self._owned_dir(d)
        c, p = self.etcd_client, self.etcd_peer
        self.etcd = self._spawn("etcd", [
            "etcd", "--name", "e1", "--data-dir", os.path.join(d, "data"),
            "--listen-client-urls", f"http://127.0.0.1:{c}",
            "--advertise-client-urls", f"http://127.0.0.1:{c}",
            "--listen-peer-urls", f"http://127.0.0.1:{p}",
            "--initial-advertise-peer-urls", f"http://127.0.0.1:{p}",
            "--initial-cluster", f"e1=http://127.0.0.1:{p}", "--initial-cluster-state", "new",
            "--log-level", "warn"], as_postgres=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            status, body = http_json(f"http://127.0.0.1:{c}/health")
            if status == 200 and isinstance(body, dict) and body.get("health") == "true":
                return
            if not self.etcd.alive():
                break
            time.sleep(0.1)
        raise vp.TestFailure(f"etcd did not become healthy:\n{self.etcd.log_tail()}")

    def _start_member(self, m):
        import yaml
        self._owned_dir(m.dir)
        run = os.path.join(m.dir, "run")
        self._owned_dir(run)
        config = {
            "scope": SCOPE,
            "namespace": NAMESPACE,
            "name": m.name,
            "log": {"level": "WARNING"},
            "restapi": {"listen": f"127.0.0.1:{m.rest_port}",
                        "connect_address": f"127.0.0.1:{m.rest_port}"},
            "etcd3": {"hosts": f"127.0.0.1:{self.etcd_client}"},
            "bootstrap": {
                "dcs": {
                    "ttl": 10, "loop_wait": 1, "retry_timeout": 4,
                    "maximum_lag_on_failover": 1048576,
                    # Without it a commit acknowledged just before the primary's death may be
                    # missing on the promoted standby (seen once here, toolchain.md).
                    "synchronous_mode": True,
                    "postgresql": {"use_pg_rewind": True, "use_slots": True,
                                   "parameters": {"wal_log_hints": "on"}},
                },
                "initdb": [{"encoding": "UTF8"}, {"locale": "C.UTF-8"}, "no-sync"],
                "pg_hba": ["local all all trust",
                           "host all all 127.0.0.1/32 trust",
                           "host replication replicator 127.0.0.1/32 trust"],
            },
            "postgresql": {
                "listen": f"127.0.0.1:{m.pg_port}",
                "connect_address": f"127.0.0.1:{m.pg_port}",
                "data_dir": m.data_dir,
                "bin_dir": PG_BIN,
                "pgpass": os.path.join(m.dir, "pgpass"),
                "authentication": {"superuser": {"username": "postgres"},
                                   "replication": {"username": "replicator"},
                                   "rewind": {"username": "postgres"}},
                "parameters": {"unix_socket_directories": run, "fsync": "off",
                               "max_connections": 100, "shared_buffers": "32MB"},
            },
        }
        with open(m.config, "w") as f:
            yaml.safe_dump(config, f)
        os.chmod(m.config, 0o644)
        m.proc = self._spawn(f"patroni-{m.name}", ["/usr/bin/patroni", m.config],
                             as_postgres=True)

    def roles(self):
        """{member name: (role, state)} from each member's REST API; role None when it does not
        answer. Patroni 3.0 calls the leader 'master'."""
        out = {}
        for m in self.members:
            status, body = m.rest("/patroni", timeout=1.0)
            if isinstance(body, dict):
                out[m.name] = (body.get("role"), body.get("state"))
            else:
                out[m.name] = (None, None)
        return out

    def leader(self):
        """The member whose REST /primary answers 200, or None."""
        for m in self.members:
            if m.proc is not None and m.proc.alive():
                status, _ = m.rest("/primary", timeout=1.0)
                if status == 200:
                    return m
        return None

    def sync_standby(self):
        """The name of the member Patroni lists as the synchronous standby, or None."""
        for m in self.members:
            if m.proc is None or not m.proc.alive():
                continue
            status, body = m.rest("/cluster", timeout=1.0)
            if isinstance(body, dict):
                for member in body.get("members", []):
                    if member.get("role") == "sync_standby":
                        return member.get("name")
                return None
        return None

    def wait_replication(self, timeout, expect_members=None):
        """Waits for one primary, the other running members streaming, and a synchronous
        standby chosen (so no acknowledged commit can be lost at a failover)."""
        names = expect_members or [m.name for m in self.members]
        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            roles = self.roles()
            last = roles
            primaries = [n for n in names if roles.get(n, (None,))[0] in ("master", "primary")
                         and roles[n][1] == "running"]
            replicas = [n for n in names if roles.get(n, (None,))[0] == "replica"
                        and roles[n][1] in ("running", "streaming")]
            if len(primaries) == 1 and len(replicas) == len(names) - 1:
                sync = self.sync_standby()
                if sync in replicas:
                    return primaries[0]
            for m in self.members:
                if m.name in names and (m.proc is None or not m.proc.alive()):
                    raise vp.TestFailure(f"Patroni {m.name} exited:\n{m.proc.log_tail()}")
            time.sleep(0.2)
        tails = "\n".join(f"--- {m.name}\n{m.proc.log_tail(1500)}" for m in self.members if m.proc)
        raise vp.TestFailure(f"no primary with streaming replicas and a synchronous standby "
                             f"after {timeout:.0f} s (roles {last}; sync {self.sync_standby()})\n"
                             f"{tails}")

    def psql(self, sql, database="postgres", port=None, timeout=20):
        port = port or self.leader().pg_port
        r = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                            "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", database,
                            "-c", sql], capture_output=True, text=True, timeout=timeout,
                           stdin=subprocess.DEVNULL)
        if r.returncode != 0:
            raise vp.TestFailure(f"psql {sql!r} failed: {r.stderr.strip()}")
        return r.stdout.strip()

    def _create_database(self):
        self.psql("CREATE DATABASE vigor")

    def database_url(self, attrs):
        hosts = ",".join(f"127.0.0.1:{m.pg_port}" for m in self.members)
        # A short connect timeout: a dead node's address must not hold up finding the live one.
        return (f"postgresql://postgres@{hosts}/vigor?target_session_attrs={attrs}"
                f"&connect_timeout=2")

    def _migrate(self):
        os.makedirs(self.instances[0].data_dir, exist_ok=True)
        r = vp.run_cli(self.vigor, ["migrate", "--data-dir", self.instances[0].data_dir,
                                    "--database", self.database_url("read-write")], timeout=120)
        if r.returncode != 0:
            raise vp.TestFailure(f"vigor migrate failed ({r.returncode}): {r.stderr[-2000:]}")

    def key_file(self):
        return os.path.join(self.instances[0].data_dir, "secret.key")

    def serve_args(self, inst):
        args = [self.vigor, "serve", "--listen", f"127.0.0.1:{inst.port}",
                "--data-dir", inst.data_dir,
                "--database", self.database_url("read-write"),
                "--db-connections", "8",
                "--trusted-proxies", "127.0.0.1",
                "--public-url", f"http://127.0.0.1:{self.nginx_port}",
                # The cheapest hashes the settings allow: the load signs in often on 2 cores.
                "--password-memory-kib", "1024", "--password-iterations", "1",
                "--io-threads", "2", "--workers", "8",
                "--shutdown-timeout", "5",
                # Never from memory alone: a session ended on another instance ends here too.
                "--credential-cache-seconds", "5"]
        if inst.index != 0:
            # One instance key for the cluster: what one instance sealed, every other opens.
            args += ["--secret-key-file", self.key_file()]
        if self.features.get("replica"):
            args += ["--database-replica", self.database_url("prefer-standby")]
        if self.features.get("job_lease"):
            args += ["--job-lease-seconds", str(JOB_LEASE_SECONDS)]
        return args

    def start_instance(self, inst, wait=True):
        os.makedirs(inst.data_dir, exist_ok=True)
        inst.proc = self._spawn(inst.name, self.serve_args(inst), env=vp.clean_env())
        if wait:
            self.wait_instance(inst)

    def wait_instance(self, inst, timeout=60):
        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            if not inst.proc.alive():
                raise vp.TestFailure(f"{inst.name} exited with {inst.proc.proc.returncode}:\n"
                                     f"{inst.proc.log_tail()}")
            try:
                r = vp.http_request(inst.port, "GET", "/readyz", timeout=2)
                last = r.status
                if r.status == 200:
                    return
            except (OSError, vp.http.client.HTTPException) as e:
                last = repr(e)
            time.sleep(0.05)
        raise vp.TestFailure(f"{inst.name} not ready after {timeout} s (last {last}):\n"
                             f"{inst.proc.log_tail()}")

    def _start_nginx(self):
        d = os.path.join(self.root, "nginx")
        for sub in ("", "body", "proxy", "fastcgi", "uwsgi", "scgi"):
            os.makedirs(os.path.join(d, sub), exist_ok=True)
            os.chmod(os.path.join(d, sub), 0o777)  # nginx's workers run as nobody under root
        with open(os.path.join(HERE, "nginx.conf.in")) as f:
            text = f.read()
        servers = "\n".join(f"        server 127.0.0.1:{i.port} max_fails=2 fail_timeout=5s;"
                            for i in self.instances)
        user = "user nobody nogroup;" if os.geteuid() == 0 else ""
        text = (text.replace("@DIR@", d).replace("@PORT@", str(self.nginx_port))
                .replace("@SERVERS@", servers).replace("@USER@", user))
        conf = os.path.join(d, "nginx.conf")
        with open(conf, "w") as f:
            f.write(text)
        test = subprocess.run([nginx_binary(), "-t", "-q", "-p", d, "-c", conf],
                              capture_output=True, text=True, timeout=30)
        if test.returncode != 0:
            raise vp.TestFailure(f"nginx -t refused the configuration: {test.stderr}")
        self.nginx = self._spawn("nginx", [nginx_binary(), "-p", d, "-c", conf])
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                r = vp.http_request(self.nginx_port, "GET", "/readyz", timeout=2)
                if r.status == 200:
                    return
            except (OSError, vp.http.client.HTTPException):
                pass
            if not self.nginx.alive():
                break
            time.sleep(0.05)
        raise vp.TestFailure(f"nginx did not answer /readyz:\n{self.nginx.log_tail()}")

    def upstream_counts(self):
        """{instance name: requests nginx passed to it}, from nginx's access log (a request
        passed on after a failure counts for each instance it tried)."""
        counts = {i.name: 0 for i in self.instances}
        by_port = {str(i.port): i.name for i in self.instances}
        try:
            with open(os.path.join(self.root, "nginx", "access.log")) as f:
                for line in f:
                    m = re.search(r" upstream=(\S+(?:, \S+)*) upstream_status=", line)
                    if not m:
                        continue
                    for addr in m.group(1).split(", "):
                        name = by_port.get(addr.rsplit(":", 1)[-1])
                        if name:
                            counts[name] += 1
        except OSError:
            pass
        return counts

    def metric_sum(self, name):
        """The sum of a metric's samples over the running instances' /metrics (None when no
        instance has it)."""
        total = None
        for inst in self.instances:
            if inst.proc is None or not inst.proc.alive():
                continue
            try:
                r = vp.http_request(inst.port, "GET", "/metrics", timeout=5)
            except (OSError, vp.http.client.HTTPException):
                continue
            for line in r.body.decode("utf-8", "replace").splitlines():
                if line.startswith(name) and line[len(name):len(name) + 1] in (" ", "{"):
                    try:
                        total = (total or 0.0) + float(line.rsplit(" ", 1)[1])
                    except ValueError:
                        pass
        return total

    # ---- faults --------------------------------------------------------------------------
    def kill_member(self, m):
        """SIGKILL the member's Patroni, then its postmaster (Patroni first, so that it does not
        start PostgreSQL again). Returns the postmaster's pid."""
        pm = m.postmaster_pid()
        m.proc.kill()
        if pm:
            try:
                os.kill(pm, signal.SIGKILL)
            except ProcessLookupError:
                pass
        return pm

    def restart_member(self, m):
        """Starts the member's Patroni again: it rejoins as a replica (pg_rewind)."""
        self._wait_orphans_gone(m, 15)
        m.proc = self._spawn(f"patroni-{m.name}", ["/usr/bin/patroni", m.config],
                             as_postgres=True)

    def _wait_orphans_gone(self, m, timeout):
        """The backends of a killed postmaster exit when they notice its death; a new postmaster
        cannot start on the data folder before they are gone."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self._pids_in(m.data_dir):
                return
            time.sleep(0.1)
        for pid in self._pids_in(m.data_dir):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    @staticmethod
    def _pids_in(folder):
        """Pids of processes whose working folder is `folder` or inside it (PostgreSQL's
        processes work in their data folder)."""
        pids = []
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                cwd = os.readlink(f"/proc/{entry}/cwd")
            except OSError:
                continue
            if cwd == folder or cwd.startswith(folder + "/"):
                pids.append(int(entry))
        return pids

    def kill_instance(self, inst):
        inst.proc.kill()

    # ---- stop ------------------------------------------------------------------------------
    def stop(self):
        if self.stopped:
            return
        self.stopped = True
        t = time.monotonic()
        if self.nginx:
            self.nginx.stop(5)
        for inst in self.instances:
            if inst.proc:
                inst.proc.terminate()
        for inst in self.instances:
            if inst.proc and not inst.proc.wait(10):
                inst.proc.kill()
        for m in self.members:
            if m.proc:
                m.proc.terminate()
        deadline = time.monotonic() + 15
        for m in self.members:
            if m.proc and not m.proc.wait(deadline - time.monotonic()):
                m.proc.kill()
        # A postmaster Patroni left behind (its Patroni was killed): stop it by its pid.
        for m in self.members:
            pm = m.postmaster_pid()
            if pm and os.path.exists(f"/proc/{pm}"):
                try:
                    os.kill(pm, signal.SIGQUIT)  # immediate shutdown
                except ProcessLookupError:
                    pass
        for m in self.members:
            self._wait_orphans_gone(m, 10)
        if self.etcd:
            self.etcd.stop(10)
        for p in self.procs:
            if p.alive():
                p.kill()
        self.timings["stop"] = time.monotonic() - t
        self.say(f"cluster stopped in {self.timings['stop']:.1f} s")
        if self.root and not self.keep:
            shutil.rmtree(self.root, ignore_errors=True)
        elif self.root:
            self.say(f"  kept {self.root} (logs in {self.logdir})")

    def log_tails(self, chars=2000):
        return "\n".join(f"--- {p.name} ({p.log_path})\n{p.log_tail(chars)}" for p in self.procs)


def install_signal_handlers():
    """SIGTERM (ctest's timeout, kill) becomes KeyboardInterrupt, so `finally` stops the cluster."""
    def handler(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")
    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGHUP, handler)


def main():
    import argparse
    p = argparse.ArgumentParser(description="Start a Vigor cluster on loopback until Ctrl-C.")
    p.add_argument("--vigor", required=True)
    p.add_argument("--keep", action="store_true", help="keep the temporary folder and its logs")
    a = p.parse_args()
    install_signal_handlers()
    cluster = Cluster(a.vigor, keep=a.keep)
    try:
        cluster.start()
        log("running; Ctrl-C stops it")
        while True:
            time.sleep(1)
    except NotAvailable as e:
        log(f"NOT CHECKED: {e}")
    except KeyboardInterrupt:
        pass
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
