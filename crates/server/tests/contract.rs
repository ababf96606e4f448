//! docs/sync-v1.openapi.yaml and the reference server are one truth: every answer the server
//! gives in a scripted session (success and error, every route) has a status the contract lists
//! for that operation and a body valid against the schema the contract gives it; the app's
//! own job write is valid against the request schema; the contract's version is the server's.

use lanecheck_domain::inspection::{PhotoRef, PhotoTarget};
use lanecheck_domain::plate::Plate;
use lanecheck_domain::seal::sha256_hex;
use lanecheck_domain::{schema, ActorId, Command, Job, JobId, NewJob, Visit};
use lanecheck_server::Limits;
use lanecheck_sync::engine::Precondition;
use lanecheck_sync::protocol::job_write;
use reqwest::{Client, Method};
use serde_json::{json, Value};

fn contract() -> Value {
    let text = include_str!("../../../docs/sync-v1.openapi.yaml");
    serde_yaml::from_str(text).expect("the contract is YAML")
}

/// A validator for `pointer` (e.g. `#/components/schemas/Stored`) inside the contract.
fn validator(contract: &Value, pointer: &str) -> jsonschema::Validator {
    let mut root = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": pointer,
    });
    root["components"] = contract["components"].clone();
    jsonschema::validator_for(&root).expect("the contract's schemas compile")
}

fn resolve<'a>(contract: &'a Value, mut node: &'a Value) -> &'a Value {
    while let Some(reference) = node.get("$ref").and_then(Value::as_str) {
        node = contract
            .pointer(reference.trim_start_matches('#'))
            .expect("every $ref resolves");
    }
    node
}

/// Checks one answer against the contract: its status is listed for the operation and its
/// JSON body (where the contract gives it one) validates.
fn conforms(contract: &Value, template: &str, method: &str, status: u16, body: &str) {
    let operation = &contract["paths"][template][method];
    assert!(
        operation.is_object(),
        "{method} {template} is in the contract"
    );
    let response = operation["responses"]
        .get(status.to_string())
        .unwrap_or_else(|| panic!("{method} {template}: status {status} is not in the contract"));
    let response = resolve(contract, response);
    let Some(schema) = response.pointer("/content/application~1json/schema") else {
        return;
    };
    let instance: Value = serde_json::from_str(body)
        .unwrap_or_else(|e| panic!("{method} {template} {status}: not JSON ({e}): {body}"));
    let pointer = match schema.get("$ref").and_then(Value::as_str) {
        Some(reference) => reference.to_string(),
        None => panic!("{method} {template}: inline schemas are not used"),
    };
    let check = validator(contract, &pointer);
    let errors: Vec<String> = check
        .iter_errors(&instance)
        .map(|e| e.to_string())
        .collect();
    assert!(
        errors.is_empty(),
        "{method} {template} {status} against {pointer}: {errors:?}\n{body}"
    );
}

fn job() -> Job {
    Job::open(
        NewJob {
            id: JobId(uuid::Uuid::new_v4()),
            visit: Visit::WalkIn,
            plate: Plate::parse("粤B12345").unwrap(),
            store_items: vec![],
        },
        chrono::Utc::now(),
        ActorId("合同".into()),
    )
}

struct Session {
    client: Client,
    base: String,
    token: String,
    contract: Value,
}

impl Session {
    /// Sends a request and checks its answer against the contract; returns status and body.
    async fn call(
        &self,
        method: Method,
        template: &str,
        path: &str,
        headers: &[(&str, String)],
        body: Option<Vec<u8>>,
    ) -> (u16, String) {
        let mut request = self
            .client
            .request(method.clone(), format!("{}{path}", self.base))
            .bearer_auth(&self.token);
        for (name, value) in headers {
            request = request.header(*name, value);
        }
        if let Some(body) = body {
            request = request.body(body);
        }
        let r = request.send().await.unwrap();
        let status = r.status().as_u16();
        let text = r.text().await.unwrap();
        let method = method.as_str().to_ascii_lowercase();
        conforms(&self.contract, template, &method, status, &text);
        (status, text)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_answer_of_the_reference_server_is_one_the_contract_describes() {
    let limits = Limits {
        blob_bytes: 64 * 1024,
        job_bytes: 64 * 1024,
    };
    let server = lanecheck_server::harness::start(None, limits)
        .await
        .unwrap();
    let s = Session {
        client: Client::new(),
        base: server.base.clone(),
        token: server.token.clone(),
        contract: contract(),
    };
    let key = || ("idempotency-key", uuid::Uuid::new_v4().to_string());

    let (status, _) = s.call(Method::GET, "/whoami", "/whoami", &[], None).await;
    assert_eq!(status, 200);

    // Blobs: stored, again, wrong hash, too large, unknown.
    let bytes = b"\xFF\xD8contract photo".to_vec();
    let sha = sha256_hex(&bytes);
    let blob = format!("/blobs/{sha}");
    let t = "/blobs/{sha256}";
    assert_eq!(
        s.call(Method::PUT, t, &blob, &[], Some(bytes.clone()))
            .await
            .0,
        201
    );
    assert_eq!(
        s.call(Method::PUT, t, &blob, &[], Some(bytes.clone()))
            .await
            .0,
        200
    );
    assert_eq!(s.call(Method::HEAD, t, &blob, &[], None).await.0, 200);
    assert_eq!(s.call(Method::GET, t, &blob, &[], None).await.0, 200);
    let other = format!("/blobs/{}", sha256_hex(b"other"));
    assert_eq!(
        s.call(Method::PUT, t, &other, &[], Some(bytes.clone()))
            .await
            .0,
        422
    );
    assert_eq!(s.call(Method::GET, t, &other, &[], None).await.0, 404);
    let big = vec![0u8; 64 * 1024 + 1];
    let big_path = format!("/blobs/{}", sha256_hex(&big));
    assert_eq!(
        s.call(Method::PUT, t, &big_path, &[], Some(big)).await.0,
        413
    );

    // Jobs: the app's own write is valid against the request schema.
    let t = "/jobs/{id}";
    let mut j = job();
    let photo = PhotoRef {
        sha256: sha.clone(),
        target: PhotoTarget::Job,
        width: 1,
        height: 1,
        bytes: bytes.len() as u64,
        taken_at: chrono::Utc::now(),
    };
    j.apply(
        Command::AttachPhoto(photo),
        chrono::Utc::now(),
        ActorId("合同".into()),
    )
    .unwrap();
    let write = job_write(&j, &Precondition::Create, "k1").unwrap();
    let request: Value = serde_json::from_str(&write.body).unwrap();
    let check = validator(&s.contract, "#/components/schemas/JobDocument");
    let errors: Vec<String> = check.iter_errors(&request).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "the app's job write: {errors:?}");
    let path = format!("/jobs/{}", j.id);
    let headers = |precondition: (&'static str, String), key: (&'static str, String)| {
        vec![
            ("content-type", "application/json".to_string()),
            precondition,
            key,
        ]
    };
    let create = ("if-none-match", "*".to_string());
    let fixed_key = key();
    let (status, body) = s
        .call(
            Method::PUT,
            t,
            &path,
            &headers(create.clone(), fixed_key.clone()),
            Some(write.body.clone().into_bytes()),
        )
        .await;
    assert_eq!(status, 201);
    let version = serde_json::from_str::<Value>(&body).unwrap()["version"]
        .as_str()
        .unwrap()
        .to_string();
    // Replay, stale create, key reuse with another body.
    assert_eq!(
        s.call(
            Method::PUT,
            t,
            &path,
            &headers(create.clone(), fixed_key.clone()),
            Some(write.body.clone().into_bytes())
        )
        .await
        .0,
        201
    );
    assert_eq!(
        s.call(
            Method::PUT,
            t,
            &path,
            &headers(create.clone(), key()),
            Some(write.body.clone().into_bytes())
        )
        .await
        .0,
        412
    );
    j.apply(Command::Greet, chrono::Utc::now(), ActorId("合同".into()))
        .unwrap();
    let update = ("if-match", format!("\"{version}\""));
    let body2 = schema::store(&j).unwrap().into_bytes();
    assert_eq!(
        s.call(
            Method::PUT,
            t,
            &path,
            &headers(update.clone(), fixed_key.clone()),
            Some(body2.clone())
        )
        .await
        .0,
        422
    );
    assert_eq!(
        s.call(
            Method::PUT,
            t,
            &path,
            &headers(update.clone(), key()),
            Some(body2.clone())
        )
        .await
        .0,
        200
    );
    // Refusals: no precondition, unreadable, missing blobs, too large.
    assert_eq!(
        s.call(Method::PUT, t, &path, &[key()], Some(body2.clone()))
            .await
            .0,
        400
    );
    assert_eq!(
        s.call(
            Method::PUT,
            t,
            &path,
            &headers(update.clone(), key()),
            Some(b"{}".to_vec())
        )
        .await
        .0,
        422
    );
    let mut lacking = job();
    let mut missing_photo = PhotoRef {
        sha256: sha256_hex(b"not uploaded"),
        target: PhotoTarget::Job,
        width: 1,
        height: 1,
        bytes: 1,
        taken_at: chrono::Utc::now(),
    };
    missing_photo.bytes = 12;
    lacking
        .apply(
            Command::AttachPhoto(missing_photo),
            chrono::Utc::now(),
            ActorId("合同".into()),
        )
        .unwrap();
    let lacking_path = format!("/jobs/{}", lacking.id);
    assert_eq!(
        s.call(
            Method::PUT,
            t,
            &lacking_path,
            &headers(create.clone(), key()),
            Some(schema::store(&lacking).unwrap().into_bytes())
        )
        .await
        .0,
        409
    );
    assert_eq!(
        s.call(
            Method::PUT,
            t,
            &lacking_path,
            &headers(create.clone(), key()),
            Some(vec![b' '; 64 * 1024 + 1])
        )
        .await
        .0,
        413
    );
    let (status, _) = s.call(Method::GET, t, &path, &[], None).await;
    assert_eq!(status, 200);
    assert_eq!(
        s.call(Method::GET, t, &lacking_path, &[], None).await.0,
        404
    );
    assert_eq!(
        s.call(Method::GET, t, "/jobs/not-a-uuid", &[], None)
            .await
            .0,
        400
    );

    // The feed, and its refusals.
    let t = "/changes";
    let (status, body) = s
        .call(Method::GET, t, "/changes?since=&limit=2", &[], None)
        .await;
    assert_eq!(status, 200);
    assert!(body.contains("\"schema\":3"));
    assert_eq!(
        s.call(Method::GET, t, "/changes?limit=abc", &[], None)
            .await
            .0,
        400
    );

    // The search, and its refusals.
    let t = "/search";
    let (status, body) = s
        .call(Method::GET, t, "/search?q=B123&limit=5", &[], None)
        .await;
    assert_eq!(status, 200);
    assert!(
        body.contains(&j.id.to_string()),
        "the job is found by part of its plate"
    );
    assert_eq!(s.call(Method::GET, t, "/search?q=", &[], None).await.0, 400);
    assert_eq!(
        s.call(Method::GET, t, "/search?q=A&limit=99", &[], None)
            .await
            .0,
        400
    );

    // The catalogue (the harness's first store has the sample), then unchanged (304).
    let t = "/catalogue";
    let r = s
        .client
        .get(format!("{}{t}", s.base))
        .bearer_auth(&s.token)
        .send()
        .await
        .unwrap();
    let tag = r.headers()["etag"].to_str().unwrap().to_string();
    let (status, body) = (r.status().as_u16(), r.text().await.unwrap());
    conforms(&s.contract, t, "get", status, &body);
    assert!(
        body.contains("15400-RTA-003"),
        "the sample's parts are sent"
    );
    let (status, _) = s
        .call(Method::GET, t, t, &[("if-none-match", tag)], None)
        .await;
    assert_eq!(status, 304);

    // Delete: stale, done, unknown.
    let t = "/jobs/{id}";
    let (_, now) = s.call(Method::GET, t, &path, &[], None).await;
    let now = serde_json::from_str::<Value>(&now).unwrap()["version"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        s.call(
            Method::DELETE,
            t,
            &path,
            &[("if-match", format!("\"{version}\"")), key()],
            None
        )
        .await
        .0,
        412
    );
    assert_eq!(
        s.call(
            Method::DELETE,
            t,
            &path,
            &[("if-match", format!("\"{now}\"")), key()],
            None
        )
        .await
        .0,
        200
    );
    assert_eq!(
        s.call(
            Method::DELETE,
            t,
            &lacking_path,
            &[("if-match", "\"1\"".into()), key()],
            None
        )
        .await
        .0,
        404
    );
    let (_, feed) = s.call(Method::GET, "/changes", "/changes", &[], None).await;
    assert!(
        feed.contains("\"document\":null"),
        "the tombstone is in the feed"
    );

    // Without a token.
    let r = s
        .client
        .get(format!("{}/whoami", s.base))
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    conforms(
        &s.contract,
        "/whoami",
        "get",
        status,
        &r.text().await.unwrap(),
    );
    assert_eq!(status, 401);
}

#[test]
fn the_contract_names_its_version_and_every_error_code_the_server_uses() {
    let contract = contract();
    assert_eq!(contract["openapi"], json!("3.1.0"));
    assert_eq!(contract["info"]["version"], json!("1.5.0"));
    let codes: Vec<&str> = contract["components"]["schemas"]["Error"]["properties"]["code"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let sources = [
        include_str!("../src/api.rs"),
        include_str!("../src/manager.rs"),
    ];
    for source in sources {
        for (i, _) in source.match_indices("ApiError::new(") {
            let call = &source[i..];
            let args = &call[..call.find(')').unwrap_or(call.len())];
            // The code is the first string literal among the arguments, if any.
            if let Some(start) = args.find('"') {
                let rest = &args[start + 1..];
                let code = &rest[..rest.find('"').unwrap()];
                assert!(codes.contains(&code), "code {code} is in the contract");
            }
        }
    }
}
