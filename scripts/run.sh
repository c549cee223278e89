#!/usr/bin/env bash
# The quick start's first command: installs what is missing, builds Dossier, builds the demo
# case from assets/demo/ and prints what it holds, then opens the app on it when a display is
# available.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh"

echo "==> Building the dossier CLI"
cargo build --quiet --manifest-path "$root/Cargo.toml" --bin dossier
dossier="${CARGO_TARGET_DIR:-$root/target}/debug/dossier"

# The app's own data folder (Tauri's app data dir for the identifier org.dossier.desktop), so
# that "Open the demo case" in the app's picker finds the same case this script builds.
data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/org.dossier.desktop"
mkdir -p "$data_dir"
case_file="${DOSSIER_DEMO_CASE:-$data_dir/demo.dossier}"
if [[ ! -f "$case_file" ]]; then
  # The same demo case the app builds: the sources and an example note that checks clean.
  "$dossier" demo "$case_file" --sources "$root/assets/demo"
else
  # Importing into an existing demo case only adds what is new: the rest are duplicates.
  "$dossier" --case "$case_file" import "$root/assets/demo"
fi
echo
"$dossier" --case "$case_file" docs
echo
"$dossier" --case "$case_file" verify

if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" && -z "${DOSSIER_NO_APP:-}" ]]; then
  app="$("$root/scripts/build-app.sh" | tail -n 1)"
  echo "==> Opening the app on $case_file"
  exec "$app" "$case_file"
else
  echo
  echo "No display found, so the app was not opened. Explore the demo case with:"
  echo "  $dossier --case $case_file show 1"
fi
