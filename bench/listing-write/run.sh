#!/usr/bin/env bash
# The listing's write cost with the quick-search text of ADR 0024 against the one before it, side by side: two empty
# copies of teams.team_listing with all 15 indexes, one with the old generated `search` (all six names) and one with
# the new (team and captain), each loaded with the same 100,000 rows, interleaved; then each trigram index built on the
# whole listing. Needs the database bench/import/run.sh leaves (import_bench, 100,000+ teams). Prints seconds per run.
#   bench/listing-write/run.sh            BENCH_RUNS (default 3)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/build/env.sh"
export MIDWEST_PG_NAME=pg-importbench
"$ROOT/build/pg.sh" start >/dev/null
source "$ROOT/.local/pg-importbench.env"
export PGPASSWORD="$PG_APP_PASSWORD"
P=(psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_APP_USER" import_bench -qAt -v ON_ERROR_STOP=1)
OLD="lower(name::text || ' ' || coalesce(sponsor_name, '')::text || ' ' || league_name::text || ' ' || captain_name::text || ' ' || city_name::text || ' ' || sport::text)"
NEW="lower(name::text || ' ' || captain_name::text)"
COLS="team_id, name, league_id, league_name, city_id, city_name, sport, season, season_sort, sponsor_id, sponsor_name, captain_name, created_at, league_version, city_version, sponsor_version"
"${P[@]}" <<SQL
DROP TABLE IF EXISTS teams.ab_old, teams.ab_new;
CREATE TABLE teams.ab_old (LIKE teams.team_listing INCLUDING DEFAULTS INCLUDING STORAGE);
CREATE TABLE teams.ab_new (LIKE teams.team_listing INCLUDING DEFAULTS INCLUDING STORAGE);
ALTER TABLE teams.ab_old DROP COLUMN search; ALTER TABLE teams.ab_new DROP COLUMN search;
ALTER TABLE teams.ab_old ADD COLUMN search text NOT NULL GENERATED ALWAYS AS ($OLD) STORED;
ALTER TABLE teams.ab_new ADD COLUMN search text NOT NULL GENERATED ALWAYS AS ($NEW) STORED;
SQL
for t in ab_old ab_new; do
  # The listing's own index definitions, on the copy (the city-first one INCLUDEs what the quick search reads).
  "${P[@]}" -c "SELECT replace(replace(indexdef, 'INDEX ' || indexname || ' ON teams.team_listing', 'INDEX ON teams.$t'), 'INCLUDE (search, sponsor_id, league_id)', 'INCLUDE (search)') FROM pg_indexes WHERE schemaname = 'teams' AND tablename = 'team_listing'" \
    | while read -r ddl; do "${P[@]}" -c "$ddl"; done
done
echo "load of 100,000 rows, seconds (run, old, new):"
for run in $(seq 1 "${BENCH_RUNS:-3}"); do
  line="$run"
  for t in ab_old ab_new; do
    "${P[@]}" -c "TRUNCATE teams.$t" -c "CHECKPOINT"
    start=$(date +%s.%N); "${P[@]}" -c "INSERT INTO teams.$t ($COLS) SELECT $COLS FROM teams.team_listing LIMIT 100000"; end=$(date +%s.%N)
    line="$line $(echo "$end - $start" | bc)"
  done
  echo "$line"
done
echo "trigram index built on every listing row, seconds (old, new):"
"${P[@]}" -c "TRUNCATE teams.ab_old, teams.ab_new" -c "DROP INDEX IF EXISTS teams.ab_old_search_idx, teams.ab_new_search_idx"
for t in ab_old ab_new; do "${P[@]}" -c "INSERT INTO teams.$t ($COLS) SELECT $COLS FROM teams.team_listing"; done
line=""
for t in ab_old ab_new; do
  start=$(date +%s.%N); "${P[@]}" -c "SET maintenance_work_mem = '256MB'" -c "CREATE INDEX ab_gin_$t ON teams.$t USING gin (search public.gin_trgm_ops)"; end=$(date +%s.%N)
  line="$line $(echo "$end - $start" | bc)"
done
echo "$line"
"${P[@]}" -c "DROP TABLE teams.ab_old, teams.ab_new"
