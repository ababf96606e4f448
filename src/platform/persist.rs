//! Asks the browser to keep LaneCheck's storage even when space runs low
//! (`navigator.storage.persist()`), so jobs are not evicted before they sync.

use wasm_bindgen_futures::JsFuture;

/// Requests persistence; `true` when the browser granted it (or had already).
pub async fn request_persistence() -> bool {
    let Some(storage) = web_sys::window().map(|w| w.navigator().storage()) else {
        return false;
    };
    if let Ok(promise) = storage.persisted() {
        if JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()) == Some(true) {
            return true;
        }
    }
    match storage.persist() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false),
        Err(_) => false,
    }
}
