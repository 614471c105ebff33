#!/usr/bin/env bash
# Ballast's libvirt testbed: N real libvirtd "hypervisor hosts" on one machine, each in its own network, mount and
# UTS namespace, joined by a bridge in a switch namespace (nothing is routed out), with tiny QEMU guests (Debian
# kernel + busybox initramfs) that print "HEARTBEAT n" on their serial log every second and rewrite some MiB of
# memory (dirty pages, so live migrations have something to chase). Needs root. No systemd, dbus or udev.
#
#   testbed.sh up                       install what is missing, bring up TB_HOSTS hosts; prints `uris` output
#   testbed.sh down                     destroy guests, stop every daemon by PID, delete the namespaces
#   testbed.sh status                   daemons and their domains
#   testbed.sh uris                     shell-sourceable connection URIs
#   testbed.sh guest HOST NAME [MEM_MIB] [DIRTY_MIB]   define and start a guest on host number HOST
#   testbed.sh wait-heartbeat NAME [TIMEOUT_S]         until the guest printed a heartbeat (TCG boot: 5-15 s)
#   testbed.sh heartbeats NAME          the number of the guest's last heartbeat (0 when none)
#   testbed.sh stop-host HOST           stop one host's libvirtd (its guests keep running, as on a real host)
#   testbed.sh start-host HOST          start it again
#   testbed.sh migrate NAME SRC DST     p2p live migration with virsh (a reference for the Java driver)
#
# Clients in the root namespace reach host N through its unix socket:  qemu+unix:///system?socket=$TB_DIR/hN/run/libvirt-sock
# Daemons reach each other (peer-to-peer migration) over TCP:           qemu+tcp://$TB_SUBNET.(10+N)/system
#
# Environment: TB_NAME (tb; prefix of namespace and link names, at most 6 characters, so that two testbeds can run
# side by side), TB_DIR (/tmp/ballast-$TB_NAME), TB_HOSTS (2), TB_SUBNET (10.77.0; private to the switch namespace),
# TB_CACHE (/var/tmp/ballast-testbed: guest kernel, initramfs and QEMU capabilities, kept between runs).
set -Eeuo pipefail

TB_NAME=${TB_NAME:-tb}
TB_DIR=${TB_DIR:-/tmp/ballast-$TB_NAME}
TB_HOSTS=${TB_HOSTS:-2}
TB_SUBNET=${TB_SUBNET:-10.77.0}
TB_CACHE=${TB_CACHE:-/var/tmp/ballast-testbed}
PACKAGES=(libvirt-daemon libvirt-daemon-driver-qemu libvirt-clients qemu-system-x86 iproute2 busybox-static cpio)

say() { printf '[testbed %s %(%H:%M:%S)T] %s\n' "$TB_NAME" -1 "$*" >&2; }
die() { say "error: $*"; exit 1; }
millis() { echo $(( $(date +%s%N) / 1000000 )); }
socket_of() { echo "$TB_DIR/h$1/run/libvirt-sock"; }
local_uri() { echo "qemu+unix:///system?socket=$(socket_of "$1")"; }
address_of() { echo "$TB_SUBNET.$((10 + $1))"; }
peer_uri() { echo "qemu+tcp://$(address_of "$1")/system"; }
netns_of() { echo "$TB_NAME-h$1"; }
switch_ns() { echo "$TB_NAME-sw"; }
on_host() { local h=$1; shift; virsh -q -c "$(local_uri "$h")" "$@"; }

[ ${#TB_NAME} -le 6 ] || die "TB_NAME '$TB_NAME' is longer than 6 characters (link names are limited to 15)"
[[ "$TB_HOSTS" =~ ^[1-9][0-9]?$ ]] || die "TB_HOSTS must be 1..99, was '$TB_HOSTS'"

need_root() { [ "$(id -u)" = 0 ] || die "must run as root (network namespaces, bind mounts, a root libvirtd)"; }

install_missing() {
  local missing=()
  for tool in libvirtd virsh qemu-system-x86_64 ip busybox cpio; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${PACKAGES[*]} (missing: ${missing[*]})"
    # other engineers' scripts may hold the dpkg lock: wait for it rather than fail
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
  fi
  # a root libvirtd looks up its built-in QEMU user and group before reading qemu.conf; Debian creates them in
  # libvirt-daemon-system, which we leave out (systemd units, polkit, dnsmasq)
  getent group libvirt-qemu >/dev/null || groupadd --system libvirt-qemu
  getent passwd libvirt-qemu >/dev/null || useradd --system --no-create-home --home-dir /var/lib/libvirt \
    --shell /usr/sbin/nologin -g libvirt-qemu libvirt-qemu
}

# The guest: Debian's kernel (taken out of its package, not installed) and a busybox initramfs whose /init prints a
# heartbeat every second and rewrites dirty_mb MiB of a tmpfs file (kernel command line) between heartbeats.
build_guest_image() {
  mkdir -p "$TB_CACHE"
  if [ ! -s "$TB_CACHE/vmlinuz" ]; then
    local work; work=$(mktemp -d); chmod 777 "$work"   # apt-get download runs as _apt
    local package
    package=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
    if [ -z "$package" ]; then   # package lists never fetched on this machine
      apt-get -o DPkg::Lock::Timeout=600 update -qq
      package=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
    fi
    [ -n "$package" ] || die "no linux-image-amd64 package in the apt lists"
    say "downloading $package for the guest kernel"
    (cd "$work" && apt-get -o DPkg::Lock::Timeout=600 download -qq "$package" \
      && dpkg-deb --fsys-tarfile ./*.deb | tar -x --wildcards './boot/vmlinuz-*')
    # through a private name, so two testbeds filling the cache at once never see half a file
    cp "$work"/boot/vmlinuz-* "$TB_CACHE/vmlinuz.$$" && mv "$TB_CACHE/vmlinuz.$$" "$TB_CACHE/vmlinuz"
    rm -rf "$work"
  fi
  if [ ! -s "$TB_CACHE/initrd.img" ]; then
    local root; root=$(mktemp -d)
    mkdir -p "$root"/{bin,proc,sys,dev,tmp}
    cp "$(command -v busybox)" "$root/bin/busybox"
    for applet in sh mount echo sleep cat dd cut grep; do ln -s busybox "$root/bin/$applet"; done
    cat > "$root/init" <<'INIT'
#!/bin/sh
/bin/busybox mount -t proc proc /proc
/bin/busybox mount -t sysfs sys /sys
/bin/busybox mount -t devtmpfs dev /dev 2>/dev/null
/bin/busybox mount -t tmpfs -o size=90% tmp /tmp
dirty=8
for word in $(cat /proc/cmdline); do case "$word" in dirty_mb=*) dirty=${word#dirty_mb=};; esac; done
echo "GUEST-UP $(grep MemTotal /proc/meminfo) dirty_mb=$dirty"
dd if=/dev/urandom of=/tmp/pattern bs=1M count=1 2>/dev/null
n=0
while true; do
  n=$((n + 1))
  block=0
  while [ $block -lt $dirty ]; do
    dd if=/tmp/pattern of=/tmp/ballast bs=1M seek=$block count=1 conv=notrunc 2>/dev/null
    block=$((block + 1))
  done
  echo "HEARTBEAT $n uptime=$(cut -d' ' -f1 /proc/uptime)"
  sleep 1
done
INIT
    chmod +x "$root/init"
    (cd "$root" && find . | cpio -o -H newc 2>/dev/null | gzip -1) > "$TB_CACHE/initrd.img.$$"
    mv "$TB_CACHE/initrd.img.$$" "$TB_CACHE/initrd.img"
    rm -rf "$root"
  fi
  mkdir -p "$TB_DIR/shared"
  cp "$TB_CACHE/vmlinuz" "$TB_CACHE/initrd.img" "$TB_DIR/shared/"
}

host_uuid() { printf 'b0a11a57-%04x-4000-8000-%012d' "$(( $(printf '%s' "$TB_NAME" | cksum | cut -d' ' -f1) % 65536 ))" "$1"; }

write_host_config() {
  local h=$1 dir="$TB_DIR/h$1" address; address=$(address_of "$1")
  mkdir -p "$dir"/{etc,lib,run,cache,log}
  cat > "$dir/etc/libvirtd.conf" <<CONF
listen_tls = 0
listen_tcp = 1
listen_addr = "$address"
auth_tcp = "none"
auth_unix_rw = "none"
auth_unix_ro = "none"
unix_sock_group = "root"
unix_sock_ro_perms = "0770"
unix_sock_rw_perms = "0770"
host_uuid = "$(host_uuid "$h")"
log_outputs = "3:file:/var/log/libvirt/libvirtd.log"
keepalive_interval = 5
CONF
  # root QEMU without cgroups, namespaces or a security driver: the testbed has no systemd to delegate them
  cat > "$dir/etc/qemu.conf" <<CONF
user = "root"
group = "root"
dynamic_ownership = 0
remember_owner = 0
security_driver = "none"
cgroup_controllers = [ ]
namespaces = [ ]
stdio_handler = "file"
migration_address = "$address"
migration_host = "$address"
CONF
  # run inside the host's namespaces: libvirtd's state paths are compiled in, so each host gets its own copies
  cat > "$dir/enter.sh" <<SCRIPT
#!/usr/bin/env bash
set -e
mkdir -p /etc/libvirt && mount --bind "$dir/etc" /etc/libvirt
for pair in lib:/var/lib/libvirt run:/run/libvirt cache:/var/cache/libvirt log:/var/log/libvirt; do
  mkdir -p "\${pair#*:}"; mount --bind "$dir/\${pair%%:*}" "\${pair#*:}"
done
hostname "$TB_NAME-h$h"
exec /usr/sbin/libvirtd --listen --config /etc/libvirt/libvirtd.conf --pid-file /run/libvirt/libvirtd.pid
SCRIPT
  chmod +x "$dir/enter.sh"
}

network_up() {
  local sw; sw=$(switch_ns)
  ip netns add "$sw"
  ip -n "$sw" link set lo up
  ip -n "$sw" link add br0 type bridge
  ip -n "$sw" link set br0 up
  for h in $(seq 1 "$TB_HOSTS"); do
    local ns; ns=$(netns_of "$h")
    ip netns add "$ns"
    ip -n "$ns" link set lo up
    ip link add "${TB_NAME}h$h" netns "$ns" type veth peer name "${TB_NAME}h${h}s" netns "$sw"
    ip -n "$ns" link set "${TB_NAME}h$h" name eth0
    ip -n "$ns" addr add "$(address_of "$h")/24" dev eth0
    ip -n "$ns" link set eth0 up
    ip -n "$sw" link set "${TB_NAME}h${h}s" master br0
    ip -n "$sw" link set "${TB_NAME}h${h}s" up
  done
}

network_down() {
  for h in $(seq 1 "$TB_HOSTS"); do ip netns del "$(netns_of "$h")" 2>/dev/null || true; done
  ip netns del "$(switch_ns)" 2>/dev/null || true
}

start_host() {
  local h=$1 dir="$TB_DIR/h$1" started; started=$(millis)
  [ -x "$dir/enter.sh" ] || die "host $h is not part of testbed $TB_NAME ($dir)"
  rm -f "$(socket_of "$h")"
  # nsenter rather than `ip netns exec`, which remounts /sys; setsid, nsenter, unshare and the script all exec,
  # so $! is libvirtd's own PID
  setsid nsenter --net="/run/netns/$(netns_of "$h")" unshare --mount --uts --propagation private "$dir/enter.sh" \
    > "$dir/libvirtd.out" 2>&1 < /dev/null &
  echo $! > "$dir/libvirtd.pid"
  for _ in $(seq 1 600); do
    if [ -S "$(socket_of "$h")" ] && virsh -q -c "$(local_uri "$h")" uri >/dev/null 2>&1; then
      say "h$h: libvirtd pid $(cat "$dir/libvirtd.pid") answers after $(( $(millis) - started )) ms"
      return 0
    fi
    kill -0 "$(cat "$dir/libvirtd.pid")" 2>/dev/null || { cat "$dir/libvirtd.out" "$dir/log/libvirtd.log" >&2 || true; die "h$h: libvirtd exited"; }
    sleep 0.1
  done
  die "h$h: libvirtd did not answer within 60 s"
}

stop_daemon() {   # by the PID we recorded; QEMU processes survive, as guests survive a libvirtd restart
  local h=$1 dir="$TB_DIR/h$1" pid
  pid=$(cat "$dir/libvirtd.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  rm -f "$dir/libvirtd.pid"
  say "h$h: libvirtd stopped"
}

teardown_host() {
  local h=$1 dir="$TB_DIR/h$1"
  [ -d "$dir" ] || return 0
  if [ -S "$(socket_of "$h")" ] && [ -f "$dir/libvirtd.pid" ]; then
    for domain in $(on_host "$h" list --all --name 2>/dev/null); do
      on_host "$h" destroy "$domain" >/dev/null 2>&1 || true
      on_host "$h" undefine "$domain" >/dev/null 2>&1 || true
    done
  fi
  stop_daemon "$h"
  # QEMU processes left without a daemon: by their pid files, never by name
  for pidfile in "$dir"/run/qemu/*.pid; do
    [ -e "$pidfile" ] || continue
    local qemu; qemu=$(cat "$pidfile")
    [ -n "$qemu" ] && kill "$qemu" 2>/dev/null || true
  done
}

cmd_up() {
  need_root
  local started; started=$(millis)
  [ ! -e "$TB_DIR/up" ] || die "testbed $TB_NAME is already up ($TB_DIR/up); run down first"
  ip netns list | grep -q "^$(switch_ns)\b" && die "namespace $(switch_ns) exists: another testbed named $TB_NAME is up"
  trap 'say "up failed; tearing down"; cmd_down' ERR
  install_missing
  build_guest_image
  network_up
  for h in $(seq 1 "$TB_HOSTS"); do write_host_config "$h"; done
  # probing QEMU's capabilities costs 5-10 s per daemon: probe once, seed every host with the cache (libvirt
  # checks it against the QEMU binary and re-probes by itself when stale)
  for h in $(seq 1 "$TB_HOSTS"); do
    if ls "$TB_CACHE"/qemu-caps/*.xml >/dev/null 2>&1; then
      mkdir -p "$TB_DIR/h$h/cache/qemu/capabilities"
      cp "$TB_CACHE"/qemu-caps/*.xml "$TB_DIR/h$h/cache/qemu/capabilities/"
    fi
    start_host "$h"
    if [ "$h" = 1 ]; then
      on_host 1 domcapabilities --virttype qemu >/dev/null
      mkdir -p "$TB_CACHE/qemu-caps"
      for caps in "$TB_DIR"/h1/cache/qemu/capabilities/*.xml; do
        [ -e "$caps" ] && cp "$caps" "$TB_CACHE/qemu-caps/.$$" && mv "$TB_CACHE/qemu-caps/.$$" "$TB_CACHE/qemu-caps/${caps##*/}"
      done
    fi
  done
  echo "$TB_HOSTS" > "$TB_DIR/up"
  trap - ERR
  say "up with $TB_HOSTS hosts in $(( $(millis) - started )) ms"
  cmd_uris
}

cmd_down() {
  local started; started=$(millis)
  for h in $(seq 1 "$TB_HOSTS"); do teardown_host "$h" & done
  wait
  network_down
  rm -f "$TB_DIR/up"
  say "down in $(( $(millis) - started )) ms"
}

cmd_uris() {
  for h in $(seq 1 "$TB_HOSTS"); do
    echo "TB_H${h}_URI='$(local_uri "$h")'"
    echo "TB_H${h}_PEER_URI='$(peer_uri "$h")'"
    echo "TB_H${h}_ADDRESS='$(address_of "$h")'"
  done
}

cmd_status() {
  for h in $(seq 1 "$TB_HOSTS"); do
    local pid; pid=$(cat "$TB_DIR/h$h/libvirtd.pid" 2>/dev/null || echo -)
    echo "h$h libvirtd pid=$pid running=$(kill -0 "$pid" 2>/dev/null && echo yes || echo no)"
    on_host "$h" list --all 2>&1 | sed 's/^/  /' || true
  done
}

cmd_guest() {
  local h=${1:?host number} name=${2:?guest name} memory=${3:-128} dirty=${4:-8}
  [[ "$memory" =~ ^[0-9]+$ ]] && [ "$memory" -ge 96 ] || die "guest memory must be >= 96 MiB (the kernel needs it), was '$memory'"
  local xml="$TB_DIR/shared/$name.xml" log="$TB_DIR/shared/$name.log"
  : > "$log"
  cat > "$xml" <<XML
<domain type='qemu'>
  <name>$name</name>
  <memory unit='MiB'>$memory</memory>
  <vcpu>1</vcpu>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
    <kernel>$TB_DIR/shared/vmlinuz</kernel>
    <initrd>$TB_DIR/shared/initrd.img</initrd>
    <cmdline>console=ttyS0 panic=-1 quiet dirty_mb=$dirty</cmdline>
  </os>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>destroy</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    <serial type='file'><source path='$log' append='on'/><target port='0'/></serial>
    <console type='file'><source path='$log' append='on'/><target type='serial' port='0'/></console>
    <memballoon model='none'/>
  </devices>
</domain>
XML
  on_host "$h" define "$xml" >/dev/null
  on_host "$h" start "$name" >/dev/null
  say "guest $name started on h$h (${memory} MiB, dirties ${dirty} MiB per heartbeat); serial log $log"
}

cmd_heartbeats() {
  local last; last=$(grep -a -o 'HEARTBEAT [0-9]*' "$TB_DIR/shared/${1:?guest name}.log" 2>/dev/null | tail -1 | cut -d' ' -f2 || true)
  echo "${last:-0}"
}

cmd_wait_heartbeat() {
  local name=${1:?guest name} timeout=${2:-90} started; started=$(millis)
  while [ $(( $(millis) - started )) -lt $((timeout * 1000)) ]; do
    [ "$(cmd_heartbeats "$name")" -gt 0 ] && { say "$name: heartbeat after $(( $(millis) - started )) ms"; return 0; }
    sleep 0.2
  done
  die "$name: no heartbeat within ${timeout} s"
}

cmd_migrate() {
  local name=${1:?guest} from=${2:?source host} to=${3:?target host} started; started=$(millis)
  on_host "$from" migrate --live --p2p --persistent --undefinesource "$name" "$(peer_uri "$to")"
  say "virsh migrated $name h$from -> h$to in $(( $(millis) - started )) ms"
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  uris) cmd_uris ;;
  guest) shift; cmd_guest "$@" ;;
  heartbeats) shift; cmd_heartbeats "$@" ;;
  wait-heartbeat) shift; cmd_wait_heartbeat "$@" ;;
  stop-host) need_root; stop_daemon "${2:?host number}" ;;
  start-host) need_root; start_host "${2:?host number}" ;;
  migrate) shift; cmd_migrate "$@" ;;
  *) sed -n '2,26p' "$0"; exit 2 ;;
esac
