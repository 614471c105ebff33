#!/bin/bash
# Helpers sourced by the server scripts in this folder.

# true when nothing listens on 127.0.0.1:$1 (bash's /dev/tcp connect is refused)
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# a free loopback port, printed; $1 names the caller for the error message
free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 40000 ))
    if port_free "$p"; then echo "$p"; return 0; fi
  done
  echo "$1: no free loopback port found" >&2; return 1
}

# stop_by_pid DIR PIDFILE SIGNAL [--purge]: signals the PID recorded in DIR/PIDFILE, waits up to 10 s, then KILLs;
# --purge deletes DIR afterwards
stop_by_pid() {
  local dir=$1 pidfile=$2 signal=$3 purge=${4:-} pid
  if [ -f "$dir/$pidfile" ]; then
    pid=$(cat "$dir/$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
      kill "-$signal" "$pid"
      for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    fi
    rm -f "$dir/$pidfile"
  fi
  if [ "$purge" = "--purge" ]; then
    rm -rf "$dir"
  fi
}

# apt_install_when_missing SCRIPT PACKAGE CHECK...: runs CHECK; when it fails, installs Debian's PACKAGE (as root,
# waiting for other holders of the dpkg lock) and runs CHECK again. Without systemd a package's service is not
# started: the start scripts run their own servers by hand.
apt_install_when_missing() {
  local script=$1 package=$2
  shift 2
  if "$@" >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "$script: $package missing and not root; install it with: apt-get install -y $package" >&2; return 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "$package" >/dev/null
  "$@" >/dev/null 2>&1 || { echo "$script: $package still missing after apt-get (checked with: $*)" >&2; return 1; }
}
