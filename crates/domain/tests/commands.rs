//! The job's one mutation path: lifecycle, check-in editing, the gate and its override.

mod support;

use lanecheck_domain::gate::Gap;
use lanecheck_domain::history::Change;
use lanecheck_domain::inspection::*;
use lanecheck_domain::{Command, DomainError, JobState};
use support::*;

fn signature() -> SignatureRef {
    SignatureRef {
        png_sha256: "ab".repeat(32),
        signer: "李先生".into(),
        signed_at: t(90),
    }
}

/// Applies commands that complete every part of the check-in gate.
fn complete_check_in(job: &mut lanecheck_domain::Job) {
    apply_all(job, 1, gate_commands());
}

#[test]
fn walk_in_opens_arrived_and_appointment_opens_booked() {
    let job = walk_in(1);
    assert_eq!(job.state, JobState::Arrived);
    assert_eq!(job.arrived_at, Some(t(0)));
    assert_eq!(job.history.len(), 1);
    assert!(matches!(
        job.history.entries().unwrap()[0].change,
        Change::Command(Command::Open(_))
    ));
    assert!(!job.is_appointment());
}

#[test]
fn greeting_time_is_measured_from_arrival() {
    let mut job = walk_in(1);
    job.apply(Command::Greet, t(12), advisor()).unwrap();
    assert_eq!(job.greeting_seconds(), Some(12));
    assert_eq!(
        job.apply(Command::Greet, t(13), advisor()),
        Err(DomainError::AlreadyGreeted)
    );
}

#[test]
fn every_applied_command_is_in_history_with_time_and_actor() {
    let mut job = walk_in(1);
    let applied = job.apply(Command::Greet, t(5), advisor()).unwrap();
    assert_eq!(applied.at, t(5));
    assert_eq!(job.history.entries().unwrap().last(), Some(&applied.into()));
    assert_eq!(job.revision, 2);
}

#[test]
fn refused_command_leaves_job_untouched() {
    let mut job = walk_in(1);
    let before = job.clone();
    let err = job.apply(
        Command::Advance {
            to: JobState::Delivered,
        },
        t(5),
        advisor(),
    );
    assert_eq!(
        err,
        Err(DomainError::IllegalTransition {
            from: JobState::Arrived,
            to: JobState::Delivered
        })
    );
    assert_eq!(job, before);
}

#[test]
fn gate_lists_every_missing_piece_in_walk_around_order() {
    let mut job = walk_in(1);
    job.apply(Command::StartInspection, t(1), advisor())
        .unwrap();
    job.apply(
        Command::AddDamage {
            view: View::Left,
            x: 0.5,
            y: 0.5,
            kind: DamageKind::Scratch,
            severity: Severity::Minor,
            note: String::new(),
        },
        t(2),
        advisor(),
    )
    .unwrap();
    let gaps = job.check_in_gaps();
    assert_eq!(gaps[0], Gap::Cover(Cover::Seat));
    assert_eq!(gaps[4], Gap::Check(CheckItem::ExteriorPaint));
    assert!(gaps.contains(&Gap::Check(CheckItem::Store("洗车液".into()))));
    assert!(gaps.contains(&Gap::NotPointedOut { mark: 1 }));
    assert_eq!(gaps.last(), Some(&Gap::ValuablesNotAcknowledged));
    assert_eq!(gaps.len(), 4 + 16 + 1 + 1);
}

#[test]
fn signing_is_blocked_by_the_gate() {
    let mut job = walk_in(1);
    job.apply(Command::StartInspection, t(1), advisor())
        .unwrap();
    let err = job
        .apply(Command::SignCheckIn(signature()), t(2), advisor())
        .unwrap_err();
    assert!(matches!(err, DomainError::Incomplete(gaps) if gaps.len() == 4 + 16 + 1));
    assert_eq!(job.state, JobState::Inspecting);
}

#[test]
fn override_needs_a_reason_and_is_recorded() {
    let mut job = walk_in(1);
    job.apply(Command::StartInspection, t(1), advisor())
        .unwrap();
    let blank = Command::OverrideGate {
        reason: "   ".into(),
    };
    assert_eq!(
        job.apply(blank, t(2), advisor()),
        Err(DomainError::EmptyReason)
    );
    let reason = Command::OverrideGate {
        reason: " 客户赶时间 ".into(),
    };
    job.apply(reason, t(3), advisor()).unwrap();
    assert_eq!(job.gate_override.as_deref(), Some("客户赶时间"));
    job.apply(Command::SignCheckIn(signature()), t(4), advisor())
        .unwrap();
    assert_eq!(job.state, JobState::CheckedIn);
}

#[test]
fn complete_check_in_signs_and_then_closes_the_sheet() {
    let mut job = walk_in(1);
    complete_check_in(&mut job);
    assert!(job.check_in_gaps().is_empty());
    job.apply(Command::SignCheckIn(signature()), t(60), advisor())
        .unwrap();
    assert_eq!(job.state, JobState::CheckedIn);
    let edit = Command::FitCover {
        cover: Cover::Seat,
        fitted: false,
    };
    assert_eq!(
        job.apply(edit, t(61), advisor()),
        Err(DomainError::CheckInClosed)
    );
    // The order's states are entered by the order's own commands.
    assert_eq!(
        job.apply(
            Command::Advance {
                to: JobState::OrderSigned,
            },
            t(62),
            advisor(),
        ),
        Err(DomainError::UseSpecificCommand(JobState::OrderSigned))
    );
}

#[test]
fn all_remaining_ok_is_visible_and_undoable_without_touching_manual_answers() {
    let mut job = walk_in(1);
    let issue = Some(Answer::Issue {
        note: "左前轮胎磨损".into(),
    });
    let glass = Command::AnswerCheck {
        item: CheckItem::Glass,
        answer: issue.clone(),
    };
    job.apply(glass, t(1), advisor()).unwrap();
    job.apply(Command::AllRemainingOk, t(2), advisor()).unwrap();
    assert_eq!(job.checklist.iter().filter(|e| e.bulk).count(), 15);
    job.apply(Command::UndoAllRemainingOk, t(3), advisor())
        .unwrap();
    let glass = job
        .checklist
        .iter()
        .find(|e| e.item == CheckItem::Glass)
        .unwrap();
    assert_eq!(glass.answer, issue);
    assert_eq!(
        job.checklist.iter().filter(|e| e.answer.is_none()).count(),
        15
    );
}

#[test]
fn valuables_need_every_answer_before_acknowledgement() {
    let mut job = walk_in(1);
    assert_eq!(
        job.apply(Command::AcknowledgeValuables, t(1), advisor()),
        Err(DomainError::ValuablesUnanswered)
    );
}

#[test]
fn damage_marks_stay_on_the_diagram_and_removal_drops_their_photos() {
    let mut job = walk_in(1);
    let mark = |x| Command::AddDamage {
        view: View::Front,
        x,
        y: 0.2,
        kind: DamageKind::Dent,
        severity: Severity::Moderate,
        note: "保险杠".into(),
    };
    assert_eq!(
        job.apply(mark(1.5), t(1), advisor()),
        Err(DomainError::OffDiagram)
    );
    job.apply(mark(0.3), t(2), advisor()).unwrap();
    let photo = PhotoRef {
        sha256: "cd".repeat(32),
        target: PhotoTarget::Damage(1),
        width: 1600,
        height: 1200,
        bytes: 300_000,
        taken_at: t(3),
    };
    job.apply(Command::AttachPhoto(photo), t(3), advisor())
        .unwrap();
    assert_eq!(
        job.photos_of(&PhotoTarget::Damage(1)),
        vec!["cd".repeat(32)]
    );
    assert!(job.photos_of(&PhotoTarget::Damage(2)).is_empty());
    job.apply(Command::RemoveDamage { id: 1 }, t(4), advisor())
        .unwrap();
    assert!(job.damage.is_empty() && job.photos.is_empty());
    assert_eq!(
        job.apply(Command::RemoveDamage { id: 1 }, t(5), advisor()),
        Err(DomainError::UnknownDamage)
    );
}

#[test]
fn appointments_count_for_thirty_days() {
    use lanecheck_domain::Visit;
    let visit = Visit::Appointment { booked_at: t(0) };
    assert!(visit.counts_as_appointment(t(30 * 86_400)));
    assert!(!visit.counts_as_appointment(t(30 * 86_400 + 1)));
    assert!(!Visit::WalkIn.counts_as_appointment(t(0)));
}

#[test]
fn told_about_appointments_is_for_walk_ins_only() {
    let mut job = walk_in(1);
    job.apply(Command::ToldAboutAppointments, t(1), advisor())
        .unwrap();
    assert!(job.told_about_appointments);
}

#[test]
fn remaining_valuables_taken_answers_only_the_open_ones() {
    let mut job = walk_in(1);
    let left = Disposition::LeftInCar {
        description: "雨伞".into(),
    };
    let wallet = Command::SetValuable {
        item: Valuable::Wallet,
        disposition: Some(left.clone()),
    };
    job.apply(wallet, t(1), advisor()).unwrap();
    job.apply(Command::RemainingValuablesTaken, t(2), advisor())
        .unwrap();
    assert!(job.valuables.iter().all(|v| v.disposition.is_some()));
    let wallet = job
        .valuables
        .iter()
        .find(|v| v.item == Valuable::Wallet)
        .unwrap();
    assert_eq!(wallet.disposition, Some(left));
    job.apply(Command::AcknowledgeValuables, t(3), advisor())
        .unwrap();
}

#[test]
fn a_removed_mark_comes_back_with_its_photos_under_its_own_id() {
    use lanecheck_domain::inspection::{DamageKind, PhotoRef, PhotoTarget, Severity, View};
    let mut job = walk_in(70);
    apply_all(
        &mut job,
        1,
        vec![
            Command::StartInspection,
            Command::AddDamage {
                view: View::Front,
                x: 0.3,
                y: 0.4,
                kind: DamageKind::Dent,
                severity: Severity::Minor,
                note: "保险杠".into(),
            },
        ],
    );
    let mark = job.damage[0].clone();
    let photo = PhotoRef {
        sha256: "a".repeat(64),
        target: PhotoTarget::Damage(mark.id),
        width: 1,
        height: 1,
        bytes: 1,
        taken_at: t(3),
    };
    apply_all(
        &mut job,
        4,
        vec![
            Command::AttachPhoto(photo.clone()),
            Command::RemoveDamage { id: mark.id },
        ],
    );
    assert!(job.damage.is_empty() && job.photos.is_empty());
    let restore = Command::RestoreDamage {
        mark: mark.clone(),
        photos: vec![photo.clone()],
    };
    job.apply(restore.clone(), t(6), advisor()).unwrap();
    assert_eq!(job.damage, vec![mark]);
    assert_eq!(job.photos, vec![photo]);
    // Not twice, and never under an id the job has not handed out.
    assert!(job.apply(restore, t(7), advisor()).is_err());
    let mut unknown = job.damage[0].clone();
    unknown.id = 99;
    let never = Command::RestoreDamage {
        mark: unknown,
        photos: vec![],
    };
    assert!(job.apply(never, t(8), advisor()).is_err());
}

#[test]
fn a_restored_mark_goes_back_to_its_place_among_the_others() {
    use lanecheck_domain::inspection::{DamageKind, Severity, View};
    let mut job = walk_in(71);
    let mark = |note: &str| Command::AddDamage {
        view: View::Left,
        x: 0.5,
        y: 0.5,
        kind: DamageKind::Scratch,
        severity: Severity::Minor,
        note: note.into(),
    };
    apply_all(
        &mut job,
        1,
        vec![
            Command::StartInspection,
            mark("前门"),
            mark("后门"),
            mark("尾门"),
        ],
    );
    let before = job.damage.clone();
    let middle = before[1].clone();
    apply_all(&mut job, 10, vec![Command::RemoveDamage { id: middle.id }]);
    let restore = Command::RestoreDamage {
        mark: middle,
        photos: vec![],
    };
    job.apply(restore, t(20), advisor()).unwrap();
    assert_eq!(job.damage, before);
}

#[test]
fn no_damage_is_an_answer_of_its_own_and_a_new_mark_takes_it_back() {
    use lanecheck_domain::inspection::{DamageKind, Severity, View};
    let mut job = walk_in(71);
    assert!(!job.no_damage, "not answered by default");
    apply_all(
        &mut job,
        1,
        vec![Command::StartInspection, Command::NoDamage],
    );
    assert!(job.no_damage);
    let add = Command::AddDamage {
        view: View::Rear,
        x: 0.5,
        y: 0.5,
        kind: DamageKind::Scratch,
        severity: Severity::Minor,
        note: String::new(),
    };
    job.apply(add, t(3), advisor()).unwrap();
    assert!(!job.no_damage);
    assert!(
        job.apply(Command::NoDamage, t(4), advisor()).is_err(),
        "not while marks exist"
    );
}

#[test]
fn a_job_is_the_same_change_until_a_command_is_applied() {
    let mut job = walk_in(1);
    let before = job.clone();
    assert!(job.same_change(&before));
    job.apply(Command::Greet, t(5), advisor()).unwrap();
    assert!(!job.same_change(&before));
    assert!(!walk_in(2).same_change(&before));
}
