#!/usr/bin/env bash
# Builds the Dossier desktop app (unbundled) from any working directory: a debug build, or
# with `--release` an optimised one (the benchmarks measure that one; see `--bench` below).
#
# Safe to run repeatedly: dependencies are only reinstalled when ui/package-lock.json is newer
# than ui/node_modules, and cargo rebuilds only what changed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ui="$root/ui"
# The commit the About box names (src-tauri/src/dto.rs says why it comes this way).
DOSSIER_COMMIT="${DOSSIER_COMMIT:-$(git -C "$root" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)}"
export DOSSIER_COMMIT

# `npm ci` wipes node_modules, so it runs only when the lock file says something changed.
# npm touches node_modules/.package-lock.json on every install, which makes it the marker.
marker="$ui/node_modules/.package-lock.json"
if [[ ! -f "$marker" || "$ui/package-lock.json" -nt "$marker" ]]; then
  echo "==> Installing UI dependencies (npm ci)"
  npm --prefix "$ui" ci --no-audit --no-fund
fi

# The Tauri CLI builds the UI itself through beforeBuildCommand (`npm run build` in ui/), so
# the UI is built exactly once, with the same command a developer's `tauri build` uses.
# The two paths are given explicitly because ui/ and src-tauri/ are siblings and the CLI's own
# search depends on the working directory.
# `--bench` is what the benchmark scripts ask for: the optimised build, or the debug build when
# DOSSIER_BENCH_DEBUG is set, so that every benchmark chooses the same way.
mode="${1:-}"
if [[ "$mode" == "--bench" ]]; then
  mode="$([[ -n "${DOSSIER_BENCH_DEBUG:-}" ]] && echo --debug || echo --release)"
fi
profile=debug
build_flags=(--debug --no-bundle)
if [[ "$mode" == "--release" ]]; then
  profile=release
  build_flags=(--no-bundle)
fi
echo "==> Building the UI and the app (tauri build ${build_flags[*]})"
cd "$ui"
TAURI_APP_PATH="$root/src-tauri" TAURI_FRONTEND_PATH="$ui" \
  npx --no-install tauri build "${build_flags[@]}"

target_dir="${CARGO_TARGET_DIR:-$root/target}"
binary="$target_dir/$profile/dossier-app"
if [[ ! -x "$binary" ]]; then
  echo "error: the build finished but $binary is missing" >&2
  exit 1
fi
echo "==> Built $binary"
echo "$binary"
