//! The job list's summaries: what a search finds (any part of a plate, a VIN from its start or
//! by its last six), the window's order and size, and the other visits of a vehicle.

mod support;

use chrono::Duration;
use lanecheck_domain::plate::Plate;
use lanecheck_domain::store::{save_new, JobStore, MemoryStore};
use lanecheck_domain::summary::{page_of, terms, ListQuery, Summary};
use lanecheck_domain::vin::Vin;
use lanecheck_domain::Job;
use pollster::block_on;
use proptest::prelude::*;
use support::*;

fn job(n: u128, plate: &str, age_minutes: i64) -> Job {
    let mut job = walk_in(n);
    job.vehicle.plate = Plate::parse(plate).unwrap();
    job.created_at = t(0) - Duration::minutes(age_minutes);
    job
}

/// What a store does for a search: the matching summaries, then their page.
fn search(all: &[Summary], typed: &str, limit: usize) -> lanecheck_domain::summary::ListPage {
    let query = ListQuery::new(typed, limit);
    let matching = all
        .iter()
        .filter(|s| s.matches(&query.term))
        .cloned()
        .collect();
    page_of(matching, &query, true)
}

fn ids(page: &lanecheck_domain::summary::ListPage) -> Vec<u128> {
    page.summaries.iter().map(|s| s.id.0.as_u128()).collect()
}

#[test]
fn a_plate_is_found_by_any_part_and_a_vin_by_its_start_or_last_six() {
    let mut car = job(1, "京A12345", 0);
    car.vehicle.vin = Some(Vin::parse("LSVAU2180N2183294").unwrap());
    let all = vec![Summary::of(&car), Summary::of(&job(2, "沪B67890", 1))];
    for typed in [
        "京A12345",
        "a123",
        "2345",
        "5",
        "lsvau",
        "183294",
        " 京a 12345 ",
    ] {
        assert_eq!(ids(&search(&all, typed, 10)), vec![1], "{typed}");
    }
    for typed in ["京B", "99", "183295", "LSVAU2180N2183294X"] {
        assert_eq!(ids(&search(&all, typed, 10)), Vec::<u128>::new(), "{typed}");
    }
    assert_eq!(ids(&search(&all, "", 10)), vec![1, 2]);
}

#[test]
fn terms_are_each_suffix_once() {
    let car = job(1, "京A11111", 0);
    // In any order (the index does not care), each once.
    let mut found = terms(&car);
    found.sort();
    assert_eq!(
        found,
        vec!["1", "11", "111", "1111", "11111", "A11111", "京A11111"]
    );
}

#[test]
fn the_window_is_the_newest_and_says_when_there_is_more() {
    let all: Vec<Summary> = (0..5)
        .map(|n| Summary::of(&job(n, "京A12345", n as i64)))
        .collect();
    let page = page_of(all.clone(), &ListQuery::new("", 3), true);
    assert_eq!(ids(&page), vec![0, 1, 2]);
    assert!(page.more);
    let page = page_of(all.clone(), &ListQuery::new("", 5), true);
    assert!(!page.more);
    // A search whose index read was cut off may have missed matches: it says so.
    assert!(page_of(all, &ListQuery::new("", 5), false).more);
}

#[test]
fn visits_are_the_same_vehicle_by_plate_or_vin() {
    let store = MemoryStore::default();
    let mut now = job(1, "京A12345", 0);
    now.vehicle.vin = Some(Vin::parse("LSVAU2180N2183294").unwrap());
    let same_plate = job(2, "京A12345", 60);
    let mut same_vin = job(3, "沪B67890", 120);
    same_vin.vehicle.vin = now.vehicle.vin.clone();
    let other = job(4, "京A12346", 30);
    for j in [&now, &same_plate, &same_vin, &other] {
        block_on(save_new(&store, j, t(0))).unwrap();
    }
    let mut found: Vec<u128> = block_on(store.visits(&now))
        .unwrap()
        .iter()
        .map(|j| j.id.0.as_u128())
        .collect();
    found.sort();
    assert_eq!(found, vec![2, 3]);
}

proptest! {
    /// Whatever the plates and the search: every job shown matches, none is shown twice, the
    /// page is newest first and no longer than asked, and no matching job is left out unless
    /// the page says there is more.
    #[test]
    fn a_page_is_exactly_the_newest_matches(
        plates in proptest::collection::vec((0u32..100_000, 0i64..1_000), 0..30),
        typed in "[0-9A京 ]{0,6}",
        limit in 0usize..12,
    ) {
        let jobs: Vec<Job> = plates
            .iter()
            .enumerate()
            .map(|(n, (digits, age))| job(n as u128, &format!("京A{digits:05}"), *age))
            .collect();
        let query = ListQuery::new(&typed, limit);
        // Each summary twice, in reverse order, as an index over several terms may give them.
        let read: Vec<Summary> = jobs
            .iter()
            .rev()
            .flat_map(|j| [Summary::of(j), Summary::of(j)])
            .filter(|s| s.matches(&query.term))
            .collect();
        let page = page_of(read, &query, true);
        let wanted: Vec<&Job> = jobs
            .iter()
            .filter(|j| j.vehicle.plate.as_str().contains(&query.term))
            .collect();
        prop_assert!(page.summaries.len() <= limit);
        prop_assert_eq!(page.more, wanted.len() > limit);
        prop_assert_eq!(page.summaries.len(), wanted.len().min(limit));
        for pair in page.summaries.windows(2) {
            prop_assert!((pair[0].created_at, std::cmp::Reverse(pair[0].id)) > (pair[1].created_at, std::cmp::Reverse(pair[1].id)));
        }
        let oldest_shown = page.summaries.last().map(|s| (s.created_at, std::cmp::Reverse(s.id)));
        for job in wanted {
            let shown = page.summaries.iter().any(|s| s.id == job.id);
            let newer = oldest_shown.is_none_or(|o| (job.created_at, std::cmp::Reverse(job.id)) >= o);
            prop_assert_eq!(shown, newer && limit > 0, "job {:?}", job.id);
        }
    }
}
