//! The IndexedDB store in a real browser: a change and its outbox entry are stored together,
//! the list's summaries follow every write and are searched through their indexes, an older
//! database is upgraded with its jobs kept and summarised, a newer tab's upgrade closes this
//! connection instead of being blocked, the sync engine's writes happen only over the
//! revision they were decided on, and browser errors become typed errors.
#![cfg(target_arch = "wasm32")]

use chrono::{TimeZone, Utc};
use lanecheck::storage::idb::{to_store_error, IdbStore, DB_VERSION, UNREADABLE_KEY};
use lanecheck::storage::{JobStore, StoreError};
use lanecheck_domain::plate::Plate;
use lanecheck_domain::store::{commit, save_new, CommitError};
use lanecheck_domain::summary::ListQuery;
use lanecheck_domain::vin::Vin;
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
    assert_eq!(listed(&store, "").await, vec![2, 1], "newest first");
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
async fn an_older_database_is_upgraded_and_its_jobs_are_kept_and_summarised() {
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
        vec!["jobs", "meta", "outbox", "photos", "summaries", "sync"]
    );
    let page = store.list(&ListQuery::new("", 10)).await.unwrap();
    assert_eq!(page.summaries.len(), 1);
    assert_eq!(page.summaries[0].plate.as_str(), "沪AD12345");
    let job = store.job(page.summaries[0].id).await.unwrap().unwrap();
    assert_eq!(job.state, JobState::Booked);
    assert_eq!(listed(&store, "ad123").await, vec![job.id.0.as_u128()]);
    assert_eq!(store.meta(UNREADABLE_KEY).await.unwrap(), None);
}

#[wasm_bindgen_test]
async fn the_upgrade_to_summaries_keeps_every_job_and_counts_what_it_cannot_read() {
    fresh("t-v3").await;
    let old = IdbStore::open_at("t-v3", 3, || {}).await.unwrap();
    old.close();
    for n in 1..=3 {
        let record = lanecheck_domain::schema::store(&car(n, "京A12345", None)).unwrap();
        JsFuture::from(put_raw("t-v3", "jobs", &record))
            .await
            .unwrap();
    }
    JsFuture::from(put_raw(
        "t-v3",
        "jobs",
        r#"{"schema": 2, "job": {"id": "x"}}"#,
    ))
    .await
    .unwrap();

    let store = IdbStore::open("t-v3", || {}).await.unwrap();
    assert_eq!(listed(&store, "").await, vec![3, 2, 1]);
    assert_eq!(
        store.meta(UNREADABLE_KEY).await.unwrap().as_deref(),
        Some("1")
    );
    // The unreadable record is left as it was, beside the others.
    let raw = store.job(JobId(uuid::Uuid::from_u128(1))).await.unwrap();
    assert!(raw.is_some());
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

async fn listed(store: &IdbStore, typed: &str) -> Vec<u128> {
    let page = store.list(&ListQuery::new(typed, 10)).await.unwrap();
    page.summaries.iter().map(|s| s.id.0.as_u128()).collect()
}

fn car(n: u128, plate: &str, vin: Option<&str>) -> Job {
    let mut car = job(n);
    car.vehicle.plate = Plate::parse(plate).unwrap();
    car.vehicle.vin = vin.map(|v| Vin::parse(v).unwrap());
    car
}

#[wasm_bindgen_test]
async fn the_list_reads_a_window_of_summaries_and_searches_through_the_index() {
    fresh("t-list").await;
    let store = IdbStore::open("t-list", || {}).await.unwrap();
    let now = lanecheck::platform::clock::now();
    let vin = "LSVAU2180N2183294";
    for c in [
        car(1, "京A12345", None),
        car(2, "沪B67890", Some(vin)),
        car(3, "京A12345", None),
        car(4, "粤C11111", None),
    ] {
        save_new(&store, &c, now).await.unwrap();
    }
    assert_eq!(listed(&store, "").await, vec![4, 3, 2, 1]);
    let window = store.list(&ListQuery::new("", 3)).await.unwrap();
    assert_eq!(window.summaries.len(), 3);
    assert!(window.more);
    assert!(!store.list(&ListQuery::new("", 4)).await.unwrap().more);
    assert_eq!(listed(&store, "a123").await, vec![3, 1]);
    assert_eq!(listed(&store, "2345").await, vec![3, 1]);
    assert_eq!(listed(&store, "183294").await, vec![2]);
    assert_eq!(listed(&store, "lsvau").await, vec![2]);
    // A plate with several suffixes that start as typed is listed once.
    assert_eq!(listed(&store, "11").await, vec![4]);
    assert_eq!(listed(&store, "京Z").await, Vec::<u128>::new());

    // A change of plate moves the job in the index; the other visits of a car are found by
    // plate and by VIN.
    let mut moved = store
        .job(car(1, "京A12345", None).id)
        .await
        .unwrap()
        .unwrap();
    moved.revision += 1;
    moved.vehicle.vin = Some(Vin::parse(vin).unwrap());
    moved.vehicle.plate = Plate::parse("京A54321").unwrap();
    save_new(&store, &moved, now).await.unwrap();
    assert_eq!(listed(&store, "a123").await, vec![3]);
    assert_eq!(listed(&store, "54321").await, vec![1]);
    let mut visits: Vec<u128> = store
        .visits(&car(9, "京A12345", Some(vin)))
        .await
        .unwrap()
        .iter()
        .map(|j| j.id.0.as_u128())
        .collect();
    visits.sort();
    assert_eq!(visits, vec![1, 2, 3]);

    // A job removed by sync leaves the list too.
    let three = car(3, "京A12345", None);
    assert!(store.remove(three.id, three.revision).await.unwrap());
    assert_eq!(listed(&store, "").await, vec![4, 2, 1]);
}

/// A job delivered `age_days` ago, with a photo and a damage mark.
fn delivered(n: u128, age_days: i64, sha: &str) -> Job {
    use lanecheck_domain::inspection::*;
    let now = lanecheck::platform::clock::now();
    let mut job = car(n, "京A12345", None);
    job.state = JobState::Delivered;
    job.updated_at = now - chrono::Duration::days(age_days);
    job.created_at = job.updated_at - chrono::Duration::hours(2);
    job.photos.push(PhotoRef {
        sha256: sha.into(),
        target: PhotoTarget::Job,
        width: 1,
        height: 1,
        bytes: 3,
        taken_at: job.created_at,
    });
    job.damage.push(DamageMark {
        id: 1,
        view: View::Left,
        x: 0.5,
        y: 0.5,
        kind: DamageKind::Scratch,
        severity: Severity::Minor,
        note: format!("划痕 {n}"),
        pointed_out: true,
    });
    job
}

#[wasm_bindgen_test]
async fn only_finished_jobs_the_server_holds_leave_the_device_and_their_summaries_stay() {
    fresh("t-evict").await;
    let store = IdbStore::open("t-evict", || {}).await.unwrap();
    let now = lanecheck::platform::clock::now();
    let blob = web_sys::Blob::new().unwrap();
    for sha in ["a1", "b2", "c3", "d4", "e5"] {
        store.put_blob(sha, &blob).await.unwrap();
    }
    // Held by the server and old: leaves.
    let gone = delivered(1, 100, "a1");
    assert!(store
        .adopt(&gone, &synced("1", gone.revision), None)
        .await
        .unwrap());
    // Old, but a change of it waits to be pushed: stays.
    let queued = delivered(2, 100, "b2");
    save_new(&store, &queued, now).await.unwrap();
    store
        .set_job_sync(queued.id, &synced("1", queued.revision))
        .await
        .unwrap();
    // Old, but its last push was refused by the server: stays.
    let conflict = delivered(3, 100, "c3");
    let mut in_conflict = synced("1", conflict.revision);
    in_conflict.refused = Some("422".into());
    assert!(store.adopt(&conflict, &in_conflict, None).await.unwrap());
    // Held, but delivered only 10 days ago: stays.
    let recent = delivered(4, 10, "d4");
    assert!(store
        .adopt(&recent, &synced("1", recent.revision), None)
        .await
        .unwrap());
    // Held and old, but not finished: stays.
    let mut open = delivered(5, 100, "e5");
    open.state = JobState::InRepair;
    assert!(store
        .adopt(&open, &synced("1", open.revision), None)
        .await
        .unwrap());

    assert_eq!(store.evict(now, 90).await.unwrap(), 1);
    assert_eq!(store.job(gone.id).await.unwrap(), None);
    assert!(
        store.blob("a1").await.unwrap().is_none(),
        "its photo left with it"
    );
    assert_eq!(store.job_sync(gone.id).await.unwrap(), JobSync::default());
    for (kept, sha) in [
        (&queued, "b2"),
        (&conflict, "c3"),
        (&recent, "d4"),
        (&open, "e5"),
    ] {
        assert!(store.job(kept.id).await.unwrap().is_some());
        assert!(store.blob(sha).await.unwrap().is_some());
    }
    // Its summary stays: listed, found, and its damage is old damage on the car's next visit.
    let mut all = listed(&store, "").await;
    all.sort();
    assert_eq!(all, vec![1, 2, 3, 4, 5]);
    let page = store.list(&ListQuery::new("", 10)).await.unwrap();
    assert!(
        !page
            .summaries
            .iter()
            .find(|s| s.id == gone.id)
            .unwrap()
            .on_device
    );
    let next = car(9, "京A12345", None);
    let visits = store.visits(&next).await.unwrap();
    let old = visits.iter().find(|v| v.id == gone.id).unwrap();
    assert_eq!(old.damage[0].note, "划痕 1");
    // A page that still showed it cannot write it back.
    let mut edited = gone.clone();
    edited.revision += 1;
    assert_eq!(save_new(&store, &edited, now).await, Err(StoreError::Stale));
    assert_eq!(store.job(gone.id).await.unwrap(), None);
    // Nothing more leaves on a second pass.
    assert_eq!(store.evict(now, 90).await.unwrap(), 0);
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
    // Only a refused or conflicting job needs attention, whatever else is stored.
    assert_eq!(store.troubled().await.unwrap(), vec![]);
    let mut refused = synced("3", 1);
    refused.refused = Some("422: plate".into());
    store.set_job_sync(other.id, &refused).await.unwrap();
    assert_eq!(
        store.troubled().await.unwrap(),
        vec![(other.id, refused.clone())]
    );
    let mut clash = synced("3", 1);
    clash.conflict = Some(lanecheck_sync::protocol::Stored {
        id: mine.id,
        version: "8".into(),
        deleted: false,
        document: Some(mine.clone()),
    });
    store.set_job_sync(mine.id, &clash).await.unwrap();
    let mut troubled = store.troubled().await.unwrap();
    troubled.sort_by_key(|(id, _)| *id);
    let mut wanted = vec![(other.id, refused), (mine.id, clash)];
    wanted.sort_by_key(|(id, _)| *id);
    assert_eq!(troubled, wanted);
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
