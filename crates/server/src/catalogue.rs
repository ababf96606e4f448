//! A store's catalogue from a CSV file (`lanecheck-server import-catalog`): one row per labour
//! operation or part, with a header naming the columns (in any order):
//!
//! ```text
//! kind,code,name,spec,unit,hours,price,source,stock
//! labour,L-OIL,更换机油及机滤,,,0.5,120.00,,
//! part,15400-RTA-003,机油滤清器,原厂 Honda,个,,48.00,original,12
//! ```
//!
//! `kind` is `labour` (工时) or `part` (备品); a labour row needs `hours` (standard hours) and
//! `price` (the hourly rate, yuan); a part row needs `unit` and `price` (the unit price,
//! yuan), and may give `spec`, `source` (`original` / 原厂, `aftermarket` / 副厂, `repaired`
//! / 修复; original when empty) and `stock` (empty: not known). A file with any bad row is
//! refused whole, each bad row named by its line.

use crate::db::{self, Db};
use chrono::{DateTime, Utc};
use lanecheck_domain::catalogue::{Catalogue, LabourOp, Part};
use lanecheck_domain::money::Fen;
use lanecheck_domain::order::{Hundredths, PartSource};
use lanecheck_domain::seal::sha256_hex;

/// The sample catalogue a new reference server gives its first store, for demos and tests.
pub const SAMPLE: &str = include_str!("../sample-catalogue.csv");

const COLUMNS: [&str; 9] = [
    "kind", "code", "name", "spec", "unit", "hours", "price", "source", "stock",
];

/// Reads a catalogue file as of `now`; every bad row is an error naming its line.
pub fn from_csv(text: &str, now: DateTime<Utc>) -> Result<Catalogue, Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| vec![format!("line 1: {e}")])?
        .clone();
    let at: Vec<Option<usize>> = COLUMNS
        .iter()
        .map(|c| header.iter().position(|h| h.eq_ignore_ascii_case(c)))
        .collect();
    let missing: Vec<&str> = COLUMNS
        .iter()
        .zip(&at)
        .filter(|(_, i)| i.is_none())
        .map(|(c, _)| *c)
        .collect();
    if !missing.is_empty() {
        return Err(vec![format!(
            "line 1: the header lacks the column(s) {}",
            missing.join(", ")
        )]);
    }
    let mut catalogue = Catalogue {
        as_of: Some(now),
        ..Catalogue::default()
    };
    let mut errors = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let line = n + 2;
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                errors.push(format!("line {line}: {e}"));
                continue;
            }
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        let field = |column: usize| at[column].and_then(|i| record.get(i)).unwrap_or("");
        match row(field) {
            Ok(Row::Labour(op)) => catalogue.labour.push(op),
            Ok(Row::Part(part)) => catalogue.parts.push(part),
            Err(why) => errors.push(format!("line {line}: {why}")),
        }
    }
    match errors.is_empty() {
        true => Ok(catalogue),
        false => Err(errors),
    }
}

/// A catalogue document's version, its `ETag`: the first half of its SHA-256.
pub fn version(document: &str) -> String {
    sha256_hex(document.as_bytes())[..32].to_string()
}

/// The document and version of a store that has no catalogue: an empty one, as of never.
pub fn empty() -> (String, String) {
    let document = serde_json::to_string(&Catalogue::default()).unwrap_or_default();
    let version = version(&document);
    (document, version)
}

/// Reads a catalogue file and makes it the catalogue of the store named `store`, replacing
/// the one it had; says what it holds. Nothing is stored when a row is bad.
pub async fn import(db: &Db, store: &str, csv: &str, now_ms: i64) -> Result<String, String> {
    let at = DateTime::from_timestamp_millis(now_ms).unwrap_or_default();
    let catalogue = from_csv(csv, at).map_err(|errors| errors.join("\n"))?;
    let id = db::store_by_name(db, store)
        .await
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no store is named \"{store}\" (add-advisor creates a store)"))?;
    let document = serde_json::to_string(&catalogue).map_err(|e| e.to_string())?;
    db::put_catalogue(db, &id, &document, &version(&document), now_ms)
        .await
        .map_err(|e| e.to_string())?;
    Ok(format!(
        "{} labour operations, {} parts",
        catalogue.labour.len(),
        catalogue.parts.len()
    ))
}

enum Row {
    Labour(LabourOp),
    Part(Part),
}

/// One row, from its fields by column (in `COLUMNS`' order).
fn row<'a>(field: impl Fn(usize) -> &'a str) -> Result<Row, String> {
    let text = |column: usize, what: &str| match field(column) {
        "" => Err(format!("{what} is empty")),
        value => Ok(value.to_string()),
    };
    let code = text(1, "code")?;
    let name = text(2, "name")?;
    let price = Fen::parse_yuan(field(6)).map_err(|e| format!("price \"{}\": {e}", field(6)))?;
    match field(0).to_ascii_lowercase().as_str() {
        "labour" | "labor" | "工时" => Ok(Row::Labour(LabourOp {
            code,
            name,
            hours: Hundredths::parse(field(5))
                .map_err(|e| format!("hours \"{}\": {e}", field(5)))?,
            rate: price,
        })),
        "part" | "备品" => Ok(Row::Part(Part {
            code,
            name,
            spec: field(3).to_string(),
            unit: text(4, "unit")?,
            price,
            source: match field(7).to_ascii_lowercase().as_str() {
                "" | "original" | "原厂" => PartSource::Original,
                "aftermarket" | "副厂" => PartSource::Aftermarket,
                "repaired" | "修复" => PartSource::Repaired,
                other => {
                    return Err(format!(
                        "source \"{other}\" is not original, aftermarket or repaired"
                    ))
                }
            },
            stock: match field(8) {
                "" => None,
                n => Some(
                    n.parse()
                        .map_err(|_| format!("stock \"{n}\" is not a count"))?,
                ),
            },
        })),
        other => Err(format!("kind \"{other}\" is not labour or part")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp_millis(1_765_000_000_000).unwrap_or_default()
    }

    #[test]
    fn the_sample_catalogue_reads() {
        let sample = from_csv(SAMPLE, now()).expect("the sample reads");
        assert!(sample.labour.len() >= 5 && sample.parts.len() >= 10);
        assert_eq!(sample.as_of, Some(now()));
    }

    #[test]
    fn rows_read_in_any_column_order_with_quoted_commas() {
        let text = "name,kind,code,price,hours,unit,spec,source,stock\n\
                    更换机油及机滤,labour,L-OIL,120,0.5,,,,\n\
                    \"机油 5W-30, 4L\",part,P-1,288.50,,桶,\"Mobil 1, 全合成\",副厂,3\n\
                    \n\
                    刹车片,备品,P-2,360,,套,,,\n";
        let c = from_csv(text, now()).expect("reads");
        assert_eq!(
            c.labour,
            vec![LabourOp {
                code: "L-OIL".into(),
                name: "更换机油及机滤".into(),
                hours: Hundredths(50),
                rate: Fen(12_000),
            }]
        );
        assert_eq!(c.parts[0].name, "机油 5W-30, 4L");
        assert_eq!(c.parts[0].spec, "Mobil 1, 全合成");
        assert_eq!(c.parts[0].price, Fen(28_850));
        assert_eq!(c.parts[0].source, PartSource::Aftermarket);
        assert_eq!(c.parts[0].stock, Some(3));
        assert_eq!(
            (c.parts[1].source, c.parts[1].stock),
            (PartSource::Original, None)
        );
    }

    #[test]
    fn a_file_with_bad_rows_is_refused_naming_each_line() {
        let text = "kind,code,name,spec,unit,hours,price,source,stock\n\
                    labour,L-1,换油,,,半小时,120,,\n\
                    part,P-1,滤芯,,个,,48,,\n\
                    part,P-2,,,个,,48,,\n\
                    tyre,T-1,轮胎,,条,,500,,\n\
                    part,P-3,滤芯,,个,,-1,,\n\
                    part,P-4,滤芯,,个,,1,new,\n";
        let errors = from_csv(text, now()).expect_err("refused");
        let lines: Vec<&str> = errors
            .iter()
            .map(|e| e.split(':').next().unwrap_or(""))
            .collect();
        assert_eq!(
            lines,
            ["line 2", "line 4", "line 5", "line 6", "line 7"],
            "{errors:?}"
        );
        let header = from_csv("kind,code,name\n", now()).expect_err("no columns");
        assert!(
            header[0].contains("spec, unit, hours, price, source, stock"),
            "{header:?}"
        );
    }

    proptest! {
        #[test]
        fn any_file_is_read_or_refused_never_a_panic(text in "(kind,code,name,spec,unit,hours,price,source,stock\n)?[a-z0-9,.\"\n 机油-]{0,200}") {
            let _ = from_csv(&text, now());
        }
    }
}
