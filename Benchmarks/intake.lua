-- POST the fixture filing as the SME whose token is in SME_TOKEN, the same body every time (the worst case for
-- duplicate detection: every filing names the same contract). FILING names the body file.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
local f = assert(io.open(os.getenv("FILING"), "r"))
wrk.body = f:read("*a")
f:close()
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("SME_TOKEN")
