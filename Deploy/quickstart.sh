#!/usr/bin/env bash
# Installs what a fresh Debian machine with the Swift toolchain lacks, builds arrearsd and arrearsctl
# (release), and serves the API on 127.0.0.1:8080 with the embedded SQLite default (./arrears.sqlite).
# Settings: ARREARS_HOST, ARREARS_PORT, ARREARS_DATABASE, ARREARS_LOG_LEVEL (docs/operations.md "Configuration").
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libsqlite3-dev libssl-dev zlib1g-dev)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

echo "building arrearsd and arrearsctl (release; the first build takes a while)"
swift build -c release --product arrearsd
swift build -c release --product arrearsctl
bin="$(swift build -c release --show-bin-path)"
echo "binaries: $bin/arrearsd $bin/arrearsctl"
exec "$bin/arrearsd" serve "$@"
