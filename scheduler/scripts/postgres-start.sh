#!/bin/bash
# Starts a throwaway PostgreSQL (Debian's package) on loopback with its own cluster under DIR, and a database
# "ballast" owned by user "ballast" (password "ballast").
# usage: postgres-start.sh DIR [PORT]
#   DIR   created if missing; holds pgdata/, postgres.log, postgres.pid, port
#   PORT  default: the port of a previous start in DIR, else a free loopback port
# Prints "pid=<PID> port=<PORT> dir=<DIR> url=jdbc:postgresql://127.0.0.1:<PORT>/ballast" when it accepts
# connections. PostgreSQL refuses to run as root: as root the server runs as the "postgres" user the package made.
set -euo pipefail
DIR=${1:?usage: postgres-start.sh DIR [PORT]}
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
"$HERE/postgres-install.sh"
BIN=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/postgres | sort -V | tail -n 1)")

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ -f "$DIR/postgres.pid" ] && kill -0 "$(cat "$DIR/postgres.pid")" 2>/dev/null; then
  echo "postgres-start.sh: postgres already running in $DIR with pid $(cat "$DIR/postgres.pid")" >&2; exit 1
fi
PORT=${2:-$(cat "$DIR/port" 2>/dev/null || free_port postgres-start.sh)}
port_free "$PORT" || { echo "postgres-start.sh: port $PORT on 127.0.0.1 is in use" >&2; exit 1; }
echo "$PORT" > "$DIR/port"
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$DIR"
  runuser -u postgres -- test -x "$DIR" || { echo "postgres-start.sh: user postgres cannot reach $DIR (its parents must be searchable by others; use a folder under /tmp)" >&2; exit 1; }
fi
FRESH=0
if [ ! -f "$DIR/pgdata/PG_VERSION" ]; then
  as_owner "$BIN/initdb" -D "$DIR/pgdata" -A trust -U postgres -E UTF8 --no-locale >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; exit 1; }
  FRESH=1
fi
# unix sockets in DIR (not /var/run/postgresql, which may not exist); TCP on loopback only; fsync on, as in use
if [ "$(id -u)" -eq 0 ]; then
  setsid runuser -u postgres -- "$BIN/postgres" -D "$DIR/pgdata" -h 127.0.0.1 -p "$PORT" -k "$DIR" -c max_connections=200 \
    >>"$DIR/postgres.log" 2>&1 < /dev/null &
else
  setsid "$BIN/postgres" -D "$DIR/pgdata" -h 127.0.0.1 -p "$PORT" -k "$DIR" -c max_connections=200 \
    >>"$DIR/postgres.log" 2>&1 < /dev/null &
fi
LAUNCHER=$!
PID=""
for _ in $(seq 1 300); do
  if [ -f "$DIR/pgdata/postmaster.pid" ]; then PID=$(head -n 1 "$DIR/pgdata/postmaster.pid"); fi
  if [ -n "$PID" ] && "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
    echo "$PID" > "$DIR/postgres.pid"
    if [ "$FRESH" = 1 ]; then
      as_owner "$BIN/psql" -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
        -c "CREATE USER ballast PASSWORD 'ballast'" -c "CREATE DATABASE ballast OWNER ballast" >/dev/null
    fi
    echo "pid=$PID port=$PORT dir=$DIR url=jdbc:postgresql://127.0.0.1:$PORT/ballast"
    exit 0
  fi
  kill -0 "$LAUNCHER" 2>/dev/null || { [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; } || break
  sleep 0.1
done
echo "postgres-start.sh: postgres did not accept connections on 127.0.0.1:$PORT; log:" >&2
tail -n 30 "$DIR/postgres.log" >&2
[ -n "$PID" ] && kill "$PID" 2>/dev/null
exit 1
