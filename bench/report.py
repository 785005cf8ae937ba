#!/usr/bin/python3
"""Turns the raw outputs of bench/run.sh (wrk logs, the SQLite reference, machine facts) into
RESULTS.md: each figure next to its in-run reference and the ratio between them.

Exit 1 if a figure is missing or zero, or a read step saw non-2xx responses or socket errors.
"""
import argparse
import json
import os
import re
import sys

UNIT = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def parse_wrk(path):
    with open(path) as f:
        text = f.read()
    out = {"raw": text}
    m = re.search(r"Requests/sec:\s*([\d.]+)", text)
    out["rps"] = float(m.group(1)) if m else 0.0
    m = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m)\b", text)
    if m:
        out["requests"] = int(m.group(1))
        out["seconds"] = float(m.group(2)) * UNIT[m.group(3)] / 1000.0
    else:
        out["requests"], out["seconds"] = 0, 0.0
    m = re.search(r"Non-2xx or 3xx responses:\s*(\d+)", text)
    out["non2xx"] = int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    out["socket_errors"] = sum(int(x) for x in m.groups()) if m else 0
    out["socket_errors_text"] = m.group(0) if m else ""
    for pct in ("50", "99"):
        m = re.search(r"^\s*%s(?:\.0+)?%%\s+([\d.]+)(us|ms|s|m)\s*$" % pct, text, re.M)
        out["p" + pct] = float(m.group(1)) * UNIT[m.group(2)] if m else None
    # acknowledged (2xx) responses per second
    ok = out["requests"] - out["non2xx"]
    out["ok_per_sec"] = ok / out["seconds"] if out["seconds"] > 0 else 0.0
    return out


def fmt_rate(x):
    return f"{x:,.0f}" if x is not None else "n/a"


def fmt_ms(x):
    if x is None:
        return "n/a"
    return f"{x:.2f} ms" if x < 100 else f"{x:.0f} ms"


def ratio(a, b):
    return a / b if a and b else 0.0


def reading(f):
    meta_r = ratio(f["meta"]["rps"], f["healthz"]["rps"])
    io_r = ratio(f["per_thread"]["rps"], f["shared"]["rps"])
    w_r = ratio(f["writes"]["ok_per_sec"], f["sqlite"]["per_sec"])
    s = []
    if meta_r >= 0.9:
        s.append(f"GET /api/v1/meta runs at {meta_r:.0%} of the /healthz rate, so the application "
                 "path (router, middleware, JSON encoding, security headers) costs little next to "
                 "the HTTP parsing and socket work that every request pays.")
    elif meta_r >= 0.7:
        s.append(f"GET /api/v1/meta runs at {meta_r:.0%} of the /healthz rate: the application "
                 "path (router, middleware, JSON encoding, security headers) is a visible but "
                 "moderate share of a request's cost.")
    else:
        s.append(f"GET /api/v1/meta runs at only {meta_r:.0%} of the /healthz rate: something on "
                 "the application path (middleware, JSON encoding, logging, a database read) "
                 "dominates the cost of a request and is worth profiling.")
    if abs(io_r - 1) < 0.05:
        s.append(f"The two I/O models are within 5% of each other (per-thread/shared = {io_r:.2f}), "
                 f"which on this {f['nproc']}-CPU machine, where wrk competes with the server for "
                 "the same cores, is within noise.")
    else:
        better = "per-thread" if io_r > 1 else "shared"
        s.append(f"The {better} I/O model is faster in this run (per-thread/shared = {io_r:.2f}); "
                 f"with {f['nproc']} CPUs shared with wrk that is a hint, not a verdict, until a "
                 "machine with more cores confirms it.")
    if w_r >= 1:
        s.append(f"The server acknowledged {w_r:.1f}x as many durable writes per second as a "
                 "single-threaded SQLite autocommit loop commits on the same disk: that is group "
                 "commit at work, one fsync covering the writes of many concurrent requests, so "
                 "durability does not cap throughput at the fsync rate.")
    else:
        s.append(f"The server acknowledged only {w_r:.2f}x the durable writes per second of a plain "
                 "single-threaded SQLite autocommit loop; with 64 concurrent writers group commit "
                 "should beat that reference, so either commits are not batched or HTTP and "
                 "queueing overhead outweighs the batching: this is the figure to look at first.")
    p99 = f["writes"].get("p99")
    if p99 is not None:
        s.append(f"A write's p99 of {fmt_ms(p99)} at 64 connections is the price of waiting for "
                 "its batch's fsync.")
    s.append("Absolute numbers on a small shared VM move from run to run (note the load average "
             "above); compare the ratios, each measured in the same run against a reference that "
             "shares the same noise.")
    return " ".join(s)


PG_KEYS = ("healthz", "me", "meta", "list", "list_new", "create", "writes", "writes_delay")
SCENARIOS = [
    ("healthz", "GET /healthz", "req/s"),
    ("me", "GET /api/v1/me (Bearer token)", "req/s"),
    ("meta", "GET /api/v1/meta", "req/s"),
    ("list", "GET /api/v1/workouts?limit=20 (history page; Bearer token)", "req/s"),
    ("list_new", "The same page composed each time (a query not asked before)", "req/s"),
    ("create", "POST /api/v1/workouts, 15 sets (new workout each)", "workouts/s"),
    ("writes", "Acknowledged durable writes (PUT write-probe, new key each)", "writes/s"),
]


def cell(w, unit):
    """A figure, or a failure: a rate of error responses measures nothing."""
    if w["non2xx"]:
        return f"**failed**: {w['non2xx']:,} of {w['requests']:,} responses non-2xx", 0.0
    rate = w["ok_per_sec"] if unit != "req/s" else w["rps"]
    return f"{fmt_rate(rate)} {unit} (p99 {fmt_ms(w.get('p99'))})", rate


def backends_section(work, f, problems):
    """SQLite and PostgreSQL side by side: the same scenarios in the same run."""
    lines = ["## SQLite and PostgreSQL, same run", ""]
    skipped = os.path.join(work, "pg.skipped")
    if os.path.exists(skipped):
        with open(skipped) as fh:
            lines += [f"PostgreSQL not measured in this run: {fh.read().strip()}.", ""]
        return lines
    pg = {}
    for key in PG_KEYS:
        path = os.path.join(work, f"pg_{key}.wrk")
        if not os.path.exists(path):
            problems.append(f"pg_{key}: no wrk output")
            continue
        pg[key] = parse_wrk(path)
        if pg[key]["rps"] <= 0:
            problems.append(f"pg_{key}: no Requests/sec in wrk output")
        if pg[key]["non2xx"]:
            problems.append(f"pg_{key}: {pg[key]['non2xx']} non-2xx responses")
    if len(pg) < len(PG_KEYS):
        return lines + ["PostgreSQL figures incomplete (see Problems).", ""]
    settings = "?"
    try:
        with open(os.path.join(work, "pg.settings")) as fh:
            fsync, sync_commit, version = fh.read().split()[:3]
            settings = f"PostgreSQL {version}, fsync={fsync}, synchronous_commit={sync_commit}"
    except (OSError, ValueError):
        pass
    lines += [
        f"Each backend's server had a user with a history of workouts (bench/api_user.py) and ran "
        f"every scenario with the same wrk load; {settings}, a throw-away cluster on the same "
        "disk (scripts/pg-test-server without --fast). Ratios divide rates of the same run.",
        "",
        "| Scenario | SQLite | PostgreSQL | PostgreSQL / SQLite | of /healthz: SQLite, PostgreSQL |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    ratios = {}
    for key, name, unit in SCENARIOS:
        s_text, s_rate = cell(f[key], unit)
        p_text, p_rate = cell(pg[key], unit)
        ratios[key] = ratio(p_rate, s_rate)
        def of_healthz(rate, healthz):
            return f"{ratio(rate, healthz):.2f}" if rate else "-"

        of_h = (f"{of_healthz(s_rate, f['healthz']['rps'])}, "
                f"{of_healthz(p_rate, pg['healthz']['rps'])}"
                if key != "healthz" else "1.00, 1.00 (reference)")
        shown = f"{ratios[key]:.2f}" if ratios[key] else "-"
        lines.append(f"| {name} | {s_text} | {p_text} | {shown} | {of_h} |")
    d_text, d_rate = cell(pg["writes_delay"], "writes/s")
    delay_ratio = ratio(d_rate, pg["writes"]["ok_per_sec"])
    lines += [
        "",
        "Durable writes on PostgreSQL, one transaction per request (what the backend does), with "
        "and without PostgreSQL's own grouping of concurrent commits' WAL flushes:",
        "",
        "| PostgreSQL setting | Acknowledged durable writes | Ratio |",
        "| --- | ---: | ---: |",
        f"| commit_delay = 0 (default) | {cell(pg['writes'], 'writes/s')[0]} | 1.00 (reference) |",
        f"| commit_delay = 1000 us, commit_siblings = 5 | {d_text} | {delay_ratio:.2f} |",
        "",
    ]
    s = []
    failed = [name for key, name, _ in SCENARIOS if not ratios[key]]
    if failed:
        s.append("Not measured on PostgreSQL in this run, because its requests failed: " +
                 "; ".join(failed) + ".")
    if ratios["meta"]:
        s.append(f"PostgreSQL serves /api/v1/meta, which reads no table, at {ratios['meta']:.2f}x "
                 "SQLite's rate: the same code, so the difference is noise or the other "
                 "server process competing for the 2 CPUs.")
    if ratios["list"] and ratios["list_new"]:
        s.append(f"A history page runs at {ratios['list']:.2f}x, composed anew at "
                 f"{ratios['list_new']:.2f}x: each query is a round trip to another process "
                 "instead of a library call, and a kept page still costs one (the user's rev).")
    if ratios["create"] and ratios["writes"]:
        s.append(f"Saving a workout with 15 sets runs at {ratios['create']:.2f}x and durable "
                 f"single-row writes at {ratios['writes']:.2f}x SQLite's rate, where SQLite "
                 "commits many requests' writes with one fsync (group commit) and PostgreSQL "
                 "commits each request's transaction on its own, its WAL writer flushing "
                 "concurrent commits together.")
    if delay_ratio > 1.05:
        s.append(f"commit_delay=1000 us raised durable writes by {delay_ratio - 1:.0%}: worth "
                 "setting on a write-heavy instance (docs/operations.md).")
    elif delay_ratio < 0.95:
        s.append(f"commit_delay=1000 us lowered durable writes to {delay_ratio:.2f}x: PostgreSQL "
                 "already groups concurrent flushes, and the delay only adds latency here; keep "
                 "the default 0.")
    else:
        s.append(f"commit_delay=1000 us changed durable writes by less than 5% ({delay_ratio:.2f}x)"
                 ": PostgreSQL already groups concurrent WAL flushes at this load; the default 0 "
                 "is kept.")
    lines += ["### Reading", "", " ".join(s), ""]
    return lines


PROGRESS_TARGET = {"p99_ms": 5.0, "of_healthz": 0.3}  # issue 11: the dashboard on SQLite


def progress_endpoints(here):
    """(key, path, label) of each read, from bench/progress_endpoints.tsv (run.sh reads it too)."""
    rows = []
    with open(os.path.join(here, "progress_endpoints.tsv")) as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                key, path, label = line.rstrip("\n").split("\t")
                rows.append((key, path, label))
    return rows


def progress_section(work, smoke, problems):
    """Progress reads of a user with ten years of history: each endpoint's req/s, p50, p99 and
    its ratio to /healthz of the same server in the same run, on both backends."""
    title = "## Progress reads, 10 years of history" + (" (smoke run: ten weeks)" if smoke else "")
    if os.path.exists(os.path.join(work, "progress.skipped")):
        return [title, "", "Not measured in this run (BENCH_PROGRESS=0).", ""]
    missing_ok = os.environ.get("BENCH_PROGRESS_MISSING_OK") == "1"
    endpoints = progress_endpoints(os.path.dirname(os.path.abspath(__file__)))
    backends = [("", "SQLite")]
    if not os.path.exists(os.path.join(work, "pg.skipped")):
        backends.append(("pg_", "PostgreSQL"))
    lines = [title, ""]
    figures = {}  # (prefix, key) -> parsed wrk, or "missing"
    for prefix, backend in backends:
        seed_path = os.path.join(work, f"{prefix}progress.seed.json")
        try:
            with open(seed_path) as fh:
                seed = json.load(fh)
        except (OSError, ValueError):
            problems.append(f"progress ({backend}): no seed summary")
            continue
        sec = seed.get("seconds", {})
        lines.append(
            f"- {backend}: user `progress` with {seed['strength_workouts']:,} strength workouts "
            f"({seed['sets']:,} sets, {seed['strength_files']} Strong CSV imports), "
            f"{seed['tracks']:,} GPS tracks (one GPX import each), {seed['weigh_ins']:,} weigh-ins "
            f"and {seed['goals']} goals, {seed['first_day']} to {seed['last_day']}; seeded through "
            f"the API (bench/progress_user.py) in {sec.get('total', '?')} s (strength "
            f"{sec.get('strength', '?')} s, tracks {sec.get('tracks', '?')} s)"
            + ("; **goals not seeded: POST /api/v1/goals answered 404**"
               if seed.get("goals_missing") else ""))
        missing = []
        for key in ["healthz"] + [k for k, _, _ in endpoints]:
            name = f"{prefix}progress_{key}"
            if os.path.exists(os.path.join(work, name + ".missing")):
                figures[(prefix, key)] = "missing"
                missing.append(key)
                continue
            path = os.path.join(work, name + ".wrk")
            if not os.path.exists(path):
                problems.append(f"{name}: no wrk output")
                continue
            w = figures[(prefix, key)] = parse_wrk(path)
            if w["rps"] <= 0:
                problems.append(f"{name}: no Requests/sec in wrk output")
            if w["non2xx"]:
                problems.append(f"{name}: {w['non2xx']} non-2xx responses")
            if w["socket_errors"]:
                problems.append(f"{name}: {w['socket_errors_text']}")
        # Every read is a route of api/openapi.yaml: a 404 means the server does not serve it.
        # BENCH_PROGRESS_MISSING_OK=1 reports that without failing (a binary from before them).
        if missing and not missing_ok:
            problems.append(f"progress reads on {backend}: {len(missing)} endpoints of "
                            f"api/openapi.yaml answered 404 ({', '.join(missing)})")
    lines += [
        "",
        "Each backend's reads ran on the server of the scenarios above, after them, with a "
        "token of the `progress` user; `/healthz` was measured again on that server right "
        "before, as the reference. Same wrk load (`-t2 -c64 --latency`, keep-alive).",
        "",
        "| Read | " + " | ".join(f"{b}: req/s | p50 | p99 | of /healthz" for _, b in backends) + " |",
        "| --- |" + " ---: | ---: | ---: | ---: |" * len(backends),
    ]

    def cells(prefix, key):
        w = figures.get((prefix, key))
        if w is None:
            return ["n/a"] * 4
        if w == "missing":
            return ["endpoint missing", "-", "-", "-"]
        if w["non2xx"]:
            return [f"**failed**: {w['non2xx']:,} of {w['requests']:,} non-2xx", "-", "-", "-"]
        h = figures.get((prefix, "healthz"))
        of_h = (f"{ratio(w['rps'], h['rps']):.2f}" if key != "healthz" and isinstance(h, dict)
                else "1.00 (reference)")
        return [fmt_rate(w["rps"]), fmt_ms(w.get("p50")), fmt_ms(w.get("p99")), of_h]

    for key, _, label in [("healthz", "/healthz", "GET /healthz (reference)")] + endpoints:
        row = [label]
        for prefix, _ in backends:
            row += cells(prefix, key)
        lines.append("| " + " | ".join(row) + " |")
    lines.append("")

    # The target, judged on the figures above; never on anything else.
    t = PROGRESS_TARGET
    target = (f"Target (issue 11): GET /api/v1/dashboard on SQLite with p99 at most "
              f"{t['p99_ms']:g} ms and at least {t['of_healthz']:.2f} of /healthz throughput: ")
    dash, healthz = figures.get(("", "dashboard")), figures.get(("", "healthz"))
    if dash == "missing":
        target += "**not measured** (the endpoint answered 404)."
    elif not isinstance(dash, dict) or not isinstance(healthz, dict) or dash["non2xx"] \
            or dash.get("p99") is None:
        target += "**not measured** (no valid figure in this run)."
    else:
        r = ratio(dash["rps"], healthz["rps"])
        p99_ok, rate_ok = dash["p99"] <= t["p99_ms"], r >= t["of_healthz"]
        verdict = "**met**" if p99_ok and rate_ok else "**not met**"
        why = [f"p99 {fmt_ms(dash['p99'])} ({'ok' if p99_ok else 'over'})",
               f"{r:.2f} of /healthz ({'ok' if rate_ok else 'under'})"]
        target += f"{verdict}: " + ", ".join(why) + "."
        if healthz.get("p99") is not None and healthz["p99"] > t["p99_ms"]:
            # An absolute latency means little on a machine this busy: say so next to it.
            target += (f" /healthz's own p99 in the same run was {fmt_ms(healthz['p99'])}: the "
                       f"machine was too busy for the absolute latency target to be judged.")
        if smoke:
            target += " (Smoke run: 1 s steps on a ten-week history; not a verdict.)"
    lines += [target, ""]
    return lines


REQUEST_PATH_TARGETS = [
    # key, label, reference key, lowest ratio (issue 16)
    ("healthz", "GET /healthz against the bare Beast server (same bytes)", "bare", 0.95),
    ("me", "GET /api/v1/me, personal access token", "healthz", 0.60),
    ("list", "GET /api/v1/workouts?limit=20, token, 200 workouts", "healthz", 0.35),
    ("writes", "Acknowledged durable writes (write probe)", "healthz", 0.50),
]
IDLE_TARGET_BYTES = 8 * 1024


def request_path_section(work, facts, problems):
    """Issue 16's figures on each backend: each read and write as a share of /healthz (and
    /healthz as a share of the bare Beast server) in the same run, and the memory an idle
    keep-alive connection holds."""
    lines = ["## Request path (issue 16)", ""]
    backends = [("", "SQLite")]
    if not os.path.exists(os.path.join(work, "pg.skipped")):
        backends.append(("pg_", "PostgreSQL"))
    lines += [
        f"Server log level `{facts.get('log_level', '?')}` (info is the default: one access-log "
        "line per request). The bare server (bench/bare_server.cpp) is Boost.Beast with two I/O "
        "threads answering every request with the bytes of this server's own /healthz response, "
        "measured right after it. Idle memory: the server's resident set before and after "
        "opening N keep-alive connections that each made one request and then wait "
        "(bench/idle_memory.py), on a freshly started server.",
        "",
        "| Figure | " + " | ".join(f"{b}: result | ratio | target" for _, b in backends) + " |",
        "| --- |" + " ---: | ---: | --- |" * len(backends),
    ]
    verdicts = {}
    rows = {}
    for prefix, backend in backends:
        figures = {}
        for key in ("bare", "healthz", "me", "list", "writes"):
            path = os.path.join(work, f"{prefix}{key}.wrk")
            if os.path.exists(path):
                figures[key] = parse_wrk(path)
            elif not (key == "bare" and os.path.exists(os.path.join(work, "bare.skipped"))):
                problems.append(f"{prefix}{key}: no wrk output")
        for key, label, ref, lowest in REQUEST_PATH_TARGETS:
            w, r = figures.get(key), figures.get(ref)
            if not w or not r or w["non2xx"] or (r["non2xx"] and ref != "bare"):
                rows.setdefault(label, []).extend(["n/a", "-", "**not measured**"])
                verdicts[(backend, key)] = None
                continue
            rate = w["ok_per_sec"] if key == "writes" else w["rps"]
            got = ratio(rate, r["rps"])
            ok = got >= lowest
            verdicts[(backend, key)] = ok
            unit = "writes/s" if key == "writes" else "req/s"
            rows.setdefault(label, []).extend([
                f"{fmt_rate(rate)} {unit} (p99 {fmt_ms(w.get('p99'))})",
                f"{got:.2f} of {'the bare server' if ref == 'bare' else '/healthz'}",
                f">= {lowest:.2f}: {'**met**' if ok else '**not met**'}"])
        idle = None
        try:
            with open(os.path.join(work, f"{prefix}idle.json")) as fh:
                idle = json.load(fh)
        except (OSError, ValueError):
            problems.append(f"{prefix}idle: no result")
        label = "Memory per idle keep-alive connection"
        if idle:
            per = idle["bytes_per_connection"]
            ok = per <= IDLE_TARGET_BYTES
            verdicts[(backend, "idle")] = ok
            rows.setdefault(label, []).extend([
                f"{per / 1024:.1f} KB ({idle['connections']:,} connections, RSS "
                f"{idle['rss_before'] / 1048576:.1f} to {idle['rss_after'] / 1048576:.1f} MiB)",
                "-", f"<= 8 KB: {'**met**' if ok else '**not met**'}"])
        else:
            verdicts[(backend, "idle")] = None
            rows.setdefault(label, []).extend(["n/a", "-", "**not measured**"])
    bare_rows = []
    for prefix, backend in backends:
        path = os.path.join(work, f"{prefix}bare.wrk")
        if os.path.exists(path):
            w = parse_wrk(path)
            bare_rows.append(f"{backend}: {fmt_rate(w['rps'])} req/s (p99 {fmt_ms(w.get('p99'))})")
    for label, cells in rows.items():
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines.append("")
    if bare_rows:
        lines += ["Bare Beast server, same bytes: " + "; ".join(bare_rows) + ".", ""]
    met = [k for k, v in verdicts.items() if v]
    missed = [k for k, v in verdicts.items() if v is False]
    unmeasured = [k for k, v in verdicts.items() if v is None]
    lines += [f"Targets (issue 16): {len(met)} met, {len(missed)} not met"
              + (f", {len(unmeasured)} not measured" if unmeasured else "")
              + (" (not met: " + ", ".join(f"{b} {k}" for b, k in missed) + ")" if missed else "")
              + ".", ""]
    # Where the time goes: a profile taken by hand (perf needs a person to read it), kept next to
    # this script and copied in as it is.
    profile = os.path.join(os.path.dirname(os.path.abspath(__file__)), "PROFILE.md")
    if os.path.exists(profile):
        with open(profile) as fh:
            lines += ["### Where the time goes (bench/PROFILE.md)", "", fh.read().strip(), ""]
    return lines


CG_KEEP_RATIO = 0.95  # conditional GETs stay if a 200 keeps at least this share of its rate


def issue17_sections(work, smoke, problems):
    """Issue 17: conditional GETs (304 against 200, and what the ETag costs a 200) and the cost of
    each layer (SQLite, PostgreSQL, three instances on PostgreSQL behind nginx; static assets
    through nginx's cache or not)."""
    def fig(key):
        path = os.path.join(work, key + ".wrk")
        if not os.path.exists(path):
            return None
        w = parse_wrk(path)
        if w["rps"] <= 0:
            problems.append(f"{key}: no Requests/sec in wrk output")
        if w["non2xx"]:
            problems.append(f"{key}: {w['non2xx']} responses of status 400 or more")
        if w["socket_errors"] and not key.endswith("writes"):
            problems.append(f"{key}: {w['socket_errors_text']}")
        return w

    def status_of(key):
        try:
            with open(os.path.join(work, key + ".status")) as fh:
                return fh.read().strip()
        except OSError:
            return None

    pg = not os.path.exists(os.path.join(work, "pg.skipped"))
    layers_skip = None
    if not pg:
        layers_skip = "PostgreSQL was skipped"
    elif os.path.exists(os.path.join(work, "layers.skipped")):
        with open(os.path.join(work, "layers.skipped")) as fh:
            layers_skip = fh.read().strip()
    backends = [("", "SQLite, 1 instance")]
    if pg:
        backends.append(("pg_", "PostgreSQL, 1 instance"))
    if not layers_skip:
        backends.append(("nx_", "3 instances on PostgreSQL behind nginx"))

    lines = ["## Conditional GETs (issue 17)", ""]
    lines += [
        "Each read twice on the same server: as a client without a cached copy sends it (200 with "
        "the body), then with `If-None-Match` naming the ETag it was answered (304, no body; "
        "the status is checked with curl first). The ETag is a 128-bit BLAKE2b of the reader's "
        "id and the body, computed in the HTTP layer after the handler, so a 304 saves the "
        "bytes on the wire and the client's parsing, not the server's work.",
        "",
        "| Read | Backend | 200: req/s (p99) | 304: req/s (p99) | 304 / 200 |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for key, label in (("me", "GET /api/v1/me"), ("list", "GET /api/v1/workouts?limit=20")):
        for prefix, backend in backends:
            full, cond = fig(prefix + key), fig(prefix + key + "_inm")
            st = status_of(prefix + key + "_inm")
            if st is not None and st != "304":
                problems.append(f"{prefix}{key}_inm: If-None-Match answered {st}, not 304")
            if not full or not cond:
                lines.append(f"| {label} | {backend} | n/a | n/a | - |")
                continue
            lines.append(
                f"| {label} | {backend} | {fmt_rate(full['rps'])} ({fmt_ms(full.get('p99'))}) | "
                f"{fmt_rate(cond['rps'])} ({fmt_ms(cond.get('p99'))}) | "
                f"{ratio(cond['rps'], full['rps']):.2f} |")
    lines.append("")

    rounds = sorted({int(name.rsplit("_", 1)[1].split(".")[0]) for name in os.listdir(work)
                     if name.startswith("cg_true_me_") and name.endswith(".wrk")})
    lines += [
        "What the ETag costs a 200 (SQLite, the same data, `--conditional-gets true` and `false` "
        "on a fresh server each; odd rounds measure on first, even rounds off first; token "
        "reads):",
        "",
        "| Read | Round | on: req/s (p99) | off: req/s (p99) | on / off |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    all_ratios = []
    for key, label in (("me", "GET /api/v1/me"), ("list", "GET /api/v1/workouts?limit=20")):
        for r in rounds:
            on, off = fig(f"cg_true_{key}_{r}"), fig(f"cg_false_{key}_{r}")
            if not on or not off:
                lines.append(f"| {label} | {r} | n/a | n/a | - |")
                continue
            q = ratio(on["rps"], off["rps"])
            all_ratios.append(q)
            lines.append(f"| {label} | {r} | {fmt_rate(on['rps'])} ({fmt_ms(on.get('p99'))}) | "
                         f"{fmt_rate(off['rps'])} ({fmt_ms(off.get('p99'))}) | {q:.2f} |")
    lines.append("")
    if all_ratios:
        mean = sum(all_ratios) / len(all_ratios)
        keep = mean >= CG_KEEP_RATIO
        lines += [
            f"Mean on/off: **{mean:.2f}** over {len(all_ratios)} pairs (range "
            f"{min(all_ratios):.2f}-{max(all_ratios):.2f}). Rule: keep conditional GETs if a 200 "
            f"keeps at least {CG_KEEP_RATIO:.2f} of its rate: **"
            + ("kept" if keep else "not met: turn them off (--conditional-gets false) and "
               "look again") + "**."
            + (" (Smoke run: 1 s steps, not a verdict.)" if smoke else ""),
            "",
        ]
    else:
        problems.append("conditional GETs: no on/off pair measured")

    lines += ["## Layers (issue 17)", ""]
    if layers_skip:
        lines += [f"Not measured in this run: {layers_skip}.", ""]
        return lines
    lines += [
        "The same wrk scenarios on one SQLite instance, one PostgreSQL instance, and three "
        "instances on that same PostgreSQL behind nginx (generated configuration: an upstream "
        "of the three `vigor serve` with `keepalive 64`, 2 worker processes, "
        "`--trusted-proxies 127.0.0.1`), all in this run, on this machine: the three "
        "instances, nginx, PostgreSQL and wrk share its CPUs, so the cluster column measures "
        "what the layers cost, not what three machines would give. Replication and failover "
        "(Patroni, etcd) are not in this path: a request reads and writes the primary as it "
        "does on one instance, and the cluster test (`make test-cluster`) covers failover, so "
        "this bench runs no Patroni.",
        "",
        "| Scenario | " + " | ".join(b for _, b in backends)
        + " | PostgreSQL / SQLite | nginx cluster / PostgreSQL |",
        "| --- |" + " ---: |" * len(backends) + " ---: | ---: |",
    ]
    scenarios = [("healthz", "GET /healthz"), ("meta", "GET /api/v1/meta"),
                 ("me", "GET /api/v1/me (token)"), ("me_inm", "GET /api/v1/me, If-None-Match (304)"),
                 ("list", "GET /api/v1/workouts?limit=20 (token)"),
                 ("list_inm", "GET /api/v1/workouts?limit=20, If-None-Match (304)"),
                 ("writes", "Acknowledged durable writes (write probe)")]
    for key, label in scenarios:
        cells, rates = [], {}
        for prefix, _ in backends:
            w = fig(prefix + key) if prefix == "nx_" else (
                parse_wrk(os.path.join(work, prefix + key + ".wrk"))
                if os.path.exists(os.path.join(work, prefix + key + ".wrk")) else None)
            if not w:
                cells.append("n/a")
                continue
            rate = w["ok_per_sec"] if key == "writes" else w["rps"]
            rates[prefix] = rate
            cells.append(f"{fmt_rate(rate)} (p99 {fmt_ms(w.get('p99'))})")
        pg_sq = f"{ratio(rates.get('pg_'), rates.get('')):.2f}" if "pg_" in rates and "" in rates else "-"
        nx_pg = f"{ratio(rates.get('nx_'), rates.get('pg_')):.2f}" if "nx_" in rates and "pg_" in rates else "-"
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {pg_sq} | {nx_pg} |")
    lines.append("")

    direct, nocache, cache = fig("static_direct"), fig("nx_static_nocache"), fig("nx_static_cache")
    try:
        with open(os.path.join(work, "nx_cache_status")) as fh:
            cache_status = fh.read().strip() or "none"
    except OSError:
        cache_status = "not read"
    if cache_status != "HIT":
        problems.append(f"nginx cache: the second request for the asset was {cache_status}, not HIT")
    lines += [
        "Static assets: one hashed asset of 256 KiB (a stand-in of the app's largest chunk, "
        "identity encoding: wrk sends no Accept-Encoding), answered by one instance directly, "
        "through nginx without a cache (proxied to the three instances), and through nginx's "
        "`proxy_cache` (what deploy/ configures for `/assets/`). Second request through the "
        f"cache: `X-Cache-Status: {cache_status}`.",
        "",
        "| Path | req/s | p50 | p99 | of direct |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for w, label in ((direct, "One instance, direct (reference)"),
                     (nocache, "nginx, no cache"), (cache, "nginx, proxy_cache")):
        if not w:
            lines.append(f"| {label} | n/a | - | - | - |")
            continue
        of = "1.00" if w is direct else (f"{ratio(w['rps'], direct['rps']):.2f}" if direct else "-")
        lines.append(f"| {label} | {fmt_rate(w['rps'])} | {fmt_ms(w.get('p50'))} | "
                     f"{fmt_ms(w.get('p99'))} | {of} |")
    lines += ["", "Absolute figures on this shared 2-CPU machine move from run to run (other "
              "engineers build at the same time: see the load average above); compare the "
              "ratios, each between figures of this same run.", ""]
    return lines


def kept_soak_section(path):
    """The '## Soak' and '## Lighthouse' sections of an existing report (written by
    bench/soak.py, `make soak`, and web/scripts/lighthouse.mjs, `make lighthouse`) and the
    '## Issue N: ...' readings written by hand after a run: a benchmark run rewrites the rest of
    the file and keeps them."""
    try:
        with open(path) as fh:
            old = fh.read()
    except OSError:
        return ""
    kept = [m.group(0).rstrip("\n") + "\n"
            for m in re.finditer(r"(?ms)^## (?:Soak|Lighthouse|Issue \d+:)\s.*?(?=^## |\Z)", old)]
    return "\n".join(kept)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--smoke", action="store_true")
    a = ap.parse_args()
    with open(os.path.join(a.work, "facts.json")) as fh:
        facts = json.load(fh)
    f = {"nproc": facts.get("nproc", "?")}
    problems = []
    for key in ("healthz", "me", "meta", "list", "list_new", "create", "per_thread", "shared",
                "writes"):
        path = os.path.join(a.work, key + ".wrk")
        if not os.path.exists(path):
            problems.append(f"{key}: no wrk output")
            f[key] = {"rps": 0.0, "ok_per_sec": 0.0, "p50": None, "p99": None, "non2xx": 0,
                      "socket_errors": 0, "requests": 0}
            continue
        f[key] = parse_wrk(path)
        if f[key]["rps"] <= 0:
            problems.append(f"{key}: no Requests/sec in wrk output")
        if f[key]["non2xx"]:
            problems.append(f"{key}: {f[key]['non2xx']} non-2xx responses")
        if f[key]["socket_errors"] and key not in ("writes", "create"):
            problems.append(f"{key}: {f[key]['socket_errors_text']}")
    try:
        with open(os.path.join(a.work, "sqlite.json")) as fh:
            f["sqlite"] = json.load(fh)
    except (OSError, ValueError):
        f["sqlite"] = {"per_sec": 0.0, "inserts": 0, "seconds": 0}
        problems.append("sqlite reference: no result")
    if f["writes"]["ok_per_sec"] <= 0:
        problems.append("writes: no acknowledged writes")

    dur = facts.get("duration", "?")
    rows = [
        ("GET /healthz (reference)", fmt_rate(f["healthz"]["rps"]) + " req/s", f["healthz"],
         "1.00 (reference)"),
        ("GET /api/v1/meta", fmt_rate(f["meta"]["rps"]) + " req/s", f["meta"],
         f"{ratio(f['meta']['rps'], f['healthz']['rps']):.2f} of /healthz"),
        ("GET /api/v1/workouts?limit=20 (history page)", fmt_rate(f["list"]["rps"]) + " req/s",
         f["list"], f"{ratio(f['list']['rps'], f['healthz']['rps']):.2f} of /healthz"),
        ("POST /api/v1/workouts, 15 sets", fmt_rate(f["create"]["ok_per_sec"]) + " workouts/s",
         f["create"], f"{ratio(f['create']['ok_per_sec'], f['healthz']['rps']):.2f} of /healthz"),
        ("GET /api/v1/meta, `--io-model per-thread`", fmt_rate(f["per_thread"]["rps"]) + " req/s",
         f["per_thread"], f"{ratio(f['per_thread']['rps'], f['shared']['rps']):.2f} of shared"),
        ("GET /api/v1/meta, `--io-model shared` (reference)", fmt_rate(f["shared"]["rps"]) + " req/s",
         f["shared"], "1.00 (reference)"),
        ("Acknowledged durable writes (PUT write-probe, new key each)",
         fmt_rate(f["writes"]["ok_per_sec"]) + " writes/s", f["writes"],
         f"{ratio(f['writes']['ok_per_sec'], f['sqlite']['per_sec']):.2f} of raw autocommits"),
        ("Raw SQLite autocommit INSERTs, WAL + synchronous=FULL, 1 thread (reference)",
         fmt_rate(f["sqlite"]["per_sec"]) + " inserts/s", None, "1.00 (reference)"),
    ]
    lines = []
    title = "Vigor benchmark results" + (" (SMOKE RUN: 1 s steps, figures meaningless)" if a.smoke else "")
    lines += [f"# {title}", ""]
    lines += [
        f"- Date: {facts.get('date', '?')}",
        f"- Machine: {facts.get('nproc', '?')} CPUs, {facts.get('cpu', '?')}, "
        f"{facts.get('mem', '?')} RAM, kernel {facts.get('kernel', '?')}, "
        f"load average at start {facts.get('load', '?')}",
        f"- Commit: {facts.get('commit', '?')}",
        f"- Binary: `{facts.get('binary', '?')}` (`vigor version`: {facts.get('version', '?')})",
        f"- Load: wrk {facts.get('wrk', '?')}, `-t2 -c64 -d{dur} --latency`, keep-alive; "
        f"server and wrk on the same machine over loopback; server log level "
        f"`{facts.get('log_level', '?')}`; SQLite {f['sqlite'].get('sqlite_version', '?')} "
        f"(reference: {f['sqlite'].get('inserts', 0):,} inserts in {f['sqlite'].get('seconds', 0)} s)",
        "",
        "| Figure | Result | p50 | p99 | Ratio to its reference (same run) |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for name, val, w, rat in rows:
        p50 = fmt_ms(w.get("p50")) if w else "-"
        p99 = fmt_ms(w.get("p99")) if w else "-"
        lines.append(f"| {name} | {val} | {p50} | {p99} | {rat} |")
    wr = f["writes"]
    lines += ["", f"Write step: {wr.get('requests', 0):,} responses, {wr.get('non2xx', 0)} non-2xx"
              + (f", {wr.get('socket_errors_text')}" if wr.get("socket_errors") else "") + ".", ""]
    lines += ["## Reading", "", reading(f), ""]
    lines += backends_section(a.work, f, problems)
    lines += request_path_section(a.work, facts, problems)
    lines += progress_section(a.work, a.smoke, problems)
    lines += issue17_sections(a.work, a.smoke, problems)
    if problems:
        lines += ["## Problems in this run", ""] + [f"- {p}" for p in problems] + [""]
    soak = kept_soak_section(a.out)
    with open(a.out, "w") as fh:
        fh.write("\n".join(lines) + ("\n" + soak if soak else ""))
    print("\n".join(lines))
    if problems:
        print("bench: FAILED: " + "; ".join(problems), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
