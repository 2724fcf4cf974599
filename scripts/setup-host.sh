#!/usr/bin/env bash
# Prepares this machine (as root) for skiff's tests and demo: installs the Debian packages they use,
# makes /dev/fuse usable (a desktop's udev rule would), and creates the unprivileged user
# $TEST_USER (default skiff-test) with subordinate uid/gid ranges. Safe to run again.
set -euo pipefail
TEST_USER=${TEST_USER:-skiff-test}
PACKAGES=(uidmap docker-registry skopeo busybox-static fuse3 fuse-overlayfs passt slirp4netns crun runc
          iproute2 procps python3 ca-certificates)
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
