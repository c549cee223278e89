#!/usr/bin/env bash
# Takes the screenshots in docs/screenshots/ from the real app on the demo case under Xvfb,
# with a throwaway HOME so the demo case is built fresh from assets/demo/ by the app itself.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REAL_HOME="$HOME"
WORK="$(mktemp -d -t dossier-shots.XXXXXX)"
source "$root/scripts/lib-xvfb.sh"
trap 'stop_all; rm -rf "$WORK"' EXIT

app="$("$root/scripts/build-app.sh" | tail -n 1)"
ensure_tauri_driver
isolate_home
start_xvfb 1100x720x24
start_tauri_driver
mkdir -p "$root/docs/screenshots"
echo "==> Screenshots (display $DISPLAY)"
node "$root/ui/e2e/screenshots.mjs" "$app" "$root/docs/screenshots"
