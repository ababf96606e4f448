//! A reference server on a free loopback port with a fresh data directory, and a proxy in
//! front of it that counts the bytes on the wire and injects network faults: for the
//! conformance and fault tests and the sync benchmark.

pub mod proxy;

use crate::{blobs::Blobs, db, AppState, Config, Limits};
use std::path::PathBuf;

/// A running reference server on SQLite in a fresh directory.
pub struct Running {
    /// The API base, `http://127.0.0.1:<port>/sync/v1`.
    pub base: String,
    /// An advisor's token of the store `一店-…`.
    pub token: String,
    /// An advisor's token of another store, `二店-…`: a name that folds to the same ASCII.
    pub other_token: String,
    /// A manager's token of the first store.
    pub manager_token: String,
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

/// A walk-in job of `plate` opened now, for a test to write.
pub fn walk_in(plate: &str) -> Result<lanecheck_domain::Job, String> {
    let plate =
        lanecheck_domain::plate::Plate::parse(plate).map_err(|_| format!("plate {plate}"))?;
    Ok(lanecheck_domain::Job::open(
        lanecheck_domain::NewJob {
            id: lanecheck_domain::JobId(uuid::Uuid::new_v4()),
            visit: lanecheck_domain::Visit::WalkIn,
            plate,
            store_items: Vec::new(),
        },
        chrono::Utc::now(),
        lanecheck_domain::ActorId("测试".into()),
    ))
}

impl Running {
    /// Creates `job` on the server with `token`, as the app does; its version.
    pub async fn create(&self, token: &str, job: &lanecheck_domain::Job) -> Result<String, String> {
        let body = lanecheck_domain::schema::store(job).map_err(|e| e.to_string())?;
        let response = reqwest::Client::new()
            .put(format!("{}/jobs/{}", self.base, job.id))
            .bearer_auth(token)
            .header("if-none-match", "*")
            .header("idempotency-key", uuid::Uuid::new_v4().to_string())
            .body(body)
            .send()
            .await
            .map_err(|e| e.to_string())?;
        if response.status() != reqwest::StatusCode::CREATED {
            return Err(format!("create answered {}", response.status()));
        }
        let stored: serde_json::Value = response.json().await.map_err(|e| e.to_string())?;
        Ok(stored["version"].as_str().unwrap_or_default().to_string())
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.data);
    }
}

/// Starts the server (on the current tokio runtime) with two fresh stores named in Chinese.
pub async fn start(database_url: Option<String>, limits: Limits) -> Result<Running, String> {
    start_with(database_url, limits, axum::Router::new()).await
}

/// The same, with `extra` routes merged in before the server's own layers (a test's
/// misbehaving handler, say).
pub async fn start_with(
    database_url: Option<String>,
    limits: Limits,
    extra: axum::Router<AppState>,
) -> Result<Running, String> {
    let fail = |e: &dyn std::fmt::Display| e.to_string();
    let data = std::env::temp_dir().join(format!("lanecheck-test-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&data).map_err(|e| fail(&e))?;
    let url = database_url
        .unwrap_or_else(|| format!("sqlite://{}?mode=rwc", data.join("lanecheck.db").display()));
    let db = db::open(&url).await.map_err(|e| fail(&e))?;
    let run = uuid::Uuid::new_v4().simple().to_string();
    let now = chrono::Utc::now().timestamp_millis();
    let token = |store: String, name: &'static str, role| {
        let db = db.clone();
        async move {
            db::add_advisor(
                &db,
                db::NewToken {
                    store_name: &store,
                    name,
                    role,
                    now_ms: now,
                    expires_ms: None,
                },
            )
            .await
        }
    };
    let first = format!("一店-{run}");
    let token_1 = token(first.clone(), "王顾问", db::Role::Advisor)
        .await
        .map_err(|e| fail(&e))?;
    let manager = token(first.clone(), "李经理", db::Role::Manager)
        .await
        .map_err(|e| fail(&e))?;
    // The first store has the sample catalogue, as a new reference server's first store does.
    crate::catalogue::import(&db, &first, crate::catalogue::SAMPLE, now).await?;
    let other = token(format!("二店-{run}"), "赵顾问", db::Role::Advisor)
        .await
        .map_err(|e| fail(&e))?;
    let state = AppState::new(
        db,
        Blobs {
            root: data.join("blobs"),
        },
        limits,
    );
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
    let router = crate::app_with(state, &config, extra)
        .into_make_service_with_connect_info::<std::net::SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, router).await });
    Ok(Running {
        base,
        token: token_1,
        other_token: other,
        manager_token: manager,
        data,
    })
}
