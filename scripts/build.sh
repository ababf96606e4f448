#!/usr/bin/env bash
# Release build of the twelve pages into dist/: the shell (index.html, the job list), the desk
# (dist/desk/: a job's page, a new job, settings, sync), the check-in's reception
# (dist/check-in/: a walk-in's arrival, the arrival, customer and covers), inspection
# (dist/inspect/: checklist, valuables, concerns), damage diagram (dist/damage/) and signing
# (dist/sign/: the review, signature and customer copy), the repair order's three
# (dist/order/: diagnosis, details; dist/estimate/: the estimate; dist/order-sign/: signing;
# dist/signed/: the signed order's copy; dist/add-ons/: the add-ons' lines; dist/approval/:
# the customer's answers to them), and of the sync worker (dist/sync*.js), their wasm-bindgen glue minified, then the service
# worker's precache list over everything built.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
trunk build --release --offline=true index.html
# The other pages are the shell's page with another binary and without the files the shell
# already copies: made from index.html so their heads never drift apart.
for page in desk check-in inspect damage sign order estimate order-sign signed add-ons approval; do
  sed -e "s/data-bin=\"lanecheck\"/data-bin=\"$page\"/" -e '/rel="copy-/d' index.html > "$page.html"
  trunk build --release --offline=true "$page.html" --dist "dist/$page" --public-url "/$page/"
done
# The sync worker: a module worker of its own (public/sync-worker.js loads it), built like the
# pages but for wasm-bindgen's `web` target, which Trunk does not offer for workers.
cargo build --release --target wasm32-unknown-unknown --bin sync-worker
wasm-bindgen --target web --no-typescript --out-dir dist --out-name sync \
  target/wasm32-unknown-unknown/release/sync-worker.wasm
wasm-opt --flatten --rereloop -Oz dist/sync_bg.wasm -o dist/sync_bg.wasm
terser dist/sync.js --module --compress --mangle --output dist/sync.js
node tools/minify-glue.mjs dist
node tools/precache.mjs dist
# Compressed copies for the reference server, made after the precache list (which lists the
# originals only).
node tools/compress.mjs dist
