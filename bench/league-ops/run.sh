#!/usr/bin/env bash
# League operations benchmark (season scheduling + standings recompute). Prints a Markdown report and keeps a copy
# in results-latest.md next to this script. Builds only bench/league-ops (the domain sources are compiled by link).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDTERMINALLOGGER=off
dotnet run -c Release --project "$HERE/LeagueOpsBench.csproj" | tee "$HERE/results-latest.md"
