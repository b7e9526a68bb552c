#!/usr/bin/env bash
# A streaming read replica of a project-local cluster (build/pg.sh), for trying and testing the read-replica routing.
#   build/pg-replica.sh start   pg_basebackup -R from the cluster into a fresh directory, start it, print its connection
#                               string (the app's user) and a superuser's over its socket (to pause replay in tests)
#   build/pg-replica.sh stop    stop it and remove its directory
# MIDWEST_PG_NAME names the primary cluster (default "pg"; the tests use "pg-test"). The replica is "<name>-replica".
# It replays the primary's WAL continuously (hot standby): read-only, a fraction of a second behind on a quiet machine.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL="$ROOT/.local"
NAME="${MIDWEST_PG_NAME:-pg}"
PRIMARY_BASE="$(cat "$LOCAL/$NAME.dir" 2>/dev/null || true)"
[[ -n "$PRIMARY_BASE" && -f "$LOCAL/$NAME.env" ]] || { echo "The cluster '$NAME' does not exist yet: run MIDWEST_PG_NAME=$NAME build/pg.sh start first." >&2; exit 1; }
# shellcheck disable=SC1090
source "$LOCAL/$NAME.env"
PGBIN="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | head -1)")"
BASE="/tmp/midwest-$NAME-replica-$(echo -n "$ROOT" | md5sum | cut -c1-10)"
if [[ $(id -u) -eq 0 ]]; then as_pg() { runuser -u postgres -- "$@"; }; else as_pg() { "$@"; }; fi

stop() {
  if [[ -f "$BASE/data/postmaster.pid" ]]; then as_pg "$PGBIN/pg_ctl" -D "$BASE/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$BASE"
}

start() {
  stop
  mkdir -p "$BASE/run" && [[ $(id -u) -eq 0 ]] && chown -R postgres "$BASE"
  # The superuser over the primary's socket (trust): replication needs a role with REPLICATION.
  as_pg "$PGBIN/pg_basebackup" -h "$PRIMARY_BASE/run" -p "$PG_PORT" -U postgres -D "$BASE/data" -R -X stream -c fast >"$BASE/basebackup.log" 2>&1 \
    || { cat "$BASE/basebackup.log" >&2; exit 1; }
  local port
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  as_pg "$PGBIN/pg_ctl" -D "$BASE/data" -l "$BASE/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $BASE/run -c hot_standby=on -c fsync=off -c max_connections=200" >/dev/null \
    || { tail -20 "$BASE/server.log" >&2; exit 1; }
  echo "Host=127.0.0.1;Port=$port;Username=$PG_APP_USER;Password=$PG_APP_PASSWORD"
  echo "Host=$BASE/run;Port=$port;Username=postgres"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: build/pg-replica.sh start|stop" >&2; exit 2 ;;
esac
