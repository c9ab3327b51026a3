#!/usr/bin/env bash
# Start a throwaway local PostgreSQL on 127.0.0.1 for tests and benchmarks; print the URL.
#
#   export MARSAD_TEST_PG="$(scripts/pg/start.sh)"     # start (or reuse) and get the URL
#   scripts/pg/stop.sh                                  # stop it and remove its data directory
#
# Installs the Debian package when no PostgreSQL binaries are present (needs root and apt).
# Port: MARSAD_PG_PORT (default 54329); data directory: MARSAD_PG_DIR (default /tmp/marsad-pg-PORT).
# All progress goes to stderr; stdout is only the connection URL.
set -euo pipefail

PORT="${MARSAD_PG_PORT:-54329}"
DIR="${MARSAD_PG_DIR:-/tmp/marsad-pg-$PORT}"
DB="${MARSAD_PG_DB:-marsad_test}"

find_bin() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
  if [ -n "$d" ] && [ -x "$d/initdb" ]; then echo "$d"; return; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
}

BIN="$(find_bin)"
if [ -z "$BIN" ]; then
  echo "scripts/pg/start.sh: installing postgresql from Debian…" >&2
  apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
  BIN="$(find_bin)"
fi
[ -n "$BIN" ] || { echo "scripts/pg/start.sh: no PostgreSQL binaries found" >&2; exit 1; }

# PostgreSQL refuses to run as root: run its binaries as the postgres user then.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ ! -f "$DIR/PG_VERSION" ]; then
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres: "$DIR"
  as_pg "$BIN/initdb" -D "$DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >&2 \
    || as_pg "$BIN/initdb" -D "$DIR" -U postgres --auth=trust -E UTF8 --locale=C >&2
fi

if ! as_pg "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
  as_pg "$BIN/pg_ctl" -D "$DIR" -w -l "$DIR/server.log" \
    -o "-h 127.0.0.1 -p $PORT -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
    start >&2
fi

if ! as_pg "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1; then
  as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB" >&2
fi

echo "postgres://postgres@127.0.0.1:$PORT/$DB"
