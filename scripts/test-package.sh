#!/usr/bin/env bash
# Tests the .deb the way a person meets it: builds the packages (scripts/package.sh), checks the
# .deb's control data (the dependencies against what the binaries really link, by
# dpkg-shlibdeps) and file list, reads the .rpm, installs the .deb with apt, uses the installed
# CLI (version, man page, completions, a case with the demo sources), starts the installed app
# under Xvfb on that case, opens a second case through its MIME type as a file manager does
# (`gio open`), reinstalls the package over itself and finally removes it, checking after each
# step that the person's cases and recent-cases list are untouched. Run by scripts/test.sh on
# machines with dpkg and root (or password-less sudo); the package is left removed.
#
# `--debug` packages the debug build (for a quick try); `--no-build` tests the packages
# package.sh wrote last (with `--debug` too: those of the debug build) without rebuilding.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REAL_HOME="$HOME"
WORK="$(mktemp -d -t dossier-package.XXXXXX)"
source "$root/scripts/lib-xvfb.sh"

as_root=()
if [[ $(id -u) -ne 0 ]]; then as_root=(sudo -n); fi
apt_get() { DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get "$@"; }

# Ends a process and its descendants (the app's WebKit processes), by the ids recorded here.
kill_tree() {
  local pid="$1" child
  for child in $(pgrep -P "$pid" || true); do kill_tree "$child"; done
  kill "$pid" 2>/dev/null || true
}
APP_PIDS=()
cleanup() {
  local pid
  for pid in "${APP_PIDS[@]}"; do kill_tree "$pid"; done
  stop_all
  if dpkg-query -W -f='${Status}' dossier 2>/dev/null | grep -q "install ok installed"; then
    apt_get remove -y -qq dossier >/dev/null 2>&1 || true
  fi
  if [[ "${KEEP_PACKAGE_TEST:-}" == "" ]]; then rm -rf "$WORK"; else echo "files kept in $WORK"; fi
}
trap cleanup EXIT

fail() {
  echo "error: $*" >&2
  exit 1
}
step() { echo "==> [package] $*"; }

version="$(awk '/^\[workspace.package\]/{w=1; next} /^\[/{w=0} w && $1=="version"{gsub(/"/,"",$3); print $3}' "$root/Cargo.toml")"
[[ -n "$version" ]] || fail "no version in [workspace.package] of Cargo.toml"
DOSSIER_COMMIT="${DOSSIER_COMMIT:-$(git -C "$root" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)}"
export DOSSIER_COMMIT

build=1
package_args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build="" ;;
    *) package_args+=("$arg") ;;
  esac
done
started=$SECONDS
if [[ -n "$build" ]]; then
  mapfile -t built < <("$root/scripts/package.sh" "${package_args[@]}" | tee "$WORK/package.log" | tail -n 2)
else
  profile="$([[ " ${package_args[*]} " == *" --debug "* ]] && echo debug || echo release)"
  bundles="${CARGO_TARGET_DIR:-$root/target}/$profile/bundle"
  built=("$bundles"/deb/dossier_*.deb "$bundles"/rpm/dossier-*.rpm)
  touch "$WORK/package.log"
fi
deb="${built[0]:-}"
rpm="${built[1]:-}"
if [[ "$deb" != *.deb || ! -f "$deb" ]]; then
  tail -n 30 "$WORK/package.log" >&2
  fail "package.sh printed no .deb"
fi
[[ "$rpm" == *.rpm && -f "$rpm" ]] || fail "package.sh printed no .rpm (see above)"
step "package.sh built $(basename "$deb") and $(basename "$rpm") in $((SECONDS - started)) s"

# --- The .deb's control data -----------------------------------------------------------------
step "control data (dpkg -I)"
dpkg -I "$deb" >"$WORK/control.txt"
field() { dpkg-deb -f "$deb" "$1"; }
[[ "$(field Package)" == dossier ]] || fail "Package is '$(field Package)', not dossier"
[[ "$(field Version)" == "$version" ]] || fail "Version is '$(field Version)', Cargo.toml says $version"
[[ "$(field Architecture)" == "$(dpkg --print-architecture)" ]] || fail "Architecture is '$(field Architecture)'"
depends="$(field Depends)"
# The names in Depends, without versions; an alternative (a | b) counts by each of its names.
declared="$(tr ',|' '\n\n' <<<"$depends" | sed -E 's/\(.*\)//; s/:any//; s/^ +| +$//g' | grep -v '^$' | sort -u)"
for needed in libwebkit2gtk-4.1-0 libgtk-3-0; do
  grep -qx "$needed" <<<"$declared" || fail "Depends lacks $needed: $depends"
done

# What the binaries link, as Debian's own tool works it out from the libraries' shlibs files.
# Every package it names must be declared or be pulled in by a declared one (WebKitGTK brings
# GLib, libsoup and the rest), so that `apt install ./dossier_*.deb` on a fresh system installs
# what is missing.
dpkg-deb -x "$deb" "$WORK/root"
mkdir -p "$WORK/shlibs/debian"
printf 'Source: dossier\n\nPackage: dossier\nArchitecture: any\n' >"$WORK/shlibs/debian/control"
shlibs="$(cd "$WORK/shlibs" && dpkg-shlibdeps -O -e"$WORK/root/usr/bin/dossier-app" -e"$WORK/root/usr/bin/dossier" 2>"$WORK/shlibdeps.log")" ||
  fail "dpkg-shlibdeps failed: $(cat "$WORK/shlibdeps.log")"
linked="$(sed 's/^shlibs:Depends=//' <<<"$shlibs" | tr ',|' '\n\n' | sed -E 's/\(.*\)//; s/^ +| +$//g' | grep -v '^$' | sort -u)"
# shellcheck disable=SC2086 # one argument per declared package
pulled="$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
  --no-replaces --no-enhances $declared 2>/dev/null | grep -v '^ ' | sed 's/:.*//' | sort -u)"
while read -r lib; do
  grep -qx "$lib" <<<"$declared" || grep -qx "$lib" <<<"$pulled" ||
    fail "the binaries link $lib's libraries, but Depends ($depends) neither names nor pulls it in"
done <<<"$linked"
# The OCR stage runs Tesseract and poppler's tools for scans; recommended, so that apt installs
# them by default while a system without them still gets everything but OCR.
recommends="$(field Recommends)"
for wanted in tesseract-ocr poppler-utils; do
  grep -qw "$wanted" <<<"$recommends" || fail "Recommends lacks $wanted: $recommends"
done
echo "    Depends: $depends"
echo "    Recommends: $recommends"
echo "    linked ($(wc -l <<<"$linked") packages, all declared or pulled in): $(paste -sd' ' <<<"$linked")"

# --- The .deb's files ------------------------------------------------------------------------
step "file list (dpkg -c)"
# Tar members may be written `./usr/…` or `usr/…`; both become `/usr/…`.
dpkg -c "$deb" | awk '{print $NF}' | sed -E 's|^\.?/?|/|' >"$WORK/files.txt"
expect_file() { grep -qx "$1" "$WORK/files.txt" || fail "the .deb lacks $1"; }
expect_file /usr/bin/dossier-app
expect_file /usr/bin/dossier
expect_file /usr/share/applications/Dossier.desktop
expect_file /usr/share/mime/packages/dossier.xml
for size in 16 24 32 48 64 128 256 512; do
  expect_file "/usr/share/icons/hicolor/${size}x${size}/apps/dossier-app.png"
  expect_file "/usr/share/icons/hicolor/${size}x${size}/mimetypes/application-x-dossier.png"
done
expect_file /usr/share/bash-completion/completions/dossier
expect_file /usr/share/zsh/vendor-completions/_dossier
expect_file /usr/share/fish/vendor_completions.d/dossier.fish
expect_file /usr/share/man/man1/dossier.1.gz
expect_file /usr/share/man/man1/dossier-import.1.gz
expect_file /usr/lib/Dossier/demo/seed-technewsworld-kelihos.txt
desktop="$WORK/root/usr/share/applications/Dossier.desktop"
desktop-file-validate "$desktop" || fail "the desktop entry is not valid (above)"
grep -qx 'Exec=dossier-app %f' "$desktop" || fail "the desktop entry does not pass the file: $(grep Exec "$desktop")"
grep -qx 'MimeType=application/x-dossier;' "$desktop" || fail "the desktop entry does not declare application/x-dossier"
grep -q '<glob pattern="\*.dossier"' "$WORK/root/usr/share/mime/packages/dossier.xml" || fail "the MIME type has no *.dossier glob"
echo "    $(wc -l <"$WORK/files.txt") entries; desktop entry valid"

# --- The .rpm --------------------------------------------------------------------------------
if command -v rpm >/dev/null; then
  step "the .rpm (rpm -qlp)"
  rpm -qlp "$rpm" 2>/dev/null >"$WORK/rpm-files.txt"
  for path in /usr/bin/dossier-app /usr/bin/dossier /usr/share/applications/Dossier.desktop \
    /usr/share/mime/packages/dossier.xml /usr/share/man/man1/dossier.1.gz \
    /usr/share/zsh/site-functions/_dossier /usr/share/bash-completion/completions/dossier \
    /usr/share/icons/hicolor/48x48/mimetypes/application-x-dossier.png; do
    grep -qx "$path" "$WORK/rpm-files.txt" || fail "the .rpm lacks $path"
  done
  [[ "$(rpm -qp --qf '%{VERSION}' "$rpm" 2>/dev/null)" == "$version" ]] || fail "the .rpm's version is not $version"
  # RPM states dependencies by library (soname), which each distribution resolves to its own
  # package names (webkit2gtk4.1 on Fedora, libwebkit2gtk-4_1-0 on openSUSE).
  for soname in 'libwebkit2gtk-4.1.so.0()(64bit)' 'libgtk-3.so.0()(64bit)'; do
    rpm -qpR "$rpm" 2>/dev/null | grep -qxF "$soname" || fail "the .rpm does not require $soname: $(rpm -qpR "$rpm" 2>/dev/null | paste -sd' ')"
  done
  rpm -qp --recommends "$rpm" 2>/dev/null | grep -qx tesseract || fail "the .rpm does not recommend tesseract"
  echo "    $(wc -l <"$WORK/rpm-files.txt") files; requires $(rpm -qpR "$rpm" 2>/dev/null | grep -v '^rpmlib' | paste -sd' ')"
else
  step "skipping the .rpm checks: rpm is not installed"
fi

# --- Installed -------------------------------------------------------------------------------
step "apt-get install $(basename "$deb")"
apt_get install -y -qq "$deb" >"$WORK/apt-install.log" 2>&1 || { cat "$WORK/apt-install.log" >&2; fail "apt-get install failed"; }
cli=/usr/bin/dossier
[[ "$(command -v dossier)" == /usr/bin/dossier || -x "$cli" ]] || fail "dossier is not on the PATH"
printed="$("$cli" --version)"
# Packages built by an earlier run (--no-build) may come from an earlier commit.
commit_pattern="$([[ -n "$build" ]] && echo "$DOSSIER_COMMIT" || echo '[0-9a-f]{12}')"
[[ "$printed" =~ ^dossier\ ${version//./\.}\ \(commit\ ${commit_pattern}\)$ ]] || fail "dossier --version printed '$printed'"
echo "    $printed"
if command -v man >/dev/null; then
  [[ "$(man -w dossier-import)" == /usr/share/man/man1/dossier-import.1.gz ]] || fail "man cannot find dossier-import"
  MANWIDTH=80 man dossier 2>/dev/null | grep -q "Case files for journalists" || fail "man dossier does not show the page"
fi
bash -c 'source /usr/share/bash-completion/completions/dossier && complete -p dossier' >/dev/null ||
  fail "bash does not load the completions"

isolate_home
cases="$HOME/Cases"
mkdir -p "$cases"
case1="$cases/demo.dossier"
"$cli" new "$case1" >/dev/null
"$cli" --case "$case1" import --quiet "$root/assets/demo" >"$WORK/import.txt" || fail "importing assets/demo with the installed CLI failed: $(cat "$WORK/import.txt")"
count="$("$cli" --case "$case1" docs --json | grep -o '"id":' | wc -l)"
((count > 0)) || fail "the case has no documents after the import"
echo "    the installed CLI made $case1 with $count documents"

recent="$XDG_CONFIG_HOME/org.dossier.desktop/recent-cases.json"
# Waits until the app's window titled Dossier is up and the app has opened `case` (it records
# the case at the top of its recent-cases list when it opens it); prints the window's process.
wait_for_app_on() {
  local case="$1" window pid tries
  window="$(timeout 120 xdotool search --sync --onlyvisible --name '^Dossier$' | head -n 1)" ||
    fail "no window titled Dossier appeared within 120 s"
  pid="$(xdotool getwindowpid "$window")"
  for tries in $(seq 600); do
    if [[ -f "$recent" ]] && python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); sys.exit(0 if json.dumps(r).find(json.dumps(sys.argv[2])[1:-1]) >= 0 else 1)' "$recent" "$case" 2>/dev/null; then
      echo "$pid"
      return 0
    fi
    sleep 0.2
  done
  fail "the window is up but the app did not open $case within 120 s"
}
close_app() {
  local pid="$1" tries
  kill_tree "$pid"
  for tries in $(seq 100); do
    xdotool search --onlyvisible --name '^Dossier$' >/dev/null 2>&1 || return 0
    sleep 0.1
  done
  fail "the app's window did not close"
}

start_xvfb
step "the installed app on the case (display $DISPLAY)"
/usr/bin/dossier-app "$case1" >"$WORK/app1.log" 2>&1 &
APP_PIDS+=($!)
app_pid="$(wait_for_app_on "$case1")"
echo "    window 'Dossier' up, $case1 open"
close_app "$app_pid"

step "a double-click: gio open on a case (MIME type application/x-dossier)"
"${as_root[@]}" update-mime-database /usr/share/mime
"${as_root[@]}" update-desktop-database /usr/share/applications
# A name with a space, as people name their cases, so that the desktop entry's %f is tested.
case2="$cases/second case.dossier"
"$cli" new "$case2" >/dev/null
# The type as GLib, and so file managers, tell it from shared-mime-info. (xdg-mime's own answer
# outside a desktop session comes from libmagic, which knows only SQLite; inside GNOME or KDE
# xdg-open hands the file to gio or kde-open, which use shared-mime-info.)
type="$(gio info -a standard::content-type "$case2" | sed -n 's/^ *standard::content-type: //p')"
[[ "$type" == application/x-dossier ]] || fail "the desktop calls $case2 '$type', not application/x-dossier"
handler="$(xdg-mime query default application/x-dossier)"
[[ "$handler" == Dossier.desktop ]] || fail "xdg-mime's handler of application/x-dossier is '$handler'"
gio open "$case2" 2>"$WORK/gio.log" || fail "gio open failed: $(cat "$WORK/gio.log")"
app_pid="$(wait_for_app_on "$case2")"
APP_PIDS+=("$app_pid")
echo "    type $type, handler $handler: the app opened '$case2'"
close_app "$app_pid"

sums="$(sha256sum "$case1" "$case2" "$recent")"
step "reinstalling over itself (what an upgrade does to the files)"
apt_get install -y -qq --reinstall "$deb" >"$WORK/apt-reinstall.log" 2>&1 || { cat "$WORK/apt-reinstall.log" >&2; fail "reinstalling failed"; }
[[ "$(sha256sum "$case1" "$case2" "$recent")" == "$sums" ]] || fail "reinstalling changed a case or the recent-cases list"
[[ "$("$cli" --case "$case1" docs --json | grep -o '"id":' | wc -l)" == "$count" ]] || fail "the case lost documents"

step "apt-get remove dossier"
apt_get remove -y -qq dossier >"$WORK/apt-remove.log" 2>&1 || { cat "$WORK/apt-remove.log" >&2; fail "apt-get remove failed"; }
[[ ! -e /usr/bin/dossier && ! -e /usr/bin/dossier-app ]] || fail "removing left the binaries"
[[ "$(sha256sum "$case1" "$case2" "$recent")" == "$sums" ]] || fail "removing the package changed a case or the recent-cases list"
echo "    binaries gone; both cases and the recent-cases list unchanged"

step "all package checks passed in $((SECONDS - started)) s"
