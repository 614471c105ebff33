#!/bin/bash
# Installs Debian's PostgreSQL server ("postgresql") when it is missing. Needs root for apt-get.
# usage: postgres-install.sh
set -euo pipefail
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
have_postgres() { ls /usr/lib/postgresql/*/bin/postgres; }
apt_install_when_missing postgres-install.sh postgresql have_postgres
