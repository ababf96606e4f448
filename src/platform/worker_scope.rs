//! What the sync worker needs of its global scope: the Web Lock that makes one worker the
//! sync leader across tabs, connectivity, timers and randomness.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = r#"
export function lead(name) {
  return new Promise((held) => {
    if (!navigator.locks) return held();
    // The lock is held until this worker ends (its tab closed): the callback never settles.
    navigator.locks.request(name, () => { held(); return new Promise(() => {}); });
  });
}
export function sleep(ms) {
  return new Promise((done) => setTimeout(done, ms));
}
export function onLine() {
  return navigator.onLine;
}
export function onOnline(callback) {
  self.addEventListener("online", () => callback());
}
"#)]
extern "C" {
    fn lead(name: &str) -> js_sys::Promise;
    fn sleep(ms: f64) -> js_sys::Promise;
    /// `navigator.onLine`.
    #[wasm_bindgen(js_name = onLine)]
    pub fn online() -> bool;
    #[wasm_bindgen(js_name = onOnline)]
    fn on_online(callback: &Closure<dyn FnMut()>);
}

/// Waits until this context holds the lock `name`; it keeps it for the rest of its life.
pub async fn lead_as(name: &str) {
    let _ = JsFuture::from(lead(name)).await;
}

pub async fn wait_ms(ms: u64) {
    let _ = JsFuture::from(sleep(ms as f64)).await;
}

/// Runs `callback` whenever the device comes back online.
pub fn when_online(callback: impl FnMut() + 'static) {
    let callback = Closure::<dyn FnMut()>::new(callback);
    on_online(&callback);
    callback.forget();
}

/// A random fraction in [0, 1), for the backoff's jitter.
pub fn random() -> f64 {
    js_sys::Math::random()
}
