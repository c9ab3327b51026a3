#!/usr/bin/env bash
# Stop the PostgreSQL started by scripts/pg/start.sh and remove its data directory.
set -euo pipefail
PORT="${MARSAD_PG_PORT:-54329}"
DIR="${MARSAD_PG_DIR:-/tmp/marsad-pg-$PORT}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || dirname "$(command -v pg_ctl)")"
[ -f "$DIR/PG_VERSION" ] || exit 0
if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$BIN/pg_ctl" -D "$DIR" -m fast stop >&2 || true
else "$BIN/pg_ctl" -D "$DIR" -m fast stop >&2 || true; fi
rm -rf "$DIR"
