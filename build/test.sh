#!/usr/bin/env bash
# Runs every test of the solution against real parts: PostgreSQL and Debian's Chromium.
#   MIDWEST_TEST_PG set -> tests create their databases on that server
#   otherwise           -> Testcontainers where a Docker engine answers, else the project-local cluster (build/pg.sh)
# Installs what is missing (postgresql, chromium) when run as root. Results: TestResults/ (TRX, screenshots).
# Ends with one line: "N passed, N failed, N skipped".
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/build/env.sh"
cd "$ROOT"

if ! command -v chromium >/dev/null 2>&1; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the browser tests..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=600 update -qq || true
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq chromium >/dev/null
  else
    echo "chromium is missing and cannot be installed (not root): browser tests will fail." >&2
  fi
fi

if [[ -z "${MIDWEST_TEST_PG:-}" ]]; then
  # Start the local cluster up front (fast settings: test data is disposable) so every test assembly shares it.
  export MIDWEST_PG_NAME=pg-test MIDWEST_PG_FAST=1
  "$ROOT/build/pg.sh" start
  export MIDWEST_TEST_PG="$("$ROOT/build/pg.sh" url postgres)"
  echo "PostgreSQL for tests: $("$ROOT/build/pg.sh" status)"
fi
export MIDWEST_CHROMIUM="${MIDWEST_CHROMIUM:-$(command -v chromium || echo /usr/bin/chromium)}"

RESULTS="$ROOT/TestResults"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

set +e
dotnet test "$ROOT/MidwestSports.sln" -c Release --nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$RESULTS" "$@"
status=$?
set -e

summary="$(python3 "$ROOT/build/trx-summary.py" "$RESULTS")" || { echo "$summary"; echo "No test results were found in $RESULTS." >&2; exit 1; }
echo
echo "$summary"
if [[ $status -ne 0 ]]; then exit $status; fi
