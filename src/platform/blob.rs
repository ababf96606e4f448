//! Blobs (signature images, later photos) handled as browser objects: hashed with Web Crypto
//! and shown through object URLs, so their bytes never pass through wasm memory.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::Blob;

#[wasm_bindgen(inline_js = r#"
export async function sha256Hex(blob) {
  const digest = await crypto.subtle.digest("SHA-256", await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = sha256Hex)]
    fn sha256_hex(blob: &Blob) -> js_sys::Promise;
}

/// Lower-case hex SHA-256 of the blob's content.
pub async fn sha256(blob: &Blob) -> Result<String, JsValue> {
    JsFuture::from(sha256_hex(blob))
        .await?
        .as_string()
        .ok_or_else(|| JsValue::from_str("digest"))
}

/// A URL that shows the blob, valid until `revoke`.
pub fn object_url(blob: &Blob) -> Option<String> {
    web_sys::Url::create_object_url_with_blob(blob).ok()
}

pub fn revoke(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}
