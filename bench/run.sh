#!/usr/bin/env bash
# Start-up benchmark (issue #4): how long a container takes to start, run `true` and be gone, and
# how long an exec into a running container takes, side by side in one run, as the same
# unprivileged user, on the same image (busybox only, from a local registry):
#   skiff run --rm --network none IMAGE true    podman run --rm --network none IMAGE true
#   skiff run --rm IMAGE true                   (skiff's default network, pasta: for reference)
#   skiff exec CTR true                 podman exec CTR true       (CTR: a detached `sleep`)
#   crun run BUNDLE (`crun spec --rootless`, rootfs unpacked from the image): the floor, no storage
# The commands are interleaved (one of each per round) so drift hits all alike. Prints the median
# of N rounds for each and the ratios against the targets: skiff run <= 1/3 of podman's and
# <= 2x crun's; skiff exec <= 1/3 of podman's.
# podman runs with --cgroup-manager cgroupfs --events-backend file (no systemd on these hosts).
# Run as root (it starts the registry and switches to the test user), or as an ordinary user with
# docker-registry, skopeo, crun and podman installed.
#   bench/run.sh [ROUNDS]      (default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
ROUNDS=${1:-15}
USER_NAME=${SKIFF_TEST_USER:-skiff-test}
prepare_bench
work=$(mktemp -d /tmp/skiff-bench-run.XXXXXX)
chmod 755 "$work"
[ "$(id -u)" = 0 ] && chown "$USER_NAME" "$work"

# Also with a private XDG_RUNTIME_DIR (podman keeps state there).
as_user() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u "$USER_NAME" -- env -i HOME="/home/$USER_NAME" PATH=/usr/bin:/bin:/usr/sbin:/sbin \
      XDG_RUNTIME_DIR="$work/xdg" "$@"
  else
    XDG_RUNTIME_DIR="$work/xdg" "$@"
  fi
}
as_user mkdir -p -m 700 "$work/xdg" "$work/skiff" "$work/podman" "$work/crun"

S=(as_user "$skiff" --root "$work/skiff/root" --runroot "$work/skiff/run")
P=(as_user podman --root "$work/podman/root" --runroot "$work/podman/run" --storage-driver overlay
   --cgroup-manager cgroupfs --events-backend file --tmpdir "$work/podman/tmp")
C=(as_user crun --root "$work/crun/state")

cleanup() {
  set +e
  [ -n "${skiff_ctr:-}" ] && "${S[@]}" rm -f "$skiff_ctr" >/dev/null 2>&1
  [ -n "${podman_ctr:-}" ] && "${P[@]}" rm -f -t 0 "$podman_ctr" >/dev/null 2>&1
  [ -n "${reg_pid:-}" ] && kill "$reg_pid" 2>/dev/null
  "${S[@]}" unshare rm -rf "$work/skiff" >/dev/null 2>&1
  "${P[@]}" unshare rm -rf "$work/podman" >/dev/null 2>&1
  rm -rf "$work" 2>/dev/null
}
trap cleanup EXIT

start_registry "$work"
python3 bench/make_image.py "$work/layout" run >/dev/null
chmod -R a+rX "$work/layout"
as_user skopeo copy -q --dest-tls-verify=false "oci:$work/layout:run" "docker://127.0.0.1:$port/run:latest"
image=127.0.0.1:$port/run:latest

# The crun bundle: the image's layers unpacked in order, and a rootless spec running `true`.
bundle=$work/crun/bundle
as_user mkdir -p "$bundle/rootfs"
python3 - "$work/layout" > "$work/layers.txt" <<'PY'
import json, sys, os
lay = sys.argv[1]
blob = lambda d: os.path.join(lay, "blobs", "sha256", d.split(":")[1])
index = json.load(open(os.path.join(lay, "index.json")))
manifest = json.load(open(blob(index["manifests"][0]["digest"])))
for l in manifest["layers"]:
    print(blob(l["digest"]))
PY
while read -r layer; do as_user tar -xzf "$layer" -C "$bundle/rootfs"; done < "$work/layers.txt"
as_user sh -c "cd '$bundle' && crun spec --rootless"
as_user python3 - "$bundle/config.json" <<'PY'
import json, sys
p = sys.argv[1]
spec = json.load(open(p))
spec["process"]["args"] = ["/bin/busybox", "true"]
spec["process"]["terminal"] = False
json.dump(spec, open(p, "w"))
PY

# The stores, the image and one running container in each.
"${S[@]}" pull -q --tls-verify=false "$image" >/dev/null
"${P[@]}" pull -q --tls-verify=false "$image" >/dev/null
skiff_ctr=$("${S[@]}" run -d --network none "$image" /bin/busybox sleep 3600)
podman_ctr=$("${P[@]}" run -d --network none "$image" /bin/busybox sleep 3600)

time_ms() {
  local s e
  s=$(date +%s%N)
  "$@" >/dev/null 2>"$work/last.err" || { echo "FAILED: $*" >&2; cat "$work/last.err" >&2; exit 1; }
  e=$(date +%s%N)
  awk -v s="$s" -v e="$e" 'BEGIN { printf "%.1f\n", (e - s) / 1000000 }'
}

names=(skiff_run skiff_run_net podman_run crun_run skiff_exec podman_exec)
for n in "${names[@]}"; do : > "$work/$n.ms"; done
for i in $(seq "$ROUNDS"); do
  time_ms "${S[@]}" run --rm --network none "$image" /bin/busybox true >> "$work/skiff_run.ms"
  time_ms "${S[@]}" run --rm "$image" /bin/busybox true >> "$work/skiff_run_net.ms"
  time_ms "${P[@]}" run --rm --network none "$image" /bin/busybox true >> "$work/podman_run.ms"
  time_ms "${C[@]}" run -b "$bundle" "bench-$i" >> "$work/crun_run.ms"
  time_ms "${S[@]}" exec "$skiff_ctr" /bin/busybox true >> "$work/skiff_exec.ms"
  time_ms "${P[@]}" exec "$podman_ctr" /bin/busybox true >> "$work/podman_exec.ms"
done

python3 - "$work" "$ROUNDS" <<'PY'
import statistics, sys
work, rounds = sys.argv[1], sys.argv[2]
m = {n: statistics.median(float(x) for x in open(f"{work}/{n}.ms")) for n in
     ["skiff_run", "skiff_run_net", "podman_run", "crun_run", "skiff_exec", "podman_exec"]}
print(f"median of {rounds} rounds, ms (one of each per round, same image, same user):")
for n, label in [("skiff_run", "skiff run --rm --network none IMAGE true"),
                 ("skiff_run_net", "skiff run --rm IMAGE true (pasta)"), ("podman_run", "podman run --rm --network none IMAGE true"),
                 ("crun_run", "crun run BUNDLE (true)"), ("skiff_exec", "skiff exec CTR true"),
                 ("podman_exec", "podman exec CTR true")]:
    print(f"  {label:45s} {m[n]:8.1f}")
def ratio(a, b, target, what):
    r = m[a] / m[b]
    print(f"  {what:45s} {r:8.2f}  (target <= {target}) {'ok' if r <= float(eval(target)) else 'MISSED'}")
print("ratios:")
ratio("skiff_run", "podman_run", "1/3", "skiff run / podman run")
ratio("skiff_run", "crun_run", "2", "skiff run / crun run")
ratio("skiff_exec", "podman_exec", "1/3", "skiff exec / podman exec")
PY
