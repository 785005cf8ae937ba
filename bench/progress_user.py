#!/usr/bin/python3
"""Seeds the user of the progress-read benchmark (bench/run.sh, "Progress reads") on a running
server: ten years of training ending yesterday, written through the server's own write paths (the
imports API, measurements and goals), so every aggregate the reads use is kept as it would be.

    bench/progress_user.py --vigor PATH --base http://127.0.0.1:PORT [--smoke] \
        [--summary FILE] -- DB-ARGS...

Creates the account `progress` with `vigor user create DB-ARGS` (the server's --data-dir or
--database), signs in, and with a personal access token (workouts:read/write, body:read/write):

- strength: 5-7 sessions a week (push, pull, legs), 6-8 catalogue exercises a session, 4-6
  sets each with slowly rising weights and an RPE on the hard sets; imported as one Strong CSV
  per year (POST /api/v1/imports?format=strong_csv), at least 3,000 workouts and 100,000 sets;
- cardio: two runs or rides a week, each a GPX file of 300-600 points with heart rate, imported
  one file per job (format=gpx), several uploads in flight at once;
- a weigh-in a week (PUT /api/v1/measurements, kind weight);
- five goals (POST /api/v1/goals): weekly distance, weekly sessions, a squat one-rep max by a
  deadline, body weight down to a target, weeks in a row with 4 sessions.

--smoke: 60 strength workouts and 10 tracks over the last ten weeks (proves the step works).
Prints a read-only token (workouts:read body:read) on standard output, progress on standard
error; --summary FILE gets the counts and seconds as JSON. The goals route answering 404 (not
built yet) is reported, not fatal. Python standard library only.
"""
import argparse, concurrent.futures, datetime, http.client, json, math, random, re, subprocess
import sys, threading, time, urllib.parse

PASSWORD = "a long timing passphrase 42 horses"
SQUAT = "barbell-back-squat"

# (catalogue name, starting weight in kg or None for body weight, kg gained a year, reps)
PUSH = [("Barbell Bench Press", 60, 4.0, (5, 8)), ("Barbell Overhead Press", 35, 2.0, (5, 8)),
        ("Incline Dumbbell Bench Press", 20, 1.5, (8, 12)), ("Dumbbell Lateral Raise", 8, 0.5, (10, 15)),
        ("Cable Triceps Pushdown", 20, 1.5, (10, 12)), ("Parallel Bar Dip", None, 0, (8, 12)),
        ("Cable Crossover", 12, 1.0, (10, 15)), ("Dumbbell Shoulder Press", 16, 1.5, (8, 10))]
PULL = [("Barbell Deadlift", 90, 6.0, (3, 5)), ("Bent-Over Barbell Row", 50, 3.0, (6, 10)),
        ("Pull-Up", None, 0, (5, 10)), ("Lat Pulldown", 45, 2.5, (8, 12)),
        ("Seated Cable Row", 45, 2.5, (8, 12)), ("Face Pull", 15, 1.0, (12, 15)),
        ("Barbell Curl", 25, 1.5, (8, 12)), ("Hammer Curl", 12, 1.0, (10, 12))]
LEGS = [("Barbell Back Squat", 70, 5.0, (3, 8)), ("Romanian Deadlift", 60, 4.0, (6, 10)),
        ("Leg Press", 120, 8.0, (8, 12)), ("Lying Leg Curl", 30, 2.0, (10, 12)),
        ("Leg Extension", 35, 2.0, (10, 15)), ("Standing Calf Raise Machine", 50, 3.0, (12, 15)),
        ("Barbell Hip Thrust", 60, 5.0, (8, 12)), ("Bulgarian Split Squat", 14, 1.5, (8, 10)),
        ("Hanging Leg Raise", None, 0, (10, 15))]
SPLIT = [("Push", PUSH), ("Pull", PULL), ("Legs", LEGS)]


def log(*args):
    print("progress_user:", *args, file=sys.stderr, flush=True)


class Api:
    def __init__(self, base):
        self.url = urllib.parse.urlsplit(base)
        self.local = threading.local()
        self.auth = {}

    def call(self, method, path, body=None, headers=None):
        # One keep-alive connection per thread; a dropped one is opened again once.
        for attempt in (0, 1):
            c = getattr(self.local, "conn", None)
            if c is None:
                c = self.local.conn = http.client.HTTPConnection(self.url.hostname, self.url.port,
                                                                 timeout=300)
            try:
                c.request(method, path, body=body, headers=headers or {})
                r = c.getresponse()
                data = r.read()
                if r.getheader("Connection", "").lower() == "close":
                    c.close(); self.local.conn = None
                return r.status, r.getheader("Set-Cookie", ""), data
            except (http.client.HTTPException, OSError):
                c.close(); self.local.conn = None
                if attempt:
                    raise

    def json(self, method, path, payload):
        return self.call(method, path, json.dumps(payload),
                         dict(self.auth, **{"Content-Type": "application/json"}))


def sign_in(api, vigor, db_args, username):
    subprocess.run([vigor, "user", "create", "--username", username, "--email",
                    f"{username}@example.org", *db_args], input=PASSWORD + "\n", text=True,
                   check=True, capture_output=True)
    _, cookie, _ = api.call("GET", "/api/v1/meta")
    csrf = re.search(r"vigor_csrf=([^;]+)", cookie).group(1)
    st, cookie, body = api.call("POST", "/api/v1/auth/login",
                                json.dumps({"login": username, "password": PASSWORD}),
                                {"Content-Type": "application/json", "X-CSRF-Token": csrf,
                                 "Cookie": f"vigor_csrf={csrf}"})
    assert st == 200, body
    session = re.search(r"(vigor_session=[^;]+)", cookie).group(1)
    csrf = re.search(r"vigor_csrf=([^;]+)", cookie).group(1)  # bound to the new session

    def token(name, scopes):
        st, _, body = api.call("POST", "/api/v1/me/tokens",
                               json.dumps({"name": name, "scopes": scopes}),
                               {"Content-Type": "application/json", "X-CSRF-Token": csrf,
                                "Cookie": f"vigor_csrf={csrf}; {session}"})
        assert st == 201, body
        return json.loads(body)["token"]

    return (token("seed", ["workouts:read", "workouts:write", "body:read", "body:write"]),
            token("bench", ["workouts:read", "body:read", "nutrition:read"]))


def training_days(rng, first, last, per_week):
    """Days with a strength session: per_week() distinct days of each week from first to last."""
    days = []
    week = first - datetime.timedelta(days=first.weekday())
    while week <= last:
        for d in sorted(rng.sample(range(7), per_week())):
            day = week + datetime.timedelta(days=d)
            if first <= day <= last:
                days.append(day)
        week += datetime.timedelta(days=7)
    return days


def strength_csvs(rng, days, first):
    """One Strong CSV a calendar year: {year: bytes}; and the number of sets written."""
    header = ("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
              "Notes,Workout Notes,RPE")
    files, sets = {}, 0
    for n, day in enumerate(days):
        title, pool = SPLIT[n % 3]
        years = (day - first).days / 365.25
        start = f"{day.isoformat()} {rng.choice((6, 7, 12, 17, 18, 19)):02d}:{rng.randrange(60):02d}:00"
        exercises = rng.sample(pool, rng.randint(6, min(8, len(pool))))
        minutes = 40 + 6 * len(exercises) + rng.randrange(15)
        rows = files.setdefault(day.year, [header])
        for name, base, gain, (lo, hi) in exercises:
            # Progress slows down over the years; a bad day now and then.
            top = None if base is None else base + gain * 4 * math.log1p(years / 2) * rng.uniform(0.95, 1.03)
            for order in range(1, rng.randint(4, 6) + 1):
                reps = rng.randint(lo, hi)
                weight = "" if top is None else f"{round(top * rng.choice((0.9, 0.95, 1.0)) / 2.5) * 2.5:g}"
                rpe = f"{rng.choice((7, 7.5, 8, 8.5, 9, 9.5, 10)):g}" if order >= 3 else ""
                rows.append(f'{start},"{title}",{minutes // 60}h {minutes % 60}m,"{name}",{order},'
                            f"{weight},{reps},0,0,,,{rpe}")
                sets += 1
    return {y: ("\r\n".join(r) + "\r\n").encode() for y, r in files.items()}, sets


def gpx(rng, start, ride):
    """A run (300-450 points, 6 s apart) or a ride (400-600 points, 10 s apart), with heart rate."""
    points, step = (rng.randint(400, 600), 10) if ride else (rng.randint(300, 450), 6)
    speed = rng.uniform(6.5, 8.5) if ride else rng.uniform(2.6, 3.4)  # m/s
    lat, lon = 46.52 + rng.uniform(-0.05, 0.05), 6.63 + rng.uniform(-0.05, 0.05)
    heading = rng.uniform(0, 2 * math.pi)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<gpx version="1.1" creator="vigor-bench" xmlns="http://www.topografix.com/GPX/1/1" '
           'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">',
           f'<trk><name>{"Ride" if ride else "Run"}</name><type>{"cycling" if ride else "running"}'
           '</type><trkseg>']
    hr = 110.0
    for i in range(points):
        heading += rng.uniform(-0.15, 0.15)
        d = speed * step * rng.uniform(0.85, 1.15)
        lat += d * math.cos(heading) / 111_180
        lon += d * math.sin(heading) / (111_180 * math.cos(math.radians(lat)))
        hr += (150 - hr) * 0.05 + rng.uniform(-2, 2)
        t = (start + datetime.timedelta(seconds=i * step)).strftime("%Y-%m-%dT%H:%M:%SZ")
        out.append(f'<trkpt lat="{lat:.6f}" lon="{lon:.6f}"><ele>{420 + 30 * math.sin(i / 40):.1f}'
                   f'</ele><time>{t}</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>'
                   f'{round(hr)}</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>')
    out.append("</trkseg></trk></gpx>")
    return "\n".join(out).encode()


def run_imports(api, uploads, workers):
    """uploads: [(format, content type, body)]; posts them `workers` at a time, then waits for
    every job. Returns the jobs' results."""
    def post(upload):
        fmt, ctype, body = upload
        st, _, reply = api.call("POST", f"/api/v1/imports?format={fmt}", body,
                                dict(api.auth, **{"Content-Type": ctype}))
        if st != 202:
            raise SystemExit(f"progress_user: POST /api/v1/imports?format={fmt} answered {st}: "
                             f"{reply[:500]!r}")
        return json.loads(reply)["id"]

    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        ids = list(pool.map(post, uploads))
    results, deadline = [], time.time() + 1800
    for job_id in ids:
        while True:
            st, _, reply = api.call("GET", f"/api/v1/imports/{job_id}", None, api.auth)
            job = json.loads(reply)
            if job["status"] == "succeeded":
                results.append(job.get("result") or {})
                break
            if job["status"] == "failed":
                raise SystemExit(f"progress_user: import {job_id} failed: {json.dumps(job)[:800]}")
            if time.time() > deadline:
                raise SystemExit("progress_user: the imports did not finish in 30 minutes")
            time.sleep(0.05)
    return results


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vigor", required=True)
    ap.add_argument("--base", required=True)
    ap.add_argument("--smoke", action="store_true", help="60 workouts and 10 tracks")
    ap.add_argument("--workers", type=int, default=3, help="uploads in flight at once")
    ap.add_argument("--summary", help="write the counts and timings here as JSON")
    ap.add_argument("--username", default="progress")
    ap.add_argument("db_args", nargs="*")
    a = ap.parse_args()
    rng = random.Random(11)
    api = Api(a.base)
    t_start = time.time()
    seed_token, read_token = sign_in(api, a.vigor, a.db_args, a.username)
    api.auth = {"Authorization": "Bearer " + seed_token}

    # The history ends yesterday: a session later today would lie in the future.
    today = datetime.date.today() - datetime.timedelta(days=1)
    if a.smoke:
        first = today - datetime.timedelta(weeks=10)
        days = training_days(rng, first, today, lambda: 6)[-60:]
    else:
        first = today - datetime.timedelta(days=3652)  # ten years (not .replace: 29 February)
        days = training_days(rng, first, today, lambda: rng.choice((5, 6, 6, 6, 7)))
    files, n_sets = strength_csvs(rng, days, first)

    # Cardio: two a week (a run, and a run or a ride) in the morning, strength days or not.
    tracks = []
    week = first - datetime.timedelta(days=first.weekday())
    while week <= today:
        for weekday, ride in ((1, False), (5, rng.random() < 0.5)):
            day = week + datetime.timedelta(days=weekday)
            if first <= day <= today:
                start = datetime.datetime(day.year, day.month, day.day, 5, rng.randrange(60),
                                          rng.randrange(60))
                tracks.append((start, ride))
        week += datetime.timedelta(days=7)
    if a.smoke:
        tracks = tracks[-10:]
    t_gen = time.time()

    uploads = [("strong_csv", "text/csv", files[y]) for y in sorted(files)]
    results = run_imports(api, uploads, 1)  # one job at a time runs anyway; keep the order
    imported = sum(int(r.get("workouts_created", r.get("created", 0)) or 0) for r in results
                   if isinstance(r, dict))
    t_csv = time.time()
    log(f"strength: {len(days)} workouts, {n_sets} sets in {len(files)} Strong CSV files "
        f"imported in {t_csv - t_gen:.1f} s")

    # GPX files are made while earlier ones upload, a few hundred at a time.
    chunk = 200
    for i in range(0, len(tracks), chunk):
        batch = [("gpx", "application/gpx+xml", gpx(rng, s, r)) for s, r in tracks[i:i + chunk]]
        run_imports(api, batch, a.workers)
    t_gpx = time.time()
    log(f"cardio: {len(tracks)} GPX tracks imported in {t_gpx - t_csv:.1f} s")

    # A weigh-in a week, slowly down from 88 kg with noise.
    weigh_ins = 0
    day, n = first, 0
    while day <= today:
        kg = 88 - 6 * n / 520 + rng.uniform(-0.8, 0.8)
        st, _, body = api.json("PUT", "/api/v1/measurements",
                               {"kind": "weight", "day": day.isoformat(), "value": round(kg, 1)})
        if st not in (200, 201):
            raise SystemExit(f"progress_user: PUT /api/v1/measurements answered {st}: {body[:300]!r}")
        weigh_ins += 1
        day += datetime.timedelta(days=7 if not a.smoke else 3)
        n += 1
    t_body = time.time()

    later = (today + datetime.timedelta(days=120)).isoformat()
    goals = [
        {"title": "20 km a week", "metric": "distance", "target": 20000, "period": "week"},
        {"title": "5 sessions a week", "metric": "sessions", "target": 5, "period": "week"},
        {"title": "Squat 160 kg", "metric": "one_rep_max", "exercise_id": SQUAT, "target": 160,
         "period": "once", "deadline": later},
        {"title": "Down to 80 kg", "metric": "body_weight", "direction": "decrease", "target": 80,
         "period": "once", "deadline": later},
        {"title": "12 weeks of 4 sessions", "metric": "streak_weeks", "target": 12,
         "period": "once", "deadline": later, "min_sessions": 4},
    ]
    made, goals_missing = 0, False
    for goal in goals:
        st, _, body = api.json("POST", "/api/v1/goals", goal)
        if st == 404:
            goals_missing = True
            log("POST /api/v1/goals answered 404: goals are not served by this binary yet")
            break
        if st not in (200, 201):
            raise SystemExit(f"progress_user: POST /api/v1/goals {goal['title']!r} answered {st}: "
                             f"{body[:500]!r}")
        made += 1
    t_end = time.time()

    st, _, body = api.call("GET", "/api/v1/workouts?limit=1", None, api.auth)
    assert st == 200, body
    summary = {
        "strength_workouts": len(days), "sets": n_sets, "strength_files": len(files),
        "tracks": len(tracks), "weigh_ins": weigh_ins, "goals": made,
        "goals_missing": goals_missing, "first_day": first.isoformat(), "last_day": today.isoformat(),
        "imported_reported": imported, "exercise_id": SQUAT,
        "seconds": {"total": round(t_end - t_start, 1), "generate": round(t_gen - t_start, 1),
                    "strength": round(t_csv - t_gen, 1), "tracks": round(t_gpx - t_csv, 1),
                    "weigh_ins": round(t_body - t_gpx, 1), "goals": round(t_end - t_body, 1)},
    }
    log(f"seeded {len(days)} strength workouts ({n_sets} sets), {len(tracks)} tracks, "
        f"{weigh_ins} weigh-ins, {made} goals from {first} to {today} in {t_end - t_start:.1f} s")
    if a.summary:
        with open(a.summary, "w") as fh:
            json.dump(summary, fh)
    print(read_token)


if __name__ == "__main__":
    sys.exit(main())
