#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the tests on 127.0.0.1:${PGPORT:-55432} (data in a temporary
# directory, trust auth for the local user "lanecheck", database "lanecheck") and prints its
# URL; `scripts/postgres.sh stop` stops it and removes its data. PostgreSQL refuses to run as
# root, so as root it runs as the "postgres" system user.
set -euo pipefail
PGPORT=${PGPORT:-55432}
DIR=${PGDATA_DIR:-/tmp/lanecheck-pg-$PGPORT}
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ "${1:-}" = "stop" ]; then
  [ -d "$DIR" ] && as_pg "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
  exit 0
fi

rm -rf "$DIR"
mkdir -p "$DIR"
[ "$(id -u)" -eq 0 ] && chown postgres "$DIR"
as_pg "$BIN/initdb" -D "$DIR/data" -U lanecheck --auth=trust >/dev/null
as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
  -o "-h 127.0.0.1 -p $PGPORT -k $DIR -c fsync=off" start >/dev/null
as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U lanecheck lanecheck
echo "postgres://lanecheck@127.0.0.1:$PGPORT/lanecheck"
