//! Stored jobs of older schemas are upgraded, never lost.

mod support;

use lanecheck_domain::schema::{restore, store, SchemaError, CURRENT_SCHEMA};
use lanecheck_domain::{JobState, Visit};
use serde_json::json;
use support::*;

#[test]
fn current_schema_round_trips() {
    let job = walk_in(7);
    let stored = store(&job).unwrap();
    let tree: serde_json::Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(tree["schema"], json!(CURRENT_SCHEMA));
    assert_eq!(restore(&stored), Ok(job));
}

#[test]
fn version_1_fixture_is_upgraded() {
    let fixture = include_str!("fixtures/job_v1.json");
    let job = restore(fixture).unwrap();
    assert_eq!(job.vehicle.plate.as_str(), "沪AD12345");
    assert!(matches!(job.visit, Visit::Appointment { .. }));
    assert_eq!(job.state, JobState::Booked);
    assert_eq!(job.revision, 1);
    assert_eq!(job.history.len(), 1);
}

#[test]
fn unreadable_records_are_errors_not_panics() {
    assert_eq!(restore("[1, 2]"), Err(SchemaError::NotAnEnvelope));
    assert_eq!(restore("not json"), Err(SchemaError::NotAnEnvelope));
    assert_eq!(
        restore(r#"{"schema": 99, "job": {}}"#),
        Err(SchemaError::TooNew(99))
    );
    assert!(matches!(
        restore(r#"{"schema": 2, "job": {}}"#),
        Err(SchemaError::Malformed(_))
    ));
    assert!(matches!(
        restore(r#"{"schema": 1, "job": 3}"#),
        Err(SchemaError::Malformed(_))
    ));
    assert_eq!(restore(r#"{"schema": 1}"#), Err(SchemaError::NotAnEnvelope));
}
