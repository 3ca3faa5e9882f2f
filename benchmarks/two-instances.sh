#!/usr/bin/env bash
# Two Release web instances on one PostgreSQL database behind Debian's nginx, all on 127.0.0.1 (issue 12, "more than
# one machine"; docs/deployment.md explains the setup). The script:
#   1. starts PostgreSQL if needed and (re)creates the database DB, filled by `generate` with EVENTS events;
#   2. starts instance A on PORT_A and instance B on PORT_B against it, and nginx on PORT (sticky by cookie,
#      WebSocket upgrade, X-Forwarded-*);
#   3. checks what must hold across instances and fails on the first miss: nginx spreads cookie-less requests over
#      both instances and keeps a client with its cookie on one; the circuit's WebSocket upgrade passes through; a
#      bearer token from a sign-in through nginx works on both instances (the key ring is in the database); an event
#      deleted through A is gone through B, its count and facets included;
#   4. runs the API load (wrk, CONNECTIONS connections, DURATION each) through nginx;
#   5. stops everything it started (also on failure or Ctrl-C).
#   benchmarks/two-instances.sh
#   EVENTS=2000 DURATION=5s benchmarks/two-instances.sh      # a quick run
# Needs dotnet; installs nginx, wrk, curl and postgresql from Debian when missing. Run as root or with sudo.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
DB="${DB:-industrytracker_two}"; EVENTS="${EVENTS:-100000}"; COMPANIES="${COMPANIES:-2000}"; INVESTMENTS="${INVESTMENTS:-20000}"
PORT="${PORT:-8088}"; PORT_A="${PORT_A:-5401}"; PORT_B="${PORT_B:-5402}"
DURATION="${DURATION:-20s}"; CONNECTIONS="${CONNECTIONS:-32}"
need curl curl; need wrk wrk; need nginx nginx
ensure_postgres
build_release

work=$(mktemp -d /tmp/industrytracker-two.XXXXXX)
nginx_pid=""
cleanup() {
  if [ -n "$nginx_pid" ]; then kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; fi
  stop_started
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; echo "logs: A, B and nginx follow" >&2; tail -20 "$work"/a.log "$work"/b.log "$work"/nginx-error.log >&2 || true; exit 1; }

connection=$(pg_connection "$DB")
export Database__Provider=Postgres ConnectionStrings__IndustryTracker="$connection"
echo "== database $DB on PostgreSQL: $EVENTS generated events"
recreate_pg_database "$DB"
tune_pg_database "$DB"
dotnet "$CLI" generate --db "$DB" --companies "$COMPANIES" --events "$EVENTS" --investments "$INVESTMENTS" --seed 42 | tail -1

echo "== instances"
settings=(Security__KnownProxies__0=127.0.0.1 "Security__PublicBaseUrl=http://127.0.0.1:$PORT/" AllowedHosts='127.0.0.1;localhost')
# A migrates the database first and creates the first account (an admin), used below to sign in.
start_web A "$PORT_A" "$work/a.log" "${settings[@]}" Admin__Email=admin@example.com Admin__Password=two-instances-check-password
pid_a=$STARTED_PID
start_web B "$PORT_B" "$work/b.log" "${settings[@]}"; pid_b=$STARTED_PID
echo "A: pid $pid_a on 127.0.0.1:$PORT_A; B: pid $pid_b on 127.0.0.1:$PORT_B"

mkdir -p "$work/nginx"
sed -e "s|@WORK@|$work/nginx|g" -e "s|@PORT@|$PORT|g" -e "s|@A@|127.0.0.1:$PORT_A|g" -e "s|@B@|127.0.0.1:$PORT_B|g" \
  "$root/benchmarks/nginx-two-instances.conf" > "$work/nginx/nginx.conf"
nginx -t -q -c "$work/nginx/nginx.conf" -p "$work/nginx"
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" -g 'daemon off;' 2>"$work/nginx-error.log" &
nginx_pid=$!
base="http://127.0.0.1:$PORT"
for _ in $(seq 1 50); do curl -fs -o /dev/null "$base/health" && break; sleep 0.1; done
echo "nginx: pid $nginx_pid on $base"

echo "== checks"
upstream() { curl -fs -o /dev/null -D - "$@" | tr -d '\r' | sed -n 's/^X-Upstream: //Ip'; }
seen=$(for _ in $(seq 1 20); do upstream "$base/health"; done | sort -u | tr '\n' ' ')
[ "$(wc -w <<<"$seen")" = 2 ] || fail "20 requests without a cookie reached only $seen"
echo "ok: requests without the affinity cookie reach both instances ($seen)"
jar="$work/cookies"
first=$(upstream -c "$jar" "$base/timeline")
sticky=$(for _ in $(seq 1 10); do upstream -b "$jar" "$base/timeline"; done | sort -u | tr '\n' ' ')
[ "$sticky" = "$first " ] || fail "a client with the affinity cookie moved between instances: $first then $sticky"
echo "ok: a client with the affinity cookie stays on $first"
token=$(curl -fs -b "$jar" -X POST "$base/_blazor/negotiate?negotiateVersion=1" -H 'Content-Length: 0' | sed -n 's/.*"connectionToken":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || fail "no circuit negotiation through nginx"
status=$(curl -s -b "$jar" --max-time 3 -o /dev/null -w '%{http_code}' "$base/_blazor?id=$token" \
  -H 'Connection: Upgrade' -H 'Upgrade: websocket' -H 'Sec-WebSocket-Version: 13' -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==' || true)
[ "$status" = 101 ] || fail "the circuit's WebSocket upgrade through nginx answered $status, not 101"
echo "ok: the circuit's WebSocket upgrade passes through nginx (101 Switching Protocols)"

bearer=$(curl -fs -X POST "$base/api/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"admin@example.com","password":"two-instances-check-password"}' | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
[ -n "$bearer" ] || fail "sign-in through nginx gave no bearer token"
for port in "$PORT_A" "$PORT_B"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $bearer" "http://127.0.0.1:$port/api/events/deleted")
  [ "$code" = 200 ] || fail "the bearer token from the sign-in through nginx is refused by 127.0.0.1:$port ($code)"
done
echo "ok: one sign-in is honoured by both instances (data-protection keys: $(pg_psql "$DB" -tA -c 'SELECT count(*) FROM "DataProtectionKeys"') in the database)"

id=$(curl -fs "http://127.0.0.1:$PORT_B/api/events?pageSize=1" | sed -n 's/^{"items":\[{"id":\([0-9]*\).*/\1/p')
[ -n "$id" ] || fail "no event to edit"
total_before=$(curl -fs "http://127.0.0.1:$PORT_B/api/events?pageSize=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
facets_before=$(curl -fs "http://127.0.0.1:$PORT_B/api/events/facets" | sed -n 's/^{"total":\([0-9]*\).*/\1/p')
etag=$(curl -fs -o /dev/null -D - "http://127.0.0.1:$PORT_A/api/events/$id" | tr -d '\r' | sed -n 's/^ETag: //Ip')
code=$(curl -s -o /dev/null -w '%{http_code}' -X DELETE -H "Authorization: Bearer $bearer" -H "If-Match: $etag" "http://127.0.0.1:$PORT_A/api/events/$id")
[ "$code" = 204 ] || fail "deleting event $id through A answered $code"
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT_B/api/events/$id")
[ "$code" = 404 ] || fail "event $id, deleted through A, answers $code through B"
total_after=$(curl -fs "http://127.0.0.1:$PORT_B/api/events?pageSize=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
facets_after=$(curl -fs "http://127.0.0.1:$PORT_B/api/events/facets" | sed -n 's/^{"total":\([0-9]*\).*/\1/p')
[ "$total_after" = $((total_before - 1)) ] && [ "$facets_after" = $((facets_before - 1)) ] \
  || fail "B's count/facets after the delete through A: $total_after/$facets_after (before: $total_before/$facets_before)"
echo "ok: event $id deleted through A is gone through B at once (count $total_before -> $total_after, facets $facets_before -> $facets_after)"
curl -fs -o /dev/null -X POST -H "Authorization: Bearer $bearer" "http://127.0.0.1:$PORT_A/api/events/$id/restore" || fail "restore of event $id"

echo "== API load through nginx (wrk -c$CONNECTIONS -d$DURATION); $(note_load)"
busy=$(pg_psql "$DB" -tA -c 'SELECT c."Slug" FROM "EventCompanies" ec JOIN "Companies" c ON c."Id" = ec."CompanyId" GROUP BY c."Id" ORDER BY count(*) DESC, c."Slug" LIMIT 1')
quiet=$(pg_psql "$DB" -tA -c 'SELECT c."Slug" FROM "EventCompanies" ec JOIN "Companies" c ON c."Id" = ec."CompanyId" GROUP BY c."Id" ORDER BY count(*), c."Slug" LIMIT 1')
wrk_run "api busy company + one month" "$base/api/events?company=$busy&from=2025-02-01&to=2025-02-28"
wrk_run "api quiet company" "$base/api/events?company=$quiet"
wrk_run "api full text" "$base/api/events?q=${WORD:-lidar}"
wrk_run "api unfiltered" "$base/api/events"
wrk_run "facets unfiltered" "$base/api/events/facets"
echo "two-instances: all checks passed; $(note_load)"
