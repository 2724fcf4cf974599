# Shell functions shared by scripts/demo.sh and bench/*.sh (sourced, not run).
# Needs USER_NAME (the unprivileged user commands run as when this script runs as root).

# Runs "$@" as $USER_NAME with a clean environment when root, else as the caller.
as_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$USER_NAME" -- env -i HOME="/home/$USER_NAME" PATH=/usr/bin:/bin:/usr/sbin:/sbin "$@"
  else "$@"; fi
}

# Starts Debian's docker-registry on a free 127.0.0.1 port with its storage in DIR/registry and
# waits until it answers. Sets `port` and `reg_pid` (kill it when done).
start_registry() {
  local dir=$1
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  printf 'version: 0.1\nlog: {level: error}\nstorage: {filesystem: {rootdirectory: %s}}\nhttp: {addr: 127.0.0.1:%s}\n' \
    "$dir/registry" "$port" > "$dir/registry.yml"
  docker-registry serve "$dir/registry.yml" >/dev/null 2>&1 &
  reg_pid=$!
  for _ in $(seq 100); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/v2/', timeout=1)" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "docker-registry did not answer on 127.0.0.1:$port" >&2
  return 1
}

# For the benchmarks: as root, prepares the host (test user, packages) and installs podman when
# missing; builds the release binary and sets `skiff` to it. SKIFF_BENCH_NO_BUILD=1 skips both
# and uses the release binary as built.
prepare_bench() {
  if [ "$(id -u)" = 0 ] && [ -z "${SKIFF_BENCH_NO_BUILD:-}" ]; then
    TEST_USER=$USER_NAME bash scripts/setup-host.sh
    command -v podman >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman >/dev/null || true
  fi
  skiff=$(pwd)/target/release/skiff
  [ -n "${SKIFF_BENCH_NO_BUILD:-}" ] || cargo build --release --quiet
}
