"""RESULTS.md's section on the request path (issue 16): Vigor against a bare Beast server, the
token-authenticated reads, durable writes and idle memory, each against its target."""
import json
import os

from wrk_figures import fmt_ms, fmt_rate, parse_wrk, ratio

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
