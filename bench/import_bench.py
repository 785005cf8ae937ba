#!/usr/bin/python3
"""Import throughput: one-hour GPX files per second and Strong CSV rows per second, with the
/healthz request rate of the same run as the reference (figures differ between machines; the
ratio travels better).

    bench/import_bench.py [--smoke] [--results FILE] PATH/TO/vigor

Starts a server on a temporary data directory, creates an admin with `vigor user create`, signs
in (CSRF double submit), creates a personal access token and uses it (Bearer, no CSRF) to post
the imports and poll them. --smoke: tiny N, prints only. Python standard library only.
"""
import argparse, http.client, json, math, os, re, subprocess, sys, tempfile, time

def gpx(start_s, seconds=3600):
    lat, lon = 46.52, 6.63
    out = ['<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1" '
           'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1"><trk>'
           '<type>running</type><trkseg>']
    for i in range(seconds):
        b = 2 * math.pi * i / 1200
        lat += 3 * math.cos(b) / 111_180
        lon += 3 * math.sin(b) / (111_180 * math.cos(math.radians(lat)))
        t = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(start_s + i))
        out.append(f'<trkpt lat="{lat:.7f}" lon="{lon:.7f}"><ele>{400 + 20 * math.sin(i / 95):.1f}'
                   f'</ele><time>{t}</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>'
                   f'{140 + i % 20}</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>')
    out.append("</trkseg></trk></gpx>")
    return "\n".join(out).encode()

def strong_csv(rows):
    out = ["Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
           "Notes,Workout Notes,RPE"]
    names = ["Squat (Barbell)", "Bench Press (Barbell)", "Deadlift (Barbell)", "Zottman Sled Curl"]
    for r in range(rows):
        w = r // 20  # 20 sets a workout
        day = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(1_500_000_000 + w * 86_400))
        out.append(f'{day},"Workout {w}",1h 2m,"{names[(r // 5) % 4]}",{r % 5 + 1},'
                   f'{60 + r % 7 * 2.5},{5 + r % 3},0,0,,,8')
    return ("\r\n".join(out) + "\r\n").encode()

class Server:
    def __init__(self, vigor, data):
        self.proc = subprocess.Popen([vigor, "serve", "--listen", "127.0.0.1:0", "--data-dir", data,
                                      "--log-level", "warn"], stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True)
        deadline = time.time() + 30
        self.port = None
        while time.time() < deadline and self.port is None:
            line = self.proc.stdout.readline()
            m = re.search(r"Vigor is running at http://127\.0\.0\.1:(\d+)", line)
            if m:
                self.port = int(m.group(1))
        if self.port is None:
            raise SystemExit("import_bench: the server did not start")

    def call(self, method, path, body=None, headers=None):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        data = r.read()
        c.close()
        return r.status, r.getheader("Set-Cookie", ""), data

    def stop(self):
        self.proc.terminate()
        self.proc.wait(30)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--results", help="append the figures to this Markdown file")
    ap.add_argument("vigor")
    a = ap.parse_args()
    n_gpx, n_rows = (2, 2_000) if a.smoke else (40, 200_000)
    with tempfile.TemporaryDirectory() as data:
        pw = "a long timing passphrase 42 horses"
        subprocess.run([a.vigor, "user", "create", "--username", "bench", "--email",
                        "bench@example.org", "--admin", "--data-dir", data], input=pw + "\n",
                       text=True, check=True, capture_output=True)
        s = Server(a.vigor, data)
        try:
            _, cookie, _ = s.call("GET", "/api/v1/meta")
            csrf = re.search(r"vigor_csrf=([^;]+)", cookie).group(1)
            st, cookie, body = s.call("POST", "/api/v1/auth/login",
                                      json.dumps({"login": "bench", "password": pw}),
                                      {"Content-Type": "application/json", "X-CSRF-Token": csrf,
                                       "Cookie": f"vigor_csrf={csrf}"})
            assert st == 200, body
            session = re.search(r"(vigor_session=[^;]+)", cookie).group(1)
            # The CSRF token is bound to the session: sign-in hands out a new one.
            csrf = re.search(r"vigor_csrf=([^;]+)", cookie).group(1)
            st, _, body = s.call("POST", "/api/v1/me/tokens",
                                 json.dumps({"name": "bench",
                                             "scopes": ["workouts:read", "workouts:write"]}),
                                 {"Content-Type": "application/json", "X-CSRF-Token": csrf,
                                  "Cookie": f"vigor_csrf={csrf}; {session}"})
            assert st == 201, body
            auth = {"Authorization": "Bearer " + json.loads(body)["token"]}

            t0 = time.time(); k = 0
            while time.time() - t0 < (1 if a.smoke else 5):
                s.call("GET", "/healthz"); k += 1
            healthz = k / (time.time() - t0)

            def cpu_s():
                # The server's user + system CPU time so far (Linux /proc).
                fields = open(f"/proc/{s.proc.pid}/stat").read().rsplit(") ", 1)[1].split()
                return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

            cpu = {}

            def run(fmt, files, ctype):
                c0 = cpu_s(); t0 = time.time(); ids = []
                for f in files:
                    st, _, body = s.call("POST", f"/api/v1/imports?format={fmt}", f,
                                         dict(auth, **{"Content-Type": ctype}))
                    assert st == 202, body
                    ids.append(json.loads(body)["id"])
                for i in ids:
                    while True:
                        job = json.loads(s.call("GET", f"/api/v1/imports/{i}", None, auth)[2])
                        if job["status"] in ("succeeded", "failed"):
                            assert job["status"] == "succeeded", job
                            break
                        time.sleep(0.02)
                elapsed = time.time() - t0
                cpu[fmt] = cpu_s() - c0
                return elapsed

            files = [gpx(1_700_000_000 + i * 86_400) for i in range(n_gpx)]
            gpx_s = run("gpx", files, "application/gpx+xml")
            csv = strong_csv(n_rows)
            csv_s = run("strong_csv", [csv], "text/csv")

            # Reading the log back once it is large: the history's first page, a page of a
            # search by exercise name, and one workout with its sets, each for a few seconds.
            def rate(target):
                t0 = time.time(); k = 0
                while time.time() - t0 < (0.5 if a.smoke else 3):
                    st, _, body = s.call("GET", target, None, auth)
                    assert st == 200, body
                    k += 1
                return k / (time.time() - t0)

            first = json.loads(s.call("GET", "/api/v1/workouts?limit=20", None, auth)[2])
            workout_id = first["items"][0]["id"]
            reads = {
                "history, first page of 20": rate("/api/v1/workouts?limit=20"),
                "history search by exercise name (q=deadlift), page of 20":
                    rate("/api/v1/workouts?limit=20&q=deadlift"),
                "one workout with its blocks and sets": rate(f"/api/v1/workouts/{workout_id}"),
            }
            workouts = n_gpx + n_rows // 20
        finally:
            s.stop()
    lines = [
        f"- one-hour GPX files (3600 points): {n_gpx} in {gpx_s:.2f} s = "
        f"**{n_gpx / gpx_s:.1f} files/s**; the server used {cpu['gpx']:.2f} CPU-seconds: "
        f"**{n_gpx / max(cpu['gpx'], 0.01):.1f} files per CPU-second** (target >= 20 per core)",
        f"- Strong CSV: {n_rows} rows in {csv_s:.2f} s = **{n_rows / csv_s:,.0f} rows/s** "
        f"(target >= 100,000); the server used {cpu['strong_csv']:.2f} CPU-seconds",
        f"- reference, same run: /healthz {healthz:,.0f} req/s sequential (a new connection "
        f"each); ratios: {n_gpx / gpx_s / healthz:.4f} files per healthz request, "
        f"{n_rows / csv_s / healthz:.1f} rows per healthz request",
    ] + [
        f"- {name}, with {workouts:,} workouts in the log: {r:,.0f} req/s sequential = "
        f"**{r / healthz:.2f} of /healthz**"
        for name, r in reads.items()
    ]
    print("\n".join(lines))
    if a.results and not a.smoke:
        with open(a.results, "a") as out:
            out.write(f"\n## Imports ({time.strftime('%Y-%m-%d')}, {os.cpu_count()} CPUs, "
                      "bench/import_bench.py)\n\n" + "\n".join(lines) + "\n")

if __name__ == "__main__":
    main()
