#!/usr/bin/env bash
# Release build of both entry points into dist/: the shell (index.html) and the check-in
# (dist/check-in/), their wasm-bindgen glue minified, then the service worker's precache list
# over everything built.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
trunk build --release --offline=true index.html
# The check-in page is the shell's page with the other binary and without the files the shell
# already copies: made from index.html so their heads never drift apart.
sed -e 's/data-bin="lanecheck"/data-bin="check-in"/' -e '/rel="copy-/d' index.html > check-in.html
trunk build --release --offline=true check-in.html --dist dist/check-in --public-url /check-in/
node tools/minify-glue.mjs dist
node tools/precache.mjs dist
