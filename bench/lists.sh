#!/usr/bin/env bash
# Lists on a large dataset: 10,000 documents and 50,000 targets (bench/lists-data.sql) on top of the
# demo, queried through the API and the pages as the city office (whose scope is the city and its
# four districts). Prints the median and 95th percentile of N requests per list (default 50), after
# a warm-up. Needs curl and psql. Usage: bench/lists.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-50}
[ -f target/portal.jar ] || ./mvnw --batch-mode --quiet package -DskipTests
data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
PORTAL_DATA_DIR=$data PORTAL_DEMO_DATA=true PORTAL_DEMO_PASSWORD=Bench-password-1 PORTAL_ADMIN_PASSWORD=Bench-admin-1 \
  SERVER_PORT=$port java -jar target/portal.jar >"$data/portal.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
until curl -fs "http://localhost:$port/actuator/health" | grep -q UP; do
  kill -0 $pid 2>/dev/null || { cat "$data/portal.log"; exit 1; }
  sleep 0.5
done
dbport=$(sed -n 4p "$data/postgres/postmaster.pid")
PGHOST=localhost PGPORT=$dbport PGUSER=postgres PGDATABASE=portal psql -q -X -v ON_ERROR_STOP=1 -f bench/lists-data.sql 2>&1 \
  | grep -v "WARNING\|psql version\|Some psql features" || true
echo "data: $(PGHOST=localhost PGPORT=$dbport PGUSER=postgres PGDATABASE=portal psql -XAtc \
  "select count(*) || ' documents, ' || (select count(*) from target) || ' targets' from policy_document" 2>/dev/null)"

# A browser session for the pages: the login form's CSRF token, then the form post.
jar="$data/cookies"
token=$(curl -s -c "$jar" "http://localhost:$port/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -b "$jar" -c "$jar" -o /dev/null -d "username=office&password=Bench-password-1&_csrf=$token" "http://localhost:$port/login"

measure() {
  local label=$1 path=$2 auth=("${@:3}")
  for _ in $(seq 10); do curl -s -o /dev/null "${auth[@]}" "http://localhost:$port$path"; done
  for _ in $(seq "$runs"); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "${auth[@]}" "http://localhost:$port$path"
  done >"$data/times"
  local bad median p95
  bad=$(awk '$1 != 200' "$data/times" | wc -l)
  awk '{ printf "%.1f\n", $2 * 1000 }' "$data/times" | sort -n >"$data/sorted"
  median=$(sed -n "$(( (runs + 1) / 2 ))p" "$data/sorted")
  p95=$(sed -n "$(( runs * 95 / 100 ))p" "$data/sorted")
  printf "%-46s median %6s ms   p95 %6s ms%s\n" "$label" "$median" "$p95" "$([ "$bad" -gt 0 ] && echo "   ($bad non-200!)")"
}

# The API takes the browser session too; with HTTP Basic every call also pays for a bcrypt check.
basic=(-u office:Bench-password-1)
session=(-b "$jar")
measure "API documents, first page"            "/api/v1/documents?size=20" "${session[@]}"
measure "API documents, search 质量发展, page 20"  "/api/v1/documents?q=%E8%B4%A8%E9%87%8F%E5%8F%91%E5%B1%95&page=20&size=20" "${session[@]}"
measure "API documents, year 2010 + status"    "/api/v1/documents?year=2010&status=IN_FORCE" "${session[@]}"
measure "API targets, first page of 50"        "/api/v1/targets?size=50" "${session[@]}"
measure "API targets, district + year, page 20" "/api/v1/targets?regionCode=450681&deadlineYear=2022&page=20&size=50" "${session[@]}"
measure "API targets, first page, HTTP Basic"  "/api/v1/targets?size=50" "${basic[@]}"
measure "page /documents"                      "/documents" "${session[@]}"
measure "page /documents?q=实施意见&page=100"      "/documents?q=%E5%AE%9E%E6%96%BD%E6%84%8F%E8%A7%81&page=100" "${session[@]}"
measure "page /targets"                        "/targets" "${session[@]}"
measure "page /targets?region=450602&page=50"  "/targets?region=450602&page=50" "${session[@]}"
