#!/usr/bin/env bash
# Request-path benchmark (issue 8, part 6): wrk 2 threads x 32 connections against /health/live (without and with a
# bearer token), /api/cities (system admin) and /api/teams?sort=sponsorName (Milwaukee admin), each beside a bare endpoint
# in the same process that runs the same SQL on Npgsql (prepared) and writes the same JSON. Prints medians and ratios.
#   bench/request-path/run.sh                 this tree
#   BENCH_APP=/tmp/before bench/request-path/run.sh   another checkout's build (e.g. the branch start), same database
# BENCH_RUNS (default 5) rounds, BENCH_SECONDS (default 5) per endpoint and round, BENCH_PORT (default 5187).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/build/env.sh"
if ! command -v wrk >/dev/null; then
  [[ $(id -u) -eq 0 ]] && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq wrk >/dev/null \
    || { echo "wrk is required (apt-get install wrk)" >&2; exit 1; }
fi
export MIDWEST_PG_NAME=pg-reqbench
"$ROOT/build/pg.sh" start
APP="${BENCH_APP:-$ROOT}"
dotnet build "$APP/src/Host/MidwestSports.Host/MidwestSports.Host.csproj" -c Release -nologo -v q >/dev/null
exec python3 "$ROOT/bench/request-path/request_bench.py" "$APP" "$("$ROOT/build/pg.sh" url request_path)"
