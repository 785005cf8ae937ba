#!/usr/bin/python3
"""Sets up the signed-in user the API scenarios of bench/run.sh need, on a running server.

    bench/api_user.py --vigor PATH --base http://127.0.0.1:PORT [--workouts N] -- DB-ARGS...

Creates an account with `vigor user create DB-ARGS` (the server's --data-dir or --database),
signs in (CSRF double submit), creates a personal access token (workouts:read, workouts:write, profile:read),
imports N strength workouts (15 sets each) from a Strong CSV so that the history has pages to
read, and prints the token on standard output. Python standard library only.
"""
import argparse, http.client, json, re, subprocess, sys, time, urllib.parse

PASSWORD = "a long timing passphrase 42 horses"


def strong_csv(workouts):
    out = ["Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
           "Notes,Workout Notes,RPE"]
    names = ["Squat (Barbell)", "Bench Press (Barbell)", "Deadlift (Barbell)"]
    for w in range(workouts):
        day = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(1_600_000_000 + w * 86_400))
        for s in range(15):
            out.append(f'{day},"Workout {w}",1h 2m,"{names[s // 5]}",{s % 5 + 1},'
                       f'{60 + s % 7 * 2.5},{5 + s % 3},0,0,,,8')
    return ("\r\n".join(out) + "\r\n").encode()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vigor", required=True)
    ap.add_argument("--base", required=True)
    ap.add_argument("--workouts", type=int, default=200)
    ap.add_argument("db_args", nargs="*")
    a = ap.parse_args()
    subprocess.run([a.vigor, "user", "create", "--username", "bench", "--email",
                    "bench@example.org", *a.db_args], input=PASSWORD + "\n", text=True,
                   check=True, capture_output=True)
    url = urllib.parse.urlsplit(a.base)

    def call(method, path, body=None, headers=None):
        c = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        data = r.read()
        c.close()
        return r.status, r.getheader("Set-Cookie", ""), data

    _, cookie, _ = call("GET", "/api/v1/meta")
    csrf = re.search(r"vigor_csrf=([^;]+)", cookie).group(1)
    st, cookie, body = call("POST", "/api/v1/auth/login",
                            json.dumps({"login": "bench", "password": PASSWORD}),
                            {"Content-Type": "application/json", "X-CSRF-Token": csrf,
                             "Cookie": f"vigor_csrf={csrf}"})
    assert st == 200, body
    session = re.search(r"(vigor_session=[^;]+)", cookie).group(1)
    # The CSRF token is bound to the session: sign-in hands out a new one.
    csrf = re.search(r"vigor_csrf=([^;]+)", cookie).group(1)
    st, _, body = call("POST", "/api/v1/me/tokens",
                       json.dumps({"name": "bench", "scopes": ["workouts:read", "workouts:write", "profile:read"]}),
                       {"Content-Type": "application/json", "X-CSRF-Token": csrf,
                        "Cookie": f"vigor_csrf={csrf}; {session}"})
    assert st == 201, body
    token = json.loads(body)["token"]
    auth = {"Authorization": "Bearer " + token}
    if a.workouts > 0:
        st, _, body = call("POST", "/api/v1/imports?format=strong_csv", strong_csv(a.workouts),
                           dict(auth, **{"Content-Type": "text/csv"}))
        assert st == 202, body
        job_id = json.loads(body)["id"]
        deadline = time.time() + 120
        while time.time() < deadline:
            job = json.loads(call("GET", f"/api/v1/imports/{job_id}", None, auth)[2])
            if job["status"] in ("succeeded", "failed"):
                assert job["status"] == "succeeded", job
                break
            time.sleep(0.02)
        else:
            raise SystemExit("api_user: the import did not finish in 120 s")
    print(token)


if __name__ == "__main__":
    sys.exit(main())
