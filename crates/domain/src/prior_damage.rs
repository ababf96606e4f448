//! Damage recorded at the vehicle's earlier visits (same plate, or same VIN). The walk-around
//! shows these marks as old damage, in another colour, so they are not disputed again; they are
//! not part of the current job and never count towards its gate.

use crate::ids::JobId;
use crate::inspection::DamageMark;
use crate::job::Job;
use chrono::{DateTime, Utc};

#[derive(Clone, Debug, PartialEq)]
pub struct PriorMark {
    pub job: JobId,
    pub visited_at: DateTime<Utc>,
    pub mark: DamageMark,
}

/// Whether two jobs are visits of the same vehicle.
pub fn same_vehicle(a: &Job, b: &Job) -> bool {
    let vin = match (&a.vehicle.vin, &b.vehicle.vin) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    };
    vin || a.vehicle.plate == b.vehicle.plate
}

/// The odometer reading of the vehicle's latest visit before `current` that has one.
pub fn last_odometer<'a>(current: &Job, jobs: impl IntoIterator<Item = &'a Job>) -> Option<u32> {
    jobs.into_iter()
        .filter(|j| {
            j.id != current.id && j.created_at < current.created_at && same_vehicle(j, current)
        })
        .filter_map(|j| Some((j.created_at, j.vehicle.odometer_km?)))
        .max()
        .map(|(_, km)| km)
}

/// Marks from visits of the same vehicle before `current`, newest visit first.
pub fn prior_damage<'a>(current: &Job, jobs: impl IntoIterator<Item = &'a Job>) -> Vec<PriorMark> {
    let mut earlier: Vec<&Job> = jobs
        .into_iter()
        .filter(|j| {
            j.id != current.id && j.created_at < current.created_at && same_vehicle(j, current)
        })
        .collect();
    earlier.sort_by_key(|j| std::cmp::Reverse(j.created_at));
    earlier
        .into_iter()
        .flat_map(|j| {
            j.damage.iter().map(move |mark| PriorMark {
                job: j.id,
                visited_at: j.created_at,
                mark: mark.clone(),
            })
        })
        .collect()
}
