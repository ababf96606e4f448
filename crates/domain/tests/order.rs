//! The repair order's money and completeness: totals are the sums of their lines in exact fen,
//! the appointment discount touches only charged labour and never makes a line negative,
//! warranty lines cost the customer nothing, and the gaps are exactly what is missing.

use chrono::{TimeZone, Utc};
use lanecheck_domain::money::Fen;
use lanecheck_domain::order::{
    totals, Diagnosis, Finding, Hundredths, Item, Line, OldParts, Order, OrderGap, PartSource,
    Purpose, RepairClass, Warranty,
};
use proptest::prelude::*;

fn labour(id: u32, hours: u32, rate: Option<i64>) -> Line {
    Line {
        id,
        item: Item::Labour {
            code: format!("L{id}"),
            name: "更换机油".into(),
            hours: Hundredths(hours),
            rate: rate.map(Fen),
        },
        purpose: Purpose::Concern(1),
        warranty: false,
    }
}

fn part(id: u32, quantity: u32, price: Option<i64>, customer_supplied: bool) -> Line {
    Line {
        id,
        item: Item::Part {
            code: format!("P{id}"),
            name: "机油".into(),
            spec: "5W-30".into(),
            unit: "升".into(),
            quantity: Hundredths(quantity),
            unit_price: price.map(Fen),
            source: PartSource::Original,
            customer_supplied,
        },
        purpose: Purpose::Recommendation("保养到期".into()),
        warranty: false,
    }
}

fn any_line() -> impl Strategy<Value = Line> {
    let price = prop::option::weighted(0.9, 0i64..10_000_000);
    (
        any::<bool>(),
        0u32..100_000,
        price,
        any::<bool>(),
        any::<bool>(),
        0u32..1000,
    )
        .prop_map(|(is_labour, quantity, price, supplied, warranty, id)| {
            let mut line = match is_labour {
                true => labour(id, quantity, price),
                false => part(id, quantity, price, supplied),
            };
            line.warranty = warranty;
            line
        })
}

#[test]
fn a_line_is_quantity_times_price_rounded_half_away_from_zero() {
    // 1.5 h at ¥120.00 an hour; 4.5 L at ¥68.33 a litre is ¥307.485, so ¥307.49.
    assert_eq!(labour(1, 150, Some(12_000)).value(), Some(Fen(18_000)));
    assert_eq!(part(2, 450, Some(6_833), false).value(), Some(Fen(30_749)));
    assert_eq!(part(3, 450, Some(6_833), true).value(), Some(Fen::ZERO));
    assert_eq!(labour(4, 150, None).value(), None);
}

#[test]
fn an_appointment_discount_is_its_own_line_on_labour() {
    let lines = [
        labour(1, 100, Some(10_001)),
        part(2, 100, Some(5_000), false),
    ];
    let sums = totals(&lines, Some(10));
    assert_eq!(sums.labour, Fen(10_001));
    assert_eq!(sums.parts, Fen(5_000));
    assert_eq!(sums.discount, Fen(-1_000));
    assert_eq!(sums.total, Fen(14_001));
    assert_eq!(totals(&lines, None).discount, Fen::ZERO);
}

proptest! {
    #[test]
    fn totals_are_the_sums_of_their_lines(lines in prop::collection::vec(any_line(), 0..12), percent in prop::option::of(0u8..=100)) {
        let sums = totals(&lines, percent);
        let sum = |labour: bool| lines.iter().filter(|l| l.is_labour() == labour).map(|l| l.charged().0).sum::<i64>();
        prop_assert_eq!(sums.labour, Fen(sum(true)));
        prop_assert_eq!(sums.parts, Fen(sum(false)));
        let discount: i64 = percent.map_or(0, |p| lines.iter().map(|l| l.discount(p).0).sum());
        prop_assert_eq!(sums.discount, Fen(discount));
        prop_assert_eq!(sums.total, Fen(sums.labour.0 + sums.parts.0 + sums.discount.0));
        prop_assert!(sums.total.0 >= sums.parts.0);
    }

    #[test]
    fn the_discount_never_makes_a_line_negative_and_touches_only_labour(line in any_line(), percent in any::<u8>()) {
        let discount = line.discount(percent);
        prop_assert!(discount.0 <= 0);
        prop_assert!(line.charged().0 + discount.0 >= 0);
        if !line.is_labour() || line.warranty {
            prop_assert_eq!(discount, Fen::ZERO);
        }
    }

    #[test]
    fn warranty_lines_cost_the_customer_nothing(lines in prop::collection::vec(any_line(), 0..8), extra in any_line(), percent in prop::option::of(0u8..=100)) {
        let before = totals(&lines, percent);
        let mut extra = extra;
        extra.warranty = true;
        let mut with = lines.clone();
        with.push(extra.clone());
        let after = totals(&with, percent);
        prop_assert_eq!(after.total, before.total);
        prop_assert_eq!(after.warranty, before.warranty + extra.value().unwrap_or(Fen::ZERO));
    }
}

fn complete() -> Order {
    Order {
        diagnoses: vec![Diagnosis {
            concern: 2,
            finding: Finding::FullInspection,
            warranty: Warranty::Escalated,
            reason: "三包期内，待厂家确认".into(),
        }],
        lines: vec![labour(1, 100, Some(12_000))],
        repair_class: Some(RepairClass::Minor),
        old_parts: Some(OldParts::TakenBack),
        car_wash: Some(false),
        promised_at: Some(Utc.with_ymd_and_hms(2026, 12, 7, 17, 0, 0).unwrap()),
    }
}

#[test]
fn a_complete_order_lacks_nothing() {
    // Concern 1 has a line, concern 2 a diagnosis.
    assert_eq!(complete().gaps(&[1, 2]), vec![]);
}

#[test]
fn the_gaps_are_exactly_what_is_missing() {
    let mut order = complete();
    assert_eq!(order.gaps(&[1, 2, 3]), vec![OrderGap::Concern(3)]);
    order.lines.push(part(7, 100, None, false));
    order.repair_class = None;
    order.car_wash = None;
    assert_eq!(
        order.gaps(&[1, 2]),
        vec![
            OrderGap::Unpriced(7),
            OrderGap::RepairClass,
            OrderGap::CarWash
        ]
    );
    let empty = Order::default();
    assert_eq!(
        empty.gaps(&[4]),
        vec![
            OrderGap::Concern(4),
            OrderGap::RepairClass,
            OrderGap::OldParts,
            OrderGap::CarWash,
            OrderGap::PromisedAt
        ]
    );
}

#[test]
fn the_suggested_completion_adds_the_labour_hours_and_half_an_hour_to_the_next_quarter() {
    use lanecheck_domain::order::suggested_completion;
    let now = Utc.with_ymd_and_hms(2026, 12, 7, 9, 2, 0).unwrap();
    // 1.5 h + 0.25 h of labour; parts take no time.
    let lines = [
        labour(1, 150, Some(100)),
        labour(2, 25, None),
        part(3, 400, Some(100), false),
    ];
    assert_eq!(
        suggested_completion(now, &lines),
        Utc.with_ymd_and_hms(2026, 12, 7, 11, 30, 0).unwrap()
    );
    // On a quarter already: kept.
    let on = Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap();
    assert_eq!(
        suggested_completion(on, &[]),
        Utc.with_ymd_and_hms(2026, 12, 7, 9, 30, 0).unwrap()
    );
}

proptest! {
    #[test]
    fn the_suggested_completion_is_never_before_now_plus_the_work(
        seconds in 0i64..4_000_000_000, hours in prop::collection::vec(0u32..100_000, 0..8)
    ) {
        use lanecheck_domain::order::suggested_completion;
        let now = Utc.timestamp_opt(seconds, 0).unwrap();
        let lines: Vec<Line> = hours.iter().enumerate().map(|(i, h)| labour(i as u32, *h, None)).collect();
        let at = suggested_completion(now, &lines);
        let work: i64 = hours.iter().map(|h| i64::from(*h) * 36).sum();
        prop_assert!(at.timestamp() >= seconds + work + 1800);
        prop_assert!(at.timestamp() < seconds + work + 1800 + 900);
        prop_assert_eq!(at.timestamp() % 900, 0);
    }
}

proptest! {
    /// A quantity shown reads back as itself.
    #[test]
    fn a_shown_quantity_parses_back(n in 0u32..10_000_000) {
        prop_assert_eq!(Hundredths::parse(&Hundredths(n).decimal()), Ok(Hundredths(n)));
    }
}

#[test]
fn quantities_are_shown_without_trailing_zeros() {
    let shown: Vec<String> = [150, 125, 200, 5, 0]
        .map(|n| Hundredths(n).decimal())
        .to_vec();
    assert_eq!(shown, ["1.5", "1.25", "2", "0.05", "0"]);
}
