-- GET a portal page as a signed-in browser does: the session cookie holds the token in BENCH_TOKEN, Chinese asked for.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
wrk.headers["Cookie"] = "arrears_session=" .. os.getenv("BENCH_TOKEN")
wrk.headers["Accept-Language"] = "zh-CN,zh;q=0.9"
