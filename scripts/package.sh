#!/usr/bin/env bash
# Builds the packages a person installs Dossier from: a .deb (Debian, Ubuntu) and an .rpm
# (Fedora, openSUSE), each carrying the optimised app (`dossier-app`), the `dossier` CLI in
# /usr/bin, the desktop entry and icons, the `application/x-dossier` type of case files, and the
# CLI's shell completions and man pages. Writes them under target/release/bundle/ and prints
# their paths last, one a line. No AppImage: Tauri's AppImage bundler downloads its tools
# (linuxdeploy, AppRun) at build time, which a machine without internet access cannot do.
#
# The app's release build is the cost (several minutes on two cores); it is the same build
# `scripts/build-app.sh --release` (and so `--bench`) makes, so after either this script only
# bundles. `--debug` packages the debug build instead, for trying the packaging quickly.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ui="$root/ui"
profile=release
tauri_flags=()
cargo_flags=(--release)
if [[ "${1:-}" == "--debug" ]]; then
  profile=debug
  tauri_flags=(--debug)
  cargo_flags=()
fi

# The commit every binary reports (dossier --version, the app's About box). Set here, not in a
# build.rs, for the reason src/cli/mod.rs gives; a tree that is not a git checkout says so.
DOSSIER_COMMIT="${DOSSIER_COMMIT:-$(git -C "$root" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)}"
export DOSSIER_COMMIT

marker="$ui/node_modules/.package-lock.json"
if [[ ! -f "$marker" || "$ui/package-lock.json" -nt "$marker" ]]; then
  echo "==> Installing UI dependencies (npm ci)"
  npm --prefix "$ui" ci --no-audit --no-fund
fi

# What the packages carry besides the app goes to target/package/, where tauri.conf.json's
# bundle.linux.*.files point: the CLI, its completions and its man pages, all generated from
# the freshly built CLI so that they describe exactly the arguments it takes.
target_dir="${CARGO_TARGET_DIR:-$root/target}"
stage="$root/target/package"
echo "==> Building the CLI ($profile)"
cargo build "${cargo_flags[@]}" --locked -p dossier --bin dossier --manifest-path "$root/Cargo.toml"
rm -rf "$stage"
mkdir -p "$stage/bin"
# Debug information stays in the build tree; a person's /usr/bin gets the program alone.
strip --strip-debug -o "$stage/bin/dossier" "$target_dir/$profile/dossier"
echo "==> Generating completions and man pages"
"$stage/bin/dossier" generate completions "$stage/completions" >/dev/null
"$stage/bin/dossier" generate man "$stage/man" >/dev/null
# Debian policy: man pages compressed, without a time stamp (-n) so rebuilds are identical.
gzip -9n "$stage"/man/*.1

echo "==> Building the app and bundling the .deb and .rpm (tauri build ${tauri_flags[*]} --bundles deb,rpm)"
bundle_dir="$target_dir/$profile/bundle"
rm -rf "$bundle_dir/deb" "$bundle_dir/rpm"
cd "$ui"
TAURI_APP_PATH="$root/src-tauri" TAURI_FRONTEND_PATH="$ui" \
  npx --no-install tauri build "${tauri_flags[@]}" --bundles deb,rpm

shopt -s nullglob
built=("$bundle_dir"/deb/*.deb "$bundle_dir"/rpm/*.rpm)
if ((${#built[@]} != 2)); then
  echo "error: expected one .deb and one .rpm under $bundle_dir, found: ${built[*]:-none}" >&2
  exit 1
fi
# The bundler names the files after the product (Dossier_0.1.0_amd64.deb); Debian and RPM
# name them after the package, which is what a person types: dossier_0.1.0_amd64.deb,
# dossier-0.1.0-1.x86_64.rpm.
packages=()
for file in "${built[@]}"; do
  name="$(basename "$file")"
  lower="$(dirname "$file")/${name,,}"
  [[ "$file" == "$lower" ]] || mv -f "$file" "$lower"
  packages+=("$lower")
done
echo "==> Packages (commit $DOSSIER_COMMIT)"
printf '%s\n' "${packages[@]}"
