#!/bin/bash
# Installs Debian's ZooKeeper server ("zookeeper") when it is missing. Needs root for apt-get.
# usage: zookeeper-install.sh
set -euo pipefail
if [ -f /usr/share/java/zookeeper.jar ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "zookeeper-install.sh: zookeeper missing and not root; install it with: apt-get install -y zookeeper" >&2
  exit 2
fi
export DEBIAN_FRONTEND=noninteractive
# Other scripts may hold the dpkg lock: wait for it. Without systemd the package's service is not started: we start
# our own servers by hand.
apt-get -o DPkg::Lock::Timeout=600 update -qq
apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends zookeeper >/dev/null
[ -f /usr/share/java/zookeeper.jar ] || { echo "zookeeper-install.sh: /usr/share/java/zookeeper.jar still missing after apt-get" >&2; exit 1; }
