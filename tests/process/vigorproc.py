"""Shared helpers for Vigor's process-level tests.

Standard library only (plus python3-yaml where a test needs it). Run with /usr/bin/python3.

What lives here:
  * Server: start `vigor serve` on 127.0.0.1 with a free port, wait for /readyz, stop it by pid
    (over HTTPS when given `tls_ca`, the CA file that verifies the server's certificate).
  * http_request / RawConn: small HTTP clients (http.client and raw sockets).
  * Check: collects pass/fail lines and turns them into exit code 0 / 1.
  * Postgres: a PostgreSQL 15 server for the runs on PostgreSQL (`--postgres-dir DIR`, the ctest
    fixture's), or one a test starts itself to kill it; each Server then gets a database of its own.
Every wait here is bounded in time; every process started here is stopped by its pid.
"""

import argparse
import atexit
import ctypes
import http.client
import json
import os
import re
import select
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.parse

HOST = "127.0.0.1"
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PG_BIN = os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin")
URL_LINE_RE = re.compile(r"Vigor is running at http://([0-9A-Za-z.\-\[\]:]+):(\d+)")
TLS_URL_LINE_RE = re.compile(r"Vigor is running at https://([0-9A-Za-z.\-\[\]:]+):(\d+)")

# Words that must never show up in an error body sent to a client.
LEAKY_WORDS = ("sqlite", "exception", "what()", "std::", "boost::", "traceback", "segmentation",
               "terminate called", ".cpp", ".hpp", "stack trace", "backtrace", "syntax error near")


def log(msg):
    print(msg, flush=True)


class TestFailure(Exception):
    pass


class Check:
    """Collects results. `ok(cond, what, detail)` prints PASS/FAIL and remembers failures."""

    def __init__(self, name):
        self.name = name
        self.failures = []
        self.passes = 0

    def ok(self, cond, what, detail=""):
        if cond:
            self.passes += 1
            log(f"  PASS  {what}")
        else:
            self.failures.append(f"{what}: {detail}" if detail else what)
            log(f"  FAIL  {what}" + (f"\n        {detail}" if detail else ""))
        return bool(cond)

    def fail(self, what, detail=""):
        return self.ok(False, what, detail)

    def finish(self):
        if self.failures:
            log(f"\n{self.name}: FAILED ({len(self.failures)} failed, {self.passes} passed)")
            for f in self.failures:
                log(f"  - {f}")
            return 1
        log(f"\n{self.name}: OK ({self.passes} checks passed)")
        return 0


def base_args(description, extra=None):
    """The command line every process test takes. With --postgres-dir, `a.postgres` is the
    fixture's PostgreSQL and every Server made afterwards runs on a database of its own there;
    without it, a.postgres is None and servers run on SQLite under their data dir."""
    global _command_line_postgres
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--vigor", required=True, help="path to the vigor binary")
    p.add_argument("--postgres-dir", metavar="DIR",
                   help="run on the PostgreSQL of the test fixture in DIR (tests/support/"
                        "pg_fixture: DIR/server/url, a migrated database vigor_template)")
    if extra:
        extra(p)
    a = p.parse_args()
    a.vigor = os.path.abspath(a.vigor)
    if not os.access(a.vigor, os.X_OK):
        log(f"FAIL: vigor binary not found or not executable: {a.vigor}")
        sys.exit(1)
    a.postgres = None
    if a.postgres_dir:
        try:
            a.postgres = Postgres.of_fixture(a.postgres_dir)
        except TestFailure as e:
            log(f"FAIL: {e}")
            sys.exit(1)
        log(f"on PostgreSQL: {a.postgres.admin_url}")
    _command_line_postgres = a.postgres
    return a


def clean_env(extra=None):
    """The environment for a vigor child: ours without any VIGOR_* setting, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("VIGOR_")}
    if extra:
        env.update(extra)
    return env


def _die_with_parent():
    # Runs in the child between fork and exec: if this test process dies (e.g. ctest kills it
    # on a timeout), the kernel SIGKILLs the server too, so no server outlives its test.
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:
        pass


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def free_ports(n):
    """n distinct free ports for tests that must name a port. They are drawn below the kernel's
    ephemeral range, so servers started elsewhere on port 0 (other tests running in parallel)
    cannot take them between this check and their use."""
    import random
    try:
        with open("/proc/sys/net/ipv4/ip_local_port_range") as f:
            low = int(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        low = 32768
    lo, hi = 20000, max(20000 + 1000, low - 1)
    socks, ports = [], []
    try:
        for _ in range(200):
            if len(ports) == n:
                break
            port = random.randint(lo, hi)
            if port in ports:
                continue
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            try:
                s.bind((HOST, port))
            except OSError:
                s.close()
                continue
            socks.append(s)
            ports.append(port)
    finally:
        for s in socks:
            s.close()
    if len(ports) < n:
        raise TestFailure(f"could not find {n} free ports in {lo}-{hi}")
    return ports


def run_cli(vigor, args, timeout=30, env=None, cwd=None, input=None):
    """Runs `vigor ARGS` to completion, `input` (text) on its stdin. Returns CompletedProcess
    (text). For a command that touches a server's data use Server.run_cli, which names it."""
    return subprocess.run([vigor] + list(args), capture_output=True, text=True, timeout=timeout,
                          env=clean_env(env), cwd=cwd, input=input,
                          stdin=subprocess.DEVNULL if input is None else None)


# ---- PostgreSQL ------------------------------------------------------------------------------

_command_line_postgres = None  # set by base_args from --postgres-dir
_FROM_COMMAND_LINE = object()


class Postgres:
    """A PostgreSQL 15 server made by scripts/pg-test-server, reached as its superuser with psql.

    of_fixture(DIR): the ctest fixture's (tests/support/pg_fixture), shared with the tests running
    in parallel: only ever create and drop databases of one's own on it, never stop it. Databases
    are copies of its migrated `vigor_template`.
    start_new(DIR): one of the test's own, durable (fsync on) unless fast=True, that the test may
    stop, kill and restart; its databases start empty (vigor serve migrates them).
    Every database created here is dropped WITH (FORCE) when the test process exits.
    """

    def __init__(self, server_dir, template, owned):
        self.server_dir = os.path.abspath(server_dir)
        self.template = template
        self.owned = owned
        self.databases = []
        try:
            with open(os.path.join(self.server_dir, "url")) as f:
                self.admin_url = f.read().strip()
        except OSError as e:
            raise TestFailure(f"no PostgreSQL at {self.server_dir} (reading its url: {e})")
        atexit.register(self.cleanup)

    @classmethod
    def of_fixture(cls, fixture_dir):
        return cls(os.path.join(fixture_dir, "server"), template="vigor_template", owned=False)

    @classmethod
    def start_new(cls, server_dir, fast=False):
        """Starts a server of the test's own in server_dir (its parent must let the `postgres`
        user in when running as root: TempDir(..., shared=True))."""
        cmd = [os.path.join(REPO_ROOT, "scripts", "pg-test-server"), "start", server_dir]
        if fast:
            cmd.append("--fast")
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                           timeout=120)
        if p.returncode != 0:
            raise TestFailure(f"scripts/pg-test-server start failed ({p.returncode}): "
                              f"{(p.stdout + p.stderr)[-2000:]}")
        return cls(server_dir, template=None, owned=True)

    def url(self, database):
        """The URL of `database` on this server."""
        parts = urllib.parse.urlsplit(self.admin_url)
        return urllib.parse.urlunsplit(parts._replace(path="/" + database))

    def psql(self, sql, database="postgres", timeout=60):
        """Runs `sql` with psql (stop at the first error); returns its output, one row a line,
        columns separated by '|'. Raises TestFailure when psql fails."""
        p = subprocess.run(["psql", "-X", "-qAt", "-v", "ON_ERROR_STOP=1", "-d", self.url(database),
                            "-c", sql], stdin=subprocess.DEVNULL, capture_output=True, text=True,
                           timeout=timeout, env=clean_env({"PGCONNECT_TIMEOUT": "10"}))
        if p.returncode != 0:
            raise TestFailure(f"psql failed ({p.returncode}) on {sql[:200]!r}: {p.stderr[-1000:]}")
        return p.stdout

    def rows(self, sql, database="postgres"):
        """psql's output as a list of tuples of strings."""
        return [tuple(line.split("|")) for line in self.psql(sql, database).splitlines() if line]

    def create_database(self, empty=False):
        """A new database of this test process: a copy of the template, or empty."""
        name = f"vigor_p{os.getpid()}_{len(self.databases) + 1}_{random_suffix()}"
        template = None if empty else self.template
        sql = f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else "")
        # Two CREATE DATABASE ... TEMPLATE at once may find the template busy: retry briefly.
        deadline = time.monotonic() + 20
        while True:
            try:
                self.psql(sql)
                break
            except TestFailure as e:
                if "is being accessed by other users" not in str(e) or time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        self.databases.append(name)
        return name

    def drop_database(self, name):
        self.psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        if name in self.databases:
            self.databases.remove(name)

    # ---- a server of the test's own: stop, kill, restart --------------------------------------
    def _pg_ctl(self, args, timeout=60):
        cmd = [os.path.join(PG_BIN, "pg_ctl"), "-D", os.path.join(self.server_dir, "pg")] + args
        if os.getuid() == 0:
            cmd = ["runuser", "-u", "postgres", "--"] + cmd
        return subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                              timeout=timeout)

    def postmaster_pid(self):
        try:
            with open(os.path.join(self.server_dir, "pg", "postmaster.pid")) as f:
                return int(f.readline().strip())
        except (OSError, ValueError):
            return None

    def stop(self, mode="fast"):
        """pg_ctl stop -m MODE: "immediate" is a crash (no checkpoint, recovery at the next
        start), "fast" a clean shutdown that ends the open connections."""
        if not self.owned:
            raise TestFailure("refusing to stop the shared fixture's PostgreSQL")
        p = self._pg_ctl(["stop", "-m", mode, "-w", "-t", "30"])
        if p.returncode != 0:
            raise TestFailure(f"pg_ctl stop -m {mode} failed: {(p.stdout + p.stderr)[-1000:]}")

    def start(self):
        """Starts the stopped server again with the options of its last start (postmaster.opts:
        same port, socket folder and settings), waiting until it accepts connections."""
        if not self.owned:
            raise TestFailure("refusing to restart the shared fixture's PostgreSQL")
        p = self._pg_ctl(["restart", "-w", "-t", "60", "-l",
                          os.path.join(self.server_dir, "run", "pg.log")], timeout=90)
        if p.returncode != 0:
            raise TestFailure(f"pg_ctl start failed: {(p.stdout + p.stderr)[-1000:]}\n"
                              f"log: {self.log_tail()}")

    def log_tail(self, limit=2000):
        try:
            with open(os.path.join(self.server_dir, "run", "pg.log"), "rb") as f:
                return f.read().decode("utf-8", "replace")[-limit:]
        except OSError:
            return ""

    def cleanup(self):
        """Drops this process's databases; stops (and removes) a server of the test's own."""
        if self.owned:
            subprocess.run([os.path.join(REPO_ROOT, "scripts", "pg-test-server"), "stop",
                            self.server_dir], stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=60)
            self.owned = False
            self.databases = []
            return
        for name in list(self.databases):
            try:
                self.drop_database(name)
            except (TestFailure, OSError, subprocess.TimeoutExpired):
                pass  # the fixture's server is thrown away after the run anyway


def random_suffix():
    return os.urandom(3).hex()


class Server:
    """One `vigor serve` process.

    start() launches it listening on 127.0.0.1:0 (the server prints the real port) unless
    `listen` is given, reads the "Vigor is running at" line from its stdout file and waits for
    GET /readyz == 200. stdout and stderr go to files in `workdir` (never pipes that could fill).

    On PostgreSQL (`postgres`, by default the one of --postgres-dir; None for SQLite) the server
    gets a database of its own, created at its first start and kept across its restarts (so a
    restart finds its data, as with the same data dir), unless `database` names one to share
    (two instances on one database). It runs with `--database URL` and its data dir for files.
    """

    def __init__(self, vigor, data_dir, workdir, args=(), env=None, listen=None, use_flags=True,
                 name="vigor", tls_ca=None, postgres=_FROM_COMMAND_LINE, database=None):
        self.vigor = vigor
        self.postgres = _command_line_postgres if postgres is _FROM_COMMAND_LINE else postgres
        self.database = database  # the PostgreSQL database's name, once there is one
        self.data_dir = data_dir
        self.workdir = workdir
        self.args = list(args)
        self.env = env or {}
        self.listen = listen
        self.use_flags = use_flags
        self.name = name
        self.tls_ca = tls_ca  # set: the server speaks HTTPS, verified against this CA file
        self.proc = None
        self.port = None
        self.host = HOST
        self.started = 0
        self.stdout_path = None
        self.stderr_path = None
        self._n = 0

    # ---- lifecycle -------------------------------------------------------------------------
    def start(self, ready_timeout=30.0, wait_ready=True):
        self._n += 1
        self.stdout_path = os.path.join(self.workdir, f"{self.name}.{self._n}.stdout")
        self.stderr_path = os.path.join(self.workdir, f"{self.name}.{self._n}.stderr")
        cmd = [self.vigor, "serve"]
        if self.use_flags:
            cmd += ["--listen", self.listen or f"{HOST}:0"] + self.storage_args()
        cmd += self.args
        out = open(self.stdout_path, "wb")
        err = open(self.stderr_path, "wb")
        try:
            self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                         env=clean_env(self.env), preexec_fn=_die_with_parent)
        finally:
            out.close()
            err.close()
        self.started = time.monotonic()
        self.port = None
        self.ready_response = None
        if wait_ready:
            self.wait_url(ready_timeout)
            self.ready_response = self.wait_ready(ready_timeout)
        return self

    @property
    def database_url(self):
        """The PostgreSQL URL it runs on (its database created now if need be); None on SQLite."""
        if self.postgres is None:
            return None
        if self.database is None:
            self.database = self.postgres.create_database()
        return self.postgres.url(self.database)

    def storage_args(self):
        """Where its data lives, as vigor's settings: the data dir, and the database."""
        args = ["--data-dir", self.data_dir]
        if self.postgres is not None:
            args += ["--database", self.database_url]
        return args

    def run_cli(self, args, timeout=30, input=None):
        """Runs `vigor ARGS` on this server's data (e.g. ["user", "create", ...]): the command's
        settings follow its arguments."""
        return run_cli(self.vigor, list(args) + self.storage_args(), timeout=timeout, input=input)

    @property
    def pid(self):
        return self.proc.pid if self.proc else None

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def stdout_text(self):
        try:
            with open(self.stdout_path, "rb") as f:
                return f.read().decode("utf-8", "replace")
        except OSError:
            return ""

    def stderr_text(self, limit=4000):
        try:
            with open(self.stderr_path, "rb") as f:
                data = f.read().decode("utf-8", "replace")
        except OSError:
            return ""
        return data if len(data) <= limit else "...\n" + data[-limit:]

    def wait_url(self, timeout=30.0):
        """Waits for the 'Vigor is running at http://HOST:PORT' line (https:// with tls_ca);
        sets self.port."""
        url_re = TLS_URL_LINE_RE if self.tls_ca else URL_LINE_RE
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            m = url_re.search(self.stdout_text())
            if m:
                self.host = m.group(1).strip("[]")
                self.port = int(m.group(2))
                return self.host, self.port
            if not self.alive():
                raise TestFailure(
                    f"vigor serve exited with code {self.proc.returncode} before printing "
                    f"'Vigor is running at ...'\nstdout: {self.stdout_text()[-2000:]}\n"
                    f"stderr: {self.stderr_text()}")
            time.sleep(0.02)
        raise TestFailure(f"no 'Vigor is running at http://HOST:PORT' line on stdout after "
                          f"{timeout:.0f}s (is stdout flushed?)\nstdout so far: "
                          f"{self.stdout_text()[-2000:]!r}\nstderr: {self.stderr_text()}")

    def wait_ready(self, timeout=30.0):
        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            if not self.alive():
                raise TestFailure(f"vigor serve exited with code {self.proc.returncode} before "
                                  f"/readyz answered 200\nstderr: {self.stderr_text()}")
            try:
                r = http_request(self.port, "GET", "/readyz", timeout=2, host=self.host,
                                 tls_ca=self.tls_ca)
                last = f"{r.status} {r.body[:200]!r}"
                if r.status == 200:
                    return r
            except OSError as e:
                last = repr(e)
            time.sleep(0.05)
        raise TestFailure(f"/readyz did not answer 200 within {timeout:.0f}s (last: {last})\n"
                          f"stderr: {self.stderr_text()}")

    def signal(self, sig):
        if self.alive():
            os.kill(self.proc.pid, sig)

    def kill(self):
        """SIGKILL by pid and reap."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            try:
                os.kill(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            return self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            return None

    def wait_exit(self, timeout):
        """Waits up to `timeout` s for the process to exit; returns its code or None."""
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self, timeout=15.0):
        """SIGTERM, wait up to `timeout`, then SIGKILL. Returns the exit code (None if killed)."""
        if self.proc is None:
            return None
        if self.proc.poll() is not None:
            return self.proc.returncode
        try:
            os.kill(self.proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        code = self.wait_exit(timeout)
        if code is None:
            self.kill()
        return code

    # ---- convenience -------------------------------------------------------------------------
    def request(self, method, path, body=None, headers=None, timeout=10):
        return http_request(self.port, method, path, body=body, headers=headers,
                            timeout=timeout, host=self.host, tls_ca=self.tls_ca)

    def get_json(self, path, timeout=10):
        r = self.request("GET", path, timeout=timeout)
        return r, r.json()


class Response:
    def __init__(self, status, reason, headers, body):
        self.status = status
        self.reason = reason
        self.headers = headers  # list of (name, value) as received
        self.body = body

    def header(self, name, default=None):
        name = name.lower()
        for k, v in self.headers:
            if k.lower() == name:
                return v
        return default

    def header_all(self, name):
        name = name.lower()
        return [v for k, v in self.headers if k.lower() == name]

    def json(self):
        try:
            return json.loads(self.body.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return None

    def __repr__(self):
        return f"<{self.status} {self.reason} {dict(self.headers)} {self.body[:300]!r}>"


def http_request(port, method, path, body=None, headers=None, timeout=10, host=HOST, tls_ca=None):
    """One request on a fresh connection (http.client). Raises OSError/HTTPException on failure.
    With tls_ca: over HTTPS, verifying the server against that CA file."""
    if tls_ca:
        context = ssl.create_default_context(cafile=tls_ca)
        conn = http.client.HTTPSConnection(host, port, timeout=timeout, context=context)
    else:
        conn = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        hdrs = dict(headers or {})
        if isinstance(body, str):
            body = body.encode("utf-8")
        conn.request(method, path, body=body, headers=hdrs)
        r = conn.getresponse()
        data = r.read()
        return Response(r.status, r.reason, r.getheaders(), data)
    finally:
        conn.close()


class KeepAlive:
    """A persistent http.client connection for many requests."""

    def __init__(self, port, timeout=10, host=HOST):
        self.conn = http.client.HTTPConnection(host, port, timeout=timeout)

    def request(self, method, path, body=None, headers=None):
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.conn.request(method, path, body=body, headers=dict(headers or {}))
        r = self.conn.getresponse()
        data = r.read()
        return Response(r.status, r.reason, r.getheaders(), data)

    def close(self):
        self.conn.close()


# ---- raw sockets -----------------------------------------------------------------------------

def parse_head(raw):
    """Parses 'HTTP/1.1 200 OK\\r\\nA: b\\r\\n\\r\\n' bytes -> (status, reason, headers)."""
    text = raw.decode("iso-8859-1")
    lines = text.split("\r\n")
    parts = lines[0].split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/"):
        raise ValueError(f"not an HTTP status line: {lines[0]!r}")
    status = int(parts[1])
    reason = parts[2] if len(parts) > 2 else ""
    headers = []
    for ln in lines[1:]:
        if not ln:
            continue
        k, _, v = ln.partition(":")
        headers.append((k.strip(), v.strip()))
    return status, reason, headers


class RawConn:
    """A raw TCP connection to send arbitrary bytes and read back at most one response."""

    def __init__(self, port, timeout=10, host=HOST):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buf = b""
        self.eof = False
        self.reset = False

    def send(self, data):
        """Sends everything; returns False if the peer closed/reset the connection meanwhile."""
        try:
            self.sock.sendall(data)
            return True
        except (BrokenPipeError, ConnectionResetError):
            return False

    def _fill(self, deadline):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise socket.timeout("deadline")
        r, _, _ = select.select([self.sock], [], [], remaining)
        if not r:
            raise socket.timeout("deadline")
        try:
            chunk = self.sock.recv(65536)
        except ConnectionResetError:
            self.reset = True
            self.eof = True
            return False
        if not chunk:
            self.eof = True
            return False
        self.buf += chunk
        return True

    def read_response(self, timeout=10, head_only_method=False):
        """Reads one response. Returns Response, or None if the peer closed without one.
        Raises socket.timeout if nothing conclusive arrives within `timeout`."""
        deadline = time.monotonic() + timeout
        while b"\r\n\r\n" not in self.buf:
            if self.eof:
                if self.buf:
                    raise ValueError(f"connection closed inside a response head: {self.buf[:300]!r}")
                return None
            self._fill(deadline)
        head, _, rest = self.buf.partition(b"\r\n\r\n")
        status, reason, headers = parse_head(head)
        self.buf = rest
        hmap = {k.lower(): v for k, v in headers}
        body = b""
        if head_only_method or status in (204, 304) or 100 <= status < 200:
            body = b""
        elif "chunked" in hmap.get("transfer-encoding", "").lower():
            body = self._read_chunked(deadline)
        elif "content-length" in hmap:
            n = int(hmap["content-length"])
            while len(self.buf) < n and not self.eof:
                self._fill(deadline)
            body, self.buf = self.buf[:n], self.buf[n:]
        else:
            while not self.eof:
                self._fill(deadline)
            body, self.buf = self.buf, b""
        return Response(status, reason, headers, body)

    def _read_chunked(self, deadline):
        body = b""
        while True:
            while b"\r\n" not in self.buf:
                if self.eof:
                    return body
                self._fill(deadline)
            line, _, self.buf = self.buf.partition(b"\r\n")
            size = int(line.split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while b"\r\n" not in self.buf and not self.eof:
                    self._fill(deadline)
                self.buf = self.buf.partition(b"\r\n")[2]
                return body
            while len(self.buf) < size + 2 and not self.eof:
                self._fill(deadline)
            body += self.buf[:size]
            self.buf = self.buf[size + 2:]

    def wait_closed(self, timeout):
        """True if the peer closes (EOF/RST) within `timeout`; any data read is kept in buf."""
        deadline = time.monotonic() + timeout
        try:
            while not self.eof:
                self._fill(deadline)
        except socket.timeout:
            return False
        except OSError:
            return True
        return True

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def read_until_closed_or_response(conn, timeout):
    """-> ('response', Response) | ('closed', None) | ('timeout', None)."""
    try:
        r = conn.read_response(timeout=timeout)
    except socket.timeout:
        return "timeout", None
    except ValueError as e:
        return "garbled", str(e)
    if r is None:
        return "closed", None
    return "response", r


def connect_refused(port, host=HOST, timeout=2):
    """True if a TCP connect is refused; False if it connects."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(timeout)
    try:
        s.connect((host, port))
        return False
    except (ConnectionRefusedError, socket.timeout, OSError):
        return True
    finally:
        s.close()


class TempDir:
    """mkdtemp that is always removed. shared=True lets other users in (the `postgres` user that
    runs a PostgreSQL started inside it when the tests run as root)."""

    def __init__(self, prefix, shared=False):
        self.path = tempfile.mkdtemp(prefix=prefix)
        if shared:
            os.chmod(self.path, 0o755)

    def cleanup(self):
        shutil.rmtree(self.path, ignore_errors=True)


def check_problem(check, resp, status, what, request_id=None):
    """Asserts an RFC 9457 problem response with the given status. Returns the parsed body."""
    check.ok(resp is not None and resp.status == status, f"{what}: HTTP {status}", f"got {resp!r}")
    if resp is None:
        return None
    ctype = (resp.header("Content-Type") or "").lower()
    check.ok(ctype.split(";")[0].strip() == "application/problem+json",
             f"{what}: Content-Type application/problem+json", f"got {ctype!r}")
    body = resp.json()
    check.ok(isinstance(body, dict), f"{what}: body is a JSON object", f"body {resp.body[:300]!r}")
    if not isinstance(body, dict):
        return None
    check.ok(body.get("status") == resp.status,
             f"{what}: problem.status equals the HTTP status ({resp.status})",
             f"problem.status={body.get('status')!r}")
    check.ok(isinstance(body.get("type"), str) and isinstance(body.get("title"), str),
             f"{what}: problem has string type and title", f"body {body!r}")
    rid_hdr = resp.header("X-Request-Id")
    check.ok(isinstance(body.get("request_id"), str) and body.get("request_id") == rid_hdr,
             f"{what}: problem.request_id present and equal to X-Request-Id header",
             f"request_id={body.get('request_id')!r} header={rid_hdr!r}")
    if request_id is not None:
        check.ok(body.get("request_id") == request_id,
                 f"{what}: problem.request_id echoes the client's X-Request-Id",
                 f"sent {request_id!r}, got {body.get('request_id')!r}")
    low = resp.body.decode("utf-8", "replace").lower()
    leaks = [w for w in LEAKY_WORDS if w in low]
    check.ok(not leaks, f"{what}: body leaks no internals", f"found {leaks} in {low[:400]!r}")
    return body
