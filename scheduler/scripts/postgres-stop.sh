#!/bin/bash
# Stops the PostgreSQL started by postgres-start.sh DIR, by the PID it recorded (SIGINT, its "fast" shutdown,
# then KILL after 10 s).
# usage: postgres-stop.sh DIR [--purge]   --purge also deletes DIR
set -uo pipefail
DIR=${1:?usage: postgres-stop.sh DIR [--purge]}
if [ -f "$DIR/postgres.pid" ]; then
  PID=$(cat "$DIR/postgres.pid")
  if kill -0 "$PID" 2>/dev/null; then
    kill -INT "$PID"   # PostgreSQL's "fast" shutdown: rolls back open transactions and stops
    for _ in $(seq 1 200); do kill -0 "$PID" 2>/dev/null || break; sleep 0.05; done
    kill -0 "$PID" 2>/dev/null && kill -9 "$PID"
    for _ in $(seq 1 40); do kill -0 "$PID" 2>/dev/null || break; sleep 0.05; done
  fi
  rm -f "$DIR/postgres.pid"
fi
if [ "${2:-}" = "--purge" ]; then
  rm -rf "$DIR"
fi
exit 0
