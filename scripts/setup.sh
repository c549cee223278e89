#!/usr/bin/env bash
# Installs what Dossier needs to build, run and test on Debian/Ubuntu, and nothing that is
# already there: the system libraries of the desktop app, the tools of the end-to-end tests,
# and the UI's npm packages. Safe to run repeatedly; a second run takes a second.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

for tool in cargo node npm; do
  if ! command -v "$tool" >/dev/null; then
    echo "error: '$tool' is missing. Install Rust (https://rustup.rs) and Node.js 20+ first." >&2
    exit 1
  fi
done

# Build: WebKitGTK and a C toolchain for Tauri. Tests: a virtual display, the WebKit WebDriver,
# a font so screenshots have text, Chromium for the view tests, curl to wait for tauri-driver
# and ImageMagick's `import` for screenshots. Team cases' tests start a throwaway PostgreSQL
# server of their own (tests/it/support/pg.rs).
# OCR (issue 19): Tesseract with the language packs scans are read in, and poppler's
# pdftoppm/pdfinfo to render a PDF page to a picture; the OCR tests need them, so CI runs
# this first. ocrmypdf is only for the comparison in examples/eval_ocr.rs.
# Packages (scripts/test-package.sh): dpkg-dev's dpkg-shlibdeps to check the declared
# dependencies, rpm to read the .rpm, xdotool to find the installed app's window, and the
# desktop's own tools (MIME and desktop databases, xdg-open, gio) to open a case file by its
# type as a file manager does. libssl-dev: OpenSSL, which team cases speak TLS to PostgreSQL with.
packages=(libwebkit2gtk-4.1-dev build-essential pkg-config file libssl-dev
          xvfb xauth webkit2gtk-driver dbus-x11 fonts-dejavu-core
          chromium curl imagemagick postgresql
          tesseract-ocr libtesseract-dev libleptonica-dev tesseract-ocr-eng tesseract-ocr-deu
          tesseract-ocr-fra tesseract-ocr-spa tesseract-ocr-rus poppler-utils ocrmypdf
          dpkg-dev rpm xdotool desktop-file-utils shared-mime-info xdg-utils libglib2.0-bin)
missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  echo "==> Installing system packages: ${missing[*]}"
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# `npm ci` wipes node_modules, so it runs only when the lock file changed since the last
# install; npm rewrites node_modules/.package-lock.json on every install, which makes it the
# marker.
ui="$root/ui"
marker="$ui/node_modules/.package-lock.json"
if [[ ! -f "$marker" || "$ui/package-lock.json" -nt "$marker" ]]; then
  echo "==> Installing UI dependencies (npm ci)"
  npm --prefix "$ui" ci --no-audit --no-fund
fi
