-- GET with the bearer token in BENCH_TOKEN (the SME's for its complaint, an official's for a queue or statistics).
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
