#!/usr/bin/env bash
# A project-local PostgreSQL cluster for run.sh and test.sh.
#   build/pg.sh start   start it (initialising it the first time), print nothing but errors
#   build/pg.sh url     print the Npgsql connection string of database ${2:-midwest}
#   build/pg.sh stop    stop it
#   build/pg.sh status
# MIDWEST_PG_NAME names the cluster (default "pg"; the tests use "pg-test", with MIDWEST_PG_FAST=1 for fsync off).
# MIDWEST_PG_OPTIONS adds server options when it starts (e.g. "-c shared_buffers=1GB").
# Data lives under .local/<name> in the repository (git-ignored) when the postgres OS user can reach it,
# else under /tmp/midwest-pg-<hash of the repository path>. Installs Debian's postgresql when missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL="$ROOT/.local"
NAME="${MIDWEST_PG_NAME:-pg}"
mkdir -p "$LOCAL"

find_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [[ -x "$d/initdb" ]] && { echo "$d"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

PGBIN="$(find_bin || true)"
if [[ -z "$PGBIN" ]]; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "PostgreSQL server binaries not found; installing Debian's postgresql..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=600 update -qq >&2 || true
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq postgresql >&2
    # Debian's package starts its own cluster on 5432; ours is separate and needs none of it.
    PGBIN="$(find_bin)"
  else
    echo "PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin and PATH). Install postgresql, or set ConnectionStrings__Postgres." >&2
    exit 1
  fi
fi

# Run server commands as a non-root user: initdb refuses root.
if [[ $(id -u) -eq 0 ]]; then
  PGUSER_OS=postgres
  id "$PGUSER_OS" >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql --shell /bin/bash postgres
  as_pg() { runuser -u "$PGUSER_OS" -- "$@"; }
else
  PGUSER_OS="$(id -un)"
  as_pg() { "$@"; }
fi

# Where the data goes: inside the repository if the server's user can reach it.
if [[ -f "$LOCAL/$NAME.dir" ]]; then
  BASE="$(cat "$LOCAL/$NAME.dir")"
else
  BASE="$LOCAL/$NAME"
  mkdir -p "$BASE"
  if [[ $(id -u) -eq 0 ]]; then
    chown "$PGUSER_OS" "$BASE"
    if ! as_pg test -w "$BASE"; then
      BASE="/tmp/midwest-$NAME-$(echo -n "$ROOT" | md5sum | cut -c1-10)"
      mkdir -p "$BASE" && chown "$PGUSER_OS" "$BASE"
    fi
  fi
  echo "$BASE" > "$LOCAL/$NAME.dir"
fi
mkdir -p "$BASE"
[[ $(id -u) -eq 0 ]] && chown "$PGUSER_OS" "$BASE"
DATA="$BASE/data"
SOCK="$BASE/run"
LOG="$BASE/server.log"
SECRETS="$LOCAL/$NAME.env"

free_port() {
  python3 - <<'PY' 2>/dev/null || echo $((20000 + RANDOM % 20000))
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

init_cluster() {
  local superpw apppw port
  superpw="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)"
  apppw="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)"
  port="$(free_port)"
  as_pg mkdir -p "$DATA" "$SOCK"
  local pwfile; pwfile="$(mktemp)"; echo "$superpw" > "$pwfile"; chmod 644 "$pwfile"
  as_pg "$PGBIN/initdb" -D "$DATA" -E UTF8 --locale=C.UTF-8 -U postgres \
    --auth-local=trust --auth-host=scram-sha-256 --pwfile="$pwfile" >"$LOCAL/$NAME-initdb.log" 2>&1 \
    || { rm -f "$pwfile"; cat "$LOCAL/$NAME-initdb.log" >&2; exit 1; }
  rm -f "$pwfile"
  cat > "$SECRETS" <<ENV
PG_PORT=$port
PG_SUPER_PASSWORD=$superpw
PG_APP_USER=midwest
PG_APP_PASSWORD=$apppw
ENV
  chmod 600 "$SECRETS"
  FIRST_START=1
}

is_running() { as_pg "$PGBIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

start() {
  FIRST_START=0
  [[ -f "$DATA/PG_VERSION" && -f "$SECRETS" ]] || { rm -rf "$DATA"; init_cluster; }
  # shellcheck disable=SC1090
  source "$SECRETS"
  if ! is_running; then
    # A port taken by something else since the last run: pick another.
    if (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; then
      PG_PORT="$(free_port)"
      sed -i "s/^PG_PORT=.*/PG_PORT=$PG_PORT/" "$SECRETS"
    fi
    local extra=""
    [[ "${MIDWEST_PG_FAST:-0}" == "1" ]] && extra="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    extra="$extra ${MIDWEST_PG_OPTIONS:-}"
    as_pg "$PGBIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $SOCK -c max_connections=200 $extra" >/dev/null \
      || { tail -20 "$LOG" >&2; exit 1; }
  fi
  if [[ $FIRST_START == 1 ]]; then
    as_pg "$PGBIN/psql" -h "$SOCK" -p "$PG_PORT" -U postgres -d postgres -qAt -v ON_ERROR_STOP=1 >/dev/null <<SQL
CREATE ROLE $PG_APP_USER LOGIN CREATEDB PASSWORD '$PG_APP_PASSWORD';
CREATE DATABASE midwest OWNER $PG_APP_USER;
SQL
  fi
}

url() {
  # shellcheck disable=SC1090
  source "$SECRETS"
  echo "Host=127.0.0.1;Port=$PG_PORT;Database=${1:-midwest};Username=$PG_APP_USER;Password=$PG_APP_PASSWORD"
}

case "${1:-start}" in
  start) start ;;
  url) start; url "${2:-midwest}" ;;
  stop) is_running && as_pg "$PGBIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null || true ;;
  status) is_running && { source "$SECRETS"; echo "running on 127.0.0.1:$PG_PORT, data in $DATA"; } || { echo "stopped"; exit 3; } ;;
  *) echo "usage: build/pg.sh start|url [db]|stop|status" >&2; exit 2 ;;
esac
