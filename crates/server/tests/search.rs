//! `GET /search` (contract 1.3.0): a plate or VIN the device does not hold is looked up on the
//! server, by the app's own rule (any part of the plate; the VIN from its start or by six or
//! more of its last characters), newest written first, within the token's store. Rows stored
//! before the search existed get their plate and VIN from their documents on the first start.

use lanecheck_domain::vin::Vin;
use lanecheck_domain::{schema, Job, JobId};
use lanecheck_server::{db, harness, Limits};
use reqwest::{Client, StatusCode};
use serde_json::Value;

fn job_of(plate: &str, vin: Option<&str>) -> Job {
    let mut job = harness::walk_in(plate).unwrap();
    job.vehicle.vin = vin.map(|v| Vin::parse(v).unwrap());
    job
}

async fn put(server: &harness::Running, token: &str, job: &Job) -> String {
    server.create(token, job).await.unwrap()
}

async fn search(server: &harness::Running, token: &str, query: &str) -> (StatusCode, Value) {
    let response = Client::new()
        .get(format!("{}/search?{query}", server.base))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json::<Value>().await.unwrap())
}

fn plates(body: &Value) -> Vec<String> {
    body["jobs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| j["plate"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn the_apps_rule_newest_first_within_the_store() {
    let server = harness::start(None, Limits::DEFAULT).await.unwrap();
    let older = job_of("沪A12345", Some("LSVAM4187C2184726"));
    let newer = job_of("沪A12399", None);
    let gone = job_of("沪A12388", None);
    put(&server, &server.token, &older).await;
    put(&server, &server.token, &newer).await;
    let version = put(&server, &server.token, &gone).await;
    let deleted = Client::new()
        .delete(format!("{}/jobs/{}", server.base, gone.id))
        .bearer_auth(&server.token)
        .header("if-match", format!("\"{version}\""))
        .header("idempotency-key", uuid::Uuid::new_v4().to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), StatusCode::OK);
    put(&server, &server.other_token, &job_of("沪A12377", None)).await;

    // Part of the plate, typed as an advisor might: lower case, full-width, with a space.
    let (status, body) = search(&server, &server.token, "q=a%20%EF%BC%91%EF%BC%92%EF%BC%93").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(plates(&body), vec!["沪A12399", "沪A12345"]);
    let (_, limited) = search(&server, &server.token, "q=A123&limit=1").await;
    assert_eq!(plates(&limited), vec!["沪A12399"]);
    let (_, by_vin) = search(&server, &server.token, "q=184726").await;
    assert_eq!(plates(&by_vin), vec!["沪A12345"]);
    let first = &by_vin["jobs"][0];
    assert_eq!(first["id"], older.id.to_string());
    assert_eq!(first["vin"], "LSVAM4187C2184726");
    assert_eq!(first["state"], "Arrived");
    assert_eq!(first["appointment"], false);
    assert_eq!(
        first["created_at"],
        Value::from(older.created_at.timestamp_millis())
    );
    // Fewer than six of the VIN's last characters are not a VIN search (the app's rule).
    let (_, short) = search(&server, &server.token, "q=4726").await;
    assert_eq!(plates(&short), Vec::<String>::new());
    // The other store sees only its own job, and none of this store's.
    let (_, theirs) = search(&server, &server.other_token, "q=A123").await;
    assert_eq!(plates(&theirs), vec!["沪A12377"]);
    // A wildcard is a character like any other.
    let (_, wild) = search(&server, &server.token, "q=%25").await;
    assert_eq!(plates(&wild), Vec::<String>::new());

    for bad in ["q=", "", "q=A&limit=0", "q=A&limit=51", "q=A&limit=x"] {
        let (status, body) = search(&server, &server.token, bad).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(body["code"], "bad_request", "{bad}");
    }
    let anonymous = Client::new()
        .get(format!("{}/search?q=A123", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn rows_stored_before_the_search_existed_are_found() {
    let dir = std::env::temp_dir().join(format!("lanecheck-search-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.join("old.db").display());
    let job = job_of("粤B66666", Some("LSVAM4187C2184726"));
    // The jobs table as release 1.2.0 created it: `finished`, no `vehicle`.
    {
        sqlx::any::install_default_drivers();
        let old = sqlx::AnyPool::connect(&url).await.unwrap();
        sqlx::query("CREATE TABLE jobs (store_id TEXT NOT NULL, id TEXT NOT NULL, seq BIGINT NOT NULL, deleted BIGINT NOT NULL, document TEXT, day TEXT NOT NULL, finished BIGINT NOT NULL DEFAULT 0, PRIMARY KEY (store_id, id))")
            .execute(&old)
            .await
            .unwrap();
        sqlx::query("INSERT INTO jobs (store_id, id, seq, deleted, document, day) VALUES ('s', $1, 1, 0, $2, '2026-11-30')")
            .bind(job.id.to_string())
            .bind(schema::store(&job).unwrap())
            .execute(&old)
            .await
            .unwrap();
        old.close().await;
    }
    let db = db::open(&url).await.unwrap();
    for term in ["B666", "184726"] {
        let found = db::search(&db, "s", term, 10).await.unwrap();
        assert_eq!(found.len(), 1, "{term}");
        assert_eq!(found[0].id, job.id.to_string());
    }
    db.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}

/// What the app's worker does with a job the list found on the server: the engine reads it
/// and stores it on a device that never held it; a job the server lacks is said to be unknown.
#[tokio::test]
async fn a_job_found_on_the_server_is_brought_onto_the_device() {
    use lanecheck_server::client::HttpRemote;
    use lanecheck_sync::engine::{Engine, Fetched, Remote};
    use lanecheck_sync::memory::MemoryDevice;

    let server = harness::start(None, Limits::DEFAULT).await.unwrap();
    let job = job_of("浙C13579", Some("LSVAM4187C2184726"));
    put(&server, &server.token, &job).await;
    let device = MemoryDevice::default();
    let remote = HttpRemote::new(&server.base, &server.token, &device);
    let found = remote.search("C135", 20).await.unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].plate, "浙C13579");

    let engine = Engine::new("phone");
    assert_eq!(
        engine.fetch(&device, &remote, found[0].id).await,
        Fetched::Stored
    );
    // As the device keeps it: times in whole milliseconds.
    let kept = schema::restore(&schema::store(&job).unwrap()).unwrap();
    assert_eq!(device.store.jobs.borrow().get(&job.id), Some(&kept));
    let unknown = JobId(uuid::Uuid::new_v4());
    assert_eq!(
        engine.fetch(&device, &remote, unknown).await,
        Fetched::Unknown
    );
    // Another store's token reads none of it.
    let theirs = HttpRemote::new(&server.base, &server.other_token, &device);
    assert_eq!(
        engine
            .fetch(&MemoryDevice::default(), &theirs, job.id)
            .await,
        Fetched::Unknown
    );
    assert!(theirs.search("C135", 20).await.unwrap().is_empty());
}
