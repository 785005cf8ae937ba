"""What bench/report.py and its sections share: wrk's output read into figures, and how figures
are written."""
import re

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


def cell(w, unit):
    """A figure, or a failure: a rate of error responses measures nothing."""
    if w["non2xx"]:
        return f"**failed**: {w['non2xx']:,} of {w['requests']:,} responses non-2xx", 0.0
    rate = w["ok_per_sec"] if unit != "req/s" else w["rps"]
    return f"{fmt_rate(rate)} {unit} (p99 {fmt_ms(w.get('p99'))})", rate
