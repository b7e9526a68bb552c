#!/usr/bin/env bash
# Telemetry overhead on the public API (issue 12 item 5): the same build started with telemetry off, with the default
# (metrics, Prometheus endpoint), and with traces too (100% sampled, OTLP exporter pointed at a closed loopback port, so
# every span is built, batched and serialized). wrk on cached public answers and on 304 revalidation; rounds interleave
# the three set-ups, each round on a freshly started app. Besides req/s it reports the app's own CPU time per request
# (from /proc), which a busy shared machine disturbs far less than throughput. Prints a markdown table.
#   BENCH_RUNS (default 3) rounds, BENCH_SECONDS (default 5) per endpoint and round, BENCH_PORT (default 5191).
# The database telemetry_bench is dropped and recreated on every run (Development demo data: 4 cities, 2,500 teams).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/build/env.sh"
if ! command -v wrk >/dev/null; then
  [[ $(id -u) -eq 0 ]] && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq wrk >/dev/null \
    || { echo "wrk is required (apt-get install wrk)" >&2; exit 1; }
fi
export MIDWEST_PG_NAME="${MIDWEST_PG_NAME:-pg-telemetrybench}"
"$ROOT/build/pg.sh" start
[[ -n "${BENCH_NO_BUILD:-}" ]] || dotnet build "$ROOT/src/Host/MidwestSports.Host/MidwestSports.Host.csproj" -c Release -nologo -v q >/dev/null
exec python3 "$ROOT/bench/telemetry/telemetry_bench.py" "$ROOT" "$("$ROOT/build/pg.sh" url postgres)"
