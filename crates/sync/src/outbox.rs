//! Which writes to push. The outbox records every saved change (job and revision); the server
//! only ever needs a job's newest document, so the entries coalesce to one push per job, in
//! the order the jobs were first queued. (Entries the server confirmed are dropped from the
//! outbox with the confirmation; the engine skips a job already in step.)

use lanecheck_domain::store::OutboxEntry;
use lanecheck_domain::JobId;

/// One job document to send: the job and the revision it must at least carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Push {
    pub job_id: JobId,
    pub revision: u64,
}

/// Coalesces the outbox.
pub fn coalesce(entries: &[OutboxEntry]) -> Vec<Push> {
    let mut pushes: Vec<Push> = Vec::new();
    for entry in entries {
        match pushes.iter_mut().find(|p| p.job_id == entry.job_id) {
            Some(push) => push.revision = push.revision.max(entry.revision),
            None => pushes.push(Push {
                job_id: entry.job_id,
                revision: entry.revision,
            }),
        }
    }
    pushes
}
