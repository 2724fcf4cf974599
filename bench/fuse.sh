#!/usr/bin/env bash
# Storage-driver benchmark: the same workloads on the kernel overlay, on skiff's fuse-overlay and on
# the external fuse-overlayfs program, in one run, rootless: as the test user inside
# `skiff unshare` (uid 0 of skiff's user namespace, a private mount namespace), each backend
# mounting the same two lower layers (~18k files, ~330 MB copied from /usr) with a fresh upper
# directory for every run. Prints the median of N runs per workload and backend, and the ratios
# to fuse-overlayfs (below 1.00: skiff is faster).
#
# Workloads:
#   read    tar the whole tree to a pipe (every file read, every entry stat'ed)
#   find    find over the tree, stat'ing every entry
#   untar   extract 10k small files (100 directories x 100 files of 1-4 KiB)
#   write   write one 1 GiB file with dd (bs=1M; not fsync'ed, so the FUSE path is measured,
#           not the disk)
#
# Warm host page cache (the lower files are read once before timing); the FUSE mounts are
# fresh for every run, so their own caches start cold.
#   bench/fuse.sh [RUNS]      (default 5; run as root)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
USER_NAME=${SKIFF_TEST_USER:-skiff-test}
[ "$(id -u)" = 0 ] || { echo "run as root (it prepares the host and switches to $USER_NAME)" >&2; exit 1; }
TEST_USER=$USER_NAME bash scripts/setup-host.sh >/dev/null
command -v fuse-overlayfs >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fuse-overlayfs >/dev/null
cargo build --release --quiet
skiff=$(pwd)/target/release/skiff
work=$(mktemp -d /tmp/skiff-bench-fuse.XXXXXX)
chmod 755 "$work"
chown "$USER_NAME" "$work"
cleanup() { rm -rf "$work" 2>/dev/null || true; }
trap cleanup EXIT

as_user() {
  runuser -u "$USER_NAME" -- env -i HOME="/home/$USER_NAME" PATH=/usr/bin:/bin:/usr/sbin:/sbin "$@"
}

# The inner script runs inside `skiff unshare`.
cat > "$work/inner.sh" <<'INNER'
set -euo pipefail
work=$1 skiff=$2 runs=$3
L1=$work/lower1 L2=$work/lower2
M=$work/merged
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

mount_backend() {
  rm -rf "$work/upper" "$work/work"; mkdir -p "$work/upper" "$work/work" "$M"
  case $1 in
    overlay)
      mount -t overlay overlay -o "lowerdir=$L1:$L2,upperdir=$work/upper,workdir=$work/work,userxattr" "$M" ;;
    skiff)
      rm -f "$work/ready"
      "$skiff" fuse-overlay-serve --userxattr --upper "$work/upper" --work "$work/work" \
        --lower "$L1" --lower "$L2" "$M" > "$work/ready" 2>> "$work/skiff-server.log" &
      for _ in $(seq 200); do grep -q ready "$work/ready" 2>/dev/null && break; sleep 0.05; done
      grep -q ready "$work/ready" || { echo "skiff fuse-overlay did not start" >&2; cat "$work/skiff-server.log" >&2; exit 1; } ;;
    fuse-overlayfs)
      fuse-overlayfs -o "lowerdir=$L1:$L2,upperdir=$work/upper,workdir=$work/work" "$M" ;;
  esac
}

unmount_backend() {
  umount "$M"
  # Let a FUSE server see the end of its connection before the next mount.
  for _ in $(seq 100); do
    pgrep -f "fuse-overlay-serve.*$M" >/dev/null || pgrep -f "fuse-overlayfs.*$M" >/dev/null || break
    sleep 0.05
  done
}

workload() {
  case $1 in
    read) tar -cf - -C "$M" . | cat > /dev/null ;;
    find) find "$M" -printf '%m %s\n' > /dev/null ;;
    untar) mkdir "$M/untar" && tar -xf "$work/small.tar" -C "$M/untar" ;;
    write) dd if=/dev/zero of="$M/big" bs=1M count=1024 status=none ;;
  esac
}

# Warm the host page cache with the lower layers.
tar -cf - -C "$work" lower1 lower2 | cat > /dev/null
printf '%-8s %14s %14s %16s %10s %14s\n' workload overlay/ms skiff-fuse/ms fuse-overlayfs/ms skiff/fovl skiff/overlay
for w in read find untar write; do
  declare -A med=()
  for b in overlay skiff fuse-overlayfs; do
    times=()
    for _ in $(seq "$runs"); do
      mount_backend "$b"
      s=$(date +%s%N); workload "$w"; e=$(date +%s%N)
      times+=($(( (e - s) / 1000000 )))
      unmount_backend
      rm -rf "$work/upper" "$work/work"
    done
    med[$b]=$(printf '%s\n' "${times[@]}" | median)
    echo "  $w $b runs(ms): ${times[*]}" >&2
  done
  printf '%-8s %14s %14s %16s %10s %14s\n' "$w" "${med[overlay]}" "${med[skiff]}" "${med[fuse-overlayfs]}" \
    "$(awk -v a="${med[skiff]}" -v b="${med[fuse-overlayfs]}" 'BEGIN {printf "%.2f", a / (b ? b : 1)}')" \
    "$(awk -v a="${med[skiff]}" -v b="${med[overlay]}" 'BEGIN {printf "%.2f", a / (b ? b : 1)}')"
  unset med
done
INNER

# The lower layers and the archive, made by the test user so that they map to root inside.
as_user bash -c "
  set -e
  mkdir -p '$work/lower1' '$work/lower2'
  for d in /usr/lib/python3.11 /usr/share/perl /usr/share/zoneinfo; do [ -d \$d ] && cp -a \$d '$work/lower1/' || true; done
  for d in /usr/include /usr/share/doc; do [ -d \$d ] && cp -a \$d '$work/lower2/' || true; done
  mkdir -p '$work/small'
  for i in \$(seq 1 100); do
    mkdir '$work/small/d'\$i
    for j in \$(seq 1 100); do head -c \$(( (i * 37 + j * 91) % 3072 + 1024 )) /dev/urandom > '$work/small/d'\$i/f\$j; done
  done
  tar -cf '$work/small.tar' -C '$work/small' .
"
files=$(find "$work/lower1" "$work/lower2" | wc -l)
echo "lower layers: 2, $files entries, $(du -sh "$work/lower1" "$work/lower2" | cut -f1 | paste -sd+) ; runs per cell: $RUNS"
echo "kernel $(uname -r); $(fuse-overlayfs --version 2>/dev/null | head -1); skiff $("$skiff" --version)"
as_user "$skiff" --root "$work/store" --runroot "$work/run" unshare bash "$work/inner.sh" "$work" "$skiff" "$RUNS"
