#!/bin/bash
# Installs Debian's libvirt client library (libvirt0), which libvirt-java loads through JNA, when it is missing.
# Needs root for apt-get. (The testbed installs the daemons; collecting from remote hosts needs only this.)
# usage: libvirt-client-install.sh
set -euo pipefail
if ldconfig -p | grep -q 'libvirt\.so\.0 '; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "libvirt-client-install.sh: libvirt0 missing and not root; install it with: apt-get install -y libvirt0" >&2
  exit 2
fi
export DEBIAN_FRONTEND=noninteractive
# other scripts may hold the dpkg lock: wait for it
apt-get -o DPkg::Lock::Timeout=600 update -qq
apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends libvirt0 >/dev/null
ldconfig -p | grep -q 'libvirt\.so\.0 ' || { echo "libvirt-client-install.sh: libvirt.so.0 still missing" >&2; exit 1; }
