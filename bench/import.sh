#!/usr/bin/env bash
# Importing 100,000 figures from an xlsx through POST /api/v1/imports (all checks on), side by side
# with PostgreSQL COPY of the same rows into the same table. Needs curl and psql.
# Usage: bench/import.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw --batch-mode --quiet -o test-compile -DskipTests 2>/dev/null || ./mvnw --batch-mode --quiet test-compile -DskipTests
[ -f target/portal.jar ] || ./mvnw --batch-mode --quiet package -DskipTests
./mvnw --batch-mode --quiet dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
password=Bench-password-1
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" cn.qualityportal.bench.ImportBenchFiles "$data" "$password"
PORTAL_DATA_DIR=$data PORTAL_DEMO_DATA=true PORTAL_DEMO_PASSWORD=$password PORTAL_ADMIN_PASSWORD=Bench-admin-1 \
  SERVER_PORT=$port java -Xmx2g -jar target/portal.jar >"$data/portal.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
until curl -fs "http://localhost:$port/actuator/health" | grep -q UP; do
  kill -0 $pid 2>/dev/null || { cat "$data/portal.log"; exit 1; }
  sleep 0.5
done
export PGHOST=localhost PGPORT=$(sed -n 4p "$data/postgres/postmaster.pid") PGUSER=postgres PGDATABASE=portal
psql -q -X -v ON_ERROR_STOP=1 -f "$data/import-setup.sql" 2>&1 | grep -v "WARNING\|psql version\|Some psql features" || true
echo "file: $(du -h "$data/import-100k.xlsx" | cut -f1) xlsx, 100,000 rows"

start=$(date +%s.%N)
curl -fs -u "bench-reporter:$password" -F "file=@$data/import-100k.xlsx" "http://localhost:$port/api/v1/imports" >"$data/report.json"
end=$(date +%s.%N)
import_seconds=$(echo "$end - $start" | bc)
echo "import through the portal: $(printf '%.2f' "$import_seconds") s  $(cut -c1-80 "$data/report.json")"

# The same rows, by COPY, into the same table.
psql -q -X -c "\copy (select indicator_id, region_code, period_id, value, note, updated_by from indicator_value v
  join indicator i on i.id = v.indicator_id where i.code like 'BENCH-IMP-%') to '$data/rows.csv' with (format csv)" 2>/dev/null
psql -q -X -c "delete from indicator_value v using indicator i where i.id = v.indicator_id and i.code like 'BENCH-IMP-%'" 2>/dev/null
start=$(date +%s.%N)
psql -q -X -c "\copy indicator_value (indicator_id, region_code, period_id, value, note, updated_by) from '$data/rows.csv' with (format csv)" 2>/dev/null
end=$(date +%s.%N)
copy_seconds=$(echo "$end - $start" | bc)
echo "COPY of the same rows: $(printf '%.2f' "$copy_seconds") s"
echo "ratio: $(echo "scale=2; $import_seconds / $copy_seconds" | bc)x"
