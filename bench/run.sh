#!/usr/bin/env bash
# Team-listing benchmark: seeds 2,500, 100,000 and 1,000,000 teams (override: BENCH_SIZES="2500 100000")
# and prints, side by side, the listing against the join it replaces. See docs/performance.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/build/env.sh"
if ! command -v wrk >/dev/null; then
  [[ $(id -u) -eq 0 ]] && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq wrk >/dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 1; }
fi
export MIDWEST_PG_NAME=pg-bench
"$ROOT/build/pg.sh" start
dotnet build "$ROOT/src/Host/MidwestSports.Host/MidwestSports.Host.csproj" -c Release -nologo -v q >/dev/null
exec python3 "$ROOT/bench/listing_bench.py" "$@"
