#!/usr/bin/env bash
# Listing work off the request path: full rebuild with readers running, and a big sponsor's rename (issue #12).
# BENCH_SIZES="100000" for a quicker run. See docs/performance.md, "Listing off the request path".
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/build/env.sh"
export MIDWEST_PG_NAME=pg-bench
"$ROOT/build/pg.sh" start
[[ "${BENCH_NO_BUILD:-}" == 1 ]] || dotnet build "$ROOT/src/Host/MidwestSports.Host/MidwestSports.Host.csproj" -c Release -nologo -v q >/dev/null
cd "$ROOT/bench"
exec python3 "$ROOT/bench/listing_offpath_bench.py" "$@"
