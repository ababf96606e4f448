//! New job ids, from the browser's cryptographic UUID generator (works offline).

use lanecheck_domain::JobId;

pub fn new_job_id() -> Option<JobId> {
    let uuid = web_sys::window()?.crypto().ok()?.random_uuid();
    JobId::parse(&uuid)
}
