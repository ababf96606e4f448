//! A reference server on a free loopback port with a fresh data directory, and a proxy in
//! front of it that counts the bytes on the wire and injects network faults: for the
//! conformance and fault tests and the sync benchmark.

pub mod proxy;

use crate::{app, blobs::Blobs, db, AppState, Config, Limits};
use std::path::PathBuf;

/// A running reference server on SQLite in a fresh directory.
pub struct Running {
    /// The API base, `http://127.0.0.1:<port>/sync/v1`.
    pub base: String,
    pub token: String,
    pub data: PathBuf,
}

impl Running {
    /// How many blob files the server holds.
    pub fn stored_blobs(&self) -> usize {
        fn count(dir: &std::path::Path) -> usize {
            std::fs::read_dir(dir).map_or(0, |entries| {
                entries
                    .flatten()
                    .map(|e| {
                        if e.path().is_dir() {
                            count(&e.path())
                        } else {
                            1
                        }
                    })
                    .sum()
            })
        }
        count(&self.data.join("blobs"))
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.data);
    }
}

/// Starts the server (on the current tokio runtime) with one advisor of a fresh store.
pub async fn start(database_url: Option<String>, limits: Limits) -> Result<Running, String> {
    let fail = |e: &dyn std::fmt::Display| e.to_string();
    let data = std::env::temp_dir().join(format!("lanecheck-test-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&data).map_err(|e| fail(&e))?;
    let url = database_url
        .unwrap_or_else(|| format!("sqlite://{}?mode=rwc", data.join("lanecheck.db").display()));
    let db = db::open(&url).await.map_err(|e| fail(&e))?;
    let store = format!("store-{}", uuid::Uuid::new_v4().simple());
    let token = db::add_advisor(&db, &store, "王顾问")
        .await
        .map_err(|e| fail(&e))?;
    let state = AppState {
        db,
        blobs: Blobs {
            root: data.join("blobs"),
        },
        limits,
    };
    let config = Config {
        dist: None,
        origins: Vec::new(),
        limits,
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|e| fail(&e))?;
    let base = format!(
        "http://{}/sync/v1",
        listener.local_addr().map_err(|e| fail(&e))?
    );
    tokio::spawn(async move { axum::serve(listener, app(state, &config)).await });
    Ok(Running { base, token, data })
}
