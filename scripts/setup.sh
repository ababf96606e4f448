#!/usr/bin/env bash
# Installs what LaneCheck needs on a fresh Debian machine, skipping whatever is already there.
#   scripts/setup.sh          what building and running needs
#   scripts/setup.sh --test   and what the tests need (Chromium, ChromeDriver, CJK fonts,
#                             PostgreSQL, npm packages)
# Every tool comes from a package registry; nothing is downloaded from anywhere else.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
TERSER_VERSION=5.51.2
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

step() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_packages=()
# Debian's binaryen is too old: Trunk accepts it and the app then dies at start-up.
if dpkg -s binaryen >/dev/null 2>&1; then
  step "removing Debian's binaryen (wasm-opt 108 breaks the build)"
  as_root apt-get remove -y binaryen
fi
if [ "${1:-}" = "--test" ]; then
  for pkg in chromium chromium-driver fonts-noto-cjk postgresql curl; do
    dpkg -s "$pkg" >/dev/null 2>&1 || apt_packages+=("$pkg")
  done
fi
if [ ${#apt_packages[@]} -gt 0 ]; then
  step "apt: ${apt_packages[*]}"
  as_root apt-get update -q
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q "${apt_packages[@]}"
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  step "trunk $TRUNK_VERSION (compiles from source, about 11 minutes)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

# Trunk uses wasm-bindgen from PATH only at exactly the version in Cargo.lock. `--locked`
# fails for this release (its lock names a yanked crate), hence without it.
if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  step "wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
  step "wasm-opt (binaryen $BINARYEN_VERSION from npm)"
  as_root npm install -g --no-audit --no-fund "binaryen@$BINARYEN_VERSION"
fi

if ! terser --version 2>/dev/null | grep -q "$TERSER_VERSION"; then
  step "terser $TERSER_VERSION (minifies the wasm-bindgen glue)"
  as_root npm install -g --no-audit --no-fund "terser@$TERSER_VERSION"
fi

step "crates"
cargo fetch --locked >/dev/null

if [ "${1:-}" = "--test" ]; then
  # npm writes node_modules/.package-lock.json; an older one means the lock file changed.
  if [ ! -f end2end/node_modules/.package-lock.json ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
    step "end-to-end test packages"
    (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  fi
fi
