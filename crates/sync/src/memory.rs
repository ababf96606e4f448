//! The device's store in memory: the domain's `MemoryStore` for jobs and outbox, plus what the
//! engine keeps of each job's sync. Used by the simulation here and by the server's fault
//! tests and sync benchmark, where the device is simulated too.

use crate::engine::{JobSync, SyncStore};
use lanecheck_domain::store::{JobStore, MemoryStore, OutboxEntry, StoreError};
use lanecheck_domain::summary::{ListPage, ListQuery, Summary};
use lanecheck_domain::{Job, JobId};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// The device's store: what survives a crash of the app.
#[derive(Default)]
pub struct MemoryDevice {
    /// The jobs and their outbox.
    pub store: MemoryStore,
    pub sync: RefCell<BTreeMap<JobId, JobSync>>,
    pub cursor: RefCell<String>,
    /// The photos and signatures this device holds, by SHA-256.
    pub blobs: RefCell<BTreeMap<String, Vec<u8>>>,
}

impl JobStore for MemoryDevice {
    async fn save_change(&self, job: &Job, entry: &OutboxEntry) -> Result<(), StoreError> {
        self.store.save_change(job, entry).await
    }
    async fn job(&self, id: JobId) -> Result<Option<Job>, StoreError> {
        self.store.job(id).await
    }
    async fn list(&self, query: &ListQuery) -> Result<ListPage, StoreError> {
        self.store.list(query).await
    }
    async fn visits(&self, job: &Job) -> Result<Vec<Summary>, StoreError> {
        self.store.visits(job).await
    }
    async fn outbox(&self) -> Result<Vec<OutboxEntry>, StoreError> {
        self.store.outbox().await
    }
}

impl MemoryDevice {
    fn revision(&self, id: JobId) -> Option<u64> {
        self.store.jobs.borrow().get(&id).map(|j| j.revision)
    }
}

impl SyncStore for MemoryDevice {
    async fn job_sync(&self, id: JobId) -> Result<JobSync, StoreError> {
        Ok(self.sync.borrow().get(&id).cloned().unwrap_or_default())
    }
    async fn set_job_sync(&self, id: JobId, sync: &JobSync) -> Result<(), StoreError> {
        self.sync.borrow_mut().insert(id, sync.clone());
        Ok(())
    }
    async fn confirm(&self, id: JobId, sync: &JobSync) -> Result<(), StoreError> {
        self.store
            .outbox
            .borrow_mut()
            .retain(|e| e.job_id != id || e.revision > sync.revision);
        self.set_job_sync(id, sync).await
    }
    async fn adopt(
        &self,
        job: &Job,
        sync: &JobSync,
        replaces: Option<u64>,
    ) -> Result<bool, StoreError> {
        if self.revision(job.id) != replaces {
            return Ok(false);
        }
        self.store.jobs.borrow_mut().insert(job.id, job.clone());
        self.store
            .outbox
            .borrow_mut()
            .retain(|e| e.job_id != job.id);
        self.set_job_sync(job.id, sync).await?;
        Ok(true)
    }
    async fn rebase(&self, job: &Job, sync: &JobSync, replaces: u64) -> Result<bool, StoreError> {
        if self.revision(job.id) != Some(replaces) {
            return Ok(false);
        }
        self.store.jobs.borrow_mut().insert(job.id, job.clone());
        self.store
            .outbox
            .borrow_mut()
            .push(OutboxEntry::of(job, job.updated_at));
        self.set_job_sync(job.id, sync).await?;
        Ok(true)
    }
    async fn remove(&self, id: JobId, replaces: u64) -> Result<bool, StoreError> {
        if self.revision(id) != Some(replaces) {
            return Ok(false);
        }
        self.store.jobs.borrow_mut().remove(&id);
        self.store.outbox.borrow_mut().retain(|e| e.job_id != id);
        self.sync.borrow_mut().remove(&id);
        Ok(true)
    }
    async fn cursor(&self) -> Result<String, StoreError> {
        Ok(self.cursor.borrow().clone())
    }
    async fn set_cursor(&self, cursor: &str) -> Result<(), StoreError> {
        *self.cursor.borrow_mut() = cursor.to_string();
        Ok(())
    }
}
