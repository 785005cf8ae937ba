#!/usr/bin/python3
"""/metrics is valid Prometheus text and counts what happened.

Makes known requests (200, 404, 405), scrapes /metrics, runs `promtool check metrics` on the
scrape (exit 0 required), and checks: vigor_http_requests_total has series for the routes and
statuses caused with counts at least those sent; the raw path of a 404 never becomes a label
(bounded cardinality); the latency histogram vigor_http_request_duration_seconds has
monotonic buckets with +Inf == _count; vigor_http_requests_in_flight; a database pool gauge;
vigor_build_info{version=<the /api/v1/meta version>} 1; no duplicate series; counters grow
between two scrapes.
"""

import math
import os
import re
import secrets
import subprocess
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vigorproc as vp  # noqa: E402

NAME_RE = re.compile(r"[a-zA-Z_:][a-zA-Z0-9_:]*")
ROUTE_LABELS = ("route", "path", "handler", "endpoint")
STATUS_LABELS = ("status", "code", "status_code")


def extra_args(p):
    p.add_argument("--promtool", default="/usr/bin/promtool")


def parse_labels(s, i):
    """Parses '{a="b",c="d"}' starting at s[i] == '{'. Returns (dict, index after '}')."""
    labels = {}
    assert s[i] == "{"
    i += 1
    while True:
        while i < len(s) and s[i] in " ,":
            i += 1
        if s[i] == "}":
            return labels, i + 1
        m = NAME_RE.match(s, i)
        if not m:
            raise ValueError(f"bad label name at {s[i:i + 30]!r}")
        name = m.group(0)
        i = m.end()
        while s[i] == " ":
            i += 1
        if s[i] != "=":
            raise ValueError(f"expected '=' at {s[i:i + 30]!r}")
        i += 1
        while s[i] == " ":
            i += 1
        if s[i] != '"':
            raise ValueError(f"expected '\"' at {s[i:i + 30]!r}")
        i += 1
        val = []
        while s[i] != '"':
            if s[i] == "\\":
                nxt = s[i + 1]
                val.append({"n": "\n", "\\": "\\", '"': '"'}.get(nxt, "\\" + nxt))
                i += 2
            else:
                val.append(s[i])
                i += 1
        if name in labels:
            raise ValueError(f"label {name} given twice")
        labels[name] = "".join(val)
        i += 1


def parse_exposition(text):
    """-> (samples [(name, labels, value)], types {family: type}, helps {family: text}, problems)."""
    samples, types, helps, problems = [], {}, {}, []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            parts = line.split(None, 3)
            if len(parts) >= 3 and parts[1] in ("TYPE", "HELP"):
                d = types if parts[1] == "TYPE" else helps
                if parts[2] in d:
                    problems.append(f"line {n}: second # {parts[1]} for {parts[2]}")
                d[parts[2]] = parts[3] if len(parts) > 3 else ""
            continue
        try:
            m = NAME_RE.match(line)
            name = m.group(0)
            i = m.end()
            labels = {}
            if i < len(line) and line[i] == "{":
                labels, i = parse_labels(line, i)
            rest = line[i:].split()
            value = float(rest[0].replace("Inf", "inf"))
            samples.append((name, labels, value))
        except (ValueError, IndexError, AttributeError) as e:
            problems.append(f"line {n}: cannot parse {line!r}: {e}")
    return samples, types, helps, problems


def pick(labels, names):
    for n in names:
        if n in labels:
            return labels[n]
    return None


def scrape(srv):
    r = srv.request("GET", "/metrics")
    return r, r.body.decode("utf-8", "replace")


def main():
    args = vp.base_args(__doc__, extra_args)
    check = vp.Check("metrics_test")
    tmp = vp.TempDir("vigor-metrics-")
    data_dir = os.path.join(tmp.path, "data")
    os.makedirs(data_dir)
    srv = vp.Server(args.vigor, data_dir, tmp.path, name="metrics")
    try:
        srv.start()
        vp.log(f"server pid {srv.pid} on port {srv.port}")
        meta = srv.request("GET", "/api/v1/meta").json() or {}
        n_meta, n_404, n_405 = 1 + 4, 3, 2     # the first meta above counts too
        for _ in range(4):
            srv.request("GET", "/api/v1/meta")
        secret_path = "nope-" + secrets.token_hex(6)
        st404 = [srv.request("GET", f"/api/v1/{secret_path}").status for _ in range(n_404)]
        check.ok(st404 == [404] * n_404, f"GET /api/v1/{secret_path} x{n_404} -> 404", f"{st404}")
        st405 = [srv.request("DELETE", "/api/v1/meta").status for _ in range(n_405)]
        check.ok(st405 == [405] * n_405, f"DELETE /api/v1/meta x{n_405} -> 405", f"{st405}")

        r, text = scrape(srv)
        check.ok(r.status == 200, "GET /metrics -> 200", f"{r!r}")
        ctype = r.header("Content-Type") or ""
        check.ok(ctype.startswith("text/plain"), "Content-Type text/plain (exposition format 0.0.4)",
                 f"got {ctype!r}")
        check.ok("version=0.0.4" in ctype.replace(" ", ""), "Content-Type names version=0.0.4",
                 f"got {ctype!r}")

        # promtool
        if os.access(args.promtool, os.X_OK):
            p = subprocess.run([args.promtool, "check", "metrics"], input=text, capture_output=True,
                               text=True, timeout=60)
            check.ok(p.returncode == 0, "promtool check metrics exits 0",
                     f"exit {p.returncode}: {(p.stdout + p.stderr)[:2000]}")
        else:
            check.fail(f"promtool found at {args.promtool}", "install the Debian package prometheus")

        samples, types, helps, problems = parse_exposition(text)
        check.ok(not problems, "exposition parses (our parser) with one HELP/TYPE per family",
                 "; ".join(problems[:8]))

        # duplicates
        seen, dups = set(), []
        for name, labels, _ in samples:
            k = (name, tuple(sorted(labels.items())))
            if k in seen:
                dups.append(f"{name}{dict(labels)}")
            seen.add(k)
        check.ok(not dups, "no series appears twice (same name and labels)", "; ".join(dups[:8]))

        # requests_total
        req = [(l, v) for n, l, v in samples if n == "vigor_http_requests_total"]
        check.ok(types.get("vigor_http_requests_total") == "counter"
                 or types.get("vigor_http_requests") == "counter",
                 "vigor_http_requests_total is a counter", f"TYPE {types.get('vigor_http_requests_total')!r}")
        check.ok(bool(req), "vigor_http_requests_total has series", "none found")
        if req:
            vp.log("  series of vigor_http_requests_total:")
            for l, v in req:
                vp.log(f"    {l} {v:g}")
            rl = [pick(l, ROUTE_LABELS) for l, _ in req]
            sl = [pick(l, STATUS_LABELS) for l, _ in req]
            check.ok(all(x is not None for x in rl) and all(x is not None for x in sl),
                     f"every series has a route label ({'/'.join(ROUTE_LABELS)}) and a status "
                     f"label ({'/'.join(STATUS_LABELS)})", f"{[l for l, _ in req][:5]}")

            def count(route=None, status=None, method=None):
                tot = 0
                for l, v in req:
                    if route is not None and pick(l, ROUTE_LABELS) != route:
                        continue
                    if status is not None and pick(l, STATUS_LABELS) != status:
                        continue
                    if method is not None and "method" in l and l["method"] != method:
                        continue
                    tot += v
                return tot

            got = count("/api/v1/meta", "200", "GET")
            check.ok(got >= n_meta, f"route=/api/v1/meta status=200 counts >= {n_meta}", f"got {got:g}")
            got = count(None, "404")
            check.ok(got >= n_404, f"status=404 counts >= {n_404}", f"got {got:g}")
            got = count(None, "405")
            check.ok(got >= n_405, f"status=405 counts >= {n_405}", f"got {got:g}")
            got405 = count("/api/v1/meta", "405")
            if got405 < n_405:
                vp.log(f"  note: the 405s are not labelled route=/api/v1/meta (got {got405:g})")
        check.ok(secret_path not in text,
                 "the raw path of a 404 is not used as a label (bounded label cardinality)",
                 f"{secret_path!r} appears in /metrics")

        # histogram
        fam = "vigor_http_request_duration_seconds"
        check.ok(types.get(fam) == "histogram", f"{fam} is a histogram", f"TYPE {types.get(fam)!r}")
        buckets = [(l, v) for n, l, v in samples if n == fam + "_bucket"]
        counts = {tuple(sorted(l.items())): v for n, l, v in samples if n == fam + "_count"}
        sums = {tuple(sorted(l.items())) for n, l, v in samples if n == fam + "_sum"}
        check.ok(bool(buckets), f"{fam}_bucket series exist")
        groups = {}
        for l, v in buckets:
            key = tuple(sorted((k, x) for k, x in l.items() if k != "le"))
            groups.setdefault(key, []).append((l.get("le"), v))
        bad = []
        for key, bs in groups.items():
            les = {le: v for le, v in bs}
            if "+Inf" not in les:
                bad.append(f"{dict(key)}: no +Inf bucket")
                continue
            if key not in counts:
                bad.append(f"{dict(key)}: no _count")
            elif les["+Inf"] != counts[key]:
                bad.append(f"{dict(key)}: +Inf={les['+Inf']:g} but _count={counts[key]:g}")
            if key not in sums:
                bad.append(f"{dict(key)}: no _sum")
            ordered = sorted(bs, key=lambda x: math.inf if x[0] == "+Inf" else float(x[0]))
            vals = [v for _, v in ordered]
            if any(b < a for a, b in zip(vals, vals[1:])):
                bad.append(f"{dict(key)}: buckets not cumulative {ordered}")
        check.ok(groups and not bad, f"{fam}: every series has +Inf == _count, a _sum, cumulative buckets",
                 "; ".join(bad[:6]))
        total_count = sum(counts.values())
        check.ok(total_count >= n_meta + n_404 + n_405,
                 f"{fam}_count totals at least the {n_meta + n_404 + n_405} requests made",
                 f"got {total_count:g}")

        # in flight, db pool, build info
        inflight = [v for n, l, v in samples if n == "vigor_http_requests_in_flight"]
        check.ok(inflight and types.get("vigor_http_requests_in_flight") == "gauge" and min(inflight) >= 0,
                 "vigor_http_requests_in_flight is a gauge >= 0",
                 f"values {inflight}, TYPE {types.get('vigor_http_requests_in_flight')!r}")
        db_gauges = sorted({n for n, l, v in samples
                            if types.get(n) == "gauge"
                            and re.match(r"vigor_(db|database|sqlite|store)_", n)})
        pool_gauges = [n for n in db_gauges
                       if re.search(r"pool|conn|reader|writer", n + " " + helps.get(n, ""), re.I)]
        check.ok(bool(pool_gauges), "a database pool gauge exists (a vigor_db_* gauge whose name "
                 "or HELP mentions pool/connections/readers)",
                 f"gauges found: {sorted(n for n, t in types.items() if t == 'gauge')}")
        if pool_gauges:
            vp.log(f"  database pool gauges: {pool_gauges}")
        bi = [(l, v) for n, l, v in samples if n == "vigor_build_info"]
        check.ok(len(bi) == 1 and bi[0][1] == 1 and bi[0][0].get("version") == meta.get("version"),
                 f"vigor_build_info{{version=\"{meta.get('version')}\"}} 1 (same version as /api/v1/meta)",
                 f"got {bi}")

        # counters grow
        before = sum(v for l, v in req if pick(l, ROUTE_LABELS) == "/api/v1/meta"
                     and pick(l, STATUS_LABELS) == "200")
        for _ in range(3):
            srv.request("GET", "/api/v1/meta")
        _, text2 = scrape(srv)
        s2, _, _, _ = parse_exposition(text2)
        after = sum(v for n, l, v in s2 if n == "vigor_http_requests_total"
                    and pick(l, ROUTE_LABELS) == "/api/v1/meta" and pick(l, STATUS_LABELS) == "200")
        check.ok(after - before >= 3, "the meta 200 counter grows by at least 3 after 3 more requests",
                 f"before {before:g}, after {after:g}")
    except (vp.TestFailure, OSError) as e:
        check.fail("test aborted", f"{e!r}\nstderr: {srv.stderr_text(2000)}")
    finally:
        srv.stop(timeout=15)
        tmp.cleanup()
    return check.finish()


if __name__ == "__main__":
    sys.exit(main())
