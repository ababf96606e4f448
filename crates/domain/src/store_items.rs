//! The store's own checklist items (本店附加检查项目), typed by the store in settings one per
//! line and added to the checklist of every new job after the seed's items.

use thiserror::Error;

/// The longest item name, in characters.
pub const MAX_LEN: usize = 30;
/// The most items a store can add.
pub const MAX_ITEMS: usize = 20;

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum StoreItemsError {
    /// Line `line` (1-based) is longer than `MAX_LEN` characters.
    #[error("item on line {line} is longer than {MAX_LEN} characters")]
    TooLong { line: usize },
    #[error("more than {MAX_ITEMS} items")]
    TooMany,
}

/// The items of the text: one a line, spaces trimmed and runs of spaces made one, empty lines
/// and repeats left out, in the order typed.
pub fn parse(text: &str) -> Result<Vec<String>, StoreItemsError> {
    let mut items: Vec<String> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let item = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if item.is_empty() || items.contains(&item) {
            continue;
        }
        if item.chars().count() > MAX_LEN {
            return Err(StoreItemsError::TooLong { line: i + 1 });
        }
        items.push(item);
    }
    if items.len() > MAX_ITEMS {
        return Err(StoreItemsError::TooMany);
    }
    Ok(items)
}
