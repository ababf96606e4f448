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
