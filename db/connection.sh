# Sourced by backup.sh and restore.sh: sets the libpq variables (PGHOST, PGPORT, PGDATABASE,
# PGUSER, PGPASSWORD) for the portal's database, in this order of preference:
#   1. PGHOST (and the other PG* variables) already set: used as they are;
#   2. SPRING_DATASOURCE_URL (jdbc:postgresql://host[:port]/database) with
#      SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD: the external database;
#   3. otherwise the embedded database of a running portal, found through
#      ${PORTAL_DATA_DIR:-./data}/postgres/postmaster.pid.

die() { echo "$(basename "$0"): $*" >&2; exit 1; }

resolve_connection() {
  if [ -n "${PGHOST:-}" ]; then
    :
  elif [ -n "${SPRING_DATASOURCE_URL:-}" ]; then
    local rest=${SPRING_DATASOURCE_URL#jdbc:postgresql://}
    [ "$rest" != "$SPRING_DATASOURCE_URL" ] || die "SPRING_DATASOURCE_URL must look like jdbc:postgresql://host:port/database"
    local hostport=${rest%%/*} database=${rest#*/}
    export PGHOST=${hostport%%:*}
    [ "$hostport" = "$PGHOST" ] && export PGPORT=5432 || export PGPORT=${hostport#*:}
    export PGDATABASE=${database%%\?*}
    export PGUSER=${SPRING_DATASOURCE_USERNAME:-${PGUSER:-postgres}}
    [ -z "${SPRING_DATASOURCE_PASSWORD:-}" ] || export PGPASSWORD=$SPRING_DATASOURCE_PASSWORD
  else
    local pidfile="${PORTAL_DATA_DIR:-./data}/postgres/postmaster.pid"
    [ -f "$pidfile" ] || die "no running embedded database: $pidfile not found. Start the portal (its database runs with it), set PORTAL_DATA_DIR, or set SPRING_DATASOURCE_URL / PGHOST for an external database."
    # postmaster.pid: line 1 the pid, line 4 the port.
    kill -0 "$(sed -n 1p "$pidfile")" 2>/dev/null || die "the embedded database in $(dirname "$pidfile") is not running. Start the portal first."
    export PGHOST=localhost PGPORT=$(sed -n 4p "$pidfile") PGDATABASE=portal PGUSER=postgres
  fi
  export PGDATABASE=${PGDATABASE:-portal}
}

# pg_dump and pg_restore refuse servers newer than themselves: say so plainly.
check_client_version() {
  local tool=$1
  command -v "$tool" >/dev/null || die "$tool not found. Install the PostgreSQL client tools (Debian: apt-get install postgresql-client), or set PG_BIN to their directory."
  local client server
  client=$("$tool" --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)*.*/\1/')
  server=$(psql -XAtc "show server_version_num" 2>/dev/null) || die "cannot connect to PostgreSQL at $PGHOST:$PGPORT/$PGDATABASE as $PGUSER"
  server=$((server / 10000))
  [ "$client" -ge "$server" ] || die "$tool is version $client but the server runs PostgreSQL $server; use the client tools of version $server or newer (set PG_BIN to their bin directory)."
}

[ -z "${PG_BIN:-}" ] || PATH="$PG_BIN:$PATH"
