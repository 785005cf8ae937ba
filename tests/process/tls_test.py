#!/usr/bin/python3
"""`vigor serve --tls-cert FILE --tls-key FILE` serves HTTPS directly.

A self-signed certificate for 127.0.0.1 is made with the openssl tool. Checks: the printed URL is
https://; /healthz answers 200 over TLS verified against that certificate, with HSTS; a TLS 1.2
client gets a forward-secret AEAD cipher; GET /api/v1/meta sets the CSRF cookie as
__Host-vigor_csrf with Secure; plain HTTP on the port gets a 400, not a crash; SIGTERM exits 0.
Then unusable files (a key of another certificate, a missing certificate, a key given as the
certificate) make `vigor serve` exit 1 naming the file on stderr.
"""

import os
import socket
import ssl
import subprocess
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vigorproc as vp  # noqa: E402


def openssl(args, cwd):
    r = subprocess.run(["openssl"] + args, cwd=cwd, stdin=subprocess.DEVNULL,
                       capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        raise vp.TestFailure(f"openssl {' '.join(args)} failed: {r.stderr}")


def make_certificates(dir_):
    """cert.pem + key.pem (a self-signed P-256 certificate for IP 127.0.0.1) and other-key.pem."""
    openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
             "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-days", "2",
             "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], dir_)
    openssl(["ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "other-key.pem"], dir_)
    return (os.path.join(dir_, "cert.pem"), os.path.join(dir_, "key.pem"),
            os.path.join(dir_, "other-key.pem"))


def cookie_named(set_cookies, name):
    for value in set_cookies:
        if value.split("=", 1)[0].strip() == name:
            return value
    return None


def check_serving(check, args, tmp, cert, key):
    vp.log("\n[A] HTTPS with a good certificate and key")
    data_dir = os.path.join(tmp.path, "data")
    os.makedirs(data_dir)
    srv = vp.Server(args.vigor, data_dir, tmp.path, name="tls", tls_ca=cert,
                    args=["--tls-cert", cert, "--tls-key", key])
    try:
        srv.start()
        check.ok(f"Vigor is running at https://127.0.0.1:{srv.port}" in srv.stdout_text(),
                 "the printed URL is https://127.0.0.1:PORT", f"stdout {srv.stdout_text()!r}")

        r = srv.request("GET", "/healthz")
        check.ok(r.status == 200, "GET /healthz over verified TLS: 200", f"got {r!r}")
        check.ok((r.header("Strict-Transport-Security") or "").startswith("max-age="),
                 "HSTS header over TLS", f"headers {r.headers!r}")

        context = ssl.create_default_context(cafile=cert)
        context.maximum_version = ssl.TLSVersion.TLSv1_2
        with socket.create_connection((vp.HOST, srv.port), timeout=10) as raw:
            with context.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
                name, version, _ = tls.cipher()
        check.ok(version == "TLSv1.2" and name.startswith("ECDHE-") and
                 ("GCM" in name or "CHACHA20" in name),
                 "a TLS 1.2 client gets an ECDHE AEAD cipher", f"got {name} {version}")

        r = srv.request("GET", "/api/v1/meta")
        csrf = cookie_named(r.header_all("Set-Cookie"), "__Host-vigor_csrf")
        check.ok(r.status == 200 and csrf is not None,
                 "GET /api/v1/meta sets the __Host-vigor_csrf cookie",
                 f"Set-Cookie {r.header_all('Set-Cookie')!r}")
        attributes = [a.strip().lower() for a in (csrf or "").split(";")[1:]]
        check.ok("secure" in attributes and "path=/" in attributes and
                 not any(a.startswith("domain=") for a in attributes),
                 "the __Host- cookie is Secure, Path=/ and has no Domain", f"got {csrf!r}")

        conn = vp.RawConn(srv.port, timeout=5)
        try:
            conn.send(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            kind, resp = vp.read_until_closed_or_response(conn, timeout=5)
        finally:
            conn.close()
        check.ok(kind == "response" and resp.status == 400 and b"HTTPS" in resp.body,
                 "plain HTTP on the TLS port: a plain 400 saying to use HTTPS",
                 f"got {kind} {resp!r}")
        r = srv.request("GET", "/healthz")
        check.ok(srv.alive() and r.status == 200, "still serving TLS after the plain request",
                 f"got {r!r}")

        code = srv.stop(timeout=15)
        check.ok(code == 0, "SIGTERM: exit code 0", f"exit code {code}\n{srv.stderr_text()}")
    finally:
        srv.kill()


def check_bad_files(check, args, tmp, cert, key, other_key):
    vp.log("\n[B] unusable certificate or key files")
    cases = [
        ("a key that is not the certificate's", cert, other_key, other_key),
        ("a missing certificate", os.path.join(tmp.path, "missing-cert.pem"), key,
         "missing-cert.pem"),
        ("a key given as the certificate", key, key, key),
    ]
    for n, (what, cert_file, key_file, named) in enumerate(cases):
        data_dir = os.path.join(tmp.path, f"data-bad-{n}")
        try:
            r = vp.run_cli(args.vigor, ["serve", "--listen", f"{vp.HOST}:0", "--data-dir", data_dir,
                                        "--tls-cert", cert_file, "--tls-key", key_file],
                           timeout=30)
        except subprocess.TimeoutExpired:
            check.fail(f"{what}: vigor serve exits", "it was still running after 30 s")
            continue
        check.ok(r.returncode == 1, f"{what}: exit code 1",
                 f"exit code {r.returncode}, stderr {r.stderr[-1000:]!r}")
        check.ok(named in r.stderr, f"{what}: stderr names {os.path.basename(named)}",
                 f"stderr {r.stderr[-1000:]!r}")
        check.ok("running at" not in r.stdout, f"{what}: no 'running at' line",
                 f"stdout {r.stdout!r}")


def main():
    args = vp.base_args(__doc__)
    check = vp.Check("tls")
    tmp = vp.TempDir("vigor-tls-")
    try:
        cert, key, other_key = make_certificates(tmp.path)
        check_serving(check, args, tmp, cert, key)
        check_bad_files(check, args, tmp, cert, key, other_key)
    except (vp.TestFailure, OSError, ssl.SSLError, socket.timeout) as e:
        check.fail("test aborted", str(e))
    finally:
        tmp.cleanup()
    return check.finish()


if __name__ == "__main__":
    sys.exit(main())
