-- wrk script: acknowledged durable writes. Every request is a PUT of a new, unique key to
-- /diagnostics/write-probe/{key} (server started with --enable-write-probe). A 200 is sent by
-- the server only once the write is durable, so 2xx responses/s = acknowledged writes/s.
-- Usage: wrk ... -s bench/write_probe.lua URL   (a random per-thread nonce keeps keys unique
-- across the warm-up and the measured run)

local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

local function random_hex(n)
  local f = io.open("/dev/urandom", "rb")
  local bytes = f and f:read(n) or tostring(os.time())
  if f then f:close() end
  return (bytes:gsub(".", function(c) return string.format("%02x", c:byte()) end))
end

function init(args)
  nonce = random_hex(6)
  counter = 0
  headers = { ["Content-Type"] = "application/json" }
end

function request()
  counter = counter + 1
  local key = string.format("b%s-t%d-%d", nonce, tid, counter)
  return wrk.format("PUT", "/diagnostics/write-probe/" .. key, headers,
                    '{"value":"bench value for ' .. key .. '"}')
end
