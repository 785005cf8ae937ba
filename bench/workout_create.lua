-- wrk script: creating a strength workout with 15 sets, as the web app saves one (POST
-- /api/v1/workouts, a personal access token in BENCH_TOKEN). Each request is a new workout; a
-- 201 is sent once it is durable, so 2xx responses/s = workouts saved per second. Each starts
-- a day after the one before, as a user logs them: the newest workout, whose
-- records and day aggregates are worked out in the same transaction. (A workout slipped in
-- before thousands of later ones recomputes the records after it, and a day with dozens of
-- workouts is recomputed whole at each: neither is what logging does.)
-- Usage: BENCH_TOKEN=... wrk ... -s bench/workout_create.lua URL

local token = os.getenv("BENCH_TOKEN") or ""

local function sets(weight)
  local out = {}
  for i = 1, 5 do
    out[#out + 1] = string.format('{"reps":%d,"weight_kg":%.1f,"done":true}', 4 + i, weight + i * 2.5)
  end
  return table.concat(out, ",")
end

function init(args)
  counter = 0
  thread_id = id or 0
  headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
end

-- Each wrk run (warm-up, measurement, a retry: BENCH_PHASE 0, 1, 2 from bench/run.sh) starts
-- its own 50 years from 2030-01-01T00:00:00Z, after the history api_user.py imports and after the
-- runs before it, and the two threads take alternate days: every workout is the newest.
local phase = tonumber(os.getenv("BENCH_PHASE") or "1")
local base = 1893456000 + phase * 50 * 365 * 86400
local threads = 0

function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function request()
  counter = counter + 1
  local started = os.date("!%Y-%m-%dT%H:%M:%SZ", base + (counter * 2 + thread_id) * 86400)
  local body = string.format(
    '{"title":"Bench %d","started_at":"%s","blocks":[' ..
    '{"exercise_id":"barbell-back-squat","sets":[%s]},' ..
    '{"exercise_id":"barbell-bench-press","sets":[%s]},' ..
    '{"exercise_id":"romanian-deadlift","sets":[%s]}]}',
    counter, started, sets(100), sets(60), sets(80))
  return wrk.format("POST", "/api/v1/workouts", headers, body)
end
