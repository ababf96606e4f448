//! The check-in seal: a pinned test vector, tamper detection, and that every change of the
//! signed content changes the seal.

mod support;

use lanecheck_domain::inspection::*;
use lanecheck_domain::schema::{restore, store};
use lanecheck_domain::seal::{canonical, compute, receipt_code, SealStatus};
use lanecheck_domain::{Command, Job};
use proptest::prelude::*;
use support::*;

/// A small signed check-in: one damage mark, pointed out, with a photo; then the gate's
/// commands and the signature.
fn signed() -> Job {
    let mut job = walk_in(0x5EA1);
    let add = Command::AddDamage {
        view: View::Left,
        x: 0.25,
        y: 0.5,
        kind: DamageKind::Scratch,
        severity: Severity::Minor,
        note: "左前门划痕".into(),
    };
    apply_all(&mut job, 1, vec![add]);
    let mark = DamageMark {
        pointed_out: true,
        ..job.damage[0].clone()
    };
    let photo = PhotoRef {
        sha256: "aa".repeat(32),
        target: PhotoTarget::Damage(1),
        width: 1600,
        height: 1200,
        bytes: 250_000,
        taken_at: t(30),
    };
    apply_all(
        &mut job,
        2,
        vec![Command::UpdateDamage(mark), Command::AttachPhoto(photo)],
    );
    apply_all(&mut job, 4, gate_commands());
    let signature = SignatureRef {
        png_sha256: "bb".repeat(32),
        signer: "李先生".into(),
        signed_at: t(90),
    };
    apply_all(&mut job, 60, vec![Command::SignCheckIn(signature)]);
    job
}

#[test]
fn test_vector() {
    let job = signed();
    let text = canonical(&job);
    assert!(text.starts_with(r#"{"seal_version":1,"job":"00000000-0000-0000-0000-000000005ea1","appointment":false,"arrived_at":1790000000000,"#));
    assert!(text.contains(r#""damage":[{"id":1,"view":"Left","x":2500,"y":5000,"kind":"Scratch","severity":"Minor","note":"左前门划痕","pointed_out":true}]"#));
    assert!(text.ends_with(r#""gate_override":null,"signature":{"png_sha256":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb","signer":"李先生","signed_at":1790000090000}}"#));
    assert_eq!(compute(&job), SEAL_VECTOR);
    assert_eq!(job.seal.as_deref(), Some(SEAL_VECTOR));
}

/// SHA-256 of `canonical(&signed())`, computed independently when the vector was pinned.
const SEAL_VECTOR: &str = "f3936cccef4e9809539d1d42b94e08b2a3bb0d5966602129dd31265af76d91db";

#[test]
fn a_sealed_record_round_trips_intact() {
    let job = signed();
    assert_eq!(job.seal_status(), SealStatus::Intact);
    let stored = restore(&store(&job).unwrap()).unwrap();
    assert_eq!(stored.seal_status(), SealStatus::Intact);
}

#[test]
fn a_tampered_stored_record_is_detected() {
    let stored = store(&signed()).unwrap();
    let tampered = stored.replace("左前门划痕", "无损伤");
    assert_ne!(tampered, stored);
    assert_eq!(
        restore(&tampered).unwrap().seal_status(),
        SealStatus::Broken
    );
}

#[test]
fn an_unsigned_job_is_unsealed() {
    assert_eq!(walk_in(1).seal_status(), SealStatus::Unsealed);
}

#[test]
fn photo_order_does_not_change_the_seal() {
    let mut job = signed();
    let extra = PhotoRef {
        sha256: "cc".repeat(32),
        target: PhotoTarget::Job,
        width: 1,
        height: 1,
        bytes: 1,
        taken_at: t(0),
    };
    job.photos.insert(0, extra);
    let a = compute(&job);
    job.photos.reverse();
    assert_eq!(compute(&job), a);
}

proptest! {
    #[test]
    fn any_change_of_signed_content_changes_the_seal(field in 0usize..8, text in "[a-z0-9]{1,8}") {
        let job = signed();
        let mut changed = job.clone();
        match field {
            0 => changed.owner.name.push_str(&text),
            1 => changed.vehicle.make_model.push_str(&text),
            2 => changed.damage[0].note.push_str(&text),
            3 => changed.photos[0].sha256.push_str(&text),
            4 => changed.checklist[0].answer = Some(Answer::Issue { note: text }),
            5 => changed.valuables[0].disposition = Some(Disposition::LeftInCar { description: text }),
            6 => changed.signature.as_mut().unwrap().signer.push_str(&text),
            _ => changed.concerns.push(Concern { id: 9, words: text, when_it_happens: String::new() }),
        }
        prop_assert_ne!(compute(&changed), compute(&job));
        prop_assert_eq!(changed.seal_status(), SealStatus::Broken);
    }
}

#[test]
fn receipt_code_holds_job_number_id_and_seal() {
    let job = signed();
    let expected = format!(
        "lanecheck:seal?v=1&no=00000000&job=00000000-0000-0000-0000-000000005ea1&seal={SEAL_VECTOR}"
    );
    assert_eq!(receipt_code(&job), Some(expected));
    assert_eq!(receipt_code(&walk_in(1)), None);
}
