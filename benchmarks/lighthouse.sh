#!/usr/bin/env bash
# Lighthouse (npm `lighthouse`, pinned below) with Debian's Chromium on `/`, the busiest company's profile and
# `/timeline`, against the Release web app on the 100k-event SQLite file (benchmarks/scale.sh makes it). Prints the
# performance and accessibility scores per page (issue 12 targets: >= 90 and >= 95) and keeps the JSON reports in OUT.
#   benchmarks/lighthouse.sh                    # Lighthouse's default (mobile emulation, simulated throttling)
#   PRESET=desktop benchmarks/lighthouse.sh
#   RUNS=5 benchmarks/lighthouse.sh           # each page five times, then each page's median and lowest score
#                                             # (scores vary run to run; Lighthouse's docs advise the median of five)
#   PAGES="/timeline" benchmarks/lighthouse.sh # only these pages (space-separated; the default is the three above)
# Needs dotnet; installs chromium, npm and curl from Debian when missing; Lighthouse goes into LIGHTHOUSE_DIR.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
LIGHTHOUSE_VERSION=13.5.0
DB="${DB:-/tmp/industrytracker-bench/scale.db}"; PORT="${PORT:-5394}"; PRESET="${PRESET:-}"; RUNS="${RUNS:-1}"
LIGHTHOUSE_DIR="${LIGHTHOUSE_DIR:-/tmp/industrytracker-lighthouse}"; OUT="${OUT:-/tmp/industrytracker-lighthouse-reports}"
need curl curl; need chromium chromium; need npm npm; need sqlite3 sqlite3
if [ ! -x "$LIGHTHOUSE_DIR/node_modules/.bin/lighthouse" ] || ! grep -q "\"version\": \"$LIGHTHOUSE_VERSION\"" "$LIGHTHOUSE_DIR/node_modules/lighthouse/package.json"; then
  mkdir -p "$LIGHTHOUSE_DIR"
  npm install --prefix "$LIGHTHOUSE_DIR" --no-audit --no-fund --silent "lighthouse@$LIGHTHOUSE_VERSION"
fi
build_release
publish_web
if [ ! -f "$DB" ]; then
  echo "no dataset at $DB: run benchmarks/scale.sh once (it generates it), or set DB" >&2; exit 1
fi
work=$(mktemp -d /tmp/industrytracker-lighthouse.XXXXXX)
trap 'stop_started; rm -rf "$work"' EXIT
mkdir -p "$OUT"
busy=$(sqlite3 "$DB" 'SELECT c."Slug" FROM "EventCompanies" ec JOIN "Companies" c ON c."Id" = ec."CompanyId" GROUP BY c."Id" ORDER BY count(*) DESC, c."Slug" LIMIT 1;')
start_web app "$PORT" "$work/app.log" "ConnectionStrings__IndustryTracker=Data Source=$DB"
base="http://127.0.0.1:$PORT"
echo "lighthouse $LIGHTHOUSE_VERSION, preset ${PRESET:-mobile (default)}; $(note_load)"
read -r -a pages <<< "${PAGES:-/ /companies/$busy /timeline}"
for run in $(seq 1 "$RUNS"); do
  for page in "${pages[@]}"; do
    curl -fs -o /dev/null --max-time 120 "$base$page"   # warm: the first request fills the caches
    name=$(printf '%s' "$page" | tr '/' '_' | sed 's/^_$/home/; s/^_//')
    if [ "$RUNS" -gt 1 ]; then name="$name.$run"; fi
    CHROME_PATH="$(command -v chromium)" "$LIGHTHOUSE_DIR/node_modules/.bin/lighthouse" "$base$page" --quiet \
      --only-categories=performance,accessibility ${PRESET:+--preset=$PRESET} --output=json --output-path="$OUT/$name.json" \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"
    node -e '
      const r = require(process.argv[1]); const c = r.categories, a = r.audits;
      const ms = k => a[k] && a[k].numericValue !== undefined ? Math.round(a[k].numericValue) + " ms" : "-";
      console.log(`${process.argv[2].padEnd(36)} performance ${Math.round(c.performance.score * 100)}  accessibility ${Math.round(c.accessibility.score * 100)}  (FCP ${ms("first-contentful-paint")}, LCP ${ms("largest-contentful-paint")}, TBT ${ms("total-blocking-time")}, CLS ${a["cumulative-layout-shift"].numericValue.toFixed(3)})`);
    ' "$OUT/$name.json" "$page"
  done
done
if [ "$RUNS" -gt 1 ]; then
  for page in "${pages[@]}"; do
    name=$(printf '%s' "$page" | tr '/' '_' | sed 's/^_$/home/; s/^_//')
    node -e '
      const [page, out, name, runs] = process.argv.slice(1);
      const scores = [...Array(Number(runs)).keys()]
        .map(i => Math.round(require(`${out}/${name}.${i + 1}.json`).categories.performance.score * 100)).sort((a, b) => a - b);
      console.log(`${page.padEnd(36)} performance median ${scores[Math.floor(scores.length / 2)]}, lowest ${scores[0]} (${scores.join(", ")})`);
    ' "$page" "$OUT" "$name" "$RUNS"
  done
fi
echo "reports: $OUT; $(note_load)"
