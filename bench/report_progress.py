"""RESULTS.md's section on progress reads over ten years of history (issue 11)."""
import json
import os

from wrk_figures import fmt_ms, fmt_rate, parse_wrk, ratio

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
