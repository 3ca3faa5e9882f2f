#!/usr/bin/env bash
# The circuit load test (issue 12: 200 concurrent interactive timeline pages hold with <= 512 MB working set, filter
# round trip p95 <= 250 ms). Starts the Release web app on the 100k-event SQLite file (benchmarks/scale.sh makes it),
# then the driver in tests/IndustryTracker.Benchmarks opens COUNT timeline pages (in Debian's Chromium, or with
# DRIVER=signalr as circuits of its own: 200 Chromium pages are more than 2 cores can drive), waits until
# every one is interactive (its circuit connected), toggles a category facet on all of them at once ROUNDS times and
# prints the round-trip p50/p95/max per round and the server's working set (VmRSS) before, with all pages open and
# after. Circuit limits come from the app's "Circuits" settings (docs/benchmarks.md).
#   benchmarks/circuits.sh
#   COUNT=20 ROUNDS=2 benchmarks/circuits.sh      # a quick run
#   SPREAD=20000 benchmarks/circuits.sh           # each round's clicks one after another across 20 s, not all at once
#   APP_ENV="DOTNET_gcServer=1" benchmarks/circuits.sh   # extra VAR=VALUE settings for the app (space-separated)
#   DRIVER=signalr benchmarks/circuits.sh         # circuits without browsers: the driver speaks Blazor's hub protocol
#                                                 # itself (render-batch acks, JS interop answers, OnLocationChanged)
#                                                 # and times each round trip until a render batch shows the new count
# Needs dotnet; installs chromium and curl from Debian when missing (chromium only for DRIVER=chromium, the default).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
DB="${DB:-/tmp/industrytracker-bench/scale.db}"; COUNT="${COUNT:-200}"; ROUNDS="${ROUNDS:-4}"; PORT="${PORT:-5393}"
DRIVER="${DRIVER:-chromium}"
need curl curl; need sqlite3 sqlite3; [ "$DRIVER" = signalr ] || need chromium chromium
build_release
publish_web
DRIVER_DLL="$root/tests/IndustryTracker.Benchmarks/bin/Release/net10.0/IndustryTracker.Benchmarks.dll"
[ -f "$DRIVER_DLL" ] || dotnet build "$root/tests/IndustryTracker.Benchmarks" -c Release -nologo -clp:ErrorsOnly
if [ ! -f "$DB" ]; then
  echo "no dataset at $DB: run benchmarks/scale.sh once (it generates it), or set DB" >&2; exit 1
fi
work=$(mktemp -d /tmp/industrytracker-circuits.XXXXXX)
trap 'stop_started; rm -rf "$work"' EXIT
busy=$(sqlite3 "$DB" 'SELECT c."Slug" FROM "EventCompanies" ec JOIN "Companies" c ON c."Id" = ec."CompanyId" GROUP BY c."Id" ORDER BY count(*) DESC, c."Slug" LIMIT 1;')
read -r -a app_env <<<"${APP_ENV:-}"
start_web app "$PORT" "$work/app.log" "ConnectionStrings__IndustryTracker=Data Source=$DB" ${app_env[@]+"${app_env[@]}"}
echo "app: pid $STARTED_PID; ${APP_ENV:+settings: $APP_ENV; } $COUNT pages of /timeline?company=$busy&from=2025-01-01&to=2025-12-31; $(note_load)"
dotnet "$DRIVER_DLL" circuits --url "http://127.0.0.1:$PORT/timeline?company=$busy&from=2025-01-01&to=2025-12-31" \
  --pid "$STARTED_PID" --driver "$DRIVER" --count "$COUNT" --rounds "$ROUNDS" --spread "${SPREAD:-0}" --hold "${HOLD:-0}" --chromium "$(command -v chromium || echo chromium)"
echo "$(note_load)"
