#!/usr/bin/env bash
# Starts the built web app on a fresh, empty SQLite file (so the seeds are imported), waits until /health answers
# 200, prints the seconds that took, and stops the app. Build first: dotnet build -c Release
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
configuration="${CONFIGURATION:-Release}"
out="$root/src/IndustryTracker.Web/bin/$configuration/net10.0"
data=$(mktemp -d)
port="${PORT:-5311}"
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT

start=$(date +%s.%N)
(cd "$out" && ASPNETCORE_ENVIRONMENT=Production \
  ConnectionStrings__IndustryTracker="Data Source=$data/bench.db" \
  Seed__Path="$root/seeds" \
  exec dotnet IndustryTracker.Web.dll --urls "http://127.0.0.1:$port" >"$data/app.log" 2>&1) &
pid=$!
until curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1; do
  if ! kill -0 "$pid" 2>/dev/null; then cat "$data/app.log" >&2; exit 1; fi
  sleep 0.05
done
end=$(date +%s.%N)
echo "first start with seed import: $(echo "$end - $start" | bc) s"
