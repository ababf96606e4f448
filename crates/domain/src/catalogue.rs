//! The store's catalogue: labour operations (工时项目) and parts (备品) with their prices and
//! the parts' stock, as the sync endpoint gives it (`GET /catalogue`) and the device caches it
//! with the time it is as of. The estimate's lines are made from it (`order::Item`).

use crate::money::Fen;
use crate::order::{Hundredths, Item, PartSource};
use chrono::serde::ts_milliseconds_option;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A labour operation: its code, its name, its standard hours and the hourly rate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabourOp {
    pub code: String,
    pub name: String,
    pub hours: Hundredths,
    pub rate: Fen,
}

/// A part: code, name, brand and specification, unit, unit price, where it comes from, and
/// how many are in stock (`None`: not known).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    pub code: String,
    pub name: String,
    pub spec: String,
    pub unit: String,
    pub price: Fen,
    pub source: PartSource,
    pub stock: Option<u32>,
}

/// One store's catalogue, as of the time it was last changed (`None`: never imported).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalogue {
    #[serde(with = "ts_milliseconds_option")]
    pub as_of: Option<DateTime<Utc>>,
    pub labour: Vec<LabourOp>,
    pub parts: Vec<Part>,
}

/// Whether a code or a name is found by `query` (trimmed, not empty): a code from its start,
/// a name anywhere, Latin letters in either case. Compared as bytes, without copying either
/// (a UTF-8 text found in another always starts at a character).
fn found(code: &str, name: &str, query: &[u8]) -> bool {
    let code = code.as_bytes();
    code.len() >= query.len() && code[..query.len()].eq_ignore_ascii_case(query)
        || name
            .as_bytes()
            .windows(query.len())
            .any(|w| w.eq_ignore_ascii_case(query))
}

/// At most `limit` of `items` whose code or name (`key`) `query` finds, in their order.
fn matching<'a, T>(
    items: &'a [T],
    key: fn(&T) -> (&str, &str),
    query: &[u8],
    limit: usize,
) -> Vec<&'a T> {
    items
        .iter()
        .filter(|item| {
            let (code, name) = key(item);
            found(code, name, query)
        })
        .take(limit)
        .collect()
}

impl Catalogue {
    /// The labour operations and parts a search by code or name finds, at most `limit` of
    /// each, in the catalogue's order. An empty query finds nothing.
    pub fn search(&self, query: &str, limit: usize) -> (Vec<&LabourOp>, Vec<&Part>) {
        let query = query.trim().as_bytes();
        if query.is_empty() {
            return (Vec::new(), Vec::new());
        }
        (
            matching(&self.labour, |op| (&op.code, &op.name), query, limit),
            matching(&self.parts, |p| (&p.code, &p.name), query, limit),
        )
    }
}

impl LabourOp {
    /// The estimate's line item for this operation: its standard hours at its rate.
    pub fn item(&self) -> Item {
        Item::Labour {
            code: self.code.clone(),
            name: self.name.clone(),
            hours: self.hours,
            rate: Some(self.rate),
        }
    }
}

impl Part {
    /// The estimate's line item for one unit of this part at its price.
    pub fn item(&self) -> Item {
        Item::Part {
            code: self.code.clone(),
            name: self.name.clone(),
            spec: self.spec.clone(),
            unit: self.unit.clone(),
            quantity: Hundredths(100),
            unit_price: Some(self.price),
            source: self.source,
            customer_supplied: false,
        }
    }
}
