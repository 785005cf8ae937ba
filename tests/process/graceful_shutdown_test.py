#!/usr/bin/python3
"""SIGTERM / SIGINT drain in-flight requests and exit 0.

Scenario A (SIGTERM with work in flight): an idle keep-alive connection is open; a
PUT ?hold_ms=1500 is in flight; 300 ms later SIGTERM. Checks: the idle connection is closed
promptly; a new connection made while the PUT is held is not served; the PUT gets 200 with its
body; after that, connecting is refused; the process exits 0 within a bound well under
--shutdown-timeout; after a restart the value is there (durable).
Scenario B (SIGTERM, only an idle keep-alive connection): exits 0 quickly, so an idle
connection does not keep the process alive until the shutdown timeout.
Scenario C (SIGINT on an idle server): exits 0 quickly.
"""

import os
import signal
import socket
import sys
import threading
import time

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vigorproc as vp  # noqa: E402

SHUTDOWN_TIMEOUT = 10  # seconds given to the server; every bound below is far under it


def open_idle_keepalive(port):
    """A raw connection that did one keep-alive request and now sits idle."""
    c = vp.RawConn(port, timeout=5)
    c.send(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n")
    r = c.read_response(timeout=5)
    if r is None or r.status != 200:
        raise vp.TestFailure(f"keep-alive GET /healthz failed: {r!r}")
    return c


def scenario_a(check, args, tmp):
    vp.log("\n[A] SIGTERM while a PUT with hold_ms=1500 is in flight")
    data_dir = os.path.join(tmp.path, "data-a")
    os.makedirs(data_dir)
    srv = vp.Server(args.vigor, data_dir, tmp.path, name="a",
                    args=["--enable-write-probe", "--shutdown-timeout", str(SHUTDOWN_TIMEOUT)])
    idle = None
    try:
        srv.start()
        port = srv.port
        idle = open_idle_keepalive(port)
        result = {}

        def held_put():
            t = time.monotonic()
            try:
                r = vp.http_request(port, "PUT", "/diagnostics/write-probe/graceful-1?hold_ms=1500",
                                    body='{"value":"survives-sigterm"}',
                                    headers={"Content-Type": "application/json"}, timeout=20)
                result["resp"] = r
            except Exception as e:  # noqa: BLE001 - reported below
                result["error"] = repr(e)
            result["done_at"] = time.monotonic()
            result["took"] = result["done_at"] - t

        th = threading.Thread(target=held_put, daemon=True)
        th.start()
        time.sleep(0.3)
        t_sig = time.monotonic()
        srv.signal(signal.SIGTERM)
        vp.log(f"  SIGTERM sent to pid {srv.pid}")

        # The idle keep-alive connection must be closed promptly (not at the end of the drain).
        closed = idle.wait_closed(timeout=1.0)
        check.ok(closed, "idle keep-alive connection is closed within 1 s of SIGTERM",
                 "still open 1 s after SIGTERM while another request is held")

        # A new connection while the PUT is still held must not be served.
        time.sleep(0.1)
        if not th.is_alive():
            check.fail("held PUT was still in flight when probing for new connections",
                       f"it already finished after {result.get('took', 0):.2f}s")
        else:
            try:
                c = vp.RawConn(port, timeout=2)
                connected = True
            except OSError:
                connected = False
            if not connected:
                check.ok(True, "new connection during drain: refused (listener closed)")
            else:
                c.send(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                kind, r = vp.read_until_closed_or_response(c, timeout=3)
                c.close()
                served = kind == "response" and r is not None and r.status < 400
                check.ok(not served and kind != "timeout",
                         "new connection during drain is refused (or closed / answered 503), "
                         "not served",
                         f"connect succeeded and got {kind}: {r!r}")

        th.join(timeout=15)
        check.ok(not th.is_alive(), "held PUT finished")
        r = result.get("resp")
        ok = check.ok(r is not None and r.status == 200,
                      "held PUT got 200 despite SIGTERM", f"got {r!r} {result.get('error', '')}")
        if ok:
            body = r.json()
            check.ok(isinstance(body, dict) and body.get("key") == "graceful-1"
                     and body.get("value") == "survives-sigterm" and body.get("updated_at"),
                     "held PUT's body carries key, value and updated_at", f"body {r.body!r}")
            check.ok(result["took"] >= 1.4, "held PUT really waited hold_ms before answering",
                     f"answered after {result['took']:.2f}s")

        # Once the held request is done, nobody may connect any more.
        refused = vp.connect_refused(port)
        check.ok(refused, "after the held request is done, new connections are refused",
                 "a TCP connect still succeeded")

        code = srv.wait_exit(timeout=5)
        took = time.monotonic() - t_sig
        check.ok(code == 0, f"process exits with code 0 within 5 s of the PUT finishing "
                            f"(shutdown-timeout is {SHUTDOWN_TIMEOUT}s)",
                 f"exit code {code} after {took:.1f}s; stderr: {srv.stderr_text(1500)}")
        if code is not None:
            vp.log(f"  exited {code} {took:.2f}s after SIGTERM")
        srv.kill()

        # Durable: restart on the same data dir and read it back.
        srv.start()
        r = srv.request("GET", "/diagnostics/write-probe/graceful-1")
        body = r.json()
        check.ok(r.status == 200 and isinstance(body, dict) and body.get("value") == "survives-sigterm",
                 "after restart, the held PUT's value is stored", f"got {r!r}")
        code = srv.stop(timeout=10)
        check.ok(code == 0, "restarted server stops with exit 0 on SIGTERM", f"exit code {code}")
    finally:
        if idle:
            idle.close()
        srv.kill()


def scenario_idle(check, args, tmp, sig, label):
    vp.log(f"\n[{label}] {signal.Signals(sig).name} with only an idle keep-alive connection open")
    data_dir = os.path.join(tmp.path, f"data-{label}")
    os.makedirs(data_dir)
    srv = vp.Server(args.vigor, data_dir, tmp.path, name=label,
                    args=["--shutdown-timeout", str(SHUTDOWN_TIMEOUT)])
    idle = None
    try:
        srv.start()
        idle = open_idle_keepalive(srv.port)
        t = time.monotonic()
        srv.signal(sig)
        code = srv.wait_exit(timeout=3)
        took = time.monotonic() - t
        check.ok(code == 0,
                 f"{signal.Signals(sig).name}: exit code 0 within 3 s although an idle keep-alive "
                 f"connection is open (shutdown-timeout {SHUTDOWN_TIMEOUT}s)",
                 f"exit code {code} after {took:.1f}s; stderr: {srv.stderr_text(1500)}")
        check.ok(idle.wait_closed(timeout=1), "the idle connection was closed")
    finally:
        if idle:
            idle.close()
        srv.kill()


def main():
    args = vp.base_args(__doc__)
    check = vp.Check("graceful_shutdown_test")
    tmp = vp.TempDir("vigor-shutdown-")
    try:
        for fn in (lambda: scenario_a(check, args, tmp),
                   lambda: scenario_idle(check, args, tmp, signal.SIGTERM, "B"),
                   lambda: scenario_idle(check, args, tmp, signal.SIGINT, "C")):
            try:
                fn()
            except (vp.TestFailure, OSError, socket.timeout) as e:
                check.fail("scenario aborted", str(e))
    finally:
        tmp.cleanup()
    return check.finish()


if __name__ == "__main__":
    sys.exit(main())
