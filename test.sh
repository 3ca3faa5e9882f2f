#!/usr/bin/env bash
# Builds everything and runs every test: unit, integration (real SQLite, WebApplicationFactory) and end-to-end
# (Playwright driving Debian's Chromium against the app on a loopback port). Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

CHROMIUM=/usr/bin/chromium
if [ ! -x "$CHROMIUM" ]; then
  echo "test.sh: Chromium is missing; installing Debian's chromium package"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
fi

# axe-core for the accessibility checks, pinned in tests/IndustryTracker.E2E/axe/package.json (node_modules is not committed).
if [ ! -f tests/IndustryTracker.E2E/axe/node_modules/axe-core/axe.min.js ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "test.sh: npm is missing; installing Debian's npm package"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends npm >/dev/null
  fi
  (cd tests/IndustryTracker.E2E/axe && npm ci --no-audit --no-fund --silent)
fi

# dotnet-ef, pinned in dotnet-tools.json (used to add migrations; README "Schema changes").
dotnet tool restore >/dev/null

CONFIGURATION="${CONFIGURATION:-Debug}"
dotnet build IndustryTracker.sln -c "$CONFIGURATION" -nologo -clp:ErrorsOnly

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
for project in tests/IndustryTracker.Tests tests/IndustryTracker.E2E; do
  echo "== $project"
  if ! dotnet test "$project" -c "$CONFIGURATION" --no-build -nologo 2>&1 | tee -a "$log"; then
    status=1
  fi
done

# The same integration tests again on PostgreSQL: a local server, installed and started when missing.
if [ "${SKIP_POSTGRES:-0}" != "1" ]; then
  echo "== tests/IndustryTracker.Tests on PostgreSQL"
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "test.sh: PostgreSQL is missing; installing Debian's postgresql package"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  fi
  cluster=$(pg_lsclusters --no-header | awk 'NR==1 {print $1" "$2}')
  if [ -z "$cluster" ]; then
    version=$(ls /usr/lib/postgresql | sort -n | tail -1)
    $SUDO pg_createcluster "$version" main >/dev/null
    cluster="$version main"
  fi
  $SUDO pg_ctlcluster $cluster start 2>/dev/null || true
  port=$(pg_lsclusters --no-header | awk 'NR==1 {print $3}')
  if [ "$(id -u)" = "0" ]; then AS_POSTGRES="runuser -u postgres --"; else AS_POSTGRES="sudo -u postgres"; fi
  $AS_POSTGRES psql -q -p "$port" -c "ALTER USER postgres PASSWORD 'postgres';" >/dev/null
  if ! INDUSTRYTRACKER_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres" \
      dotnet test tests/IndustryTracker.Tests -c "$CONFIGURATION" --no-build -nologo 2>&1 | tee -a "$log"; then
    status=1
  fi
fi

passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
if [ "$passed" -eq 0 ]; then
  echo "test.sh: no test ran" >&2
  status=1
fi
if [ "$failed" -ne 0 ]; then status=1; fi
echo
echo "Tests: $passed passed, $failed failed"
exit $status
