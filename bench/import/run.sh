#!/usr/bin/env bash
# Data import benchmark (issue 11): a teams CSV of 100,000 rows (and one of 10,000) against 150 leagues and 600 sponsors
# referenced by name; analysis time, the commit's drift re-check, commit to Committed, the listing caught up, rows/s end to
# end, peak memory growth of the app, and a re-run of the same file. Starts the app on its own PostgreSQL cluster and
# database (dropped and recreated every run); prints markdown tables.
#   bench/import/run.sh                          this tree
#   BENCH_APP=/tmp/other bench/import/run.sh     another checkout's build, same cluster
# BENCH_RUNS (default 3) fresh databases in a row, BENCH_ROWS (default "10000 100000"), BENCH_PORT (default 5191).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/build/env.sh"
export MIDWEST_PG_NAME="${MIDWEST_PG_NAME:-pg-importbench}"
"$ROOT/build/pg.sh" start
APP="${BENCH_APP:-$ROOT}"
[[ "${BENCH_NO_BUILD:-0}" == "1" ]] || dotnet build "$APP/src/Host/MidwestSports.Host/MidwestSports.Host.csproj" -c Release -nologo -v q >/dev/null
exec python3 "$ROOT/bench/import/import_bench.py" "$APP" "$("$ROOT/build/pg.sh" url postgres)"
