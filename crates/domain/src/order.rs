//! The repair order (委托书): a diagnosis and a warranty decision per concern, the estimate's
//! labour and parts lines with their totals, and what must be there before the customer signs
//! (PRODUCT.md §5; the paper's floor in RULES-CN.md).
//!
//! Money is integer fen throughout, with one rounding rule: a line's value is its quantity
//! (in hundredths) × its price, rounded half away from zero to whole fen; the appointment
//! discount is each labour line's percentage, rounded the same way (`Fen::percent`); totals
//! are sums of those, never rounded again.

use crate::money::{hundredths, DecimalError, Fen};
use chrono::serde::ts_milliseconds_option;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A quantity in hundredths: hours of labour (1.5 h is 150) or a part's quantity (4.5 L is 450).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Hundredths(pub u32);

impl Hundredths {
    /// Hours or a quantity as typed (`"1.5"`), see `money::hundredths`.
    pub fn parse(text: &str) -> Result<Hundredths, DecimalError> {
        u32::try_from(hundredths(text)?)
            .map(Hundredths)
            .map_err(|_| DecimalError::TooLarge)
    }

    /// As typed and shown: `150` is `1.5`, `125` is `1.25`, `200` is `2`.
    pub fn decimal(self) -> String {
        let (whole, part) = (self.0 / 100, self.0 % 100);
        match part {
            0 => whole.to_string(),
            p if p % 10 == 0 => format!("{whole}.{}", p / 10),
            p => format!("{whole}.{p:02}"),
        }
    }

    /// `self × price` in whole fen, rounded half away from zero (`Fen::hundredths_of`).
    pub fn times(self, price: Fen) -> Fen {
        price.hundredths_of(self.0)
    }
}

/// Where a part comes from, as the estimate states it (原厂 / 副厂 / 修复).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PartSource {
    Original,
    Aftermarket,
    Repaired,
}

/// What a line charges for: labour (工时) or a part (备品), listed apart on every paper.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Item {
    Labour {
        code: String,
        name: String,
        hours: Hundredths,
        /// Per hour; `None` until priced.
        rate: Option<Fen>,
    },
    Part {
        code: String,
        name: String,
        /// Brand and specification (品牌规格).
        spec: String,
        unit: String,
        quantity: Hundredths,
        /// `None` until priced.
        unit_price: Option<Fen>,
        source: PartSource,
        /// Brought by the customer (托修方自备配件): on the order, charged nothing.
        customer_supplied: bool,
    },
}

/// Why a line is on the order: for one of the customer's concerns, or an item the store
/// recommends (a declined item of an earlier visit, the next service due), with its reason.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Purpose {
    Concern(u32),
    Recommendation(String),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Line {
    pub id: u32,
    pub item: Item,
    pub purpose: Purpose,
    /// Paid by the manufacturer's warranty: nothing to the customer, its value kept for the
    /// store's claim.
    pub warranty: bool,
}

impl Line {
    pub fn is_labour(&self) -> bool {
        matches!(self.item, Item::Labour { .. })
    }

    /// Quantity × price; `None` until the line is priced. A part the customer brought is
    /// worth nothing on the order.
    pub fn value(&self) -> Option<Fen> {
        match &self.item {
            Item::Labour { hours, rate, .. } => rate.map(|rate| hours.times(rate)),
            Item::Part {
                customer_supplied: true,
                ..
            } => Some(Fen::ZERO),
            Item::Part {
                quantity,
                unit_price,
                ..
            } => unit_price.map(|price| quantity.times(price)),
        }
    }

    /// What the customer is charged for the line before any discount: nothing for a warranty
    /// line or one not yet priced.
    pub fn charged(&self) -> Fen {
        match self.warranty {
            true => Fen::ZERO,
            false => self.value().unwrap_or(Fen::ZERO),
        }
    }

    /// The appointment discount on this line: a share of a charged labour line, never of a
    /// part; zero or negative, never more than the line.
    pub fn discount(&self, percent: u8) -> Fen {
        match self.is_labour() {
            true => Fen(-self.charged().percent(percent.min(100)).0),
            false => Fen::ZERO,
        }
    }
}

/// The sums of an order's lines, as the customer reads them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    /// Charged labour, before the discount.
    pub labour: Fen,
    /// Charged parts.
    pub parts: Fen,
    /// The appointment discount, a line of its own: zero or negative.
    pub discount: Fen,
    /// What the customer pays: labour + parts + discount.
    pub total: Fen,
    /// The value of the warranty lines, which the customer does not pay.
    pub warranty: Fen,
}

/// The order's totals; `discount` is the store's appointment discount in percent, given only
/// for an appointment job.
pub fn totals(lines: &[Line], discount: Option<u8>) -> Totals {
    let mut sums = Totals::default();
    for line in lines {
        match line.is_labour() {
            true => sums.labour = sums.labour + line.charged(),
            false => sums.parts = sums.parts + line.charged(),
        }
        if let Some(percent) = discount {
            sums.discount = sums.discount + line.discount(percent);
        }
        if line.warranty {
            sums.warranty = sums.warranty + line.value().unwrap_or(Fen::ZERO);
        }
    }
    sums.total = sums.labour + sums.parts + sums.discount;
    sums
}

/// What was found for a concern.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Finding {
    /// Diagnosed now, in words.
    Diagnosed(String),
    /// Needs a full inspection before it can be said.
    FullInspection,
}

/// The manufacturer's answer to a concern's escalated warranty question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub concern: u32,
    pub approved: bool,
    /// The manufacturer's reference.
    pub reference: String,
}

/// Who pays for a concern's repair.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Warranty {
    Covered,
    NotCovered,
    /// Undetermined until the diagnosis.
    Undetermined,
    /// Escalated to the manufacturer for approval (上报厂家待批准): open until its answer is
    /// recorded (`RepairOrder::answers`, which the customer's signature does not cover).
    Escalated,
}

/// A concern's diagnosis and warranty decision, with the reason the customer is shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diagnosis {
    pub concern: u32,
    pub finding: Finding,
    pub warranty: Warranty,
    pub reason: String,
}

/// The repair class (维修类别), which sets the repair's quality guarantee period (RULES-CN.md:
/// 20,000 km or 100 days, 5,000 km or 30 days, 2,000 km or 10 days, in this order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RepairClass {
    /// Whole vehicle or major assembly repair (整车修理 / 总成修理).
    Major,
    /// Level-2 maintenance (二级维护).
    SecondLevel,
    /// Level-1 maintenance, minor and special repairs (一级维护 / 小修 / 专项修理).
    Minor,
}

/// What becomes of the old parts: exactly one of three (旧件).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OldParts {
    /// Confirmed and taken back by the customer (已确认并由托修方回收).
    TakenBack,
    /// Confirmed and waived by the customer (已确认托修方声明放弃).
    Waived,
    /// No old parts (无旧配件).
    None,
}

/// The repair order as written before the customer signs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Order {
    pub diagnoses: Vec<Diagnosis>,
    pub lines: Vec<Line>,
    pub repair_class: Option<RepairClass>,
    pub old_parts: Option<OldParts>,
    pub car_wash: Option<bool>,
    #[serde(with = "ts_milliseconds_option")]
    pub promised_at: Option<DateTime<Utc>>,
}

/// Something the order still lacks before the customer may sign it, in the order's order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrderGap {
    /// A concern with neither a line nor a diagnosis.
    Concern(u32),
    /// A line without a price.
    Unpriced(u32),
    RepairClass,
    OldParts,
    CarWash,
    PromisedAt,
}

impl Order {
    /// Exactly what is missing (the seed's rule): every concern covered by a line or a
    /// diagnosis, every line priced, the repair class, the old parts, the car wash and the
    /// promised time.
    pub fn gaps(&self, concerns: &[u32]) -> Vec<OrderGap> {
        let covered = |id: u32| {
            self.diagnoses.iter().any(|d| d.concern == id)
                || self.lines.iter().any(|l| l.purpose == Purpose::Concern(id))
        };
        let mut gaps: Vec<OrderGap> = concerns
            .iter()
            .filter(|id| !covered(**id))
            .map(|id| OrderGap::Concern(*id))
            .collect();
        gaps.extend(
            self.lines
                .iter()
                .filter(|l| l.value().is_none())
                .map(|l| OrderGap::Unpriced(l.id)),
        );
        let missing = [
            (self.repair_class.is_none(), OrderGap::RepairClass),
            (self.old_parts.is_none(), OrderGap::OldParts),
            (self.car_wash.is_none(), OrderGap::CarWash),
            (self.promised_at.is_none(), OrderGap::PromisedAt),
        ];
        gaps.extend(missing.into_iter().filter(|(m, _)| *m).map(|(_, g)| g));
        gaps
    }
}

/// When the work could be done, as the advisor's suggestion for the promised time: `now`
/// plus the labour lines' standard hours plus half an hour, rounded up to the next quarter
/// hour.
pub fn suggested_completion(now: DateTime<Utc>, lines: &[Line]) -> DateTime<Utc> {
    let hundredths: i64 = lines
        .iter()
        .map(|l| match &l.item {
            Item::Labour { hours, .. } => i64::from(hours.0),
            Item::Part { .. } => 0,
        })
        .sum();
    // An hour's hundredth is 36 seconds.
    let ready = now.timestamp() + hundredths * 36 + 30 * 60;
    let quarter = 15 * 60;
    let rounded = (ready + quarter - 1).div_euclid(quarter) * quarter;
    DateTime::from_timestamp(rounded, 0).unwrap_or(now)
}
