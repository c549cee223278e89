#!/usr/bin/env bash
# Measures the views of a big case in the real window (WebKitGTK under Xvfb, over
# tauri-driver): the timeline (our canvas against vis-timeline on the same events, and our
# canvas on every event of the case; ui/e2e/bench-timeline.mjs), then the people and quotes
# lists (ui/e2e/bench-lists.mjs), then the library and search (opening the case until the
# library's first rows, sorting, End, title filter, search as you typed; ui/e2e/bench-library.mjs),
# then the network view (our Canvas 2D renderer against sigma on synthetic networks of 500 to
# 5,000 nodes made in the page, so any case will do; ui/e2e/bench-network.mjs).
# The figures go to docs/benchmarks.md by hand.
#
# Usage: scripts/bench-views.sh CASE_FILE [EVENTS]   (EVENTS defaults to 10000)
# BENCH_ONLY=timeline, BENCH_ONLY=lists, BENCH_ONLY=library or BENCH_ONLY=network runs one of
# them.
# Make a big case first, e.g.:
#   cargo run --release -- new /tmp/big.dossier
#   cargo run --release -- --case /tmp/big.dossier import /path/to/news-corpus
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
case_file="${1:?usage: scripts/bench-views.sh CASE_FILE [EVENTS]}"
events="${2:-10000}"
REAL_HOME="$HOME"
WORK="$(mktemp -d -t dossier-bench-views.XXXXXX)"
source "$root/scripts/lib-xvfb.sh"
trap 'stop_all; rm -rf "$WORK"' EXIT

# The optimised build is measured; DOSSIER_BENCH_DEBUG=1 measures the debug build instead
# (the same UI bundle, so the canvas and vis-timeline figures compare the same way).
app="$("$root/scripts/build-app.sh" --bench | tail -n 1)"
ensure_tauri_driver
isolate_home
start_xvfb
start_tauri_driver
only="${BENCH_ONLY:-}"
if [[ -z "$only" || "$only" == timeline ]]; then
  echo "==> Measuring the timeline (display $DISPLAY, load: $(cut -d' ' -f1-3 /proc/loadavg))"
  dbus-run-session -- node "$root/ui/e2e/bench-timeline.mjs" "$app" "$case_file" "$events"
fi
if [[ -z "$only" || "$only" == lists ]]; then
  echo "==> Measuring the people and quotes lists (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  dbus-run-session -- node "$root/ui/e2e/bench-lists.mjs" "$app" "$case_file"
fi
if [[ -z "$only" || "$only" == library ]]; then
  echo "==> Measuring the library and search (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  dbus-run-session -- node "$root/ui/e2e/bench-library.mjs" "$app" "$case_file"
fi
if [[ -z "$only" || "$only" == network ]]; then
  echo "==> Measuring the network view (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  dbus-run-session -- node "$root/ui/e2e/bench-network.mjs" "$app" "$case_file"
fi
