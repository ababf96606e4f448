//! Old damage: marks of earlier visits of the same vehicle, never counted as new.

mod support;

use lanecheck_domain::inspection::*;
use lanecheck_domain::plate::Plate;
use lanecheck_domain::prior_damage::{last_odometer, prior_damage};
use lanecheck_domain::summary::Summary;
use lanecheck_domain::vin::Vin;
use lanecheck_domain::{Command, Job};
use support::*;

fn visits<const N: usize>(jobs: [&Job; N]) -> Vec<Summary> {
    jobs.into_iter().map(Summary::of).collect()
}

fn with_mark(n: u128, created: i64, note: &str) -> Job {
    let mut job = walk_in(n);
    job.created_at = t(created);
    let mark = Command::AddDamage {
        view: View::Front,
        x: 0.5,
        y: 0.5,
        kind: DamageKind::Dent,
        severity: Severity::Moderate,
        note: note.into(),
    };
    job.apply(mark, t(created + 1), advisor()).unwrap();
    job
}

#[test]
fn earlier_visits_of_the_same_plate_give_old_marks_newest_first() {
    let first = with_mark(1, -2000, "第一次");
    let second = with_mark(2, -1000, "第二次");
    let current = walk_in(3);
    let old = prior_damage(&current, &visits([&first, &second, &current]));
    let notes: Vec<&str> = old.iter().map(|m| m.mark.note.as_str()).collect();
    assert_eq!(notes, vec!["第二次", "第一次"]);
    assert!(current
        .check_in_gaps()
        .iter()
        .all(|g| !matches!(g, lanecheck_domain::gate::Gap::NotPointedOut { .. })));
}

#[test]
fn other_vehicles_and_later_visits_are_ignored() {
    let mut other = with_mark(1, -1000, "别的车");
    other.vehicle.plate = Plate::parse("沪B99999").unwrap();
    let later = with_mark(2, 1000, "以后");
    let current = walk_in(3);
    assert!(prior_damage(&current, &visits([&other, &later])).is_empty());
}

#[test]
fn the_same_vin_under_a_new_plate_is_the_same_vehicle() {
    let vin = Vin::parse("LSVAG2180E2100001").unwrap();
    let mut earlier = with_mark(1, -1000, "换牌前");
    earlier.vehicle.plate = Plate::parse("沪B99999").unwrap();
    earlier.vehicle.vin = Some(vin.clone());
    let mut current = walk_in(3);
    current.vehicle.vin = Some(vin);
    assert_eq!(prior_damage(&current, &visits([&earlier])).len(), 1);
}

#[test]
fn the_last_odometer_is_the_latest_earlier_visit_that_has_one() {
    let mut first = with_mark(1, -3000, "");
    first.vehicle.odometer_km = Some(10_000);
    let mut second = with_mark(2, -2000, "");
    second.vehicle.odometer_km = Some(20_000);
    let third = with_mark(4, -1000, "");
    let mut later = with_mark(5, 1000, "");
    later.vehicle.odometer_km = Some(30_000);
    let current = walk_in(3);
    assert_eq!(
        last_odometer(&current, &visits([&first, &second, &third, &later])),
        Some(20_000)
    );
    assert_eq!(last_odometer(&current, &visits([&third])), None);
}

#[test]
fn damage_of_a_visit_that_left_the_device_is_still_old_damage() {
    let earlier = with_mark(1, -1000, "已移出本机");
    let mut summary = Summary::of(&earlier);
    summary.on_device = false;
    let current = walk_in(3);
    assert_eq!(
        prior_damage(&current, &[summary])[0].mark.note,
        "已移出本机"
    );
}
