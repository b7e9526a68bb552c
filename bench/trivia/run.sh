#!/usr/bin/env bash
# Trivia benchmark (issue 9): a full sync of 1,000 nights x 12 teams from a local stub partner, the same sync again
# with nothing changed, and a 60-team league's standings read after one corrected night. Prints a Markdown report
# (medians) and keeps a copy in results-latest.md next to this script.
#   bench/trivia/run.sh            BENCH_RUNS (default 5) timed runs per measurement after one warm-up
# Its own PostgreSQL cluster (MIDWEST_PG_NAME=pg-trivia-bench, fsync on, default settings), database trivia_bench,
# dropped and created anew by every run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/trivia"
source "$ROOT/build/env.sh"
export MIDWEST_PG_NAME=pg-trivia-bench
"$ROOT/build/pg.sh" start
URL="$("$ROOT/build/pg.sh" url trivia_bench)"
dotnet build "$HERE/TriviaBench.csproj" -c Release -nologo -v q >/dev/null
dotnet "$HERE/bin/Release/net10.0/TriviaBench.dll" "$URL" | tee "$HERE/results-latest.md"
