// The sync worker (src/sync_worker.rs), started by every page as a module worker: it loads
// the wasm sync engine built by scripts/build.sh (sync.js, sync_bg.wasm).
import init from "./sync.js";

init({ module_or_path: new URL("./sync_bg.wasm", import.meta.url) });
