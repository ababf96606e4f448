//! The bodies of LaneCheck Sync v1, as the OpenAPI document describes them.

use crate::engine::{Failure, Precondition};
use lanecheck_domain::summary::Summary;
use lanecheck_domain::{schema, Job, JobId, JobState};
use serde::{Deserialize, Serialize};

/// A job as the server stores it: its version and its document, or a tombstone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stored {
    pub id: JobId,
    pub version: String,
    pub deleted: bool,
    /// `None` for a tombstone. On the wire the stored envelope `{schema, job}`.
    #[serde(with = "document")]
    pub document: Option<Job>,
}

/// A job document on the wire: the envelope the app stores (`schema::store`). Servers of
/// contract 1.0 answered with the bare job, which is still read.
mod document {
    use lanecheck_domain::schema::{self, CURRENT_SCHEMA};
    use lanecheck_domain::Job;
    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use serde_json::Value;

    #[derive(Serialize)]
    struct Envelope<'a> {
        schema: u32,
        job: &'a Job,
    }

    pub fn serialize<S: Serializer>(document: &Option<Job>, s: S) -> Result<S::Ok, S::Error> {
        document
            .as_ref()
            .map(|job| Envelope {
                schema: CURRENT_SCHEMA,
                job,
            })
            .serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Job>, D::Error> {
        match Option::<Value>::deserialize(d)? {
            None => Ok(None),
            Some(envelope) if envelope.get("schema").is_some() => {
                schema::restore(&envelope.to_string())
                    .map(Some)
                    .map_err(D::Error::custom)
            }
            // Through text: the job's deserializer from text is already in every bundle.
            Some(bare) => serde_json::from_str(&bare.to_string())
                .map(Some)
                .map_err(D::Error::custom),
        }
    }
}

/// One page of the change feed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Changes {
    pub changes: Vec<Stored>,
    pub next: String,
    pub has_more: bool,
}

/// The error body of every 4xx and 5xx.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub code: String,
    pub message: String,
    /// For `missing_blobs`: the SHA-256s the server does not have.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
}

/// `GET /whoami`: whose token this is, and the server's limits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WhoAmI {
    pub advisor: String,
    pub store: String,
    pub max_blob_bytes: u64,
    pub max_job_bytes: u64,
}

/// The most jobs one `GET /search` answers with.
pub const SEARCH_LIMIT: usize = 50;

/// One job found by `GET /search` (contract 1.3.0): what the job list shows of a job of the
/// store that this device may not hold (it left the device, or came before the device did).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Found {
    pub id: JobId,
    pub plate: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vin: Option<String>,
    pub state: JobState,
    pub appointment: bool,
    /// Milliseconds since the Unix epoch.
    pub created_at: i64,
}

impl Found {
    pub fn of(summary: &Summary) -> Found {
        Found {
            id: summary.id,
            plate: summary.plate.to_string(),
            vin: summary.vin.as_ref().map(|v| v.as_str().to_string()),
            state: summary.state,
            appointment: summary.appointment,
            created_at: summary.created_at.timestamp_millis(),
        }
    }
}

/// The answer of `GET /search`: the newest matches first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Search {
    pub jobs: Vec<Found>,
}

/// Every blob a job document references (photos, the check-in's signature image and the
/// repair order's), each once, sorted: what must be on the server before the document is sent.
pub fn blob_refs(job: &Job) -> Vec<String> {
    let mut refs: Vec<String> = job
        .photos
        .iter()
        .map(|p| p.sha256.clone())
        .chain(job.signature.iter().map(|s| s.png_sha256.clone()))
        .chain(job.order.iter().flat_map(|o| o.signature_images()))
        .collect();
    refs.sort();
    refs.dedup();
    refs
}

/// The `ETag` / `If-Match` form of a version: quoted.
pub fn etag(version: &str) -> String {
    format!("\"{version}\"")
}

/// The version inside an `ETag` or `If-Match` value (quotes and a weak `W/` prefix removed).
pub fn version_of(etag: &str) -> &str {
    etag.trim().trim_start_matches("W/").trim_matches('"')
}

/// A job write as the contract sends it: `PUT <path>` with the document and these headers.
pub struct JobWrite {
    pub path: String,
    pub body: String,
    pub headers: [(&'static str, String); 3],
}

/// The write of `job`'s document under `precondition`, with its idempotency key. A document
/// that cannot be written is refused here as the server would (422), never retried.
pub fn job_write(
    job: &Job,
    precondition: &Precondition,
    idempotency_key: &str,
) -> Result<JobWrite, Failure> {
    let condition = match precondition {
        Precondition::Create => ("If-None-Match", "*".to_string()),
        Precondition::Update(version) => ("If-Match", etag(version)),
    };
    Ok(JobWrite {
        path: format!("/jobs/{}", job.id),
        body: schema::store(job).map_err(|e| Failure::Status {
            status: 422,
            retry_after_ms: None,
            message: e.to_string(),
        })?,
        headers: [
            ("Content-Type", "application/json".into()),
            ("Idempotency-Key", idempotency_key.into()),
            condition,
        ],
    })
}
