//! Which jobs may leave the device: finished, held by the server, unchanged for longer than the
//! store keeps them, and still on the device. Nothing else, whatever the inputs.

mod support;

use chrono::Duration;
use lanecheck_domain::lifecycle::JobState;
use lanecheck_domain::retention::{
    finished_since, is_finished, may_leave, parse_keep_days, KeepDaysError, KEEP_DAYS,
    MAX_KEEP_DAYS,
};
use lanecheck_domain::summary::Summary;
use proptest::prelude::*;
use support::*;

fn summary(state: JobState, age_days: i64) -> Summary {
    let mut summary = Summary::of(&walk_in(1));
    summary.state = state;
    summary.updated_at = t(0) - Duration::days(age_days);
    summary
}

#[test]
fn a_delivered_job_held_by_the_server_leaves_after_the_kept_days() {
    let old = summary(JobState::Delivered, i64::from(KEEP_DAYS) + 1);
    assert!(may_leave(&old, true, t(0), KEEP_DAYS));
    assert!(
        !may_leave(&old, false, t(0), KEEP_DAYS),
        "not held by the server"
    );
    let recent = summary(JobState::FollowedUp, i64::from(KEEP_DAYS) - 1);
    assert!(!may_leave(&recent, true, t(0), KEEP_DAYS));
    let open = summary(JobState::InRepair, 1000);
    assert!(!may_leave(&open, true, t(0), KEEP_DAYS), "not finished");
    let mut gone = old.clone();
    gone.on_device = false;
    assert!(!may_leave(&gone, true, t(0), KEEP_DAYS), "already gone");
}

#[test]
fn kept_days_are_a_whole_number_from_one_to_ten_years() {
    assert_eq!(parse_keep_days(" 90 "), Ok(90));
    assert_eq!(parse_keep_days("３０"), Ok(30));
    assert_eq!(parse_keep_days("3650"), Ok(MAX_KEEP_DAYS));
    for bad in [
        "",
        "0",
        "3651",
        "-1",
        "+5",
        "1.5",
        "九十",
        "90天",
        "99999999999",
    ] {
        assert_eq!(parse_keep_days(bad), Err(KeepDaysError::Invalid), "{bad}");
    }
}

#[test]
fn the_pulls_window_starts_the_kept_days_before_today() {
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-02T23:30:00+00:00")
        .unwrap()
        .to_utc();
    assert_eq!(finished_since(now, KEEP_DAYS), "2026-09-03");
    assert_eq!(finished_since(now, 1), "2026-12-01");
    assert_eq!(finished_since(now, MAX_KEEP_DAYS), "2016-12-04");
}

proptest! {
    /// Always a date the server reads (`YYYY-MM-DD`), exactly `days` before the day of `now`.
    #[test]
    fn the_pulls_window_is_a_date_days_before_now(ms in 0i64..4_000_000_000_000, days in 1..=MAX_KEEP_DAYS) {
        let now = chrono::DateTime::from_timestamp_millis(ms).unwrap();
        let text = finished_since(now, days);
        let day = chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d").unwrap();
        prop_assert_eq!(text.len(), 10);
        prop_assert_eq!((now.date_naive() - day).num_days(), i64::from(days));
    }

    #[test]
    fn any_typed_days_are_read_or_refused_without_panic(typed in "\\PC{0,12}") {
        if let Ok(days) = parse_keep_days(&typed) {
            prop_assert!((1..=MAX_KEEP_DAYS).contains(&days));
        }
    }


    #[test]
    fn only_finished_held_old_jobs_on_the_device_leave(
        state in proptest::sample::select(JobState::ALL.to_vec()),
        held: bool,
        on_device: bool,
        age_hours in -1_000i64..100_000,
        keep_days in 0u32..400,
    ) {
        let mut s = summary(state, 0);
        s.updated_at = t(0) - Duration::hours(age_hours);
        s.on_device = on_device;
        let leaves = may_leave(&s, held, t(0), keep_days);
        let old = age_hours > i64::from(keep_days) * 24;
        prop_assert_eq!(leaves, held && on_device && is_finished(state) && old);
    }
}
