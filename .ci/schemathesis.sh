#!/usr/bin/env bash
# Outside fuzzing: schemathesis (PyPI, in a venv) against a real arrearsd with real complaints, once per role over the
# operations that role may call; .ci/schemathesis.py says how, and which two checks are left out and why.
# Usage: bash .ci/schemathesis.sh ARREARSD [MAX_EXAMPLES] [MIN_REQUESTS]
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${ARREARS_SCHEMATHESIS_VENV:-/tmp/arrears-schemathesis-venv}
[ -x "$venv/bin/schemathesis" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet "schemathesis>=4.32,<5"; }
python3 .ci/schemathesis.py "$(realpath "$1")" "$venv" "${2:-25}" "${3:-5000}"
