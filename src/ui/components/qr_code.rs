//! A QR code drawn as one SVG path (one square per dark module, four modules of quiet zone),
//! so it prints sharp at any size.

use leptos::prelude::*;
use qrcodegen::{QrCode as Code, QrCodeEcc};

/// The SVG path and the side length in modules (with the quiet zone), or `None` when the text
/// does not fit in a QR code.
fn draw(text: &str) -> Option<(String, i32)> {
    const QUIET: i32 = 4;
    let code = Code::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = code.size();
    let mut path = String::new();
    for y in 0..size {
        for x in (0..size).filter(|&x| code.get_module(x, y)) {
            path.push_str(&format!("M{},{}h1v1h-1z", x + QUIET, y + QUIET));
        }
    }
    Some((path, size + 2 * QUIET))
}

#[component]
pub fn QrCode(
    /// What the code holds.
    text: String,
    /// What it is, for people who cannot see it.
    label: String,
) -> impl IntoView {
    draw(&text).map(|(path, side)| {
        view! {
            <svg class="qr" role="img" aria-label=label viewBox=format!("0 0 {side} {side}")
                shape-rendering="crispEdges">
                <rect width="100%" height="100%" fill="#fff"></rect>
                <path d=path fill="#000"></path>
            </svg>
        }
    })
}
