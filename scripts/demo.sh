#!/usr/bin/env bash
# The main job, end to end, on this machine: build skiff, start a registry on 127.0.0.1 holding a
# small busybox image (Docker Hub is out of reach here), then, as an unprivileged user: show what
# the host allows (`skiff info`), enter skiff's user namespace (`skiff unshare id`), pull the image,
# list it and run a container from it. Run as root on a fresh machine (it prepares the host and
# uses the user skiff-test), or as an ordinary user when docker-registry, skopeo and
# busybox-static are installed.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
USER_NAME=${SKIFF_TEST_USER:-skiff-test}
if [ "$(id -u)" = 0 ]; then TEST_USER=$USER_NAME bash scripts/setup-host.sh; fi
cargo build --release --quiet
skiff=$(pwd)/target/release/skiff
work=$(mktemp -d /tmp/skiff-demo.XXXXXX)
chmod 755 "$work"
cleanup() { [ -n "${reg_pid:-}" ] && kill "$reg_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
start_registry "$work"
python3 bench/make_image.py "$work/layout" demo >/dev/null
skopeo copy -q --dest-tls-verify=false "oci:$work/layout:demo" "docker://127.0.0.1:$port/busybox:latest"
store=(--root "$work/store/root" --runroot "$work/store/run")
[ "$(id -u)" = 0 ] && { mkdir -p "$work/store"; chown "$USER_NAME" "$work/store"; }
show() { printf '\n$ skiff %s\n' "$*"; as_user "$skiff" "${store[@]}" "$@"; }
show info --format '{{.Host.User}} (uid {{.Host.Uid}}) rootless={{.Host.Rootless}} overlay-in-userns={{.Store.OverlayInUserns.Works}} driver={{.Store.Driver}}'
show unshare id
show pull --tls-verify=false "127.0.0.1:$port/busybox:latest"
show images
show run --rm "127.0.0.1:$port/busybox:latest" busybox sh -c 'echo "hello from a rootless container: uid $(busybox id -u), hostname $(busybox hostname)"'
as_user "$skiff" "${store[@]}" unshare rm -rf "$work/store/root" "$work/store/run"
