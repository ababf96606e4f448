//! The sync rules: retry verdicts and backoff, outbox coalescing, and how a pulled document
//! meets local changes (never overwritten, rebased when possible, a conflict otherwise).

use chrono::{DateTime, TimeZone, Utc};
use lanecheck_domain::inspection::{DamageKind, Severity, SignatureRef, View};
use lanecheck_domain::plate::Plate;
use lanecheck_domain::store::OutboxEntry;
use lanecheck_domain::{ActorId, Command, Job, JobId, NewJob, Visit};
use lanecheck_sync::outbox::{coalesce, Push};
use lanecheck_sync::protocol::{blob_refs, etag, version_of, Stored};
use lanecheck_sync::rebase::{reconcile, Decision, Local};
use lanecheck_sync::retry::{parse_retry_after, verdict, Backoff, Verdict, MAX_RETRY_AFTER_MS};
use proptest::prelude::*;

fn t(seconds: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(1_790_000_000 + seconds, 0).unwrap()
}

fn job(n: u128) -> Job {
    Job::open(
        NewJob {
            id: JobId(uuid::Uuid::from_u128(n)),
            visit: Visit::WalkIn,
            plate: Plate::parse("京A12345").unwrap(),
            store_items: vec![],
        },
        t(0),
        ActorId("顾问".into()),
    )
}

fn apply(job: &mut Job, at: i64, who: &str, command: Command) {
    job.apply(command, t(at), ActorId(who.into())).unwrap();
}

fn stored(job: &Job, version: &str) -> Stored {
    Stored {
        id: job.id,
        version: version.into(),
        deleted: false,
        document: Some(job.clone()),
    }
}

/// The device's copy, last in step with the server at version "1" (the job as opened).
fn opened(job: &Job) -> Local<'_> {
    Local {
        job,
        base_version: Some("1"),
        base_revision: 1,
    }
}

fn mark(note: &str) -> Command {
    Command::AddDamage {
        view: View::Left,
        x: 0.5,
        y: 0.5,
        kind: DamageKind::Scratch,
        severity: Severity::Minor,
        note: note.into(),
    }
}

fn sign(job: &mut Job, at: i64, signer: &str) {
    apply(job, at, "顾问", Command::Greet);
    apply(job, at, "顾问", Command::StartInspection);
    apply(
        job,
        at + 1,
        "顾问",
        Command::OverrideGate {
            reason: "test".into(),
        },
    );
    apply(
        job,
        at + 2,
        "顾问",
        Command::SignCheckIn(SignatureRef {
            png_sha256: "ab".repeat(32),
            signer: signer.into(),
            signed_at: t(at + 2),
        }),
    );
}

#[test]
fn retry_verdicts_follow_the_contract() {
    for status in [
        None,
        Some(408),
        Some(425),
        Some(429),
        Some(500),
        Some(503),
        Some(599),
    ] {
        assert_eq!(verdict(status), Verdict::Retry, "{status:?}");
    }
    assert_eq!(verdict(Some(401)), Verdict::PauseForAuth);
    for status in [400, 403, 404, 409, 412, 413, 422] {
        assert_eq!(verdict(Some(status)), Verdict::Final, "{status}");
    }
}

#[test]
fn retry_after_reads_seconds_and_http_dates() {
    let now = t(0);
    assert_eq!(parse_retry_after("120", now), Some(120_000));
    let later = (now + chrono::Duration::seconds(30))
        .to_rfc2822()
        .replace("+0000", "GMT");
    assert_eq!(parse_retry_after(&later, now), Some(30_000));
    let earlier = (now - chrono::Duration::seconds(30)).to_rfc2822();
    assert_eq!(parse_retry_after(&earlier, now), Some(0));
    assert_eq!(parse_retry_after("soon", now), None);
}

#[test]
fn backoff_doubles_up_to_the_cap_and_honours_retry_after() {
    let b = Backoff::DEFAULT;
    assert_eq!(b.delay_ms(1, 0.0, None), 500);
    assert_eq!(b.delay_ms(1, 1.0, None), 1_000);
    assert_eq!(b.delay_ms(4, 1.0, None), 8_000);
    assert_eq!(b.delay_ms(30, 1.0, None), 300_000);
    assert_eq!(b.delay_ms(1, 0.5, Some(60_000)), 60_000);
    assert_eq!(b.delay_ms(1, 0.5, Some(u64::MAX)), MAX_RETRY_AFTER_MS);
}

proptest! {
    #[test]
    fn backoff_stays_within_its_bounds(attempt in 0u32..200, jitter in any::<f64>(), after in proptest::option::of(any::<u64>())) {
        let b = Backoff::DEFAULT;
        let d = b.delay_ms(attempt, jitter, after);
        let floor = after.unwrap_or(0).min(MAX_RETRY_AFTER_MS);
        prop_assert!(d >= floor);
        prop_assert!(d <= b.cap_ms.max(floor));
        prop_assert!(d >= b.base_ms / 2 || floor > d);
    }

    #[test]
    fn retry_after_never_panics(text in ".*") {
        let _ = parse_retry_after(&text, t(0));
    }

    #[test]
    fn coalescing_keeps_one_newest_push_per_job(
        raw in proptest::collection::vec((0u128..5, 1u64..20), 0..40),
    ) {
        let entries: Vec<OutboxEntry> = raw.iter().map(|(j, r)| OutboxEntry {
            job_id: JobId(uuid::Uuid::from_u128(*j)),
            revision: *r,
            queued_at: t(0),
        }).collect();
        let pushes = coalesce(&entries);
        // One per job, each the newest queued revision.
        for (i, p) in pushes.iter().enumerate() {
            prop_assert!(pushes[..i].iter().all(|q| q.job_id != p.job_id));
            let newest = entries.iter().filter(|e| e.job_id == p.job_id).map(|e| e.revision).max();
            prop_assert_eq!(Some(p.revision), newest);
        }
        // Nothing is left out.
        for e in &entries {
            prop_assert!(pushes.iter().any(|p| p.job_id == e.job_id && p.revision >= e.revision));
        }
        // In the order the jobs were first queued.
        let first = |id: JobId| entries.iter().position(|e| e.job_id == id);
        prop_assert!(pushes.windows(2).all(|w| first(w[0].job_id) < first(w[1].job_id)));
    }
}

#[test]
fn coalescing_sends_the_newest_revision_once() {
    let a = JobId(uuid::Uuid::from_u128(1));
    let b = JobId(uuid::Uuid::from_u128(2));
    let e = |job_id, revision| OutboxEntry {
        job_id,
        revision,
        queued_at: t(0),
    };
    let entries = [e(a, 1), e(b, 1), e(a, 2), e(a, 3), e(b, 2)];
    assert_eq!(
        coalesce(&entries),
        vec![
            Push {
                job_id: a,
                revision: 3
            },
            Push {
                job_id: b,
                revision: 2
            }
        ]
    );
}

#[test]
fn etags_are_quoted_versions() {
    assert_eq!(etag("17"), "\"17\"");
    assert_eq!(version_of("\"17\""), "17");
    assert_eq!(version_of("W/\"17\""), "17");
}

#[test]
fn blob_refs_list_photos_and_signature_once() {
    let mut j = job(1);
    apply(&mut j, 1, "顾问", mark("门"));
    let photo = |sha: &str| {
        Command::AttachPhoto(lanecheck_domain::inspection::PhotoRef {
            sha256: sha.repeat(32),
            target: lanecheck_domain::inspection::PhotoTarget::Damage(1),
            width: 10,
            height: 10,
            bytes: 100,
            taken_at: t(2),
        })
    };
    apply(&mut j, 2, "顾问", photo("cd"));
    apply(&mut j, 3, "顾问", photo("ab"));
    sign(&mut j, 4, "客户");
    assert_eq!(blob_refs(&j), vec!["ab".repeat(32), "cd".repeat(32)]);
}

#[test]
fn a_new_job_from_the_server_is_adopted_and_an_echo_is_ignored() {
    let j = job(1);
    assert_eq!(
        reconcile(None, &stored(&j, "1")),
        Decision::Adopt {
            job: Box::new(j.clone()),
            version: "1".into()
        }
    );
    let local = opened(&j);
    assert_eq!(
        reconcile(Some(local), &stored(&j, "1")),
        Decision::AlreadyHave
    );
}

#[test]
fn without_local_changes_the_server_wins_and_deletes() {
    let mine = job(1);
    let mut theirs = mine.clone();
    apply(&mut theirs, 5, "另一台", mark("后门"));
    let local = opened(&mine);
    assert_eq!(
        reconcile(Some(local), &stored(&theirs, "2")),
        Decision::Adopt {
            job: Box::new(theirs.clone()),
            version: "2".into()
        }
    );
    let tombstone = Stored {
        deleted: true,
        document: None,
        ..stored(&theirs, "3")
    };
    assert_eq!(reconcile(Some(local), &tombstone), Decision::Remove);
}

#[test]
fn local_changes_are_replayed_on_the_pulled_document_not_overwritten() {
    let base = job(1);
    let mut theirs = base.clone();
    apply(&mut theirs, 5, "另一台", Command::Greet);
    let mut mine = base.clone();
    apply(
        &mut mine,
        6,
        "本机",
        Command::FitCover {
            cover: lanecheck_domain::inspection::Cover::Seat,
            fitted: true,
        },
    );
    let local = opened(&mine);
    let Decision::Rebased { job, onto } = reconcile(Some(local), &stored(&theirs, "2")) else {
        panic!("expected a rebase");
    };
    assert_eq!(onto, "2");
    assert!(job.greeted_at.is_some(), "the server's change is kept");
    assert_eq!(job.covers.len(), 1, "the local change is kept");
    assert_eq!(job.revision, 3);
}

#[test]
fn marks_numbered_on_both_sides_are_a_conflict() {
    let base = job(1);
    let mut theirs = base.clone();
    apply(&mut theirs, 5, "另一台", mark("后门"));
    let mut mine = base.clone();
    apply(&mut mine, 6, "本机", mark("前门"));
    let local = opened(&mine);
    assert_eq!(
        reconcile(Some(local), &stored(&theirs, "2")),
        Decision::Conflict
    );
}

#[test]
fn a_sheet_signed_on_both_sides_or_changed_after_signing_elsewhere_is_kept_as_a_conflict() {
    let base = job(1);
    let mut theirs = base.clone();
    sign(&mut theirs, 5, "王先生");
    let mut mine = base.clone();
    sign(&mut mine, 7, "王太太");
    let local = opened(&mine);
    assert_eq!(
        reconcile(Some(local), &stored(&theirs, "2")),
        Decision::Conflict
    );

    let mut edited = base.clone();
    apply(&mut edited, 9, "本机", mark("前门"));
    let local = opened(&edited);
    assert_eq!(
        reconcile(Some(local), &stored(&theirs, "2")),
        Decision::Conflict
    );

    let deleted = Stored {
        deleted: true,
        document: None,
        ..stored(&theirs, "3")
    };
    assert_eq!(reconcile(Some(local), &deleted), Decision::Conflict);
}

#[test]
fn a_stored_document_travels_as_the_envelope_and_a_bare_job_of_contract_1_0_still_reads() {
    let j = job(40);
    let wire = serde_json::to_value(stored(&j, "3")).unwrap();
    assert_eq!(
        wire["document"]["schema"],
        serde_json::json!(lanecheck_domain::schema::CURRENT_SCHEMA)
    );
    assert_eq!(
        wire["document"]["job"]["id"],
        serde_json::json!(j.id.to_string())
    );
    let back: Stored = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(back, stored(&j, "3"));
    // A 1.0 server answered with the job itself.
    let mut old = wire;
    old["document"] = old["document"]["job"].take();
    let back: Stored = serde_json::from_value(old).unwrap();
    assert_eq!(back.document, Some(j));
    let tombstone: Stored =
        serde_json::from_str(r#"{"id":"00000000-0000-0000-0000-000000000028","version":"4","deleted":true,"document":null}"#)
            .unwrap();
    assert_eq!(tombstone.document, None);
}

fn order(job: &mut Job, at: i64, command: lanecheck_domain::order_command::OrderCommand) {
    job.apply_order(command, t(at), ActorId("顾问".into()))
        .unwrap();
}

/// A checked-in job (no concerns) with its repair order begun and complete but unsigned.
fn order_ready(n: u128) -> Job {
    use lanecheck_domain::order::{OldParts, RepairClass};
    use lanecheck_domain::order_command::OrderCommand;
    let mut j = job(n);
    sign(&mut j, 1, "客户");
    let begin = OrderCommand::Begin {
        terms: Default::default(),
        offers: Vec::new(),
    };
    order(&mut j, 10, begin);
    order(&mut j, 11, OrderCommand::SetRepairClass(RepairClass::Minor));
    order(&mut j, 12, OrderCommand::SetOldParts(OldParts::None));
    order(&mut j, 13, OrderCommand::SetCarWash(true));
    order(&mut j, 14, OrderCommand::SetPromisedAt(t(900)));
    j
}

#[test]
fn the_repair_orders_signature_is_a_blob_ref() {
    use lanecheck_domain::order_command::OrderCommand;
    let mut j = order_ready(1);
    let signature = SignatureRef {
        png_sha256: "ef".repeat(32),
        signer: "客户".into(),
        signed_at: t(20),
    };
    order(&mut j, 20, OrderCommand::Sign(signature));
    assert_eq!(blob_refs(&j), vec!["ab".repeat(32), "ef".repeat(32)]);
}

#[test]
fn the_repair_orders_local_changes_are_pushed_or_kept_beside_the_servers() {
    use lanecheck_domain::order::OldParts;
    use lanecheck_domain::order_command::OrderCommand;
    let base = order_ready(1);
    let mut theirs = base.clone();
    order(&mut theirs, 30, OrderCommand::SetCarWash(false));
    let mut mine = base.clone();
    let unchanged = mine.clone();
    let local = Local {
        job: &unchanged,
        base_version: Some("1"),
        base_revision: base.revision,
    };
    // Nothing of mine yet: theirs is adopted.
    assert!(matches!(
        reconcile(Some(local), &stored(&theirs, "2")),
        Decision::Adopt { .. }
    ));
    order(&mut mine, 31, OrderCommand::SetOldParts(OldParts::Waived));
    let local = Local {
        job: &mine,
        base_version: Some("1"),
        base_revision: base.revision,
    };
    // The sync worker does not replay the order's commands: both versions are kept and shown.
    assert_eq!(
        reconcile(Some(local), &stored(&theirs, "2")),
        Decision::Conflict
    );
    // The server's copy is an earlier state of this one: pushed as it is.
    let Decision::Rebased { job, .. } = reconcile(Some(local), &stored(&base, "3")) else {
        panic!("expected the device's copy to be pushed");
    };
    assert_eq!(
        job.repair_order().unwrap().unwrap().order.old_parts,
        Some(OldParts::Waived)
    );
}
