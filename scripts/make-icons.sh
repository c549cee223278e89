#!/usr/bin/env bash
# Regenerates the packages' icons from the one drawn icon, src-tauri/icons/icon.png (512 px):
# the app's icon in every size the hicolor theme has a folder for (menus ask for 16 to 512
# pixels, and a scaled-down large icon looks blurred where a small one was made for it), and
# the icon of a case file (application/x-dossier), a page carrying the app's badge, so a case
# in a file manager is told apart from any other SQLite file. The results are committed; run
# this again only when icon.png changes. Needs ImageMagick (scripts/setup.sh installs it).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
icons="$root/src-tauri/icons"
source_icon="$icons/icon.png"
sizes=(16 24 32 48 64 128 256 512)
app_sizes=(16 24 32 48 64 128 256)

# -strip leaves out the time stamps ImageMagick writes, so that regenerating from an unchanged
# icon.png changes no committed byte; PNG32 keeps 8-bit RGBA, the only PNG Tauri accepts as an
# icon (ImageMagick would otherwise write a palette for the small ones). icon.png itself is
# the 512-pixel one.
png32() { convert "$1" -filter Lanczos -resize "$2x$2" -strip "PNG32:$3"; }
for size in "${app_sizes[@]}"; do
  png32 "$source_icon" "$size" "$icons/${size}x${size}.png"
done
png32 "$source_icon" 256 "$icons/128x128@2x.png"

# The case file's icon, drawn at 512 px in the app icon's colours: a cream page with a folded
# corner and three lines of text, and the app's icon as a badge in the lower right corner.
mime="$icons/mime"
mkdir -p "$mime"
big="$(mktemp --suffix=.png)"
badge="$(mktemp --suffix=.png)"
trap 'rm -f "$big" "$badge"' EXIT
convert "$source_icon" -filter Lanczos -resize 240x240 "$badge"
convert -size 512x512 xc:none \
  -fill '#f2efe8' -stroke '#c9c2b0' -strokewidth 6 \
  -draw 'path "M 86,16 L 336,16 L 440,120 L 440,496 L 86,496 Z"' \
  -fill '#cfc8b5' -stroke '#c9c2b0' \
  -draw 'path "M 336,16 L 336,120 L 440,120 Z"' \
  -stroke none -fill '#1f3a5f' \
  -draw 'rectangle 136,170 386,196' \
  -draw 'rectangle 136,226 386,252' \
  -draw 'rectangle 136,282 300,308' \
  "$badge" -geometry +264+264 -composite \
  "$big"
for size in "${sizes[@]}"; do
  png32 "$big" "$size" "$mime/${size}x${size}.png"
done
echo "==> Wrote $((${#app_sizes[@]} + 1)) app icons and ${#sizes[@]} case-file icons in $icons"
