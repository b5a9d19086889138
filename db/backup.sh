#!/usr/bin/env bash
# Takes a consistent backup of the portal's database in pg_dump's custom format.
# Usage: db/backup.sh [FILE]        (default: backups/portal-YYYYMMDD-HHMMSS.dump)
# Works while the portal runs. See db/README.md for how the database is found.
set -euo pipefail
. "$(dirname "$0")/connection.sh"

file=${1:-backups/portal-$(date +%Y%m%d-%H%M%S).dump}
resolve_connection
check_client_version pg_dump
mkdir -p "$(dirname "$file")"
pg_dump --format=custom --no-owner --no-privileges --file="$file.partial" "$PGDATABASE"
mv "$file.partial" "$file"
echo "Backup of $PGDATABASE at $PGHOST:$PGPORT written to $file ($(wc -c <"$file") bytes)"
