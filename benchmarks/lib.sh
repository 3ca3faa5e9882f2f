# Helpers shared by the benchmark scripts (sourced, not run). Everything runs on 127.0.0.1; the scripts may be run
# as root on a fresh Debian machine (missing packages are installed) or as a user with sudo.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLI="$root/src/IndustryTracker.Cli/bin/Release/net10.0/industrytracker.dll"
WEB_DIR="${WEB_DIR:-$root/src/IndustryTracker.Web/bin/Release/net10.0}"
PG_ADMIN="${PG_ADMIN:-Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres}"
SUDO=""; if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
_apt_updated=0
_started_pids=()

# need COMMAND PACKAGE: installs Debian's PACKAGE when COMMAND is missing.
need() {
  if command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ]; then return; fi
  if [ "$_apt_updated" = 0 ]; then $SUDO apt-get update -qq; _apt_updated=1; fi
  echo "installing Debian's $2 (for $1)" >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$2" >/dev/null
}

# The Release build of the web app and the CLI (built when missing, or always with BUILD=1).
build_release() {
  if [ "${BUILD:-0}" = 1 ] || [ ! -f "$CLI" ] || [ ! -f "$WEB_DIR/IndustryTracker.Web.dll" ]; then
    dotnet build "$root/IndustryTracker.sln" -c Release -nologo -clp:ErrorsOnly
  fi
}

# The published web app (pages that go interactive need it: outside Development the Blazor script and other static
# assets are served from the publish output, not from the build). Published into PUBLISH_DIR when missing, or
# always with BUILD=1; sets WEB_DIR to it.
publish_web() {
  PUBLISH_DIR="${PUBLISH_DIR:-/tmp/industrytracker-bench/web}"
  if [ "${BUILD:-0}" = 1 ] || [ ! -f "$PUBLISH_DIR/IndustryTracker.Web.dll" ]; then
    dotnet publish "$root/src/IndustryTracker.Web" -c Release -o "$PUBLISH_DIR" -nologo -clp:ErrorsOnly >/dev/null
  fi
  WEB_DIR="$PUBLISH_DIR"
}

# PG_ADMIN's parts, for psql.
pg_part() { printf '%s' "$PG_ADMIN" | tr ';' '\n' | sed -n "s/^$1=//Ip" | head -1; }
pg_psql() { # psql against database $1 with the rest as arguments
  local db=$1; shift
  PGPASSWORD="$(pg_part Password)" psql -X -q -v ON_ERROR_STOP=1 -h "$(pg_part Host)" -p "$(pg_part Port)" -U "$(pg_part Username)" -d "$db" "$@"
}

# Starts Debian's PostgreSQL 15 cluster if it does not answer, and sets the password PG_ADMIN names if it is refused.
ensure_postgres() {
  need psql postgresql-client
  need pg_ctlcluster postgresql
  if ! pg_isready -q -h "$(pg_part Host)" -p "$(pg_part Port)"; then
    local version; version=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1)
    $SUDO pg_ctlcluster "${version:-15}" main start
    for _ in $(seq 1 50); do pg_isready -q -h "$(pg_part Host)" -p "$(pg_part Port)" && break; sleep 0.2; done
  fi
  if ! pg_psql postgres -c 'SELECT 1' >/dev/null 2>&1; then
    local as_postgres="sudo -u postgres"; if [ "$(id -u)" = 0 ]; then as_postgres="runuser -u postgres --"; fi
    $as_postgres psql -X -q -p "$(pg_part Port)" -c "ALTER USER $(pg_part Username) PASSWORD '$(pg_part Password)'"
  fi
}

# recreate_pg_database NAME: drops (closing its connections) and creates an empty database.
recreate_pg_database() {
  pg_psql postgres -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" -c "CREATE DATABASE \"$1\""
}

# tune_pg_database DB: the planner setting docs/deployment.md recommends for a database held in memory or on SSD
# (random_page_cost 1.1 instead of 4, which prices every index lookup as a disk seek); PG_RANDOM_PAGE_COST=4 keeps
# PostgreSQL's default. Applies to the connections opened after it.
tune_pg_database() {
  pg_psql postgres -c "ALTER DATABASE \"$1\" SET random_page_cost = ${PG_RANDOM_PAGE_COST:-1.1}" >/dev/null
}

pg_connection() { printf '%s;Database=%s' "$PG_ADMIN" "$1"; }

# start_web NAME PORT LOG [VAR=VALUE ...]: the Release web app (Production, log level Warning) on 127.0.0.1:PORT,
# in the background; its pid is left in STARTED_PID and remembered for stop_started. Waits until /health answers.
# It runs with the environment docs/deployment.md recommends (MALLOC_ARENA_MAX=2, DOTNET_GCgen0MaxBudget=0x1000000);
# a VAR=VALUE given here wins.
start_web() {
  local name=$1 port=$2 log=$3; shift 3
  (cd "$WEB_DIR" && exec env ASPNETCORE_ENVIRONMENT=Production Seed__Path=/nonexistent MALLOC_ARENA_MAX=2 DOTNET_GCgen0MaxBudget=0x1000000 \
    Serilog__MinimumLevel__Default=Warning Security__RequireHttps=false "$@" \
    dotnet IndustryTracker.Web.dll --urls "http://127.0.0.1:$port" >"$log" 2>&1) &
  local pid=$!
  _started_pids+=("$pid")
  for _ in $(seq 1 600); do
    if curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1; then STARTED_PID=$pid; return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "$name did not start:" >&2; cat "$log" >&2; return 1; fi
    sleep 0.2
  done
  echo "$name did not answer /health within 120 s" >&2; cat "$log" >&2; return 1
}

# Stops what start_web started (by pid; dotnet is exec'd, so the pid is the app's).
stop_started() {
  local pid
  for pid in "${_started_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${_started_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  _started_pids=()
}

# wrk_run LABEL URL: wrk with the report line of benchmarks/wrk-report.lua, after a warm-up of WARMUP (default 10s;
# 0 for none) under the same load and not reported: a freshly started .NET process spends its first seconds of load
# compiling (tiered JIT), which is what a cold start costs, not what the request costs on a running server.
wrk_run() {
  curl -fs -o /dev/null --max-time 120 "$2" || echo "  (warm-up request for $2 failed)"
  if [ "${WARMUP:-10s}" != 0 ]; then
    wrk -t"${THREADS:-2}" -c"${CONNECTIONS:-32}" -d"${WARMUP:-10s}" --timeout 30s "$2" >/dev/null
  fi
  printf '%-44s ' "$1"
  wrk -t"${THREADS:-2}" -c"${CONNECTIONS:-32}" -d"${DURATION:-20s}" --timeout 30s -s "$root/benchmarks/wrk-report.lua" "$2" | tail -1
}

# The machine's load while a figure was taken (the figures are only comparable at a similar load).
note_load() { echo "load: $(uptime | sed 's/.*load average/load average/') at $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores"; }
