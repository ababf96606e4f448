//! LaneCheck's reference sync server: LaneCheck Sync v1 (docs/sync-v1.openapi.yaml) under
//! `/sync/v1`, the read-only page for the service manager under `/manager`, and the built PWA
//! for everything else. SQLite by default, PostgreSQL when `DATABASE_URL` says so; blobs on
//! disk. The conformance suite (`conformance`) checks any endpoint against the contract.

pub mod api;
pub mod blobs;
pub mod client;
pub mod conformance;
pub mod db;
pub mod harness;
pub mod manager;

use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, Method};
use axum::Router;
use std::path::PathBuf;
use tower_http::cors::CorsLayer;
use tower_http::services::{ServeDir, ServeFile};

/// Request size limits.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub blob_bytes: usize,
    pub job_bytes: usize,
}

impl Limits {
    pub const DEFAULT: Limits = Limits {
        blob_bytes: 10 * 1024 * 1024,
        job_bytes: 2 * 1024 * 1024,
    };
}

#[derive(Clone)]
pub struct AppState {
    pub db: db::Db,
    pub blobs: blobs::Blobs,
    pub limits: Limits,
}

/// Where the server keeps things and whom it lets in.
#[derive(Clone, Debug)]
pub struct Config {
    /// The built PWA (`dist/`), if it is to be served.
    pub dist: Option<PathBuf>,
    /// Origins allowed to call the API from a browser (the app served elsewhere).
    pub origins: Vec<String>,
    pub limits: Limits,
}

pub fn app(state: AppState, config: &Config) -> Router {
    let origins: Vec<HeaderValue> = config
        .origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o).ok())
        .collect();
    let cors = CorsLayer::new()
        .allow_origin(origins)
        .allow_methods([Method::GET, Method::HEAD, Method::PUT, Method::DELETE])
        .allow_headers([
            axum::http::header::AUTHORIZATION,
            axum::http::header::CONTENT_TYPE,
            axum::http::header::IF_MATCH,
            axum::http::header::IF_NONE_MATCH,
            HeaderName::from_static("idempotency-key"),
            HeaderName::from_static("x-lanecheck-device"),
        ])
        .expose_headers([axum::http::header::ETAG, axum::http::header::RETRY_AFTER])
        // A browser's preflight answer is reused for an hour; the cache is per address, so it
        // saves the repeated ones (`/changes`, a job's later writes), not each new blob's.
        .max_age(std::time::Duration::from_secs(3600));
    // Bodies are read up to the larger limit; each handler then applies its own and answers a
    // larger body with 413 and the contract's error body.
    let biggest = state.limits.blob_bytes.max(state.limits.job_bytes);
    let api = api::routes()
        .layer(DefaultBodyLimit::max(biggest))
        .layer(cors);
    let router = Router::new()
        .nest("/sync/v1", api)
        .merge(manager::routes())
        .with_state(state);
    match &config.dist {
        Some(dist) => router.fallback_service(pwa(dist)),
        None => router,
    }
}

/// The PWA: files as they are, the second entry point's page for check-in addresses, settings
/// and sync, the shell otherwise.
fn pwa(dist: &std::path::Path) -> Router {
    let check_in = ServeDir::new(dist).fallback(ServeFile::new(dist.join("check-in/index.html")));
    let shell = ServeDir::new(dist).fallback(ServeFile::new(dist.join("index.html")));
    Router::new()
        .route_service("/jobs/{id}/check-in/{*rest}", check_in.clone())
        .route_service("/settings", check_in.clone())
        .route_service("/sync", check_in)
        .fallback_service(shell)
}
