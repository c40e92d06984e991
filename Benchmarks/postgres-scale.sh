#!/usr/bin/env bash
# What the writers wait for on PostgreSQL: one arrearsd against two on the same database, beside pgbench's TPC-B on the
# same cluster in the same run. Starts a PostgreSQL cluster of its own on 127.0.0.1 (fsync and synchronous_commit on,
# as production), then for each configuration runs durable distinct filings with wrk (Benchmarks/intake-distinct.lua)
# while sampling pg_stat_activity every 100 ms: how many of the arrears database's active backends wait on a lock
# (wait_event_type = 'Lock'), and how busy the CPU was (/proc/stat); then the same load on one server on SQLite, the
# embedded default, in the same run. Prints a Markdown table.
#
# Usage: bash Benchmarks/postgres-scale.sh [--seconds N] [--connections N] [--pool N]
#   --seconds N       length of each run (default 10)
#   --connections N   wrk connections in all: one server gets N, two servers N/2 each (default 32)
#   --pool N          PostgreSQL connections in all: one server holds N, two servers N/2 each (default 20)
# ARREARS_BIN=path measures a binary already built (else a release build is made). Needs wrk; PostgreSQL 15's server
# and pgbench (Debian's postgresql). Traffic only to 127.0.0.1; each run is bounded by --seconds.
set -euo pipefail

seconds=10
connections=32
pool=20
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) seconds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --pool) pool=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
if [ -n "${ARREARS_BIN:-}" ]; then bin=$ARREARS_BIN; else
  swift build -c release --product arrearsd >&2
  bin="$(swift build -c release --show-bin-path)/arrearsd"
fi
export BENCH_DIR=$PWD/Benchmarks FILING=$PWD/Schemas/examples/filing.json

work=$(mktemp -d)
chmod 755 "$work"
pgport=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
servers=()
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
cleanup() {
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  as_postgres "$pgbin/pg_ctl -D $work/pg -m immediate -w stop" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir "$work/pg"
[ "$(id -u)" -ne 0 ] || chown postgres "$work/pg"
as_postgres "$pgbin/initdb -D $work/pg -U postgres --auth-local=trust --auth-host=trust -E UTF8 --locale=C.UTF-8" >/dev/null
as_postgres "$pgbin/pg_ctl -D $work/pg -l $work/pg/log -w -o '-c listen_addresses=127.0.0.1 -c port=$pgport -c unix_socket_directories=$work/pg -c max_connections=200 -c fsync=on -c synchronous_commit=on'" start >/dev/null
psql() { PGOPTIONS="-c client_min_messages=warning" "$pgbin/psql" -X -q -At -h 127.0.0.1 -p $pgport -U postgres "$@"; }
psql -c "CREATE DATABASE pgbench"
# fresh_database: each configuration starts on an empty database of its own (named arrears, which the sampler watches),
# so neither pays for what the other filed.
fresh_database() {
  psql -c "DROP DATABASE IF EXISTS arrears" -c "CREATE DATABASE arrears"
  database="postgres://postgres@127.0.0.1:$pgport/arrears?sslmode=disable"
  sme=$("$bin" account create --database "$database" --role sme --name "杭州示例建设有限公司" --credit-code 91330100716105852F 2>/dev/null)
}

# busy share of all cores between two readings of /proc/stat
cpu_reading() { awk '/^cpu / { idle = $5 + $6; total = 0; for (i = 2; i <= NF; i++) total += $i; print idle, total }' /proc/stat; }
busy_share() { awk -v a="$1" -v b="$2" 'BEGIN { split(a, x, " "); split(b, y, " "); printf "%.0f%%", 100 * (1 - (y[1] - x[1]) / (y[2] - x[2])) }'; }

# CPU ticks so far of the servers and of PostgreSQL's processes (both long-lived through a run).
cpu_by_name() {
  cat /proc/[0-9]*/stat 2>/dev/null | awk '{ name = $2; gsub(/[()]/, "", name); ticks[name] += $14 + $15 }
    END { printf "%d %d\n", ticks["arrearsd"], ticks["postgres"] }'
}
ticks=$(getconf CLK_TCK)

# Samples the arrears database's active backends every 100 ms until told to stop; prints "waiting active locked samples"
# on its first line, then what the active ones were doing (on the CPU, or waiting on what; the statement), most first.
sample() {
  local until=$1
  while [ ! -e "$until" ]; do
    echo "SELECT 'S', count(*) FILTER (WHERE wait_event_type = 'Lock'), count(*) FROM pg_stat_activity WHERE datname = 'arrears' AND state = 'active' AND pid <> pg_backend_pid();"
    echo "SELECT 'W', coalesce(wait_event_type || ':' || wait_event, 'CPU'), regexp_replace(left(query, 50), '\\s+', ' ', 'g') FROM pg_stat_activity WHERE datname = 'arrears' AND state = 'active' AND pid <> pg_backend_pid();"
    sleep 0.1
  done | psql -d arrears | awk -F'|' '$1 == "S" { waiting += $2; active += $3; if ($2 > 0) locked++; samples++ }
    $1 == "W" { kinds[$2 " — " $3]++ }
    END { printf "%d %d %d %d\n", waiting, active, locked, samples; for (k in kinds) printf "%d\t%s\n", kinds[k], k }' |
    { read -r first; echo "$first"; sort -rn | head -8; }
}

# start_server PORT POOL: a server on PORT holding at most POOL connections to PostgreSQL.
start_server() {
  local port=$1 pool=$2
  ARREARS_SUBMISSIONS_PER_MINUTE=0 "$bin" serve --database "$database" --database-connections "$pool" --port "$port" --log-level error \
    > "$work/server-$port.log" 2>&1 &
  servers+=($!)
  until curl -sf -o /dev/null "http://127.0.0.1:$port/readyz"; do sleep 0.05; done
}

# load PORT... : wrk on each port with connections/ports each, at the same time; prints "rate p99_us" summed/maximal.
load() {
  local share=$(( connections / $# )) index=0 port
  for port in "$@"; do
    index=$(( index + 1 ))
    # Contract numbers and amounts unlike any earlier run's (the amount is taken modulo 40,000,000 fen), so no filing
    # is an earlier one's duplicate candidate: duplicate detection would then read those, and later runs cost more.
    BENCH_RUN="$(date +%s%N)-$port" BENCH_OFFSET=$(( (round * 4 + index) * 1000000 )) SME_TOKEN=$sme \
      wrk -t2 -c"$share" -d"${seconds}s" --timeout 10s -s "$BENCH_DIR/intake-distinct.lua" "http://127.0.0.1:$port/v1/complaints" \
      > "$work/wrk-$port.out" &
  done
  wait
  local rate=0 worst=0 line
  for port in "$@"; do
    line=$(grep '^BENCH ' "$work/wrk-$port.out")
    local requests duration_us p50 p99 p999 max non2xx socket_errors kv
    for kv in ${line#BENCH }; do local "${kv%%=*}=${kv#*=}"; done
    [ "$non2xx" = 0 ] && [ "$socket_errors" = 0 ] || { echo "port $port: $non2xx non-2xx, $socket_errors socket errors" >&2; exit 1; }
    rate=$(( rate + requests * 1000000 / duration_us ))
    [ "$p99" -gt "${worst:-0}" ] && worst=$p99
  done
  echo "$rate $worst"
}

round=0
measure() {
  local name=$1; shift
  round=$(( round + 1 ))
  rm -f "$work/stop"
  sample "$work/stop" > "$work/samples" &
  local sampler=$! before after result
  before=$(cpu_reading)
  local split_before split_after
  split_before=$(cpu_by_name)
  result=$(load "$@")
  split_after=$(cpu_by_name)
  after=$(cpu_reading)
  touch "$work/stop"
  wait $sampler
  read -r waiting active locked samples < <(head -1 "$work/samples")
  tail -n +2 "$work/samples" | sed "s/^/$name: /" >> "$work/waits"
  read -r rate p99 <<< "$result"
  local split
  split=$(awk -v a="$split_before" -v b="$split_after" -v t="$ticks" -v s="$seconds" -v n="$(nproc)" -v r="$rate" 'BEGIN {
    split(a, x, " "); split(b, y, " "); server = (y[1] - x[1]) / t; database = (y[2] - x[2]) / t
    printf "%.0f%% / %.0f%% (%.2f / %.2f ms a filing)", 100 * server / (s * n), 100 * database / (s * n), 1000 * server / (r * s), 1000 * database / (r * s) }')
  printf "| %s | %d | %s | %s | %s | %s | %s |\n" "$name" "$rate" "$(awk -v us="$p99" 'BEGIN { printf "%.0f ms", us / 1000 }')" \
    "$(awk -v w="$waiting" -v a="$active" 'BEGIN { printf "%.0f%%", a ? 100 * w / a : 0 }')" \
    "$(awk -v l="$locked" -v s="$samples" 'BEGIN { printf "%.0f%%", s ? 100 * l / s : 0 }')" "$(busy_share "$before" "$after")" "$split"
  eval "rate_$#=$rate"
}

echo "# PostgreSQL scaling, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "Machine: $(nproc) cores, $("$pgbin/postgres" --version | awk '{print $1, $3}') on the same cores, fsync and synchronous_commit on;" \
  "durable distinct filings with Idempotency-Keys from wrk ($connections connections in all), $seconds s per run."
echo
"$pgbin/pgbench" -h 127.0.0.1 -p $pgport -U postgres -i -s 10 -q pgbench > /dev/null 2>&1
pgbench_tps=$("$pgbin/pgbench" -h 127.0.0.1 -p $pgport -U postgres -c "$connections" -j 2 -T "$seconds" pgbench 2>/dev/null |
  sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' | cut -d. -f1)
echo "| run | filings/s | p99 | active backends waiting on a lock | samples with a lock wait | CPU busy | of it arrearsd / PostgreSQL |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
# The database gets the same number of connections in both runs (one pool of $pool, or two of half that) and starts
# empty in both.
fresh_database
start_server 18301 "$pool"
measure "one arrearsd ($pool connections to PostgreSQL)" 18301
kill "${servers[0]}"; wait "${servers[0]}" 2>/dev/null || true; servers=()
fresh_database
start_server 18301 $(( pool / 2 ))
start_server 18302 $(( pool / 2 ))
measure "two arrearsd, same database ($(( pool / 2 )) connections each)" 18301 18302
for pid in "${servers[@]}"; do kill "$pid"; wait "$pid" 2>/dev/null || true; done; servers=()
pg_one=$rate_1 pg_two=$rate_2
# The embedded default under the same load on the same machine in the same run: what PostgreSQL's path must not cost it.
database="$work/arrears.sqlite"
sme=$("$bin" account create --database "$database" --role sme --name "杭州示例建设有限公司" --credit-code 91330100716105852F 2>/dev/null)
start_server 18303 "$pool"
measure "one arrearsd on SQLite (the embedded default)" 18303
echo
if [ -s "$work/waits" ]; then
  echo "What the active backends were doing (samples; on the CPU or waiting, and on what; the statement):"
  echo
  sed 's/^/- /' "$work/waits"
  echo
fi
echo "pgbench TPC-B (scale 10, $connections clients) on the same cluster: $pgbench_tps tps." \
  "One server reaches $(awk -v r="$pg_one" -v t="$pgbench_tps" 'BEGIN { printf "%.1f%%", 100 * r / t }') of it;" \
  "two servers give $(awk -v two="$pg_two" -v one="$pg_one" 'BEGIN { printf "%.2f", two / one }')× one."
