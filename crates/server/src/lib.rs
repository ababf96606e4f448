//! LaneCheck's reference sync server: LaneCheck Sync v1 (docs/sync-v1.openapi.yaml) under
//! `/sync/v1`, the read-only page for the service manager under `/manager`, and the built PWA
//! for everything else. SQLite by default, PostgreSQL when `DATABASE_URL` says so; blobs on
//! disk. The conformance suite (`conformance`) checks any endpoint against the contract.

pub mod api;
pub mod auth;
pub mod blobs;
pub mod catalogue;
pub mod client;
pub mod conformance;
pub mod db;
pub mod harness;
pub mod manager;
pub mod security;

use axum::http::{HeaderName, HeaderValue, Method};
use axum::Router;
use std::path::PathBuf;
use std::sync::Arc;
use tower_http::catch_panic::CatchPanicLayer;
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
    pub throttle: Arc<auth::Throttle>,
}

impl AppState {
    pub fn new(db: db::Db, blobs: blobs::Blobs, limits: Limits) -> AppState {
        AppState {
            db,
            blobs,
            limits,
            throttle: Arc::default(),
        }
    }
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
    app_with(state, config, Router::new())
}

/// The server with `extra` routes of the caller's (tests) under the same layers.
pub fn app_with(state: AppState, config: &Config, extra: Router<AppState>) -> Router {
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
    let api = api::routes(state.limits).layer(cors);
    let router = Router::new()
        .nest("/sync/v1", api)
        .merge(manager::routes())
        .merge(extra)
        .with_state(state);
    let router = match &config.dist {
        Some(dist) => router.fallback_service(pwa(dist)),
        None => router,
    };
    let policy = security::policy(config.dist.as_deref(), &[manager::STYLE]);
    harden(router, &policy)
}

/// What every answer gets: a 500 for a request whose handler panicked (the server goes on),
/// and the security headers.
pub fn harden(router: Router, policy: &str) -> Router {
    let headers = security::headers(policy);
    router
        .layer(CatchPanicLayer::custom(api::panicked))
        .layer(axum::middleware::map_response(
            move |mut response: axum::response::Response| {
                let document = security::is_document(response.headers());
                for (name, value) in &headers {
                    if document || !security::DOCUMENT_ONLY.contains(&name.as_str()) {
                        response.headers_mut().insert(name.clone(), value.clone());
                    }
                }
                async move { response }
            },
        ))
}

/// Moves every store's blobs out of the folders of releases before 2026-12 (see
/// `Blobs::adopt_legacy`); how many were moved. Once done it leaves a mark, so later starts
/// read no documents for it; a store without an old folder is skipped unread.
pub async fn migrate_blobs(state: &AppState) -> Result<usize, String> {
    let mark = state.blobs.root.join(".migrated-2026-12");
    if tokio::fs::metadata(&mark).await.is_ok() {
        return Ok(0);
    }
    let mut adopted = 0;
    for (store, _) in db::stores(&state.db).await.map_err(|e| e.to_string())? {
        if !state.blobs.has_legacy(&store).await {
            continue;
        }
        let mut referenced = Vec::new();
        let everything = db::Window {
            since: 0,
            finished_since: "",
        };
        for row in db::changes(&state.db, &store, everything, i64::MAX)
            .await
            .map_err(|e| e.to_string())?
        {
            if let Some(job) = row
                .document
                .and_then(|d| lanecheck_domain::schema::restore(&d).ok())
            {
                referenced.extend(lanecheck_sync::protocol::blob_refs(&job));
            }
        }
        adopted += state
            .blobs
            .adopt_legacy(&store, &referenced)
            .await
            .map_err(|e| e.to_string())?;
    }
    tokio::fs::create_dir_all(&state.blobs.root)
        .await
        .and(tokio::fs::write(&mark, b"").await)
        .map_err(|e| e.to_string())?;
    Ok(adopted)
}

/// The PWA: files as they are, the repair order's six pages for their screens, the signing
/// page for a check-in's review and customer copy, the
/// inspection's for its checklist, valuables and concerns, the damage diagram's for its damage
/// step, the reception's for its other steps and a walk-in's arrival, the desk's page for a new
/// job, a job's page, settings and sync, the shell otherwise (the table of the service worker,
/// `public/sw.js`, and of the test server, `tools/files.mjs`). Each file goes out as its
/// brotli or gzip copy made by the build (`tools/compress.mjs`) when the browser accepts it,
/// and with the cache rule of its name (`cache_control`).
fn pwa(dist: &std::path::Path) -> Router {
    let page = |file: &str| {
        ServeDir::new(dist)
            .precompressed_br()
            .precompressed_gzip()
            .fallback(
                ServeFile::new(dist.join(file))
                    .precompressed_br()
                    .precompressed_gzip(),
            )
    };
    let (check_in, desk) = (page("check-in/index.html"), page("desk/index.html"));
    let (inspect, sign) = (page("inspect/index.html"), page("sign/index.html"));
    let order = page("order/index.html");
    Router::new()
        .route_service("/jobs/{id}/order/sign", page("order-sign/index.html"))
        .route_service("/jobs/{id}/order/copy", page("signed/index.html"))
        .route_service("/jobs/{id}/order/approval", page("approval/index.html"))
        .route_service("/jobs/{id}/order/add-ons", page("add-ons/index.html"))
        .route_service("/jobs/{id}/order/estimate", page("estimate/index.html"))
        .route_service("/jobs/{id}/order/diagnosis", order.clone())
        .route_service("/jobs/{id}/order/details", order)
        .route_service("/jobs/{id}/check-in/review", sign.clone())
        .route_service("/jobs/{id}/check-in/copy", sign)
        .route_service("/jobs/{id}/check-in/checklist", inspect.clone())
        .route_service("/jobs/{id}/check-in/valuables", inspect.clone())
        .route_service("/jobs/{id}/check-in/concerns", inspect)
        .route_service("/jobs/{id}/check-in/damage", page("damage/index.html"))
        .route_service("/jobs/{id}/check-in/{*rest}", check_in.clone())
        .route_service("/arrive", check_in)
        .route_service("/new", desk.clone())
        .route_service("/jobs/{id}", desk.clone())
        .route_service("/settings", desk.clone())
        .route_service("/sync", desk)
        .fallback_service(page("index.html"))
        .layer(axum::middleware::from_fn(
            async |request: axum::extract::Request, next: axum::middleware::Next| {
                let rule = cache_control(request.uri().path());
                let mut response = next.run(request).await;
                if response.status().is_success() || response.status().as_u16() == 304 {
                    let headers = response.headers_mut();
                    headers.insert(
                        axum::http::header::CACHE_CONTROL,
                        axum::http::HeaderValue::from_static(rule),
                    );
                    // The same address answers brotli, gzip or plain by the request's header.
                    headers.insert(
                        axum::http::header::VARY,
                        axum::http::HeaderValue::from_static("accept-encoding"),
                    );
                }
                response
            },
        ))
}

/// How long a browser may keep a file of the built app: for ever when its name carries the
/// content hash Trunk gives it (`name-<hash>.ext`, `_bg.wasm` included; the hash is a
/// 64-bit number in hex without leading zeros, so 12 to 16 digits are taken), so a new
/// release has new names; otherwise (addresses without a file extension, pages, the service
/// worker, the sync worker's files, icons, the manifest) only after asking again.
pub fn cache_control(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or_default();
    let Some((stem, _extension)) = name.split_once('.') else {
        return "no-cache";
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let hashed = stem.rsplit_once('-').is_some_and(|(_, hash)| {
        (12..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit())
    });
    match hashed {
        true => "public, max-age=31536000, immutable",
        false => "no-cache",
    }
}

/// Forgets replayable answers once they are older than the contract's retention, at start and
/// then every hour.
pub async fn forget_old_replays(db: db::Db) {
    loop {
        let before = chrono::Utc::now().timestamp_millis() - db::IDEMPOTENCY_RETENTION_MS;
        if let Err(err) = db::purge_idempotency(&db, before).await {
            tracing::warn!(error = %err, "cannot forget old idempotency records");
        }
        tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
    }
}
