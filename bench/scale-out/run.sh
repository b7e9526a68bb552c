#!/usr/bin/env bash
# Two hosts versus one (issue 12's benchmark): two Host processes on one database behind nginx (round robin), against
# the same nginx in front of one of them, with wrk on the same machine: the team listing API (Milwaukee admin, bearer)
# and the admin Teams page (signed-in cookie). Interleaved rounds; prints medians of req/s and p50, errors, and how
# nginx spread the two-host requests. On 2 cores no gain is expected: the figures are for "no loss, no error".
#   bench/scale-out/run.sh     this tree (BENCH_NO_BUILD=1 skips the build)
# BENCH_RUNS (default 5) rounds, BENCH_SECONDS (default 5) per endpoint and round, BENCH_PORT (default 5210: nginx one
# host; +10 nginx two hosts; +1, +2 the hosts).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/build/env.sh"
for tool in wrk nginx; do
  if ! command -v "$tool" >/dev/null; then
    [[ $(id -u) -eq 0 ]] && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "$tool" >/dev/null \
      || { echo "$tool is required (apt-get install $tool)" >&2; exit 1; }
  fi
done
export MIDWEST_PG_NAME=pg-scalebench
"$ROOT/build/pg.sh" start
[[ "${BENCH_NO_BUILD:-0}" == "1" ]] || dotnet build "$ROOT/src/Host/MidwestSports.Host/MidwestSports.Host.csproj" -c Release -nologo -v q >/dev/null
exec python3 "$ROOT/bench/scale-out/two_hosts_bench.py" "$ROOT" "$("$ROOT/build/pg.sh" url scale_out)"
