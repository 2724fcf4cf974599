#!/usr/bin/env bash
# Prepares this machine (as root) for skiff's tests and demo: installs the Debian packages they use,
# makes /dev/fuse usable (a desktop's udev rule would), and creates the unprivileged user
# $TEST_USER (default skiff-test) with subordinate uid/gid ranges. Safe to run again.
set -euo pipefail
TEST_USER=${TEST_USER:-skiff-test}
PACKAGES=(uidmap docker-registry skopeo busybox-static fuse3 fuse-overlayfs passt slirp4netns nftables crun runc
          iproute2 procps python3 ca-certificates)
# run --init uses catatonit (static) when installed; the tests of --init in busybox images need it.
PACKAGES+=(catatonit util-linux)
# The tls registry of tests/it/registry_errors.rs gets a self-signed certificate from openssl.
PACKAGES+=(openssl)
# tests/it/systemd.rs checks generated units with systemd-analyze and runs them under a
# `systemd --user` manager it starts (systemctl talks to it).
PACKAGES+=(systemd)
log() { printf '== %s\n' "$*" >&2; }
if [ "$(id -u)" != 0 ]; then
  echo "setup-host.sh must run as root" >&2
  exit 1
fi
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# A desktop's udev rule makes /dev/fuse usable by everyone; this machine has none.
[ -e /dev/fuse ] && chmod 0666 /dev/fuse
if ! id "$TEST_USER" >/dev/null 2>&1; then
  log "creating test user $TEST_USER"
  useradd --create-home --shell /bin/bash "$TEST_USER"
fi
if ! grep -q "^$TEST_USER:" /etc/subuid || ! grep -q "^$TEST_USER:" /etc/subgid; then
  usermod --add-subuids 100000-165535 --add-subgids 100000-165535 "$TEST_USER"
fi
# crun 1.8.1 refuses a hybrid cgroup layout ("cgroups in hybrid mode not supported") while the
# cgroup2 mount at /sys/fs/cgroup/unified holds a controller (here: hugetlb, the only one). Moving
# hugetlb to its own v1 hierarchy, as on a classic v1 host, leaves cgroup2 empty and crun happy.
# A controller can leave cgroup2 only when no cgroup has it enabled, so disable it in the root's
# subtree_control first (a no-op when it is not enabled).
UNIFIED=/sys/fs/cgroup/unified
if [ "$(stat -fc %T "$UNIFIED" 2>/dev/null)" = cgroup2fs ] \
   && grep -qw hugetlb "$UNIFIED/cgroup.controllers" \
   && ! mountpoint -q /sys/fs/cgroup/hugetlb; then
  log "moving the hugetlb cgroup controller from cgroup2 to a v1 mount (for crun)"
  if ! mkdir -p /sys/fs/cgroup/hugetlb 2>/dev/null; then
    # /sys/fs/cgroup is a read-only tmpfs on some hosts: make it writable for the mkdir.
    mount -o remount,rw /sys/fs/cgroup
    mkdir -p /sys/fs/cgroup/hugetlb
  fi
  if grep -qw hugetlb "$UNIFIED/cgroup.subtree_control"; then
    echo -hugetlb > "$UNIFIED/cgroup.subtree_control"
  fi
  mount -t cgroup -o hugetlb cgroup /sys/fs/cgroup/hugetlb \
    || log "WARNING: could not mount hugetlb as cgroup v1: crun will refuse this hybrid host"
fi
# pasta and slirp4netns open /dev/net/tun inside the container's network namespace, as the user.
# This machine has it mode 0600 (root only); a desktop's udev rule makes it 0666, as here.
if [ ! -e /dev/net/tun ]; then
  log "creating /dev/net/tun"
  mkdir -p /dev/net
  mknod /dev/net/tun c 10 200
fi
chmod 0666 /dev/net/tun
# The UDP test compiles a tiny static echo server (busybox's nc has no UDP): cc and libc.a.
if ! command -v cc >/dev/null 2>&1 || [ ! -e /usr/lib/x86_64-linux-gnu/libc.a ] && [ "$(uname -m)" = x86_64 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gcc libc6-dev >/dev/null
fi
# tests/it/systemd.rs starts `systemd --user` managers as the test user, as logind does at a login:
# a user manager needs a cgroup it may create cgroups under. This host boots without systemd, so
# give the test user one in the name=systemd hierarchy (v1, process tracking only: no controller,
# so its processes stay in the machine's memory cgroup and every other).
SD_CGROUP=/sys/fs/cgroup/systemd
if [ "$(stat -fc %T "$SD_CGROUP" 2>/dev/null)" = cgroupfs ]; then
  d="$SD_CGROUP/skiff-user-$(id -u "$TEST_USER")"
  mkdir -p "$d" && chown -R "$TEST_USER" "$d" \
    || log "WARNING: cannot delegate $d: tests/it/systemd.rs cannot start a systemd --user manager"
fi
