//! The repair order as the job keeps it (委托书, PRODUCT.md §5): the order being written, the
//! store's terms it is written under, the items recommended from the car's history, the
//! violation an override recorded, the customer's signature with its seal, and the add-ons
//! (增项) found during repair with their answers.
//!
//! A job holds it as the text it was read or written as (`Job::order`): a page that does not
//! show the order (the check-in) neither reads nor writes it, so none of this code is in its
//! wasm (docs/architecture.md, "The repair order"). `Job::repair_order` reads it;
//! `Job::apply_order` (`order_command.rs`) is the only thing that writes it.

use crate::error::DomainError;
use crate::inspection::SignatureRef;
use crate::job::Job;
use crate::money::Fen;
use crate::order::{totals, Answer, Item, Line, Order, OrderGap, Totals};
use chrono::serde::ts_milliseconds_option;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// The store's terms an order is written under, recorded with it when it is begun, so that
/// its totals, its fine and its add-ons' threshold never change with a later setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Terms {
    /// The appointment discount on labour, in percent (工时费折扣).
    pub appointment_discount: u8,
    /// The fine per order signed incomplete (seed: 5 元 per order).
    pub fine: Fen,
    /// How far, in percent, approved add-ons may take the total past the signed estimate
    /// before the customer approves the new total explicitly.
    pub overrun_percent: u8,
}

impl Default for Terms {
    /// The terms until the store sets its own: 10 % off labour for appointments, the seed's
    /// 5 元 fine, a 10 % overrun.
    fn default() -> Terms {
        Terms {
            appointment_discount: 10,
            fine: Fen(500),
            overrun_percent: 10,
        }
    }
}

/// An item recommended from the car's history (an item declined at an earlier visit), shown
/// with its reason until the customer accepts or declines it again.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Offer {
    pub id: u32,
    pub item: Item,
    pub reason: String,
    /// `Some(true)`: accepted, as the line `line`; `Some(false)`: declined again.
    pub accepted: Option<bool>,
    pub line: Option<u32>,
}

/// An order signed while something was missing: the advisor's reason, what was missing, and
/// the store's fine.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Violation {
    pub reason: String,
    pub gaps: Vec<OrderGap>,
    pub fine: Fen,
}

/// A customer's signature over the order or an add-on, with the seal over what was signed
/// (`order_seal.rs`) and the total the customer agreed to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Signed {
    pub signature: SignatureRef,
    pub seal: String,
    pub total: Fen,
}

/// A line found during repair, with the customer's answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AddOnLine {
    pub line: Line,
    /// Why it is needed, as the customer is told.
    pub reason: String,
    pub approved: Option<bool>,
}

/// Lines found during repair, put to the customer together (增项).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AddOn {
    pub id: u32,
    pub lines: Vec<AddOnLine>,
    /// When the customer was asked; until then the advisor may still change the lines.
    #[serde(with = "ts_milliseconds_option")]
    pub asked_at: Option<DateTime<Utc>>,
    /// The customer approved the new total (asked only past the store's threshold).
    pub new_total_approved: bool,
    pub signed: Option<Signed>,
}

/// The repair order section of a job.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RepairOrder {
    pub terms: Terms,
    pub order: Order,
    pub offers: Vec<Offer>,
    pub violation: Option<Violation>,
    pub signed: Option<Signed>,
    pub add_ons: Vec<AddOn>,
    /// The manufacturer's answers to escalated concerns, as they come (before or after the
    /// customer signs).
    pub answers: Vec<Answer>,
}

impl RepairOrder {
    /// The order's lines: as signed, then the approved lines of each signed add-on.
    pub fn lines(&self) -> Vec<Line> {
        let approved = self
            .add_ons
            .iter()
            .filter(|a| a.signed.is_some())
            .flat_map(Self::approved);
        self.order.lines.iter().cloned().chain(approved).collect()
    }

    /// The order's totals over `lines()` and `extra`, with the appointment discount for an
    /// appointment job.
    pub fn totals(&self, extra: &[Line], appointment: bool) -> Totals {
        let discount = appointment.then_some(self.terms.appointment_discount);
        let mut lines = self.lines();
        lines.extend_from_slice(extra);
        totals(&lines, discount)
    }

    /// The add-on the advisor is still writing or the customer is answering.
    pub fn open_add_on(&self) -> Option<&AddOn> {
        self.add_ons.last().filter(|a| a.signed.is_none())
    }

    /// Whether the manufacturer answered the escalation of `concern`.
    pub fn answer(&self, concern: u32) -> Option<&Answer> {
        self.answers.iter().find(|a| a.concern == concern)
    }

    /// The lines of `add_on` the customer approved so far.
    pub fn approved(add_on: &AddOn) -> impl Iterator<Item = Line> + '_ {
        add_on
            .lines
            .iter()
            .filter(|l| l.approved == Some(true))
            .map(|l| l.line.clone())
    }

    /// Whether approving `add_on`'s approved lines takes the total past the signed estimate
    /// by more than the store's threshold, so the new total needs its own approval.
    pub fn overruns(&self, add_on: &AddOn, appointment: bool) -> bool {
        let Some(signed) = &self.signed else {
            return false;
        };
        let approved: Vec<Line> = Self::approved(add_on).collect();
        let new = self.totals(&approved, appointment).total;
        i128::from(new.0) * 100
            > i128::from(signed.total.0) * (100 + i128::from(self.terms.overrun_percent))
    }

    /// What the customer declined and the store should offer again at the car's next visit:
    /// recommended items not accepted, and add-on lines declined.
    pub fn declined(&self) -> Vec<(Item, String)> {
        let offers = self
            .offers
            .iter()
            .filter(|o| o.accepted != Some(true))
            .map(|o| (o.item.clone(), o.reason.clone()));
        let add_ons = self
            .add_ons
            .iter()
            .filter(|a| a.signed.is_some())
            .flat_map(|a| &a.lines)
            .filter(|l| l.approved == Some(false))
            .map(|l| (l.line.item.clone(), l.reason.clone()));
        offers.chain(add_ons).collect()
    }
}

/// A job's repair order section, as the text it was read or written as.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OrderText(Box<RawValue>);

impl PartialEq for OrderText {
    fn eq(&self, other: &Self) -> bool {
        self.0.get() == other.0.get()
    }
}

impl OrderText {
    pub(crate) fn write(order: &RepairOrder) -> Result<OrderText, DomainError> {
        serde_json::value::to_raw_value(order)
            .map(OrderText)
            .map_err(|_| DomainError::UnreadableOrder)
    }

    pub(crate) fn read(&self) -> Result<RepairOrder, DomainError> {
        serde_json::from_str(self.0.get()).map_err(|_| DomainError::UnreadableOrder)
    }

    /// The SHA-256s of the customer's signature images over the order and its add-ons, read
    /// without reading the rest of the order (the sync worker's blob references).
    pub fn signature_images(&self) -> Vec<String> {
        #[derive(Deserialize)]
        struct Png {
            png_sha256: String,
        }
        #[derive(Deserialize)]
        struct Signature {
            signature: Png,
        }
        #[derive(Deserialize)]
        struct AddOn {
            signed: Option<Signature>,
        }
        #[derive(Deserialize)]
        struct Images {
            signed: Option<Signature>,
            #[serde(default)]
            add_ons: Vec<AddOn>,
        }
        let Ok(images) = serde_json::from_str::<Images>(self.0.get()) else {
            return Vec::new();
        };
        let add_ons = images.add_ons.into_iter().filter_map(|a| a.signed);
        images
            .signed
            .into_iter()
            .chain(add_ons)
            .map(|s| s.signature.png_sha256)
            .collect()
    }
}

impl Job {
    /// The job's repair order, `None` before one is begun.
    pub fn repair_order(&self) -> Result<Option<RepairOrder>, DomainError> {
        self.order.as_ref().map(OrderText::read).transpose()
    }

    /// The ids of the job's concerns, in the order they were recorded.
    pub fn concern_ids(&self) -> Vec<u32> {
        self.concerns.iter().map(|c| c.id).collect()
    }
}

/// The items to recommend at a car's new visit, each with its reason: what was declined at
/// its latest earlier visit with a signed order. That visit's own offers carried on what was
/// declined before it, so an item comes back until the customer accepts it.
pub fn recommendations(earlier: &[Job]) -> Vec<(Item, String)> {
    earlier
        .iter()
        .filter_map(|job| Some((job.created_at, job.repair_order().ok()??)))
        .filter(|(_, order)| order.signed.is_some())
        .max_by_key(|(at, _)| *at)
        .map(|(_, order)| order.declined())
        .unwrap_or_default()
}
