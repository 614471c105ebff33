#!/bin/bash
# Installs Debian's headless-capable Chromium and its WebDriver ("chromium", "chromium-driver") when missing.
# The browser tests of the web page (scheduler/src/test/java/dev/ballast/scheduler/web) call it. Needs root for apt-get.
# usage: chromium-install.sh
set -euo pipefail
missing=()
command -v chromium >/dev/null || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "chromium-install.sh: ${missing[*]} missing and not root; install them with: apt-get install -y ${missing[*]}" >&2
  exit 2
fi
export DEBIAN_FRONTEND=noninteractive
# Other scripts may hold the dpkg lock (the InfluxDB and libvirt installers): wait for it.
apt-get -o DPkg::Lock::Timeout=600 update -qq
apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
command -v chromium >/dev/null && [ -x /usr/bin/chromedriver ] \
  || { echo "chromium-install.sh: chromium or /usr/bin/chromedriver still missing after apt-get" >&2; exit 1; }
