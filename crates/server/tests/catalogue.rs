//! `GET /catalogue` (contract 1.4.0): each store's catalogue of labour operations and parts,
//! whole, as `import-catalog` stored it; an empty one before any import; revalidated by its
//! `ETag`; compressed when the device accepts it; never another store's.

use lanecheck_domain::catalogue::Catalogue;
use lanecheck_domain::money::Fen;
use lanecheck_server::{catalogue, db, harness, Limits};
use reqwest::{header, Client, StatusCode};

async fn store_db(server: &harness::Running) -> db::Db {
    let url = format!(
        "sqlite://{}?mode=rwc",
        server.data.join("lanecheck.db").display()
    );
    db::open(&url).await.unwrap()
}

async fn store_named(db: &db::Db, prefix: &str) -> String {
    let stores = db::stores(db).await.unwrap();
    stores
        .into_iter()
        .find(|(_, name)| name.starts_with(prefix))
        .map(|(_, name)| name)
        .unwrap()
}

/// `GET /catalogue` with `token` and these request headers, the body as sent.
async fn get_with(
    server: &harness::Running,
    token: &str,
    headers: &[(header::HeaderName, &str)],
) -> reqwest::Response {
    let mut request = Client::builder()
        .no_gzip()
        .build()
        .unwrap()
        .get(format!("{}/catalogue", server.base))
        .bearer_auth(token);
    for (name, value) in headers {
        request = request.header(name, *value);
    }
    request.send().await.unwrap()
}

async fn get(server: &harness::Running, token: &str) -> reqwest::Response {
    get_with(server, token, &[]).await
}

#[tokio::test]
async fn each_store_gets_its_own_catalogue_whole() {
    let server = harness::start(None, Limits::DEFAULT).await.unwrap();
    let db = store_db(&server).await;

    // Before any import: an empty catalogue, as of never (the second store; the harness
    // gives the first the sample).
    let empty = get(&server, &server.other_token).await;
    assert_eq!(empty.status(), StatusCode::OK);
    let empty: Catalogue = empty.json().await.unwrap();
    assert_eq!(empty, Catalogue::default());

    let first = store_named(&db, "一店").await;
    let second = store_named(&db, "二店").await;
    let now = chrono::Utc::now().timestamp_millis();
    catalogue::import(&db, &first, catalogue::SAMPLE, now)
        .await
        .unwrap();
    let own =
        "kind,code,name,spec,unit,hours,price,source,stock\npart,X-1,二店的滤芯,,个,,9.90,,\n";
    catalogue::import(&db, &second, own, now).await.unwrap();

    let answer = get(&server, &server.token).await;
    assert_eq!(answer.status(), StatusCode::OK);
    let tag = answer.headers()[header::ETAG].to_str().unwrap().to_string();
    let got: Catalogue = answer.json().await.unwrap();
    let sample = catalogue::from_csv(
        catalogue::SAMPLE,
        chrono::DateTime::from_timestamp_millis(now).unwrap(),
    )
    .unwrap();
    assert_eq!(got, sample);

    let other: Catalogue = get(&server, &server.other_token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(other.parts.len(), 1);
    assert_eq!(other.parts[0].price, Fen(990));
    assert!(other.labour.is_empty());

    // The device's copy is current: 304, no body.
    let again = get_with(&server, &server.token, &[(header::IF_NONE_MATCH, &tag)]).await;
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    // A new import is a new version.
    catalogue::import(&db, &first, own, now + 1).await.unwrap();
    let changed = get_with(&server, &server.token, &[(header::IF_NONE_MATCH, &tag)]).await;
    assert_eq!(changed.status(), StatusCode::OK);
    assert_ne!(changed.headers()[header::ETAG].to_str().unwrap(), tag);
}

#[tokio::test]
async fn the_catalogue_travels_compressed_and_needs_a_token() {
    let server = harness::start(None, Limits::DEFAULT).await.unwrap();
    let db = store_db(&server).await;
    let first = store_named(&db, "一店").await;
    catalogue::import(&db, &first, catalogue::SAMPLE, 0)
        .await
        .unwrap();
    let plain = get(&server, &server.token).await.bytes().await.unwrap();
    let gzip = get_with(&server, &server.token, &[(header::ACCEPT_ENCODING, "gzip")]).await;
    assert_eq!(gzip.headers()[header::CONTENT_ENCODING], "gzip");
    let compressed = gzip.bytes().await.unwrap();
    assert!(
        compressed.len() * 2 < plain.len(),
        "{} of {}",
        compressed.len(),
        plain.len()
    );

    let anonymous = Client::new()
        .get(format!("{}/catalogue", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_bad_file_changes_nothing() {
    let server = harness::start(None, Limits::DEFAULT).await.unwrap();
    let db = store_db(&server).await;
    let first = store_named(&db, "一店").await;
    catalogue::import(&db, &first, catalogue::SAMPLE, 0)
        .await
        .unwrap();
    let bad = "kind,code,name,spec,unit,hours,price,source,stock\npart,X-1,滤芯,,个,,9.90,,\npart,X-2,滤芯,,个,,九块,,\n";
    let why = catalogue::import(&db, &first, bad, 1).await.unwrap_err();
    assert!(why.starts_with("line 3: price"), "{why}");
    let kept: Catalogue = get(&server, &server.token).await.json().await.unwrap();
    assert_eq!(
        kept.parts.len(),
        catalogue::from_csv(catalogue::SAMPLE, chrono::Utc::now())
            .unwrap()
            .parts
            .len()
    );
    let unknown = catalogue::import(&db, "no such store", catalogue::SAMPLE, 1)
        .await
        .unwrap_err();
    assert!(unknown.contains("no store is named"), "{unknown}");
}
