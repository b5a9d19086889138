#!/usr/bin/env bash
# Throughput of the public site (/gk/, 政务公开) for many anonymous readers. Starts the packaged
# portal with the demo on a fresh data directory, bound to 127.0.0.1 only, and loads three public
# pages with wrk (or ab when wrk is missing) for a bounded time each: the list of documents, the
# demo document with its 100 targets by county, and an indicator page; then the same document page
# revalidated with its ETag (304, no body). The per-address limit is raised for the run (every
# request comes from 127.0.0.1); a last short run with the default limit shows it answering 429.
# Needs curl and wrk or ab (Debian: apt-get install wrk apache2-utils).
# Usage: bench/public.sh [seconds per run, default 15] [connections, default 16]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
connections=${2:-16}
command -v wrk >/dev/null || command -v ab >/dev/null || { echo "needs wrk or ab: apt-get install wrk apache2-utils" >&2; exit 1; }
[ -f target/portal.jar ] || ./mvnw --batch-mode --quiet package -DskipTests
data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
start() { # extra environment → runs the portal in the background, waits until it is UP
  env PORTAL_DATA_DIR="$data" PORTAL_DEMO_DATA=true PORTAL_DEMO_PASSWORD=Bench-password-1 PORTAL_ADMIN_PASSWORD=Bench-admin-1 \
    SERVER_ADDRESS=127.0.0.1 SERVER_PORT="$port" "$@" java -jar target/portal.jar >>"$data/portal.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health" | grep -q UP; do
    kill -0 $pid 2>/dev/null || { cat "$data/portal.log"; exit 1; }
    sleep 0.5
  done
}
stop() { kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; }
trap 'stop; rm -rf "$data"' EXIT

load() { # label url [header] → requests/s, latency
  local label=$1 url=$2 header=${3:-}
  if command -v wrk >/dev/null; then
    local out
    out=$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency ${header:+-H "$header"} "$url")
    # wrk counts a 304 and a 429 alike as "non-2xx"; socket errors are timeouts and refused connections.
    printf '%-44s %10s req/s  p50 %8s  p99 %8s  non-2xx: %s  socket errors: %s\n' "$label" \
      "$(awk '/Requests\/sec/ { print $2 }' <<<"$out")" "$(awk '$1 == "50%" { print $2 }' <<<"$out")" \
      "$(awk '$1 == "99%" { print $2 }' <<<"$out")" "$(awk '/Non-2xx/ { print $5 }' <<<"$out" | grep . || echo 0)" \
      "$(awk '/Socket errors/ { print $0 }' <<<"$out" | sed 's/.*errors: //' | grep . || echo none)"
  else
    local out
    out=$(ab -q -t "$seconds" -n 1000000 -c "$connections" ${header:+-H "$header"} "$url" 2>&1)
    printf '%-44s %10s req/s  p50 %8s ms  p99 %8s ms  non-2xx: %s\n' "$label" \
      "$(awk '/Requests per second/ { print $4 }' <<<"$out")" "$(awk '$1 == "50%" { print $2 }' <<<"$out")" \
      "$(awk '$1 == "99%" { print $2 }' <<<"$out")" "$(awk '/Non-2xx/ { print $3 }' <<<"$out" | grep . || echo 0)"
  fi
}

start PORTAL_SECURITY_PUBLIC_REQUESTS_PER_MINUTE=100000000
base="http://127.0.0.1:$port"
document=$(curl -fs "$base/gk/" | sed -n 's/.*href="\/gk\/documents\/\([0-9]*\)".*/\1/p' | head -1)
indicator=$(curl -fs "$base/gk/documents/$document" | sed -n 's/.*href="\/gk\/documents\/[0-9]*\/indicators\/\([0-9]*\)?year=[0-9]*".*/\1/p' | head -1)
etag=$(curl -fs -D - -o /dev/null "$base/gk/documents/$document" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
[ -n "$document" ] && [ -n "$indicator" ] && [ -n "$etag" ] || { echo "no public document, indicator or ETag" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$base/gk/documents/$document")" = 304 ]
if curl -fs -D - -o /dev/null "$base/gk/" | grep -qi '^set-cookie: SESSION'; then echo "a session was created" >&2; exit 1; fi
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); ${seconds} s per run, $connections connections"
for warm in 1 2 3; do curl -s -o /dev/null "$base/gk/documents/$document/indicators/$indicator"; done
load "/gk/ (documents)" "$base/gk/"
load "/gk/documents/$document (100 targets)" "$base/gk/documents/$document"
load "/gk/documents/$document/indicators/$indicator" "$base/gk/documents/$document/indicators/$indicator"
load "same document, If-None-Match (304)" "$base/gk/documents/$document" "If-None-Match: $etag"
stop

start
seconds=5 load "default limit (1200/min per address)" "$base/gk/"
