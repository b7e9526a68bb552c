#!/usr/bin/env bash
# Runs the Midwest Sports platform.
#   ConnectionStrings__Postgres set  -> uses that server
#   otherwise                        -> starts the project-local PostgreSQL (build/pg.sh), installing it if missing
# Migrations are applied at startup. URL: $ASPNETCORE_URLS (default http://127.0.0.1:5080).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/build/env.sh"

if [[ -z "${ConnectionStrings__Postgres:-}" ]]; then
  "$ROOT/build/pg.sh" start
  export ConnectionStrings__Postgres="$("$ROOT/build/pg.sh" url midwest)"
  echo "PostgreSQL: project-local cluster ($("$ROOT/build/pg.sh" status))"
fi

export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:5080}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export DOTNET_ENVIRONMENT="$ASPNETCORE_ENVIRONMENT"

echo "Building the app (the first build restores packages and takes a few minutes; each project is listed when built)..."
dotnet build "$ROOT/src/Host/MidwestSports.Host/MidwestSports.Host.csproj" -c Release -nologo -v m -clp:NoSummary \
  | grep --line-buffered -E " -> |error|warn" | sed -u 's/^ *\([^ ]*\) -> .*/  built \1/'
echo
cd "$ROOT/src/Host/MidwestSports.Host"
if [[ $# -gt 0 && "$1" != "run" ]]; then
  exec dotnet "bin/Release/net10.0/MidwestSports.Host.dll" "$@"
fi

banner() {
  echo
  echo "Midwest Sports is ready at $ASPNETCORE_URLS  (health: $ASPNETCORE_URLS/health/ready, API docs: $ASPNETCORE_URLS/scalar, jobs: $ASPNETCORE_URLS/jobs)"
  if [[ "$ASPNETCORE_ENVIRONMENT" == "Development" ]]; then
    echo "Sign in with a demo user (password: ${MIDWEST_DEMO_PASSWORD:-Midwest-Demo-1}):"
    echo "  admin@example.org            SystemAdmin, all cities"
    echo "  milwaukee.admin@example.org  CityAdmin, Milwaukee"
    echo "  chicago.admin@example.org    CityAdmin, Chicago"
    echo "  madison.viewer@example.org   CityViewer, Madison (read-only)"
    echo "API token: curl -s -X POST $ASPNETCORE_URLS/api/auth/login -H 'content-type: application/json' -d '{\"email\":\"admin@example.org\",\"password\":\"...\"}'"
  else
    echo "Create the first system admin with: build/run.sh create-admin --email you@example.org --password '...'"
  fi
  echo
}

echo "Starting (migrations, then the demo data on a first start in Development)..."
dotnet "bin/Release/net10.0/MidwestSports.Host.dll" "$@" &
app=$!
trap 'kill -TERM $app 2>/dev/null; wait $app' INT TERM
# "Ready at" once the app answers its liveness check (the demo seed runs before it listens).
url="${ASPNETCORE_URLS%%;*}"
command -v curl >/dev/null 2>&1 || { banner; echo "(curl is missing: the app may still be starting)"; }
for _ in $(seq 1 900); do
  command -v curl >/dev/null 2>&1 || break
  if ! kill -0 $app 2>/dev/null; then break; fi
  if curl -fsS -o /dev/null "$url/health/live" 2>/dev/null; then banner; break; fi
  sleep 1
done
wait $app
