#!/bin/bash
# Starts a throwaway standalone ZooKeeper (Debian's package) on loopback with its own config and data under DIR.
# usage: zookeeper-start.sh DIR [CLIENT_PORT]
#   DIR          created if missing; holds zoo.cfg, data/, zookeeper.log, zookeeper.pid, client.port
#   CLIENT_PORT  default: the port of a previous start in DIR, else a free loopback port
# Prints "pid=<PID> port=<PORT> dir=<DIR>" when the server answers "imok". Starting again in the same DIR after
# zookeeper-stop.sh keeps the data and the port (that is how a test restarts the server).
set -euo pipefail
DIR=${1:?usage: zookeeper-start.sh DIR [CLIENT_PORT]}
mkdir -p "$DIR/data"
DIR=$(cd "$DIR" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
"$HERE/zookeeper-install.sh"

ruok() { (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf ruok >&3 && timeout 1 cat <&3) 2>/dev/null; }

if [ -f "$DIR/zookeeper.pid" ] && kill -0 "$(cat "$DIR/zookeeper.pid")" 2>/dev/null; then
  echo "zookeeper-start.sh: zookeeper already running in $DIR with pid $(cat "$DIR/zookeeper.pid")" >&2; exit 1
fi
PORT=${2:-$(cat "$DIR/client.port" 2>/dev/null || free_port zookeeper-start.sh)}
port_free "$PORT" || { echo "zookeeper-start.sh: port $PORT on 127.0.0.1 is in use" >&2; exit 1; }
echo "$PORT" > "$DIR/client.port"
# tickTime 500 ms: sessions may be as short as 1 s (2 ticks), which keeps failover tests quick.
cat > "$DIR/zoo.cfg" <<CONF
tickTime=500
initLimit=10
syncLimit=5
dataDir=$DIR/data
clientPort=$PORT
clientPortAddress=127.0.0.1
minSessionTimeout=1000
maxSessionTimeout=60000
admin.enableServer=false
4lw.commands.whitelist=ruok,srvr,mntr
CONF
# Debian's ZooKeeper runs on any Java 11+: the default java, else the first JDK under /usr/lib/jvm.
JAVA=$(command -v java || ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | head -n 1)
[ -n "$JAVA" ] || { echo "zookeeper-start.sh: no java found (Debian's zookeeper package depends on one)" >&2; exit 1; }
# setsid: the server does not share the caller's process group, so a test runner's signals do not reach it
setsid "$JAVA" -Xmx256m -cp "/usr/share/java/zookeeper.jar" -Dzookeeper.log.dir="$DIR" \
  org.apache.zookeeper.server.quorum.QuorumPeerMain "$DIR/zoo.cfg" >>"$DIR/zookeeper.log" 2>&1 < /dev/null &
PID=$!
echo "$PID" > "$DIR/zookeeper.pid"
for _ in $(seq 1 300); do
  if [ "$(ruok "$PORT")" = "imok" ]; then
    echo "pid=$PID port=$PORT dir=$DIR"
    exit 0
  fi
  kill -0 "$PID" 2>/dev/null || break
  sleep 0.1
done
echo "zookeeper-start.sh: zookeeper (pid $PID) did not answer on 127.0.0.1:$PORT; log:" >&2
tail -n 30 "$DIR/zookeeper.log" >&2
kill "$PID" 2>/dev/null || true
exit 1
