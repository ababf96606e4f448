//! Damage recorded at the vehicle's earlier visits (same plate, or same VIN), read from their
//! summaries, which stay on the device after the jobs themselves have left it. The walk-around
//! shows these marks as old damage, in another colour, so they are not disputed again; they are
//! not part of the current job and never count towards its gate.

use crate::ids::JobId;
use crate::inspection::DamageMark;
use crate::job::Job;
use crate::summary::Summary;
use chrono::{DateTime, Utc};

#[derive(Clone, Debug, PartialEq)]
pub struct PriorMark {
    pub job: JobId,
    pub visited_at: DateTime<Utc>,
    pub mark: DamageMark,
}

/// Whether `visit` (another job's summary) is a visit of `job`'s vehicle: the same VIN, or the
/// same plate.
pub fn same_vehicle(job: &Job, visit: &Summary) -> bool {
    let vin = match (&job.vehicle.vin, &visit.vin) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    };
    vin || job.vehicle.plate == visit.plate
}

/// The visits of `current`'s vehicle before it, newest first.
fn earlier<'a>(current: &Job, visits: &'a [Summary]) -> Vec<&'a Summary> {
    // Each put in its place as it comes (a vehicle has few visits): a sort would add its
    // code to every page that shows old damage.
    let mut earlier: Vec<&Summary> = Vec::new();
    for v in visits.iter().filter(|v| {
        v.id != current.id && v.created_at < current.created_at && same_vehicle(current, v)
    }) {
        let at = earlier.partition_point(|e| e.created_at >= v.created_at);
        earlier.insert(at, v);
    }
    earlier
}

/// The odometer reading of the vehicle's latest visit before `current` that has one.
pub fn last_odometer(current: &Job, visits: &[Summary]) -> Option<u32> {
    earlier(current, visits)
        .into_iter()
        .find_map(|v| v.odometer_km)
}

/// Marks from visits of the same vehicle before `current`, newest visit first.
pub fn prior_damage(current: &Job, visits: &[Summary]) -> Vec<PriorMark> {
    earlier(current, visits)
        .into_iter()
        .flat_map(|v| {
            v.damage.iter().map(move |mark| PriorMark {
                job: v.id,
                visited_at: v.created_at,
                mark: mark.clone(),
            })
        })
        .collect()
}
