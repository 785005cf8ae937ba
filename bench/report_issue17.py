"""RESULTS.md's sections for issue 17: conditional GETs and the cost of each layer."""
import os

from wrk_figures import fmt_ms, fmt_rate, parse_wrk, ratio

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
        "id and the body, computed in the HTTP layer after the handler (for these two reads "
        "once, when the answer is kept in memory with it), so a 304 saves the bytes on the wire "
        "and the client's parsing, not the server's work.",
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
