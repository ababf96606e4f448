//! New ids, from the browser's cryptographic UUID generator (works offline, in pages and in
//! the sync worker).

use lanecheck_domain::JobId;
use wasm_bindgen::JsCast;

pub fn new_job_id() -> Option<JobId> {
    let crypto: web_sys::Crypto = js_sys::Reflect::get(&js_sys::global(), &"crypto".into())
        .ok()?
        .dyn_into()
        .ok()?;
    JobId::parse(&crypto.random_uuid())
}
