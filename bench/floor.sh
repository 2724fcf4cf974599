#!/usr/bin/env bash
# Issue 16: every row of "performance at the floor", for skiff, podman and the floor, side by side
# in ONE run, as the same unprivileged user, on images built here and pushed to a registry on
# 127.0.0.1 (no internet). Prints the median of N samples of each cell and the ratios, as a table.
#
#   bench/floor.sh [RUNS] [ROWS]   RUNS default 7; ROWS: a comma list of
#                                  pull,repull,run,start,port,mem,disk,fuse (default: all)
#
# Rows (what is timed; the floor):
#   pull    cold pull of a single-layer image (~45 MiB gzip, ~7.9k files: python3.11, perl,
#           zoneinfo, i18n, vim, git-core from this host) into an empty store; floor:
#           `curl BLOB | tar -xz` inside `unshare -Ur` (no fsync, as tar does it)
#   repull  pull of the same image when present; floor: one manifest GET with curl
#   run     run --rm --network none busybox true; floor: `crun run` of a prepared bundle
#   start   start of a created (detached, --network none) container; compared with `run`
#   port    run -d -p 127.0.0.1:P:8080 busybox httpd until the first HTTP answer (curl loop;
#           busybox httpd stands in for nginx, which is not available offline)
#   mem     RSS and private dirty of the supervisor of a running `sleep` (skiff supervisor,
#           podman's conmon), from /proc/PID/smaps_rollup
#   disk    bytes under the store root after pulling the same 7 images (du inside the user
#           namespace); floor: the unpacked layers alone (skiff's layers/*/diff)
#   fuse    read the tree (tar to a pipe), cp -a of share/ inside the mount, copy-up of every file
#           of lib/ (touch): skiff fuse-overlay and fuse-overlayfs against the kernel overlay
# Samples of the tools are interleaved per round where the row allows, so a busy moment of the
# shared machine hits all alike; the load average is printed before and after.
# Run as root (it starts the registry and switches to the test user). SKIFF_BENCH_NO_BUILD=1
# uses target/release/skiff as built; SKIFF_BIN=PATH measures another skiff binary.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
RUNS=${1:-7}
ROWS=${2:-pull,repull,run,start,port,mem,disk,fuse}
USER_NAME=${SKIFF_TEST_USER:-skiff-test}
[ "$(id -u)" = 0 ] || { echo "run bench/floor.sh as root" >&2; exit 1; }
prepare_bench
# SKIFF_BIN: another skiff binary (e.g. a build of an older commit, for a before/after table).
skiff=${SKIFF_BIN:-$skiff}
work=$(mktemp -d /tmp/fl.XXXXXX)
chmod 755 "$work"
chown "$USER_NAME" "$work"
want() { [[ ",$ROWS," == *",$1,"* ]]; }

as_user() {
  runuser -u "$USER_NAME" -- env -i HOME="/home/$USER_NAME" PATH=/usr/bin:/bin:/usr/sbin:/sbin \
    XDG_RUNTIME_DIR="$work/xdg" "$@"
}
as_user mkdir -p -m 700 "$work/xdg" "$work/s" "$work/p" "$work/c"
S=(as_user "$skiff" --root "$work/s/root" --runroot "$work/s/run")
P=(as_user podman --root "$work/p/root" --runroot "$work/p/run" --storage-driver overlay
   --cgroup-manager cgroupfs --events-backend file --tmpdir "$work/p/tmp")
cleanup() {
  set +e
  "${S[@]}" rm -f -a >/dev/null 2>&1
  "${P[@]}" rm -f -a -t 0 >/dev/null 2>&1
  [ -n "${reg_pid:-}" ] && kill "$reg_pid" 2>/dev/null
  as_user "$skiff" unshare rm -rf "$work/s" "$work/p" "$work/cold" "$work/fuse" >/dev/null 2>&1
  rm -rf "$work" 2>/dev/null
}
trap cleanup EXIT

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "-"; else print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now() { date +%s%N; }
ms_since() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1f\n", (e - s) / 1000000 }'; }
# time_ms CMD...: runs CMD (output discarded, failure fatal) and prints its wall time in ms.
time_ms() {
  local s
  s=$(now)
  "$@" >/dev/null 2>"$work/last.err" || { echo "FAILED: $*" >&2; cat "$work/last.err" >&2; exit 1; }
  ms_since "$s"
}
# sample NAME VALUE: adds a sample; med NAME: its median.
sample() { echo "$2" >> "$work/$1.samples"; }
med() { [ -f "$work/$1.samples" ] && median < "$work/$1.samples" || echo -; }
row() { printf '| %-44s | %12s | %12s | %12s | %-22s |\n' "$@"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f", a / b }'; }

echo "load before: $(uptime | sed 's/.*load average: //'); $(nproc) cpus; kernel $(uname -r)"
echo "skiff $("$skiff" --version 2>/dev/null | awk '{print $NF}') ($(git rev-parse --short HEAD)); $(podman --version); $(crun --version | head -1)"
start_registry "$work"
reg=127.0.0.1:$port

push_layout() { # DIR NAME
  chmod -R a+rX "$1"
  as_user skopeo copy -q --dest-tls-verify=false "oci:$1:$2" "docker://$reg/$2:latest"
}
# The busybox image (runs) and the single-layer pull image.
python3 bench/make_image.py "$work/bb" bb >/dev/null
push_layout "$work/bb" bb
BB=$reg/bb:latest
pull_dirs=()
for d in /usr/lib/python3.11 /usr/share/perl /usr/share/zoneinfo /usr/share/i18n /usr/share/vim /usr/lib/git-core; do
  [ -d "$d" ] && pull_dirs+=("$d")
done
if want pull || want repull; then
  python3 bench/make_image.py --single "$work/big" big "${pull_dirs[@]}" >/dev/null
  push_layout "$work/big" big
  BIG=$reg/big:latest
  big_blob=$(python3 -c "
import json,sys,os
l=sys.argv[1]; b=lambda d: os.path.join(l,'blobs','sha256',d.split(':')[1])
m=json.load(open(b(json.load(open(os.path.join(l,'index.json')))['manifests'][0]['digest'])))
print(m['layers'][0]['digest'])" "$work/big")
  echo "pull image: 1 layer, $(du -b "$work/big/blobs/sha256/${big_blob#sha256:}" | awk '{printf "%.1f MiB", $1/1048576}') gzip, $(find "${pull_dirs[@]}" | wc -l) files"
fi
"${S[@]}" pull -q --tls-verify=false "$BB" >/dev/null
"${P[@]}" pull -q --tls-verify=false "$BB" >/dev/null

# ---- cold pull and re-pull ------------------------------------------------------------------
if want pull; then
  as_user mkdir -p "$work/cold"
  for i in $(seq "$RUNS"); do
    d=$work/cold/$i
    as_user mkdir -p "$d/s" "$d/p" "$d/f"
    sample pull_s "$(time_ms as_user "$skiff" --root "$d/s/root" --runroot "$d/s/run" pull -q --tls-verify=false "$BIG")"
    sample pull_p "$(time_ms as_user podman --root "$d/p/root" --runroot "$d/p/run" --storage-driver overlay \
      --cgroup-manager cgroupfs --events-backend file --tmpdir "$d/p/tmp" pull -q --tls-verify=false "$BIG")"
    sample pull_f "$(time_ms as_user unshare -Ur sh -c "curl -sf http://$reg/v2/big/blobs/$big_blob | tar -xzf - -C '$d/f'")"
    as_user "$skiff" unshare rm -rf "$d" >/dev/null 2>&1
  done
fi
if want repull; then
  "${S[@]}" pull -q --tls-verify=false "$BIG" >/dev/null
  "${P[@]}" pull -q --tls-verify=false "$BIG" >/dev/null
  accept='application/vnd.oci.image.manifest.v1+json,application/vnd.oci.image.index.v1+json,application/vnd.docker.distribution.manifest.v2+json,application/vnd.docker.distribution.manifest.list.v2+json'
  for _ in $(seq "$RUNS"); do
    sample repull_s "$(time_ms "${S[@]}" pull -q --tls-verify=false "$BIG")"
    sample repull_p "$(time_ms "${P[@]}" pull -q --tls-verify=false "$BIG")"
    sample repull_f "$(time_ms as_user curl -sf -o /dev/null -H "Accept: $accept" "http://$reg/v2/big/manifests/latest")"
  done
fi

# ---- run, start ------------------------------------------------------------------------------
if want run || want start; then
  bundle=$work/c/bundle
  as_user mkdir -p "$bundle/rootfs/bin"
  as_user cp /bin/busybox "$bundle/rootfs/bin/"
  as_user sh -c "cd '$bundle' && crun spec --rootless"
  as_user python3 - "$bundle/config.json" <<'PY'
import json, sys
p = sys.argv[1]
spec = json.load(open(p))
spec["process"]["args"] = ["/bin/busybox", "true"]
spec["process"]["terminal"] = False
json.dump(spec, open(p, "w"))
PY
  for i in $(seq "$RUNS"); do
    sample run_s "$(time_ms "${S[@]}" run --rm --network none "$BB" /bin/busybox true)"
    sample run_p "$(time_ms "${P[@]}" run --rm --network none "$BB" /bin/busybox true)"
    sample run_f "$(time_ms as_user crun --root "$work/c/state" run -b "$bundle" "fl-$i")"
    if want start; then
      cs=$("${S[@]}" create --network none "$BB" /bin/busybox sleep 600)
      cp=$("${P[@]}" create --network none "$BB" /bin/busybox sleep 600)
      sample start_s "$(time_ms "${S[@]}" start "$cs")"
      sample start_p "$(time_ms "${P[@]}" start "$cp")"
      "${S[@]}" rm -f "$cs" >/dev/null 2>&1 &
      rm_s=$!
      "${P[@]}" rm -f -t 0 "$cp" >/dev/null 2>&1 &
      wait "$rm_s" $!
    fi
  done
fi

# ---- run -d -p until the first answer --------------------------------------------------------
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
first_answer() { # TOOL...: prints ms from the start of `run -d -p` to the first HTTP answer
  local hp s n
  hp=$(free_port)
  s=$(now)
  "$@" run -d --name "fl-http-$hp" -p "127.0.0.1:$hp:8080" "$BB" /bin/busybox sh -c \
    'mkdir -p /www && echo hi > /www/index.html && exec /bin/busybox httpd -f -p 8080 -h /www' >/dev/null
  for n in $(seq 3000); do
    curl -sf -o /dev/null --max-time 1 "http://127.0.0.1:$hp/index.html" && break
    sleep 0.002
  done
  ms_since "$s"
  "$@" rm -f "fl-http-$hp" >/dev/null 2>&1 || true
}
if want port; then
  for _ in $(seq "$RUNS"); do
    sample port_s "$(first_answer "${S[@]}")"
    sample port_p "$(first_answer "${P[@]}" )"
  done
fi

# ---- supervisor memory -----------------------------------------------------------------------
smaps() { awk '/^Rss:/ {r=$2} /^Private_Dirty:/ {d=$2} END {printf "%.2f %.2f\n", r/1024, d/1024}' "/proc/$1/smaps_rollup"; }
if want mem; then
  ms=$("${S[@]}" run -d --network none "$BB" /bin/busybox sleep 600)
  mp=$("${P[@]}" run -d --network none "$BB" /bin/busybox sleep 600)
  sleep 1
  spid=$("${S[@]}" inspect --format '{{.State.ConmonPid}}' "$ms")
  ppid=$("${P[@]}" inspect --format '{{.State.ConmonPid}}' "$mp")
  read -r s_rss s_pd < <(smaps "$spid")
  read -r p_rss p_pd < <(smaps "$ppid")
  echo "supervisor pids: skiff $spid ($(tr '\0' ' ' < "/proc/$spid/cmdline" | cut -c1-60)), conmon $ppid"
  "${S[@]}" rm -f "$ms" >/dev/null 2>&1 || true
  "${P[@]}" rm -f -t 0 "$mp" >/dev/null 2>&1 || true
fi

# ---- disk after the same 7 images --------------------------------------------------------------
if want disk; then
  sets=("/usr/share/zoneinfo" "/usr/share/perl" "/usr/lib/python3.11" "/usr/share/i18n /usr/share/mime"
        "/usr/share/vim" "/usr/lib/git-core" "/usr/lib/python3.11 /usr/share/perl")
  for i in "${!sets[@]}"; do
    # shellcheck disable=SC2086
    python3 bench/make_image.py "$work/img$i" "img$i" ${sets[$i]} >/dev/null
    push_layout "$work/img$i" "img$i"
  done
  as_user mkdir -p "$work/disk/s" "$work/disk/p"
  for i in "${!sets[@]}"; do
    as_user "$skiff" --root "$work/disk/s/root" --runroot "$work/disk/s/run" pull -q --tls-verify=false "$reg/img$i:latest" >/dev/null
    as_user podman --root "$work/disk/p/root" --runroot "$work/disk/p/run" --storage-driver overlay \
      --cgroup-manager cgroupfs --events-backend file --tmpdir "$work/disk/p/tmp" pull -q --tls-verify=false "$reg/img$i:latest" >/dev/null
  done
  du_mb() { as_user "$skiff" unshare sh -c "du -sbc $* 2>/dev/null | tail -1" | awk '{printf "%.0f", $1/1048576}'; }
  disk_s=$(du_mb "$work/disk/s/root")
  disk_p=$(du_mb "$work/disk/p/root")
  disk_f=$(du_mb "$work/disk/s/root/layers/*/diff")
  disk_blobs=$(du_mb "$work/disk/s/root/blobs")
  as_user "$skiff" unshare rm -rf "$work/disk" >/dev/null 2>&1
fi

# ---- fuse-overlay against the kernel overlay -----------------------------------------------------
if want fuse; then
  f=$work/fuse
  as_user mkdir -p "$f/l1" "$f/l2"
  as_user cp -a /usr/lib/python3.11 /usr/lib/git-core "$f/l1/" 2>/dev/null
  as_user mkdir -p "$f/l1/lib" "$f/l2/share"
  as_user sh -c "mv '$f/l1/python3.11' '$f/l1/git-core' '$f/l1/lib/'"
  as_user cp -a /usr/share/perl /usr/share/zoneinfo /usr/share/vim "$f/l2/share/"
  cat > "$f/inner.sh" <<'INNER'
set -euo pipefail
f=$1 skiff=$2 runs=$3
M=$f/m
mount_b() {
  rm -rf "$f/u" "$f/w"; mkdir -p "$f/u" "$f/w" "$M"
  case $1 in
    kernel) mount -t overlay overlay -o "lowerdir=$f/l1:$f/l2,upperdir=$f/u,workdir=$f/w,userxattr" "$M" ;;
    skiff)
      rm -f "$f/ready"
      "$skiff" fuse-overlay-serve --userxattr --upper "$f/u" --work "$f/w" --lower "$f/l1" --lower "$f/l2" "$M" \
        > "$f/ready" 2>> "$f/server.log" &
      for _ in $(seq 200); do grep -q ready "$f/ready" 2>/dev/null && break; sleep 0.05; done ;;
    fovl) fuse-overlayfs -o "lowerdir=$f/l1:$f/l2,upperdir=$f/u,workdir=$f/w" "$M" ;;
  esac
}
umount_b() {
  umount "$M"
  for _ in $(seq 100); do pgrep -f "fuse-overlay-serve.*$M" >/dev/null || pgrep -f "fuse-overlayfs.*$M" >/dev/null || break; sleep 0.05; done
}
work() {
  case $1 in
    read) tar -cf - -C "$M" . | cat > /dev/null ;;
    cp) cp -a "$M/share" "$M/share-copy" ;;
    copyup) find "$M/lib" -type f -exec touch {} + ;;
  esac
}
tar -cf - -C "$f" l1 l2 | cat > /dev/null
for i in $(seq "$runs"); do
  for w in read cp copyup; do
    for b in kernel skiff fovl; do
      mount_b "$b"
      s=$(date +%s%N); work "$w"; e=$(date +%s%N)
      echo "fuse_${w}_$b $(( (e - s) / 1000000 ))"
      umount_b
    done
  done
done
INNER
  as_user "$skiff" --root "$f/store" --runroot "$f/run" unshare bash "$f/inner.sh" "$f" "$skiff" "$RUNS" > "$work/fuse.out"
  while read -r n v; do sample "$n" "$v"; done < "$work/fuse.out"
fi

# ---- the table ---------------------------------------------------------------------------------
echo
echo "medians of $RUNS; load after: $(uptime | sed 's/.*load average: //')"
row "work" "skiff" "podman" "floor" "skiff/floor, skiff/podman"
row "---" "---:" "---:" "---:" "---"
if want pull; then
  row "cold pull, 1 gzip layer (ms)" "$(med pull_s)" "$(med pull_p)" "$(med pull_f)" "$(ratio "$(med pull_s)" "$(med pull_f)"), $(ratio "$(med pull_s)" "$(med pull_p)")"
fi
if want repull; then
  row "re-pull of a present image (ms)" "$(med repull_s)" "$(med repull_p)" "$(med repull_f)" "$(ratio "$(med repull_s)" "$(med repull_f)"), $(ratio "$(med repull_s)" "$(med repull_p)")"
fi
if want run; then
  row "run --rm --network none busybox true (ms)" "$(med run_s)" "$(med run_p)" "$(med run_f)" "$(ratio "$(med run_s)" "$(med run_f)"), $(ratio "$(med run_s)" "$(med run_p)")"
fi
if want start; then
  row "start of a created container (ms)" "$(med start_s)" "$(med start_p)" "run: $(med run_s)" "$(ratio "$(med start_s)" "$(med run_s)"), $(ratio "$(med start_s)" "$(med start_p)")"
fi
if want port; then
  row "run -d -p httpd to first answer (ms)" "$(med port_s)" "$(med port_p)" "-" "-, $(ratio "$(med port_s)" "$(med port_p)")"
fi
if want mem; then
  row "supervisor RSS / private dirty (MB)" "$s_rss / $s_pd" "$p_rss / $p_pd" "-" "$(ratio "$s_rss" "$p_rss") / $(ratio "$s_pd" "$p_pd") of conmon"
fi
if want disk; then
  row "disk after 7 images (MB)" "$disk_s" "$disk_p" "$disk_f" "$(ratio "$disk_s" "$disk_f"), $(ratio "$disk_s" "$disk_p") (blobs $disk_blobs)"
fi
if want fuse; then
  for w in read cp copyup; do
    k=$(med "fuse_${w}_kernel"); sf=$(med "fuse_${w}_skiff"); fo=$(med "fuse_${w}_fovl")
    row "fuse $w (ms; floor: kernel overlay)" "$sf" "fovl $fo" "$k" "$(ratio "$sf" "$k"), fovl $(ratio "$fo" "$k")"
  done
fi
