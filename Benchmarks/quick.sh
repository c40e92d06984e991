#!/usr/bin/env bash
# A quick loopback measurement of a release arrearsd with wrk: start-to-ready, idle memory, then
# throughput and latency for the no-op route (the machine's ceiling), durable intake (the same filing
# again and again, the worst case for duplicate detection, and distinct contracts, as real traffic), a complaint
# read and a queue page. Fresh database in a temporary folder; traffic only to 127.0.0.1.
# Usage: [ARREARS_BIN=…] [ARREARS_BENCH_DATABASE=postgres://…/empty_db] bash Benchmarks/quick.sh [seconds-per-run]
#   (needs wrk: apt-get install wrk). ARREARS_BENCH_DATABASE measures PostgreSQL; give it an empty database.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
# ARREARS_BIN=path/to/arrearsd measures a binary already built (e.g. with another --scratch-path).
if [ -n "${ARREARS_BIN:-}" ]; then
  bin=$ARREARS_BIN
else
  swift build -c release --product arrearsd >&2
  bin="$(swift build -c release --show-bin-path)/arrearsd"
fi
here=$PWD/Benchmarks
work=$(mktemp -d)
database=${ARREARS_BENCH_DATABASE:-$work/b.sqlite}
port=18200
export FILING=$PWD/Schemas/examples/filing.json
export SME_TOKEN=$("$bin" account create --database "$database" --role sme --name "杭州示例建设有限公司" --credit-code 91330100716105852F 2>/dev/null)
start=$(date +%s%N)
# One account files thousands of complaints a second here, far past the abuse limit: turn it off for the run.
ARREARS_SUBMISSIONS_PER_MINUTE=0 "$bin" serve --database "$database" --port $port --log-level error > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
until curl -s -o /dev/null http://127.0.0.1:$port/healthz; do sleep 0.01; done
echo "start to ready: $(( ($(date +%s%N) - start) / 1000000 )) ms"
sleep 1
echo "idle RSS: $(( $(ps -o rss= -p $server) / 1024 )) MiB"
id=$(curl -s -X POST http://127.0.0.1:$port/v1/complaints -H "Authorization: Bearer $SME_TOKEN" \
       -H 'Content-Type: application/json' -d @"$FILING" | python3 -c 'import json,sys; print(json.load(sys.stdin)["complaint"]["id"])')
run() {
  local name=$1; shift
  printf '%-22s ' "$name"
  wrk -t2 -d"${seconds}s" --latency "$@" | awk '/Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} /Non-2xx/ {bad=$NF}
    END {printf "%10s req/s  p50 %8s  p99 %8s  non-2xx %s\n", rps, p50, p99, (bad == "" ? 0 : bad)}'
}
run "no-op c=64" -c64 http://127.0.0.1:$port/healthz
run "intake c=16" -c16 -s "$here/intake.lua" http://127.0.0.1:$port/v1/complaints
run "intake c=64" -c64 -s "$here/intake.lua" http://127.0.0.1:$port/v1/complaints
run "intake distinct c=64" -c64 -s "$here/intake-distinct.lua" http://127.0.0.1:$port/v1/complaints
run "read c=16" -c16 -s "$here/read.lua" http://127.0.0.1:$port/v1/complaints/$id
run "read c=64" -c64 -s "$here/read.lua" http://127.0.0.1:$port/v1/complaints/$id
run "queue page c=64" -c64 -s "$here/read.lua" "http://127.0.0.1:$port/v1/complaints?limit=50"
curl -sf -m 3 -o /dev/null http://127.0.0.1:$port/healthz && echo "still answering after the runs"
