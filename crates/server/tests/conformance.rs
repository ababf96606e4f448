//! The conformance suite against the reference server, started here on a free loopback port
//! with a fresh data directory: on SQLite, and on PostgreSQL when the test command provides
//! one (`scripts/postgres.sh`, URL in `LANECHECK_TEST_POSTGRES`).

use lanecheck_server::conformance::Suite;
use lanecheck_server::Limits;

async fn passes(database_url: Option<String>) {
    // Small limits keep the 413 check quick.
    let limits = Limits {
        blob_bytes: 256 * 1024,
        job_bytes: 256 * 1024,
    };
    let server = lanecheck_server::harness::start(database_url, limits)
        .await
        .unwrap();
    let (base, token) = (&server.base, &server.token);
    let results = Suite::new(base, token)
        .with_other_store(&server.other_token)
        .run()
        .await;
    let failures: Vec<String> = results
        .iter()
        .filter_map(|(name, r)| r.as_ref().err().map(|why| format!("{name}: {why}")))
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(results.len(), 18);
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
