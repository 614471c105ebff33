#!/bin/bash
# Stops the ZooKeeper started by zookeeper-start.sh DIR, by the PID it recorded (TERM, then KILL after 5 s).
# usage: zookeeper-stop.sh DIR [--purge]   --purge also deletes DIR
set -uo pipefail
DIR=${1:?usage: zookeeper-stop.sh DIR [--purge]}
if [ -f "$DIR/zookeeper.pid" ]; then
  PID=$(cat "$DIR/zookeeper.pid")
  if kill -0 "$PID" 2>/dev/null; then
    kill "$PID"
    for _ in $(seq 1 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.05; done
    kill -0 "$PID" 2>/dev/null && kill -9 "$PID"
    for _ in $(seq 1 40); do kill -0 "$PID" 2>/dev/null || break; sleep 0.05; done
  fi
  rm -f "$DIR/zookeeper.pid"
fi
if [ "${2:-}" = "--purge" ]; then
  rm -rf "$DIR"
fi
exit 0
