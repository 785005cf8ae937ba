-- wrk script: the history's first page composed anew for every request. Each request asks for
-- GET /api/v1/workouts?limit=20&to=T with a T no request asked for before (one millisecond
-- apart, in the year 2100 and after): the same 20 workouts as the plain first page, but a query
-- the server has kept no page for (features/workouts/history_pages), so it reads and encodes
-- the page. The plain first page ("list") measures the kept page; this measures composing it.
-- Usage: wrk ... -H "Authorization: Bearer TOKEN" -s bench/history_new_page.lua BASE

local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  -- A random start per thread and per wrk run: the warm-up's queries are not asked again.
  local f = io.open("/dev/urandom", "rb")
  local bytes = f and f:read(3) or "abc"
  if f then f:close() end
  local r = bytes:byte(1) * 65536 + bytes:byte(2) * 256 + bytes:byte(3)
  first_second = 4102444800 + tid * 400000000 + r * 16  -- 2100-01-01 and later
  counter = 0
end

function request()
  counter = counter + 1
  local second = first_second + math.floor(counter / 1000)
  local to = os.date("!%Y-%m-%dT%H:%M:%S", second) .. string.format(".%03dZ", counter % 1000)
  return wrk.format("GET", "/api/v1/workouts?limit=20&to=" .. to)
end
