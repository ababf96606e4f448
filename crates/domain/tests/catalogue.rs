//! The catalogue's search: a code from its start, a name anywhere, Latin letters in either
//! case, at most so many of each; and typed hours and quantities.

use lanecheck_domain::catalogue::{Catalogue, LabourOp, Part};
use lanecheck_domain::money::{DecimalError, Fen};
use lanecheck_domain::order::{Hundredths, PartSource};
use proptest::prelude::*;

fn catalogue() -> Catalogue {
    let op = |code: &str, name: &str| LabourOp {
        code: code.into(),
        name: name.into(),
        hours: Hundredths(50),
        rate: Fen(12_000),
    };
    let part = |code: &str, name: &str| Part {
        code: code.into(),
        name: name.into(),
        spec: "原厂".into(),
        unit: "个".into(),
        price: Fen(8_800),
        source: PartSource::Original,
        stock: Some(3),
    };
    Catalogue {
        as_of: None,
        labour: vec![op("L-OIL", "更换机油及机滤"), op("L-BRK", "更换前刹车片")],
        parts: vec![
            part("15400-RTA-003", "机油滤清器"),
            part("45022-TBA-A01", "前刹车片 Brake pad"),
            part("08232-P99-4LHB", "机油 0W-20 4L"),
        ],
    }
}

fn codes(found: &(Vec<&LabourOp>, Vec<&Part>)) -> Vec<String> {
    let labour = found.0.iter().map(|op| op.code.clone());
    labour
        .chain(found.1.iter().map(|p| p.code.clone()))
        .collect()
}

#[test]
fn codes_from_their_start_names_anywhere_in_either_case() {
    let c = catalogue();
    assert_eq!(codes(&c.search("l-", 10)), ["L-OIL", "L-BRK"]);
    assert_eq!(
        codes(&c.search("机油", 10)),
        ["L-OIL", "15400-RTA-003", "08232-P99-4LHB"]
    );
    assert_eq!(codes(&c.search(" brake ", 10)), ["45022-TBA-A01"]);
    // Inside a code is not a match: "RTA" is not how a code is looked up.
    assert_eq!(codes(&c.search("RTA", 10)), Vec::<String>::new());
    assert_eq!(codes(&c.search("刹车", 1)), ["L-BRK", "45022-TBA-A01"]);
    assert_eq!(codes(&c.search("  ", 10)), Vec::<String>::new());
}

#[test]
fn hours_and_quantities_are_read_in_hundredths() {
    assert_eq!(Hundredths::parse("1.5"), Ok(Hundredths(150)));
    assert_eq!(Hundredths::parse("4"), Ok(Hundredths(400)));
    assert_eq!(Hundredths::parse("0.25"), Ok(Hundredths(25)));
    assert_eq!(Hundredths::parse("99999999"), Err(DecimalError::TooLarge));
    assert_eq!(Hundredths::parse("1/2"), Err(DecimalError::NotANumber));
}

proptest! {
    #[test]
    fn a_search_finds_what_a_plain_comparison_finds(query in "[a-zA-Z0-9机油刹车 -]{0,6}") {
        let c = catalogue();
        let q = query.trim().to_uppercase();
        let expected: Vec<String> = c.labour.iter().map(|op| (op.code.clone(), op.name.clone()))
            .chain(c.parts.iter().map(|p| (p.code.clone(), p.name.clone())))
            .filter(|(code, name)| !q.is_empty() && (code.to_uppercase().starts_with(&q) || name.to_uppercase().contains(&q)))
            .map(|(code, _)| code)
            .collect();
        prop_assert_eq!(codes(&c.search(&query, 100)), expected);
    }

    #[test]
    fn any_query_is_searched_without_a_panic(query in ".{0,12}", limit in 0usize..5) {
        let c = catalogue();
        let (labour, parts) = c.search(&query, limit);
        prop_assert!(labour.len() <= limit && parts.len() <= limit);
    }
}

#[test]
fn a_catalogue_entry_becomes_a_priced_line_item() {
    use lanecheck_domain::catalogue::{LabourOp, Part};
    use lanecheck_domain::money::Fen;
    use lanecheck_domain::order::{Hundredths, Item, PartSource};
    let op = LabourOp {
        code: "L-OIL".into(),
        name: "更换机油".into(),
        hours: Hundredths(50),
        rate: Fen(18_000),
    };
    let Item::Labour { hours, rate, .. } = op.item() else {
        panic!("labour");
    };
    assert_eq!((hours, rate), (Hundredths(50), Some(Fen(18_000))));
    let part = Part {
        code: "P-1".into(),
        name: "机滤".into(),
        spec: "原厂".into(),
        unit: "个".into(),
        price: Fen(6_800),
        source: PartSource::Original,
        stock: Some(3),
    };
    let Item::Part {
        quantity,
        unit_price,
        customer_supplied,
        ..
    } = part.item()
    else {
        panic!("part");
    };
    assert_eq!(quantity, Hundredths(100));
    assert_eq!(unit_price, Some(Fen(6_800)));
    assert!(!customer_supplied);
}
