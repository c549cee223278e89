#!/usr/bin/env bash
# Measures the app's cold start and its responsiveness while importing the 23k-article
# corpus (../shared/corpus/news-corpus.tar.gz, unpacked to a temporary folder first), under
# Xvfb with a throwaway HOME. The figures go to docs/benchmarks.md by hand.
#
# Usage: scripts/bench-app.sh [CORPUS_TAR_GZ] [COLD_START_RUNS]
# The optimised build is measured; DOSSIER_BENCH_DEBUG=1 measures the debug build instead.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus_tar="${1:-$root/../shared/corpus/news-corpus.tar.gz}"
runs="${2:-5}"
REAL_HOME="$HOME"
WORK="$(mktemp -d -t dossier-bench.XXXXXX)"
source "$root/scripts/lib-xvfb.sh"
trap 'stop_all; rm -rf "$WORK"' EXIT

app="$("$root/scripts/build-app.sh" --bench | tail -n 1)"
cargo build --quiet --manifest-path "$root/Cargo.toml" --bin dossier
dossier="${CARGO_TARGET_DIR:-$root/target}/debug/dossier"
ensure_tauri_driver
isolate_home
start_xvfb
start_tauri_driver

echo "==> Unpacking $corpus_tar"
mkdir -p "$WORK/corpus"
tar -xzf "$corpus_tar" -C "$WORK/corpus"
demo="$WORK/demo.dossier"
"$dossier" new "$demo" >/dev/null
"$dossier" --case "$demo" import "$root/assets/demo" >/dev/null

echo "==> Measuring (display $DISPLAY)"
dbus-run-session -- node "$root/ui/e2e/bench.mjs" "$app" "$demo" "$WORK/corpus" "$WORK" "$runs"
