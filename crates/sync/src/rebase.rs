//! How a pulled document meets the device's copy of the same job. Both carry their history of
//! commands; the part they share is the common ancestor. A pulled document never overwrites
//! local changes the server lacks: those commands (the device's history after the common
//! part) are replayed on top of the server's document, and the result is pushed. Comparing
//! histories rather than trusting the last confirmation also covers a write whose answer was
//! lost: the server's document is then simply an earlier state of the device's. When they cannot be replayed — most of all
//! when the check-in was signed on both sides, or signed on the server while this device
//! still changed it — both versions are kept and shown: a signed sheet is never silently
//! dropped. Histories are compared as written; only check-in commands are replayed here (the
//! sync worker carries no repair-order code): own repair-order changes on a copy the server
//! also changed are kept beside the server's, for the advisor to choose.

use crate::protocol::Stored;
use lanecheck_domain::job::HistoryEntry;
use lanecheck_domain::Job;

/// The device's copy of a job, as far as syncing is concerned.
#[derive(Clone, Copy, Debug)]
pub struct Local<'a> {
    pub job: &'a Job,
    /// The server version this copy was last in step with, if it ever was.
    pub base_version: Option<&'a str>,
    /// The revision of `job` the server confirmed at `base_version` (0 if never synced).
    pub base_revision: u64,
}

impl Local<'_> {
    /// Whether the device has changes the server has not confirmed.
    pub fn pending(&self) -> bool {
        self.job.revision > self.base_revision
    }
}

/// What to do with a pulled document.
#[derive(Clone, Debug, PartialEq)]
pub enum Decision {
    /// Nothing: the device already has this version (often its own write, echoed).
    AlreadyHave,
    /// Store the server's document as the device's copy, in step with `version`.
    Adopt { job: Box<Job>, version: String },
    /// The job was deleted on the server and the device has nothing unsent: remove it.
    Remove,
    /// The device's changes replayed on the server's document: store it and push it with
    /// `If-Match` on `onto`.
    Rebased { job: Box<Job>, onto: String },
    /// Both versions must be kept and shown to the advisor.
    Conflict,
}

pub fn reconcile(local: Option<Local<'_>>, remote: &Stored) -> Decision {
    let Some(local) = local else {
        return match &remote.document {
            Some(job) if !remote.deleted => Decision::Adopt {
                job: Box::new(job.clone()),
                version: remote.version.clone(),
            },
            _ => Decision::AlreadyHave,
        };
    };
    if local.base_version == Some(remote.version.as_str()) {
        return Decision::AlreadyHave;
    }
    let Some(theirs) = remote.document.as_ref().filter(|_| !remote.deleted) else {
        return if local.pending() {
            Decision::Conflict
        } else {
            Decision::Remove
        };
    };
    // Compared as written: the worker reads no repair-order command.
    let shared = local.job.history.shared_with(&theirs.history);
    let version = remote.version.clone();
    if shared == local.job.history.len() {
        // Nothing here the server lacks.
        Decision::Adopt {
            job: Box::new(theirs.clone()),
            version,
        }
    } else if shared == theirs.history.len() {
        // The server has an earlier state of this copy: push it as it is.
        Decision::Rebased {
            job: Box::new(local.job.clone()),
            onto: version,
        }
    } else {
        // Own changes that cannot be read, or the repair order's, are not replayed here:
        // both versions are kept and shown.
        let own = local.job.history.commands_from(shared);
        match own
            .ok()
            .flatten()
            .and_then(|own| replay(&own, local.job, theirs))
        {
            Some(job) => Decision::Rebased {
                job: Box::new(job),
                onto: version,
            },
            None => Decision::Conflict,
        }
    }
}

/// The device's own commands applied, in order, to the server's document; `None` if one of
/// them is refused, or if the replay would number new marks or concerns differently (the
/// server's copy gained some of its own), since later commands refer to those numbers.
fn replay(own: &[HistoryEntry], local: &Job, theirs: &Job) -> Option<Job> {
    let mut job = theirs.clone();
    for entry in own {
        job.apply(entry.command.clone(), entry.at, entry.actor.clone())
            .ok()?;
    }
    (job.next_local_id == local.next_local_id).then_some(job)
}
