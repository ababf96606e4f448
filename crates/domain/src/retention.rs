//! How long a finished job stays on the device. A store's devices collect thousands of jobs a
//! year; a finished job that the server holds whole leaves the device `keep_days` after its
//! last change, with its photos and signature. Its summary stays, so the list, search, the
//! vehicle's old damage and its last odometer reading still find it. Nothing the server has not
//! confirmed ever leaves.

use crate::lifecycle::JobState;
use crate::plate::to_half_width;
use crate::summary::Summary;
use chrono::{DateTime, Datelike, Duration, Utc};

/// Days a finished, synced job stays on the device unless the store sets otherwise.
pub const KEEP_DAYS: u32 = 90;
/// The most days a store can keep finished jobs on a device (ten years).
pub const MAX_KEEP_DAYS: u32 = 3650;

/// Why a typed number of days was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeepDaysError {
    /// Not a whole number, or outside 1..=`MAX_KEEP_DAYS`.
    Invalid,
}

/// Reads the days as an advisor types them: digits (full-width too), spaces around them.
pub fn parse_keep_days(typed: &str) -> Result<u32, KeepDaysError> {
    let digits: String = typed.trim().chars().map(to_half_width).collect();
    match digits.parse::<u32>() {
        Ok(days)
            if (1..=MAX_KEEP_DAYS).contains(&days)
                && digits.bytes().all(|b| b.is_ascii_digit()) =>
        {
            Ok(days)
        }
        _ => Err(KeepDaysError::Invalid),
    }
}

/// The first day (`YYYY-MM-DD`, UTC) whose finished jobs a pull still brings to the device:
/// older finished jobs would leave it at once, so a new device does not download the
/// store's whole history (`/changes?finished_since=`, docs/sync.md).
pub fn finished_since(now: DateTime<Utc>, keep_days: u32) -> String {
    let day = (now - Duration::days(i64::from(keep_days))).date_naive();
    format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day())
}

/// The states after which nothing more happens to a job on the device.
pub fn is_finished(state: JobState) -> bool {
    matches!(state, JobState::Delivered | JobState::FollowedUp)
}

/// Whether the job of `summary` may leave the device at `now`: it is still on it, finished,
/// unchanged for more than `keep_days`, and `held`: the server holds this very revision and
/// nothing of the job waits to be pushed.
pub fn may_leave(summary: &Summary, held: bool, now: DateTime<Utc>, keep_days: u32) -> bool {
    summary.on_device
        && held
        && is_finished(summary.state)
        && now - summary.updated_at > Duration::days(i64::from(keep_days))
}
