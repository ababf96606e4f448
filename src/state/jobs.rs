//! The jobs on this device, and the one path by which they change: `dispatch` applies a
//! command through the domain, stores job + outbox entry in one IndexedDB transaction, and
//! only then updates the signal the pages read. Storage failures become a visible notice;
//! a refused command is returned to the page that issued it.
//!
//! Pages never hold every job: the list reads a window of summaries (`list`), and a page
//! showing a job asks for it by id (`job`), which reads that one record on first use and keeps
//! it while the page is open.

use crate::i18n::{domain_error, Locale};
use crate::platform::{blob, clock, ids};
use crate::state::locale::use_i18n;
use crate::storage::idb::{IdbStore, DB_NAME, UNREADABLE_KEY};
use crate::storage::{JobStore, StoreError};
use chrono::{DateTime, Utc};
use futures::lock::Mutex;
use lanecheck_domain::command::Apply;
use lanecheck_domain::plate::Plate;
use lanecheck_domain::store::{commit, save_new, CommitError};
use lanecheck_domain::summary::{vehicle_terms, ListPage, ListQuery, Summary};
use lanecheck_domain::{ActorId, Command, DomainError, Job, JobId, NewJob, Visit};
use lanecheck_sync::engine::SyncStore;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::rc::Rc;

const ADVISOR_KEY: &str = "advisor";
/// The store's own checklist items, one a line.
const STORE_ITEMS_KEY: &str = "store_items";

/// Whether the last change reached the device's storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    Idle,
    Saving,
    Saved,
    Failed,
}

/// Why a dispatched change did not happen. Storage errors are also shown as a notice.
#[derive(Clone, Debug, PartialEq)]
pub enum ChangeError {
    UnknownJob,
    Refused(DomainError),
    Storage(StoreError),
}

type VisitsKey = (JobId, Vec<String>);

#[derive(Clone, Copy)]
pub struct Jobs {
    /// The jobs pages asked for, as last stored.
    opened: RwSignal<Vec<Job>>,
    /// Jobs asked for and not on the device.
    missing: RwSignal<Vec<JobId>>,
    /// Jobs being read.
    reading: StoredValue<Vec<JobId>>,
    /// The other visits of the vehicle of the job a page shows, by job id, plate and VIN.
    visits: RwSignal<Option<(VisitsKey, Vec<Summary>)>>,
    visits_read: StoredValue<Option<VisitsKey>>,
    /// Counts stored changes, this page's and sync's: the list reads its window again.
    pub changes: RwSignal<u32>,
    /// False until storage is open (or failed to open).
    pub loaded: RwSignal<bool>,
    pub status: RwSignal<SaveStatus>,
    /// The screen in front of the advisor (set by `Drafts::enter`), and the screen the last
    /// finished save was made from: "saved" is announced only when they are the same.
    pub screen: RwSignal<String>,
    pub saved_for: RwSignal<String>,
    /// The last storage problem, shown as a banner until dismissed.
    pub storage_error: RwSignal<Option<StoreError>>,
    /// True when another tab with a newer app version took the database over.
    pub superseded: RwSignal<bool>,
    pub advisor: RwSignal<String>,
    /// The store's own checklist items, added to every new job.
    pub store_items: RwSignal<Vec<String>>,
    store: StoredValue<Option<Rc<IdbStore>>, LocalStorage>,
    /// Changes run one at a time: each reads the job as the previous one left it, so quick
    /// taps never overwrite each other.
    queue: StoredValue<Rc<Mutex<()>>, LocalStorage>,
}

impl Jobs {
    /// Job `id` as stored; `None` while it is read (the first time a page asks) and when it is
    /// not on the device (`is_missing`).
    pub fn job(&self, id: JobId) -> Option<Job> {
        let found = self.cached(id);
        if found.is_none() {
            // Asked again once storage is open: it cannot be read before.
            self.loaded.track();
            self.read(id);
        }
        found
    }

    /// Whether job `id` was looked for and is not on the device (or storage is not open).
    pub fn is_missing(&self, id: JobId) -> bool {
        self.loaded.get()
            && (self.store.with_value(Option::is_none) || self.missing.with(|m| m.contains(&id)))
    }

    fn cached(&self, id: JobId) -> Option<Job> {
        self.opened
            .with(|jobs| jobs.iter().find(|j| j.id == id).cloned())
    }

    fn read(self, id: JobId) {
        let Some(store) = self.store.get_value() else {
            return;
        };
        // Known to be missing: read again only after a reload forgets that (a page that
        // shows a missing job would otherwise read it again on every render, for ever).
        if self.reading.with_value(|r| r.contains(&id))
            || self.missing.with_untracked(|m| m.contains(&id))
        {
            return;
        }
        self.reading.update_value(|r| r.push(id));
        spawn_local(async move {
            match store.job(id).await {
                Ok(Some(job)) => self.keep(job),
                Ok(None) => self.missing.update(|m| m.push(id)),
                Err(err) => {
                    self.storage_error.set(Some(err));
                    self.missing.update(|m| m.push(id));
                }
            }
            self.reading.update_value(|r| r.retain(|r| *r != id));
        });
    }

    /// The summary of job `id`, for a job that is not on the device (any more).
    pub async fn summary(self, id: JobId) -> Option<Summary> {
        self.store.get_value()?.summary(id).await.ok().flatten()
    }

    /// A window of the job list; `None` (with the problem shown) when storage failed.
    pub async fn list(self, query: &ListQuery) -> Option<ListPage> {
        let result = self.store.get_value()?.list(query).await;
        result.map_err(|err| self.storage_error.set(Some(err))).ok()
    }

    /// The other visits of `job`'s vehicle on this device; `None` while they are read (once
    /// for each job, plate and VIN a page shows).
    pub fn visits_of(&self, job: &Job) -> Option<Vec<Summary>> {
        let key = (job.id, vehicle_terms(job));
        let found = self.visits.with(|v| {
            v.as_ref()
                .filter(|(k, _)| *k == key)
                .map(|(_, jobs)| jobs.clone())
        });
        let store = self.store.get_value();
        if let (None, Some(store)) = (&found, store) {
            if self.visits_read.with_value(|r| r.as_ref() != Some(&key)) {
                self.visits_read.set_value(Some(key.clone()));
                let (visits, job) = (self.visits, job.clone());
                spawn_local(async move {
                    let found = store.visits(&job).await.unwrap_or_default();
                    visits.try_set(Some((key, found)));
                });
            }
        }
        found
    }

    /// Opens a new job and stores it; returns its id once it is on disk.
    pub async fn create(self, visit: Visit, plate: Plate) -> Result<JobId, ChangeError> {
        let job = self.open(visit, plate, clock::now())?;
        self.save_opened(job).await
    }

    /// Opens a walk-in at its arrival (recorded before its plate was typed), with its
    /// greeting if the customer was greeted meanwhile, and stores it.
    pub async fn create_arrived(
        self,
        plate: Plate,
        arrived: DateTime<Utc>,
        greeted: Option<DateTime<Utc>>,
    ) -> Result<JobId, ChangeError> {
        let now = clock::now();
        let mut job = self.open(Visit::WalkIn, plate, arrived.min(now))?;
        if let Some(at) = greeted {
            job.apply(Command::Greet, at.clamp(job.created_at, now), self.actor())
                .map_err(ChangeError::Refused)?;
        }
        self.save_opened(job).await
    }

    fn open(self, visit: Visit, plate: Plate, at: DateTime<Utc>) -> Result<Job, ChangeError> {
        let id = ids::new_job_id().ok_or(ChangeError::Storage(StoreError::Unavailable(
            "crypto".into(),
        )))?;
        let new = NewJob {
            id,
            visit,
            plate,
            store_items: self.store_items.get_untracked(),
        };
        Ok(Job::open(new, at, self.actor()))
    }

    async fn save_opened(self, job: Job) -> Result<JobId, ChangeError> {
        let (id, now, origin) = (job.id, clock::now(), self.screen.get_untracked());
        let store = self.store().await?;
        self.status.set(SaveStatus::Saving);
        self.settle(save_new(store.as_ref(), &job, now).await, origin)?;
        self.replace(job);
        Ok(id)
    }

    /// Applies `command` (the check-in's or the repair order's) to job `id` and stores the
    /// result.
    pub async fn dispatch(self, id: JobId, command: impl Apply) -> Result<(), ChangeError> {
        self.dispatch_with(id, move |_| Some(command)).await
    }

    /// Like `dispatch`, with the command made from the job as it is when this change's turn
    /// comes: edits of one part of a record (a mark's note, then its position) never carry a
    /// stale copy of the other parts. `None` changes nothing.
    pub async fn dispatch_with<C: Apply>(
        self,
        id: JobId,
        make: impl FnOnce(&Job) -> Option<C>,
    ) -> Result<(), ChangeError> {
        // The screen the change comes from, before it waits for its turn.
        let origin = self.screen.get_untracked();
        let store = self.store().await?;
        let queue = self.queue.get_value();
        let _turn = queue.lock().await;
        let mut job = match self.cached(id) {
            Some(job) => job,
            None => store
                .job(id)
                .await
                .ok()
                .flatten()
                .ok_or(ChangeError::UnknownJob)?,
        };
        let Some(command) = make(&job) else {
            return Ok(());
        };
        self.status.set(SaveStatus::Saving);
        let mut result = commit(
            store.as_ref(),
            &job,
            command.clone(),
            clock::now(),
            self.actor(),
        )
        .await;
        if result == Err(CommitError::Store(StoreError::Stale)) {
            // Sync stored a newer copy since this page read the job: the change applies to it.
            if let Ok(Some(newer)) = store.job(id).await {
                job = newer;
                self.replace(job.clone());
                result = commit(store.as_ref(), &job, command, clock::now(), self.actor()).await;
            }
        }
        match result {
            Ok(next) => {
                self.saved(origin);
                self.replace(next);
                Ok(())
            }
            Err(CommitError::Refused(err)) => {
                self.status.set(SaveStatus::Idle);
                Err(ChangeError::Refused(err))
            }
            Err(CommitError::Store(err)) => Err(self.fail(err)),
        }
    }

    pub async fn set_advisor(self, name: String) -> Result<(), ChangeError> {
        self.save_meta(ADVISOR_KEY, name.trim()).await?;
        self.advisor.set(name.trim().to_string());
        Ok(())
    }

    pub async fn set_store_items(self, items: Vec<String>) -> Result<(), ChangeError> {
        self.save_meta(STORE_ITEMS_KEY, &items.join("\n")).await?;
        self.store_items.set(items);
        Ok(())
    }

    /// Stores a device setting, showing "saving" and then "saved" or the failure.
    pub async fn save_meta(self, key: &str, value: &str) -> Result<(), ChangeError> {
        let origin = self.screen.get_untracked();
        let store = self.store().await?;
        self.status.set(SaveStatus::Saving);
        self.settle(store.set_meta(key, value).await, origin)
    }

    /// A device setting as stored, `None` if it never was (or storage is not open).
    pub async fn meta(self, key: &str) -> Option<String> {
        self.store.get_value()?.meta(key).await.ok().flatten()
    }

    /// Job `id` as stored, read now without keeping it (an earlier visit of the car a page
    /// shows).
    pub async fn stored(self, id: JobId) -> Option<Job> {
        self.store().await.ok()?.job(id).await.ok().flatten()
    }

    /// The server's copy of job `id` when sync could not reconcile it with this device's.
    pub async fn server_copy(self, id: JobId) -> Option<Job> {
        let sync = self.store.get_value()?.job_sync(id).await.ok()?;
        sync.conflict?.document
    }

    /// Stores a blob under its SHA-256 and returns the hash, once it is on disk.
    pub async fn store_blob(self, blob: &web_sys::Blob) -> Result<String, ChangeError> {
        let origin = self.screen.get_untracked();
        let store = self.store().await?;
        let sha256 = blob::sha256(blob)
            .await
            .map_err(|_| self.fail(StoreError::Unavailable("crypto".into())))?;
        self.status.set(SaveStatus::Saving);
        self.settle(store.put_blob(&sha256, blob).await, origin)?;
        Ok(sha256)
    }

    pub async fn blob(self, sha256: &str) -> Option<web_sys::Blob> {
        self.store().await.ok()?.blob(sha256).await.ok().flatten()
    }

    /// Reads the open jobs again, after the sync worker stored jobs from the server, and has
    /// the list read its window again.
    pub async fn reload(self) {
        let Ok(store) = self.store().await else {
            return;
        };
        let open: Vec<JobId> = self
            .opened
            .with_untracked(|jobs| jobs.iter().map(|j| j.id).collect());
        for id in open {
            match store.job(id).await {
                Ok(Some(job)) => self.keep(job),
                Ok(None) => self.opened.update(|jobs| jobs.retain(|j| j.id != id)),
                Err(err) => self.storage_error.set(Some(err)),
            }
        }
        self.missing.update(Vec::clear);
        self.changes.update(|n| *n += 1);
    }

    fn actor(&self) -> ActorId {
        ActorId(self.advisor.get_untracked())
    }

    /// The open store, once opening it has finished: a change asked for while the database
    /// is still opening (a tap right after the page loads) waits for it instead of failing.
    async fn store(&self) -> Result<Rc<IdbStore>, ChangeError> {
        if !self.loaded.get_untracked() {
            // Opening holds the queue until it is done.
            drop(self.queue.get_value().lock().await);
        }
        self.store
            .get_value()
            .ok_or_else(|| self.fail(StoreError::Unavailable("indexedDB".into())))
    }

    fn settle(&self, result: Result<(), StoreError>, origin: String) -> Result<(), ChangeError> {
        match result {
            Ok(()) => {
                self.saved(origin);
                Ok(())
            }
            Err(err) => Err(self.fail(err)),
        }
    }

    fn saved(&self, origin: String) {
        self.saved_for.set(origin);
        self.status.set(SaveStatus::Saved);
    }

    fn fail(&self, err: StoreError) -> ChangeError {
        self.status.set(SaveStatus::Failed);
        self.storage_error.set(Some(err.clone()));
        ChangeError::Storage(err)
    }

    /// Keeps `job` as the stored copy pages show.
    fn keep(&self, job: Job) {
        self.opened.update(|jobs| {
            jobs.retain(|j| j.id != job.id);
            jobs.push(job);
        });
    }

    /// A change of this page reached storage.
    fn replace(&self, job: Job) {
        self.keep(job);
        self.changes.update(|n| *n += 1);
    }
}

pub fn provide_jobs() {
    let jobs = Jobs {
        opened: RwSignal::new(Vec::new()),
        missing: RwSignal::new(Vec::new()),
        reading: StoredValue::new(Vec::new()),
        visits: RwSignal::new(None),
        visits_read: StoredValue::new(None),
        changes: RwSignal::new(0),
        loaded: RwSignal::new(false),
        status: RwSignal::new(SaveStatus::Idle),
        screen: RwSignal::new(String::new()),
        saved_for: RwSignal::new(String::new()),
        storage_error: RwSignal::new(None),
        superseded: RwSignal::new(false),
        advisor: RwSignal::new(String::new()),
        store_items: RwSignal::new(Vec::new()),
        store: StoredValue::new_local(None),
        queue: StoredValue::new_local(Rc::new(Mutex::new(()))),
    };
    spawn_local(async move {
        // Changes asked for meanwhile wait for this (`Jobs::store`). This runs before any
        // event of the page is handled: a spawned task starts in a microtask.
        let queue = jobs.queue.get_value();
        let _opening = queue.lock().await;
        match IdbStore::open(DB_NAME, move || jobs.superseded.set(true)).await {
            Ok(store) => {
                if let Ok(Some(name)) = store.meta(ADVISOR_KEY).await {
                    jobs.advisor.set(name);
                }
                if let Ok(Some(items)) = store.meta(STORE_ITEMS_KEY).await {
                    jobs.store_items
                        .set(items.lines().map(str::to_string).collect());
                }
                if let Ok(Some(count)) = store.meta(UNREADABLE_KEY).await {
                    jobs.storage_error.set(Some(StoreError::Corrupt(count)));
                }
                jobs.store.set_value(Some(Rc::new(store)));
            }
            Err(err) => jobs.storage_error.set(Some(err)),
        }
        jobs.loaded.set(true);
    });
    provide_context(jobs);
}

pub fn use_jobs() -> Jobs {
    expect_context()
}

/// A command runner for one job, for pages: refusals come back as a translated message.
pub fn use_dispatch(id: JobId) -> (Callback<Command>, ReadSignal<Option<String>>) {
    use_changes(id, domain_error)
}

/// A callback that applies a change (the check-in's `Command` or the order's `OrderCommand`)
/// to job `id`, and the refusal of the last one, worded by `explain`.
pub fn use_changes<C: Apply + Send + Sync + 'static>(
    id: JobId,
    explain: fn(Locale, &DomainError) -> String,
) -> (Callback<C>, ReadSignal<Option<String>>) {
    let jobs = use_jobs();
    let i18n = use_i18n();
    let (error, set_error) = signal(None::<String>);
    let run = Callback::new(move |command: C| {
        set_error.set(None);
        spawn_local(async move {
            if let Err(ChangeError::Refused(err)) = jobs.dispatch(id, command).await {
                // The page may have re-rendered meanwhile; then there is no one to tell.
                set_error.try_set(Some(explain(i18n.locale(), &err)));
            }
        });
    });
    (run, error)
}
