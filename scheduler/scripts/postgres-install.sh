#!/bin/bash
# Installs Debian's PostgreSQL server ("postgresql") when it is missing. Needs root for apt-get.
# usage: postgres-install.sh
set -euo pipefail
if ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "postgres-install.sh: postgresql missing and not root; install it with: apt-get install -y postgresql" >&2
  exit 2
fi
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=600 update -qq
apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends postgresql >/dev/null
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || { echo "postgres-install.sh: postgres still missing after apt-get" >&2; exit 1; }
