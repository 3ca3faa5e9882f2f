#!/usr/bin/env bash
# Import throughput at scale (issue 12: at least 1,000 synthetic articles per minute through the CLI into a database
# that already holds 100,000 events). Generates the 100k-event SQLite database once (BASE_DB, kept for later runs),
# copies it to DB, writes ARTICLES small deterministic articles naming companies of that database, imports the folder
# with one CLI command under /usr/bin/time -v and prints articles per minute, wall and CPU time and peak memory.
#   benchmarks/import-throughput.sh
#   ARTICLES=200 benchmarks/import-throughput.sh          # a quick run
# Needs dotnet; installs sqlite3 and time from Debian when missing.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
BASE_DB="${BASE_DB:-/tmp/industrytracker-bench/import-base.db}"; DB="${DB:-/tmp/industrytracker-bench/import.db}"
ARTICLES="${ARTICLES:-1000}"; EVENTS="${EVENTS:-100000}"; COMPANIES="${COMPANIES:-2000}"; INVESTMENTS="${INVESTMENTS:-20000}"
need sqlite3 sqlite3; [ -x /usr/bin/time ] || need time time
build_release

mkdir -p "$(dirname "$BASE_DB")" "$(dirname "$DB")"
if [ ! -f "$BASE_DB" ]; then
  rm -f "$BASE_DB.partial"*
  dotnet "$CLI" generate --db "$BASE_DB.partial" --companies "$COMPANIES" --events "$EVENTS" --investments "$INVESTMENTS" --seed 42 | tail -1
  sqlite3 "$BASE_DB.partial" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
  mv "$BASE_DB.partial" "$BASE_DB"; rm -f "$BASE_DB.partial-wal" "$BASE_DB.partial-shm"
fi
rm -f "$DB" "$DB-wal" "$DB-shm"
cp "$BASE_DB" "$DB"

work=$(mktemp -d /tmp/industrytracker-import.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir "$work/articles"
# Companies of the database, busiest first, so the articles' events meet stored events in their date windows.
mapfile -t names < <(sqlite3 "$DB" 'SELECT c."Name" FROM "Companies" c LEFT JOIN "EventCompanies" ec ON ec."CompanyId" = c."Id" GROUP BY c."Id" ORDER BY count(ec."EventId") DESC, c."Id" LIMIT 200;')
[ "${#names[@]}" -gt 0 ] || { echo "no companies in $DB" >&2; exit 1; }
months=(January February March April May June July August September October November December)
for i in $(seq 0 $((ARTICLES - 1))); do
  a=${names[$((i % ${#names[@]}))]}; b=${names[$(((i * 7 + 3) % ${#names[@]}))]}; c=${names[$(((i * 13 + 5) % ${#names[@]}))]}
  m=${months[$((i % 12))]}; d=$((i % 27 + 1)); y=$((2020 + i % 6))
  cat > "$work/articles/article-$(printf '%04d' "$i").txt" <<ARTICLE
$a and $b expand their partnership (bench $i)
By Bench Writer, Bench Wire, $m $d, $y

$a raised \$$((i % 900 + 100)) million in a Series B round led by $b on $m $d, $y, the companies said.

On $m $d, $y, $a launched a new assistant for enterprise customers, built with $c.

In $m $((y - 1)), $b signed a cloud agreement with $c covering model training (report $i).
ARTICLE
done
echo "dataset: $DB ($(sqlite3 "$DB" 'SELECT count(*) FROM "Events";') events); $ARTICLES articles in $work/articles"
echo "$(note_load)"

/usr/bin/time -v -o "$work/time.txt" dotnet "$CLI" import --db "$DB" "$work/articles" > "$work/import.log" 2>&1 || { tail -20 "$work/import.log"; exit 1; }
tail -1 "$work/import.log"
imported=$(tail -1 "$work/import.log" | sed -n 's/^\([0-9]*\) imported.*/\1/p')
wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
user=$(sed -n 's/.*User time (seconds): //p' "$work/time.txt"); sys=$(sed -n 's/.*System time (seconds): //p' "$work/time.txt")
rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
awk -v n="$imported" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN {
  printf "imported %d articles in %.1f s wall (%.1f s CPU, peak %d MiB): %.0f articles/min (target >= 1000)\n", n, w, u + s, r / 1024, n * 60 / w }'
echo "events now: $(sqlite3 "$DB" 'SELECT count(*) FROM "Events";'); $(note_load)"
