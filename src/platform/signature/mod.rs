//! The signature pad on a canvas: HiDPI-correct (the backing store is the CSS size times the
//! device pixel ratio), drawing what `ink` computes for each pointer sample, with undo and
//! clear, and the finished signature as a PNG blob. The pointer wiring lives in the
//! component; this owns the canvas.

pub mod ink;

use ink::{Dot, Ink, Options, Point};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, CanvasRenderingContext2d, HtmlCanvasElement};

#[wasm_bindgen(inline_js = r#"
export function canvasPng(canvas) {
  return new Promise((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error("toBlob"))), "image/png"));
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = canvasPng)]
    fn canvas_png(canvas: &HtmlCanvasElement) -> js_sys::Promise;
}

const INK: &str = "#0b1f4d";

pub struct SignaturePad {
    canvas: HtmlCanvasElement,
    ctx: CanvasRenderingContext2d,
    ink: Ink,
}

impl SignaturePad {
    /// Sizes the canvas's backing store for the screen and prepares to draw.
    pub fn new(canvas: HtmlCanvasElement) -> Option<SignaturePad> {
        let ratio = web_sys::window()
            .map_or(1.0, |w| w.device_pixel_ratio())
            .max(1.0);
        let rect = canvas.get_bounding_client_rect();
        canvas.set_width((rect.width() * ratio).round() as u32);
        canvas.set_height((rect.height() * ratio).round() as u32);
        let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        ctx.scale(ratio, ratio).ok()?;
        ctx.set_fill_style_str(INK);
        Some(SignaturePad {
            canvas,
            ctx,
            ink: Ink::new(Options::default()),
        })
    }

    pub fn down(&mut self, p: Point) {
        self.ink.begin(p);
    }

    pub fn moved(&mut self, p: Point) {
        let dots = self.ink.extend(p);
        self.draw(&dots);
    }

    pub fn up(&mut self) {
        let dots = self.ink.end();
        self.draw(&dots);
    }

    pub fn undo(&mut self) {
        self.wipe();
        let dots = self.ink.undo();
        self.draw(&dots);
    }

    pub fn clear(&mut self) {
        self.ink.clear();
        self.wipe();
    }

    pub fn is_empty(&self) -> bool {
        self.ink.is_empty()
    }

    pub fn strokes(&self) -> &[Vec<Point>] {
        self.ink.strokes()
    }

    /// The signature as a PNG, encoded by the browser (its bytes stay out of wasm memory).
    pub fn png(&self) -> impl std::future::Future<Output = Result<Blob, JsValue>> + 'static {
        let encoding = JsFuture::from(canvas_png(&self.canvas));
        async move { Ok(encoding.await?.unchecked_into()) }
    }

    fn wipe(&self) {
        let (w, h) = (
            f64::from(self.canvas.width()),
            f64::from(self.canvas.height()),
        );
        self.ctx.save();
        let _ = self.ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        self.ctx.clear_rect(0.0, 0.0, w, h);
        self.ctx.restore();
    }

    fn draw(&self, dots: &[Dot]) {
        if dots.is_empty() {
            return;
        }
        self.ctx.begin_path();
        for d in dots {
            self.ctx.move_to(d.x + d.r, d.y);
            let _ = self.ctx.arc(d.x, d.y, d.r, 0.0, std::f64::consts::TAU);
        }
        self.ctx.fill();
    }
}
