#!/usr/bin/env bash
# Outside fuzzing: schemathesis (PyPI, in a venv) generates requests from Schemas/openapi.yaml for every operation and
# sends them, authenticated, to a real arrearsd on 127.0.0.1 with a fresh database. Fails on any 5xx, any response that
# breaks the contract (status, content type, headers, body schema), any schema-violating request accepted, or fewer than
# MIN_REQUESTS generated. Two checks are left out, on purpose: positive_data_acceptance (the contract cannot say which
# region codes exist, which dates are holidays, which channel an official may register — the server's 422s are right) and
# missing_required_header (a decision without If-Match is 428 Precondition Required, RFC 6585, not 400).
# Usage: bash .ci/schemathesis.sh ARREARSD [MAX_EXAMPLES] [MIN_REQUESTS]
set -euo pipefail
cd "$(dirname "$0")/.."
arrearsd=$(realpath "$1")
max_examples=${2:-110}
min_requests=${3:-5000}
venv=${ARREARS_SCHEMATHESIS_VENV:-/tmp/arrears-schemathesis-venv}
[ -x "$venv/bin/schemathesis" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet "schemathesis>=4,<5"; }
work=$(mktemp -d)
port=$(python3 -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
token=$("$arrearsd" account create --database "$work/fuzz.sqlite" --role intake --name 浙江省中小企业服务中心 --province 330000 2>/dev/null)
"$arrearsd" serve --database "$work/fuzz.sqlite" --port "$port" --submissions-per-minute 0 --log-level error >/dev/null 2>"$work/server.log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
until curl -s -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.05; done
status=0
"$venv/bin/schemathesis" run Schemas/openapi.yaml --url "http://127.0.0.1:$port" -H "Authorization: Bearer $token" \
  --max-examples "$max_examples" --seed 20261122 --checks all \
  --exclude-checks positive_data_acceptance,missing_required_header --no-color >"$work/report.txt" 2>&1 || status=$?
kill -0 $server 2>/dev/null || { echo "schemathesis: arrearsd died during the run"; cat "$work/server.log"; exit 1; }
generated=$(grep -oE '[0-9]+ generated' "$work/report.txt" | grep -oE '[0-9]+' | tail -1)
sed -n '/SUMMARY/,$p' "$work/report.txt"
if [ "$status" -ne 0 ]; then cat "$work/report.txt" | head -200; echo "schemathesis found failures"; exit 1; fi
if [ "${generated:-0}" -lt "$min_requests" ]; then echo "schemathesis generated ${generated:-0} requests, fewer than $min_requests"; exit 1; fi
echo "schemathesis: $generated generated requests, no failures"
