//! A measuring, fault-injecting HTTP proxy: between a client and the server it passes
//! requests on, delays them, drops them before or after the server handled them (the
//! connection breaks mid-answer), answers 503 with `Retry-After` itself, or delivers them
//! twice. Seeded, so a failing run can be replayed; faults can be switched off.

use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderName, StatusCode};
use axum::response::Response;
use axum::Router;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

pub struct Proxy {
    upstream: String,
    client: reqwest::Client,
    rng: Mutex<u64>,
    /// Per cent of requests that meet a fault (0 for none).
    pub percent: AtomicU64,
    pub faults: AtomicUsize,
    /// Bytes of requests and answers that passed through, both ways, headers included.
    pub wire_bytes: AtomicU64,
    /// Blob uploads the server answered "already stored" (200): bytes sent for nothing.
    pub repeated_blobs: AtomicUsize,
}

enum Fate {
    Pass,
    Delay(u64),
    Drop,
    LoseAnswer,
    Unavailable,
    Twice,
}

impl Proxy {
    fn fate(&self) -> Fate {
        let mut state = self.rng.lock().unwrap_or_else(|e| e.into_inner());
        let mut next = || {
            *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = *state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        if next() % 100 >= self.percent.load(Ordering::Relaxed) {
            return Fate::Pass;
        }
        self.faults.fetch_add(1, Ordering::Relaxed);
        match next() % 5 {
            0 => Fate::Delay(next() % 200),
            1 => Fate::Drop,
            2 => Fate::LoseAnswer,
            3 => Fate::Unavailable,
            _ => Fate::Twice,
        }
    }

    async fn forward(
        &self,
        method: &axum::http::Method,
        uri: &str,
        headers: &axum::http::HeaderMap,
        body: &Bytes,
    ) -> Response {
        let mut request = self
            .client
            .request(method.clone(), format!("{}{uri}", self.upstream))
            .body(body.to_vec());
        for (name, value) in headers {
            if name != "host" && name != "content-length" {
                request = request.header(name, value);
            }
        }
        let Ok(answer) = request.send().await else {
            return broken();
        };
        if method == axum::http::Method::PUT
            && uri.contains("/blobs/")
            && answer.status() == StatusCode::OK
        {
            self.repeated_blobs.fetch_add(1, Ordering::Relaxed);
        }
        let mut response = Response::builder().status(answer.status());
        let mut size = 0u64;
        for (name, value) in answer.headers() {
            size += (name.as_str().len() + value.len() + 4) as u64;
            if name != "transfer-encoding" && name != "connection" && name != "content-length" {
                response = response.header(HeaderName::from(name), value);
            }
        }
        let bytes = answer.bytes().await.unwrap_or_default();
        self.wire_bytes
            .fetch_add(size + bytes.len() as u64, Ordering::Relaxed);
        response
            .body(Body::from(bytes))
            .unwrap_or_else(|_| broken())
    }
}

/// An answer whose body breaks: the client sees the connection fail.
fn broken() -> Response {
    let cut =
        futures::stream::once(async { Err::<Bytes, std::io::Error>(std::io::Error::other("cut")) });
    Response::new(Body::from_stream(cut))
}

async fn handle(State(proxy): State<Arc<Proxy>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let body = to_bytes(body, usize::MAX).await.unwrap_or_default();
    let uri = parts
        .uri
        .path_and_query()
        .map_or("/", |p| p.as_str())
        .to_string();
    let head: u64 = parts
        .headers
        .iter()
        .map(|(n, v)| (n.as_str().len() + v.len() + 4) as u64)
        .sum();
    proxy.wire_bytes.fetch_add(
        head + uri.len() as u64 + body.len() as u64,
        Ordering::Relaxed,
    );
    match proxy.fate() {
        Fate::Pass => {
            proxy
                .forward(&parts.method, &uri, &parts.headers, &body)
                .await
        }
        Fate::Delay(ms) => {
            tokio::time::sleep(std::time::Duration::from_millis(ms)).await;
            proxy
                .forward(&parts.method, &uri, &parts.headers, &body)
                .await
        }
        Fate::Drop => broken(),
        Fate::LoseAnswer => {
            proxy
                .forward(&parts.method, &uri, &parts.headers, &body)
                .await;
            broken()
        }
        Fate::Unavailable => Response::builder()
            .status(StatusCode::SERVICE_UNAVAILABLE)
            .header("retry-after", "1")
            .header("content-type", "application/json")
            .body(Body::from(
                r#"{"code":"unavailable","message":"try again"}"#,
            ))
            .unwrap_or_else(|_| broken()),
        Fate::Twice => {
            proxy
                .forward(&parts.method, &uri, &parts.headers, &body)
                .await;
            proxy
                .forward(&parts.method, &uri, &parts.headers, &body)
                .await
        }
    }
}

/// Starts a proxy to `upstream` (an origin, `http://127.0.0.1:<port>`); returns its origin.
pub async fn start(
    upstream: &str,
    seed: u64,
    percent: u64,
) -> std::io::Result<(String, Arc<Proxy>)> {
    let proxy = Arc::new(Proxy {
        upstream: upstream.trim_end_matches('/').to_string(),
        client: reqwest::Client::new(),
        rng: Mutex::new(seed),
        percent: AtomicU64::new(percent),
        faults: AtomicUsize::new(0),
        wire_bytes: AtomicU64::new(0),
        repeated_blobs: AtomicUsize::new(0),
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let origin = format!("http://{}", listener.local_addr()?);
    let router = Router::new().fallback(handle).with_state(proxy.clone());
    tokio::spawn(async move { axum::serve(listener, router).await });
    Ok((origin, proxy))
}
