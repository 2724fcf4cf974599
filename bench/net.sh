#!/usr/bin/env bash
# Network benchmark, two parts.
# 1. HTTP requests per second (ab, small page) and bulk throughput (curl, one large
# file) from the host to busybox httpd in a container, through a published port on 127.0.0.1, for
# each network helper; skiff and podman side by side in the same run, as the same unprivileged
# user, with the same image. Prints the median of N runs for each and the skiff/podman ratio for
# the helpers both support.
# 2. User-defined networks (SECTIONS="usernet"): `network create`, `run --rm` on a network, the
# time from `start` returning to a client on the network resolving the new name (podman: only
# where its network backend resolves names), and requests per second through a published port
# to a container on a network. Medians of RUNS, skiff/podman ratios.
# Run as root (it prepares the host and switches to the test user).
#   bench/net.sh [RUNS]      (default 5)
# SECTIONS (default "helpers usernet") picks the parts.
# Environment: SKIFF_BIN (default: target/release/skiff, built when missing), REQUESTS (default
# 5000 per ab run), CONCURRENCY (default 8), BIG_MB (default 256), HELPERS (default "pasta
# slirp4netns").
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
REQUESTS=${REQUESTS:-5000}
CONCURRENCY=${CONCURRENCY:-8}
BIG_MB=${BIG_MB:-256}
USER_NAME=${SKIFF_TEST_USER:-skiff-test}
if [ "$(id -u)" != 0 ]; then
  echo "run bench/net.sh as root: it prepares the host and runs skiff and podman as $USER_NAME" >&2
  exit 1
fi
TEST_USER=$USER_NAME bash scripts/setup-host.sh
for tool in ab:apache2-utils curl:curl podman:podman; do
  command -v "${tool%%:*}" >/dev/null \
    || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${tool#*:}" >/dev/null
done
skiff=${SKIFF_BIN:-$(pwd)/target/release/skiff}
[ -x "$skiff" ] || cargo build --release --quiet
# Short: podman's slirp4netns API socket lives under XDG_RUNTIME_DIR and must fit in 108 bytes.
work=$(mktemp -d /tmp/nb.XXXXXX)
chmod 755 "$work"
chown "$USER_NAME" "$work"
as_user() {
  runuser -u "$USER_NAME" -- env -i HOME="/home/$USER_NAME" PATH=/usr/bin:/bin:/usr/sbin:/sbin \
    XDG_RUNTIME_DIR="$work/xdg" "$@"
}
as_user mkdir -m 700 "$work/xdg"
SK=("$skiff" --root "$work/skiff-root" --runroot "$work/skiff-run")
PM=(podman --root "$work/podman-root" --runroot "$work/podman-run" --cgroup-manager cgroupfs
    --events-backend file)
cleanup() {
  as_user "${SK[@]}" rm -f -a >/dev/null 2>&1 || true
  as_user "${PM[@]}" rm -f -a >/dev/null 2>&1 || true
  as_user "${PM[@]}" unshare rm -rf "$work/podman-root" >/dev/null 2>&1 || true
  as_user "${SK[@]}" unshare rm -rf "$work/skiff-root" >/dev/null 2>&1 || true
  rm -rf "$work" 2>/dev/null || true
}
trap cleanup EXIT

SECTIONS=${SECTIONS:-helpers usernet}
# One image for both: busybox-static with httpd, imported by podman and loaded into skiff.
mkdir -p "$work/rootfs/bin" "$work/rootfs/tmp" "$work/rootfs/etc"
cp /bin/busybox "$work/rootfs/bin/"
for a in sh httpd mkdir echo dd nslookup cat sleep true touch; do ln -s busybox "$work/rootfs/bin/$a"; done
tar -C "$work/rootfs" -cf "$work/rootfs.tar" .
chmod -R a+rX "$work"
image=localhost/netbench:latest
as_user "${PM[@]}" import -q "$work/rootfs.tar" "$image" >/dev/null
as_user "${PM[@]}" save -q --format oci-archive -o "$work/image.tar" "$image"
as_user "${SK[@]}" load -q -i "$work/image.tar" >/dev/null

serve="mkdir -p /www && echo hello > /www/index.html && dd if=/dev/zero of=/www/big bs=1M count=$BIG_MB 2>/dev/null && exec httpd -f -p 8080 -h /www"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start TOOL NETWORK NAME: runs the server container; prints its host port, or nothing when the
# tool cannot (e.g. a helper it does not support).
start() {
  local tool=$1 network=$2 name=$3 port
  local -a cmd
  if [ "$tool" = skiff ]; then cmd=("${SK[@]}"); else cmd=("${PM[@]}"); fi
  port=$(free_port)
  if ! as_user "${cmd[@]}" run -d --name "$name" --network "$network" -p "127.0.0.1:$port:8080" "$image" \
      sh -c "$serve" >"$work/$name.out" 2>&1; then
    echo "$tool --network $network: $(tail -1 "$work/$name.out")" >&2
    return
  fi
  # Ready when the large file is complete.
  for _ in $(seq 600); do
    [ "$(curl -s -I "http://127.0.0.1:$port/big" | tr -d '\r' | awk 'tolower($1)=="content-length:" {print $2}')" \
      = $((BIG_MB * 1024 * 1024)) ] && break
    sleep 0.1
  done
  ab -q -n 200 -c "$CONCURRENCY" "http://127.0.0.1:$port/index.html" >/dev/null 2>&1 || true
  echo "$port"
}

# once PORT: one request-rate and one throughput sample, "rps MiBps".
once() {
  local port=$1 rps size speed
  rps=$(ab -q -n "$REQUESTS" -c "$CONCURRENCY" "http://127.0.0.1:$port/index.html" 2>/dev/null \
    | awk '/^Requests per second/ {print $4}')
  read -r size speed < <(curl -s -o /dev/null -w '%{size_download} %{speed_download}\n' "http://127.0.0.1:$port/big")
  if [ "$size" != $((BIG_MB * 1024 * 1024)) ]; then
    echo "port $port: the large file arrived with $size bytes" >&2
  fi
  echo "$rps $(awk -v s="$speed" 'BEGIN {printf "%.1f", s / 1048576}')"
}

echo "busybox httpd behind -p 127.0.0.1:PORT:8080; ab -n $REQUESTS -c $CONCURRENCY; curl of ${BIG_MB} MiB; median of $RUNS"
echo "skiff: $("$skiff" version 2>/dev/null | head -1); podman: $(podman --version); $(pasta --version 2>&1 | grep -m1 -v syslog || true); $(slirp4netns --version | head -1)"
# podman's slirp4netns default publishes ports with its own proxy (rootlessport);
# port_handler=slirp4netns is the data path skiff uses (slirp4netns's own forwarding).
rows=("pasta skiff pasta" "pasta podman pasta"
      "slirp4netns skiff slirp4netns" "slirp4netns podman slirp4netns"
      "slirp4netns podman slirp4netns:port_handler=slirp4netns")
# HELPERS="slirp4netns" measures only those.
HELPERS=${HELPERS:-pasta slirp4netns}
for i in "${!rows[@]}"; do
  [[ " $HELPERS " == *" ${rows[$i]%% *} "* ]] || unset 'rows[i]'
done
declare -A port rps mbps result
[[ " $SECTIONS " == *" helpers "* ]] || rows=()
for row in "${rows[@]}"; do
  read -r helper tool network <<<"$row"
  port[$tool-$network]=$(start "$tool" "$network" "nb-$tool-$(echo "$network" | tr -c 'a-z0-9\n' -)")
done
# Samples interleave the tools, so a busy moment of the machine hits both alike.
for i in $(seq "$RUNS"); do
  for row in "${rows[@]}"; do
    read -r helper tool network <<<"$row"
    [ -n "${port[$tool-$network]}" ] || continue
    read -r r m <<<"$(once "${port[$tool-$network]}")"
    rps[$tool-$network]+="$r "
    mbps[$tool-$network]+="$m "
  done
done
printf '%-12s %-8s %-38s %10s %10s\n' helper tool network 'req/s' 'MiB/s'
for row in "${rows[@]}"; do
  read -r helper tool network <<<"$row"
  if [ -n "${port[$tool-$network]}" ]; then
    result[$tool-$network]="$(echo "${rps[$tool-$network]}" | tr ' ' '\n' | grep . | median) $(echo "${mbps[$tool-$network]}" | tr ' ' '\n' | grep . | median)"
  else
    result[$tool-$network]="- -"
  fi
  read -r r m <<<"${result[$tool-$network]}"
  printf '%-12s %-8s %-38s %10s %10s\n' "$helper" "$tool" "$network" "$r" "$m"
done
echo
ratio() {
  read -r sr sm <<<"${result[skiff-$1]}"
  read -r pr pm <<<"${result[podman-$2]}"
  if [ "$pr" = - ] || [ "$sr" = - ]; then
    echo "skiff $1 vs podman $2: no side-by-side figure (one of the tools does not support it here)"
  else
    awk -v sr="$sr" -v pr="$pr" -v sm="$sm" -v pm="$pm" -v a="$1" -v b="$2" 'BEGIN {
      printf "skiff %s vs podman %s: requests %.2fx, throughput %.2fx (>= 1: as good or better)\n", a, b, sr/pr, sm/pm}'
  fi
}
for r in "pasta pasta" "slirp4netns slirp4netns" "slirp4netns slirp4netns:port_handler=slirp4netns"; do
  [[ " $SECTIONS " == *" helpers "* ]] || break
  [[ " $HELPERS " == *" ${r%% *} "* ]] && ratio $r
done

# ---------------------------------------------------------------- 2. user-defined networks
[[ " $SECTIONS " == *" usernet "* ]] || exit 0
echo
echo "user-defined networks (median of $RUNS; ms unless said)"
ms_now() { echo $(( $(date +%s%N) / 1000000 )); }
# timed TOOL ARGS...: the wall time of one command, in ms (its output discarded; failure: "-").
timed() {
  local tool=$1 t0 t1; shift
  local -a cmd
  if [ "$tool" = skiff ]; then cmd=("${SK[@]}"); else cmd=("${PM[@]}"); fi
  t0=$(ms_now)
  as_user "${cmd[@]}" "$@" >/dev/null 2>&1 || { echo -; return; }
  t1=$(ms_now)
  echo $((t1 - t0))
}
declare -A un
for tool in skiff podman; do
  if [ "$tool" = skiff ]; then cmd=("${SK[@]}"); else cmd=("${PM[@]}"); fi
  for i in $(seq "$RUNS"); do
    un[$tool-create]+="$(timed "$tool" network create "nb$i") "
  done
  for i in $(seq "$RUNS"); do as_user "${cmd[@]}" network rm "nb$i" >/dev/null 2>&1 || true; done
  as_user "${cmd[@]}" network create nbnet >/dev/null
  as_user "${cmd[@]}" run --rm --network nbnet "$image" true >/dev/null 2>&1 || true   # warm up
  for i in $(seq "$RUNS"); do
    un[$tool-runrm]+="$(timed "$tool" run --rm --network nbnet "$image" true) "
  done
  # start -> resolves: a probe on the network asks for "late-N" without pause and writes the
  # kernel's uptime (10 ms steps; the host's clock is the same one) when it first gets an answer.
  # Negative: the name resolved before `start` returned.
  as_user "${cmd[@]}" run -d --name nb-probe --network nbnet "$image" sh -c \
    'while :; do for n in $(cat /tmp/want 2>/dev/null); do nslookup $n >/dev/null 2>&1 && [ ! -e /tmp/got-$n ] && cat /proc/uptime > /tmp/got-$n; done; done' \
    >/dev/null 2>&1 || true
  for i in $(seq "$RUNS"); do
    as_user "${cmd[@]}" create --name "late-$i" --network nbnet "$image" sleep 600 >/dev/null 2>&1 || true
    as_user "${cmd[@]}" exec nb-probe sh -c "echo late-$i > /tmp/want" >/dev/null 2>&1 || true
    sleep 0.3
    as_user "${cmd[@]}" start "late-$i" >/dev/null 2>&1 || true
    started=$(awk '{print $1}' /proc/uptime)
    got=
    for _ in $(seq 50); do
      got=$(as_user "${cmd[@]}" exec nb-probe cat "/tmp/got-late-$i" 2>/dev/null | awk '{print $1}') || true
      [ -n "$got" ] && break
      sleep 0.1
    done
    if [ -n "$got" ]; then
      un[$tool-resolve]+="$(awk -v a="$started" -v b="$got" 'BEGIN {printf "%d", (b-a)*1000}') "
    else
      un[$tool-resolve]+="- "
    fi
    as_user "${cmd[@]}" rm -f -t 0 "late-$i" >/dev/null 2>&1 || true
  done
  as_user "${cmd[@]}" rm -f -t 0 nb-probe >/dev/null 2>&1 || true
  # requests/s through a published port to a container on the network.
  p=$(free_port)
  if as_user "${cmd[@]}" run -d --name nb-web --network nbnet -p "127.0.0.1:$p:8080" "$image" \
      sh -c 'mkdir -p /www && echo hello > /www/index.html && exec httpd -f -p 8080 -h /www' >/dev/null 2>&1; then
    for _ in $(seq 100); do curl -sf "http://127.0.0.1:$p/index.html" >/dev/null && break; sleep 0.1; done
    for i in $(seq "$RUNS"); do
      un[$tool-rps]+="$(ab -q -n "$REQUESTS" -c "$CONCURRENCY" "http://127.0.0.1:$p/index.html" 2>/dev/null \
        | awk '/^Requests per second/ {print $4}') "
    done
  fi
  as_user "${cmd[@]}" rm -f -t 0 nb-web >/dev/null 2>&1 || true
  as_user "${cmd[@]}" network rm -f nbnet >/dev/null 2>&1 || true
done
# med KEY: the median of the numeric samples, or "-" when there are none.
med() {
  local samples; samples=$(echo "${un[$1]:-}" | tr ' ' '\n' | grep -E '^-?[0-9.]+$' || true)
  if [ -z "$samples" ]; then echo -; else echo "$samples" | median; fi
}
printf '%-34s %10s %10s %10s\n' measure skiff podman 'ratio'
for m in "create:network create (ms):lower" "runrm:run --rm on a network (ms):lower" \
         "resolve:start -> name resolves (ms):lower" "rps:req/s via -p to a network container:higher"; do
  IFS=: read -r key label better <<<"$m"
  s=$(med "skiff-$key"); p=$(med "podman-$key")
  if [ "$s" = - ] || [ "$p" = - ] || [ "$p" = 0 ]; then r=-; else
    r=$(awk -v s="$s" -v p="$p" -v b="$better" 'BEGIN {printf "%.2fx", (b=="lower") ? p/((s>0)?s:1) : s/p}')
  fi
  printf '%-34s %10s %10s %10s\n' "$label" "$s" "$p" "$r"
done
echo "(ratio >= 1: skiff as good or better; '-': not measured, e.g. podman's CNI backend without dnsname does not resolve names)"
echo "raw samples:"; for k in "${!un[@]}"; do echo "  $k: ${un[$k]}"; done | sort
