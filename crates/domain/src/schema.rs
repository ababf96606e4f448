//! The stored form of a job: `{"schema": N, "job": {...}}`. Stored records outlive app
//! versions (a phone may hold jobs from months ago), so `restore` upgrades every older schema
//! step by step to the current one.
//!
//! Versions:
//! - 1: the first stored layout: plate and appointment flags flat on the job
//!   (`plate`, `appointment`, `booked_at`), no revision counter.
//! - 2: the plate lives in `vehicle`, appointment vs walk-in is `visit`, and `revision` counts
//!   applied commands.

use crate::job::Job;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use thiserror::Error;

pub const CURRENT_SCHEMA: u32 = 2;

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SchemaError {
    #[error("stored record is not a job envelope")]
    NotAnEnvelope,
    #[error("stored schema {0} is newer than this app ({CURRENT_SCHEMA}); update the app")]
    TooNew(u32),
    #[error("stored job could not be read: {0}")]
    Malformed(String),
}

#[derive(Serialize)]
struct Stored<'a> {
    schema: u32,
    job: &'a Job,
}

#[derive(Deserialize)]
struct Current {
    job: Job,
}

#[derive(Deserialize)]
struct Header {
    schema: u32,
}

/// The current stored form of a job, as JSON text.
pub fn store(job: &Job) -> Result<String, SchemaError> {
    serde_json::to_string(&Stored {
        schema: CURRENT_SCHEMA,
        job,
    })
    .map_err(malformed)
}

/// Reads a stored record of any known schema, upgrading it to the current `Job`. The current
/// schema is read straight into `Job`; older ones pass through a JSON tree to be rewritten.
pub fn restore(record: &str) -> Result<Job, SchemaError> {
    let header: Header = serde_json::from_str(record).map_err(|_| SchemaError::NotAnEnvelope)?;
    match header.schema {
        CURRENT_SCHEMA => serde_json::from_str::<Current>(record)
            .map(|current| current.job)
            .map_err(malformed),
        schema if schema > CURRENT_SCHEMA => Err(SchemaError::TooNew(schema)),
        _ => {
            let Ok(Value::Object(mut envelope)) = serde_json::from_str::<Value>(record) else {
                return Err(SchemaError::NotAnEnvelope);
            };
            let job = envelope.remove("job").ok_or(SchemaError::NotAnEnvelope)?;
            let upgraded = json!({ "schema": CURRENT_SCHEMA, "job": v1_to_v2(job)? });
            restore(&upgraded.to_string())
        }
    }
}

fn malformed(err: serde_json::Error) -> SchemaError {
    SchemaError::Malformed(err.to_string())
}
fn v1_to_v2(job: Value) -> Result<Value, SchemaError> {
    let Value::Object(mut job) = job else {
        return Err(SchemaError::Malformed("job is not an object".into()));
    };
    let plate = job.remove("plate").unwrap_or(Value::Null);
    let vehicle = job
        .entry("vehicle")
        .or_insert_with(|| Value::Object(Map::new()));
    if let Value::Object(vehicle) = vehicle {
        vehicle.insert("plate".into(), plate);
    }
    let appointment = job
        .remove("appointment")
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    let booked_at = job.remove("booked_at").unwrap_or(Value::Null);
    let visit = if appointment {
        json!({ "Appointment": { "booked_at": booked_at } })
    } else {
        json!("WalkIn")
    };
    job.insert("visit".into(), visit);
    let revision = job
        .get("history")
        .and_then(Value::as_array)
        .map_or(1, Vec::len);
    job.insert("revision".into(), json!(revision));
    Ok(Value::Object(job))
}
