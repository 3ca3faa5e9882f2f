#!/usr/bin/env bash
# The SQL behind GET /api/events for each benchmark target, timed in the sqlite3 CLI on the same file (warm cache,
# best of 5): the count and the page of ids the app sends (EventQueries.ListAsync; the 50 rows it then reads by id
# are a few index lookups). The app's single-request latency divided by this is the "ratio" in docs/benchmarks.md.
#   benchmarks/scale-sql.sh DB BUSY_SLUG QUIET_SLUG WORD
set -euo pipefail
db="$1"; busy="$2"; quiet="$3"; word="$4"

company_ids() { # slug -> the events of a company, directly or through a model it develops
  cat <<SQL
SELECT "e0"."EventId" FROM "EventCompanies" AS "e0" WHERE "e0"."CompanyId" IN (SELECT "c"."Id" FROM "Companies" AS "c" WHERE "c"."Slug" = '$1')
UNION ALL
SELECT "e1"."EventId" FROM "AiModels" AS "a" INNER JOIN "EventModels" AS "e1" ON "a"."Id" = "e1"."AiModelId"
WHERE "a"."DeveloperId" IS NOT NULL AND "a"."DeveloperId" IN (SELECT "c0"."Id" FROM "Companies" AS "c0" WHERE "c0"."Slug" = '$1')
SQL
}

time_sql() { # name where-clause
  local sql="SELECT COUNT(*) FROM \"Events\" AS \"e\" WHERE $2;
SELECT \"e\".\"Id\" FROM \"Events\" AS \"e\" WHERE $2 ORDER BY \"e\".\"DateStart\", \"e\".\"DateEnd\", \"e\".\"Id\" LIMIT 50 OFFSET 0;"
  local best=""
  for _ in 1 2 3 4 5; do
    local total
    total=$(printf '.timer on\n%s\n' "$sql" | sqlite3 "$db" | awk '/^Run Time/ {s += $4} END {printf "%.2f", s * 1000}')
    if [ -z "$best" ] || awk "BEGIN {exit !($total < $best)}"; then best=$total; fi
  done
  printf '  sql  %-52s %s ms\n' "$1" "$best"
}

live='"e"."DeletedAt" IS NULL'
time_sql "busy company + one month" "$live AND \"e\".\"Id\" IN ($(company_ids "$busy")) AND \"e\".\"DateEnd\" >= '2025-02-01' AND \"e\".\"DateStart\" <= '2025-02-28'"
time_sql "quiet company" "$live AND \"e\".\"Id\" IN ($(company_ids "$quiet"))"
time_sql "full text" "$live AND \"e\".\"Id\" IN (SELECT rowid AS \"Value\" FROM \"EventSearch\" WHERE \"EventSearch\" MATCH '\"$word\"*')"
time_sql "unfiltered" "$live"
