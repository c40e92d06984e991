-- GET with the SME's bearer token.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("SME_TOKEN")
