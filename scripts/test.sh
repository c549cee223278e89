#!/usr/bin/env bash
# The quick start's second command and what CI runs: the whole test suite. Formatting and
# lints first (they are fastest to fail), then every Rust test of the workspace, the check that
# the generated TypeScript bindings are committed and fresh, the UI's unit tests, the view
# tests in headless Chromium, and the end-to-end tests of the real app under Xvfb.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/scripts/setup.sh"
# The commit the binaries report, set as build-app.sh sets it, so that cargo test and the e2e
# build compile the app alike instead of each rebuilding it for the other.
DOSSIER_COMMIT="${DOSSIER_COMMIT:-$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)}"
export DOSSIER_COMMIT

echo "==> Building the UI (the app embeds it at compile time)"
npm --prefix ui run build --silent

echo "==> cargo fmt --check"
cargo fmt --all --check

echo "==> cargo clippy -D warnings"
cargo clippy --workspace --all-targets --quiet -- -D warnings

echo "==> cargo test"
cargo test --workspace

# ts-rs writes the bindings during `cargo test`, and src-tauri's ipc_table test writes the
# command wrappers (commands.gen.ts, from the commands' signatures); any difference from the
# committed files means someone changed a DTO or a command without committing the
# regenerated TypeScript.
echo "==> Checking that ui/src/lib/bindings and commands.gen.ts are fresh"
generated=(ui/src/lib/bindings ui/src/lib/commands.gen.ts)
if [[ -n "$(git status --porcelain -- "${generated[@]}")" ]]; then
  git status --porcelain -- "${generated[@]}"
  git --no-pager diff -- "${generated[@]}"
  echo "error: the generated TypeScript is stale: commit the files cargo test regenerated" >&2
  exit 1
fi

# Kills the real binary (built by cargo test) mid-command 56 times and checks that every case
# recovers by itself; about two minutes. The fuzz corpora are replayed by cargo test itself.
echo "==> Crash campaign (kill -9 during import, reindex, notes, merges, export)"
python3 "$root/scripts/crash-campaign.py" --dossier "$root/target/debug/dossier"

echo "==> UI unit tests"
npm --prefix ui test --silent

echo "==> UI type check"
npm --prefix ui run check --silent

echo "==> View tests (headless Chromium, IPC mocked)"
npm --prefix ui run test:views --silent

"$root/scripts/e2e.sh"

# The packages, installed and used the way a person does (root or sudo, and dpkg: a Debian or
# Ubuntu machine, which setup.sh equips with the rest). They are packages of the debug build,
# which e2e.sh has just built, so this step only bundles and installs: the optimised build is a
# second compilation of every crate, longer than the rest of the suite on CI's two cores (see
# docs/benchmarks.md, "Packages"). The release packages come from scripts/package.sh and hold
# the same files; what differs is only how the one binary was compiled.
if command -v dpkg-deb >/dev/null && { [[ $(id -u) -eq 0 ]] || sudo -n true 2>/dev/null; }; then
  "$root/scripts/test-package.sh" --debug
else
  echo "==> Skipping the package tests: they need dpkg and root or password-less sudo"
fi

echo "==> All tests passed"
