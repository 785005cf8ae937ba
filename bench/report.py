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

from report_issue17 import issue17_sections
from report_progress import progress_section
from report_request_path import request_path_section
from wrk_figures import cell, fmt_ms, fmt_rate, parse_wrk, ratio

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
