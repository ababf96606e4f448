//! The signature pad in a real browser: a synthetic stroke is smoothed onto a HiDPI canvas,
//! exported as a PNG blob and hashed with Web Crypto, without its bytes entering wasm.
#![cfg(target_arch = "wasm32")]

use lanecheck::platform::blob::sha256;
use lanecheck::platform::signature::ink::Point;
use lanecheck::platform::signature::SignaturePad;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

fn canvas() -> HtmlCanvasElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let canvas: HtmlCanvasElement = document.create_element("canvas").unwrap().unchecked_into();
    canvas
        .set_attribute("style", "width: 300px; height: 150px")
        .unwrap();
    document.body().unwrap().append_child(&canvas).unwrap();
    canvas
}

fn inked_pixels(canvas: &HtmlCanvasElement) -> usize {
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    let data = ctx
        .get_image_data(
            0.0,
            0.0,
            f64::from(canvas.width()),
            f64::from(canvas.height()),
        )
        .unwrap()
        .data();
    data.iter().skip(3).step_by(4).filter(|a| **a > 0).count()
}

#[wasm_bindgen_test]
async fn a_synthetic_stroke_is_drawn_exported_and_hashed() {
    let el = canvas();
    let ratio = web_sys::window().unwrap().device_pixel_ratio().max(1.0);
    let mut pad = SignaturePad::new(el.clone()).unwrap();
    assert_eq!(
        el.width(),
        (300.0 * ratio).round() as u32,
        "backing store follows the pixel ratio"
    );
    assert!(pad.is_empty());

    pad.down(Point {
        x: 10.0,
        y: 75.0,
        t: 0.0,
    });
    for i in 1..40 {
        let x = 10.0 + f64::from(i) * 7.0;
        pad.moved(Point {
            x,
            y: 75.0 + (f64::from(i) / 4.0).sin() * 40.0,
            t: f64::from(i) * 16.0,
        });
    }
    pad.up();
    assert_eq!(pad.strokes().len(), 1);
    let inked = inked_pixels(&el);
    assert!(inked > 500, "the stroke is on the canvas ({inked} pixels)");

    let png = pad.png().await.unwrap();
    assert_eq!(png.type_(), "image/png");
    assert!(png.size() > 500.0);
    let hash = sha256(&png).await.unwrap();
    assert_eq!(hash.len(), 64);
    assert!(hash
        .chars()
        .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));

    pad.undo();
    assert!(pad.is_empty());
    assert_eq!(inked_pixels(&el), 0);
}

#[wasm_bindgen_test]
async fn web_crypto_hash_matches_a_known_vector() {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str("abc"));
    let blob = web_sys::Blob::new_with_str_sequence(&parts).unwrap();
    assert_eq!(
        sha256(&blob).await.unwrap(),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}
