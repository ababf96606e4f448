//! The store's own checklist items as typed in settings: parsed one a line, never panicking.

use lanecheck_domain::store_items::{parse, StoreItemsError, MAX_ITEMS, MAX_LEN};
use proptest::prelude::*;

#[test]
fn one_item_a_line_trimmed_without_blanks_or_repeats() {
    let items = parse("  洗车液 \n\n行车记录仪  工作\n洗车液\r\n备用钥匙").unwrap();
    assert_eq!(items, vec!["洗车液", "行车记录仪 工作", "备用钥匙"]);
    assert_eq!(parse("").unwrap(), Vec::<String>::new());
}

#[test]
fn too_long_or_too_many_is_refused_with_the_line() {
    let long = "长".repeat(MAX_LEN + 1);
    assert_eq!(
        parse(&format!("好\n{long}")),
        Err(StoreItemsError::TooLong { line: 2 })
    );
    let many: Vec<String> = (0..=MAX_ITEMS).map(|i| format!("项目{i}")).collect();
    assert_eq!(parse(&many.join("\n")), Err(StoreItemsError::TooMany));
}

proptest! {
    #[test]
    fn parsing_never_panics_and_its_result_parses_to_itself(text in "(\\PC|\\n|\\r){0,400}") {
        if let Ok(items) = parse(&text) {
            prop_assert!(items.len() <= MAX_ITEMS);
            for item in &items {
                prop_assert!(!item.is_empty() && item.chars().count() <= MAX_LEN);
                prop_assert_eq!(item.trim(), item.as_str());
            }
            prop_assert_eq!(parse(&items.join("\n")), Ok(items.clone()));
        }
    }
}
