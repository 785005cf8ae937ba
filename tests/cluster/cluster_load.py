"""The cluster test's clients (tests/cluster/cluster_test.py): an HTTP client that signs in,
retries what it may retry with the same Idempotency-Key and remembers every attempt; load
threads that log workouts through nginx; and how their outcome is judged (every acknowledged
write listed once, the outage the clients saw)."""

import http.client
import json
import os
import sys
import threading
import time
import urllib.parse
import uuid

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vigorproc as vp  # noqa: E402

PASSWORD = "cluster-test-password-1"
JSON_CT = "application/json"
RETRYABLE = (None, 502, 503, 504)  # no answer, or the gateway or the database was away


def log(msg):
    print(msg, flush=True)


def pct(values, p):
    if not values:
        return None
    v = sorted(values)
    return v[min(len(v) - 1, int(p / 100.0 * len(v)))]


class Attempt:
    """One HTTP exchange of the load: when it went and how it ended."""
    __slots__ = ("op", "sent", "done", "status", "ok")

    def __init__(self, op, sent, done, status, ok):
        self.op, self.sent, self.done, self.status, self.ok = op, sent, done, status, ok


class Client:
    """A user's browser through one address (nginx, or one instance): cookies, CSRF, its own
    client address in X-Forwarded-For (nginx hands it on; vigor trusts 127.0.0.1)."""

    def __init__(self, port, username, xff, record=None):
        self.port = port
        self.username = username
        self.xff = xff
        self.cookies = {}
        self.conn = None
        self.record = record if record is not None else []
        self.unexpected = []
        self.gave_up = []
        self.bad_503 = []      # Vigor's 503s without a problem body or a Retry-After
        self.gateway_503 = 0   # nginx's own 503s (no instance answered)

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def cookie_header(self):
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def once(self, method, path, body=None, headers=None, fresh=False, timeout=15):
        """One exchange; returns a vp.Response or None when the connection failed."""
        hdrs = {"X-Forwarded-For": self.xff}
        if self.cookies:
            hdrs["Cookie"] = self.cookie_header()
        if method not in ("GET", "HEAD"):
            hdrs["X-CSRF-Token"] = self.cookies.get("vigor_csrf", "")
        if body is not None:
            hdrs["Content-Type"] = JSON_CT
            if not isinstance(body, (bytes, str)):
                body = json.dumps(body)
            if isinstance(body, str):
                body = body.encode()
        hdrs.update(headers or {})
        if fresh:
            self.close()
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
            self.conn.request(method, path, body=body, headers=hdrs)
            r = self.conn.getresponse()
            data = r.read()
        except (OSError, http.client.HTTPException):
            self.close()
            return None
        for k, v in r.getheaders():
            if k.lower() == "set-cookie":
                name, _, rest = v.partition("=")
                value = rest.split(";", 1)[0]
                if value and "max-age=0" not in v.lower():
                    self.cookies[name.strip()] = value
                else:
                    self.cookies.pop(name.strip(), None)
        if (r.getheader("Connection") or "").lower() == "close" or fresh:
            self.close()
        return vp.Response(r.status, r.reason, r.getheaders(), data)

    def call(self, op, method, path, body=None, headers=None, ok=(200,), deadline_s=90.0,
             fresh=False, retry_409=False):
        """Retries what may be retried (no answer, 502/503/504; a 409 of an Idempotency-Key still
        in progress when retry_409) with the same body and headers until `deadline_s`; returns
        the last response (None: never answered). Every attempt goes into the record."""
        end = time.monotonic() + deadline_s
        while True:
            sent = time.monotonic()
            r = self.once(method, path, body, headers, fresh=fresh)
            status = r.status if r is not None else None
            good = status in ok
            self.record.append(Attempt(op, sent, time.monotonic(), status, good))
            if good:
                return r
            if status == 503:
                self.judge_503(op, r)
            retry = status in RETRYABLE or (retry_409 and status == 409)
            if not retry:
                self.unexpected.append(f"{op} {method} {path}: {status} "
                                       f"{(r.body[:200] if r else b'')!r}")
                return r
            if time.monotonic() > end:
                self.gave_up.append(f"{op} {method} {path}: last {status}")
                return r
            # Retry-After says 3 s; a test measuring an outage asks more often than that.
            time.sleep(0.2)

    def judge_503(self, op, r):
        body = r.json()
        ctype = (r.header("Content-Type") or "").split(";")[0].strip()
        retry = r.header("Retry-After") or ""
        if isinstance(body, dict) and "request_id" not in body:
            self.gateway_503 += 1  # nginx's @vigor_unavailable: no instance answered
            if not retry.isdigit():
                self.bad_503.append(f"{op}: nginx's 503 without Retry-After {r.body[:120]!r}")
            return
        if ctype != "application/problem+json" or not retry.isdigit():
            self.bad_503.append(f"{op}: 503 {ctype!r} Retry-After {retry!r} {r.body[:120]!r}")

    def sign_in(self, deadline_s=90.0):
        if "vigor_csrf" not in self.cookies:
            self.call("meta", "GET", "/api/v1/meta", deadline_s=deadline_s)
        r = self.call("sign-in", "POST", "/api/v1/auth/login",
                      {"login": self.username, "password": PASSWORD}, deadline_s=deadline_s)
        return r is not None and r.status == 200


def create_users(cluster, names):
    for name in names:
        r = vp.run_cli(cluster.vigor, ["user", "create", "--username", name, "--email",
                                       f"{name}@example.org", "--data-dir",
                                       cluster.instances[0].data_dir, "--database",
                                       cluster.database_url("read-write"),
                                       "--password-memory-kib", "1024",
                                       "--password-iterations", "1"],
                       input=PASSWORD + "\n", timeout=60)
        if r.returncode != 0:
            raise vp.TestFailure(f"vigor user create {name}: {r.stderr[-500:]}")


def list_titles(client):
    """Every workout of the client's user: {title: [ids]} (all pages)."""
    titles = {}
    cursor = None
    for _ in range(1000):
        path = "/api/v1/workouts?limit=100" + (
            f"&cursor={urllib.parse.quote(cursor)}" if cursor else "")
        r = client.call("verify-list", "GET", path)
        if r is None or r.status != 200:
            raise vp.TestFailure(f"listing {client.username}'s workouts: {r!r}")
        body = r.json()
        for item in body["items"]:
            titles.setdefault(item.get("title"), []).append(item["id"])
        cursor = body.get("next_cursor")
        if not cursor:
            return titles
    raise vp.TestFailure("more than 1000 pages of workouts")


class Loader(threading.Thread):
    """One user's mixed load through nginx until `stop` is set."""

    def __init__(self, index, port, username, stop, tag):
        super().__init__(daemon=True)
        self.index = index
        self.client = Client(port, username, f"10.17.{index // 250}.{index % 250 + 1}")
        self.stop = stop
        self.tag = tag
        self.acked = {}      # title -> id the server acknowledged
        self.attempted = set()
        self.ops = 0
        self.failed_ops = 0
        self.signups = 0

    def create(self, n):
        title = f"{self.tag} {self.client.username} #{n}"
        body = {"title": title,
                "started_at": time.strftime("%Y-%m-%dT%H:%M:%SZ",
                                            time.gmtime(1_700_000_000 + n * 60 + self.index)),
                "blocks": [{"exercise_id": "barbell-back-squat",
                            "sets": [{"reps": 5, "weight_kg": 100 + n % 20, "done": True}]}]}
        if n % 2 == 0:
            body["id"] = str(uuid.uuid4())  # a client id as well as the key (offline clients)
        key = str(uuid.uuid4())
        self.attempted.add(title)
        r = self.client.call("create", "POST", "/api/v1/workouts", body,
                             headers={"Idempotency-Key": key}, ok=(200, 201), retry_409=True)
        if r is not None and r.status in (200, 201):
            data = r.json() or {}
            self.acked[title] = data.get("id")
            if "id" in body and data.get("id") != body["id"]:
                self.client.unexpected.append(f"create {title}: sent id {body['id']}, "
                                              f"acknowledged as {data.get('id')}")
                return False
            return True
        return False

    def run(self):
        c = self.client
        if not c.sign_in():
            self.failed_ops += 1
            return
        n = 0
        while not self.stop.is_set():
            n += 1
            results = [self.create(n)]
            r = c.call("list", "GET", "/api/v1/workouts?limit=5")
            results.append(r is not None and r.status == 200)
            r = c.call("me", "GET", "/api/v1/me")
            results.append(r is not None and r.status == 200)
            if n % 8 == 0:
                # A sign-up through the balancer (answers 202 whether or not the address is
                # taken); its own client so that it does not end this user's session.
                other = Client(c.port, "", f"10.18.{self.index}.{n % 250 + 1}", c.record)
                name = f"{self.tag.lower().replace(' ', '')}{self.index}x{n}"
                other.call("meta", "GET", "/api/v1/meta")  # the CSRF cookie
                policy = other.call("policy", "GET", "/api/v1/privacy-policy")
                version = (policy.json() or {}).get("version") if policy is not None else None
                r = other.call("sign-up", "POST", "/api/v1/auth/signup",
                               {"username": name[:30], "email": f"{name}@example.org",
                                "password": PASSWORD, "consent_policy_version": version},
                               ok=(202,))
                results.append(r is not None and r.status == 202)
                c.unexpected += other.unexpected
                c.gave_up += other.gave_up
                c.bad_503 += other.bad_503
                c.gateway_503 += other.gateway_503
                self.signups += 1
            if n % 12 == 0:
                # Signing out and in again: the session lives in the database, any instance.
                c.call("sign-out", "POST", "/api/v1/auth/logout", ok=(200, 204))
                c.cookies.pop("vigor_session", None)
                results.append(c.sign_in())
            self.ops += len(results)
            self.failed_ops += results.count(False)
            time.sleep(0.02)
        c.close()


def run_load(cluster, users, seconds, tag, fault_at=None, fault=None, until=None):
    """The mixed load for `seconds` (longer while `until()` is false, at most 60 s more);
    `fault()` runs `fault_at` seconds in. Returns (loaders, t_fault, t_start, t_end)."""
    stop = threading.Event()
    loaders = [Loader(i, cluster.nginx_port, u, stop, tag) for i, u in enumerate(users)]
    t0 = time.monotonic()
    for ld in loaders:
        ld.start()
    t_fault = None
    if fault_at is not None:
        time.sleep(fault_at)
        t_fault = time.monotonic()
        fault()
    time.sleep(max(0.0, t0 + seconds - time.monotonic()))
    if until is not None:
        limit = time.monotonic() + 60
        while not until() and time.monotonic() < limit:
            time.sleep(0.2)
    stop.set()
    for ld in loaders:
        ld.join(120)
    return loaders, t_fault, t0, time.monotonic()


def verify_writes(check, loaders, label):
    """Every acknowledged workout is listed exactly once; nothing was created twice. Returns
    (acknowledged, lost, duplicates)."""
    acked = lost = dups = 0
    details = []
    for ld in loaders:
        reader = Client(ld.client.port, ld.client.username, ld.client.xff)
        reader.sign_in()
        titles = list_titles(reader)
        reader.close()
        for title in ld.attempted:
            ids = titles.get(title, [])
            if len(ids) > 1:
                dups += 1
                details.append(f"{title}: listed {len(ids)} times")
        for title, wid in ld.acked.items():
            acked += 1
            ids = titles.get(title, [])
            if not ids:
                lost += 1
                details.append(f"{title} (id {wid}) acknowledged, not listed")
            elif wid not in ids:
                lost += 1
                details.append(f"{title}: acknowledged as {wid}, listed as {ids}")
    log(f"  {label}: {acked} workouts acknowledged, lost {lost}, duplicates {dups}")
    check.ok(acked > 0 and lost == 0, f"{label}: no acknowledged write lost ({acked} checked)",
             "; ".join(details[:10]))
    check.ok(dups == 0, f"{label}: no workout created twice", "; ".join(details[:10]))
    return acked, lost, dups


def judge_load(check, loaders, label):
    attempts = [a for ld in loaders for a in ld.client.record]
    ops = sum(ld.ops for ld in loaders)
    failed = sum(ld.failed_ops for ld in loaders)
    unexpected = [u for ld in loaders for u in ld.client.unexpected]
    gave_up = [g for ld in loaders for g in ld.client.gave_up]
    retried = sum(1 for a in attempts if not a.ok)
    lat = [a.done - a.sent for a in attempts if a.ok]
    statuses = {}
    for a in attempts:
        statuses[a.status] = statuses.get(a.status, 0) + 1
    log(f"  {label}: {ops} operations ({len(attempts)} requests, {retried} of them retried "
        f"answers), latency p50 {pct(lat, 50) * 1000:.0f} ms, p99 {pct(lat, 99) * 1000:.0f} ms; "
        f"answers {dict(sorted(statuses.items(), key=lambda kv: str(kv[0])))}"
        if lat else f"  {label}: no successful request")
    check.ok(ops > 0 and failed == 0 and not unexpected and not gave_up,
             f"{label}: every client operation succeeded ({ops}, retries included)",
             f"{failed} failed; unexpected {unexpected[:5]}; gave up {gave_up[:5]}")
    bad = [b for ld in loaders for b in ld.client.bad_503]
    vigor_503 = statuses.get(503, 0) - sum(ld.client.gateway_503 for ld in loaders)
    gateway = sum(ld.client.gateway_503 for ld in loaders)
    if statuses.get(503):
        log(f"  503 answers: {vigor_503} from vigor, {gateway} from nginx (no instance answered)")
    check.ok(not bad, f"{label}: every 503 from vigor is a problem with Retry-After "
             f"({vigor_503})", "; ".join(bad[:5]))
    return attempts


def outage(attempts, t_fault, ops=None):
    """(first failure after the fault, first success sent after it, seconds between) among
    `ops` (all when None)."""
    rel = [a for a in attempts if ops is None or a.op in ops]
    fails = [a.done for a in rel if not a.ok and a.done >= t_fault]
    if not fails:
        return None, None, 0.0
    first_fail = min(fails)
    wins = [a.done for a in rel if a.ok and a.sent >= first_fail]
    if not wins:
        return first_fail, None, None
    return first_fail, min(wins), min(wins) - first_fail


# ---- the checks --------------------------------------------------------------------------------
