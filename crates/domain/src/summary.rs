//! What the job list shows of a job and what finds it: a small record kept beside each stored
//! job and written in the same transaction, so the list and its search read a window of these
//! instead of every job on the device, however many jobs it holds. It also carries what a later
//! visit of the same car needs (VIN, odometer, damage marks), and it stays on the device when a
//! finished job itself leaves it (`retention`).
//!
//! Search is by prefix over `terms`: every suffix of the plate (so "12345", "A12345" and
//! "京A12345" all find 京A12345) and every suffix of the VIN of six characters or more (the
//! whole VIN, or its last six as advisors read them off the windscreen).

use crate::ids::JobId;
use crate::inspection::DamageMark;
use crate::job::Job;
use crate::lifecycle::JobState;
use crate::plate::{normalise, Plate};
use crate::vin::Vin;
use chrono::serde::ts_milliseconds;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The shortest VIN suffix that is a search term.
pub const VIN_TERM_MIN: usize = 6;
/// The fewest index entries read for one search; the newest of the jobs they name are shown.
pub const SEARCH_READS: usize = 200;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub id: JobId,
    pub revision: u64,
    pub plate: Plate,
    pub vin: Option<Vin>,
    pub state: JobState,
    pub appointment: bool,
    #[serde(with = "ts_milliseconds")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "ts_milliseconds")]
    pub updated_at: DateTime<Utc>,
    pub odometer_km: Option<u32>,
    pub damage: Vec<DamageMark>,
    /// False once the job itself has left the device (it is on the server).
    pub on_device: bool,
    /// The list's order as an index key: minus the creation time in milliseconds, so an
    /// ascending read is newest first (ties by id).
    pub rank: i64,
    /// What a search matches, by prefix. Written for the index, never read back (a summary
    /// read from storage has none: it is only shown).
    #[serde(skip_deserializing)]
    pub terms: Vec<String>,
}

impl Summary {
    pub fn of(job: &Job) -> Summary {
        Summary {
            id: job.id,
            revision: job.revision,
            plate: job.vehicle.plate.clone(),
            vin: job.vehicle.vin.clone(),
            state: job.state,
            appointment: job.is_appointment(),
            created_at: job.created_at,
            updated_at: job.updated_at,
            odometer_km: job.vehicle.odometer_km,
            damage: job.damage.clone(),
            on_device: true,
            rank: -job.created_at.timestamp_millis(),
            terms: terms(job),
        }
    }

    /// Whether a search for `term` (normalised) finds this job: what the `terms` index does.
    pub fn matches(&self, term: &str) -> bool {
        term.is_empty() || self.terms.iter().any(|t| t.starts_with(term))
    }
}

/// Every suffix of the plate, and the VIN's suffixes of `VIN_TERM_MIN` characters or more.
pub fn terms(job: &Job) -> Vec<String> {
    let vin = job.vehicle.vin.as_ref();
    let all = suffixes(job.vehicle.plate.as_str(), 1)
        .into_iter()
        .chain(vin.map_or_else(Vec::new, |v| suffixes(v.as_str(), VIN_TERM_MIN)));
    // Each once, in the order they come (a few dozen): a sort would add its code to every
    // page that saves a job.
    let mut terms: Vec<String> = Vec::new();
    for term in all {
        if !terms.contains(&term) {
            terms.push(term);
        }
    }
    terms
}

fn suffixes(text: &str, shortest: usize) -> Vec<String> {
    let count = text.chars().count();
    text.char_indices()
        .take((count + 1).saturating_sub(shortest))
        .map(|(at, _)| text[at..].to_string())
        .collect()
}

/// The terms under which the other visits of `job`'s vehicle are stored: its plate and its VIN.
pub fn vehicle_terms(job: &Job) -> Vec<String> {
    let mut keys = vec![job.vehicle.plate.as_str().to_string()];
    keys.extend(job.vehicle.vin.as_ref().map(|v| v.as_str().to_string()));
    keys
}

/// What the job list asks for: the newest `limit` jobs whose terms start with `term` (all
/// jobs when it is empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListQuery {
    pub term: String,
    pub limit: usize,
}

impl ListQuery {
    /// The query for what was typed in the search field.
    pub fn new(typed: &str, limit: usize) -> ListQuery {
        ListQuery {
            term: normalise(typed),
            limit,
        }
    }
}

/// One window of the job list, newest first. `more`: there are further jobs (or, for a
/// search, further matches) past it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListPage {
    pub summaries: Vec<Summary>,
    pub more: bool,
}

/// How many index entries a search for `limit` jobs reads: a job is found once per suffix
/// that starts with the term, so a few more than `limit`.
pub fn search_reads(limit: usize) -> usize {
    limit.saturating_mul(4).max(SEARCH_READS)
}

/// The page for `query` out of the summaries that match it, as an index gives them (any
/// order, a job possibly more than once): each job once, newest first, at most
/// `query.limit`; `complete` says whether they are every match or were cut off when read.
pub fn page_of(summaries: Vec<Summary>, query: &ListQuery, complete: bool) -> ListPage {
    // Kept in order as they come: a window is small, and this costs the wasm no sort.
    let mut found: Vec<Summary> = Vec::new();
    for summary in summaries {
        if found.iter().all(|f| f.id != summary.id) {
            let at = found.partition_point(|f| (f.rank, f.id) < (summary.rank, summary.id));
            found.insert(at, summary);
        }
    }
    let more = found.len() > query.limit || !complete;
    found.truncate(query.limit);
    ListPage {
        summaries: found,
        more,
    }
}
