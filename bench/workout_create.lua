-- wrk script: creating a strength workout with 15 sets, as the web app saves one (POST
-- /api/v1/workouts, a personal access token in BENCH_TOKEN). Each request is a new workout; a
-- 201 is sent once it is durable, so 2xx responses/s = workouts saved per second.
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
  headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
end

function request()
  counter = counter + 1
  local day = 1 + counter % 28
  local body = string.format(
    '{"title":"Bench %d","started_at":"2026-02-%02dT07:%02d:00Z","blocks":[' ..
    '{"exercise_id":"barbell-back-squat","sets":[%s]},' ..
    '{"exercise_id":"barbell-bench-press","sets":[%s]},' ..
    '{"exercise_id":"romanian-deadlift","sets":[%s]}]}',
    counter, day, counter % 60, sets(100), sets(60), sets(80))
  return wrk.format("POST", "/api/v1/workouts", headers, body)
end
