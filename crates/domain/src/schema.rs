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
    /// The job reads, but not as it was written: a value at this path (a JSON pointer) would
    /// come back changed, e.g. a number too large for its field.
    #[error("the value at {0} cannot be kept as sent")]
    Lossy(String),
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

/// Reads a record written by another party (a sync client) of the current schema, and only
/// if every value the job is made of reads back as it was sent: what the domain would write
/// again is contained in the record. Properties the job does not know are allowed (they are
/// kept by whoever keeps the record whole); a value it would change is `Lossy`.
pub fn restore_whole(record: &str) -> Result<Job, SchemaError> {
    let sent: Value = serde_json::from_str(record).map_err(|_| SchemaError::NotAnEnvelope)?;
    match sent.get("schema").and_then(Value::as_u64) {
        Some(schema) if schema == u64::from(CURRENT_SCHEMA) => {}
        Some(schema) if schema > u64::from(CURRENT_SCHEMA) => {
            return Err(SchemaError::TooNew(
                u32::try_from(schema).unwrap_or(u32::MAX),
            ))
        }
        Some(_) => {
            return Err(SchemaError::Malformed(format!(
                "documents are written in schema {CURRENT_SCHEMA}"
            )))
        }
        None => return Err(SchemaError::NotAnEnvelope),
    }
    let job = restore(record)?;
    let read: Value = serde_json::from_str(&store(&job)?).map_err(malformed)?;
    contained(&read, &sent, &mut String::new())?;
    Ok(job)
}

/// Whether `read` is part of `sent`: each of its object members present in `sent` with a
/// contained value, arrays of equal length with contained items, numbers numerically equal.
/// A member `read` has and `sent` lacks was defaulted on reading; that loses nothing.
fn contained(read: &Value, sent: &Value, at: &mut String) -> Result<(), SchemaError> {
    let lossy = |at: &String| {
        Err(SchemaError::Lossy(if at.is_empty() {
            "/".into()
        } else {
            at.clone()
        }))
    };
    match (read, sent) {
        (Value::Object(read), Value::Object(sent)) => {
            for (key, value) in read {
                let Some(theirs) = sent.get(key) else {
                    continue;
                };
                let len = at.len();
                at.push('/');
                at.push_str(key);
                contained(value, theirs, at)?;
                at.truncate(len);
            }
            Ok(())
        }
        (Value::Array(read), Value::Array(sent)) if read.len() == sent.len() => {
            for (i, (value, theirs)) in read.iter().zip(sent).enumerate() {
                let len = at.len();
                at.push_str(&format!("/{i}"));
                contained(value, theirs, at)?;
                at.truncate(len);
            }
            Ok(())
        }
        (Value::Number(a), Value::Number(b)) => {
            let same = match (a.as_i64(), b.as_i64(), a.as_u64(), b.as_u64()) {
                (Some(a), Some(b), _, _) => a == b,
                (_, _, Some(a), Some(b)) => a == b,
                _ => a.as_f64() == b.as_f64(),
            };
            if same {
                Ok(())
            } else {
                lossy(at)
            }
        }
        (read, sent) if read == sent => Ok(()),
        _ => lossy(at),
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
