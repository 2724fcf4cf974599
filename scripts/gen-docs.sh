#!/usr/bin/env bash
# Regenerates completions/ and man/ from the clap definitions. Run after changing the CLI; the test
# `docs_are_current` fails while the committed files are stale.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --quiet -- generate-docs .
