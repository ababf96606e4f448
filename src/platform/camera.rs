//! The live-preview camera: the rear camera's stream (getUserMedia) shown in a `<video>`,
//! whose current frame goes through the photo pipeline like a picked file. One camera is open
//! at a time; closing it while it is still starting stops it as soon as it starts.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlVideoElement;

#[wasm_bindgen(inline_js = r#"
let current = null;
let generation = 0;
export function available() {
  return !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia);
}
export async function start(video) {
  stop();
  const mine = generation;
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { facingMode: { ideal: "environment" }, width: { ideal: 1920 }, height: { ideal: 1080 } },
    audio: false,
  });
  if (mine !== generation) {
    stream.getTracks().forEach((t) => t.stop());
    throw new DOMException("closed", "AbortError");
  }
  current = stream;
  video.srcObject = stream;
  await video.play();
}
export function stop() {
  generation++;
  if (current) current.getTracks().forEach((t) => t.stop());
  current = null;
}
"#)]
extern "C" {
    fn available() -> bool;
    fn start(video: &HtmlVideoElement) -> js_sys::Promise;
    fn stop();
}

/// Whether this browser can show a live camera (a secure context with getUserMedia).
pub fn is_available() -> bool {
    available()
}

/// Shows the rear camera in `video`; fails when there is no camera, the advisor refuses it,
/// or it was closed meanwhile.
pub async fn open(video: &HtmlVideoElement) -> Result<(), JsValue> {
    JsFuture::from(start(video)).await.map(|_| ())
}

/// Stops the camera (its light goes off).
pub fn close() {
    stop();
}
