-- POST the fixture filing as the SME whose token is in SME_TOKEN; FILING names the body file.
local f = assert(io.open(os.getenv("FILING"), "r"))
wrk.body = f:read("*a")
f:close()
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("SME_TOKEN")
