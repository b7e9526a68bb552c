#!/usr/bin/env bash
# Public API benchmark (issue 10): cached public standings and games vs the admin API's standings (wrk, 64 connections),
# 304 revalidation, uncached time of every public endpoint at 2,500 and 100,000 teams, and the time from a result's
# commit to the new standings served. Starts the app on its own PostgreSQL cluster and database; prints markdown tables.
#   bench/public-api/run.sh                          this tree
#   BENCH_APP=/tmp/other bench/public-api/run.sh     another checkout's build, same cluster
# BENCH_RUNS (default 3) interleaved wrk rounds, BENCH_SECONDS (default 5) per endpoint and round, BENCH_UNCACHED
# (default 200) requests per endpoint, BENCH_RESULTS (default 20) results, BENCH_BIG_TEAMS (default 100000),
# BENCH_PORT (default 5189). The database public_bench is dropped and recreated on every run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/build/env.sh"
if ! command -v wrk >/dev/null; then
  [[ $(id -u) -eq 0 ]] && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq wrk >/dev/null \
    || { echo "wrk is required (apt-get install wrk)" >&2; exit 1; }
fi
export MIDWEST_PG_NAME="${MIDWEST_PG_NAME:-pg-publicbench}"
"$ROOT/build/pg.sh" start
APP="${BENCH_APP:-$ROOT}"
dotnet build "$APP/src/Host/MidwestSports.Host/MidwestSports.Host.csproj" -c Release -nologo -v q >/dev/null
exec python3 "$ROOT/bench/public-api/public_bench.py" "$APP" "$("$ROOT/build/pg.sh" url postgres)"
