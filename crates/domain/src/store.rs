//! The storage port: what the app needs from the device's store, so the sync engine and the
//! app's state can be tested natively against `MemoryStore`. The browser implementation lives
//! in the app (`src/storage/idb.rs`).
//!
//! Saving a job change writes the job and its outbox entry together: either both are stored
//! or neither is, so no acknowledged change can be missed by sync. It never overwrites a copy
//! at the same or a newer revision (one that sync stored meanwhile): the change is refused as
//! `Stale`, and the caller applies it again to the newer copy.

use crate::ids::JobId;
use crate::job::Job;
use crate::prior_damage::same_vehicle;
use crate::summary::{page_of, ListPage, ListQuery, Summary};
use chrono::serde::ts_milliseconds;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeMap;
use thiserror::Error;

/// A change waiting to be pushed to the sync endpoint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxEntry {
    pub job_id: JobId,
    pub revision: u64,
    #[serde(with = "ts_milliseconds")]
    pub queued_at: DateTime<Utc>,
}

impl OutboxEntry {
    /// The entry queueing `job` as it is now.
    pub fn of(job: &Job, queued_at: DateTime<Utc>) -> OutboxEntry {
        OutboxEntry {
            job_id: job.id,
            revision: job.revision,
            queued_at,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum StoreError {
    #[error("the device's storage is full")]
    QuotaExceeded,
    #[error("storage is closed because a newer version of the app is open")]
    VersionChange,
    #[error("storage is not available: {0}")]
    Unavailable(String),
    #[error("a stored record could not be read: {0}")]
    Corrupt(String),
    #[error("the job was changed since it was read")]
    Stale,
}

/// The device store. Futures are not `Send`: in the browser everything runs on one thread.
#[allow(async_fn_in_trait)]
pub trait JobStore {
    /// Stores `job` and queues `entry` for sync, in one transaction, unless the stored copy is
    /// already at `job.revision` or newer (`StoreError::Stale`, nothing written).
    async fn save_change(&self, job: &Job, entry: &OutboxEntry) -> Result<(), StoreError>;
    async fn job(&self, id: JobId) -> Result<Option<Job>, StoreError>;
    /// A window of the job list (`summary::page_of` says which), read without reading jobs.
    async fn list(&self, query: &ListQuery) -> Result<ListPage, StoreError>;
    /// The summaries of the other visits of `job`'s vehicle (same plate, or same VIN) on the
    /// device, in any order; also of jobs that have left it.
    async fn visits(&self, job: &Job) -> Result<Vec<Summary>, StoreError>;
    /// Pending outbox entries, oldest first.
    async fn outbox(&self) -> Result<Vec<OutboxEntry>, StoreError>;
}

/// An in-memory store for native tests (and, wrapped with sync bookkeeping, the simulated
/// device of the sync tests); it can be told to fail like a full disk.
#[derive(Default)]
pub struct MemoryStore {
    pub jobs: RefCell<BTreeMap<JobId, Job>>,
    pub outbox: RefCell<Vec<OutboxEntry>>,
    pub fail_with: RefCell<Option<StoreError>>,
}

impl JobStore for MemoryStore {
    async fn save_change(&self, job: &Job, entry: &OutboxEntry) -> Result<(), StoreError> {
        if let Some(err) = self.fail_with.borrow().clone() {
            return Err(err);
        }
        if self.jobs.borrow().get(&job.id).map(|j| j.revision) >= Some(job.revision) {
            return Err(StoreError::Stale);
        }
        self.jobs.borrow_mut().insert(job.id, job.clone());
        self.outbox.borrow_mut().push(entry.clone());
        Ok(())
    }

    async fn job(&self, id: JobId) -> Result<Option<Job>, StoreError> {
        Ok(self.jobs.borrow().get(&id).cloned())
    }

    async fn list(&self, query: &ListQuery) -> Result<ListPage, StoreError> {
        let jobs = self.jobs.borrow();
        let all = jobs.values().map(Summary::of);
        let matching = all.filter(|s| s.matches(&query.term)).collect();
        Ok(page_of(matching, query, true))
    }

    async fn visits(&self, job: &Job) -> Result<Vec<Summary>, StoreError> {
        let jobs = self.jobs.borrow();
        let summaries = jobs.values().map(Summary::of);
        Ok(summaries
            .filter(|s| s.id != job.id && same_vehicle(job, s))
            .collect())
    }

    async fn outbox(&self) -> Result<Vec<OutboxEntry>, StoreError> {
        Ok(self.outbox.borrow().clone())
    }
}

/// Why a change was not committed.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum CommitError {
    #[error(transparent)]
    Refused(#[from] crate::error::DomainError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The one mutation path: applies `command` to a copy of `job`, stores the result with its
/// outbox entry, and only then hands back the new job. When anything fails the caller still
/// holds the old job and nothing was stored.
pub async fn commit<S: JobStore>(
    store: &S,
    job: &Job,
    command: impl crate::command::Apply,
    now: DateTime<Utc>,
    actor: crate::ids::ActorId,
) -> Result<Job, CommitError> {
    let mut next = job.clone();
    command.apply_to(&mut next, now, actor)?;
    save_new(store, &next, now).await?;
    Ok(next)
}

/// Stores a job as it is (a newly opened one, or the result of `apply`) and queues it.
pub async fn save_new<S: JobStore>(
    store: &S,
    job: &Job,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let entry = OutboxEntry::of(job, now);
    store.save_change(job, &entry).await
}
