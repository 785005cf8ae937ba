#!/usr/bin/python3
"""Slow and idle clients are cut by the timeouts and cannot starve normal clients.

Server: `vigor serve --header-timeout 2 --idle-timeout 3`.
  1. One client trickling a request head (one byte per 0.5 s) is disconnected after ~2 s
     (bound: between 1 s and 6 s after connecting).
  2. While 50 such slow clients stay connected (each reconnects when cut) for ~6 s, a normal
     client's GET /healthz on a new connection answers within 2 s every time; all slow clients
     get cut within the bound.
  3. A keep-alive connection that stays idle 1 s can still be used; one left idle is closed
     after the idle timeout (bound: between 2 s and 7 s).
"""

import os
import select
import socket
import sys
import time

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vigorproc as vp  # noqa: E402

HEADER_TIMEOUT = 2
IDLE_TIMEOUT = 3
CUT_BOUND = 6.0       # a slow client must be cut within this many seconds of connecting
SLOW_HEAD = (b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
             + b"s" * 200 + b"\r\n\r\n")   # never completes within the bounds at 2 bytes/s
BYTE_EVERY = 0.5


class Slow:
    """One trickling client."""

    def __init__(self, port):
        self.sock = socket.create_connection((vp.HOST, port), timeout=5)
        self.sock.setblocking(False)
        self.t0 = time.monotonic()
        self.pos = 0
        self.next_send = self.t0
        self.closed_at = None
        self.answer = b""

    def tick(self, now):
        """Sends the next byte when due. Returns False once the server has cut us."""
        if self.closed_at is not None:
            return False
        if now >= self.next_send and self.pos < len(SLOW_HEAD):
            try:
                self.sock.send(SLOW_HEAD[self.pos:self.pos + 1])
                self.pos += 1
            except (BrokenPipeError, ConnectionResetError):
                self.closed_at = now
                return False
            except BlockingIOError:
                pass
            self.next_send = now + BYTE_EVERY
        return True

    def on_readable(self, now):
        try:
            data = self.sock.recv(4096)
        except ConnectionResetError:
            data = b""
        except BlockingIOError:
            return
        if data:
            self.answer += data   # e.g. a 408 before the close: fine
        else:
            self.closed_at = now

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def drive(slows, until):
    """Runs the trickle loop until `until` (monotonic) for the given clients."""
    while time.monotonic() < until:
        now = time.monotonic()
        live = [s for s in slows if s.closed_at is None]
        if not live:
            return
        for s in live:
            s.tick(now)
        r, _, _ = select.select([s.sock for s in live], [], [], 0.05)
        now = time.monotonic()
        for s in live:
            if s.sock in r:
                s.on_readable(now)


def main():
    args = vp.base_args(__doc__)
    check = vp.Check("slow_client_test")
    tmp = vp.TempDir("vigor-slow-")
    data_dir = os.path.join(tmp.path, "data")
    os.makedirs(data_dir)
    srv = vp.Server(args.vigor, data_dir, tmp.path, name="slow",
                    args=["--header-timeout", str(HEADER_TIMEOUT), "--idle-timeout", str(IDLE_TIMEOUT)])
    slows = []
    try:
        srv.start()
        port = srv.port
        vp.log(f"server pid {srv.pid} on port {port}, header-timeout {HEADER_TIMEOUT}s, "
               f"idle-timeout {IDLE_TIMEOUT}s")

        # 1. one slow client
        vp.log("\n[1] one client sending one header byte per 0.5 s")
        s = Slow(port)
        slows.append(s)
        drive([s], s.t0 + CUT_BOUND + 2)
        if s.closed_at is None:
            check.fail(f"slow client is cut within {CUT_BOUND}s", f"still connected after "
                       f"{CUT_BOUND + 2}s having sent {s.pos} bytes")
        else:
            took = s.closed_at - s.t0
            check.ok(1.0 <= took <= CUT_BOUND,
                     f"slow client is cut between 1 s and {CUT_BOUND}s after connecting "
                     f"(header-timeout {HEADER_TIMEOUT}s)", f"cut after {took:.2f}s")
            vp.log(f"  cut after {took:.2f}s, {s.pos} bytes sent"
                   + (f", answer {s.answer[:40]!r}" if s.answer else ""))
            if s.answer:
                check.ok(s.answer.startswith(b"HTTP/1.1 408"),
                         "if anything is sent before the cut, it is a 408", f"{s.answer[:100]!r}")
        s.close()
        slows.clear()

        # 2. fifty slow clients, normal client must still be served
        vp.log("\n[2] 50 slow clients (reconnecting when cut) while a normal client polls /healthz")
        cut_times = []
        latencies = []
        failures = []
        t_end = time.monotonic() + 6.0
        slows = [Slow(port) for _ in range(50)]
        next_probe = time.monotonic() + 0.5
        reconnects = 0
        while time.monotonic() < t_end:
            drive(slows, min(t_end, time.monotonic() + 0.1))
            now = time.monotonic()
            for i, sl in enumerate(slows):
                if sl.closed_at is not None:
                    cut_times.append(sl.closed_at - sl.t0)
                    sl.close()
                    try:
                        slows[i] = Slow(port)
                        reconnects += 1
                    except OSError as e:
                        failures.append(f"slow client reconnect failed: {e!r}")
                elif now - sl.t0 > CUT_BOUND:
                    failures.append(f"slow client still connected after {now - sl.t0:.1f}s")
                    sl.closed_at = now  # count once
            if now >= next_probe:
                t = time.monotonic()
                try:
                    r = vp.http_request(port, "GET", "/healthz", timeout=5)
                    lat = time.monotonic() - t
                    latencies.append(lat)
                    if r.status != 200:
                        failures.append(f"/healthz answered {r.status}")
                except OSError as e:
                    failures.append(f"/healthz failed: {e!r} after {time.monotonic() - t:.2f}s")
                next_probe = time.monotonic() + 0.25
        for sl in slows:
            sl.close()
        slows.clear()
        check.ok(len(latencies) >= 10, "normal client made at least 10 /healthz requests during the "
                 "slow-client storm", f"only {len(latencies)}")
        worst = max(latencies) if latencies else float("nan")
        check.ok(latencies and worst < 2.0, "every /healthz during the storm answered within 2 s",
                 f"worst {worst:.2f}s")
        vp.log(f"  {len(latencies)} /healthz probes, worst {worst * 1000:.0f} ms, "
               f"median {sorted(latencies)[len(latencies) // 2] * 1000 if latencies else float('nan'):.0f} ms; "
               f"{len(cut_times)} slow clients cut (reconnected {reconnects}), "
               f"cut after {min(cut_times, default=0):.2f}-{max(cut_times, default=0):.2f}s")
        check.ok(len(cut_times) >= 50, "all 50 first-generation slow clients were cut during the storm",
                 f"only {len(cut_times)} cut")
        check.ok(all(t <= CUT_BOUND for t in cut_times),
                 f"every slow client was cut within {CUT_BOUND}s", f"max {max(cut_times, default=0):.2f}s")
        check.ok(not failures, "no slow client outlived the bound and the normal client never failed",
                 "; ".join(failures[:8]))
        check.ok(srv.alive(), "server still running")

        # 3. idle keep-alive
        vp.log("\n[3] idle keep-alive connections")
        c = vp.RawConn(port, timeout=5)
        c.send(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        r = c.read_response(timeout=5)
        check.ok(r is not None and r.status == 200, "first request on a keep-alive connection", f"{r!r}")
        time.sleep(1.0)
        ok = c.send(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        try:
            r = c.read_response(timeout=5) if ok else None
        except (OSError, ValueError):
            r = None
        check.ok(r is not None and r.status == 200,
                 "the connection still serves a request after 1 s idle", f"{r!r}")
        t_idle = time.monotonic()
        closed = c.wait_closed(timeout=IDLE_TIMEOUT + 4)
        took = time.monotonic() - t_idle
        check.ok(closed and 2.0 <= took <= IDLE_TIMEOUT + 4,
                 f"an idle keep-alive connection is closed by the server after the idle timeout "
                 f"({IDLE_TIMEOUT}s; bound 2-{IDLE_TIMEOUT + 4}s)",
                 f"closed={closed} after {took:.2f}s")
        if closed:
            vp.log(f"  idle connection closed after {took:.2f}s")
        c.close()

        r = srv.request("GET", "/healthz")
        check.ok(r.status == 200, "server still serves after all that", f"{r!r}")
    except (vp.TestFailure, OSError, socket.timeout) as e:
        check.fail("test aborted", f"{e!r}\nstderr: {srv.stderr_text(2000)}")
    finally:
        for sl in slows:
            sl.close()
        srv.stop(timeout=15)
        tmp.cleanup()
    return check.finish()


if __name__ == "__main__":
    sys.exit(main())
