//! The built app as the reference server sends it: the build's brotli or gzip copy of a file
//! when the browser accepts it, the file itself otherwise, and cache rules by name (hashed
//! files for ever, pages and workers after asking again).

use lanecheck_server::{blobs::Blobs, cache_control, db, AppState, Config, Limits};
use reqwest::Client;
use std::path::{Path, PathBuf};

const WASM: &str = "lanecheck-7afca78a0843ed6_bg.wasm";

/// A `dist/` with a shell, a desk page, the check-in's four pages, the order's six pages, a hashed wasm and an unhashed service worker,
/// each with compressed copies whose contents say which copy was sent.
fn dist() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lanecheck-dist-{}", uuid::Uuid::new_v4()));
    for file in [
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
        WASM,
        "sw.js",
    ] {
        let path = dir.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        for (suffix, body) in [("", "plain"), (".br", "brotli"), (".gz", "gzip")] {
            let text = format!("{body} {file}");
            std::fs::write(format!("{}{suffix}", path.display()), text).unwrap();
        }
    }
    dir
}

async fn serve(dist: &Path) -> String {
    let db = db::open(&format!(
        "sqlite://{}?mode=rwc",
        dist.join("test.db").display()
    ))
    .await
    .unwrap();
    let state = AppState::new(
        db,
        Blobs {
            root: dist.join("blobs"),
        },
        Limits::DEFAULT,
    );
    let config = Config {
        dist: Some(dist.to_path_buf()),
        origins: Vec::new(),
        limits: Limits::DEFAULT,
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let router = lanecheck_server::app(state, &config)
        .into_make_service_with_connect_info::<std::net::SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, router).await });
    base
}

struct Answer {
    encoding: Option<String>,
    cache: String,
    vary: String,
    body: String,
}

async fn get(base: &str, path: &str, accept: &str) -> Answer {
    let response = Client::new()
        .get(format!("{base}{path}"))
        .header("accept-encoding", accept)
        .send()
        .await
        .unwrap();
    assert!(
        response.status().is_success(),
        "{path}: {}",
        response.status()
    );
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
    };
    Answer {
        encoding: header("content-encoding"),
        cache: header("cache-control").unwrap_or_default(),
        vary: header("vary").unwrap_or_default().to_lowercase(),
        body: response.text().await.unwrap(),
    }
}

#[tokio::test]
async fn files_go_out_compressed_when_the_browser_takes_it() {
    let dist = dist();
    let base = serve(&dist).await;
    let path = format!("/{WASM}");
    let brotli = get(&base, &path, "gzip, deflate, br").await;
    assert_eq!(brotli.encoding.as_deref(), Some("br"));
    assert_eq!(brotli.body, format!("brotli {WASM}"));
    assert!(brotli.vary.contains("accept-encoding"), "{}", brotli.vary);
    let gzip = get(&base, &path, "gzip").await;
    assert_eq!(gzip.encoding.as_deref(), Some("gzip"));
    assert_eq!(gzip.body, format!("gzip {WASM}"));
    let plain = get(&base, &path, "identity").await;
    assert_eq!(plain.encoding, None);
    assert_eq!(plain.body, format!("plain {WASM}"));

    // Pages, the shell's fallback, the desk's and the check-in's four, are compressed too,
    // each address answered by its page.
    for (path, page) in [
        ("/", "index.html"),
        ("/unknown/address", "index.html"),
        ("/new", "desk/index.html"),
        ("/jobs/123", "desk/index.html"),
        ("/settings", "desk/index.html"),
        ("/sync", "desk/index.html"),
        ("/jobs/123/check-in/customer", "check-in/index.html"),
        ("/jobs/123/check-in/checklist", "inspect/index.html"),
        ("/jobs/123/check-in/valuables", "inspect/index.html"),
        ("/jobs/123/check-in/concerns", "inspect/index.html"),
        ("/jobs/123/check-in/damage", "damage/index.html"),
        ("/jobs/123/check-in/copy", "sign/index.html"),
        ("/jobs/123/check-in/review", "sign/index.html"),
        ("/jobs/123/check-in/reviewed", "check-in/index.html"),
        ("/arrive", "check-in/index.html"),
        ("/jobs/123/order/diagnosis", "order/index.html"),
        ("/jobs/123/order/details", "order/index.html"),
        ("/jobs/123/order/estimate", "estimate/index.html"),
        ("/jobs/123/order/add-ons", "add-ons/index.html"),
        ("/jobs/123/order/sign", "order-sign/index.html"),
        ("/jobs/123/order/copy", "signed/index.html"),
        ("/jobs/123/order/approval", "approval/index.html"),
    ] {
        assert_eq!(
            get(&base, path, "br").await.body,
            format!("brotli {page}"),
            "{path}"
        );
    }
    let _ = std::fs::remove_dir_all(&dist);
}

#[tokio::test]
async fn hashed_files_are_kept_for_ever_and_pages_are_asked_for_again() {
    let dist = dist();
    let base = serve(&dist).await;
    let immutable = "public, max-age=31536000, immutable";
    assert_eq!(get(&base, &format!("/{WASM}"), "br").await.cache, immutable);
    for path in [
        "/",
        "/index.html",
        "/sw.js",
        "/jobs/1/check-in/damage",
        "/jobs/1",
        "/settings",
    ] {
        assert_eq!(get(&base, path, "br").await.cache, "no-cache", "{path}");
    }
    let _ = std::fs::remove_dir_all(&dist);
}

#[test]
fn only_names_with_a_content_hash_are_immutable() {
    for hashed in [
        "/lanecheck-7afca78a0843ed6.js",
        "/lanecheck-7afca78a0843ed6_bg.wasm",
        "/main-a103b73c201fc22.css",
        "/check-in/check-in-fa19105b6494d379_bg.wasm",
    ] {
        assert_eq!(
            cache_control(hashed),
            "public, max-age=31536000, immutable",
            "{hashed}"
        );
    }
    for fresh in [
        "/",
        "/index.html",
        "/sw.js",
        "/sync-worker.js",
        "/sync_bg.wasm",
        "/icons/icon-192.png",
        "/manifest.webmanifest",
        "/jobs/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0",
    ] {
        assert_eq!(cache_control(fresh), "no-cache", "{fresh}");
    }
}
