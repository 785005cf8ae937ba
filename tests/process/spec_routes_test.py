#!/usr/bin/python3
"""The server's route table and api/openapi.yaml agree.

Compares the set of (METHOD, path template) in the spec with `vigor routes
--enable-write-probe` (JSON lines). HEAD is implied by GET; OPTIONS is ignored unless both sides
have it. Fails listing the difference in both directions. Also checks that without
--enable-write-probe the diagnostic routes are absent.
"""

import json
import os
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vigorproc as vp  # noqa: E402

try:
    import yaml
except ImportError:  # pragma: no cover
    print("FAIL: python3-yaml is required (run with /usr/bin/python3; apt-get install python3-yaml)")
    sys.exit(1)

METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


def extra_args(p):
    p.add_argument("--spec", required=True, help="path to api/openapi.yaml")


def spec_routes(path):
    with open(path) as f:
        doc = yaml.safe_load(f)
    if not isinstance(doc, dict) or not isinstance(doc.get("paths"), dict):
        raise vp.TestFailure(f"{path} is not an OpenAPI document with a 'paths' map")
    out = set()
    for tmpl, item in (doc.get("paths") or {}).items():
        for m in item or {}:
            if m.lower() in METHODS:
                out.add((m.upper(), tmpl))
    return out


def server_routes(vigor, extra):
    p = vp.run_cli(vigor, ["routes"] + extra, timeout=20)
    if p.returncode != 0:
        raise vp.TestFailure(f"vigor routes {' '.join(extra)} exited {p.returncode}: {p.stderr[:600]}")
    out, bad = set(), []
    for ln in p.stdout.splitlines():
        if not ln.strip():
            continue
        try:
            o = json.loads(ln)
            out.add((str(o["method"]).upper(), o["path"]))
        except (ValueError, KeyError, TypeError):
            bad.append(ln)
    return out, bad


def normalize(spec, server):
    """Drops HEAD where GET exists on the same side; drops one-sided OPTIONS."""
    def drop_head(s):
        return {(m, p) for m, p in s if not (m == "HEAD" and ("GET", p) in s)}
    spec, server = drop_head(spec), drop_head(server)
    opts_both = {r for r in spec & server if r[0] == "OPTIONS"}
    spec = {r for r in spec if r[0] != "OPTIONS" or r in opts_both}
    server = {r for r in server if r[0] != "OPTIONS" or r in opts_both}
    return spec, server


def fmt(rs):
    return "\n".join(f"          {m:7s} {p}" for m, p in sorted(rs, key=lambda r: (r[1], r[0])))


def main():
    args = vp.base_args(__doc__, extra_args)
    check = vp.Check("spec_routes_test")
    try:
        spec = spec_routes(args.spec)
        check.ok(bool(spec), f"spec {args.spec} has paths", "no operations found")
        server, bad = server_routes(args.vigor, ["--enable-write-probe"])
        check.ok(not bad, "every line of `vigor routes` is a JSON object with method and path",
                 f"bad lines: {bad[:5]}")
        check.ok(bool(server), "`vigor routes --enable-write-probe` lists routes")
        spec_n, server_n = normalize(spec, server)
        vp.log(f"spec: {len(spec_n)} operations; server: {len(server_n)} routes")
        only_spec = spec_n - server_n
        only_server = server_n - spec_n
        check.ok(not only_spec, "every operation in the spec is served",
                 "in the spec but not served by `vigor routes`:\n" + fmt(only_spec))
        check.ok(not only_server, "every served route is in the spec",
                 "served but missing from the spec:\n" + fmt(only_server))
        if not only_spec and not only_server:
            vp.log(fmt(spec_n))

        plain, _ = server_routes(args.vigor, [])
        diag = {r for r in plain if r[1].startswith("/diagnostics/")}
        check.ok(not diag, "without --enable-write-probe no /diagnostics/ route is listed",
                 fmt(diag))
        spec_diag = {r for r in server if r[1].startswith("/diagnostics/")}
        check.ok(plain == server - spec_diag,
                 "the flag adds exactly the /diagnostics/ routes",
                 f"differences: {sorted(plain ^ (server - spec_diag))}")
    except (vp.TestFailure, OSError, yaml.YAMLError) as e:
        check.fail("test aborted", str(e))
    return check.finish()


if __name__ == "__main__":
    sys.exit(main())
