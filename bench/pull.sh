#!/usr/bin/env bash
# Cold-pull benchmark: skiff pull vs podman pull of the same multi-layer image from a local registry,
# in the same run, as the same unprivileged user, each into an empty store. Prints the median of N
# runs for each tool and the ratio. Run as root (it starts the registry and switches to the test
# user) or as an ordinary user with docker-registry, skopeo and (optionally) podman installed.
#   bench/pull.sh [RUNS]      (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
RUNS=${1:-5}
USER_NAME=${SKIFF_TEST_USER:-skiff-test}
prepare_bench
work=$(mktemp -d /tmp/skiff-bench.XXXXXX)
chmod 755 "$work"
[ "$(id -u)" = 0 ] && chown "$USER_NAME" "$work"
cleanup() { [ -n "${reg_pid:-}" ] && kill "$reg_pid" 2>/dev/null; rm -rf "$work" 2>/dev/null || true; }
trap cleanup EXIT


start_registry "$work"

dirs=()
for d in /usr/share/zoneinfo /usr/lib/python3.11 /usr/share/perl /usr/share/locale; do [ -d "$d" ] && dirs+=("$d"); done
python3 bench/make_image.py "$work/layout" bench "${dirs[@]}" >&2
skopeo copy -q --dest-tls-verify=false "oci:$work/layout:bench" "docker://127.0.0.1:$port/bench:latest"
image=127.0.0.1:$port/bench:latest
files=$(for d in "${dirs[@]}"; do find "$d" | wc -l; done | awk '{s+=$1} END {print s}')
echo "image: $image, $(( ${#dirs[@]} + 1 )) layers, $(du -sh "$work/layout" | cut -f1) compressed, ~$files files"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || { echo "FAILED: $*" >&2; return 1; }; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

run_tool() {
  local tool=$1 i
  for i in $(seq "$RUNS"); do
    local d="$work/$tool-$i"; as_user mkdir -p "$d"
    case $tool in
      skiff) time_ms as_user "$skiff" --root "$d/root" --runroot "$d/run" pull -q --tls-verify=false "$image" ;;
      podman) time_ms as_user podman --root "$d/root" --runroot "$d/run" --storage-driver overlay pull -q --tls-verify=false "$image" ;;
    esac
    case $tool in
      skiff) as_user "$skiff" --root "$d/root" --runroot "$d/run" unshare rm -rf "$d/root" "$d/run" ;;
      podman) as_user podman unshare rm -rf "$d/root" "$d/run" 2>/dev/null || true ;;
    esac
  done
}

skiff_ms=$(run_tool skiff | median)
echo "skiff  pull (cold, median of $RUNS): ${skiff_ms} ms"
if command -v podman >/dev/null; then
  podman_ms=$(run_tool podman | median)
  echo "podman pull (cold, median of $RUNS): ${podman_ms} ms"
  python3 -c "print(f'ratio skiff/podman: {$skiff_ms/$podman_ms:.2f} (target <= 0.50)')"
else
  echo "podman not installed: no comparison"
fi
