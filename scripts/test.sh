#!/usr/bin/env bash
# Runs every check and test LaneCheck has, installing what is missing first. CI runs this.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

passed=0
stage() {
  printf '\n== %s\n' "$1"
  shift
  "$@"
  passed=$((passed + 1))
}

stage "format" cargo fmt --all --check
stage "clippy (host)" cargo clippy --workspace --all-targets --locked -- -D warnings
# For wasm32: the app with its browser tests, and the libraries it ships (their native tests
# use proptest, which has no wasm32 random source).
clippy_wasm() {
  cargo clippy --target wasm32-unknown-unknown --locked --all-targets -p lanecheck -- -D warnings
  cargo clippy --target wasm32-unknown-unknown --locked --lib -p lanecheck-domain -p lanecheck-sync -- -D warnings
}
stage "clippy (wasm32)" clippy_wasm
stage "unit, property and simulation tests; the server's conformance suite on SQLite (host)" \
  cargo test --workspace --locked
postgres_conformance() {
  local url
  url=$(bash scripts/postgres.sh)
  trap 'bash scripts/postgres.sh stop' EXIT
  LANECHECK_TEST_POSTGRES="$url" cargo test --locked -p lanecheck-server --test conformance -- --ignored
}
stage "the server's conformance suite on PostgreSQL (started on 127.0.0.1 for the test)" postgres_conformance
stage "browser adapter tests: IndexedDB, signature pad, photos (wasm32, headless Chromium)" \
  cargo test --target wasm32-unknown-unknown --locked --test idb --test signature --test photo
stage "release build (the twelve pages and the sync worker)" bash scripts/build.sh
stage "size budget" node tools/size-report.mjs
stage "end-to-end tests (phone and tablet; the sync tests start the reference server)" \
  bash -c "cargo build --locked -p lanecheck-server && cd end2end && npx playwright test"
stage "benchmarks: check-in (figures; photo bytes kept out of wasm)" node end2end/bench/check-in.mjs
stage "benchmarks: sync (figures; wire overhead and re-sent blob budgets)" \
  cargo run --profile server --locked -q -p lanecheck-server --example sync-bench
stage "benchmarks: a 20,000-part catalogue (figures; download and search)" \
  cargo run --profile server --locked -q -p lanecheck-server --example catalogue-bench
stage "benchmarks: sync in the browser (the app's worker; same budgets)" \
  bash -c "cargo build --profile server --locked -q -p lanecheck-server && node end2end/bench/sync.mjs"
stage "benchmarks: 10 to 10,000 jobs on the device (figures; start, memory, keystroke and job-open budgets)" \
  bash -c "cargo build --profile server --locked -q -p lanecheck-server && node end2end/bench/list.mjs"
stage "benchmarks: first load through the reference server (wire bytes, Lighthouse; printed)" \
  node end2end/bench/first-load.mjs

printf '\nstages: %d passed, 0 failed\n' "$passed"
