//! The sync engine: one round pushes every job with unsent changes (its blobs first, then the
//! document, with a precondition and an idempotency key) and pulls the change feed. It is
//! generic over the device's store (`SyncStore`) and the server (`Remote`), so the same code
//! runs in the browser and in native tests and simulations. Everything it must remember
//! between rounds — the server version each job was last in step with, the feed cursor, a
//! conflict, a refusal — is in the store, so a killed tab resumes where it stopped.

use crate::outbox::coalesce;
use crate::protocol::{blob_refs, Changes, Found, Stored};
use crate::rebase::{reconcile, Decision, Local};
use crate::retry::{verdict, Backoff, Verdict};
use lanecheck_domain::seal::sha256_hex;
use lanecheck_domain::store::{JobStore, StoreError};
use lanecheck_domain::{Job, JobId};
use serde::{Deserialize, Serialize};

/// What the device remembers of one job's sync.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct JobSync {
    /// The server version the job was last in step with.
    pub version: Option<String>,
    /// The job's revision at that version (0 if it was never on the server).
    pub revision: u64,
    /// The server's copy when it could not be reconciled with this device's: both are kept
    /// until the advisor decides.
    pub conflict: Option<Stored>,
    /// The server's message when it refused the last push of this job.
    pub refused: Option<String>,
}

impl JobSync {
    /// Whether the server holds revision `revision` of the job as the device has it: pushed
    /// and confirmed (or pulled), neither in conflict nor refused.
    pub fn holds(&self, revision: u64) -> bool {
        self.version.is_some()
            && self.revision == revision
            && self.conflict.is_none()
            && self.refused.is_none()
    }
}

/// The device's store as the engine needs it: jobs, their outbox, and sync bookkeeping.
#[allow(async_fn_in_trait)]
pub trait SyncStore: JobStore {
    async fn job_sync(&self, id: JobId) -> Result<JobSync, StoreError>;
    async fn set_job_sync(&self, id: JobId, sync: &JobSync) -> Result<(), StoreError>;
    /// Records a confirmed push: the sync state, and the outbox entries of the job up to
    /// `sync.revision` dropped — together.
    async fn confirm(&self, id: JobId, sync: &JobSync) -> Result<(), StoreError>;
    /// Stores a job that came from the server (no outbox entry) with its sync state, if the
    /// device's copy is still at revision `replaces` (`None`: there is no copy). `false` when
    /// the advisor changed it meanwhile: nothing is written, and the next round meets it again.
    async fn adopt(
        &self,
        job: &Job,
        sync: &JobSync,
        replaces: Option<u64>,
    ) -> Result<bool, StoreError>;
    /// Stores a rebased job — a change to push (an outbox entry) — and its new sync state, if
    /// the device's copy is still at revision `replaces`.
    async fn rebase(&self, job: &Job, sync: &JobSync, replaces: u64) -> Result<bool, StoreError>;
    /// Removes a job deleted on the server, if the device's copy is still at `replaces`.
    async fn remove(&self, id: JobId, replaces: u64) -> Result<bool, StoreError>;
    async fn cursor(&self) -> Result<String, StoreError>;
    async fn set_cursor(&self, cursor: &str) -> Result<(), StoreError>;
}

/// Why a request to the server did not succeed.
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    /// No response: offline, reset, timed out.
    Network,
    /// A response with an error status, its `Retry-After` in milliseconds and its message.
    Status {
        status: u16,
        retry_after_ms: Option<u64>,
        message: String,
    },
}

/// The precondition of a job write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Precondition {
    /// `If-None-Match: *`: the job must not exist yet.
    Create,
    /// `If-Match: "<version>"`.
    Update(String),
}

/// The answer to a job write.
#[derive(Clone, Debug, PartialEq)]
pub enum Written {
    Stored(Stored),
    /// 412: the server's current document.
    Stale(Stored),
}

/// The server, as LaneCheck Sync v1 describes it.
#[allow(async_fn_in_trait)]
pub trait Remote {
    async fn has_blob(&self, sha256: &str) -> Result<bool, Failure>;
    /// Uploads a blob the device holds; `false` if the device no longer has it.
    async fn put_blob(&self, sha256: &str) -> Result<bool, Failure>;
    async fn put_job(
        &self,
        job: &Job,
        precondition: &Precondition,
        idempotency_key: &str,
    ) -> Result<Written, Failure>;
    /// A page of the feed after `cursor`. `finished_since` (`YYYY-MM-DD`, or empty) asks the
    /// server to leave out finished jobs last written before that day; a server may ignore it.
    async fn changes(
        &self,
        cursor: &str,
        limit: u32,
        finished_since: &str,
    ) -> Result<Changes, Failure>;
    /// The server's copy of job `id`; `None` if it has none (404).
    async fn job(&self, id: JobId) -> Result<Option<Stored>, Failure>;
    /// The store's jobs whose plate or VIN `term` finds (contract 1.3.0), newest first.
    async fn search(&self, term: &str, limit: usize) -> Result<Vec<Found>, Failure>;
}

/// What bringing one job from the server onto the device came to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fetched {
    /// The device holds the server's copy now (or a newer one of its own).
    Stored,
    /// The server has no such job.
    Unknown,
    /// The server or the device's store could not be reached.
    Failed,
}

/// How a round ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Everything was pushed and the feed read to its end.
    Done,
    /// A request failed in a way worth retrying: try again after this many milliseconds.
    RetryIn(u64),
    /// The server refused the token: sync waits for the advisor to fix it.
    PausedForAuth,
    /// The device's store failed.
    Store(StoreError),
}

/// The figures of one round, for the status badge and the queue screen.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Round {
    pub pushed: usize,
    pub pulled: usize,
    pub blobs_sent: usize,
    /// Jobs whose local changes were replayed on another device's newer document.
    pub rebased: usize,
}

/// How many changes to ask for per page of the feed.
pub const PAGE: u32 = 100;

/// The sync engine of one device.
pub struct Engine {
    /// Names this device in idempotency keys.
    pub device: String,
    pub backoff: Backoff,
    /// Consecutive failed rounds, for the backoff.
    pub failures: u32,
    /// The pull's window: finished jobs last written before this day (`YYYY-MM-DD`) are not
    /// brought to the device (`retention::finished_since`); empty for the whole feed.
    pub finished_since: String,
}

enum Stop {
    Retry(Failure),
    Pause,
    Store(StoreError),
}

impl From<StoreError> for Stop {
    fn from(err: StoreError) -> Stop {
        Stop::Store(err)
    }
}

impl Engine {
    pub fn new(device: impl Into<String>) -> Engine {
        Engine {
            device: device.into(),
            backoff: Backoff::DEFAULT,
            failures: 0,
            finished_since: String::new(),
        }
    }

    /// One round: push, then pull. `jitter` is a random fraction in [0, 1) for the backoff.
    pub async fn round<S: SyncStore, R: Remote>(
        &mut self,
        store: &S,
        remote: &R,
        jitter: f64,
        round: &mut Round,
    ) -> Outcome {
        let result = match self.push(store, remote, round).await {
            Ok(()) => self.pull(store, remote, round).await,
            Err(stop) => Err(stop),
        };
        match result {
            Ok(()) => {
                self.failures = 0;
                Outcome::Done
            }
            Err(Stop::Pause) => Outcome::PausedForAuth,
            Err(Stop::Store(err)) => Outcome::Store(err),
            Err(Stop::Retry(failure)) => {
                self.failures += 1;
                let after = match failure {
                    Failure::Status { retry_after_ms, .. } => retry_after_ms,
                    Failure::Network => None,
                };
                Outcome::RetryIn(self.backoff.delay_ms(self.failures, jitter, after))
            }
        }
    }

    /// The idempotency key of a job write: the same write (job, revision, precondition, device)
    /// always gets the same key, so a write resent after a crash is recognised as a replay.
    pub fn idempotency_key(&self, job: &Job, precondition: &Precondition) -> String {
        let base = match precondition {
            Precondition::Create => "*",
            Precondition::Update(v) => v.as_str(),
        };
        let text = format!("{}\n{}\n{}\n{}", self.device, job.id, job.revision, base);
        sha256_hex(text.as_bytes())
    }

    async fn push<S: SyncStore, R: Remote>(
        &self,
        store: &S,
        remote: &R,
        round: &mut Round,
    ) -> Result<(), Stop> {
        let outbox = store.outbox().await?;
        for push in coalesce(&outbox) {
            // A rebase may need a second write; more would mean another device keeps writing.
            for _ in 0..3 {
                if !self.push_job(store, remote, push.job_id, round).await? {
                    break;
                }
            }
        }
        Ok(())
    }

    /// Pushes one job; `true` if it was rebased and must be pushed again.
    async fn push_job<S: SyncStore, R: Remote>(
        &self,
        store: &S,
        remote: &R,
        id: JobId,
        round: &mut Round,
    ) -> Result<bool, Stop> {
        let Some(job) = store.job(id).await? else {
            return Ok(false);
        };
        let mut sync = store.job_sync(id).await?;
        if sync.conflict.is_some() || job.revision <= sync.revision {
            return Ok(false);
        }
        let precondition = sync
            .version
            .clone()
            .map_or(Precondition::Create, Precondition::Update);
        let key = self.idempotency_key(&job, &precondition);
        let written = match send_blobs(remote, &job, round).await {
            Ok(()) => remote.put_job(&job, &precondition, &key).await,
            Err(failure) => Err(failure),
        };
        match written {
            Ok(Written::Stored(stored)) => {
                sync.version = Some(stored.version);
                sync.revision = job.revision;
                sync.refused = None;
                store.confirm(id, &sync).await?;
                round.pushed += 1;
                Ok(false)
            }
            Ok(Written::Stale(current)) => {
                self.meet(store, Some(&job), sync, &current, round).await
            }
            Err(failure) => match verdict(status_of(&failure)) {
                Verdict::Final => {
                    sync.refused = Some(message_of(failure));
                    store.set_job_sync(id, &sync).await?;
                    Ok(false)
                }
                _ => Err(stop(failure)),
            },
        }
    }

    async fn pull<S: SyncStore, R: Remote>(
        &self,
        store: &S,
        remote: &R,
        round: &mut Round,
    ) -> Result<(), Stop> {
        loop {
            let cursor = store.cursor().await?;
            let page = remote
                .changes(&cursor, PAGE, &self.finished_since)
                .await
                .map_err(stop)?;
            // Only the newest change of a job in a page matters.
            let newest = page
                .changes
                .iter()
                .enumerate()
                .filter(|(i, c)| page.changes[i + 1..].iter().all(|later| later.id != c.id))
                .map(|(_, c)| c);
            for stored in newest {
                let local = store.job(stored.id).await?;
                let sync = store.job_sync(stored.id).await?;
                self.meet(store, local.as_ref(), sync, stored, round)
                    .await?;
                round.pulled += 1;
            }
            store.set_cursor(&page.next).await?;
            if !page.has_more {
                return Ok(());
            }
        }
    }

    /// Brings job `id` from the server onto the device (a job a search found, or one that
    /// left the device), meeting any copy the device holds as a pull would.
    pub async fn fetch<S: SyncStore, R: Remote>(
        &self,
        store: &S,
        remote: &R,
        id: JobId,
    ) -> Fetched {
        let stored = match remote.job(id).await {
            Ok(Some(stored)) if !stored.deleted => stored,
            Ok(_) => return Fetched::Unknown,
            Err(_) => return Fetched::Failed,
        };
        let met = async {
            let local = store.job(id).await?;
            let sync = store.job_sync(id).await?;
            self.meet(store, local.as_ref(), sync, &stored, &mut Round::default())
                .await
        };
        match met.await {
            Ok(_) => Fetched::Stored,
            Err(_) => Fetched::Failed,
        }
    }

    /// A server document meets the device's copy of the job (if it has one); `true` if a
    /// rebased job awaits its push.
    async fn meet<S: SyncStore>(
        &self,
        store: &S,
        local: Option<&Job>,
        mut sync: JobSync,
        remote: &Stored,
        round: &mut Round,
    ) -> Result<bool, Stop> {
        // Every write below happens only if the copy is still the one decided on.
        let replaces = local.map(|job| job.revision);
        let decision = reconcile(
            local.map(|job| Local {
                job,
                base_version: sync.version.as_deref(),
                base_revision: sync.revision,
            }),
            remote,
        );
        match decision {
            Decision::AlreadyHave => Ok(false),
            Decision::Adopt { job, version } => {
                sync.version = Some(version);
                sync.revision = job.revision;
                store.adopt(&job, &sync, replaces).await?;
                Ok(false)
            }
            Decision::Remove => {
                store
                    .remove(remote.id, replaces.unwrap_or_default())
                    .await?;
                Ok(false)
            }
            Decision::Rebased { job, onto } => {
                sync.version = Some(onto);
                sync.revision = remote.document.as_ref().map_or(0, |d| d.revision);
                let stored = store
                    .rebase(&job, &sync, replaces.unwrap_or_default())
                    .await?;
                round.rebased += usize::from(stored);
                Ok(stored)
            }
            Decision::Conflict => {
                sync.conflict = Some(remote.clone());
                store.set_job_sync(remote.id, &sync).await?;
                Ok(false)
            }
        }
    }
}

/// Uploads the blobs of `job` the server does not have yet.
async fn send_blobs<R: Remote>(remote: &R, job: &Job, round: &mut Round) -> Result<(), Failure> {
    for sha in blob_refs(job) {
        if !remote.has_blob(&sha).await? && remote.put_blob(&sha).await? {
            round.blobs_sent += 1;
        }
    }
    Ok(())
}

fn status_of(failure: &Failure) -> Option<u16> {
    match failure {
        Failure::Network => None,
        Failure::Status { status, .. } => Some(*status),
    }
}

fn message_of(failure: Failure) -> String {
    match failure {
        Failure::Network => String::new(),
        Failure::Status { message, .. } => message,
    }
}

/// A failure that ends the round (a refusal of one job does not; see `push_job`).
fn stop(failure: Failure) -> Stop {
    match verdict(status_of(&failure)) {
        Verdict::PauseForAuth => Stop::Pause,
        _ => Stop::Retry(failure),
    }
}
