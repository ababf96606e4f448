//! The conformance suite against the reference server, started here on a free loopback port
//! with a fresh data directory: on SQLite, and on PostgreSQL when the test command provides
//! one (`scripts/postgres.sh`, URL in `LANECHECK_TEST_POSTGRES`).

use lanecheck_server::conformance::Suite;
use lanecheck_server::{app, blobs::Blobs, db, AppState, Config, Limits};

async fn passes(database_url: Option<String>) {
    let data = std::env::temp_dir().join(format!("lanecheck-conformance-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&data).unwrap();
    let url = database_url
        .unwrap_or_else(|| format!("sqlite://{}?mode=rwc", data.join("lanecheck.db").display()));
    let db = db::open(&url).await.unwrap();
    let store = format!("store-{}", uuid::Uuid::new_v4().simple());
    let token = db::add_advisor(&db, &store, "王顾问").await.unwrap();
    // Small limits keep the 413 check quick.
    let limits = Limits {
        blob_bytes: 256 * 1024,
        job_bytes: 256 * 1024,
    };
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
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}/sync/v1", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app(state, &config)).await });

    let results = Suite::new(&base, &token).run().await;
    let failures: Vec<String> = results
        .iter()
        .filter_map(|(name, r)| r.as_ref().err().map(|why| format!("{name}: {why}")))
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(results.len(), 9);
    let _ = std::fs::remove_dir_all(&data);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_reference_server_on_sqlite_passes_the_conformance_suite() {
    passes(None).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL: scripts/test.sh starts one and runs this"]
async fn the_reference_server_on_postgresql_passes_the_conformance_suite() {
    let url = std::env::var("LANECHECK_TEST_POSTGRES")
        .expect("LANECHECK_TEST_POSTGRES names the PostgreSQL to test against");
    passes(Some(url)).await;
}
