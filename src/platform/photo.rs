//! The photo pipeline, in the browser and outside wasm memory: the picked or captured file (or
//! the live camera's current frame) is decoded with its EXIF orientation applied
//! (`createImageBitmap`), drawn onto a canvas whose long edge is at most 1600 px, and
//! re-encoded as JPEG. Only the resulting blob's handle and its dimensions come back to Rust;
//! the caller hashes and stores it.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::Blob;

/// The long edge of a stored photo, in pixels.
pub const MAX_EDGE: u32 = 1600;

#[wasm_bindgen(inline_js = r#"
export async function downscale(source, maxEdge) {
  let bitmap;
  try {
    bitmap = await createImageBitmap(source, { imageOrientation: "from-image" });
  } catch (e) {
    throw new DOMException(String(e && e.message || e), "EncodingError");
  }
  const scale = Math.min(1, maxEdge / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext("2d");
  ctx.imageSmoothingQuality = "high";
  ctx.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const blob = await new Promise((ok, fail) =>
    canvas.toBlob((b) => (b ? ok(b) : fail(new DOMException("encode", "EncodingError"))), "image/jpeg", 0.85));
  canvas.width = canvas.height = 0;
  return { blob, width, height };
}
"#)]
extern "C" {
    fn downscale(source: &JsValue, max_edge: u32) -> js_sys::Promise;
}

/// A processed photo: the JPEG blob and its size.
pub struct Photo {
    pub blob: Blob,
    pub width: u32,
    pub height: u32,
}

/// Why a file could not become a photo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PhotoError {
    /// Not an image the browser can decode (corrupt, or another format).
    Unreadable,
    /// Decoding ran out of memory or failed otherwise (a huge image on a small phone).
    TooLarge,
}

/// Turns an image file, or a `<video>` showing the camera, into a stored-size JPEG.
pub async fn process(source: &JsValue) -> Result<Photo, PhotoError> {
    let result = JsFuture::from(downscale(source, MAX_EDGE))
        .await
        .map_err(
            |err| match err.dyn_ref::<web_sys::DomException>().map(|e| e.name()) {
                Some(name) if name == "EncodingError" || name == "InvalidStateError" => {
                    PhotoError::Unreadable
                }
                _ => PhotoError::TooLarge,
            },
        )?;
    let field = |name: &str| js_sys::Reflect::get(&result, &JsValue::from_str(name));
    let blob: Blob = field("blob")
        .map_err(|_| PhotoError::Unreadable)?
        .dyn_into()
        .map_err(|_| PhotoError::Unreadable)?;
    let number = |name: &str| field(name).ok().and_then(|v| v.as_f64()).unwrap_or(0.0) as u32;
    Ok(Photo {
        width: number("width"),
        height: number("height"),
        blob,
    })
}
