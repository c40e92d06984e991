-- GET /healthz: no token, no database; the machine's ceiling for the other runs.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
