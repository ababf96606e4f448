//! The IndexedDB store.
//!
//! Database `lanecheck`, object stores:
//! - `jobs`: one record per job, `{schema, job}` (see the domain's `schema`), key `job.id`;
//! - `outbox`: changes waiting for sync (`OutboxEntry`), auto-incremented key, oldest first;
//! - `photos`: photo and signature blobs, keyed by their SHA-256 (filled by the check-in);
//! - `meta`: small per-device values (the advisor's name, sync settings, the feed cursor),
//!   keyed by name;
//! - `sync`: what the sync engine remembers of each job (`JobSync`), keyed by job id, with
//!   indexes `refused` and `conflict` (since version 4) that hold only the jobs needing
//!   attention;
//! - `summaries`: the job list's record of each job (the domain's `Summary`), key `id`,
//!   written in the same transaction as its job; index `rank` (newest first) for the list's
//!   window, multi-entry index `terms` for search by prefix and for a vehicle's other visits,
//!   index `updated` for the jobs that may leave the device (`evict`); a summary stays when its
//!   job leaves.
//!   Version 4 added it: the upgrade summarises the jobs already stored, in the upgrade's own
//!   transaction, so no page ever sees a database with jobs and without their summaries; a
//!   record it cannot read is left as it is and counted in `meta` (`unreadable_jobs`).
//!
//! Records are written as plain JS objects parsed from the domain's JSON, so they stay
//! readable in the browser's dev tools and by later schema upgrades. A job change and its
//! outbox entry go into one transaction, which first checks that the stored copy is older
//! (sync may have stored a newer one), and `save_change` returns only after the
//! transaction's `complete` event: when it says "saved", the data is on disk.
//!
//! The sync worker uses the same store (`SyncStore`): each of its writes over a job is one
//! readwrite transaction that first reads the job's revision and writes only if it is the one
//! the engine decided on, so an edit made in a page meanwhile is never overwritten. The
//! database is reached through the global scope, which is a window in the pages and a worker
//! scope in the sync worker.
//!
//! When a newer tab opens the database at a higher version, this connection closes itself
//! (instead of blocking the upgrade) and reports it, so the page can ask for a reload.

use chrono::{DateTime, Duration, Utc};
use lanecheck_domain::prior_damage::same_vehicle;
use lanecheck_domain::retention::{is_finished, may_leave};
use lanecheck_domain::schema::{restore, store as to_record};
use lanecheck_domain::store::{JobStore, OutboxEntry, StoreError};
use lanecheck_domain::summary::{
    page_of, search_reads, vehicle_terms, ListPage, ListQuery, Summary,
};
use lanecheck_domain::{Job, JobId};
use lanecheck_sync::engine::{JobSync, SyncStore};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DomException, IdbCursorWithValue, IdbDatabase, IdbFactory, IdbIndexParameters, IdbKeyRange,
    IdbObjectStore, IdbObjectStoreParameters, IdbOpenDbRequest, IdbRequest, IdbTransaction,
    IdbTransactionMode,
};

pub const DB_NAME: &str = "lanecheck";
/// The newest database layout; `migrate` knows every step up to it.
pub const DB_VERSION: u32 = 4;

const JOBS: &str = "jobs";
const OUTBOX: &str = "outbox";
const PHOTOS: &str = "photos";
const META: &str = "meta";
const SYNC: &str = "sync";
const SUMMARIES: &str = "summaries";
const BY_RANK: &str = "rank";
const BY_TERM: &str = "terms";
const BY_UPDATED: &str = "updated";
const BY_REFUSAL: &str = "refused";
const BY_CONFLICT: &str = "conflict";
const CURSOR_KEY: &str = "sync_cursor";
/// How many stored jobs the upgrade to version 4 could not read (absent when none).
pub const UNREADABLE_KEY: &str = "unreadable_jobs";

#[wasm_bindgen(inline_js = r#"
export function settle(r) {
  return new Promise((ok, fail) => {
    r.onsuccess = () => ok(r.result);
    r.onerror = (e) => { e.preventDefault(); fail(r.error); };
  });
}
export function completion(tx) {
  return new Promise((ok, fail) => {
    tx.oncomplete = () => ok();
    tx.onabort = () => fail(tx.error || new DOMException('Transaction aborted', 'AbortError'));
  });
}
"#)]
extern "C" {
    /// Resolves with an `IDBRequest`'s result, rejects with its error.
    fn settle(request: &IdbRequest) -> js_sys::Promise;
    /// Resolves when a transaction has committed, rejects when it aborted.
    fn completion(tx: &IdbTransaction) -> js_sys::Promise;
}

pub struct IdbStore {
    db: IdbDatabase,
    closed: Rc<Cell<bool>>,
    _on_version_change: Closure<dyn FnMut()>,
}

impl IdbStore {
    /// Opens (creating or upgrading) the app's database. `on_closed` runs when a newer
    /// version of the app, in another tab, takes the database over.
    pub async fn open(name: &str, on_closed: impl Fn() + 'static) -> Result<IdbStore, StoreError> {
        Self::open_at(name, DB_VERSION, on_closed).await
    }

    /// Opens at a given layout version; tests use it to build an older database.
    pub async fn open_at(
        name: &str,
        version: u32,
        on_closed: impl Fn() + 'static,
    ) -> Result<IdbStore, StoreError> {
        let factory: IdbFactory = js_sys::Reflect::get(&js_sys::global(), &"indexedDB".into())
            .ok()
            .and_then(|f| f.dyn_into().ok())
            .ok_or_else(|| StoreError::Unavailable("indexedDB".into()))?;
        let request = factory
            .open_with_u32(name, version)
            .map_err(to_store_error)?;
        let upgrading = request.clone();
        let on_upgrade = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new(
            move |event: web_sys::IdbVersionChangeEvent| {
                // A failed step throws inside the upgrade, which aborts it and fails the open.
                if let Err(err) = migrate(&upgrading, event.old_version() as u32, version) {
                    wasm_bindgen::throw_val(err);
                }
            },
        );
        request.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
        let db: IdbDatabase = JsFuture::from(settle(&request))
            .await
            .map_err(to_store_error)?
            .unchecked_into();
        request.set_onupgradeneeded(None);

        let closed = Rc::new(Cell::new(false));
        let (conn, flag) = (db.clone(), closed.clone());
        let on_version_change = Closure::<dyn FnMut()>::new(move || {
            conn.close();
            flag.set(true);
            on_closed();
        });
        db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
        Ok(IdbStore {
            db,
            closed,
            _on_version_change: on_version_change,
        })
    }

    /// The names of the object stores, for tests of the layout.
    pub fn store_names(&self) -> Vec<String> {
        let names = self.db.object_store_names();
        (0..names.length()).filter_map(|i| names.item(i)).collect()
    }

    pub fn close(&self) {
        self.db.close();
        self.closed.set(true);
    }

    pub async fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        let value = self.get(META, &JsValue::from_str(key)).await?;
        Ok(value.as_string())
    }

    pub async fn set_meta(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let tx = self.transaction(&[META], IdbTransactionMode::Readwrite)?;
        let store = tx.object_store(META).map_err(to_store_error)?;
        store
            .put_with_key(&JsValue::from_str(value), &JsValue::from_str(key))
            .map_err(to_store_error)?;
        JsFuture::from(completion(&tx))
            .await
            .map_err(to_store_error)?;
        Ok(())
    }

    /// Stores a blob (a photo, a signature) under its SHA-256; storing it again is harmless.
    pub async fn put_blob(&self, sha256: &str, blob: &web_sys::Blob) -> Result<(), StoreError> {
        let tx = self.transaction(&[PHOTOS], IdbTransactionMode::Readwrite)?;
        let done = completion(&tx);
        let store = tx.object_store(PHOTOS).map_err(to_store_error)?;
        store
            .put_with_key(blob, &JsValue::from_str(sha256))
            .map_err(to_store_error)?;
        JsFuture::from(done).await.map_err(to_store_error)?;
        Ok(())
    }

    pub async fn blob(&self, sha256: &str) -> Result<Option<web_sys::Blob>, StoreError> {
        let value = self.get(PHOTOS, &JsValue::from_str(sha256)).await?;
        Ok(value.dyn_into().ok())
    }

    fn transaction(
        &self,
        stores: &[&str],
        mode: IdbTransactionMode,
    ) -> Result<IdbTransaction, StoreError> {
        if self.closed.get() {
            return Err(StoreError::VersionChange);
        }
        let names = js_sys::Array::new();
        for store in stores {
            names.push(&JsValue::from_str(store));
        }
        self.db
            .transaction_with_str_sequence_and_mode(&names, mode)
            .map_err(to_store_error)
    }

    async fn get(&self, store: &str, key: &JsValue) -> Result<JsValue, StoreError> {
        let tx = self.transaction(&[store], IdbTransactionMode::Readonly)?;
        let request = tx
            .object_store(store)
            .and_then(|s| s.get(key))
            .map_err(to_store_error)?;
        JsFuture::from(settle(&request))
            .await
            .map_err(to_store_error)
    }

    async fn get_all(&self, store: &str) -> Result<js_sys::Array, StoreError> {
        let tx = self.transaction(&[store], IdbTransactionMode::Readonly)?;
        let request = tx
            .object_store(store)
            .and_then(|s| s.get_all())
            .map_err(to_store_error)?;
        let all = JsFuture::from(settle(&request))
            .await
            .map_err(to_store_error)?;
        Ok(all.unchecked_into())
    }
}

impl JobStore for IdbStore {
    async fn save_change(&self, job: &Job, entry: &OutboxEntry) -> Result<(), StoreError> {
        let record = JobRecord::of(job)?;
        let entry = to_js(entry)?;
        let stored = self.write_over(job.id, None, async |tx| {
            let current = request(store_of(tx, JOBS)?.get(&key(job.id))).await?;
            if !current.is_undefined() && from_record(&current)?.revision >= job.revision {
                return Err(StoreError::Stale);
            }
            // A job that has left the device is the server's now: a page still showing it
            // does not write it back (without its sync state it would be pushed as new).
            if current.is_undefined() && job.revision > 1 {
                let summary = request(store_of(tx, SUMMARIES)?.get(&key(job.id))).await?;
                if !summary.is_undefined() {
                    return Err(StoreError::Stale);
                }
            }
            record.put(tx)?;
            store_of(tx, OUTBOX)?.add(&entry).map_err(to_store_error)?;
            Ok(())
        });
        stored.await.map(|_| ())
    }

    async fn job(&self, id: JobId) -> Result<Option<Job>, StoreError> {
        let record = self.get(JOBS, &JsValue::from_str(&id.to_string())).await?;
        if record.is_undefined() {
            return Ok(None);
        }
        from_record(&record).map(Some)
    }

    async fn list(&self, query: &ListQuery) -> Result<ListPage, StoreError> {
        let tx = self.transaction(&[SUMMARIES], IdbTransactionMode::Readonly)?;
        let summaries = store_of(&tx, SUMMARIES)?;
        let (read, complete) = if query.term.is_empty() {
            let index = summaries.index(BY_RANK).map_err(to_store_error)?;
            let newest = index.get_all_with_key_and_limit(&JsValue::NULL, limit(query.limit + 1));
            (request(newest).await?, true)
        } else {
            let index = summaries.index(BY_TERM).map_err(to_store_error)?;
            let (term, reads) = (&query.term, limit(search_reads(query.limit)));
            let range = IdbKeyRange::bound(&term.into(), &format!("{term}\u{ffff}").into())
                .map_err(to_store_error)?;
            let found = request(index.get_all_with_key_and_limit(&range, reads)).await?;
            let complete = found.unchecked_ref::<js_sys::Array>().length() < reads;
            (found, complete)
        };
        let read: js_sys::Array = read.unchecked_into();
        // A summary this app cannot read (a newer app's) is left out rather than hiding all.
        let read = read.iter().filter_map(|s| from_js(&s).ok()).collect();
        Ok(page_of(read, query, complete))
    }

    async fn visits(&self, job: &Job) -> Result<Vec<Summary>, StoreError> {
        let tx = self.transaction(&[SUMMARIES], IdbTransactionMode::Readonly)?;
        let index = store_of(&tx, SUMMARIES)?
            .index(BY_TERM)
            .map_err(to_store_error)?;
        let mut visits: Vec<Summary> = Vec::new();
        for term in vehicle_terms(job) {
            let found = request(index.get_all_with_key(&term.into())).await?;
            for summary in found.unchecked_ref::<js_sys::Array>().iter() {
                let Ok(visit) = from_js::<Summary>(&summary) else {
                    continue;
                };
                if visit.id != job.id
                    && same_vehicle(job, &visit)
                    && visits.iter().all(|v| v.id != visit.id)
                {
                    visits.push(visit);
                }
            }
        }
        Ok(visits)
    }

    async fn outbox(&self) -> Result<Vec<OutboxEntry>, StoreError> {
        let records = self.get_all(OUTBOX).await?;
        records.iter().map(|r| from_js(&r)).collect()
    }
}

impl SyncStore for IdbStore {
    async fn job_sync(&self, id: JobId) -> Result<JobSync, StoreError> {
        let value = self.get(SYNC, &key(id)).await?;
        if value.is_undefined() {
            return Ok(JobSync::default());
        }
        from_js(&value)
    }

    async fn set_job_sync(&self, id: JobId, sync: &JobSync) -> Result<(), StoreError> {
        let tx = self.transaction(&[SYNC], IdbTransactionMode::Readwrite)?;
        let done = JsFuture::from(completion(&tx));
        put_sync(&tx, id, sync)?;
        done.await.map_err(to_store_error)?;
        Ok(())
    }

    async fn confirm(&self, id: JobId, sync: &JobSync) -> Result<(), StoreError> {
        self.write_over(id, None, async |tx| {
            drop_outbox(tx, id, Some(sync.revision)).await?;
            put_sync(tx, id, sync)
        })
        .await
        .map(|_| ())
    }

    async fn adopt(
        &self,
        job: &Job,
        sync: &JobSync,
        replaces: Option<u64>,
    ) -> Result<bool, StoreError> {
        let record = JobRecord::of(job)?;
        self.write_over(job.id, Some(replaces), async |tx| {
            record.put(tx)?;
            drop_outbox(tx, job.id, None).await?;
            put_sync(tx, job.id, sync)
        })
        .await
    }

    async fn rebase(&self, job: &Job, sync: &JobSync, replaces: u64) -> Result<bool, StoreError> {
        let record = JobRecord::of(job)?;
        let entry = to_js(&OutboxEntry::of(job, job.updated_at))?;
        self.write_over(job.id, Some(Some(replaces)), async |tx| {
            record.put(tx)?;
            store_of(tx, OUTBOX)?.add(&entry).map_err(to_store_error)?;
            put_sync(tx, job.id, sync)
        })
        .await
    }

    async fn remove(&self, id: JobId, replaces: u64) -> Result<bool, StoreError> {
        self.write_over(id, Some(Some(replaces)), async |tx| {
            for name in [JOBS, SUMMARIES] {
                store_of(tx, name)?
                    .delete(&key(id))
                    .map_err(to_store_error)?;
            }
            drop_outbox(tx, id, None).await?;
            store_of(tx, SYNC)?
                .delete(&key(id))
                .map_err(to_store_error)?;
            Ok(())
        })
        .await
    }

    async fn cursor(&self) -> Result<String, StoreError> {
        Ok(self.meta(CURSOR_KEY).await?.unwrap_or_default())
    }

    async fn set_cursor(&self, cursor: &str) -> Result<(), StoreError> {
        self.set_meta(CURSOR_KEY, cursor).await
    }
}

impl IdbStore {
    /// What the engine remembers of the jobs it could not bring in step (refused or in
    /// conflict), read through the `refused` and `conflict` indexes: a job in step is in
    /// neither, so this costs the same with 10 or 10,000 jobs.
    pub async fn troubled(&self) -> Result<Vec<(JobId, JobSync)>, StoreError> {
        let tx = self.transaction(&[SYNC], IdbTransactionMode::Readonly)?;
        let mut found: Vec<(JobId, JobSync)> = Vec::new();
        for name in [BY_REFUSAL, BY_CONFLICT] {
            let index = store_of(&tx, SYNC)?.index(name).map_err(to_store_error)?;
            let keys = request(index.get_all_keys()).await?;
            let states = request(index.get_all()).await?;
            let keys: &js_sys::Array = keys.unchecked_ref();
            for (key, state) in keys
                .iter()
                .zip(states.unchecked_ref::<js_sys::Array>().iter())
            {
                let Some(id) = key.as_string().and_then(|k| JobId::parse(&k)) else {
                    continue;
                };
                if found.iter().all(|(known, _)| *known != id) {
                    found.push((id, from_js(&state)?));
                }
            }
        }
        Ok(found)
    }

    /// The summary of job `id`, also of one that has left the device.
    pub async fn summary(&self, id: JobId) -> Result<Option<Summary>, StoreError> {
        let value = self.get(SUMMARIES, &key(id)).await?;
        match value.is_undefined() {
            true => Ok(None),
            false => from_js(&value).map(Some),
        }
    }

    /// Lets every job leave the device that `retention::may_leave` allows at `now`: its record,
    /// its photos and signature and its sync state are deleted and its summary is marked as no
    /// longer on the device, each job in one transaction that first checks, in that
    /// transaction, that the server still holds it and nothing of it is queued. Returns how
    /// many left.
    pub async fn evict(&self, now: DateTime<Utc>, keep_days: u32) -> Result<u32, StoreError> {
        let cutoff = now - Duration::days(i64::from(keep_days));
        let candidates = {
            let tx = self.transaction(&[SUMMARIES], IdbTransactionMode::Readonly)?;
            let index = store_of(&tx, SUMMARIES)?
                .index(BY_UPDATED)
                .map_err(to_store_error)?;
            let range =
                IdbKeyRange::upper_bound(&JsValue::from_f64(cutoff.timestamp_millis() as f64))
                    .map_err(to_store_error)?;
            let found = request(index.get_all_with_key(&range)).await?;
            let found: js_sys::Array = found.unchecked_into();
            found
                .iter()
                .filter_map(|s| from_js::<Summary>(&s).ok())
                .filter(|s| s.on_device && is_finished(s.state))
                .collect::<Vec<_>>()
        };
        let mut left = 0;
        for candidate in candidates {
            if self.evict_one(&candidate, now, keep_days).await? {
                left += 1;
            }
        }
        Ok(left)
    }

    async fn evict_one(
        &self,
        candidate: &Summary,
        now: DateTime<Utc>,
        keep_days: u32,
    ) -> Result<bool, StoreError> {
        let stores = [JOBS, SUMMARIES, OUTBOX, SYNC, PHOTOS];
        let tx = self.transaction(&stores, IdbTransactionMode::Readwrite)?;
        let done = JsFuture::from(completion(&tx));
        let id = key(candidate.id);
        let result = async {
            let record = request(store_of(&tx, JOBS)?.get(&id)).await?;
            let sync = request(store_of(&tx, SYNC)?.get(&id)).await?;
            if record.is_undefined() || sync.is_undefined() {
                return Ok(false);
            }
            let job = from_record(&record)?;
            let sync: JobSync = from_js(&sync)?;
            let queued = outbox_keys(&tx, candidate.id, None).await?;
            let mut summary = Summary::of(&job);
            let held = queued.is_empty() && sync.holds(job.revision);
            if !may_leave(&summary, held, now, keep_days) {
                return Ok(false);
            }
            let photos = store_of(&tx, PHOTOS)?;
            let blobs = job.photos.iter().map(|p| &p.sha256);
            for sha in blobs.chain(job.signature.iter().map(|s| &s.png_sha256)) {
                photos
                    .delete(&JsValue::from_str(sha))
                    .map_err(to_store_error)?;
            }
            for name in [JOBS, SYNC] {
                store_of(&tx, name)?.delete(&id).map_err(to_store_error)?;
            }
            summary.on_device = false;
            store_of(&tx, SUMMARIES)?
                .put(&to_js(&summary)?)
                .map_err(to_store_error)?;
            Ok(true)
        }
        .await;
        if result.is_err() {
            let _ = tx.abort();
            let _ = done.await;
            return result;
        }
        done.await.map_err(to_store_error)?;
        result
    }

    /// Runs `write` in one readwrite transaction over the jobs, their summaries, the outbox and
    /// the sync state,
    /// if the job's stored revision is `expect` (`Some(None)`: the job is not stored; `None`:
    /// whatever it is). `false` when it is not, and nothing is written. A failed step aborts
    /// the whole transaction.
    async fn write_over(
        &self,
        id: JobId,
        expect: Option<Option<u64>>,
        write: impl AsyncFnOnce(&IdbTransaction) -> Result<(), StoreError>,
    ) -> Result<bool, StoreError> {
        let tx = self.transaction(
            &[JOBS, SUMMARIES, OUTBOX, SYNC],
            IdbTransactionMode::Readwrite,
        )?;
        let done = JsFuture::from(completion(&tx));
        let result = async {
            if let Some(expected) = expect {
                let current = request(store_of(&tx, JOBS)?.get(&key(id))).await?;
                let revision = match current.is_undefined() {
                    true => None,
                    false => Some(from_record(&current)?.revision),
                };
                if revision != expected {
                    return Ok(false);
                }
            }
            write(&tx).await?;
            Ok(true)
        }
        .await;
        if result.is_err() {
            let _ = tx.abort();
            let _ = done.await;
            return result;
        }
        done.await.map_err(to_store_error)?;
        result
    }
}

fn key(id: JobId) -> JsValue {
    JsValue::from_str(&id.to_string())
}

fn store_of(tx: &IdbTransaction, name: &str) -> Result<IdbObjectStore, StoreError> {
    tx.object_store(name).map_err(to_store_error)
}

async fn request(request: Result<IdbRequest, JsValue>) -> Result<JsValue, StoreError> {
    let request = request.map_err(to_store_error)?;
    JsFuture::from(settle(&request))
        .await
        .map_err(to_store_error)
}

fn put_sync(tx: &IdbTransaction, id: JobId, sync: &JobSync) -> Result<(), StoreError> {
    store_of(tx, SYNC)?
        .put_with_key(&to_js(sync)?, &key(id))
        .map_err(to_store_error)?;
    Ok(())
}

/// The keys of the outbox entries of job `id` (up to revision `up_to`, or all of them).
async fn outbox_keys(
    tx: &IdbTransaction,
    id: JobId,
    up_to: Option<u64>,
) -> Result<Vec<JsValue>, StoreError> {
    let outbox = store_of(tx, OUTBOX)?;
    let keys = request(outbox.get_all_keys()).await?;
    let entries = request(outbox.get_all()).await?;
    let keys: &js_sys::Array = keys.unchecked_ref();
    let mut found = Vec::new();
    for (key, entry) in keys
        .iter()
        .zip(entries.unchecked_ref::<js_sys::Array>().iter())
    {
        let entry: OutboxEntry = from_js(&entry)?;
        if entry.job_id == id && up_to.is_none_or(|r| entry.revision <= r) {
            found.push(key);
        }
    }
    Ok(found)
}

/// Deletes the outbox entries of job `id` (up to revision `up_to`, or all of them).
async fn drop_outbox(tx: &IdbTransaction, id: JobId, up_to: Option<u64>) -> Result<(), StoreError> {
    let outbox = store_of(tx, OUTBOX)?;
    for key in outbox_keys(tx, id, up_to).await? {
        outbox.delete(&key).map_err(to_store_error)?;
    }
    Ok(())
}

/// Upgrades the layout from `old` to `new`, one step per version, inside the versionchange
/// transaction. Records keep their own schema version and are upgraded when read.
fn migrate(request: &IdbOpenDbRequest, old: u32, new: u32) -> Result<(), JsValue> {
    let db: IdbDatabase = request.result()?.unchecked_into();
    if old < 1 && new >= 1 {
        let by_id = IdbObjectStoreParameters::new();
        by_id.set_key_path(&JsValue::from_str("job.id"));
        db.create_object_store_with_optional_parameters(JOBS, &by_id)?;
        let queued = IdbObjectStoreParameters::new();
        queued.set_auto_increment(true);
        db.create_object_store_with_optional_parameters(OUTBOX, &queued)?;
        db.create_object_store(META)?;
    }
    if old < 2 && new >= 2 {
        db.create_object_store(PHOTOS)?;
    }
    if old < 3 && new >= 3 {
        db.create_object_store(SYNC)?;
    }
    if old < 4 && new >= 4 {
        let by_id = IdbObjectStoreParameters::new();
        by_id.set_key_path(&JsValue::from_str("id"));
        let summaries = db.create_object_store_with_optional_parameters(SUMMARIES, &by_id)?;
        summaries.create_index_with_str(BY_RANK, "rank")?;
        let multi = IdbIndexParameters::new();
        multi.set_multi_entry(true);
        summaries.create_index_with_str_and_optional_parameters(BY_TERM, "terms", &multi)?;
        summaries.create_index_with_str(BY_UPDATED, "updated_at")?;
        // Only a refused or conflicting job has a key here (IndexedDB skips null).
        let upgrade = request.transaction().ok_or("no upgrade transaction")?;
        let sync = upgrade.object_store(SYNC)?;
        sync.create_index_with_str(BY_REFUSAL, "refused")?;
        sync.create_index_with_str(BY_CONFLICT, "conflict.version")?;
        if old >= 1 {
            summarise_stored(&upgrade)?;
        }
    }
    Ok(())
}

/// Writes the summary of every job already stored, one cursor step at a time inside the
/// upgrade's transaction (which commits only after the last step).
fn summarise_stored(tx: &IdbTransaction) -> Result<(), JsValue> {
    let (summaries, meta) = (tx.object_store(SUMMARIES)?, tx.object_store(META)?);
    let cursor = tx.object_store(JOBS)?.open_cursor()?;
    let stepping = cursor.clone();
    let mut unreadable = 0u32;
    let step = Closure::<dyn FnMut() -> Result<(), JsValue>>::new(move || {
        let Ok(at) = stepping.result()?.dyn_into::<IdbCursorWithValue>() else {
            if unreadable > 0 {
                meta.put_with_key(&unreadable.to_string().into(), &UNREADABLE_KEY.into())?;
            }
            return Ok(());
        };
        let summary = from_record(&at.value()?).and_then(|job| to_js(&Summary::of(&job)));
        match summary {
            Ok(summary) => {
                summaries.put(&summary)?;
            }
            Err(_) => unreadable += 1,
        }
        at.continue_()
    });
    cursor.set_onsuccess(Some(step.as_ref().unchecked_ref()));
    // Runs until the upgrade's transaction ends, once in the database's life.
    step.forget();
    Ok(())
}

/// A job as its stored record and its summary, written together.
struct JobRecord {
    job: JsValue,
    summary: JsValue,
}

impl JobRecord {
    fn of(job: &Job) -> Result<JobRecord, StoreError> {
        Ok(JobRecord {
            job: parse(&to_record(job).map_err(|e| StoreError::Corrupt(e.to_string()))?)?,
            summary: to_js(&Summary::of(job))?,
        })
    }

    fn put(&self, tx: &IdbTransaction) -> Result<(), StoreError> {
        store_of(tx, JOBS)?.put(&self.job).map_err(to_store_error)?;
        store_of(tx, SUMMARIES)?
            .put(&self.summary)
            .map_err(to_store_error)?;
        Ok(())
    }
}

/// An index read's `count`, as IndexedDB takes it.
fn limit(count: usize) -> u32 {
    u32::try_from(count).unwrap_or(u32::MAX)
}

fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, StoreError> {
    parse(&serde_json::to_string(value).map_err(|e| StoreError::Corrupt(e.to_string()))?)
}

fn from_js<T: serde::de::DeserializeOwned>(value: &JsValue) -> Result<T, StoreError> {
    serde_json::from_str(&stringify(value)?).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// Records are stored as plain JS objects parsed from the domain's JSON text.
fn parse(json: &str) -> Result<JsValue, StoreError> {
    js_sys::JSON::parse(json).map_err(to_store_error)
}

fn stringify(record: &JsValue) -> Result<String, StoreError> {
    Ok(js_sys::JSON::stringify(record)
        .map_err(to_store_error)?
        .into())
}

fn from_record(record: &JsValue) -> Result<Job, StoreError> {
    restore(&stringify(record)?).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// Maps a browser error to a typed one, by its `DOMException` name.
pub fn to_store_error(err: JsValue) -> StoreError {
    match err.dyn_ref::<DomException>().map(|e| e.name()) {
        Some(name) if name == "QuotaExceededError" => StoreError::QuotaExceeded,
        Some(name) if name == "VersionError" || name == "InvalidStateError" => {
            StoreError::VersionChange
        }
        Some(name) => StoreError::Unavailable(name),
        None => StoreError::Unavailable(err.as_string().unwrap_or_else(|| "unknown".into())),
    }
}
