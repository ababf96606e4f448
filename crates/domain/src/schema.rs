//! The stored form of a job: `{"schema": N, "job": {...}}`. Stored records outlive app
//! versions (a phone may hold jobs from months ago), so `restore` upgrades every older schema
//! step by step to the current one.
//!
//! Versions:
//! - 1: the first stored layout: plate and appointment flags flat on the job
//!   (`plate`, `appointment`, `booked_at`), no revision counter.
//! - 2: the plate lives in `vehicle`, appointment vs walk-in is `visit`, and `revision` counts
//!   applied commands.
//! - 3: a job may carry its repair order (`order`) and history entries of the order's
//!   commands (`{"at", "actor", "order"}`). A schema-2 record reads unchanged; an app that
//!   knows only schema 2 refuses a schema-3 record ("update the app") instead of writing it
//!   back without its order.

use crate::job::Job;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;
use thiserror::Error;

pub const CURRENT_SCHEMA: u32 = 3;

/// The oldest schema a sync client may still write: a schema-2 job is a schema-3 job without
/// an order.
pub const OLDEST_WRITTEN_SCHEMA: u32 = 2;

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

/// A stored record read once: its schema, and its job as the text it was written as.
#[derive(Deserialize)]
struct Envelope<'a> {
    schema: u32,
    #[serde(borrow)]
    job: Option<&'a RawValue>,
}

/// A JSON object's members in their order, each value as the text it was written as.
#[derive(Default)]
struct Members<'a>(Vec<(String, &'a RawValue)>);

impl<'a> Members<'a> {
    fn remove(&mut self, key: &str) -> Option<&'a RawValue> {
        let at = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(at).1)
    }

    fn get(&self, key: &str) -> Option<&'a RawValue> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| *v)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Members<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for Visit<'a> {
            type Value = Members<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<Members<'a>, M::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry::<String, &'a RawValue>()? {
                    // A repeated member: the last one counts, as JSON readers take it.
                    members.retain(|(k, _): &(String, &RawValue)| *k != member.0);
                    members.push(member);
                }
                Ok(Members(members))
            }
        }
        d.deserialize_map(Visit(std::marker::PhantomData))
    }
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
/// schema is read straight into `Job`; older ones are rewritten as text first (`v1_to_v2`).
pub fn restore(record: &str) -> Result<Job, SchemaError> {
    // An envelope is an object (a struct reads from an array too).
    if !record.trim_start().starts_with('{') {
        return Err(SchemaError::NotAnEnvelope);
    }
    let envelope: Envelope =
        serde_json::from_str(record).map_err(|_| SchemaError::NotAnEnvelope)?;
    let job = envelope.job.ok_or(SchemaError::NotAnEnvelope)?.get();
    match envelope.schema {
        OLDEST_WRITTEN_SCHEMA..=CURRENT_SCHEMA => serde_json::from_str(job).map_err(malformed),
        schema if schema > CURRENT_SCHEMA => Err(SchemaError::TooNew(schema)),
        _ => restore(&format!(
            r#"{{"schema":{CURRENT_SCHEMA},"job":{}}}"#,
            v1_to_v2(job)?
        )),
    }
}

/// Reads a record written by another party (a sync client) of the current schema, and only
/// if every value the job is made of reads back as it was sent: what the domain would write
/// again is contained in the record. Properties the job does not know are allowed (they are
/// kept by whoever keeps the record whole); a value it would change is `Lossy`.
pub fn restore_whole(record: &str) -> Result<Job, SchemaError> {
    let sent: Value = serde_json::from_str(record).map_err(|_| SchemaError::NotAnEnvelope)?;
    match sent.get("schema").and_then(Value::as_u64) {
        Some(schema)
            if (u64::from(OLDEST_WRITTEN_SCHEMA)..=u64::from(CURRENT_SCHEMA)).contains(&schema) => {
        }
        Some(schema) if schema > u64::from(CURRENT_SCHEMA) => {
            return Err(SchemaError::TooNew(
                u32::try_from(schema).unwrap_or(u32::MAX),
            ))
        }
        Some(_) => {
            return Err(SchemaError::Malformed(format!(
                "documents are written in schema {OLDEST_WRITTEN_SCHEMA} to {CURRENT_SCHEMA}"
            )))
        }
        None => return Err(SchemaError::NotAnEnvelope),
    }
    let job = restore(record)?;
    let mut read: Value = serde_json::from_str(&store(&job)?).map_err(malformed)?;
    // Kept in the schema it was sent in (an older one is the current one without its news).
    read["schema"] = sent["schema"].clone();
    // The history is kept as it was sent; each entry must still read, and read back whole.
    // Through text, as the job is: a value goes through its own type's spelling (an f32 as an
    // f32), not through an f64.
    let entries = serde_json::to_string(&job.history.entries().map_err(malformed)?);
    read["job"]["history"] =
        serde_json::from_str(&entries.map_err(malformed)?).map_err(malformed)?;
    // So is the repair order.
    if let Some(order) = job
        .repair_order()
        .map_err(|e| SchemaError::Malformed(e.to_string()))?
    {
        read["job"]["order"] = serde_json::to_value(order).map_err(malformed)?;
    }
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
/// Schema 1 → 2, on the text: the plate moves into `vehicle`, `appointment` and `booked_at`
/// become `visit`, and `revision` counts the history. Every other member is kept as written.
/// (Values pass through as text, so the pages carry no JSON tree code for old records.)
fn v1_to_v2(job: &str) -> Result<String, SchemaError> {
    let not_object = || SchemaError::Malformed("job is not an object".into());
    let mut job: Members = serde_json::from_str(job).map_err(|_| not_object())?;
    let plate = job.remove("plate").map_or("null", RawValue::get);
    let appointment = job.remove("appointment").is_some_and(|v| v.get() == "true");
    let booked_at = job.remove("booked_at").map_or("null", RawValue::get);
    let mut vehicle: Members = match job.remove("vehicle") {
        Some(v) => serde_json::from_str(v.get()).map_err(|_| not_object())?,
        None => Members::default(),
    };
    let revision = match job.get("history") {
        Some(h) => serde_json::from_str::<Vec<&RawValue>>(h.get())
            .map_err(malformed)?
            .len(),
        None => 1,
    };
    for key in ["visit", "revision"] {
        job.remove(key);
    }
    vehicle.remove("plate");
    let visit = if appointment {
        format!(r#"{{"Appointment":{{"booked_at":{booked_at}}}}}"#)
    } else {
        r#""WalkIn""#.to_string()
    };
    let mut vehicle = object(&vehicle);
    vehicle.pop();
    if vehicle.len() > 1 {
        vehicle.push(',');
    }
    vehicle.push_str(&format!(r#""plate":{plate}}}"#));
    let mut text = object(&job);
    text.pop();
    if text.len() > 1 {
        text.push(',');
    }
    text.push_str(&format!(
        r#""vehicle":{vehicle},"visit":{visit},"revision":{revision}}}"#
    ));
    Ok(text)
}

/// An object's members written out again.
fn object(members: &Members) -> String {
    let members: Vec<String> = members
        .0
        .iter()
        .map(|(key, value)| {
            let key = serde_json::to_string(key).unwrap_or_default();
            format!("{key}:{}", value.get())
        })
        .collect();
    format!("{{{}}}", members.join(","))
}
