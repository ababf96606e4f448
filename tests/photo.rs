//! The photo pipeline in a real browser, on JPEGs generated here: EXIF orientation is applied,
//! the long edge is bounded, the result is a JPEG blob that Web Crypto hashes, and a file that
//! is not an image is a typed error; a 48-megapixel picture goes through too.
#![cfg(target_arch = "wasm32")]

use lanecheck::platform::blob::sha256;
use lanecheck::platform::photo::{process, PhotoError, MAX_EDGE};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::File;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r##"
export async function jpeg(w, h, orientation) {
  const c = document.createElement("canvas");
  c.width = w; c.height = h;
  const x = c.getContext("2d");
  x.fillStyle = "#c00"; x.fillRect(0, 0, w / 2, h);
  x.fillStyle = "#00c"; x.fillRect(w / 2, 0, w / 2, h);
  const blob = await new Promise((ok) => c.toBlob(ok, "image/jpeg", 0.9));
  const bytes = new Uint8Array(await blob.arrayBuffer());
  if (!orientation) return new File([bytes], "plain.jpg", { type: "image/jpeg" });
  // An APP1 Exif segment right after SOI: big-endian TIFF, one IFD entry, Orientation (0x0112).
  const tiff = [0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const length = payload.length + 2;
  const app1 = [0xff, 0xe1, length >> 8, length & 0xff, ...payload];
  const out = new Uint8Array(bytes.length + app1.length);
  out.set(bytes.subarray(0, 2), 0);
  out.set(app1, 2);
  out.set(bytes.subarray(2), 2 + app1.length);
  return new File([out], "rotated.jpg", { type: "image/jpeg" });
}
export function notAnImage() {
  return new File([new TextEncoder().encode("this is not a jpeg")], "broken.jpg", { type: "image/jpeg" });
}
"##)]
extern "C" {
    fn jpeg(width: u32, height: u32, orientation: u8) -> js_sys::Promise;
    #[wasm_bindgen(js_name = notAnImage)]
    fn not_an_image() -> File;
}

async fn file(width: u32, height: u32, orientation: u8) -> File {
    JsFuture::from(jpeg(width, height, orientation))
        .await
        .unwrap()
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn exif_orientation_is_applied() {
    let photo = process(&file(400, 200, 6).await.into()).await.unwrap();
    assert_eq!(
        (photo.width, photo.height),
        (200, 400),
        "orientation 6 turns the picture upright"
    );
    let plain = process(&file(400, 200, 0).await.into()).await.unwrap();
    assert_eq!((plain.width, plain.height), (400, 200));
}

#[wasm_bindgen_test]
async fn the_long_edge_is_bounded_and_the_result_is_a_hashed_jpeg() {
    let photo = process(&file(4000, 3000, 0).await.into()).await.unwrap();
    assert_eq!((photo.width, photo.height), (MAX_EDGE, 1200));
    assert_eq!(photo.blob.type_(), "image/jpeg");
    assert!(photo.blob.size() > 1000.0);
    let hash = sha256(&photo.blob).await.unwrap();
    assert_eq!(hash.len(), 64);
    let small = process(&file(800, 600, 0).await.into()).await.unwrap();
    assert_eq!(
        (small.width, small.height),
        (800, 600),
        "small photos are not enlarged"
    );
}

#[wasm_bindgen_test]
async fn a_file_that_is_not_an_image_is_unreadable() {
    assert_eq!(
        process(&not_an_image().into()).await.err(),
        Some(PhotoError::Unreadable)
    );
}

#[wasm_bindgen_test]
async fn a_48_megapixel_photo_is_downscaled_like_any_other() {
    // 8000 × 6000: what a 48-megapixel phone camera writes. Decoding it needs ~190 MB of
    // pixels; where the device cannot, `process` answers `TooLarge` (a message, not a crash).
    match process(&file(8000, 6000, 0).await.into()).await {
        Ok(photo) => assert_eq!((photo.width, photo.height), (MAX_EDGE, 1200)),
        Err(err) => assert_eq!(err, PhotoError::TooLarge),
    }
}
