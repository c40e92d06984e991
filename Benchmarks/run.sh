#!/usr/bin/env bash
# The benchmark runner (docs/performance.md). Builds a release arrearsd, starts it on 127.0.0.1 with a fresh database,
# measures start-to-ready and idle memory, then drives it with wrk at several connection counts: the no-op route
# (/healthz, the machine's ceiling in this same run), durable intake (distinct filings with Idempotency-Keys, and the
# same filing over and over), a complaint read, an intake officer's queue page and the monthly statistics. Prints a
# Markdown table: requests/s, p50/p99/p99.9 latency, and each run's throughput as a share of the no-op's at the same
# connection count. Fails if any request got a non-2xx answer or a socket error.
#
# Usage: bash Benchmarks/run.sh [--seconds N] [--connections "16 64 256"] [--complaints N] [--seeded PATH] [--only LIST]
#   --complaints N  seed N complaints (2019-04…2020-12, arrearsd seed) before the runs: queue and statistics at scale.
#   --seeded PATH   keep the seeded database at PATH and start from a copy of it next time (1,000,000 take ~11 min to seed).
#   --only LIST     scenarios to run, of: noop intake intake-same read queue statistics search pages (default: all).
#   ARREARS_BIN=path/to/arrearsd measures a binary already built; ARREARS_BENCH_DATABASE=postgres://…/empty_db measures
#   PostgreSQL instead (give it an empty database; --complaints then seeds it, --seeded is ignored).
# Needs wrk (apt-get install wrk) and curl. Traffic only to 127.0.0.1; every run is bounded by --seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=10
connections="16 64 256"
complaints=0
seeded=""
only="noop intake intake-same read queue statistics search pages"
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) seconds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --complaints) complaints=$2; shift 2 ;;
    --seeded) seeded=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    *) echo "unknown option $1 (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
done
for tool in wrk curl; do command -v $tool >/dev/null || { echo "$tool is missing: apt-get install $tool" >&2; exit 1; }; done
if [ -n "${ARREARS_BIN:-}" ]; then
  bin=$ARREARS_BIN
else
  swift build -c release --product arrearsd >&2
  bin="$(swift build -c release --show-bin-path)/arrearsd"
fi
export BENCH_DIR=$PWD/Benchmarks
export FILING=$PWD/Schemas/examples/filing.json
export BENCH_RUN=$(date +%s)
work=$(mktemp -d)
port=18200
server=""
trap '[ -n "$server" ] && kill $server 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

# The database: PostgreSQL if asked, else a fresh SQLite file, seeded (or copied from a kept seeded one) if asked.
if [ -n "${ARREARS_BENCH_DATABASE:-}" ]; then
  database=$ARREARS_BENCH_DATABASE
  seeded=""
else
  database=$work/bench.sqlite
  if [ -n "$seeded" ] && [ -f "$seeded" ]; then
    echo "copying the seeded database $seeded" >&2
    cp "$seeded" "$database"
  fi
fi
if [ "$complaints" -gt 0 ] && { [ -z "$seeded" ] || [ ! -f "$seeded" ]; }; then
  echo "seeding $complaints complaints" >&2
  "$bin" seed --database "$database" --complaints "$complaints" --from 2019-04 --to 2020-12 >&2
  [ -n "$seeded" ] && cp "$database" "$seeded"
fi
account() { "$bin" account create --database "$database" "$@" 2>/dev/null; }
sme=$(account --role sme --name "杭州示例建设有限公司" --credit-code 91330100716105852F)
intake=$(account --role intake --name "浙江省中小企业局 受理" --province 330000)
national=$(account --role supervisor --name "工业和信息化部 中小企业局")

# Start to ready: process start until /readyz answers 200 (schema checked, database answering).
start=$(date +%s%N)
ARREARS_SUBMISSIONS_PER_MINUTE=0 "$bin" serve --database "$database" --port $port --log-level error > "$work/server.log" 2>&1 &
server=$!
until curl -sf -o /dev/null http://127.0.0.1:$port/readyz; do
  kill -0 $server 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.005
done
ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
sleep 2
idle_kib=$(ps -o rss= -p $server)

base=http://127.0.0.1:$port
id=$(curl -sf -X POST $base/v1/complaints -H "Authorization: Bearer $sme" -H 'Content-Type: application/json' -d @"$FILING" |
  sed -n 's/.*"id" *: *"\([0-9a-f-]\{36\}\)".*/\1/p' | head -1)
[ -n "$id" ] || { echo "the first filing failed" >&2; exit 1; }

cpu=$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)
echo "# Arrears benchmarks, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "Machine: $(nproc) cores ($cpu), $(( $(sed -n 's/^MemTotal: *\([0-9]*\).*/\1/p' /proc/meminfo) / 1048576 )) GiB," \
  "$(uname -sr); server and wrk on the same cores. Database: $( [ -n "${ARREARS_BENCH_DATABASE:-}" ] && echo PostgreSQL || echo SQLite)," \
  "$(( complaints )) seeded complaints. $seconds s per run."
echo
echo "Start to ready: $ready_ms ms. Idle resident memory: $(( idle_kib / 1024 )) MiB ($idle_kib KiB)."
echo
echo "| run | connections | requests/s | p50 | p99 | p99.9 | vs. no-op |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"

failed=0
ms() { awk -v us="$1" 'BEGIN { if (us >= 100000) printf "%.0f ms", us / 1000; else printf "%.2f ms", us / 1000 }'; }
# run NAME CONNECTIONS SCRIPT URL [TOKEN]: one wrk run; prints its table row, remembers the no-op's rate per connection count.
declare -A ceiling
run() {
  local name=$1 c=$2 script=$3 url=$4
  local line
  line=$(BENCH_TOKEN=${5:-} SME_TOKEN=$sme wrk -t"$(( c < 2 ? 1 : 2 ))" -c"$c" -d"${seconds}s" --timeout 10s -s "$BENCH_DIR/$script" "$url" | grep '^BENCH ')
  local requests duration_us p50 p99 p999 max non2xx socket_errors kv
  for kv in ${line#BENCH }; do local "${kv%%=*}=${kv#*=}"; done
  local rate=$(( requests * 1000000 / duration_us ))
  [ "$name" = "no-op /healthz" ] && ceiling[$c]=$rate
  local share="—"
  [ -n "${ceiling[$c]:-}" ] && share=$(awk -v r=$rate -v n=${ceiling[$c]} 'BEGIN { printf "%.3f", r / n }')
  echo "| $name | $c | $rate | $(ms $p50) | $(ms $p99) | $(ms $p999) | $share |"
  if [ "$non2xx" != 0 ] || [ "$socket_errors" != 0 ]; then
    echo "  $name at $c connections: $non2xx non-2xx answers, $socket_errors socket errors" >&2
    failed=1
  fi
}
wants() { [[ " $only " == *" $1 "* ]]; }
encode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
number=$(curl -sf "$base/v1/complaints/$id" -H "Authorization: Bearer $sme" | sed -n 's/.*"number" *: *"\(ARR-[0-9-]*\)".*/\1/p' | head -1)
for c in $connections; do
  wants noop && run "no-op /healthz" "$c" noop.lua $base/healthz
  wants intake && run "intake, distinct filings with keys (durable)" "$c" intake-distinct.lua $base/v1/complaints
  wants intake-same && run "intake, the same filing again (durable)" "$c" intake.lua $base/v1/complaints
  wants read && run "read one complaint (SME)" "$c" read.lua $base/v1/complaints/$id "$sme"
  wants queue && run "queue page of 50, Zhejiang intake, submitted" "$c" read.lua "$base/v1/complaints?state=submitted&limit=50" "$intake"
  wants statistics && run "monthly statistics 2020-12, national" "$c" read.lua "$base/v1/statistics/monthly?month=2020-12" "$national"
  # Search (检索): a company's name (a seeded brand and trade, about one complaint in 130), a phrase in every
  # complaint's name (the first page of all of them), and one complaint's number.
  wants search && run "search 恒信建设工程, national" "$c" read.lua "$base/v1/complaints?q=$(encode 恒信建设工程)&limit=50" "$national"
  wants search && run "search 有限公司 (matches all), national" "$c" read.lua "$base/v1/complaints?q=$(encode 有限公司)&limit=50" "$national"
  wants search && run "search a number, Zhejiang intake" "$c" read.lua "$base/v1/complaints?q=$number" "$intake"
  # The SMEs' pages, rendered as a signed-in browser asks for them: the complaint page (clocks, interest, history,
  # files, actions) and 我的投诉.
  wants pages && run "page: the complaint (SME, HTML)" "$c" page.lua "$base/complaints/$number" "$sme"
  wants pages && run "page: 我的投诉 (SME, HTML)" "$c" page.lua "$base/complaints" "$sme"
done
echo
commits=$(curl -sf $base/metrics | sed -n 's/^arrears_database_commits_total \([0-9.e+]*\)$/\1/p')
writes=$(curl -sf $base/metrics | sed -n 's/^arrears_database_committed_writes_total \([0-9.e+]*\)$/\1/p')
[ -n "$commits" ] && echo "Group commit: $writes writes in $commits transactions ($(awk -v w="$writes" -v c="$commits" 'BEGIN { printf "%.1f", w / c }') per fsync)."
echo "Peak resident memory: $(( $(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\).*/\1/p' /proc/$server/status) / 1024 )) MiB."
curl -sf -m 3 -o /dev/null $base/healthz || { echo "the server stopped answering" >&2; failed=1; }
exit $failed
