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

/// A job with one damage mark, stored, as a JSON tree to edit.
fn marked_tree() -> serde_json::Value {
    use lanecheck_domain::inspection::{DamageKind, Severity, View};
    use lanecheck_domain::Command;
    let mut job = walk_in(8);
    apply_all(
        &mut job,
        1,
        vec![
            Command::StartInspection,
            Command::AddDamage {
                view: View::Left,
                x: 0.25,
                y: 0.5,
                kind: DamageKind::Scratch,
                severity: Severity::Minor,
                note: "门把手".into(),
            },
        ],
    );
    serde_json::from_str(&store(&job).unwrap()).unwrap()
}

#[test]
fn a_document_that_reads_back_whole_is_accepted_with_properties_the_job_does_not_know() {
    use lanecheck_domain::schema::restore_whole;
    let mut tree = marked_tree();
    tree["x_dealer_ref"] = json!("DMS-7");
    tree["job"]["x_dealer_ref"] = json!({"ro": 12});
    // The same number in another spelling is the same value.
    tree["job"]["damage"][0]["x"] = json!(2.5e-1);
    let job = restore_whole(&tree.to_string()).unwrap();
    assert_eq!(job.damage[0].x, 0.25);
}

// Pins the server bug where `"x": 1e39` was acknowledged and then read back as null.
#[test]
fn a_number_the_job_cannot_hold_is_lossy_and_names_its_place() {
    use lanecheck_domain::schema::restore_whole;
    // Out of the field's range: read as infinity (and so lossy), or refused while parsing
    // where serde_json parses floats exactly (`float_roundtrip`, as the server builds it).
    for number in [json!(1e39), json!(-1e-50)] {
        let mut tree = marked_tree();
        tree["job"]["damage"][0]["x"] = number.clone();
        let read = restore_whole(&tree.to_string());
        assert!(
            matches!(&read, Err(SchemaError::Lossy(at)) if at == "/job/damage/0/x")
                || matches!(&read, Err(SchemaError::Malformed(_))),
            "{number}: {read:?}"
        );
    }
    // In range, but more digits than the field holds.
    let mut tree = marked_tree();
    tree["job"]["damage"][0]["x"] = json!(0.123456789012345);
    assert_eq!(
        restore_whole(&tree.to_string()),
        Err(SchemaError::Lossy("/job/damage/0/x".into()))
    );
    let mut tree = marked_tree();
    // Integer fields take integers only; any other spelling is refused, never rounded.
    for number in [json!(1e3), json!(1.5), json!(-1), json!("7")] {
        tree["job"]["revision"] = number.clone();
        assert!(restore_whole(&tree.to_string()).is_err(), "{number}");
    }
}

#[test]
fn only_the_current_schema_is_accepted_from_a_client() {
    use lanecheck_domain::schema::restore_whole;
    let fixture = include_str!("fixtures/job_v1.json");
    assert!(matches!(
        restore_whole(fixture),
        Err(SchemaError::Malformed(_))
    ));
    let mut tree = marked_tree();
    tree["schema"] = json!(CURRENT_SCHEMA + 1);
    assert_eq!(
        restore_whole(&tree.to_string()),
        Err(SchemaError::TooNew(CURRENT_SCHEMA + 1))
    );
    assert_eq!(restore_whole("{}"), Err(SchemaError::NotAnEnvelope));
}

/// Any job written the schema-1 way (plate and appointment flat on the job, no visit, no
/// revision) is upgraded, member for member, to the job it stands for: the text rewrite of
/// `v1_to_v2` loses and changes nothing else.
#[test]
fn a_job_written_as_schema_1_is_upgraded_to_the_same_job() {
    use lanecheck_domain::{Command, Visit};
    for appointment in [false, true] {
        let mut job = walk_in(9);
        if appointment {
            job.visit = Visit::Appointment { booked_at: t(0) };
        }
        apply_all(&mut job, 1, vec![Command::Greet, Command::StartInspection]);
        let mut tree: serde_json::Value = serde_json::from_str(&store(&job).unwrap()).unwrap();
        tree["schema"] = json!(1);
        let old = tree["job"].as_object_mut().unwrap();
        let plate = old["vehicle"]
            .as_object_mut()
            .unwrap()
            .remove("plate")
            .unwrap();
        old.insert("plate".into(), plate);
        old.insert("appointment".into(), json!(appointment));
        if let Visit::Appointment { booked_at } = job.visit {
            old.insert("booked_at".into(), json!(booked_at.timestamp_millis()));
        }
        old.remove("visit");
        old.remove("revision");
        assert_eq!(job.revision as usize, job.history.len());
        assert_eq!(
            restore(&tree.to_string()),
            Ok(job),
            "appointment {appointment}"
        );
    }
}

/// A job read from text keeps its history as written: written back unchanged, equal to the
/// job it came from, its entries read when asked for.
#[test]
fn a_history_read_from_text_is_written_back_as_read() {
    let tree = marked_tree();
    // Members in another order than the domain writes them: kept as they are.
    let text = tree.to_string();
    let job = restore(&text).unwrap();
    let history = serde_json::to_string(&tree["job"]["history"]).unwrap();
    assert!(history.starts_with(r#"[{"actor":"#), "{history}");
    assert!(store(&job).unwrap().contains(&history));
    let original = restore(&store(&job).unwrap()).unwrap();
    assert_eq!(job, original);
    assert_eq!(job.history.entries().unwrap().len(), job.history.len());
}

/// The server keeps a history as sent, so each entry must read, and read back whole.
#[test]
fn a_history_entry_that_does_not_read_back_whole_is_refused() {
    use lanecheck_domain::schema::restore_whole;
    let tree = marked_tree();
    let at = tree["job"]["history"]
        .as_array()
        .unwrap()
        .iter()
        .position(|entry| entry["command"].get("AddDamage").is_some())
        .unwrap();
    // A position as a device writes it (an f32 in its shortest spelling) reads back whole.
    let mut written = tree.clone();
    written["job"]["history"][at]["command"]["AddDamage"]["x"] = json!(0.3);
    assert!(restore_whole(&written.to_string()).is_ok());
    let mut unknown = tree.clone();
    unknown["job"]["history"][at]["command"] = json!({"Teleport": {"to": "Mars"}});
    assert!(matches!(
        restore_whole(&unknown.to_string()),
        Err(SchemaError::Malformed(_))
    ));
    let mut lossy = tree;
    lossy["job"]["history"][at]["command"]["AddDamage"]["x"] = json!(0.123456789012345);
    assert_eq!(
        restore_whole(&lossy.to_string()),
        Err(SchemaError::Lossy(format!(
            "/job/history/{at}/command/AddDamage/x"
        )))
    );
}
