#!/usr/bin/env bash
# Where a 100,000-row import analysis allocates (issue 11's memory goal): runs bench/import/run.sh once (one fresh
# database, BENCH_ROWS "10000 100000"), traces the app's GC allocation ticks with their stacks for BENCH_TRACE_SECONDS
# (default 16) from the moment the 100,000-row upload starts, and prints the sample by type, by the app's first frame
# and by stack (bench/import/alloc-sample). Needs dotnet-trace (dotnet tool install -g dotnet-trace).
#   bench/import/alloc.sh [name]      trace in /tmp/import-alloc-<name>.nettrace, report on stdout
# BENCH_APP and BENCH_NO_BUILD pass through to run.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/build/env.sh"
export PATH="$PATH:$HOME/.dotnet/tools"
NAME="${1:-latest}"
TRACE="/tmp/import-alloc-$NAME.nettrace"
LOG="/tmp/import-alloc-$NAME.log"
command -v dotnet-trace >/dev/null || { echo "dotnet-trace not found: dotnet tool install -g dotnet-trace" >&2; exit 1; }
dotnet build "$ROOT/bench/import/alloc-sample/AllocSample.csproj" -c Release -nologo -v q >/dev/null
BENCH_RUNS=1 BENCH_ROWS="10000 100000" "$ROOT/bench/import/run.sh" >"$LOG" 2>&1 &
bench=$!
until grep -q "^\[.*\] 100,000 rows" "$LOG" 2>/dev/null; do
  kill -0 "$bench" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
  sleep 0.2
done
pid="$(pgrep -f "MidwestSports.Host.dll" | head -1)"
# GC events at verbose level (allocation ticks), and the JIT/loader events that name the methods of their stacks.
timeout "${BENCH_TRACE_SECONDS:-16}" dotnet-trace collect -p "$pid" -o "$TRACE" \
  --providers "Microsoft-Windows-DotNETRuntime:0x1:5,Microsoft-Windows-DotNETRuntime:0x18:4" >/dev/null 2>&1 || true
wait "$bench"
grep -E "analysis|memory" "$LOG" | grep -v "^|" || true
dotnet "$ROOT/bench/import/alloc-sample/bin/Release/net10.0/AllocSample.dll" "$TRACE" "${BENCH_TOP:-25}"
