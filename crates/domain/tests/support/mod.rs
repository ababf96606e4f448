//! Builders shared by the domain's integration tests.
#![allow(dead_code)]

use chrono::{DateTime, TimeZone, Utc};
use lanecheck_domain::plate::Plate;
use lanecheck_domain::{ActorId, Job, JobId, NewJob, Visit};

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
