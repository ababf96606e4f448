#!/usr/bin/env bash
# Benchmarks of the release build, with figures printed next to their peers (docs/benchmarks.md):
# bundle sizes, the photo pipeline, wasm memory over 20 photos, the signature pad, field speed,
# start and memory with 10 to 10,000 jobs on the device, a 20,000-part catalogue's download and
# search, and sync to the reference server, natively and from the app's worker in the browser (wire
# bytes, time against curl or a fetch loop, blobs re-sent after a kill).
# Installs what is missing and builds first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PATH" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
bash scripts/build.sh
node tools/size-report.mjs
(cd end2end && node bench/check-in.mjs)
cargo run --profile server --locked -q -p lanecheck-server --example sync-bench
cargo run --profile server --locked -q -p lanecheck-server --example catalogue-bench
cargo build --profile server --locked -q -p lanecheck-server
(cd end2end && node bench/sync.mjs)
(cd end2end && node bench/list.mjs)
(cd end2end && node bench/first-load.mjs)
