//! Builders shared by the domain's integration tests.
#![allow(dead_code)]

use chrono::{DateTime, TimeZone, Utc};
use lanecheck_domain::inspection::{Cover, Disposition, Valuable};
use lanecheck_domain::plate::Plate;
use lanecheck_domain::{ActorId, Command, Job, JobId, NewJob, Visit};

pub fn t(seconds: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(1_790_000_000 + seconds, 0).unwrap()
}

pub fn advisor() -> ActorId {
    ActorId("王顾问".into())
}

pub fn id(n: u128) -> JobId {
    JobId(uuid::Uuid::from_u128(n))
}

pub fn walk_in(n: u128) -> Job {
    Job::open(
        NewJob {
            id: id(n),
            visit: Visit::WalkIn,
            plate: Plate::parse("京A12345").unwrap(),
            store_items: vec!["洗车液".into()],
        },
        t(0),
        advisor(),
    )
}

/// The commands that complete every part of the check-in gate of a job without damage marks:
/// greeting, walk-around started, checklist, the four covers, valuables acknowledged.
pub fn gate_commands() -> Vec<Command> {
    let mut cmds = vec![
        Command::Greet,
        Command::StartInspection,
        Command::AllRemainingOk,
    ];
    cmds.extend(Cover::ALL.map(|cover| Command::FitCover {
        cover,
        fitted: true,
    }));
    cmds.extend(Valuable::ALL.map(|item| Command::SetValuable {
        item,
        disposition: Some(Disposition::TakenByCustomer),
    }));
    cmds.push(Command::AcknowledgeValuables);
    cmds
}

/// Applies `commands` one second apart, the first at `t(start)`.
pub fn apply_all(job: &mut Job, start: i64, commands: Vec<Command>) {
    for (i, cmd) in commands.into_iter().enumerate() {
        job.apply(cmd, t(start + i as i64), advisor()).unwrap();
    }
}

pub fn signature_at(seconds: i64) -> lanecheck_domain::inspection::SignatureRef {
    lanecheck_domain::inspection::SignatureRef {
        png_sha256: "ab".repeat(32),
        signer: "李先生".into(),
        signed_at: t(seconds),
    }
}

/// Walk-in `n` with two concerns (ids 1 and 2), its check-in signed at `t(100)`.
pub fn checked_in(n: u128, visit: Visit) -> Job {
    let mut job = walk_in(n);
    job.visit = visit;
    let mut commands = gate_commands();
    for words in ["刹车异响", "空调不凉"] {
        commands.push(Command::AddConcern {
            words: words.into(),
            when_it_happens: String::new(),
        });
    }
    apply_all(&mut job, 1, commands);
    job.apply(Command::SignCheckIn(signature_at(100)), t(100), advisor())
        .unwrap();
    job
}
