#!/usr/bin/env bash
# Speed of the web service at national scale, measured on loopback with wrk:
#   - 25,000 fictional establishments with five years of evidence in one authority;
#   - the establishment list and an establishment page under 32 concurrent connections;
#   - the annual run over every establishment.
# Prints wrk's latency percentiles and the run's time; then makes every establishment's plan
# of support and measures the support year and capacity pages over them. Uses SQLite, or PostgreSQL when
# DATABASE_URL is set. Settings: COUNT, CONNECTIONS, DURATION, PORT.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
COUNT=${COUNT:-25000}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-20s}
PORT=${PORT:-8199}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
swift build -c release --product sift 2>&1 | tail -n 1
SIFT=.build/release/sift
WORK=$(mktemp -d)
DB="$WORK/load.sqlite"
if [ -n "${DATABASE_URL:-}" ]; then STORE=PostgreSQL; else STORE=SQLite; fi
echo "== $COUNT establishments ($STORE)"
$SIFT authorities create --database "$DB" --code national --name "National" --framework coventry-2023
$SIFT generate-evidence --count "$COUNT" --output "$WORK/national.json"
start=$(date +%s.%N)
$SIFT authorities load-evidence --database "$DB" --authority national "$WORK/national.json"
echo "loading the evidence took $(echo "$(date +%s.%N) - $start" | bc) s"
PASSWORD=$($SIFT users create --database "$DB" --authority national --email load@example.org --name Load --role officer | sed 's/.*shown only now: //')

$SIFT serve --database "$DB" --port "$PORT" > "$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -s -o /dev/null "http://127.0.0.1:$PORT/sign-in" && break; sleep 1; done

# Sign in as a browser would: the form's token, then the session cookie.
JAR="$WORK/cookies"
TOKEN=$(curl -s -c "$JAR" "http://127.0.0.1:$PORT/sign-in" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -s -o /dev/null -b "$JAR" -c "$JAR" --data-urlencode "email=load@example.org" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "csrf=$TOKEN" "http://127.0.0.1:$PORT/sign-in"
SESSION=$(awk '$6 == "sift_session" { print $7 }' "$JAR")
[ -n "$SESSION" ] || { echo "sign-in failed"; exit 1; }

echo "== the establishment list: $CONNECTIONS connections for $DURATION"
PAGES=$((COUNT / 50)) wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s Scripts/load/list.lua \
    -H "Cookie: sift_session=$SESSION" "http://127.0.0.1:$PORT"
echo "== an establishment page: $CONNECTIONS connections for $DURATION"
COUNT=$COUNT wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s Scripts/load/establishment.lua \
    -H "Cookie: sift_session=$SESSION" "http://127.0.0.1:$PORT"

echo "== the annual run over every establishment"
RUNTOKEN=$(curl -s -b "$JAR" "http://127.0.0.1:$PORT/runs" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
YEAR=$(( $(date +%Y) + ( $(date +%-m) >= 9 ? 1 : 0 ) ))
start=$(date +%s.%N)
STATUS=$(curl -s -o /dev/null -w "%{http_code}" -b "$JAR" --data-urlencode "csrf=$RUNTOKEN" --data-urlencode "year=$YEAR" "http://127.0.0.1:$PORT/runs")
echo "the run started: HTTP $STATUS after $(echo "$(date +%s.%N) - $start" | bc) s"
# Follow the progress page, as a browser would, until it opens the review.
while true; do
    PAGE=$(curl -s -w "\n%{http_code}" -b "$JAR" "http://127.0.0.1:$PORT/runs/$YEAR/progress")
    CODE=$(echo "$PAGE" | tail -n 1)
    [ "$CODE" = "200" ] || break
    echo "  $(echo "$PAGE" | sed -n 's/.*<strong>\(.*\)<\/strong>\(.*\)<\/p>/\1\2/p' | head -n 1)"
    sleep 1
done
echo "proposing categories for $COUNT establishments: stored (HTTP $CODE) in $(echo "$(date +%s.%N) - $start" | bc) s"

echo "== the year's support over every establishment"
# Every proposal agreed, as the officers would after review (in this throwaway database only).
if [ -n "${DATABASE_URL:-}" ]; then
    psql "${DATABASE_URL%%\?*}" -qc "UPDATE decisions SET status = 'agreed' WHERE status = 'provisional'"
else
    command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }
    sqlite3 "$DB" "UPDATE decisions SET status = 'agreed' WHERE status = 'provisional'"
fi
SUPPORTTOKEN=$(curl -s -b "$JAR" "http://127.0.0.1:$PORT/support?year=$YEAR" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
start=$(date +%s.%N)
LOCATION=$(curl -s -o /dev/null -w "%{http_code} %{redirect_url}" -b "$JAR" --data-urlencode "csrf=$SUPPORTTOKEN" --data-urlencode "year=$YEAR" \
    "http://127.0.0.1:$PORT/support/plan")
echo "making every establishment's plan: HTTP ${LOCATION%% *} in $(echo "$(date +%s.%N) - $start" | bc) s"
echo "  then: ${LOCATION#* }"
echo "== the support year page (random pages of delivered against planned): 8 connections for $DURATION"
PAGES=$((COUNT / 50)) YEAR=$YEAR wrk -t2 -c8 -d"$DURATION" --latency -s Scripts/load/support.lua \
    -H "Cookie: sift_session=$SESSION" "http://127.0.0.1:$PORT"
echo "== the capacity page (every plan's demand against advisers' days): 8 connections for $DURATION"
wrk -t2 -c8 -d"$DURATION" --latency -H "Cookie: sift_session=$SESSION" "http://127.0.0.1:$PORT/capacity?year=$YEAR"
