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

/// The current stored form of a job.
pub fn store(job: &Job) -> Value {
    json!({ "schema": CURRENT_SCHEMA, "job": job })
}

/// Reads a stored record of any known schema, upgrading it to the current `Job`.
pub fn restore(record: Value) -> Result<Job, SchemaError> {
    let Value::Object(mut envelope) = record else {
        return Err(SchemaError::NotAnEnvelope);
    };
    let schema = envelope
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or(SchemaError::NotAnEnvelope)? as u32;
    let mut job = envelope.remove("job").ok_or(SchemaError::NotAnEnvelope)?;
    if schema > CURRENT_SCHEMA {
        return Err(SchemaError::TooNew(schema));
    }
    if schema < 2 {
        job = v1_to_v2(job)?;
    }
    serde_json::from_value(job).map_err(|e| SchemaError::Malformed(e.to_string()))
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
