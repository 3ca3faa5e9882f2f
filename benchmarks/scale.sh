#!/usr/bin/env bash
# The issue-12 load test: generates (once) a synthetic SQLite dataset of 2,000 companies, 100,000 events and 20,000
# investments, starts the Release web app on it (127.0.0.1), and runs wrk (32 connections, 20 s) against each
# target, printing p50/p95/p99, req/s and errors per request. Then times the same SQL in the sqlite3 CLI on the
# same file. Needs: dotnet, wrk, sqlite3, curl (apt-get install -y wrk sqlite3).
#   benchmarks/scale.sh                      # everything, defaults as in docs/benchmarks.md
#   DB=/tmp/x.db EVENTS=20000 DURATION=5s benchmarks/scale.sh
#   ONLY=api benchmarks/scale.sh            # only the /api/events targets (also: facets, pages, sql)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
DB="${DB:-/tmp/industrytracker-bench/scale.db}"
COMPANIES="${COMPANIES:-2000}"; EVENTS="${EVENTS:-100000}"; INVESTMENTS="${INVESTMENTS:-20000}"; SEED="${SEED:-42}"
DURATION="${DURATION:-20s}"; CONNECTIONS="${CONNECTIONS:-32}"; THREADS="${THREADS:-2}"; PORT="${PORT:-5391}"
WORD="${WORD:-lidar}"               # a topic word in about 1% of the generated titles
ONLY="${ONLY:-all}"
WEB_DIR="${WEB_DIR:-$root/src/IndustryTracker.Web/bin/Release/net10.0}"
CLI="$root/src/IndustryTracker.Cli/bin/Release/net10.0/industrytracker.dll"

if [ ! -f "$CLI" ] || [ ! -f "$WEB_DIR/IndustryTracker.Web.dll" ]; then
  dotnet build "$root/IndustryTracker.sln" -c Release -nologo -clp:ErrorsOnly
fi
mkdir -p "$(dirname "$DB")"
if [ ! -f "$DB" ]; then
  dotnet "$CLI" generate --db "$DB" --companies "$COMPANIES" --events "$EVENTS" --investments "$INVESTMENTS" --seed "$SEED"
fi

busy=$(sqlite3 "$DB" 'SELECT c."Slug" FROM "EventCompanies" ec JOIN "Companies" c ON c."Id" = ec."CompanyId" GROUP BY c."Id" ORDER BY count(*) DESC, c."Slug" LIMIT 1;')
quiet=$(sqlite3 "$DB" 'SELECT c."Slug" FROM "EventCompanies" ec JOIN "Companies" c ON c."Id" = ec."CompanyId" GROUP BY c."Id" ORDER BY count(*), c."Slug" LIMIT 1;')
echo "dataset: $DB ($(sqlite3 "$DB" 'SELECT count(*) FROM "Events";') events); busiest company: $busy; quiet company: $quiet; word: $WORD"

log=$(mktemp)
(cd "$WEB_DIR" && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__IndustryTracker="Data Source=$DB" \
  Seed__Path=/nonexistent Logging__LogLevel__Default=Warning Serilog__MinimumLevel__Default=Warning \
  exec dotnet IndustryTracker.Web.dll --urls "http://127.0.0.1:$PORT" >"$log" 2>&1) &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
until curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1; do
  if ! kill -0 "$pid" 2>/dev/null; then cat "$log" >&2; exit 1; fi
  sleep 0.2
done
base="http://127.0.0.1:$PORT"

run() { # name path
  curl -fs -o /dev/null --max-time 120 "$base$2" || echo "  (warm-up request failed)"
  printf '%-44s ' "$1"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 30s -s "$root/benchmarks/wrk-report.lua" "$base$2" | tail -1
}

month="from=2025-02-01&to=2025-02-28"
if [ "$ONLY" = all ] || [ "$ONLY" = api ]; then
  run "api busy company + one month" "/api/events?company=$busy&$month"
  run "api quiet company" "/api/events?company=$quiet"
  run "api full text" "/api/events?q=$WORD"
  run "api unfiltered" "/api/events"
fi
if [ "$ONLY" = all ] || [ "$ONLY" = facets ]; then
  run "facets unfiltered" "/api/events/facets"
  run "facets busy company + year" "/api/events/facets?company=$busy&from=2025-01-01&to=2025-12-31"
fi
if [ "$ONLY" = all ] || [ "$ONLY" = pages ]; then
  run "/timeline busy company + year" "/timeline?company=$busy&from=2025-01-01&to=2025-12-31"
  run "/companies/busiest" "/companies/$busy"
  run "/ (home)" "/"
fi
if [ "$ONLY" = all ] || [ "$ONLY" = sql ]; then
  echo "single request (1 connection, 5 s) vs the same SQL in sqlite3 (.timer, warm cache):"
  for target in "company=$busy&$month" "company=$quiet" "q=$WORD" ""; do
    printf '  app  /api/events?%-40s ' "$target"
    wrk -t1 -c1 -d5s -s "$root/benchmarks/wrk-report.lua" "$base/api/events?$target" | tail -1
  done
  "$root/benchmarks/scale-sql.sh" "$DB" "$busy" "$quiet" "$WORD"
fi
