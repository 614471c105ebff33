#!/bin/bash
# Starts a throwaway InfluxDB 1.x on loopback with its own config and data under DIR.
# usage: influx-start.sh DIR [HTTP_PORT]
#   DIR        created if missing; holds influxdb.conf, meta/, data/, wal/, influxd.log, influxd.pid, http.port
#   HTTP_PORT  default: the port of a previous start in DIR, else a free loopback port
# Prints "pid=<PID> port=<PORT> dir=<DIR>" when /ping answers. Starting again in the same DIR after
# influx-stop.sh keeps the data and the port (that is how a test restarts the server).
set -euo pipefail
DIR=${1:?usage: influx-start.sh DIR [HTTP_PORT]}
mkdir -p "$DIR"/{meta,data,wal}
DIR=$(cd "$DIR" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
"$HERE/influx-install.sh"

# true when nothing listens on 127.0.0.1:$1 (bash's /dev/tcp connect is refused)
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 40000 ))
    if port_free "$p"; then echo "$p"; return 0; fi
  done
  echo "influx-start.sh: no free loopback port found" >&2; return 1
}

if [ -f "$DIR/influxd.pid" ] && kill -0 "$(cat "$DIR/influxd.pid")" 2>/dev/null; then
  echo "influx-start.sh: influxd already running in $DIR with pid $(cat "$DIR/influxd.pid")" >&2; exit 1
fi
PORT=${2:-$(cat "$DIR/http.port" 2>/dev/null || free_port)}
RPC_PORT=$(cat "$DIR/rpc.port" 2>/dev/null || free_port)
port_free "$PORT" || { echo "influx-start.sh: port $PORT on 127.0.0.1 is in use" >&2; exit 1; }
echo "$PORT" > "$DIR/http.port"
echo "$RPC_PORT" > "$DIR/rpc.port"
cat > "$DIR/influxdb.conf" <<CONF
reporting-enabled = false
# the RPC (backup) service; on loopback like everything else
bind-address = "127.0.0.1:$RPC_PORT"
[meta]
  dir = "$DIR/meta"
[data]
  dir = "$DIR/data"
  wal-dir = "$DIR/wal"
  query-log-enabled = false
[monitor]
  store-enabled = false
[http]
  enabled = true
  bind-address = "127.0.0.1:$PORT"
  log-enabled = false
[logging]
  level = "warn"
CONF
# setsid: the server does not share the caller's process group, so a test runner's signals do not reach it
setsid influxd -config "$DIR/influxdb.conf" >>"$DIR/influxd.log" 2>&1 < /dev/null &
PID=$!
echo "$PID" > "$DIR/influxd.pid"
for _ in $(seq 1 300); do
  if curl -fs -o /dev/null "http://127.0.0.1:$PORT/ping"; then
    echo "pid=$PID port=$PORT dir=$DIR"
    exit 0
  fi
  kill -0 "$PID" 2>/dev/null || break
  sleep 0.05
done
echo "influx-start.sh: influxd (pid $PID) did not answer on 127.0.0.1:$PORT; log:" >&2
tail -n 30 "$DIR/influxd.log" >&2
kill "$PID" 2>/dev/null || true
exit 1
