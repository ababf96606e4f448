//! The walk-around (环车检查) parts of a job (PRODUCT.md §4): protective covers, the checklist,
//! damage marks on the vehicle diagram, photo references, valuables and customer concerns.

use chrono::serde::ts_milliseconds;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The four protective covers (四件套), fitted in front of the customer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Cover {
    Seat,
    SteeringWheel,
    FloorMat,
    GearLever,
}

impl Cover {
    pub const ALL: [Cover; 4] = [
        Cover::Seat,
        Cover::SteeringWheel,
        Cover::FloorMat,
        Cover::GearLever,
    ];
}

/// The standard checklist items, in walk-around order; stores add their own as `Store`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CheckItem {
    ExteriorPaint,
    BodyPanels,
    Glass,
    Lights,
    Mirrors,
    Wipers,
    TyresAndRims,
    Interior,
    WarningLights,
    OdometerReading,
    FuelGauge,
    OnboardTools,
    Audio,
    PowerSocket,
    RearTrim,
    Store(String),
}

impl CheckItem {
    pub const STANDARD: [CheckItem; 15] = [
        CheckItem::ExteriorPaint,
        CheckItem::BodyPanels,
        CheckItem::Glass,
        CheckItem::Lights,
        CheckItem::Mirrors,
        CheckItem::Wipers,
        CheckItem::TyresAndRims,
        CheckItem::Interior,
        CheckItem::WarningLights,
        CheckItem::OdometerReading,
        CheckItem::FuelGauge,
        CheckItem::OnboardTools,
        CheckItem::Audio,
        CheckItem::PowerSocket,
        CheckItem::RearTrim,
    ];
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    Ok,
    Issue { note: String },
    NotApplicable,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckEntry {
    pub item: CheckItem,
    pub answer: Option<Answer>,
    /// Set by "all remaining OK" rather than one by one, so the advisor can see and undo it.
    pub bulk: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum View {
    Top,
    Front,
    Rear,
    Left,
    Right,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DamageKind {
    Scratch,
    Dent,
    Crack,
    Chip,
    Stain,
    MissingPart,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Severity {
    Minor,
    Moderate,
    Severe,
}

/// A damage mark at a normalised position (0..=1 on both axes) of one diagram view.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DamageMark {
    pub id: u32,
    pub view: View,
    pub x: f32,
    pub y: f32,
    pub kind: DamageKind,
    pub severity: Severity,
    pub note: String,
    /// Ticked when the advisor has shown it to the customer (当面指出).
    pub pointed_out: bool,
}

/// What a photo documents.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PhotoTarget {
    Job,
    Damage(u32),
    Check(CheckItem),
    Concern(u32),
}

/// Metadata of a stored photo; the blob itself lives apart, keyed by its SHA-256.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhotoRef {
    pub sha256: String,
    pub target: PhotoTarget,
    pub width: u32,
    pub height: u32,
    pub bytes: u64,
    #[serde(with = "ts_milliseconds")]
    pub taken_at: DateTime<Utc>,
}

/// The seed's list of valuables the customer is reminded to take.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Valuable {
    Consumables,
    Discs,
    Perfume,
    Wallet,
    UsbDrive,
    AntiTheftDevice,
    Gps,
    Electronics,
    Glasses,
    Toys,
    SportsGear,
    Documents,
    WarrantyBooklet,
    InsurancePapers,
}

impl Valuable {
    pub const ALL: [Valuable; 14] = [
        Valuable::Consumables,
        Valuable::Discs,
        Valuable::Perfume,
        Valuable::Wallet,
        Valuable::UsbDrive,
        Valuable::AntiTheftDevice,
        Valuable::Gps,
        Valuable::Electronics,
        Valuable::Glasses,
        Valuable::Toys,
        Valuable::SportsGear,
        Valuable::Documents,
        Valuable::WarrantyBooklet,
        Valuable::InsurancePapers,
    ];
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Disposition {
    TakenByCustomer,
    LeftInCar { description: String },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValuableEntry {
    pub item: Valuable,
    pub disposition: Option<Disposition>,
}

/// A problem the customer states, in their words (问诊).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Concern {
    pub id: u32,
    pub words: String,
    pub when_it_happens: String,
}

/// The customer's check-in signature: the PNG blob's hash and the typed name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignatureRef {
    pub png_sha256: String,
    pub signer: String,
    #[serde(with = "ts_milliseconds")]
    pub signed_at: DateTime<Utc>,
}
