#!/usr/bin/env bash
# A reminder run (催报) for 2,000 late units: the demo plus bench/reminders-data.sql (2,000 units owing
# a figure of the overdue 2020 period, 2,400 recipients), the scheduled run started by the portal's
# own scheduler (PORTAL_REMINDERS_CRON every 20 s; the first run does the work, later ones find
# everything sent). Prints the run's log line (units, notifications, milliseconds) and what the
# database recorded. E-mail is not configured: in-app only. Needs curl and psql.
# Usage: bench/reminders.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# The packaged jar, or else the compiled classes with their dependencies (no packaging needed).
if [ -f target/portal.jar ]; then
  launch=(java -jar target/portal.jar)
else
  [ -d target/classes/cn/qualityportal/worklist ] || ./mvnw --batch-mode --quiet compile
  ./mvnw --batch-mode --quiet -o dependency:build-classpath -Dmdep.outputFile=target/bench-runtime-classpath.txt \
    -Dmdep.includeScope=runtime >/dev/null
  launch=(java -cp "target/classes:$(cat target/bench-runtime-classpath.txt)" cn.qualityportal.PortalApplication)
fi
data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
PORTAL_DATA_DIR=$data PORTAL_DEMO_DATA=true PORTAL_DEMO_PASSWORD=Bench-password-1 PORTAL_ADMIN_PASSWORD=Bench-admin-1 \
  PORTAL_REMINDERS_CRON='*/20 * * * * *' PORTAL_PROGRESS_WARM_UP=false \
  SERVER_PORT=$port "${launch[@]}" >"$data/portal.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
until curl -fs "http://localhost:$port/actuator/health" | grep -q UP; do
  kill -0 $pid 2>/dev/null || { cat "$data/portal.log"; exit 1; }
  sleep 0.5
done
export PGHOST=localhost PGPORT=$(sed -n 4p "$data/postgres/postmaster.pid") PGUSER=postgres PGDATABASE=portal
# The runs before the bench data was loaded reminded the demo's own late units; start afresh.
psql -q -X -v ON_ERROR_STOP=1 -c "delete from notification; delete from reminder;" 2>&1 | grep -v "psql version\|Some psql features" || true
psql -q -X -v ON_ERROR_STOP=1 -f bench/reminders-data.sql 2>&1 | grep -v "WARNING\|psql version\|Some psql features" || true
mark=$(wc -l <"$data/portal.log")
until tail -n +"$mark" "$data/portal.log" | grep -q "Reminders (SCHEDULED)"; do
  kill -0 $pid 2>/dev/null || { cat "$data/portal.log"; exit 1; }
  sleep 1
done
tail -n +"$mark" "$data/portal.log" | grep "Reminders (SCHEDULED)" | head -1 | sed 's/.*Reminders/Reminders/'
psql -q -X -t -c "select 'recorded: ' || count(*) || ' reminders, ' || sum(recipients) || ' recipients' from reminder" 2>/dev/null
