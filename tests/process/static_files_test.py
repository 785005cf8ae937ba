#!/usr/bin/python3
"""The web app is served from --web-dir with the right caching, encodings and safety.

A fake web dir: index.html, assets/app-abc123.js (+ .br made with the brotli CLI and .gz made
with Python's gzip), favicon.svg. Checks: / is index.html with Cache-Control no-cache; hashed
assets are immutable for a year; precompressed br/gzip siblings are chosen by Accept-Encoding
(q=0 respected), identity otherwise, always with Vary: Accept-Encoding; ETag/If-None-Match
gives 304; SPA fallback for extension-less paths; missing assets 404; /api/ is never swallowed
by the fallback; path traversal never yields a file outside the web dir.
"""

import gzip
import os
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vigorproc as vp  # noqa: E402

INDEX = (b"<!doctype html><html><head><meta charset=\"utf-8\"><title>Vigor test index</title>"
         b"</head><body><div id=\"root\">VIGOR-INDEX-MARKER</div>"
         b"<script type=\"module\" src=\"/assets/app-abc123.js\"></script></body></html>\n")
APP_JS = b"".join(b"export function f%d(x){return x*%d+\"vigor-app-js\";}\n" % (i, i)
                  for i in range(400))
FAVICON = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">'
           b'<circle cx="8" cy="8" r="7" fill="#2a7"/></svg>\n')
SECRET = b"OUTSIDE-WEB-DIR-SECRET-7f3a\n"


def extra_args(p):
    p.add_argument("--brotli", default=shutil.which("brotli") or "/usr/bin/brotli")


def brotli_decompress(tool, data):
    p = subprocess.run([tool, "-d", "-c"], input=data, capture_output=True, timeout=30)
    if p.returncode != 0:
        raise ValueError(f"brotli -d failed: {p.stderr[:200]!r}")
    return p.stdout


def get(srv, path, headers=None, method="GET"):
    """GET via a raw socket so that the target is sent exactly as written."""
    c = vp.RawConn(srv.port, timeout=10)
    try:
        hdrs = "".join(f"{k}: {v}\r\n" for k, v in (headers or {}).items())
        c.send(f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{hdrs}\r\n"
               .encode("latin-1"))
        r = c.read_response(timeout=10, head_only_method=(method == "HEAD"))
        if r is None:
            raise vp.TestFailure(f"{method} {path}: connection closed without a response")
        return r
    finally:
        c.close()


def vary_has_ae(r):
    return any("accept-encoding" in v.lower() for v in r.header_all("Vary"))


def main():
    args = vp.base_args(__doc__, extra_args)
    check = vp.Check("static_files_test")
    tmp = vp.TempDir("vigor-static-")
    srv = None
    try:
        web = os.path.join(tmp.path, "web")
        data = os.path.join(tmp.path, "data")
        os.makedirs(os.path.join(web, "assets"))
        os.makedirs(data)
        with open(os.path.join(web, "index.html"), "wb") as f:
            f.write(INDEX)
        js = os.path.join(web, "assets", "app-abc123.js")
        with open(js, "wb") as f:
            f.write(APP_JS)
        with open(js + ".gz", "wb") as f:
            f.write(gzip.compress(APP_JS, 9))
        p = subprocess.run([args.brotli, "-q", "11", "-c", js], capture_output=True, timeout=60)
        if p.returncode != 0 or not p.stdout:
            raise vp.TestFailure(f"cannot make the .br with {args.brotli}: {p.stderr[:300]!r}")
        with open(js + ".br", "wb") as f:
            f.write(p.stdout)
        with open(os.path.join(web, "favicon.svg"), "wb") as f:
            f.write(FAVICON)
        with open(os.path.join(tmp.path, "secret.txt"), "wb") as f:
            f.write(SECRET)

        srv = vp.Server(args.vigor, data, tmp.path, args=["--web-dir", web], name="static")
        srv.start()
        vp.log(f"server pid {srv.pid} on port {srv.port}, web dir {web}")

        vp.log("\n[index]")
        r = get(srv, "/")
        check.ok(r.status == 200 and r.body == INDEX, "GET / -> 200 index.html", f"{r!r}")
        check.ok((r.header("Content-Type") or "").startswith("text/html"), "GET /: Content-Type text/html",
                 f"{r.header('Content-Type')!r}")
        check.ok("no-cache" in (r.header("Cache-Control") or ""), "GET /: Cache-Control no-cache",
                 f"{r.header('Cache-Control')!r}")
        check.ok((r.header("X-Content-Type-Options") or "").lower() == "nosniff"
                 and "frame-ancestors 'none'" in (r.header("Content-Security-Policy") or ""),
                 "GET /: nosniff and CSP frame-ancestors 'none'", f"{r.headers}")
        r = get(srv, "/", method="HEAD")
        check.ok(r.status == 200 and r.body == b"", "HEAD / -> 200 without a body", f"{r!r}")

        vp.log("\n[hashed asset, encodings]")
        r = get(srv, "/assets/app-abc123.js")
        check.ok(r.status == 200 and r.body == APP_JS, "no Accept-Encoding: 200 with the original bytes",
                 f"{r.status}, {len(r.body)} bytes, Content-Encoding {r.header('Content-Encoding')!r}")
        check.ok(r.header("Content-Encoding") in (None, "identity"), "no Accept-Encoding: identity",
                 f"Content-Encoding {r.header('Content-Encoding')!r}")
        cc = r.header("Cache-Control") or ""
        check.ok("immutable" in cc and "max-age=31536000" in cc,
                 "hashed asset: Cache-Control immutable, max-age=31536000", f"{cc!r}")
        check.ok("javascript" in (r.header("Content-Type") or ""), "JS Content-Type is *javascript",
                 f"{r.header('Content-Type')!r}")
        check.ok(vary_has_ae(r), "identity response has Vary: Accept-Encoding", f"{r.header_all('Vary')}")
        etag_id = r.header("ETag")
        check.ok(bool(etag_id), "identity response has an ETag")

        r = get(srv, "/assets/app-abc123.js", {"Accept-Encoding": "br"})
        check.ok(r.status == 200 and r.header("Content-Encoding") == "br",
                 "Accept-Encoding: br -> Content-Encoding: br", f"{r.status} {r.header('Content-Encoding')!r}")
        if r.header("Content-Encoding") == "br":
            try:
                check.ok(brotli_decompress(args.brotli, r.body) == APP_JS,
                         "br body decompresses to the original")
            except ValueError as e:
                check.fail("br body decompresses to the original", str(e))
        check.ok(vary_has_ae(r), "br response has Vary: Accept-Encoding", f"{r.header_all('Vary')}")
        etag_br = r.header("ETag")
        if etag_br and etag_id and etag_br == etag_id and not etag_br.startswith("W/"):
            vp.log("  note: br and identity share one strong ETag (RFC 9110 8.8.1 wants them distinct)")

        r = get(srv, "/assets/app-abc123.js", {"Accept-Encoding": "gzip"})
        check.ok(r.status == 200 and r.header("Content-Encoding") == "gzip",
                 "Accept-Encoding: gzip -> Content-Encoding: gzip",
                 f"{r.status} {r.header('Content-Encoding')!r}")
        if r.header("Content-Encoding") == "gzip":
            try:
                check.ok(gzip.decompress(r.body) == APP_JS, "gzip body decompresses to the original")
            except OSError as e:
                check.fail("gzip body decompresses to the original", str(e))
        check.ok(vary_has_ae(r), "gzip response has Vary: Accept-Encoding")

        r = get(srv, "/assets/app-abc123.js", {"Accept-Encoding": "gzip, deflate, br"})
        check.ok(r.status == 200 and r.header("Content-Encoding") in ("br", "gzip"),
                 "Accept-Encoding: gzip, deflate, br -> br or gzip", f"{r.header('Content-Encoding')!r}")
        r = get(srv, "/assets/app-abc123.js", {"Accept-Encoding": "br;q=0, gzip"})
        check.ok(r.status == 200 and r.header("Content-Encoding") == "gzip",
                 "Accept-Encoding: br;q=0, gzip -> gzip (q=0 means not acceptable)",
                 f"{r.header('Content-Encoding')!r}")
        r = get(srv, "/assets/app-abc123.js", {"Accept-Encoding": "identity"})
        check.ok(r.status == 200 and r.header("Content-Encoding") in (None, "identity") and r.body == APP_JS,
                 "Accept-Encoding: identity -> the original bytes", f"{r.header('Content-Encoding')!r}")

        vp.log("\n[conditional requests]")
        if etag_id:
            r = get(srv, "/assets/app-abc123.js", {"If-None-Match": etag_id})
            check.ok(r.status == 304 and r.body == b"", "If-None-Match with the ETag -> 304, no body", f"{r!r}")
            check.ok(r.header("ETag") == etag_id, "304 repeats the ETag", f"{r.header('ETag')!r}")
            r = get(srv, "/assets/app-abc123.js", {"If-None-Match": '"something-else"'})
            check.ok(r.status == 200 and r.body == APP_JS, "If-None-Match with another ETag -> 200", f"{r.status}")
        if etag_br:
            r = get(srv, "/assets/app-abc123.js", {"If-None-Match": etag_br, "Accept-Encoding": "br"})
            check.ok(r.status == 304, "br ETag + Accept-Encoding: br -> 304", f"{r.status}")
        r = get(srv, "/")
        if r.header("ETag"):
            r2 = get(srv, "/", {"If-None-Match": r.header("ETag")})
            check.ok(r2.status == 304, "index.html ETag -> 304", f"{r2.status}")

        vp.log("\n[other files, fallback, 404]")
        r = get(srv, "/favicon.svg")
        check.ok(r.status == 200 and r.body == FAVICON and
                 (r.header("Content-Type") or "").startswith("image/svg+xml"),
                 "/favicon.svg -> 200 image/svg+xml", f"{r.status} {r.header('Content-Type')!r}")
        cc = r.header("Cache-Control") or ""
        check.ok("immutable" not in cc, "an unhashed file is not cached as immutable", f"{cc!r}")
        for path in ("/workouts/123", "/settings", "/users/alice/followers"):
            r = get(srv, path)
            check.ok(r.status == 200 and r.body == INDEX and "no-cache" in (r.header("Cache-Control") or ""),
                     f"SPA fallback {path} -> 200 index.html, no-cache", f"{r.status} {r.body[:80]!r}")
        r = get(srv, "/assets/missing.js")
        check.ok(r.status == 404 and b"VIGOR-INDEX-MARKER" not in r.body, "/assets/missing.js -> 404",
                 f"{r.status} {r.body[:80]!r}")
        r = get(srv, "/missing.png")
        check.ok(r.status == 404, "/missing.png (has an extension) -> 404", f"{r.status}")
        r = get(srv, "/api/v1/nope")
        check.ok(r.status == 404 and (r.header("Content-Type") or "").startswith("application/problem+json"),
                 "/api/v1/nope -> 404 problem+json, not the SPA", f"{r!r}")
        r = get(srv, "/api/v1/meta")
        check.ok(r.status == 200 and (r.json() or {}).get("name") == "Vigor", "/api/v1/meta still served",
                 f"{r!r}")
        r = get(srv, "/healthz")
        check.ok(r.status == 200 and b"VIGOR-INDEX-MARKER" not in r.body, "/healthz still served", f"{r!r}")

        vp.log("\n[path traversal]")
        with open(os.path.join(data, "vigor.db"), "rb") as f:
            db_head = f.read(16)
        targets = [
            "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2fvigor.db",
            "/assets/..%2f..%2fdata%2fvigor.db", "/..%2fdata%2fvigor.db", "/../data/vigor.db",
            "/assets/../../data/vigor.db", "/..%2fsecret.txt", "/../secret.txt", "/%2e%2e%2fsecret.txt",
            "/assets/%2e%2e/%2e%2e/secret.txt", "/..%5csecret.txt", "/assets/..%5c..%5csecret.txt",
            "//etc/passwd", "/%2fetc%2fpasswd", "/.%2e/.%2e/etc/passwd", "/%252e%252e/secret.txt",
            "/..;/secret.txt", "/assets/%00../../secret.txt", "/....//....//etc/passwd",
        ]
        leaks = []
        for t in targets:
            try:
                r = get(srv, t)
            except (vp.TestFailure, OSError, ValueError) as e:
                leaks.append(f"{t}: no answer ({e})")  # closing is fine, but say so
                continue
            body = r.body
            if b"root:" in body or SECRET.strip() in body or body.startswith(b"SQLite format 3") \
                    or (db_head and db_head in body):
                leaks.append(f"{t}: {r.status} LEAKED {body[:60]!r}")
            elif not (r.status in (400, 403, 404) or (r.status == 200 and body == INDEX)):
                leaks.append(f"{t}: unexpected {r.status} {body[:60]!r}")
        check.ok(not [x for x in leaks if "LEAKED" in x or "unexpected" in x],
                 f"{len(targets)} traversal targets: 400/403/404 or index.html, never a file outside",
                 "\n        ".join(leaks))
        closed = [x for x in leaks if "no answer" in x]
        if closed:
            vp.log("  note: closed without an answer (acceptable): " + "; ".join(closed))
        check.ok(srv.alive(), "server still running")
    except (vp.TestFailure, OSError) as e:
        check.fail("test aborted", f"{e}\nstderr: {srv.stderr_text(2000) if srv else ''}")
    finally:
        if srv:
            srv.stop(timeout=15)
        tmp.cleanup()
    return check.finish()


if __name__ == "__main__":
    sys.exit(main())
