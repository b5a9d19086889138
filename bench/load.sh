#!/usr/bin/env bash
# Load test (issue 18): on province-scale data (bench/province-data.sql), for DURATION seconds
# (default 180), at once: 200 signed-in leaders on the province overview and county region pages
# (think time 5–15 s), 20 reporters saving and submitting figures through the API (1–3 s), and 20
# anonymous readers of the public site /gk/ (1–3 s). wrk (Debian package `wrk`) on loopback only,
# bounded in time (and 10 s per request). Reports p50/p95/p99, throughput and errors of each group,
# the writers' longest wait, and the memory of the portal and its PostgreSQL.
# Goal: 0 errors, p95 ≤ 500 ms for pages, no writer waiting more than 1 s. The same load runs for
# WARMUP seconds (default 30) before the measured DURATION; the warm-up's figures are printed too.
# Usage: [WARMUP=30] bench/load.sh [DURATION]   (needs wrk, curl, psql; apt-get install wrk postgresql-client)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-180}
[ -f target/portal.jar ] || ./mvnw --batch-mode --quiet package -DskipTests
data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# The public site's per-address limit is lifted: here every anonymous reader shares 127.0.0.1.
PORTAL_DATA_DIR=$data PORTAL_DEMO_DATA=true PORTAL_DEMO_PASSWORD=Bench-password-1 PORTAL_ADMIN_PASSWORD=Bench-admin-1 \
  PORTAL_SECURITY_PUBLIC_REQUESTS_PER_MINUTE=1000000 SERVER_ADDRESS=127.0.0.1 SERVER_PORT=$port \
  java -Xmx1g -jar target/portal.jar >"$data/portal.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; cp "$data/portal.log" target/load-portal.log 2>/dev/null; rm -rf "$data"' EXIT
base="http://127.0.0.1:$port"
until curl -fs "$base/actuator/health" | grep -q UP; do
  kill -0 $pid 2>/dev/null || { cat "$data/portal.log"; exit 1; }
  sleep 0.5
done
dbport=$(sed -n 4p "$data/postgres/postmaster.pid")
sql() { PGHOST=localhost PGPORT=$dbport PGUSER=postgres PGDATABASE=portal psql -X -q -v ON_ERROR_STOP=1 "$@" 2>&1 \
  | grep -v "WARNING\|psql version\|Some psql features" || true; }
sql -f bench/province-data.sql
sql -f bench/load/load-data.sql
echo "data: $(sql -At -c "select (select count(*) from target where region_code like '99%') || ' targets, ' ||
  (select count(*) from indicator_value where region_code like '99%') || ' figures'")"

# Wait (bounded) until the background refresher has materialised the judged years after the load
# (ProgressStore's STATES: a change is pending for the years it can alter, V94).
pending="select count(*) from progress_materialised m where m.refreshed_at is null or exists (select 1 from progress_change c
  where (c.from_year is null or c.from_year <= m.as_of_year)
    and (c.id > m.watermark or (m.snapshot is not null and c.xid >= pg_snapshot_xmin(m.snapshot) and not pg_visible_in_snapshot(c.xid, m.snapshot))))"
curl -s -o /dev/null "$base/gk/"
for _ in $(seq 600); do [ "$(sql -At -c "$pending")" = 0 ] && break; sleep 0.5; done

sign_in() { # username → "Cookie value<TAB>CSRF token" of a new session
  local jar="$data/jar-$1" token
  token=$(curl -s -c "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -b "$jar" -c "$jar" -o /dev/null -d "username=$1&password=Bench-password-1&_csrf=$token" "$base/login"
  token=$(curl -s -b "$jar" "$base/" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  printf 'SESSION=%s\t%s\n' "$(awk '$6 == "SESSION" { print $7 }' "$jar")" "$token"
}
export -f sign_in; export base data
seq -f 'load-leader-%03g' 1 200 | xargs -P 4 -I{} bash -c 'sign_in {}' | cut -f1 >"$data/leaders"
seq -f 'load-reporter-%02g' 1 20 | xargs -P 4 -I{} bash -c 'echo "{}	$(sign_in {})"' >"$data/reporters"
[ "$(grep -c 'SESSION=.' "$data/leaders")" = 200 ] || { echo "leaders could not sign in" >&2; exit 1; }
# The leaders read 2024 and the overview compares it with 2023: a running portal has both computed, so
# ask for them once and wait (bounded) until they are, or the test would start with their first computation.
curl -s -o /dev/null -H "Cookie: $(head -1 "$data/leaders")" "$base/dashboards?region=990000&year=2024"
for _ in $(seq 600); do [ "$(sql -At -c "$pending")" = 0 ] && break; sleep 0.5; done
sql -At -c "select code from region where level = 'COUNTY' and code like '99%' order by code" >"$data/counties"
# Each reporter's missing figures, at last year's value (no outlier), spread so that reporters take turns.
sql -At -F $'\t' -c "select a.username, i.code, v.region_code, v.value
  from user_account a join department d on d.id = a.department_id
  join indicator_value v on v.region_code = d.region_code join reporting_period p on p.id = v.period_id and p.year = 2023
  join indicator i on i.id = v.indicator_id
  where a.username like 'load-reporter-%' order by i.code, a.username" >"$data/owed"
awk -F'\t' 'NR == FNR { s[$1] = $2 "\t" $3; next } { print s[$1] "\t" $2 "\t" $3 "\t" $4 }' "$data/reporters" "$data/owed" >"$data/figures"
{ echo /gk/; sql -At -c "select '/gk/documents/' || p.document_id from published_document p";
  sql -At -c "select distinct '/gk/documents/' || p.document_id || '/indicators/' || t.indicator_id
    from published_document p join target t on t.document_id = p.document_id"; } >"$data/public"

sample() { # every 5 s: resident memory of the portal and of all its PostgreSQL processes (MB)
  while kill -0 $pid 2>/dev/null; do
    local java pg
    java=$(ps -o rss= -p $pid | awk '{ print int($1 / 1024) }')
    pg=$(ps -o rss= --ppid "$(head -1 "$data/postgres/postmaster.pid")" -p "$(head -1 "$data/postgres/postmaster.pid")" | awk '{ s += $1 } END { print int(s / 1024) }')
    echo "$java $pg"
    sleep 5
  done
}
sample >"$data/memory" &
sampler=$!
# One phase: the three groups at once for $2 seconds, their reports in $data/$1-*.out; reporters take
# the figures of file $3 (the phases take different figures: a submitted figure cannot be saved again).
phase() {
  YEAR=2024 SESSIONS="$data/leaders" COUNTIES="$data/counties" \
    wrk -t2 -c200 -d"$2s" --timeout 10s -s bench/load/leaders.lua "$base" >"$data/$1-leaders.out" 2>&1 &
  local w1=$!
  YEAR=2024 FIGURES="$3" THREADS=1 \
    wrk -t1 -c20 -d"$2s" --timeout 10s -s bench/load/reporters.lua "$base" >"$data/$1-reporters.out" 2>&1 &
  local w2=$!
  PATHS="$data/public" wrk -t1 -c20 -d"$2s" --timeout 10s -s bench/load/public.lua "$base" >"$data/$1-public.out" 2>&1 &
  local w3=$!
  wait $w1 $w2 $w3
}
# A portal that leaders use has been running: the JVM compiles its hot paths over the first few
# hundred requests, which a just-started portal would spend under the full load. So the same load
# runs for $warmup seconds first (reported, not counted), then for $duration seconds (the figures).
warmup=${WARMUP:-30}
head -n -1000 "$data/figures" >"$data/figures-measured"
tail -n 1000 "$data/figures" >"$data/figures-warmup"
uptime_before=$(cut -d' ' -f1-3 /proc/loadavg)
phase warmup "$warmup" "$data/figures-warmup"
echo "warm-up: ${warmup} s of the same load (not counted)"
grep -h "requests  " "$data/warmup-leaders.out" "$data/warmup-reporters.out" "$data/warmup-public.out" | sed 's/^/  /'
phase measured "$duration" "$data/figures-measured"
kill $sampler 2>/dev/null || true
echo "load test: ${duration} s on $(nproc) cores, load average before $uptime_before, after $(cut -d' ' -f1-3 /proc/loadavg)"
grep -h "requests\|answer\|Socket errors" "$data/measured-leaders.out" "$data/measured-reporters.out" "$data/measured-public.out"
echo "figures submitted (both phases): $(sql -At -c "select count(*) from indicator_value where note = '负载测试' and status = 'SUBMITTED'")"
awk '{ if ($1 > j) j = $1; if ($2 > p) p = $2 } END { printf "memory (max RSS): portal %d MB (heap limit 1 GB), PostgreSQL %d MB\n", j, p }' "$data/memory"
