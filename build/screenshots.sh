#!/usr/bin/env bash
# Refreshes docs/screenshots/pages (every admin page at 1440 and 390 px) and measures the time to interactive of the home,
# teams and season pages (median of 10 loads), printing a markdown table.
#   build/screenshots.sh              build, start a fresh demo app on its own PostgreSQL cluster, tour it, stop it
#   build/screenshots.sh --no-build   use the Release binaries already built
# Uses Debian's chromium (MIDWEST_CHROMIUM, default: chromium on PATH); never downloads a browser.
# The table also goes to TestResults/tour/performance.md, with the date, the machine load and this command.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/build/env.sh"
cd "$ROOT"

if [[ "${1:-}" != "--no-build" ]]; then
  echo "Building the app and the tour..."
  dotnet build tests/MidwestSports.Browser.Tests/MidwestSports.Browser.Tests.csproj -c Release -nologo -v q
fi
export MIDWEST_CHROMIUM="${MIDWEST_CHROMIUM:-$(command -v chromium || echo /usr/bin/chromium)}"
[[ -x "$MIDWEST_CHROMIUM" ]] || { echo "Debian's chromium is missing (apt-get install chromium): nothing is downloaded." >&2; exit 1; }

# A cluster of its own, new every run: the demo seed runs on a database without cities, so every run sees the same data.
export MIDWEST_PG_NAME=pg-tour MIDWEST_PG_FAST=1
"$ROOT/build/pg.sh" stop
if [[ -f "$ROOT/.local/pg-tour.dir" ]]; then rm -rf "$(cat "$ROOT/.local/pg-tour.dir")"; fi
rm -rf "$ROOT/.local/pg-tour" "$ROOT/.local/pg-tour.dir" "$ROOT/.local/pg-tour.env"
"$ROOT/build/pg.sh" start
export ConnectionStrings__Postgres="$("$ROOT/build/pg.sh" url midwest)"

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
url="http://127.0.0.1:$port"
out="$ROOT/TestResults/tour"
mkdir -p "$out"
echo "Starting the demo app at $url (first start seeds the demo data; its log: $out/app.log)..."
(cd src/Host/MidwestSports.Host && ASPNETCORE_URLS="$url" ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development \
  exec dotnet bin/Release/net10.0/MidwestSports.Host.dll) >"$out/app.log" 2>&1 &
app=$!
cleanup() { kill -TERM "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; "$ROOT/build/pg.sh" stop; }
trap cleanup EXIT
for _ in $(seq 1 900); do
  kill -0 "$app" 2>/dev/null || { echo "The app stopped; see $out/app.log" >&2; tail -20 "$out/app.log" >&2; exit 1; }
  curl -fsS -o /dev/null "$url/health/ready" 2>/dev/null && break
  sleep 1
done

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
MIDWEST_TOUR_URL="$url" MIDWEST_TOUR_OUT="$ROOT/docs/screenshots/pages" MIDWEST_TOUR_REPORT="$out/table.md" \
  dotnet test tests/MidwestSports.Browser.Tests/MidwestSports.Browser.Tests.csproj -c Release --no-build --nologo \
  --filter "FullyQualifiedName~MidwestSports.AdminTour" --logger "console;verbosity=minimal" --results-directory "$out"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, load average (1/5/15 min) $load_before before and $load_after after;"
  echo "command: \`build/screenshots.sh\`."
  echo
  cat "$out/table.md"
} >"$out/performance.md"
echo
cat "$out/performance.md"
echo "Screenshots: docs/screenshots/pages ($(ls docs/screenshots/pages/*.png | wc -l) files)."
