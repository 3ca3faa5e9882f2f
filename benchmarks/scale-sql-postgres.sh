#!/usr/bin/env bash
# The SQL behind GET /api/events for each benchmark target, timed in psql on the same PostgreSQL database (warm cache,
# best of 5, server-side time from \timing): the count and the page of ids the app sends (EventQueries.ListAsync).
# The PostgreSQL counterpart of benchmarks/scale-sql.sh.
#   benchmarks/scale-sql-postgres.sh DATABASE BUSY_SLUG QUIET_SLUG WORD      (PG_ADMIN as in benchmarks/lib.sh)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
db="$1"; busy="$2"; quiet="$3"; word="$4"

company_ids() {
  cat <<SQL
SELECT e0."EventId" FROM "EventCompanies" AS e0 WHERE e0."CompanyId" IN (SELECT c."Id" FROM "Companies" AS c WHERE c."Slug" = '$1')
UNION ALL
SELECT e1."EventId" FROM "AiModels" AS a INNER JOIN "EventModels" AS e1 ON a."Id" = e1."AiModelId"
WHERE a."DeveloperId" IS NOT NULL AND a."DeveloperId" IN (SELECT c0."Id" FROM "Companies" AS c0 WHERE c0."Slug" = '$1')
SQL
}

time_sql() { # name where-clause
  local sql="SELECT COUNT(*) FROM \"Events\" AS e WHERE $2;
SELECT e.\"Id\" FROM \"Events\" AS e WHERE $2 ORDER BY e.\"DateStart\", e.\"DateEnd\", e.\"Id\" LIMIT 50 OFFSET 0;"
  local best=""
  for _ in 1 2 3 4 5; do
    local total
    total=$(printf '\\timing on\n%s\n' "$sql" | pg_psql "$db" -o /dev/null 2>&1 | awk '/^Time:/ {s += $2} END {printf "%.2f", s}')
    if [ -z "$best" ] || awk "BEGIN {exit !($total < $best)}"; then best=$total; fi
  done
  printf '  sql  %-52s %s ms\n' "$1" "$best"
}

live='e."DeletedAt" IS NULL'
time_sql "busy company + one month" "$live AND e.\"Id\" IN ($(company_ids "$busy")) AND e.\"DateEnd\" >= '2025-02-01' AND e.\"DateStart\" <= '2025-02-28'"
time_sql "quiet company" "$live AND e.\"Id\" IN ($(company_ids "$quiet"))"
time_sql "full text" "$live AND e.\"Id\" IN (SELECT \"EventId\" FROM \"EventSearch\" WHERE \"Document\" @@ to_tsquery('simple'::regconfig, '$word:*') OFFSET 0)"
time_sql "unfiltered" "$live"
