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

dotnet build "$ROOT/src/Host/MidwestSports.Host/MidwestSports.Host.csproj" -c Release -nologo -v q
echo
echo "Midwest Sports is starting at $ASPNETCORE_URLS  (health: $ASPNETCORE_URLS/health/ready, API docs: $ASPNETCORE_URLS/scalar, jobs: $ASPNETCORE_URLS/jobs)"
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
cd "$ROOT/src/Host/MidwestSports.Host"
exec dotnet "bin/Release/net10.0/MidwestSports.Host.dll" "$@"
