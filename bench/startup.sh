#!/usr/bin/env bash
# Cold start of the packaged portal on an existing data directory: the time from `java -jar` to
# /actuator/health answering UP, over several runs (the first run, which creates the database,
# is not counted). Usage: bench/startup.sh [RUNS]   (builds target/portal.jar if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
[ -f target/portal.jar ] || ./mvnw --batch-mode --quiet package -DskipTests
data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
trap 'rm -rf "$data"' EXIT

start_once() {
  local begin end pid
  begin=$(date +%s.%N)
  PORTAL_DATA_DIR=$data PORTAL_ADMIN_PASSWORD=bench-only-password SERVER_PORT=$port \
    java -jar target/portal.jar >"$data/last.log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health" | grep -q '"status":"UP"'; do
    kill -0 $pid 2>/dev/null || { echo "portal exited; see $data/last.log" >&2; cat "$data/last.log" >&2; exit 1; }
    sleep 0.1
  done
  end=$(date +%s.%N)
  kill -TERM $pid
  wait $pid || true
  echo "$end - $begin" | bc
}

echo "first start (creates the database): $(start_once) s"
times=()
for i in $(seq "$runs"); do
  t=$(start_once)
  times+=("$t")
  echo "run $i: $t s"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median of %d runs: %.1f s (min %.1f, max %.1f)\n", NR, a[int((NR+1)/2)], a[1], a[NR]}'
