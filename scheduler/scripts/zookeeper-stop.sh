#!/bin/bash
# Stops the ZooKeeper started by zookeeper-start.sh DIR, by the PID it recorded (TERM, then KILL after 10 s).
# usage: zookeeper-stop.sh DIR [--purge]   --purge also deletes DIR
set -uo pipefail
DIR=${1:?usage: zookeeper-stop.sh DIR [--purge]}
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
stop_by_pid "$DIR" zookeeper.pid TERM "${2:-}"
exit 0
