#!/usr/bin/env bash
# The import of long articles by the running app (warm: no process start, EF model built, code compiled): the Release
# web app on a seeded SQLite file, signed in as an admin, uploads ARTICLES (default 3) 1 MB articles, on one line (ONE_LINE=1, the default) or one paragraph per line (ONE_LINE=0), with
# POST /api/sources and prints each upload's time (curl's time_total: request, import, response). Each article is
# about a different company's rounds (new records); its other sentences restate the first article's. A small article
# goes first, so the first measured upload doesn't pay the app's first import.
# Usage: BUILD=1 benchmarks/import-upload.sh   (BUILD=1 rebuilds the Release web app first)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
trap stop_started EXIT
PORT=${PORT:-5393}; ARTICLES=${ARTICLES:-3}; BYTES=${BYTES:-1000000}; ONE_LINE=${ONE_LINE:-1}
work=$(mktemp -d /tmp/import-upload.XXXXXX)
build_release
"$root/benchmarks/make-long-article.sh" "$work/base.txt" "$BYTES" "$ONE_LINE"
names=(StepFun MiniMax SiliconFlow iFlytek SenseTime Cambricon "Moore Threads" Enflame)
for i in $(seq 1 "$ARTICLES"); do
  name=${names[$(( (i - 1) % ${#names[@]} ))]}
  sed "s/StepFun/$name/g" "$work/base.txt" > "$work/long-$i.txt"
done
dotnet "$CLI" import --db "$work/bench.db" "$root"/seeds/*.txt >/dev/null
start_web app "$PORT" "$work/app.log" ConnectionStrings__IndustryTracker="Data Source=$work/bench.db" \
  Admin__Email=admin@example.com Admin__Password=import-upload-check-password
base="http://127.0.0.1:$PORT"
bearer=$(curl -fs -X POST "$base/api/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"admin@example.com","password":"import-upload-check-password"}' | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
[ -n "$bearer" ] || { echo "sign-in failed" >&2; exit 1; }
upload() { # upload FILE NAME: prints "NAME HTTP-STATUS SECONDS" and what the import wrote
  curl -s -o "$work/response.json" -w "$2 %{http_code} %{time_total} s " -X POST "$base/api/sources?fileName=$2" \
    -H "Authorization: Bearer $bearer" -H 'Content-Type: text/plain' --data-binary "@$1"
  sed -n 's/.*"counts":{\([^}]*\)}.*/\1/p' "$work/response.json" | tr -d '"'; echo
}
printf 'Warm-up\nBy Test Writer, Bench Wire, March 6, 2026\n\nStepFun raised $5 million in a seed round led by Tencent on Monday.\n' > "$work/warm.txt"
upload "$work/warm.txt" warm-up.txt
uptime
for i in $(seq 1 "$ARTICLES"); do
  upload "$work/long-$i.txt" "long-$i.txt"
done
