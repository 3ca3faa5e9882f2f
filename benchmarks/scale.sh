#!/usr/bin/env bash
# The issue-12 load test: generates (once) a synthetic dataset of 2,000 companies, 100,000 events and 20,000
# investments, starts the Release web app on it (127.0.0.1), and runs wrk (32 connections, 20 s) against each
# target, printing p50/p95/p99, req/s and errors per request. Then times the same SQL in the database's own CLI
# (sqlite3, or psql) on the same data. PROVIDER=sqlite (default) uses the file DB; PROVIDER=postgres starts Debian's
# PostgreSQL if needed and uses the database PG_DB (generated into once; REGENERATE=1 makes it again).
# Needs dotnet; installs wrk, sqlite3, curl (and postgresql) from Debian when missing.
#   benchmarks/scale.sh                      # everything, defaults as in docs/benchmarks.md
#   PROVIDER=postgres benchmarks/scale.sh    # the same targets on PostgreSQL
#   DB=/tmp/x.db EVENTS=20000 DURATION=5s benchmarks/scale.sh
#   ONLY=api benchmarks/scale.sh            # only the /api/events targets (also: facets, pages, sql)
#   WARMUP=0 benchmarks/scale.sh            # each target is measured after 10 s of the same load (WARMUP); 0 measures a cold process
set -euo pipefail
source "$(dirname "$0")/lib.sh"
PROVIDER="${PROVIDER:-sqlite}"
DB="${DB:-/tmp/industrytracker-bench/scale.db}"; PG_DB="${PG_DB:-industrytracker_scale}"
COMPANIES="${COMPANIES:-2000}"; EVENTS="${EVENTS:-100000}"; INVESTMENTS="${INVESTMENTS:-20000}"; SEED="${SEED:-42}"
DURATION="${DURATION:-20s}"; CONNECTIONS="${CONNECTIONS:-32}"; THREADS="${THREADS:-2}"; PORT="${PORT:-5391}"
WORD="${WORD:-lidar}"               # a topic word in about 1% of the generated titles
ONLY="${ONLY:-all}"
export DURATION CONNECTIONS THREADS
need curl curl; need wrk wrk
build_release

generate() { dotnet "$CLI" generate --db "$1" --companies "$COMPANIES" --events "$EVENTS" --investments "$INVESTMENTS" --seed "$SEED"; }
case "$PROVIDER" in
  sqlite)
    need sqlite3 sqlite3
    mkdir -p "$(dirname "$DB")"
    [ -f "$DB" ] || generate "$DB"
    sql() { sqlite3 "$DB" "$1"; }
    app_env=("ConnectionStrings__IndustryTracker=Data Source=$DB")
    label="$DB" ;;
  postgres)
    ensure_postgres
    export Database__Provider=Postgres ConnectionStrings__IndustryTracker="$(pg_connection "$PG_DB")"
    exists=$(pg_psql postgres -tA -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")
    if [ "${REGENERATE:-0}" = 1 ] || [ "$exists" != 1 ] \
       || [ "$(pg_psql "$PG_DB" -tA -c 'SELECT count(*) FROM "Events"' 2>/dev/null || echo 0)" = 0 ]; then
      recreate_pg_database "$PG_DB"
      generate "$PG_DB"
    fi
    tune_pg_database "$PG_DB"
    sql() { pg_psql "$PG_DB" -tA -c "$1"; }
    app_env=()
    label="PostgreSQL database $PG_DB" ;;
  *) echo "PROVIDER must be sqlite or postgres, not '$PROVIDER'" >&2; exit 2 ;;
esac

busy=$(sql 'SELECT c."Slug" FROM "EventCompanies" ec JOIN "Companies" c ON c."Id" = ec."CompanyId" GROUP BY c."Id" ORDER BY count(*) DESC, c."Slug" LIMIT 1;')
quiet=$(sql 'SELECT c."Slug" FROM "EventCompanies" ec JOIN "Companies" c ON c."Id" = ec."CompanyId" GROUP BY c."Id" ORDER BY count(*), c."Slug" LIMIT 1;')
echo "dataset: $label ($(sql 'SELECT count(*) FROM "Events";') events); busiest company: $busy; quiet company: $quiet; word: $WORD"
echo "$(note_load)"

work=$(mktemp -d /tmp/industrytracker-scale.XXXXXX)
trap 'stop_started; rm -rf "$work"' EXIT
start_web app "$PORT" "$work/app.log" "${app_env[@]}"
base="http://127.0.0.1:$PORT"

month="from=2025-02-01&to=2025-02-28"
if [ "$ONLY" = all ] || [ "$ONLY" = api ]; then
  wrk_run "api busy company + one month" "$base/api/events?company=$busy&$month"
  wrk_run "api quiet company" "$base/api/events?company=$quiet"
  wrk_run "api one month (no other filter)" "$base/api/events?$month"
  wrk_run "api full text" "$base/api/events?q=$WORD"
  wrk_run "api unfiltered" "$base/api/events"
fi
if [ "$ONLY" = all ] || [ "$ONLY" = facets ]; then
  wrk_run "facets unfiltered" "$base/api/events/facets"
  wrk_run "facets busy company + year" "$base/api/events/facets?company=$busy&from=2025-01-01&to=2025-12-31"
fi
if [ "$ONLY" = all ] || [ "$ONLY" = pages ]; then
  wrk_run "/timeline busy company + year" "$base/timeline?company=$busy&from=2025-01-01&to=2025-12-31"
  wrk_run "/companies/busiest" "$base/companies/$busy"
  wrk_run "/ (home)" "$base/"
fi
if [ "$ONLY" = all ] || [ "$ONLY" = sql ]; then
  echo "single request (1 connection, 5 s) vs the same SQL in the database's CLI (warm cache):"
  for target in "company=$busy&$month" "company=$quiet" "q=$WORD" ""; do
    printf '  app  /api/events?%-40s ' "$target"
    wrk -t1 -c1 -d5s -s "$root/benchmarks/wrk-report.lua" "$base/api/events?$target" | tail -1
  done
  if [ "$PROVIDER" = sqlite ]; then
    "$root/benchmarks/scale-sql.sh" "$DB" "$busy" "$quiet" "$WORD"
  else
    "$root/benchmarks/scale-sql-postgres.sh" "$PG_DB" "$busy" "$quiet" "$WORD"
  fi
fi
echo "$(note_load)"
