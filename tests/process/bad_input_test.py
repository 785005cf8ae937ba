#!/usr/bin/python3
"""Bad input gets a precise problem+json answer and never takes the server down.

Against one `vigor serve --enable-write-probe`: malformed JSON (400), 10 MB bodies with
Content-Length and chunked (413), unknown API path (404), wrong method (405 + Allow), wrong
Content-Type (415), validation errors (422 + field errors), oversize header (431), garbage
bytes, very long request targets, null bytes, deep JSON nesting, conflicting Content-Length.
After each case GET /healthz must still answer 200 and the process must be alive. Error bodies
must be RFC 9457 problem documents that leak no internals. A normal response must carry the
security headers and echo X-Request-Id.
"""

import json
import os
import select
import socket
import sys
import time

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vigorproc as vp  # noqa: E402

PROBE = "/diagnostics/write-probe"
JSON_CT = {"Content-Type": "application/json"}


def still_serving(check, srv, after):
    alive = srv.alive()
    try:
        r = srv.request("GET", "/healthz", timeout=5)
        ok = r.status == 200
        detail = f"got {r!r}"
    except OSError as e:
        ok, detail = False, repr(e)
    check.ok(alive and ok, f"  ...after {after}: process alive and GET /healthz = 200",
             f"alive={alive}, {detail}; stderr: {srv.stderr_text(1500) if not alive else ''}")


def send_big_body(port, head, body_iter, timeout=20):
    """Sends a request head, then body chunks while watching for an early response.
    Returns (Response|None, how) where how says whether the body was fully sent."""
    c = vp.RawConn(port, timeout=timeout)
    try:
        c.sock.setblocking(False)
        c.sock.send(head)  # small, fits in the socket buffer
        pending = b""
        chunks = iter(body_iter)
        sent_all = False
        deadline = time.monotonic() + timeout
        peer_gone = False
        while time.monotonic() < deadline:
            want_write = not sent_all and not peer_gone
            r, w, _ = select.select([c.sock], [c.sock] if want_write else [], [], 0.5)
            if r:
                break  # the server answered (or closed): read it below
            if w:
                if not pending:
                    pending = next(chunks, None)
                    if pending is None:
                        sent_all = True
                        pending = b""
                        continue
                try:
                    n = c.sock.send(pending)
                    pending = pending[n:]
                except (BlockingIOError, InterruptedError):
                    pass
                except (BrokenPipeError, ConnectionResetError):
                    peer_gone = True
        c.sock.setblocking(True)
        c.sock.settimeout(timeout)
        kind, resp = vp.read_until_closed_or_response(c, timeout=max(1.0, deadline - time.monotonic()))
        closed = kind != "response" or c.wait_closed(timeout=3)
        return resp if kind == "response" else None, \
            f"{kind}, body fully sent={sent_all}, connection closed after={closed}", closed
    finally:
        c.close()


def raw_exchange(port, data, timeout=5):
    """Sends raw bytes; returns (kind, Response|None) with kind response/closed/timeout."""
    c = vp.RawConn(port, timeout=timeout)
    try:
        c.send(data)
        return vp.read_until_closed_or_response(c, timeout=timeout)
    finally:
        c.close()


def sec_normal_headers(check, srv, port, args, tmp):
    """a normal response: security headers and request id"""
    vp.log("\n[normal response headers]")
    rid = "test-req-0123456789"
    r = srv.request("GET", "/api/v1/meta", headers={"X-Request-Id": rid})
    meta = r.json()
    check.ok(r.status == 200 and isinstance(meta, dict) and meta.get("name") == "Vigor"
             and meta.get("api_version") == "v1",
             "GET /api/v1/meta: 200 with name Vigor and api_version v1", f"got {r!r}")
    check.ok((r.header("Content-Type") or "").startswith("application/json"),
             "GET /api/v1/meta: Content-Type application/json", f"{r.header('Content-Type')!r}")
    for path, resp in (("/api/v1/meta", r), ("/healthz", srv.request("GET", "/healthz"))):
        check.ok((resp.header("X-Content-Type-Options") or "").lower() == "nosniff",
                 f"{path}: X-Content-Type-Options: nosniff",
                 f"got {resp.header('X-Content-Type-Options')!r}")
        csp = resp.header("Content-Security-Policy") or ""
        check.ok("frame-ancestors 'none'" in csp,
                 f"{path}: Content-Security-Policy contains frame-ancestors 'none'", f"got {csp!r}")
        check.ok(bool(resp.header("Referrer-Policy")), f"{path}: Referrer-Policy present",
                 f"headers {resp.headers}")
    check.ok(r.header("X-Request-Id") == rid, "X-Request-Id sent by the client is echoed back",
             f"sent {rid!r}, got {r.header('X-Request-Id')!r}")
    r2 = srv.request("GET", "/api/v1/meta")
    check.ok(bool(r2.header("X-Request-Id")), "a response to a request without X-Request-Id "
             "still carries a generated X-Request-Id", f"headers {r2.headers}")


def sec_malformed_json(check, srv, port, args, tmp):
    """400 malformed JSON"""
    vp.log("\n[400 malformed JSON]")
    for i, body in enumerate([b'{"value": "abc"', b"{value: 1}", b"not json at all",
                              b'{"value":"a"} trailing', b""]):
        r = srv.request("PUT", f"{PROBE}/bad-json-{i}", body=body,
                        headers={**JSON_CT, "X-Request-Id": f"rid-json-{i}"})
        vp.check_problem(check, r, 400, f"PUT malformed JSON {body[:20]!r}",
                         request_id=f"rid-json-{i}")
    still_serving(check, srv, "malformed JSON")


def sec_body_too_large(check, srv, port, args, tmp):
    """413 body too large"""
    vp.log("\n[413 body over --max-body-bytes (default 1 MiB)]")
    size = 10 * 1024 * 1024
    chunk = b"x" * 65536
    head = (f"PUT {PROBE}/big HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            f"Content-Length: {size}\r\n\r\n").encode()
    resp, how, closed = send_big_body(port, head, (chunk for _ in range(size // len(chunk))))
    vp.log(f"  (Content-Length 10 MB: {how})")
    vp.check_problem(check, resp, 413, "PUT 10 MB body with Content-Length")
    check.ok(closed, "the connection is closed after the 413")
    still_serving(check, srv, "10 MB Content-Length body")

    head = (f"PUT {PROBE}/big2 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            f"Transfer-Encoding: chunked\r\n\r\n").encode()
    body_chunks = (b"%x\r\n" % len(chunk) + chunk + b"\r\n" for _ in range(size // len(chunk)))
    resp, how, closed = send_big_body(port, head, body_chunks)
    vp.log(f"  (chunked 10 MB: {how})")
    vp.check_problem(check, resp, 413, "PUT 10 MB chunked body")
    check.ok(closed, "the connection is closed after the 413")
    still_serving(check, srv, "10 MB chunked body")

    # A body just under the limit that is valid JSON is not refused for its size.
    value = "y" * 1000
    r = srv.request("PUT", f"{PROBE}/fits", body=json.dumps({"value": value}), headers=JSON_CT)
    check.ok(r.status == 200, "PUT with a 1 KB value is accepted (200)", f"got {r!r}")


def sec_max_body_flag(check, srv, port, args, tmp):
    """--max-body-bytes is honoured"""
    vp.log("\n[--max-body-bytes 2048 on a second server]")
    small = vp.Server(args.vigor, os.path.join(tmp.path, "data-small"), tmp.path, name="small",
                      args=["--enable-write-probe", "--max-body-bytes", "2048"])
    os.makedirs(small.data_dir)
    try:
        small.start()
        ok_body = json.dumps({"value": "q" * 1000})
        r = small.request("PUT", f"{PROBE}/small-ok", body=ok_body, headers=JSON_CT)
        check.ok(r.status == 200, f"a {len(ok_body)}-byte body under the 2048 limit -> 200", f"{r!r}")
        big_body = json.dumps({"value": "q" * 1000, "pad": "p" * 3000})
        r = small.request("PUT", f"{PROBE}/small-big", body=big_body, headers=JSON_CT)
        vp.check_problem(check, r, 413, f"a {len(big_body)}-byte body over the 2048 limit")
    finally:
        small.stop(timeout=10)


def sec_not_found_and_method(check, srv, port, args, tmp):
    """404 / 405"""
    vp.log("\n[404 unknown API path, 405 wrong method]")
    r = srv.request("GET", "/api/v1/nope", headers={"X-Request-Id": "rid-404"})
    vp.check_problem(check, r, 404, "GET /api/v1/nope", request_id="rid-404")
    r = srv.request("GET", "/api/v2/meta")
    vp.check_problem(check, r, 404, "GET /api/v2/meta")
    r = srv.request("DELETE", "/api/v1/meta")
    vp.check_problem(check, r, 405, "DELETE /api/v1/meta")
    allow = [a.strip().upper() for a in (r.header("Allow") or "").split(",")]
    check.ok("GET" in allow, "405 has an Allow header containing GET", f"Allow: {r.header('Allow')!r}")
    r = srv.request("POST", "/healthz", body=b"{}", headers=JSON_CT)
    vp.check_problem(check, r, 405, "POST /healthz")
    still_serving(check, srv, "404/405")


def sec_content_type(check, srv, port, args, tmp):
    """415"""
    vp.log("\n[415 wrong Content-Type]")
    for ct in ("text/plain", "application/x-www-form-urlencoded", None):
        hdrs = {"Content-Type": ct} if ct else {}
        r = srv.request("PUT", f"{PROBE}/ct", body=b'{"value":"a"}', headers=hdrs)
        vp.check_problem(check, r, 415, f"PUT with Content-Type {ct!r}")
    r = srv.request("PUT", f"{PROBE}/ct-ok", body=b'{"value":"a"}',
                    headers={"Content-Type": "application/json; charset=utf-8"})
    check.ok(r.status == 200, "PUT with Content-Type application/json; charset=utf-8 is accepted",
             f"got {r!r}")
    still_serving(check, srv, "415")


def sec_validation(check, srv, port, args, tmp):
    """422"""
    vp.log("\n[422 validation errors]")
    cases = [
        ("value not a string", f"{PROBE}/v1", {"value": 123}, "value"),
        ("value missing", f"{PROBE}/v2", {}, "value"),
        ("value over 1024 chars", f"{PROBE}/v3", {"value": "z" * 1025}, "value"),
        ("unknown property", f"{PROBE}/v4", {"value": "a", "extra": 1}, "extra"),
        ("key over 128 chars", f"{PROBE}/{'k' * 129}", {"value": "a"}, "key"),
        ("key with bad characters", f"{PROBE}/bad.key", {"value": "a"}, "key"),
    ]
    for what, path, body, field in cases:
        r = srv.request("PUT", path, body=json.dumps(body), headers=JSON_CT)
        if what == "key with bad characters" and r.status == 404:
            # A router may refuse to match a key outside the pattern: acceptable.
            vp.check_problem(check, r, 404, f"{what} (404 from the router, or 422)")
            continue
        pb = vp.check_problem(check, r, 422, f"422 {what}")
        errs = pb.get("errors") if isinstance(pb, dict) else None
        fields = [e.get("field") for e in errs if isinstance(e, dict)] if isinstance(errs, list) else []
        check.ok(isinstance(errs, list) and errs and all(
            isinstance(e, dict) and isinstance(e.get("field"), str) and isinstance(e.get("message"), str)
            for e in errs), f"422 {what}: errors is a non-empty list of {{field, message}}",
            f"errors={errs!r}")
        check.ok(field in fields, f"422 {what}: errors names field {field!r}", f"fields={fields}")
    r = srv.request("GET", f"{PROBE}/fits")
    check.ok(r.status == 200, "an earlier good write is still readable", f"got {r!r}")
    for q in ("hold_ms=20000", "hold_ms=-1", "hold_ms=abc"):
        r = srv.request("PUT", f"{PROBE}/hold?{q}", body=b'{"value":"a"}', headers=JSON_CT)
        st = r.status if r else None
        vp.check_problem(check, r, st if st in (400, 422) else 422, f"PUT ?{q} (400 or 422)")
    still_serving(check, srv, "422")


def sec_header_too_large(check, srv, port, args, tmp):
    """431"""
    vp.log("\n[431 headers over 16 KiB]")
    kind, r = raw_exchange(port, b"GET /api/v1/meta HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
                           + b"a" * (20 * 1024) + b"\r\n\r\n")
    vp.check_problem(check, r, 431, f"one 20 KiB header ({kind})")
    kind, r = raw_exchange(port, b"GET /api/v1/meta HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                           + b"".join(b"X-H%d: %s\r\n" % (i, b"b" * 100) for i in range(300))
                           + b"\r\n")
    vp.check_problem(check, r, 431, f"300 headers totalling 30 KiB ({kind})")
    still_serving(check, srv, "431")


def sec_garbage(check, srv, port, args, tmp):
    """garbage"""
    vp.log("\n[garbage instead of HTTP]")
    garbage = [
        ("TLS ClientHello", bytes.fromhex("16030100a5010000a10303") + os.urandom(160)),
        ("random bytes + CRLFCRLF", os.urandom(512) + b"\r\n\r\n"),
        ("bad request line", b"HELLO WORLD\r\n\r\n"),
        ("bad version", b"GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n"),
        ("header without colon", b"GET /healthz HTTP/1.1\r\nHost x\r\nbroken\r\n\r\n"),
        ("space before colon", b"GET /healthz HTTP/1.1\r\nHost : x\r\n\r\n"),
        ("bad chunk size", b"PUT " + PROBE.encode() + b"/c HTTP/1.1\r\nHost: x\r\n"
         b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n{}\r\n0\r\n\r\n"),
        ("two different Content-Lengths", b"PUT " + PROBE.encode() + b"/cl HTTP/1.1\r\nHost: x\r\n"
         b"Content-Type: application/json\r\nContent-Length: 13\r\nContent-Length: 14\r\n\r\n"
         b'{"value":"a"}x'),
        ("negative Content-Length", b"PUT " + PROBE.encode() + b"/cl HTTP/1.1\r\nHost: x\r\n"
         b"Content-Type: application/json\r\nContent-Length: -5\r\n\r\n"),
    ]
    for what, data in garbage:
        kind, r = raw_exchange(port, data, timeout=5)
        allowed = (400, 505) if what == "bad version" else (400,)
        if kind == "response":
            vp.check_problem(check, r, r.status if r.status in allowed else 400,
                             f"garbage '{what}': answered {'/'.join(map(str, allowed))}")
        else:
            check.ok(kind == "closed", f"garbage '{what}': connection closed (or 400)",
                     f"{kind}: {r!r} (no answer and no close within 5 s)")
    still_serving(check, srv, "garbage")


def sec_long_targets(check, srv, port, args, tmp):
    """long targets"""
    vp.log("\n[very long request targets]")
    for n in (4000, 15000, 64 * 1024):
        kind, r = raw_exchange(port, b"GET /api/v1/" + b"a" * n + b" HTTP/1.1\r\nHost: x\r\n\r\n")
        if kind == "response":
            ok = r.status in (400, 404, 414, 431)
            check.ok(ok, f"target of {n} bytes: answered 400/404/414/431", f"got {r!r}")
            if ok:
                vp.check_problem(check, r, r.status, f"target of {n} bytes")
        else:
            check.ok(kind == "closed", f"target of {n} bytes: answered or closed", f"{kind}")
    still_serving(check, srv, "long targets")


def sec_null_bytes(check, srv, port, args, tmp):
    """null bytes"""
    vp.log("\n[null bytes]")
    kind, r = raw_exchange(port, b"GET /api/v1/me\x00ta HTTP/1.1\r\nHost: x\r\n\r\n")
    check.ok(kind == "closed" or (kind == "response" and r.status in (400, 404)),
             "raw NUL in the target: 400/404 or closed", f"{kind}: {r!r}")
    kind, r = raw_exchange(port, b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\x00b\r\n\r\n")
    check.ok(kind == "closed" or (kind == "response" and r.status == 400),
             "raw NUL in a header value: 400 or closed", f"{kind}: {r!r}")
    r = srv.request("GET", "/api/v1/me%00ta")
    vp.check_problem(check, r, r.status if r.status in (400, 404) else 404,
                     "%00 in the path (400 or 404)")
    r = srv.request("GET", f"{PROBE}/nul%00key")
    check.ok(r.status in (400, 404, 422), "GET probe key containing %00: 400/404/422", f"got {r!r}")
    r = srv.request("PUT", f"{PROBE}/nulvalue", body=b'{"value":"a\\u0000b"}', headers=JSON_CT)
    if r.status == 200:
        g = srv.request("GET", f"{PROBE}/nulvalue")
        gb = g.json()
        check.ok(g.status == 200 and isinstance(gb, dict) and gb.get("value") == "a\x00b",
                 "value with an escaped NUL round-trips intact", f"got {g!r}")
    else:
        vp.check_problem(check, r, 422, "value with an escaped NUL: 200 (round-trip) or 422")
    r = srv.request("PUT", f"{PROBE}/nulraw", body=b'{"value":"a\x00b"}', headers=JSON_CT)
    vp.check_problem(check, r, r.status if r.status in (400, 422) else 400,
                     "raw NUL inside a JSON string (400 or 422)")
    r = srv.request("PUT", f"{PROBE}/badutf8", body=b'{"value":"\xff\xfe"}', headers=JSON_CT)
    vp.check_problem(check, r, r.status if r.status in (400, 422) else 400,
                     "invalid UTF-8 in the JSON body (400 or 422)")
    still_serving(check, srv, "null bytes")


def sec_deep_json(check, srv, port, args, tmp):
    """deep nesting"""
    vp.log("\n[deeply nested JSON]")
    deep = b"[" * 200000 + b"]" * 200000
    r = srv.request("PUT", f"{PROBE}/deep", body=deep, headers=JSON_CT, timeout=20)
    vp.check_problem(check, r, r.status if r.status in (400, 413, 422) else 400,
                     "200000-deep array (400/413/422)")
    deep = b'{"value":' + b'{"a":' * 50000 + b'"x"' + b"}" * 50000 + b"}"
    r = srv.request("PUT", f"{PROBE}/deep2", body=deep, headers=JSON_CT, timeout=20)
    vp.check_problem(check, r, r.status if r.status in (400, 413, 422) else 400,
                     "50000-deep object as value (400/413/422)")
    still_serving(check, srv, "deep nesting")


def sec_keepalive_after_errors(check, srv, port, args, tmp):
    """many bad requests on one keep-alive connection"""
    vp.log("\n[a keep-alive connection survives application-level errors]")
    ka = vp.KeepAlive(port)
    try:
        seq = [("GET", "/api/v1/nope", None, {}, 404), ("DELETE", "/api/v1/meta", None, {}, 405),
               ("PUT", f"{PROBE}/ka", b"{", JSON_CT, 400), ("GET", "/api/v1/meta", None, {}, 200)]
        got = []
        for m, p, b, h, want in seq:
            rr = ka.request(m, p, body=b, headers=h)
            got.append(rr.status)
        check.ok(got == [s[-1] for s in seq], "404, 405, 400 then 200 on one keep-alive connection",
                 f"got {got}")
    except (OSError, vp.http.client.HTTPException) as e:
        check.fail("404, 405, 400 then 200 on one keep-alive connection", repr(e))
    finally:
        ka.close()


SECTIONS = [
    sec_normal_headers, sec_malformed_json, sec_body_too_large, sec_max_body_flag,
    sec_not_found_and_method, sec_content_type, sec_validation, sec_header_too_large,
    sec_garbage, sec_long_targets, sec_null_bytes, sec_deep_json, sec_keepalive_after_errors,
]


def main():
    args = vp.base_args(__doc__)
    check = vp.Check("bad_input_test")
    tmp = vp.TempDir("vigor-badinput-")
    data_dir = os.path.join(tmp.path, "data")
    os.makedirs(data_dir)
    srv = vp.Server(args.vigor, data_dir, tmp.path, args=["--enable-write-probe"], name="bad")
    try:
        srv.start()
        vp.log(f"server pid {srv.pid} on port {srv.port}")
        for sec in SECTIONS:
            # Each section stands alone: one that hangs or breaks is reported, the rest still run.
            try:
                sec(check, srv, srv.port, args, tmp)
            except (vp.TestFailure, OSError, socket.timeout, vp.http.client.HTTPException,
                    ValueError) as e:
                check.fail(f"section '{sec.__doc__}' aborted", f"{e!r}\nstderr: {srv.stderr_text(1500)}")
            if not srv.alive():
                check.fail(f"server died during section '{sec.__doc__}'",
                           f"exit code {srv.proc.returncode}; stderr: {srv.stderr_text(3000)}")
                break
        still_serving(check, srv, "all cases")
        check.ok(srv.alive(), "server never crashed")
    except (vp.TestFailure, OSError, socket.timeout) as e:
        check.fail("test aborted", f"{e!r}\nstderr: {srv.stderr_text(2000)}")
    finally:
        code = srv.stop(timeout=15)
        if code not in (0, None):
            vp.log(f"  note: server exit code {code}")
        tmp.cleanup()
    return check.finish()


if __name__ == "__main__":
    sys.exit(main())
