//! The security headers of every answer: a strict Content-Security-Policy (the app needs
//! `'wasm-unsafe-eval'` and the hashes of the inline scripts Trunk writes into its pages;
//! nothing else inline), no framing, no sniffing, no referrer.

use axum::http::{HeaderName, HeaderValue};
use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::Path;

/// `'sha256-…'` of a script or style text, as CSP names it.
pub fn csp_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The text of every inline `<script>` (one without `src`) of an HTML page.
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find("<script") {
        let Some(tag_end) = rest[open..].find('>') else {
            break;
        };
        let tag = &rest[open..open + tag_end];
        let body = &rest[open + tag_end + 1..];
        let Some(close) = body.find("</script>") else {
            break;
        };
        if !tag.contains(" src=") {
            scripts.push(&body[..close]);
        }
        rest = &body[close..];
    }
    scripts
}

/// The policy for everything this server answers: the built app's pages under `dist` (their
/// inline scripts allowed by hash) and the manager's page (its style by hash). The app syncs
/// with an endpoint the store chooses: any https origin, or this device's own address.
pub fn policy(dist: Option<&Path>, styles: &[&str]) -> String {
    let mut scripts: Vec<String> = Vec::new();
    if let Some(dist) = dist {
        for page in [
            "index.html",
            "desk/index.html",
            "check-in/index.html",
            "inspect/index.html",
            "damage/index.html",
            "sign/index.html",
            "order/index.html",
            "estimate/index.html",
            "order-sign/index.html",
            "signed/index.html",
            "add-ons/index.html",
            "approval/index.html",
        ] {
            if let Ok(html) = std::fs::read_to_string(dist.join(page)) {
                scripts.extend(inline_scripts(&html).into_iter().map(csp_hash));
            }
        }
    }
    scripts.sort();
    scripts.dedup();
    let styles: Vec<String> = styles.iter().map(|s| csp_hash(s)).collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {scripts}; style-src 'self' {styles}; \
         img-src 'self' blob: data:; media-src 'self' blob:; connect-src 'self' https: http://127.0.0.1:* http://localhost:*; \
         worker-src 'self'; manifest-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'",
        scripts = scripts.join(" "),
        styles = styles.join(" "),
    )
}

/// Headers that only mean something for a document or a script (which a worker's policy
/// comes from); the API's JSON and the blobs go without them, which keeps sync's bytes on
/// the wire near the payload.
pub const DOCUMENT_ONLY: [&str; 3] = [
    "content-security-policy",
    "x-frame-options",
    "cross-origin-opener-policy",
];

/// Whether an answer is a page or a script (by its Content-Type).
pub fn is_document(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html") || t.contains("javascript"))
}

/// Every header this module sets, with its value.
pub fn headers(policy: &str) -> Vec<(HeaderName, HeaderValue)> {
    let mut headers = vec![
        (
            HeaderName::from_static("x-content-type-options"),
            HeaderValue::from_static("nosniff"),
        ),
        (
            HeaderName::from_static("referrer-policy"),
            HeaderValue::from_static("no-referrer"),
        ),
        (
            HeaderName::from_static("x-frame-options"),
            HeaderValue::from_static("DENY"),
        ),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ),
        (
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static("camera=(self), microphone=(), geolocation=()"),
        ),
    ];
    if let Ok(value) = HeaderValue::from_str(policy) {
        headers.push((HeaderName::from_static("content-security-policy"), value));
    }
    headers
}
