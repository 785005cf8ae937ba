#!/usr/bin/python3
"""Memory per idle keep-alive connection of a running server (bench/run.sh, issue 16).

    bench/idle_memory.py --pid PID --base http://127.0.0.1:PORT [--connections N] [--path P]

Reads the server's resident set (VmRSS), opens N connections, sends one keep-alive request on
each and reads its answer (so each connection is a served, now idle, keep-alive connection),
waits a moment, reads VmRSS again and prints JSON: the delta per connection in bytes. The
connections stay open until the measurement is taken. Python standard library only.
"""
import argparse, json, resource, socket, sys, time, urllib.parse


def rss_bytes(pid):
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS")


def read_response(sock):
    """Reads one response with a Content-Length body; returns its status code."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise RuntimeError("connection closed before the response")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise RuntimeError("connection closed inside the body")
        body += chunk
    return int(head.split(b" ")[1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pid", type=int, required=True)
    ap.add_argument("--base", required=True)
    ap.add_argument("--connections", type=int, default=2000)
    ap.add_argument("--path", default="/healthz")
    a = ap.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = a.connections + 64
    if soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(want, hard), hard))
    url = urllib.parse.urlsplit(a.base)
    request = (f"GET {a.path} HTTP/1.1\r\nHost: {url.netloc}\r\n\r\n").encode()

    time.sleep(0.5)
    before = rss_bytes(a.pid)
    socks = []
    try:
        for _ in range(a.connections):
            s = socket.create_connection((url.hostname, url.port))
            s.sendall(request)
            status = read_response(s)
            if status != 200:
                raise RuntimeError(f"{a.path} answered {status}")
            socks.append(s)
        time.sleep(1.0)  # let the server settle into its idle wait on every connection
        after = rss_bytes(a.pid)
    finally:
        for s in socks:
            s.close()
    print(json.dumps({"connections": a.connections, "rss_before": before, "rss_after": after,
                      "bytes_per_connection": (after - before) / a.connections}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
