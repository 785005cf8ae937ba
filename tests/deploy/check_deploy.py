#!/usr/bin/python3
"""deploy/, checked by the real tools (tests/deploy/nginx_test.py runs nginx itself):

  * systemd units: `systemd-analyze verify` (no complaint at all) and the offline security score;
  * the shared Vigor settings (deploy/systemd/vigor.conf.example) loaded by the real binary;
  * Patroni: the three members' files identical but for name and address, synchronous mode on,
    WAL archived to the pgBackRest stanza of deploy/pgbackrest/, `patroni --validate-config`
    (only "unreachable" complaints about the real machines' addresses allowed);
  * etcd: the three members' settings started for real on loopback (ports moved), one healthy
    cluster of three;
  * HAProxy: `haproxy -c -f`;
  * pgBackRest: its configuration read by `pgbackrest info` without a warning;
  * Prometheus: `promtool check config`, `check rules`, `test rules` (each alert firing and
    quiet);
  * Grafana: the dashboard is importable JSON, every expression parses (promtool), and every
    metric named in the dashboard and the alert rules exists: in Vigor's source, in the
    installed Patroni's /metrics code, or among the node exporter's documented ones.

A tool that is missing prints "NOT CHECKED: why" and counts neither way.
Usage: check_deploy.py --vigor build/release/vigor
"""

import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "process"))
import vigorproc as vp  # noqa: E402

REPO = vp.REPO_ROOT
DEPLOY = os.path.join(REPO, "deploy")

# Settings and metrics that the deploy files use and that other parts of issue 17 add to Vigor.
# While the binary or the source lacks one, the check says NOT CHECKED instead of failing; once
# it is there, it is checked like any other (and this list should shrink).
PENDING_SETTINGS = {
    "database-replica": "reads from replicas (issue 17, replica part)",
    "job-lease-seconds": "short job leases (issue 17, events part)",
}
PENDING_METRICS = {
    "vigor_jobs_queued": "no gauge of the background jobs waiting to run in Vigor yet",
}

# The node exporter's metrics the rules and the dashboard use (its documented filesystem
# collector: https://github.com/prometheus/node_exporter, collector/filesystem_common.go).
NODE_EXPORTER_METRICS = {"node_filesystem_avail_bytes", "node_filesystem_size_bytes",
                         "node_filesystem_free_bytes", "node_filesystem_readonly"}
PROMETHEUS_METRICS = {"up", "scrape_duration_seconds", "scrape_samples_scraped"}

not_checked = []


def note_not_checked(why):
    not_checked.append(why)
    vp.log(f"  NOT CHECKED: {why}")


def have(tool):
    return shutil.which(tool) or (os.access(f"/usr/sbin/{tool}", os.X_OK) and f"/usr/sbin/{tool}")


def run(cmd, timeout=60, env=None, cwd=None):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env, cwd=cwd)


# --- systemd ------------------------------------------------------------------------------
def check_systemd(check, vigor, tmp):
    if not have("systemd-analyze"):
        return note_not_checked("systemd units: systemd-analyze is not installed")
    units = os.path.join(tmp, "units")
    os.makedirs(units)
    for d in ("systemd", "pgbackrest"):
        for name in os.listdir(os.path.join(DEPLOY, d)):
            if name.endswith((".service", ".target", ".timer")):
                with open(os.path.join(DEPLOY, d, name)) as f:
                    text = f.read()
                # verify wants the programs to exist: Vigor's is where the build put it.
                text = text.replace("/usr/local/bin/vigor", vigor)
                with open(os.path.join(units, name), "w") as f:
                    f.write(text)
    names = ["vigor.service", "vigor@8081.service", "vigor-instances.target",
             "pgbackrest-backup@full.service", "pgbackrest-backup-full.timer",
             "pgbackrest-backup-diff.timer"]
    r = run(["systemd-analyze", "verify"] + [f"./{n}" for n in names], cwd=units)
    complaints = (r.stdout + r.stderr).strip()
    check.ok(r.returncode == 0 and not complaints,
             f"systemd-analyze verify: {', '.join(names)}", complaints[-1500:])
    for unit in ("vigor.service", "vigor@8081.service"):
        r = run(["systemd-analyze", "security", "--offline=true", f"./{unit}"], cwd=units)
        m = re.search(r"Overall exposure level for \S+: ([0-9.]+)", r.stdout + r.stderr)
        score = float(m.group(1)) if m else 99.0
        check.ok(score <= 2.0, f"{unit} is hardened (systemd-analyze security: {score} <= 2.0)",
                 (r.stdout + r.stderr)[-800:])


def check_vigor_settings(check, vigor):
    path = os.path.join(DEPLOY, "systemd", "vigor.conf.example")
    # The file's own paths (/etc/vigor/secret.key) are the target machine's: loading the settings
    # creates the key file when it is missing, so that one and the data folder point at a
    # temporary folder here; every other setting is read as written.
    with tempfile.TemporaryDirectory() as scratch:
        r = run([vigor, "routes", "--config", path,
                 "--secret-key-file", os.path.join(scratch, "secret.key"), "--data-dir", scratch])
    unknown = re.findall(r"unknown setting '([^']+)'", r.stderr)
    pending = [k for k in unknown if k in PENDING_SETTINGS]
    for k in pending:
        note_not_checked(f"vigor.conf.example: '{k}' is not a setting of this build yet: "
                         f"{PENDING_SETTINGS[k]}")
    others = [line for line in r.stderr.splitlines()
              if line.startswith("  ") and not any(f"'{k}'" in line for k in pending)]
    check.ok((r.returncode == 0 or pending) and not others,
             "deploy/systemd/vigor.conf.example is accepted by vigor", r.stderr[-1000:])


# --- Patroni, etcd, pgBackRest ------------------------------------------------------------
def load_yaml(path):
    import yaml  # python3-yaml
    with open(path) as f:
        return yaml.safe_load(f)


def check_patroni(check):
    files = [os.path.join(DEPLOY, "patroni", f"patroni-{n}.yml") for n in (1, 2, 3)]
    try:
        configs = [load_yaml(f) for f in files]
    except Exception as e:  # noqa: BLE001 - any parse error is the finding
        check.fail("patroni-N.yml parse as YAML", repr(e))
        return

    def member_neutral(config, n):
        """The config with member n's own name and addresses taken out (each must be n's)."""
        c = json.loads(json.dumps(config))
        own = [(c, "name", f"db{n}"), (c["restapi"], "listen", f"10.0.2.1{n}:8008"),
               (c["restapi"], "connect_address", f"10.0.2.1{n}:8008"),
               (c["postgresql"], "listen", f"10.0.2.1{n},127.0.0.1:5432"),
               (c["postgresql"], "connect_address", f"10.0.2.1{n}:5432")]
        for d, key, value in own:
            if d.get(key) != value:
                return f"{key} is {d.get(key)!r}, not {value!r}"
            d[key] = "MEMBER"
        return c

    neutral = [member_neutral(c, n) for n, c in zip((1, 2, 3), configs)]
    check.ok(all(isinstance(c, dict) for c in neutral) and neutral[0] == neutral[1] == neutral[2],
             "patroni-1/2/3.yml differ only in the member's name and address",
             repr([c for c in neutral if not isinstance(c, dict)]))
    names = [c.get("name") for c in configs]
    check.ok(names == ["db1", "db2", "db3"], "members are named db1, db2, db3", repr(names))
    dcs = configs[0]["bootstrap"]["dcs"]
    check.ok(dcs.get("synchronous_mode") is True,
             "synchronous_mode: true (a failover loses no acknowledged write)", repr(dcs))
    params = dcs["postgresql"]["parameters"]
    stanza = re.search(r"^\[(\w+)\]", open(os.path.join(DEPLOY, "pgbackrest", "pgbackrest.conf"))
                       .read().split("[global]")[1], re.M)
    stanza = stanza.group(1) if stanza else None
    check.ok(params.get("archive_mode") == "on" and
             params.get("archive_command") == f"pgbackrest --stanza={stanza} archive-push %p" and
             dcs["postgresql"]["recovery_conf"]["restore_command"].startswith(
                 f"pgbackrest --stanza={stanza} archive-get"),
             f"WAL is archived to and restored from the pgBackRest stanza '{stanza}'", repr(params))
    check.ok(dcs["postgresql"].get("use_pg_rewind") is True and params.get("wal_log_hints") == "on",
             "a demoted primary rejoins with pg_rewind (wal_log_hints on)")
    hba = configs[0]["bootstrap"]["pg_hba"]
    check.ok(any(re.match(r"host\s+replication\s+replicator\s", h) for h in hba) and
             hba[-1].split()[-1] == "reject",
             "pg_hba: replication user allowed, everything else rejected last", repr(hba))
    if not have("patroni"):
        return note_not_checked("patroni --validate-config: patroni is not installed")
    env = dict(os.environ, PATRONI_SUPERUSER_PASSWORD="x", PATRONI_REPLICATION_PASSWORD="x",
               PATRONI_REWIND_PASSWORD="x", PATRONI_RESTAPI_PASSWORD="x")
    for f in files:
        r = run(["patroni", "--validate-config", f], env=env)
        # The validator also tries to reach etcd and to bind the addresses, which belong to the
        # real machines, not this one: those complaints are expected here; any other is not.
        lines = [line for line in (r.stdout + r.stderr).splitlines() if line.strip()]
        real = [line for line in lines
                if not re.search(r"is not reachable'$|Port \d+ is already in use\.'$", line)]
        check.ok(not real, f"patroni --validate-config {os.path.basename(f)}", "\n".join(real))


def free_low_ports(n):
    """Ports below the ephemeral range (toolchain.md: Patroni and etcd picked inside it clash)."""
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


def check_etcd(check, tmp):
    if not (have("etcd") and have("etcdctl")):
        return note_not_checked("etcd: etcd or etcdctl is not installed")
    ports = free_low_ports(6)
    procs = []
    try:
        endpoints = []
        for n in (1, 2, 3):
            env = {}
            with open(os.path.join(DEPLOY, "etcd", f"etcd-{n}.env")) as f:
                for line in f:
                    if "=" in line and not line.startswith("#"):
                        k, v = line.strip().split("=", 1)
                        env[k] = v
            text = json.dumps(env)
            for m in (1, 2, 3):
                text = text.replace(f"10.0.2.1{m}:2379", f"127.0.0.1:{ports[m - 1]}")
                text = text.replace(f"10.0.2.1{m}:2380", f"127.0.0.1:{ports[m + 2]}")
            env = json.loads(text)
            # Same loopback address for all three: the extra local listener would clash.
            env["ETCD_LISTEN_CLIENT_URLS"] = f"http://127.0.0.1:{ports[n - 1]}"
            env["ETCD_DATA_DIR"] = os.path.join(tmp, f"etcd-{n}")
            endpoints.append(f"127.0.0.1:{ports[n - 1]}")
            log = open(os.path.join(tmp, f"etcd-{n}.log"), "wb")
            procs.append(subprocess.Popen(["etcd"], env={**os.environ, **env}, stdout=log,
                                          stderr=log, stdin=subprocess.DEVNULL))
        deadline = time.monotonic() + 20
        r = None
        while time.monotonic() < deadline:
            r = run(["etcdctl", "--endpoints", ",".join(endpoints), "--dial-timeout=1s",
                     "endpoint", "health"], env=dict(os.environ, ETCDCTL_API="3"), timeout=15)
            if r.returncode == 0 and (r.stdout + r.stderr).count("is healthy") == 3:
                break
            time.sleep(0.3)
        check.ok(r is not None and (r.stdout + r.stderr).count("is healthy") == 3,
                 "etcd-1/2/3.env start a healthy three-member cluster (on loopback)",
                 (r.stdout + r.stderr)[-800:] if r else "")
        r = run(["etcdctl", "--endpoints", endpoints[0], "member", "list"],
                env=dict(os.environ, ETCDCTL_API="3"))
        members = sorted(re.findall(r", (db\d), ", r.stdout))
        check.ok(members == ["db1", "db2", "db3"], "etcd members db1, db2, db3", r.stdout[-500:])
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


def check_haproxy(check):
    if not have("haproxy"):
        return note_not_checked("haproxy.cfg: haproxy is not installed")
    r = run([have("haproxy"), "-c", "-f", os.path.join(DEPLOY, "haproxy", "haproxy.cfg")])
    check.ok(r.returncode == 0, "haproxy -c -f deploy/haproxy/haproxy.cfg", (r.stdout + r.stderr)[-800:])


def check_pgbackrest(check, tmp):
    if not have("pgbackrest"):
        return note_not_checked("pgbackrest.conf: pgbackrest is not installed")
    repo = os.path.join(tmp, "pgbackrest-repo")
    os.makedirs(repo)
    # The repository moved to a local folder (the real one is object storage); everything else
    # as written. An unknown or misplaced option makes pgBackRest warn.
    r = run(["pgbackrest", f"--config={os.path.join(DEPLOY, 'pgbackrest', 'pgbackrest.conf')}",
             "--stanza=vigor", "--repo1-type=posix", f"--repo1-path={repo}",
             f"--log-path={tmp}", f"--lock-path={tmp}", "info"],
            env=dict(os.environ, PGBACKREST_REPO1_CIPHER_PASS="test"))
    out = r.stdout + r.stderr
    check.ok(r.returncode == 0 and "WARN" not in out and "stanza: vigor" in out,
             "pgbackrest reads deploy/pgbackrest/pgbackrest.conf without a warning", out[-800:])


# --- Prometheus and Grafana ---------------------------------------------------------------
def check_prometheus(check):
    if not have("promtool"):
        return note_not_checked("Prometheus files: promtool is not installed (package prometheus)")
    d = os.path.join(DEPLOY, "prometheus")
    r = run(["promtool", "check", "config", "prometheus.yml"], cwd=d)
    check.ok(r.returncode == 0, "promtool check config prometheus.yml", (r.stdout + r.stderr)[-800:])
    r = run(["promtool", "check", "rules", "vigor-rules.yml"], cwd=d)
    check.ok(r.returncode == 0, "promtool check rules vigor-rules.yml", (r.stdout + r.stderr)[-800:])
    r = run(["promtool", "test", "rules", "vigor-rules.test.yml"], cwd=d)
    check.ok(r.returncode == 0, "promtool test rules: every alert fires and stays quiet as expected",
             (r.stdout + r.stderr)[-3000:])
    # Every alert has a test case that fires it and one that expects it quiet.
    rules = load_yaml(os.path.join(d, "vigor-rules.yml"))
    tests = load_yaml(os.path.join(d, "vigor-rules.test.yml"))
    alerts = {r["alert"] for g in rules["groups"] for r in g["rules"] if "alert" in r}
    firing, quiet = set(), set()
    for t in tests["tests"]:
        for case in t.get("alert_rule_test", []):
            (firing if case.get("exp_alerts") else quiet).add(case["alertname"])
    check.ok(alerts <= firing and alerts <= quiet,
             f"each of the {len(alerts)} alerts has a firing and a quiet test case",
             f"no firing case: {sorted(alerts - firing)}; no quiet case: {sorted(alerts - quiet)}")


KEYWORDS = {"by", "without", "on", "ignoring", "group_left", "group_right", "and", "or",
            "unless", "offset", "bool", "inf", "nan", "atan2"}


def metric_names(expr):
    """The metric names an expression reads (not functions, labels, keywords or durations)."""
    e = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)               # strings
    e = re.sub(r"\{[^}]*\}", "", e)                              # label matchers
    e = re.sub(r"\[[^\]]*\]", "", e)                             # ranges, subqueries
    e = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", e)
    names = set()
    for m in re.finditer(r"(?<![\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)\b(\s*\()?", e):
        word, call = m.group(1), m.group(2)
        if call or word.lower() in KEYWORDS or re.fullmatch(r"\d.*", word):
            continue
        names.add(word)
    return names


def known_metrics(check):
    names = set()
    for root, _, files in os.walk(os.path.join(REPO, "src")):
        for f in files:
            if f.endswith((".cpp", ".hpp")):
                with open(os.path.join(root, f), errors="replace") as fh:
                    text = fh.read()
                for m in re.finditer(r'"(vigor_[a-z0-9_]+)"', text):
                    names.add(m.group(1))
                for m in re.finditer(r'Histogram\(\s*"(vigor_[a-z0-9_]+)"', text):
                    names |= {m.group(1) + s for s in ("_bucket", "_sum", "_count")}
    # Patroni's /metrics, from the installed Patroni's own code.
    patroni = set()
    try:
        import patroni.api as api  # noqa: F401
        with open(api.__file__) as fh:
            patroni = set(re.findall(r'"(patroni_[a-z_]+)[{ ]', fh.read()))
    except Exception:  # noqa: BLE001
        pass
    if patroni:
        names |= patroni
    else:
        note_not_checked("Patroni metric names: Patroni is not installed (its names taken on trust)")
        names |= {"patroni_primary", "patroni_replica", "patroni_sync_standby",
                  "patroni_postgres_running", "patroni_postgres_timeline", "patroni_xlog_location",
                  "patroni_xlog_replayed_location", "patroni_dcs_last_seen"}
    return names | NODE_EXPORTER_METRICS | PROMETHEUS_METRICS


def check_names(check, what, exprs, known):
    used = set()
    for e in exprs:
        used |= metric_names(e)
    unknown = used - known
    pending = {n for n in unknown if n in PENDING_METRICS}
    for n in sorted(pending):
        note_not_checked(f"{what}: {n}: {PENDING_METRICS[n]}")
    for n in sorted(set(PENDING_METRICS) & known):
        vp.log(f"  note: {n} now exists in Vigor: remove it from PENDING_METRICS")
    check.ok(used and not (unknown - pending),
             f"{what}: every metric named exists ({len(used)} names)",
             f"unknown: {sorted(unknown - pending)}")


def check_grafana_and_names(check, tmp):
    path = os.path.join(DEPLOY, "grafana", "vigor-dashboard.json")
    try:
        with open(path) as f:
            dash = json.load(f)
    except ValueError as e:
        check.fail("vigor-dashboard.json is valid JSON", repr(e))
        return
    panels = dash.get("panels", [])
    exprs = [t["expr"] for p in panels for t in p.get("targets", []) if t.get("expr")]
    inputs = [i.get("name") for i in dash.get("__inputs", [])]
    check.ok(dash.get("title") and dash.get("uid") and panels and
             all(p.get("targets") and p.get("gridPos") for p in panels) and
             inputs == ["DS_PROMETHEUS"] and
             all(p.get("datasource", {}).get("uid") == "${DS_PROMETHEUS}" for p in panels),
             f"vigor-dashboard.json is an importable dashboard ({len(panels)} panels, "
             f"{len(exprs)} queries, data source chosen on import)")
    titles = " ".join(p.get("title", "") for p in panels).lower()
    wanted = ["requests per second", "error", "latency", "database pool", "jobs",
              "replication lag", "backup"]
    check.ok(all(w in titles for w in wanted), "the dashboard shows " + ", ".join(wanted),
             titles)
    if have("promtool"):
        # Each query as a recording rule: promtool parses the PromQL.
        rules = {"groups": [{"name": "dashboard", "rules": [
            {"record": f"dashboard:q{i}", "expr": e.replace("$__rate_interval", "5m")}
            for i, e in enumerate(exprs)]}]}
        rf = os.path.join(tmp, "dashboard-rules.yml")
        with open(rf, "w") as f:
            json.dump(rules, f)  # JSON is YAML
        r = run(["promtool", "check", "rules", rf])
        check.ok(r.returncode == 0, "every dashboard query is valid PromQL (promtool)",
                 (r.stdout + r.stderr)[-1500:])
    known = known_metrics(check)
    check_names(check, "grafana dashboard", exprs, known)
    rules = load_yaml(os.path.join(DEPLOY, "prometheus", "vigor-rules.yml"))
    check_names(check, "alert rules", [r["expr"] for g in rules["groups"] for r in g["rules"]],
                known)


def main():
    args = vp.base_args(__doc__)
    check = vp.Check("check_deploy")
    tmp = tempfile.mkdtemp(prefix="vigor-deploy-")
    try:
        for name, fn in (("systemd", lambda: check_systemd(check, args.vigor, tmp)),
                         ("vigor settings", lambda: check_vigor_settings(check, args.vigor)),
                         ("patroni", lambda: check_patroni(check)),
                         ("etcd", lambda: check_etcd(check, tmp)),
                         ("haproxy", lambda: check_haproxy(check)),
                         ("pgbackrest", lambda: check_pgbackrest(check, tmp)),
                         ("prometheus", lambda: check_prometheus(check)),
                         ("grafana", lambda: check_grafana_and_names(check, tmp))):
            vp.log(f"\n[{name}]")
            try:
                fn()
            except Exception as e:  # noqa: BLE001 - a crashed check is a failed check
                check.fail(f"{name}: the check itself failed", repr(e))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return check.finish()


if __name__ == "__main__":
    sys.exit(main())
