#!/usr/bin/env bash
# Healthcheck benchmark (issue 15): what skiff's supervisor costs for a container probed every
# second, next to podman's conmon for the same container, as the same unprivileged user:
#   skiff run -d --network none --health-cmd '["/bin/busybox", "true"]' --health-interval 1s IMAGE
#   podman run -d (the same flags) IMAGE      (both running /bin/busybox sleep 1000)
# Prints, after SECONDS of probing (default 30):
# - the supervisor's and conmon's memory from /proc/PID/smaps_rollup: Rss, Pss and the private
#   dirty pages (Private_Dirty: what the process costs beyond shared code);
# - the CPU the supervisor spends per probe: its own (utime+stime: timer, fork, bookkeeping,
#   health.json) and with its waited children (the probe process that joins the container and
#   the command), from /proc/PID/stat, divided by the probes its health log counts;
# - the CPU of one `healthcheck run` by hand, skiff's and podman's (podman runs exactly this
#   command from a systemd timer every interval; there is no systemd here, so podman's own timer
#   never fires and conmon is measured idle).
# Run as root (it starts the registry and switches to the test user), or as an ordinary user with
# docker-registry, skopeo and podman installed.
#   bench/services.sh [SECONDS]
# SKIFF=/path/to/skiff uses that binary (e.g. a debug build) instead of building a release one.
#
# Measured on the 2-core Debian 12 host of issue 15 (release build, 30 probes):
#   skiff supervisor with the healthcheck   Rss 11628 kB, Pss 6299 kB, Private_Dirty 1720 kB
#   skiff supervisor without one            Rss 11460 kB, Pss 6109 kB, Private_Dirty 1720 kB
#   podman conmon (its timer never fires)   Rss  2560 kB, Pss 1143 kB, Private_Dirty  336 kB
#   supervisor CPU per probe: 0.67 ms itself, 2.33 ms with the probe processes
#   one `healthcheck run` by hand: skiff 12 ms CPU, podman 80 ms (podman's cost per interval)
# The healthcheck adds ~170 kB of touched code and no private memory; the gap to conmon is the
# supervisor itself (skiff's one binary: code pages and relocated data), not the healthcheck.
# After the supervisor branch-off and start-up release of issue 16 (same host, load ~13, release
# build, 30 probes; details in bench/RESULTS-issue16.md):
#   skiff supervisor with the healthcheck   Rss 5116 kB, Pss 4544 kB, Private_Dirty 884 kB
#   skiff supervisor without one            Rss 1448 kB, Pss 1002 kB, Private_Dirty 868 kB
#   podman conmon (its timer never fires)   Rss 2500 kB, Pss 1107 kB, Private_Dirty 340 kB
#   supervisor CPU per probe: 0.67 ms itself, 2.33 ms with the probe processes (unchanged)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
SECONDS_TO_PROBE=${1:-30}
USER_NAME=${SKIFF_TEST_USER:-skiff-test}
if [ -n "${SKIFF:-}" ]; then
  skiff=$SKIFF
else
  prepare_bench
fi
work=$(mktemp -d /tmp/skiff-bench-svc.XXXXXX)
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
  "${S[@]}" rm -f -t 0 bench-hc bench-plain >/dev/null 2>&1
  "${P[@]}" rm -f -t 0 bench-hc >/dev/null 2>&1
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
"${S[@]}" pull -q --tls-verify=false "$image" >/dev/null
"${P[@]}" pull -q --tls-verify=false "$image" >/dev/null 2>&1

HC=(--network none --health-cmd '["/bin/busybox", "true"]' --health-interval 1s)
"${S[@]}" run -d --name bench-hc "${HC[@]}" "$image" /bin/busybox sleep 1000 >/dev/null
# The same container without a healthcheck: what the supervisor costs without one.
"${S[@]}" run -d --name bench-plain --network none "$image" /bin/busybox sleep 1000 >/dev/null
# (podman complains that it cannot reach systemd to add its timer: its healthcheck never runs.)
"${P[@]}" run -d --name bench-hc "${HC[@]}" "$image" /bin/busybox sleep 1000 >/dev/null 2>&1
sup=$("${S[@]}" inspect --format '{{.State.ConmonPid}}' bench-hc)
conmon=$("${P[@]}" inspect --format '{{.State.ConmonPid}}' bench-hc)
plain=$("${S[@]}" inspect --format '{{.State.ConmonPid}}' bench-plain)

# utime+stime and cutime+cstime of PID, in clock ticks.
cpu() { awk '{ sub(/.*\) /, ""); print $12 + $13, $14 + $15 }' "/proc/$1/stat"; }
# Anonymous too: the process's own (private) pages, including those a probe child forked a moment
# before still shares copy-on-write (which Private_Dirty then counts as shared).
mem() { awk '/^(Rss|Pss|Private_Dirty|Anonymous):/ { printf "%s %s kB  ", $1, $2 }' "/proc/$1/smaps_rollup"; }
tick=$(getconf CLK_TCK)

sleep 2   # past the first probe
read -r self0 kids0 < <(cpu "$sup")
start=$(date +%s.%N)
sleep "$SECONDS_TO_PROBE"
read -r self1 kids1 < <(cpu "$sup")
end=$(date +%s.%N)
# A probe starts one interval (1 s) after the previous one ended: the probes are the elapsed
# time over 1 s plus a probe's mean duration (from the last five in the health log).
health=$("${S[@]}" inspect --format '{{json .State.Health}}' bench-hc)
probes=$(python3 -c '
import json, sys, datetime
h = json.loads(sys.argv[1]); el = float(sys.argv[3]) - float(sys.argv[2])
t = lambda s: datetime.datetime.fromisoformat(s[:26] + s[-6:])
d = [(t(e["End"]) - t(e["Start"])).total_seconds() for e in h["Log"]]
print(max(1, round(el / (1 + sum(d) / len(d)))))' "$health" "$start" "$end")
status=$("${S[@]}" inspect --format '{{.State.Health.Status}} {{.State.Health.FailingStreak}}' bench-hc)

echo "after ${SECONDS_TO_PROBE}s of probes every second (${probes} probes; health: $status)"
echo "skiff supervisor (pid $sup):  $(mem "$sup")"
echo "skiff supervisor without a healthcheck (pid $plain):  $(mem "$plain")"
echo "podman conmon    (pid $conmon): $(mem "$conmon")"
awk -v s0="$self0" -v s1="$self1" -v k0="$kids0" -v k1="$kids1" -v n="$probes" -v t="$tick" 'BEGIN {
  printf "supervisor CPU per probe: %.2f ms itself, %.2f ms with the probe processes\n",
    (s1 - s0) * 1000 / t / n, ((s1 - s0) + (k1 - k0)) * 1000 / t / n }'

# One healthcheck by hand: the CPU of the whole command (user + system, children included).
by_hand() {
  local total=0 i TIMEFORMAT='%U %S'
  for i in 1 2 3 4 5; do
    { time "$@" >/dev/null 2>&1 || true; } 2>"$work/time"
    total=$(awk -v t="$total" '{ print t + $1 + $2 }' "$work/time")
  done
  awk -v t="$total" 'BEGIN { printf "%.0f ms", t * 1000 / 5 }'
}
echo "one 'healthcheck run' by hand, CPU: skiff $(by_hand "${S[@]}" healthcheck run bench-hc)," \
  "podman $(by_hand "${P[@]}" healthcheck run bench-hc) (what podman's systemd timer runs every interval)"
echo "skiff binary: $skiff"
