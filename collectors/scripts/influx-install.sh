#!/bin/bash
# Installs Debian's InfluxDB 1.x server ("influxdb") and curl when they are missing. Needs root for apt-get.
# usage: influx-install.sh
set -euo pipefail
missing=()
command -v influxd >/dev/null || missing+=(influxdb)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "influx-install.sh: ${missing[*]} missing and not root; install them with: apt-get install -y ${missing[*]}" >&2
  exit 2
fi
export DEBIAN_FRONTEND=noninteractive
# Other scripts may hold the dpkg lock: wait for it. The package's postinst calls invoke-rc.d, which says
# "policy-rc.d denied" without systemd: harmless, influxd is started by hand.
apt-get -o DPkg::Lock::Timeout=600 update -qq
apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
command -v influxd >/dev/null || { echo "influx-install.sh: influxd still missing after apt-get" >&2; exit 1; }
