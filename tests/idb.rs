//! The IndexedDB store in a real browser: a change and its outbox entry are stored together,
//! an older database is upgraded with its jobs kept, a newer tab's upgrade closes this
//! connection instead of being blocked, the sync engine's writes happen only over the
//! revision they were decided on, and browser errors become typed errors.
#![cfg(target_arch = "wasm32")]

use chrono::{TimeZone, Utc};
use lanecheck::storage::idb::{to_store_error, IdbStore, DB_VERSION};
use lanecheck::storage::{JobStore, StoreError};
use lanecheck_domain::plate::Plate;
use lanecheck_domain::store::{commit, save_new, CommitError};
use lanecheck_domain::{ActorId, Command, Job, JobId, JobState, NewJob, Visit};
use lanecheck_sync::engine::{JobSync, SyncStore};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function putRaw(name, store, json) {
  return new Promise((ok, fail) => {
    const open = indexedDB.open(name);
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(store, "readwrite");
      tx.objectStore(store).put(JSON.parse(json));
      tx.oncomplete = () => { db.close(); ok(); };
      tx.onabort = () => { db.close(); fail(tx.error); };
    };
  });
}
export function dropDb(name) {
  return new Promise((ok) => { const r = indexedDB.deleteDatabase(name); r.onsuccess = r.onerror = r.onblocked = () => ok(); });
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = putRaw)]
    fn put_raw(name: &str, store: &str, json: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = dropDb)]
    fn drop_db(name: &str) -> js_sys::Promise;
}

async fn fresh(name: &str) {
    JsFuture::from(drop_db(name)).await.unwrap();
}

fn job(n: u128) -> Job {
    Job::open(
        NewJob {
            id: JobId(uuid::Uuid::from_u128(n)),
            visit: Visit::WalkIn,
            plate: Plate::parse("京A12345").unwrap(),
            store_items: vec![],
        },
        Utc.timestamp_opt(1_790_000_000 + n as i64, 0).unwrap(),
        ActorId("王".into()),
    )
}

#[wasm_bindgen_test]
async fn a_change_and_its_outbox_entry_are_stored_together() {
    fresh("t-save").await;
    let store = IdbStore::open("t-save", || {}).await.unwrap();
    let first = job(1);
    save_new(&store, &first, first.created_at).await.unwrap();
    let next = commit(
        &store,
        &first,
        Command::StartInspection,
        first.created_at,
        ActorId("王".into()),
    )
    .await
    .unwrap();
    save_new(&store, &job(2), first.created_at).await.unwrap();

    assert_eq!(
        store.job(first.id).await.unwrap().unwrap().state,
        JobState::Inspecting
    );
    assert_eq!(store.job(next.id).await.unwrap(), Some(next));
    let listed: Vec<u128> = store
        .jobs()
        .await
        .unwrap()
        .jobs
        .iter()
        .map(|j| j.id.0.as_u128())
        .collect();
    assert_eq!(listed, vec![2, 1], "newest first");
    let revisions: Vec<u64> = store
        .outbox()
        .await
        .unwrap()
        .iter()
        .map(|e| e.revision)
        .collect();
    assert_eq!(revisions, vec![1, 2, 1]);
    // A change made on a copy older than the stored one (sync stored a newer) is refused.
    let stale = commit(
        &store,
        &first,
        Command::Greet,
        first.created_at,
        ActorId("王".into()),
    )
    .await;
    assert_eq!(stale, Err(CommitError::Store(StoreError::Stale)));
    assert_eq!(store.outbox().await.unwrap().len(), 3);
    assert_eq!(
        store.job(JobId(uuid::Uuid::from_u128(9))).await.unwrap(),
        None
    );
}

#[wasm_bindgen_test]
async fn an_older_database_is_upgraded_and_its_jobs_are_kept() {
    fresh("t-migrate").await;
    let old = IdbStore::open_at("t-migrate", 1, || {}).await.unwrap();
    assert_eq!(old.store_names(), vec!["jobs", "meta", "outbox"]);
    old.close();
    let v1_record = include_str!("../crates/domain/tests/fixtures/job_v1.json");
    JsFuture::from(put_raw("t-migrate", "jobs", v1_record))
        .await
        .unwrap();

    let store = IdbStore::open("t-migrate", || {}).await.unwrap();
    assert_eq!(
        store.store_names(),
        vec!["jobs", "meta", "outbox", "photos", "sync"]
    );
    let jobs = store.jobs().await.unwrap().jobs;
    assert_eq!(jobs.len(), 1);
    assert_eq!(jobs[0].vehicle.plate.as_str(), "沪AD12345");
    assert_eq!(jobs[0].state, JobState::Booked);
}

#[wasm_bindgen_test]
async fn a_newer_tab_closes_this_connection_instead_of_blocking() {
    fresh("t-newer").await;
    let closed = Rc::new(Cell::new(false));
    let flag = closed.clone();
    let store = IdbStore::open("t-newer", move || flag.set(true))
        .await
        .unwrap();

    // A newer app version opens the same database at a higher version: it must not hang.
    let newer = IdbStore::open_at("t-newer", DB_VERSION + 1, || {})
        .await
        .unwrap();
    assert!(closed.get());
    let refused = save_new(&store, &job(1), lanecheck::platform::clock::now()).await;
    assert_eq!(refused, Err(StoreError::VersionChange));
    save_new(&newer, &job(1), lanecheck::platform::clock::now())
        .await
        .unwrap();
}

#[wasm_bindgen_test]
async fn an_unreadable_record_is_counted_and_does_not_hide_the_others() {
    fresh("t-corrupt").await;
    let store = IdbStore::open("t-corrupt", || {}).await.unwrap();
    save_new(&store, &job(1), lanecheck::platform::clock::now())
        .await
        .unwrap();
    store.close();
    JsFuture::from(put_raw(
        "t-corrupt",
        "jobs",
        r#"{"schema": 2, "job": {"id": "x"}}"#,
    ))
    .await
    .unwrap();
    let store = IdbStore::open("t-corrupt", || {}).await.unwrap();
    let listing = store.jobs().await.unwrap();
    assert_eq!(listing.unreadable, 1);
    assert_eq!(listing.jobs.len(), 1);
}

async fn outbox_revisions(store: &IdbStore) -> Vec<u64> {
    let outbox = store.outbox().await.unwrap();
    outbox.iter().map(|e| e.revision).collect()
}

fn synced(version: &str, revision: u64) -> JobSync {
    JobSync {
        version: Some(version.into()),
        revision,
        ..JobSync::default()
    }
}

#[wasm_bindgen_test]
async fn sync_writes_happen_only_over_the_revision_they_were_decided_on() {
    fresh("t-sync").await;
    let store = IdbStore::open("t-sync", || {}).await.unwrap();
    let (now, actor) = (lanecheck::platform::clock::now(), ActorId("王".into()));
    let first = job(1);
    save_new(&store, &first, now).await.unwrap();
    let mine = commit(&store, &first, Command::StartInspection, now, actor)
        .await
        .unwrap();
    let id = first.id;

    // A confirmed push drops the outbox entries up to its revision, and only those.
    store.confirm(id, &synced("7", 1)).await.unwrap();
    assert_eq!(outbox_revisions(&store).await, vec![2]);
    assert_eq!(store.job_sync(id).await.unwrap(), synced("7", 1));

    // The server's document is adopted only over the copy it was compared with.
    let mut theirs = mine.clone();
    theirs.revision = 3;
    assert!(!store
        .adopt(&theirs, &synced("9", 3), Some(1))
        .await
        .unwrap());
    assert_eq!(store.job(id).await.unwrap(), Some(mine.clone()));
    assert_eq!(outbox_revisions(&store).await, vec![2]);
    assert!(store
        .adopt(&theirs, &synced("9", 3), Some(2))
        .await
        .unwrap());
    assert_eq!(store.job(id).await.unwrap(), Some(theirs.clone()));
    assert_eq!(outbox_revisions(&store).await, Vec::<u64>::new());
    assert_eq!(store.job_sync(id).await.unwrap(), synced("9", 3));

    // A rebased job is a change to push.
    let mut rebased = theirs.clone();
    rebased.revision = 4;
    assert!(!store.rebase(&rebased, &synced("9", 3), 1).await.unwrap());
    assert!(store.rebase(&rebased, &synced("9", 3), 3).await.unwrap());
    assert_eq!(outbox_revisions(&store).await, vec![rebased.revision]);

    // A deletion on the server removes the job, its outbox and its sync state together.
    assert!(!store.remove(id, 1).await.unwrap());
    assert!(store.remove(id, rebased.revision).await.unwrap());
    assert_eq!(store.job(id).await.unwrap(), None);
    assert_eq!(outbox_revisions(&store).await, Vec::<u64>::new());
    assert_eq!(store.job_sync(id).await.unwrap(), JobSync::default());

    // A job the device never had is adopted once; the feed cursor is kept.
    let other = job(5);
    assert!(store.adopt(&other, &synced("3", 1), None).await.unwrap());
    assert!(!store.adopt(&other, &synced("3", 1), None).await.unwrap());
    assert_eq!(
        store.sync_states().await.unwrap(),
        vec![(other.id, synced("3", 1))]
    );
    assert_eq!(store.cursor().await.unwrap(), "");
    store.set_cursor("42").await.unwrap();
    assert_eq!(store.cursor().await.unwrap(), "42");
}

#[wasm_bindgen_test]
async fn meta_values_round_trip() {
    fresh("t-meta").await;
    let store = IdbStore::open("t-meta", || {}).await.unwrap();
    assert_eq!(store.meta("advisor").await.unwrap(), None);
    store.set_meta("advisor", "王小明").await.unwrap();
    assert_eq!(
        store.meta("advisor").await.unwrap().as_deref(),
        Some("王小明")
    );
}

#[wasm_bindgen_test]
fn browser_errors_become_typed_errors() {
    let dom = |name: &str| {
        web_sys::DomException::new_with_message_and_name("test", name)
            .unwrap()
            .into()
    };
    assert_eq!(
        to_store_error(dom("QuotaExceededError")),
        StoreError::QuotaExceeded
    );
    assert_eq!(
        to_store_error(dom("VersionError")),
        StoreError::VersionChange
    );
    assert_eq!(
        to_store_error(dom("UnknownError")),
        StoreError::Unavailable("UnknownError".into())
    );
}
