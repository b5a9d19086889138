#!/usr/bin/env bash
# Restores a backup made by backup.sh, in one transaction: on any error nothing is restored.
# Usage: db/restore.sh [--clean] FILE
#   --clean  first drop the objects the backup contains (restoring over an existing portal
#            database; restart the portal afterwards). Without it the target must be empty.
set -euo pipefail
. "$(dirname "$0")/connection.sh"

clean=()
if [ "${1:-}" = "--clean" ]; then clean=(--clean --if-exists); shift; fi
[ $# -eq 1 ] || die "usage: db/restore.sh [--clean] FILE"
file=$1
[ -r "$file" ] || die "cannot read $file"

resolve_connection
check_client_version pg_restore
if [ ${#clean[@]} -eq 0 ]; then
  tables=$(psql -XAtc "select count(*) from pg_tables where schemaname = 'public'")
  [ "$tables" -eq 0 ] || die "$PGDATABASE at $PGHOST:$PGPORT already has $tables tables; restore into an empty database, or pass --clean to replace them."
fi
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction "${clean[@]}" --dbname="$PGDATABASE" "$file"
echo "Restored $file into $PGDATABASE at $PGHOST:$PGPORT"
