#!/usr/bin/env bash
# Cached aggregates while another instance writes (issue 12): starts the Release web app on a copy of the 100k-event
# SQLite file and loads /api/events/facets (wrk, 32 connections, 20 s) while a second writer changes the shared
# cache stamp every EVERY seconds (as any save by another instance or the CLI does), so every cached count and facet
# is dropped again and again under load. What it shows: how long readers wait when a popular aggregate must be
# computed again (the tail of the latencies), not the cost of a cache hit.
#   benchmarks/facets-under-writes.sh
#   EVERY=1 DURATION=10s benchmarks/facets-under-writes.sh
# Needs dotnet; installs wrk, sqlite3 and curl from Debian when missing.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
DB="${DB:-/tmp/industrytracker-bench/scale.db}"; PORT="${PORT:-5394}"; EVERY="${EVERY:-2}"; DURATION="${DURATION:-20s}"
need curl curl; need wrk wrk; need sqlite3 sqlite3
build_release
if [ ! -f "$DB" ]; then
  echo "no dataset at $DB: run benchmarks/scale.sh once (it generates it), or set DB" >&2; exit 1
fi
work=$(mktemp -d /tmp/industrytracker-writes.XXXXXX)
writer=""
cleanup() {
  if [ -n "$writer" ]; then kill "$writer" 2>/dev/null || true; wait "$writer" 2>/dev/null || true; fi
  stop_started
  rm -rf "$work"
}
trap cleanup EXIT
cp "$DB" "$work/copy.db"
start_web app "$PORT" "$work/app.log" "ConnectionStrings__IndustryTracker=Data Source=$work/copy.db" ResponseCache__Enabled=false
echo "app: pid $STARTED_PID on a copy of $DB; the stamp changes every $EVERY s; $(note_load)"
base="http://127.0.0.1:$PORT"
( while sleep "$EVERY"; do sqlite3 -cmd ".timeout 5000" "$work/copy.db" 'UPDATE "CacheStamps" SET "Value" = "Value" + 1;'; done ) &
writer=$!
DURATION="$DURATION" wrk_run "facets unfiltered, stamp every ${EVERY}s" "$base/api/events/facets"
echo "$(note_load)"
