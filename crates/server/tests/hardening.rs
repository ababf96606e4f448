//! The reference server against hostile or unlucky input: a panicking handler, the manager's
//! sign-in, repeated bad tokens, expired and revoked tokens, bodies larger than a route takes,
//! large change pages, old replay records, blob folders of earlier releases, and generated
//! documents (every accepted one comes back unchanged).

use lanecheck_domain::plate::Plate;
use lanecheck_domain::{schema, ActorId, Job, JobId, NewJob, Visit};
use lanecheck_server::harness::{self, Running};
use lanecheck_server::{db, Limits};
use reqwest::{redirect, Client, StatusCode};
use serde_json::{json, Value};
use std::io::{Read, Write};

fn job_with(items: Vec<String>) -> Job {
    Job::open(
        NewJob {
            id: JobId(uuid::Uuid::new_v4()),
            visit: Visit::WalkIn,
            plate: Plate::parse("沪A12345").unwrap(),
            store_items: items,
        },
        chrono::Utc::now(),
        ActorId("测试".into()),
    )
}

/// The running server's own database, opened beside it.
async fn database(server: &Running) -> db::Db {
    let url = format!(
        "sqlite://{}?mode=rwc",
        server.data.join("lanecheck.db").display()
    );
    db::open(&url).await.unwrap()
}

fn origin(server: &Running) -> String {
    server.base.trim_end_matches("/sync/v1").to_string()
}

async fn put(
    client: &Client,
    server: &Running,
    token: &str,
    id: JobId,
    body: String,
) -> StatusCode {
    client
        .put(format!("{}/jobs/{id}", server.base))
        .bearer_auth(token)
        .header("if-none-match", "*")
        .header("idempotency-key", uuid::Uuid::new_v4().to_string())
        .body(body)
        .send()
        .await
        .unwrap()
        .status()
}

// Pins the shared `panic = "abort"` profile, with which one panic ended the whole server.
#[tokio::test]
async fn a_panicking_handler_is_answered_500_and_the_server_goes_on() {
    let boom = axum::Router::new().route(
        "/sync/v1/boom",
        axum::routing::get(|| async {
            if std::hint::black_box(true) {
                panic!("a bug in a handler");
            }
        }),
    );
    let server = harness::start_with(None, Limits::DEFAULT, boom)
        .await
        .unwrap();
    let client = Client::new();
    let r = client
        .get(format!("{}/boom", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["code"], json!("unavailable"));
    let r = client
        .get(format!("{}/whoami", server.base))
        .bearer_auth(&server.token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK, "the server still answers");
}

#[test]
fn the_server_binary_is_built_to_unwind() {
    // main.rs refuses `panic = "abort"`; the profile it is built with says unwind.
    let manifest = include_str!("../../../Cargo.toml");
    let profile = manifest
        .split("[profile.server]")
        .nth(1)
        .expect("a server profile");
    let profile = profile.split("\n[").next().unwrap();
    assert!(profile.contains("inherits = \"release\""));
    assert!(profile.contains("panic = \"unwind\""));
    let main = include_str!("../src/main.rs");
    assert!(main.contains("#[cfg(panic = \"abort\")]\ncompile_error!"));
    for script in [
        include_str!("../../../scripts/run.sh"),
        include_str!("../../../scripts/test.sh"),
    ] {
        assert!(
            !script.contains("--release -p lanecheck-server")
                && !script.contains("--release --locked -q -p lanecheck-server")
        );
    }
}

fn manager_client() -> Client {
    Client::builder()
        .redirect(redirect::Policy::none())
        .build()
        .unwrap()
}

async fn sign_in(
    client: &Client,
    server: &Running,
    token: &str,
    headers: &[(&str, &str)],
) -> reqwest::Response {
    let mut request = client
        .post(format!("{}/manager", origin(server)))
        .form(&[("token", token)]);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.unwrap()
}

async fn manager_page(client: &Client, server: &Running, session: &str) -> String {
    client
        .get(format!("{}/manager", origin(server)))
        .header("cookie", session)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

fn session_cookie(r: &reqwest::Response) -> Option<String> {
    r.headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

#[tokio::test]
async fn the_manager_signs_in_to_a_server_side_session_with_a_manager_token_only() {
    let server = harness::start(None, Limits::DEFAULT).await.unwrap();
    let client = manager_client();
    // An advisor's token (it can write jobs) does not open the manager's page.
    let r = sign_in(&client, &server, &server.token, &[]).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert!(session_cookie(&r).is_none());
    assert!(r.text().await.unwrap().contains("不是服务经理"));
    let r = sign_in(&client, &server, "lc_wrong", &[]).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    // A cross-site form post is refused, whatever the token.
    for headers in [
        vec![("sec-fetch-site", "cross-site")],
        vec![("origin", "https://evil.example")],
    ] {
        let r = sign_in(&client, &server, &server.manager_token, &headers).await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        assert!(session_cookie(&r).is_none());
    }
    let r = sign_in(
        &client,
        &server,
        &server.manager_token,
        &[("sec-fetch-site", "same-origin")],
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let cookie = session_cookie(&r).unwrap();
    assert!(
        !cookie.contains(&server.manager_token),
        "the cookie is not the token"
    );
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/manager"] {
        assert!(cookie.contains(attribute), "{attribute} in {cookie}");
    }
    assert!(!cookie.contains("Secure"), "plain http here");
    let session = cookie.split(';').next().unwrap().to_string();
    let page = manager_page(&client, &server, &session).await;
    assert!(page.contains("一店-"), "the store's page: {page}");
    // Over https (a TLS proxy in front says so) the cookie is Secure.
    let r = sign_in(
        &client,
        &server,
        &server.manager_token,
        &[("x-forwarded-proto", "https")],
    )
    .await;
    assert!(session_cookie(&r).unwrap().contains("; Secure"));
    // Sign-out needs the page's form token.
    let r = client
        .post(format!("{}/manager/sign-out", origin(&server)))
        .header("cookie", &session)
        .form(&[("form", "forged")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let form = page.split("name=\"form\" value=\"").nth(1).unwrap();
    let form = &form[..form.find('"').unwrap()];
    let r = client
        .post(format!("{}/manager/sign-out", origin(&server)))
        .header("cookie", &session)
        .form(&[("form", form)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let page = manager_page(&client, &server, &session).await;
    assert!(
        page.contains("令牌 Token"),
        "signed out: the sign-in form again"
    );
}

#[tokio::test]
async fn revoked_and_expired_tokens_stop_working_and_end_their_sessions() {
    let server = harness::start(None, Limits::DEFAULT).await.unwrap();
    let db = database(&server).await;
    let now = chrono::Utc::now().timestamp_millis();
    let expired = db::add_advisor(
        &db,
        db::NewToken {
            store_name: "一店-过期",
            name: "临时",
            role: db::Role::Advisor,
            now_ms: now - 10_000,
            expires_ms: Some(now - 1),
        },
    )
    .await
    .unwrap();
    let client = manager_client();
    let whoami = |token: String| {
        let client = client.clone();
        let base = server.base.clone();
        async move {
            client
                .get(format!("{base}/whoami"))
                .bearer_auth(token)
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    assert_eq!(whoami(expired).await, StatusCode::UNAUTHORIZED);
    let r = sign_in(&client, &server, &server.manager_token, &[]).await;
    let session = session_cookie(&r)
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let tokens = db::tokens(&db).await.unwrap();
    assert!(tokens.iter().all(|t| !t.id.is_empty()));
    let manager = tokens.iter().find(|t| t.role == "manager").unwrap();
    assert!(db::revoke_token(&db, &manager.id).await.unwrap());
    assert!(db::tokens(&db)
        .await
        .unwrap()
        .iter()
        .any(|t| t.id == manager.id && t.revoked));
    assert_eq!(
        whoami(server.manager_token.clone()).await,
        StatusCode::UNAUTHORIZED
    );
    let page = manager_page(&client, &server, &session).await;
    assert!(
        page.contains("令牌 Token"),
        "the session ended with its token"
    );
}

#[tokio::test]
async fn repeated_failed_authentication_is_slowed_down() {
    let server = harness::start(None, Limits::DEFAULT).await.unwrap();
    let client = Client::new();
    let mut statuses = Vec::new();
    for _ in 0..lanecheck_server::auth::FAILURES_PER_WINDOW {
        let r = client
            .get(format!("{}/whoami", server.base))
            .bearer_auth("lc_guess")
            .send()
            .await
            .unwrap();
        statuses.push(r.status());
    }
    assert!(statuses.iter().all(|s| *s == StatusCode::UNAUTHORIZED));
    let r = client
        .get(format!("{}/whoami", server.base))
        .bearer_auth(&server.token)
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "even a good token waits out the window"
    );
    let wait: u64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&wait));
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["code"], json!("rate_limited"));
    // The manager's sign-in counts and waits the same.
    let r = sign_in(&manager_client(), &server, &server.manager_token, &[]).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
}

/// Sends a request head that announces `length` bytes and none of them; the answer that comes
/// without the body having been sent.
fn head_only(server: &Running, request_line: &str, token: &str, length: usize) -> String {
    let addr = origin(server).trim_start_matches("http://").to_string();
    let mut stream = std::net::TcpStream::connect(&addr).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(20)))
        .unwrap();
    write!(
        stream,
        "{request_line} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\nIf-None-Match: *\r\nIdempotency-Key: k\r\nContent-Type: application/json\r\nContent-Length: {length}\r\n\r\n"
    )
    .unwrap();
    let mut answer = Vec::new();
    let mut chunk = [0u8; 1024];
    // Until the error body has come (or the server closed the connection).
    while !answer.ends_with(b"}") {
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => answer.extend_from_slice(&chunk[..n]),
        }
    }
    String::from_utf8_lossy(&answer).into_owned()
}

// Pins the body limit that read every body up to 10 MB before a route's own limit applied.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_over_the_routes_limit_is_refused_before_it_is_read() {
    let server = harness::start(None, Limits::DEFAULT).await.unwrap();
    let token = server.token.clone();
    let job = format!("PUT /sync/v1/jobs/{}", uuid::Uuid::new_v4());
    let blob = format!("PUT /sync/v1/blobs/{}", "a".repeat(64));
    let (job_answer, blob_answer, changes_answer) = tokio::task::spawn_blocking(move || {
        let server_ref = &server;
        (
            head_only(server_ref, &job, &token, 3 * 1024 * 1024),
            head_only(server_ref, &blob, &token, 11 * 1024 * 1024),
            head_only(server_ref, "GET /sync/v1/changes", &token, 1024 * 1024),
        )
    })
    .await
    .unwrap();
    assert!(job_answer.starts_with("HTTP/1.1 413"), "{job_answer}");
    assert!(job_answer.contains("too_large"));
    assert!(blob_answer.starts_with("HTTP/1.1 413"), "{blob_answer}");
    assert!(
        changes_answer.starts_with("HTTP/1.1 413"),
        "a route without a body takes none: {changes_answer}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_page_is_bounded_in_bytes_and_paging_still_gets_everything() {
    let limits = Limits {
        blob_bytes: 1024,
        job_bytes: 2 * 1024 * 1024,
    };
    let server = harness::start(None, limits).await.unwrap();
    let client = Client::new();
    let mut ids = Vec::new();
    for _ in 0..10 {
        // About 1.9 MB each: ten would make a 19 MB page.
        let j = job_with(vec!["备".repeat(300_000)]);
        let body = schema::store(&j).unwrap();
        assert!(
            body.len() > 1_700_000 && body.len() < 2 * 1024 * 1024,
            "{}",
            body.len()
        );
        assert_eq!(
            put(&client, &server, &server.token, j.id, body).await,
            StatusCode::CREATED
        );
        ids.push(j.id.to_string());
    }
    let mut cursor = String::new();
    let mut seen = Vec::new();
    loop {
        let r = client
            .get(format!("{}/changes?since={cursor}&limit=500", server.base))
            .bearer_auth(&server.token)
            .send()
            .await
            .unwrap();
        let text = r.text().await.unwrap();
        assert!(
            text.len() as i64 <= lanecheck_server::api::MAX_PAGE_BYTES + 64 * 1024,
            "a page of {} bytes",
            text.len()
        );
        let page: Value = serde_json::from_str(&text).unwrap();
        let changes = page["changes"].as_array().unwrap();
        assert!(!changes.is_empty() || page["has_more"] == json!(false));
        seen.extend(
            changes
                .iter()
                .map(|c| c["id"].as_str().unwrap().to_string()),
        );
        cursor = page["next"].as_str().unwrap().to_string();
        if page["has_more"] != json!(true) {
            break;
        }
    }
    assert_eq!(seen, ids, "every job once, in write order");
}

#[tokio::test]
async fn replay_records_are_forgotten_after_the_retention() {
    let server = harness::start(None, Limits::DEFAULT).await.unwrap();
    let client = Client::new();
    let j = job_with(vec![]);
    let key = "kept-a-while";
    let send = || {
        client
            .put(format!("{}/jobs/{}", server.base, j.id))
            .bearer_auth(&server.token)
            .header("if-none-match", "*")
            .header("idempotency-key", key)
            .body(schema::store(&j).unwrap())
            .send()
    };
    assert_eq!(send().await.unwrap().status(), StatusCode::CREATED);
    assert_eq!(
        send().await.unwrap().status(),
        StatusCode::CREATED,
        "a replay within the retention"
    );
    let db = database(&server).await;
    let now = chrono::Utc::now().timestamp_millis();
    assert_eq!(
        db::purge_idempotency(&db, now - db::IDEMPOTENCY_RETENTION_MS)
            .await
            .unwrap(),
        0
    );
    assert_eq!(db::purge_idempotency(&db, now + 1).await.unwrap(), 1);
    const _: () = assert!(db::IDEMPOTENCY_RETENTION_MS >= 7 * 24 * 3600 * 1000);
    assert_eq!(
        send().await.unwrap().status(),
        StatusCode::PRECONDITION_FAILED,
        "forgotten: a new create of an existing job"
    );
}

#[tokio::test]
async fn blobs_in_the_shared_folders_of_earlier_releases_move_to_their_own_store() {
    let server = harness::start(None, Limits::DEFAULT).await.unwrap();
    let db = database(&server).await;
    let client = Client::new();
    // A photo the store wrote before, at the old place (its id with characters replaced).
    let bytes = b"\xFF\xD8an old photo".to_vec();
    let sha = lanecheck_domain::seal::sha256_hex(&bytes);
    let stores = db::stores(&db).await.unwrap();
    let (store, _) = stores
        .iter()
        .find(|(_, name)| name.starts_with("一店-"))
        .unwrap();
    let legacy = lanecheck_server::blobs::legacy_folder(store);
    let old = server.data.join("blobs").join(legacy).join(&sha[..2]);
    std::fs::create_dir_all(&old).unwrap();
    std::fs::write(old.join(&sha), &bytes).unwrap();
    // Its job, stored then (straight into the database, as the old server did).
    let mut j = job_with(vec![]);
    j.photos.push(lanecheck_domain::inspection::PhotoRef {
        sha256: sha.clone(),
        target: lanecheck_domain::inspection::PhotoTarget::Job,
        width: 1,
        height: 1,
        bytes: bytes.len() as u64,
        taken_at: chrono::Utc::now(),
    });
    let claim = db::Claim {
        advisor: "old",
        key: "old",
        request: "old",
        now_ms: 0,
    };
    let (id, document) = (j.id.to_string(), schema::store(&j).unwrap());
    let change = db::Change {
        store,
        id: &id,
        expected: None,
        document: Some(&document),
        day: "2026-11-30",
        finished: false,
        vehicle: "",
    };
    db::write_job(&db, &change, &claim, |_| (201, String::new()))
        .await
        .unwrap();
    let blob = || {
        client
            .get(format!("{}/blobs/{sha}", server.base))
            .bearer_auth(&server.token)
            .send()
    };
    assert_eq!(blob().await.unwrap().status(), StatusCode::NOT_FOUND);
    let state = lanecheck_server::AppState::new(
        db,
        lanecheck_server::blobs::Blobs {
            root: server.data.join("blobs"),
        },
        Limits::DEFAULT,
    );
    assert_eq!(lanecheck_server::migrate_blobs(&state).await.unwrap(), 1);
    let r = blob().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.bytes().await.unwrap().as_ref(), bytes.as_slice());
    let r = client
        .get(format!("{}/blobs/{sha}", server.base))
        .bearer_auth(&server.other_token)
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.status(),
        StatusCode::NOT_FOUND,
        "the other store does not get it"
    );
    assert_eq!(
        lanecheck_server::migrate_blobs(&state).await.unwrap(),
        0,
        "once"
    );
    assert!(
        server.data.join("blobs").join(".migrated-2026-12").exists(),
        "later starts read no documents for it"
    );
}

mod generated {
    use super::*;
    use proptest::prelude::*;

    /// A JSON value to put somewhere in a document: numbers of every size and spelling,
    /// strings, nesting.
    fn value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            any::<f64>()
                .prop_filter("JSON numbers are finite", |n| n.is_finite())
                .prop_map(|n| json!(n)),
            any::<i64>().prop_map(|n| json!(n)),
            any::<u64>().prop_map(|n| json!(n)),
            "\\PC{0,12}".prop_map(Value::String),
            any::<bool>().prop_map(Value::Bool),
            Just(Value::Null),
        ];
        leaf.prop_recursive(2, 8, 3, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
                prop::collection::btree_map("[a-z_]{1,8}", inner, 0..3)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        // Pins `"x": 1e39` answered 201 and then served as `"document": null`.
        #[test]
        fn every_accepted_document_is_returned_unchanged(
            place in 0usize..6,
            name in "[a-z_]{1,10}",
            v in value(),
        ) {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            runtime.block_on(async {
                let server = harness::start(None, Limits::DEFAULT).await.unwrap();
                let client = Client::new();
                let mut j = job_with(vec!["灯".into()]);
                j.apply(lanecheck_domain::Command::StartInspection, chrono::Utc::now(), ActorId("测试".into())).unwrap();
                j.apply(
                    lanecheck_domain::Command::AddDamage {
                        view: lanecheck_domain::inspection::View::Front,
                        x: 0.5, y: 0.25,
                        kind: lanecheck_domain::inspection::DamageKind::Dent,
                        severity: lanecheck_domain::inspection::Severity::Minor,
                        note: String::new(),
                    },
                    chrono::Utc::now(), ActorId("测试".into()),
                ).unwrap();
                let mut doc: Value = serde_json::from_str(&schema::store(&j).unwrap()).unwrap();
                // Known places get the generated value; unknown names are extra properties.
                match place {
                    0 => doc["job"]["damage"][0]["x"] = v,
                    1 => doc["job"]["revision"] = v,
                    2 => doc["job"]["vehicle"]["odometer_km"] = v,
                    3 => doc["job"]["vehicle"]["make_model"] = v,
                    4 => doc["job"][format!("x_{name}")] = v,
                    _ => doc[format!("x_{name}")] = v,
                }
                let status = put(&client, &server, &server.token, j.id, doc.to_string()).await;
                let got: Value = client
                    .get(format!("{}/jobs/{}", server.base, j.id))
                    .bearer_auth(&server.token)
                    .send().await.unwrap().json().await.unwrap_or_default();
                if status.is_success() {
                    prop_assert_eq!(&got["document"], &doc);
                    prop_assert!(schema::restore(&got["document"].to_string()).is_ok());
                } else {
                    prop_assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
                    prop_assert_eq!(&got["code"], &json!("not_found"));
                }
                Ok(())
            })?;
        }
    }
}

#[test]
fn tokens_are_made_listed_and_revoked_from_the_command_line() {
    let data = std::env::temp_dir().join(format!("lanecheck-cli-{}", uuid::Uuid::new_v4()));
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_lanecheck-server"))
            .args(args)
            .arg("--data")
            .arg(&data)
            .env_remove("DATABASE_URL")
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (ok, token) = run(&[
        "add-advisor",
        "--store",
        "三店",
        "--name",
        "孙经理",
        "--role",
        "manager",
        "--expires-days",
        "30",
    ]);
    assert!(ok && token.trim().starts_with("lc_"));
    let (ok, list) = run(&["list-tokens"]);
    assert!(ok);
    let line = list.lines().find(|l| l.contains("孙经理")).unwrap();
    assert!(
        line.contains("三店") && line.contains("manager") && line.ends_with("active"),
        "{line}"
    );
    assert!(
        !list.contains(token.trim()),
        "the token itself is never listed"
    );
    let id = line.split('\t').next().unwrap();
    let (ok, _) = run(&["revoke-token", id]);
    assert!(ok);
    let (_, list) = run(&["list-tokens"]);
    assert!(list
        .lines()
        .any(|l| l.starts_with(id) && l.ends_with("revoked")));
    let (ok, _) = run(&["revoke-token", "no-such-id"]);
    assert!(!ok);
    let (ok, _) = run(&[
        "add-advisor",
        "--store",
        "三店",
        "--name",
        "x",
        "--role",
        "boss",
    ]);
    assert!(!ok, "an unknown role is refused");
    let _ = std::fs::remove_dir_all(&data);
}
