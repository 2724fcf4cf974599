#!/usr/bin/env bash
# The one test command (README, CI). As root on a fresh Debian 12 machine it installs what the suite
# needs, prepares an unprivileged test user, builds, runs the unit tests, then runs the integration
# tests as that user (container tests never count when run as root). As an ordinary user with the
# packages present it builds and runs the whole suite as that user.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
TEST_USER=${SKIFF_TEST_USER:-skiff-test}

log() { printf '== %s\n' "$*" >&2; }

if [ "$(id -u)" = 0 ]; then
  TEST_USER=$TEST_USER bash scripts/setup-host.sh
  # The test user must be able to read the tree and the built binaries.
  if ! runuser -u "$TEST_USER" -- test -r "$repo/Cargo.toml"; then
    copy=/var/tmp/skiff-test-src
    log "$repo is not readable by $TEST_USER; testing a copy in $copy"
    rm -rf "$copy" && mkdir -p "$copy"
    tar -C "$repo" --exclude=./target -cf - . | tar -C "$copy" -xf -
    chmod -R a+rX "$copy"
    exec "$copy/scripts/test.sh" "$@"
  fi
fi

export CARGO_TERM_COLOR=never
log "building"
cargo build --quiet
# The lints of Cargo.toml and clippy.toml (printer-only output, fs_err, documented unsafe) hold.
log "clippy"
cargo clippy --all-targets --quiet -- -D warnings
mapfile -t test_bins < <(cargo test --no-run --message-format=json 2>/dev/null \
  | python3 -c 'import json,sys
for l in sys.stdin:
    try: m=json.loads(l)
    except ValueError: continue
    if m.get("reason")=="compiler-artifact" and m.get("profile",{}).get("test") and m.get("executable"):
        print(m["target"]["kind"][0], m["executable"])')

status=0
for entry in "${test_bins[@]}"; do
  kind=${entry%% *}; bin=${entry#* }
  if [ "$kind" = lib ] || [ "$kind" = bin ]; then
    log "unit tests: $(basename "$bin") as uid $(id -u)"
    "$bin" || status=1
  elif [ "$(id -u)" = 0 ]; then
    uid=$(id -u "$TEST_USER")
    log "integration tests: $(basename "$bin") as $TEST_USER (uid $uid)"
    runuser -u "$TEST_USER" -- env -i HOME="/home/$TEST_USER" USER="$TEST_USER" LOGNAME="$TEST_USER" \
      PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin LANG=C.UTF-8 RUST_BACKTRACE=1 \
      ${CI:+CI=$CI} "$bin" || status=1
  else
    log "integration tests: $(basename "$bin") as uid $(id -u)"
    "$bin" || status=1
  fi
done
exit $status
