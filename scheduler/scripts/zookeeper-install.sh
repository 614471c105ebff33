#!/bin/bash
# Installs Debian's ZooKeeper server ("zookeeper") when it is missing. Needs root for apt-get.
# usage: zookeeper-install.sh
set -euo pipefail
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
apt_install_when_missing zookeeper-install.sh zookeeper test -f /usr/share/java/zookeeper.jar
