#!/usr/bin/env bash
# Build benchmark (issue #13): `skiff build` and `podman build` side by side in one run, as the same
# unprivileged user, from the same base image (busybox only, from a local registry):
#   cold      a 3-step Containerfile (COPY a file, RUN a command, COPY another) with --no-cache
#   noop      the same again, every step from the cache
#   late      the same after changing the late-copied file (two steps hit, one runs)
#   copy      COPY of a 75 MB context in 3,700 files, --no-cache (one byte of one file changes each
#             round, so every round stores a new layer for both tools)
#   floor     the same files through `tar c | tar x` and `sync -f` (the disk's floor for the copy)
#   run       one `RUN true` with --no-cache, next to `run --rm IMAGE true` (RUN's overhead)
#   stages    two stages that do not need each other (each `RUN sleep 1`) and a final one copying
#             from both, --no-cache: skiff's default (stages at the same time), skiff --jobs 1,
#             and podman --jobs 2
# The commands are interleaved (one of each per round) so drift hits all alike. Prints the median of
# N rounds for each and the ratios against the targets: noop <= 100 ms and <= 0.2x podman;
# cold <= 0.5x podman; copy <= 0.25x podman; skiff's RUN overhead <= skiff run --rm's.
# podman runs with --cgroup-manager cgroupfs --events-backend file (no systemd on these hosts) and
# its default isolation (chroot is not used), both with the host network for RUN.
# Run as root (it starts the registry and switches to the test user), or as an ordinary user with
# docker-registry, skopeo and podman installed.
#   bench/build.sh [ROUNDS]      (default 7)
# The load average is printed before and after: on a shared machine it says how far to trust it.
# SKIFF_BIN=PATH (with SKIFF_BENCH_NO_BUILD=1) measures another skiff binary, e.g. a debug build.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
ROUNDS=${1:-7}
USER_NAME=${SKIFF_TEST_USER:-skiff-test}
prepare_bench
skiff=${SKIFF_BIN:-$skiff}
work=$(mktemp -d /tmp/skiff-bench-build.XXXXXX)
chmod 755 "$work"
[ "$(id -u)" = 0 ] && chown "$USER_NAME" "$work"

as_user() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u "$USER_NAME" -- env -i HOME="/home/$USER_NAME" PATH=/usr/bin:/bin:/usr/sbin:/sbin \
      XDG_RUNTIME_DIR="$work/xdg" "$@"
  else
    XDG_RUNTIME_DIR="$work/xdg" "$@"
  fi
}
as_user mkdir -p -m 700 "$work/xdg" "$work/skiff" "$work/podman"

S=(as_user "$skiff" --root "$work/skiff/root" --runroot "$work/skiff/run")
P=(as_user podman --root "$work/podman/root" --runroot "$work/podman/run" --storage-driver overlay
   --cgroup-manager cgroupfs --events-backend file --tmpdir "$work/podman/tmp")

cleanup() {
  set +e
  [ -n "${reg_pid:-}" ] && kill "$reg_pid" 2>/dev/null
  "${S[@]}" unshare rm -rf "$work/skiff" >/dev/null 2>&1
  "${P[@]}" unshare rm -rf "$work/podman" >/dev/null 2>&1
  rm -rf "$work" 2>/dev/null
}
trap cleanup EXIT

start_registry "$work"
python3 bench/make_image.py "$work/layout" base >/dev/null
chmod -R a+rX "$work/layout"
as_user skopeo copy -q --dest-tls-verify=false "oci:$work/layout:base" "docker://127.0.0.1:$port/base:latest"
image=127.0.0.1:$port/base:latest
"${S[@]}" pull -q --tls-verify=false "$image" >/dev/null
"${P[@]}" pull -q --tls-verify=false "$image" >/dev/null

# The projects (the base image has /bin/busybox only: RUN in exec form).
as_user mkdir -p "$work/small" "$work/big/files" "$work/runonly" "$work/stages"
as_user sh -c "echo early > '$work/small/early.txt'; echo late > '$work/small/late.txt'"
as_user sh -c "cat > '$work/small/Containerfile'" <<EOF
FROM $image
COPY early.txt /early.txt
RUN ["/bin/busybox", "sh", "-c", "/bin/busybox cat /early.txt > /made.txt"]
COPY late.txt /late.txt
EOF
as_user sh -c "printf 'FROM %s\nCOPY files /files/\n' '$image' > '$work/big/Containerfile'"
as_user sh -c "printf 'FROM %s\nRUN [\"/bin/busybox\", \"true\"]\n' '$image' > '$work/runonly/Containerfile'"
as_user sh -c "cat > '$work/stages/Containerfile'" <<EOF
FROM $image AS a
RUN ["/bin/busybox", "sh", "-c", "/bin/busybox sleep 1; echo a > /a"]
FROM $image AS b
RUN ["/bin/busybox", "sh", "-c", "/bin/busybox sleep 1; echo b > /b"]
FROM $image
COPY --from=a /a /a
COPY --from=b /b /b
EOF
# 3,700 files of about 20 KB (75 MB), incompressible, in 37 directories.
as_user python3 - "$work/big/files" <<'PY'
import os, sys
root = sys.argv[1]
for d in range(37):
    p = os.path.join(root, f"d{d:02}")
    os.makedirs(p, exist_ok=True)
    for f in range(100):
        with open(os.path.join(p, f"f{f:03}.bin"), "wb") as fh:
            fh.write(os.urandom(20 * 1024 + (f * 37) % 1024))
PY

time_ms() {
  local s e
  s=$(date +%s%N)
  "$@" >/dev/null 2>"$work/last.err" || { echo "FAILED: $*" >&2; cat "$work/last.err" >&2; exit 1; }
  e=$(date +%s%N)
  awk -v s="$s" -v e="$e" 'BEGIN { printf "%.1f\n", (e - s) / 1000000 }'
}

SB=("${S[@]}" build --tls-verify=false --network host)
PB=("${P[@]}" build --tls-verify=false --network host)
names=(s_cold p_cold s_noop p_noop s_late p_late s_copy p_copy s_run p_run s_runrm p_runrm floor s_stages s_stages1 p_stages)
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
as_user mkdir -p "$work/floor" 
for n in "${names[@]}"; do : > "$work/$n.ms"; done
for i in $(seq "$ROUNDS"); do
  as_user sh -c "echo late > '$work/small/late.txt'"
  time_ms "${SB[@]}" --no-cache -t small "$work/small" >> "$work/s_cold.ms"
  time_ms "${PB[@]}" --no-cache -t small "$work/small" >> "$work/p_cold.ms"
  time_ms "${SB[@]}" -t small "$work/small" >> "$work/s_noop.ms"
  time_ms "${PB[@]}" -t small "$work/small" >> "$work/p_noop.ms"
  as_user sh -c "echo 'late $i' > '$work/small/late.txt'"
  time_ms "${SB[@]}" -t small "$work/small" >> "$work/s_late.ms"
  time_ms "${PB[@]}" -t small "$work/small" >> "$work/p_late.ms"
  as_user sh -c "printf '%04d' $i | dd of='$work/big/files/d00/f000.bin' bs=1 seek=0 conv=notrunc status=none"
  time_ms "${SB[@]}" --no-cache -t big "$work/big" >> "$work/s_copy.ms"
  time_ms "${PB[@]}" --no-cache -t big "$work/big" >> "$work/p_copy.ms"
  as_user rm -rf "$work/floor/files"
  time_ms as_user sh -c "tar c -C '$work/big' files | tar x -C '$work/floor' && sync -f '$work/floor/files'" >> "$work/floor.ms"
  time_ms "${SB[@]}" --no-cache -t runonly "$work/runonly" >> "$work/s_run.ms"
  time_ms "${PB[@]}" --no-cache -t runonly "$work/runonly" >> "$work/p_run.ms"
  time_ms "${S[@]}" run --rm --network host "$image" /bin/busybox true >> "$work/s_runrm.ms"
  time_ms "${P[@]}" run --rm --network host "$image" /bin/busybox true >> "$work/p_runrm.ms"
  time_ms "${SB[@]}" --no-cache -t stages "$work/stages" >> "$work/s_stages.ms"
  time_ms "${SB[@]}" --no-cache --jobs 1 -t stages "$work/stages" >> "$work/s_stages1.ms"
  time_ms "${PB[@]}" --no-cache --jobs 2 -t stages "$work/stages" >> "$work/p_stages.ms"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$work" "$ROUNDS" <<'PY'
import statistics, sys
work, rounds = sys.argv[1], sys.argv[2]
names = ["s_cold", "p_cold", "s_noop", "p_noop", "s_late", "p_late", "s_copy", "p_copy", "s_run", "p_run", "s_runrm", "p_runrm", "floor",
         "s_stages", "s_stages1", "p_stages"]
m = {n: statistics.median(float(x) for x in open(f"{work}/{n}.ms")) for n in names}
print(f"median of {rounds} rounds, ms (one of each per round, same base image, same user):")
print(f"  {'':52s} {'skiff':>9s} {'podman':>9s} {'ratio':>7s}")
for key, label in [("cold", "cold build, 3 steps (--no-cache)"), ("noop", "no-op rebuild (all cached)"),
                   ("late", "rebuild after changing the late-copied file"),
                   ("copy", "COPY of 75 MB in 3,700 files (--no-cache)"), ("run", "build of one RUN true (--no-cache)"),
                   ("runrm", "run --rm IMAGE true (for reference)")]:
    s, p = m["s_" + key], m["p_" + key]
    print(f"  {label:52s} {s:9.1f} {p:9.1f} {s / p:7.2f}")
print(f"  {'two independent stages (sleep 1 each), podman --jobs 2':52s} {m['s_stages']:9.1f} {m['p_stages']:9.1f} {m['s_stages'] / m['p_stages']:7.2f}")
print(f"  {'  the same, skiff --jobs 1 (one stage after the other)':52s} {m['s_stages1']:9.1f}   (at the same time: {m['s_stages'] / m['s_stages1']:.2f}x it)")
print(f"  {'floor: the same 75 MB through tar c | tar x + sync':52s} {m['floor']:9.1f}   (skiff's copy is {m['s_copy'] / m['floor']:.2f}x it)")
def check(what, value, target):
    print(f"  {what:60s} {value:8.2f}  (target <= {target}) {'ok' if value <= target else 'MISSED'}")
print("targets:")
check("no-op rebuild, ms", m["s_noop"], 100)
check("no-op rebuild, skiff / podman", m["s_noop"] / m["p_noop"], 0.2)
check("cold build, skiff / podman", m["s_cold"] / m["p_cold"], 0.5)
check("3,700-file COPY, skiff / podman", m["s_copy"] / m["p_copy"], 0.25)
# RUN's overhead: a one-RUN build minus a build's fixed cost (the no-op rebuild), against run --rm.
check("RUN overhead (one-RUN build - no-op rebuild) / run --rm", (m["s_run"] - m["s_noop"]) / m["s_runrm"], 1.0)
PY
