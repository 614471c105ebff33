#!/bin/bash
# Stops the PostgreSQL started by postgres-start.sh DIR, by the PID it recorded (SIGINT, its "fast" shutdown: open
# transactions roll back; then KILL after 10 s).
# usage: postgres-stop.sh DIR [--purge]   --purge also deletes DIR
set -uo pipefail
DIR=${1:?usage: postgres-stop.sh DIR [--purge]}
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
stop_by_pid "$DIR" postgres.pid INT "${2:-}"
exit 0
