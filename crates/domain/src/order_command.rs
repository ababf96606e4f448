//! The repair order's commands: the only way the order (`repair_order.rs`) changes.
//! `Job::apply_order` checks the command against the job's state and the order, changes
//! them, bumps the job's revision and records the command in the job's history (an entry with
//! an `order` member, `history.rs`). A refused command leaves the job exactly as it was.
//!
//! Lifecycle (PRODUCT.md §1, §5): the order is written while the job is CheckedIn; signing it
//! → OrderSigned; the repair starts → InRepair; add-on lines put to the customer →
//! AwaitingApproval; their answers signed → InRepair again. After signing the order changes
//! only through add-ons (and the manufacturer's answers to escalations).

use crate::error::DomainError;
use crate::history::{Change, Entry};
use crate::ids::ActorId;
use crate::inspection::SignatureRef;
use crate::job::Job;
use crate::lifecycle::JobState;
use crate::order::{Answer, Diagnosis, Item, Line, OldParts, Purpose, RepairClass};
use crate::order_seal::{canonical, canonical_add_on};
use crate::repair_order::{
    AddOn, AddOnLine, Offer, OrderText, RepairOrder, Signed, Terms, Violation,
};
use crate::seal::sha256_hex;
use chrono::serde::ts_milliseconds;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum OrderCommand {
    /// Begins the order under the store's terms, with the items to recommend from the car's
    /// earlier visits (each with its reason).
    Begin {
        terms: Terms,
        offers: Vec<(Item, String)>,
    },
    /// Records or replaces the diagnosis and warranty decision of one concern.
    Diagnose(Diagnosis),
    /// The manufacturer's answer to an escalated concern.
    AnswerEscalation(Answer),
    AddLine {
        item: Item,
        purpose: Purpose,
        warranty: bool,
    },
    UpdateLine(Line),
    RemoveLine {
        id: u32,
    },
    /// The customer accepts (a line is added for it) or declines a recommended item.
    AnswerOffer {
        id: u32,
        accept: bool,
    },
    SetRepairClass(RepairClass),
    SetOldParts(OldParts),
    SetCarWash(bool),
    SetPromisedAt(#[serde(with = "ts_milliseconds")] DateTime<Utc>),
    /// Lets an incomplete order be signed: the advisor's reason, recorded as a violation
    /// with the store's fine.
    Override {
        reason: String,
    },
    /// The customer signs the order: sealed, → OrderSigned.
    Sign(SignatureRef),
    /// The car goes into the workshop: OrderSigned → InRepair.
    StartRepair,
    /// A line found during repair, to be put to the customer.
    AddAddOnLine {
        item: Item,
        reason: String,
    },
    UpdateAddOnLine {
        line: Line,
        reason: String,
    },
    RemoveAddOnLine {
        id: u32,
    },
    /// The add-on's lines are put to the customer: InRepair → AwaitingApproval.
    AskApproval,
    AnswerAddOnLine {
        id: u32,
        approve: bool,
    },
    /// The customer approves the new total, past the store's threshold.
    ApproveNewTotal,
    /// The customer signs their answers: sealed, approved lines join the order, → InRepair.
    SignAddOn(SignatureRef),
}

impl Job {
    /// Applies `command` to the job's repair order at `now` on behalf of `actor`.
    pub fn apply_order(
        &mut self,
        command: OrderCommand,
        now: DateTime<Utc>,
        actor: ActorId,
    ) -> Result<(), DomainError> {
        let mut order = match (&command, self.repair_order()?) {
            (OrderCommand::Begin { .. }, Some(_)) => return Err(DomainError::OrderBegun),
            (OrderCommand::Begin { .. }, None) => RepairOrder::default(),
            (_, Some(order)) => order,
            (_, None) => return Err(DomainError::NoOrder),
        };
        let mut next = self.clone();
        next.change_order(&mut order, &command, now)?;
        next.order = Some(OrderText::write(&order)?);
        let entry = Entry {
            at: now,
            actor,
            change: Change::Order(command),
        };
        let entry =
            serde_json::value::to_raw_value(&entry).map_err(|_| DomainError::UnreadableOrder)?;
        next.history.push_text(entry);
        next.revision += 1;
        next.updated_at = now;
        *self = next;
        Ok(())
    }

    fn change_order(
        &mut self,
        order: &mut RepairOrder,
        command: &OrderCommand,
        now: DateTime<Utc>,
    ) -> Result<(), DomainError> {
        let writing = matches!(
            command,
            OrderCommand::Begin { .. }
                | OrderCommand::Diagnose(_)
                | OrderCommand::AddLine { .. }
                | OrderCommand::UpdateLine(_)
                | OrderCommand::RemoveLine { .. }
                | OrderCommand::AnswerOffer { .. }
                | OrderCommand::SetRepairClass(_)
                | OrderCommand::SetOldParts(_)
                | OrderCommand::SetCarWash(_)
                | OrderCommand::SetPromisedAt(_)
                | OrderCommand::Override { .. }
                | OrderCommand::Sign(_)
        );
        if writing && self.state != JobState::CheckedIn {
            return Err(DomainError::OrderClosed);
        }
        let appointment = self.is_appointment();
        match command {
            OrderCommand::Begin { terms, offers } => {
                order.terms = *terms;
                for (item, reason) in offers {
                    let id = self.take_local_id();
                    order.offers.push(Offer {
                        id,
                        item: item.clone(),
                        reason: reason.clone(),
                        accepted: None,
                        line: None,
                    });
                }
            }
            OrderCommand::Diagnose(diagnosis) => {
                self.concern(diagnosis.concern)?;
                order
                    .order
                    .diagnoses
                    .retain(|d| d.concern != diagnosis.concern);
                order.order.diagnoses.push(diagnosis.clone());
            }
            OrderCommand::AnswerEscalation(answer) => {
                let escalated = order.order.diagnoses.iter().any(|d| {
                    d.concern == answer.concern && d.warranty == crate::order::Warranty::Escalated
                });
                if !escalated || self.state > JobState::AwaitingApproval {
                    return Err(DomainError::NotEscalated);
                }
                if answer.reference.trim().is_empty() {
                    return Err(DomainError::EmptyReference);
                }
                order.answers.retain(|a| a.concern != answer.concern);
                order.answers.push(answer.clone());
            }
            OrderCommand::AddLine {
                item,
                purpose,
                warranty,
            } => {
                if let Purpose::Concern(id) = purpose {
                    self.concern(*id)?;
                }
                let id = self.take_local_id();
                order.order.lines.push(Line {
                    id,
                    item: item.clone(),
                    purpose: purpose.clone(),
                    warranty: *warranty,
                });
            }
            OrderCommand::UpdateLine(line) => {
                let slot = order.order.lines.iter_mut().find(|l| l.id == line.id);
                *slot.ok_or(DomainError::UnknownLine)? = line.clone();
            }
            OrderCommand::RemoveLine { id } => {
                let before = order.order.lines.len();
                order.order.lines.retain(|l| l.id != *id);
                if order.order.lines.len() == before {
                    return Err(DomainError::UnknownLine);
                }
                for offer in order.offers.iter_mut().filter(|o| o.line == Some(*id)) {
                    (offer.accepted, offer.line) = (None, None);
                }
            }
            OrderCommand::AnswerOffer { id, accept } => {
                let offer = order.offers.iter_mut().find(|o| o.id == *id);
                let offer = offer.ok_or(DomainError::UnknownLine)?;
                if let Some(line) = offer.line.take() {
                    order.order.lines.retain(|l| l.id != line);
                }
                offer.accepted = Some(*accept);
                if *accept {
                    let line = Line {
                        id: self.take_local_id(),
                        item: offer.item.clone(),
                        purpose: Purpose::Recommendation(offer.reason.clone()),
                        warranty: false,
                    };
                    offer.line = Some(line.id);
                    order.order.lines.push(line);
                }
            }
            OrderCommand::SetRepairClass(class) => order.order.repair_class = Some(*class),
            OrderCommand::SetOldParts(old) => order.order.old_parts = Some(*old),
            OrderCommand::SetCarWash(wash) => order.order.car_wash = Some(*wash),
            OrderCommand::SetPromisedAt(at) => order.order.promised_at = Some(*at),
            OrderCommand::Override { reason } => {
                if reason.trim().is_empty() {
                    return Err(DomainError::EmptyReason);
                }
                let gaps = order.order.gaps(&self.concern_ids());
                if gaps.is_empty() {
                    return Err(DomainError::NothingMissing);
                }
                order.violation = Some(Violation {
                    reason: reason.trim().to_string(),
                    gaps,
                    fine: order.terms.fine,
                });
            }
            OrderCommand::Sign(signature) => {
                if signature.signer.trim().is_empty() {
                    return Err(DomainError::EmptySigner);
                }
                let gaps = order.order.gaps(&self.concern_ids());
                match (&mut order.violation, gaps.is_empty()) {
                    // Complete after all: nothing to fine.
                    (violation, true) => *violation = None,
                    (None, false) => return Err(DomainError::OrderIncomplete(gaps)),
                    // Signed with what is missing now.
                    (Some(violation), false) => violation.gaps = gaps,
                }
                self.go_to(JobState::OrderSigned)?;
                let seal = sha256_hex(canonical(self, order, signature).as_bytes());
                order.signed = Some(Signed {
                    signature: signature.clone(),
                    seal,
                    total: order.totals(&[], appointment).total,
                });
            }
            OrderCommand::StartRepair => {
                if self.state != JobState::OrderSigned {
                    return Err(DomainError::IllegalTransition {
                        from: self.state,
                        to: JobState::InRepair,
                    });
                }
                self.go_to(JobState::InRepair)?;
            }
            OrderCommand::AddAddOnLine { item, reason } => {
                self.writing_add_on()?;
                if reason.trim().is_empty() {
                    return Err(DomainError::EmptyReason);
                }
                if order.open_add_on().is_none() {
                    let id = self.take_local_id();
                    order.add_ons.push(AddOn {
                        id,
                        lines: Vec::new(),
                        asked_at: None,
                        new_total_approved: false,
                        signed: None,
                    });
                }
                let line = Line {
                    id: self.take_local_id(),
                    item: item.clone(),
                    purpose: Purpose::Recommendation(reason.trim().to_string()),
                    warranty: false,
                };
                open(order)?.lines.push(AddOnLine {
                    line,
                    reason: reason.trim().to_string(),
                    approved: None,
                });
            }
            OrderCommand::UpdateAddOnLine { line, reason } => {
                self.writing_add_on()?;
                if reason.trim().is_empty() {
                    return Err(DomainError::EmptyReason);
                }
                let slot = open(order)?.lines.iter_mut().find(|l| l.line.id == line.id);
                let slot = slot.ok_or(DomainError::UnknownLine)?;
                slot.line = line.clone();
                slot.reason = reason.trim().to_string();
            }
            OrderCommand::RemoveAddOnLine { id } => {
                self.writing_add_on()?;
                let add_on = open(order)?;
                let before = add_on.lines.len();
                add_on.lines.retain(|l| l.line.id != *id);
                if add_on.lines.len() == before {
                    return Err(DomainError::UnknownLine);
                }
            }
            OrderCommand::AskApproval => {
                self.writing_add_on()?;
                let add_on = open(order)?;
                if add_on.lines.is_empty() {
                    return Err(DomainError::UnknownLine);
                }
                if let Some(l) = add_on.lines.iter().find(|l| l.line.value().is_none()) {
                    let gap = crate::order::OrderGap::Unpriced(l.line.id);
                    return Err(DomainError::OrderIncomplete(vec![gap]));
                }
                add_on.asked_at = Some(now);
                self.go_to(JobState::AwaitingApproval)?;
            }
            OrderCommand::AnswerAddOnLine { id, approve } => {
                self.answering()?;
                let add_on = open(order)?;
                let slot = add_on.lines.iter_mut().find(|l| l.line.id == *id);
                slot.ok_or(DomainError::UnknownLine)?.approved = Some(*approve);
                add_on.new_total_approved = false;
            }
            OrderCommand::ApproveNewTotal => {
                self.answering()?;
                open(order)?.new_total_approved = true;
            }
            OrderCommand::SignAddOn(signature) => {
                self.answering()?;
                if signature.signer.trim().is_empty() {
                    return Err(DomainError::EmptySigner);
                }
                let add_on = order.open_add_on().ok_or(DomainError::UnknownLine)?;
                if add_on.lines.iter().any(|l| l.approved.is_none()) {
                    return Err(DomainError::AddOnUnanswered);
                }
                if order.overruns(add_on, appointment) && !add_on.new_total_approved {
                    return Err(DomainError::NewTotalUnapproved);
                }
                let approved: Vec<Line> = RepairOrder::approved(add_on).collect();
                let total = order.totals(&approved, appointment).total;
                let id = add_on.id;
                let text = canonical_add_on(self, order, id, total, signature);
                let seal = sha256_hex(text.ok_or(DomainError::NoOrder)?.as_bytes());
                open(order)?.signed = Some(Signed {
                    signature: signature.clone(),
                    seal,
                    total,
                });
                self.go_to(JobState::InRepair)?;
            }
        }
        Ok(())
    }

    fn concern(&self, id: u32) -> Result<(), DomainError> {
        match self.concerns.iter().any(|c| c.id == id) {
            true => Ok(()),
            false => Err(DomainError::UnknownConcern),
        }
    }

    /// Add-on lines are written during the repair, before the customer is asked.
    fn writing_add_on(&self) -> Result<(), DomainError> {
        match self.state {
            JobState::InRepair => Ok(()),
            _ => Err(DomainError::NotInRepair),
        }
    }

    /// The customer answers an add-on while the job awaits approval.
    fn answering(&self) -> Result<(), DomainError> {
        match self.state {
            JobState::AwaitingApproval => Ok(()),
            from => Err(DomainError::IllegalTransition {
                from,
                to: JobState::InRepair,
            }),
        }
    }
}

/// The open add-on, to change.
fn open(order: &mut RepairOrder) -> Result<&mut AddOn, DomainError> {
    order
        .add_ons
        .last_mut()
        .filter(|a| a.signed.is_none())
        .ok_or(DomainError::UnknownLine)
}
