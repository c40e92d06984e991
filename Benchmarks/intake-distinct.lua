-- POST the fixture filing with a different contract number and amount overdue on every request, each with its own
-- Idempotency-Key, as real clients send them: intake as real traffic looks. FILING names the body file, SME_TOKEN the
-- token, BENCH_RUN keeps keys of different runs apart, BENCH_OFFSET contract numbers of load generators run together.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
local f = assert(io.open(os.getenv("FILING"), "r"))
local template = f:read("*a")
f:close()
local run = os.getenv("BENCH_RUN") or "0"
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("offset", (tonumber(os.getenv("BENCH_OFFSET") or "0") or 0) + threads * 10000000)
end
local counter = 0
function request()
  counter = counter + 1
  local n = offset + counter
  local body = template:gsub('"ZJ%-2025%-0318"', '"ZJ-BENCH-' .. n .. '"'):gsub('45600000', tostring(45600000 - n % 40000000))
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("SME_TOKEN"),
    ["Idempotency-Key"] = "bench-" .. run .. "-" .. n}, body)
end
