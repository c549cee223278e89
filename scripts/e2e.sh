#!/usr/bin/env bash
# End-to-end tests of the real app: builds it (tauri build --debug --no-bundle), starts a
# virtual display and tauri-driver, and drives the window over WebDriver with
# ui/e2e/app.e2e.mjs. Run by scripts/test.sh; runs alone too.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REAL_HOME="$HOME"
WORK="$(mktemp -d -t dossier-e2e.XXXXXX)"
source "$root/scripts/lib-xvfb.sh"
cleanup() {
  stop_all
  if [[ "${KEEP_E2E:-}" == "" ]]; then rm -rf "$WORK"; else echo "e2e files kept in $WORK"; fi
}
trap cleanup EXIT

app="$("$root/scripts/build-app.sh" | tail -n 1)"
ensure_tauri_driver
isolate_home
start_xvfb
start_tauri_driver
echo "==> End-to-end tests (display $DISPLAY, driver $WEBDRIVER_URL)"
if ! WEBDRIVER_URL="$WEBDRIVER_URL" node "$root/ui/e2e/app.e2e.mjs" "$app" "$WORK" "$root"; then
  echo "--- tauri-driver log ---" >&2
  tail -n 40 "$WORK/tauri-driver.log" >&2
  exit 1
fi
