#!/usr/bin/env bash
# Data in and out of containers: skiff vs podman, same user, same inputs, side by side. For each
# tool, in its own fresh store: `import` of a root filesystem tarball, `cp` of a directory tree
# into a stopped container and back out, `commit` of the container (with the tree as its change),
# `export` of it, and `diff`. Prints the median of N runs of each step and the ratio skiff/podman.
# Run as root (it switches to the test user) or as an ordinary user with podman installed.
#   bench/data.sh [RUNS]      (default 5; SKIFF_BENCH_NO_BUILD=1 uses the release binary as built)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
RUNS=${1:-5}
USER_NAME=${SKIFF_TEST_USER:-skiff-test}
prepare_bench
work=$(mktemp -d /tmp/skiff-bench-data.XXXXXX)
chmod 755 "$work"
[ "$(id -u)" = 0 ] && chown "$USER_NAME" "$work"
cleanup() { rm -rf "$work" 2>/dev/null || true; }
trap cleanup EXIT

as_user() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u "$USER_NAME" -- env -i HOME="$work" XDG_RUNTIME_DIR="$work/xdg" PATH=/usr/bin:/bin:/usr/sbin:/sbin "$@"
  else "$@"; fi
}
as_user mkdir -p -m 700 "$work/xdg"

# The root filesystem: busybox and its applets; the tree to copy: a few thousand small files.
rootfs=$work/rootfs
as_user mkdir -p "$rootfs/bin" "$rootfs/etc" "$rootfs/tmp"
as_user cp /bin/busybox "$rootfs/bin/"
for a in sh cat ls true; do as_user ln -s busybox "$rootfs/bin/$a"; done
as_user sh -c "echo 'root:x:0:0:root:/root:/bin/sh' > '$rootfs/etc/passwd'"
as_user tar -C "$rootfs" -cf "$work/rootfs.tar" .
tree=/usr/share/zoneinfo
[ -d "$tree" ] || tree=/usr/share/doc
files=$(find "$tree" | wc -l)
echo "tree: $tree ($files entries, $(du -sh "$tree" | cut -f1))"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || { echo "FAILED: $*" >&2; return 1; }; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

# One run of every step for `tool` in store directory `d`; prints "step ms" lines.
one_run() {
  local tool=$1 d=$2 t
  case $tool in
    skiff) t=("$skiff" --root "$d/root" --runroot "$d/run") ;;
    podman) t=(podman --root "$d/root" --runroot "$d/run" --storage-driver overlay) ;;
  esac
  echo "import $(time_ms as_user "${t[@]}" import "$work/rootfs.tar" localhost/bench:1)"
  as_user "${t[@]}" create --name c localhost/bench:1 true >/dev/null 2>&1 \
    || as_user "${t[@]}" run --name c localhost/bench:1 true >/dev/null
  echo "cp-in $(time_ms as_user "${t[@]}" cp "$tree" c:/tmp/)"
  echo "cp-out $(time_ms as_user "${t[@]}" cp c:/tmp/"$(basename "$tree")" "$d/out")"
  echo "diff $(time_ms as_user "${t[@]}" diff c)"
  echo "commit $(time_ms as_user "${t[@]}" commit c localhost/committed:1)"
  echo "export $(time_ms as_user "${t[@]}" export -o "$d/export.tar" c)"
  as_user "${t[@]}" unshare rm -rf "$d/root" "$d/run" "$d/out" >/dev/null 2>&1 || true
}

results=$work/results
for tool in skiff podman; do
  [ "$tool" = podman ] && ! command -v podman >/dev/null && continue
  for i in $(seq "$RUNS"); do
    d="$work/$tool-$i"; as_user mkdir -p "$d"
    one_run "$tool" "$d" | sed "s/^/$tool /" >> "$results"
  done
done
printf '%-8s %10s %10s %8s\n' step skiff_ms podman_ms ratio
for step in import cp-in cp-out diff commit export; do
  s=$(awk -v t=skiff -v st="$step" '$1==t && $2==st {print $3}' "$results" | median)
  p=$(awk -v t=podman -v st="$step" '$1==t && $2==st {print $3}' "$results" | median)
  r=$(python3 -c "print(f'{$s/$p:.2f}' if '$p' not in ('', '0') else '-')" 2>/dev/null || echo -)
  printf '%-8s %10s %10s %8s\n' "$step" "$s" "${p:--}" "$r"
done
