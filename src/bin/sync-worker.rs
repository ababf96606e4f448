//! The sync worker's entry point (see `lanecheck::sync_worker`); scripts/build.sh builds it
//! for `--target web` and `public/sync-worker.js` starts it as a module worker.

fn main() {
    wasm_bindgen_futures::spawn_local(lanecheck::sync_worker::run());
}
