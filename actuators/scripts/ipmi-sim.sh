#!/usr/bin/env bash
# A simulated BMC for Ballast's IPMI power driver: OpenIPMI's ipmi_sim serving IPMI 2.0 (lanplus) on 127.0.0.1 only,
# with one admin user and a chassis power state kept in a file. Optional hooks run when the power goes off or on
# (a test can make them stop or start a testbed host).
#
#   ipmi-sim.sh up      install openipmi/ipmitool when missing (root), start; prints only the ipmi_sim PID on stdout
#   ipmi-sim.sh down PID   stop that ipmi_sim (TERM, then KILL after 3 s); refuses a PID that is not ipmi_sim
#
# Environment: BMC_PORT (9623), BMC_USER (admin), BMC_PASSWORD (ballast), BMC_DIR (/tmp/ballast-bmc-$BMC_PORT),
# BMC_POWER (1 = on at start, 0 = off), BMC_ON_POWER_OFF / BMC_ON_POWER_ON (shell commands for the hooks).
# Client: ipmitool -I lanplus -C 3 -N 1 -R 1 -H 127.0.0.1 -p PORT -U USER -E chassis power status (IPMI_PASSWORD in
# the environment). Cipher suite 3 must be named: without it ipmitool first asks for the suite list, which ipmi_sim
# does not implement, and every call takes 10 s longer.
set -euo pipefail

port=${BMC_PORT:-9623}
user=${BMC_USER:-admin}
password=${BMC_PASSWORD:-ballast}
dir=${BMC_DIR:-/tmp/ballast-bmc-$port}

say() { echo "[ipmi-sim] $*" >&2; }

install_missing() {
  command -v ipmi_sim >/dev/null && command -v ipmitool >/dev/null && return 0
  [ "$(id -u)" = 0 ] || { say "ipmi_sim or ipmitool missing and not root: apt-get install -y openipmi ipmitool"; exit 1; }
  say "installing openipmi ipmitool"
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends openipmi ipmitool >/dev/null
}

is_ipmi_sim() { [ "$(cat "/proc/$1/comm" 2>/dev/null)" = ipmi_sim ] && [ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]; }

down() {
  local pid=${1:?usage: ipmi-sim.sh down PID}
  is_ipmi_sim "$pid" || { say "PID $pid is not a running ipmi_sim"; return 0; }
  kill -TERM "$pid"
  for _ in $(seq 1 60); do is_ipmi_sim "$pid" || { say "stopped $pid"; return 0; }; sleep 0.05; done
  kill -KILL "$pid"
  say "killed $pid"
}

up() {
  install_missing
  if ss -Hlun "sport = :$port" | grep -q .; then say "UDP port $port is in use"; exit 1; fi
  rm -rf "$dir"
  mkdir -p "$dir/state"
  echo "${BMC_POWER:-1}" > "$dir/power"
  [ -z "${BMC_ON_POWER_OFF:-}" ] || printf '#!/bin/sh\n%s\n' "$BMC_ON_POWER_OFF" > "$dir/on-power-off"
  [ -z "${BMC_ON_POWER_ON:-}" ] || printf '#!/bin/sh\n%s\n' "$BMC_ON_POWER_ON" > "$dir/on-power-on"
  chmod +x "$dir"/on-power-* 2>/dev/null || true

  # ipmi_sim runs this synchronously: "get power" must print power:<0|1>, "set power <0|1>" must exit 0
  cat > "$dir/chassis" <<'HOOK'
#!/usr/bin/env bash
here=$(cd "$(dirname "$0")" && pwd)
shift  # the MC address
op=$1; shift
hook() {
  # detached, and without ipmi_sim's descriptors (its UDP socket) so a long hook cannot hold the port
  ( for fd in /proc/$BASHPID/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-"; done
    exec setsid "$1" </dev/null >>"$here/hooks.log" 2>&1 ) &
}
case "$op" in
  get)
    for what in "$@"; do
      case "$what" in
        power) echo "power:$(cat "$here/power")" ;;
        boot) echo "boot:default" ;;
        *) echo "cannot get $what"; exit 1 ;;
      esac
    done ;;
  check) ;;
  set)
    while [ $# -ge 2 ]; do
      what=$1; value=${2//\"/}; shift 2
      echo "$(date +%s.%N) set $what=$value" >> "$here/events.log"
      if [ "$what" = power ]; then
        before=$(cat "$here/power"); echo "$value" > "$here/power"
        if [ "$value" = 0 ] && [ "$before" != 0 ] && [ -x "$here/on-power-off" ]; then hook "$here/on-power-off"; fi
        if [ "$value" = 1 ] && [ "$before" != 1 ] && [ -x "$here/on-power-on" ]; then hook "$here/on-power-on"; fi
      fi
    done ;;
  *) echo "unknown operation $op"; exit 1 ;;
esac
HOOK
  chmod +x "$dir/chassis"

  cat > "$dir/lan.conf" <<CONF
name "ballast-bmc"
set_working_mc 0x20
  startlan 1
    addr 127.0.0.1 $port
    priv_limit admin
    allowed_auths_callback none md2 md5 straight
    allowed_auths_user none md2 md5 straight
    allowed_auths_operator none md2 md5 straight
    allowed_auths_admin none md2 md5 straight
    guid 0b0a11a5700000000000000000000001
  endlan
  chassis_control "$dir/chassis 0x20"
  user 1 false ""      ""          user  1  none
  user 2 true  "$user" "$password" admin 10 none md2 md5 straight
CONF
  cat > "$dir/bmc.emu" <<'EMU'
mc_setbmc 0x20
mc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9f 0x1291 0xf02 persist_sdr
mc_enable 0x20
EMU
  setsid ipmi_sim -n -c "$dir/lan.conf" -f "$dir/bmc.emu" -s "$dir/state" </dev/null >"$dir/ipmi_sim.log" 2>&1 &
  local pid=$!
  echo "$pid" > "$dir/pid"
  for _ in $(seq 1 100); do
    ss -Hlunp "sport = :$port" | grep -q "pid=$pid," && break
    is_ipmi_sim "$pid" || { say "ipmi_sim exited:"; cat "$dir/ipmi_sim.log" >&2; exit 1; }
    sleep 0.05
  done
  if ! IPMI_PASSWORD=$password ipmitool -I lanplus -C 3 -N 1 -R 1 -H 127.0.0.1 -p "$port" -U "$user" -E chassis power status >/dev/null 2>&1; then
    say "ipmi_sim $pid does not answer; its log:"; cat "$dir/ipmi_sim.log" >&2; down "$pid"; exit 1
  fi
  say "up: pid $pid on 127.0.0.1:$port, user $user, dir $dir"
  echo "$pid"
}

case "${1:-}" in
  up) up ;;
  down) down "${2:-}" ;;
  *) sed -n '2,14p' "$0"; exit 2 ;;
esac
