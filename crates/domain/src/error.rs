//! Why a command was refused. Each variant maps to one translated message in the app.

use crate::gate::Gap;
use crate::lifecycle::JobState;
use crate::order::OrderGap;
use thiserror::Error;

#[derive(Clone, Debug, PartialEq, Error)]
pub enum DomainError {
    #[error("cannot go from {from:?} to {to:?}")]
    IllegalTransition { from: JobState, to: JobState },
    #[error("the check-in sheet is signed and can no longer change")]
    CheckInClosed,
    #[error("the car has not arrived yet")]
    NotArrived,
    #[error("the customer was already greeted")]
    AlreadyGreeted,
    #[error("only walk-in customers are told about appointments")]
    NotAWalkIn,
    #[error("no such damage mark")]
    UnknownDamage,
    #[error("no such concern")]
    UnknownConcern,
    #[error("no such checklist item")]
    UnknownCheckItem,
    #[error("no such photo")]
    UnknownPhoto,
    #[error("a mark must lie on the diagram")]
    OffDiagram,
    #[error("fuel level is 0 to 8 eighths")]
    FuelOutOfRange,
    #[error("a reason is required")]
    EmptyReason,
    #[error("the signer's name is required")]
    EmptySigner,
    #[error("the concern needs the customer's words")]
    EmptyConcern,
    #[error("every valuable needs an answer first")]
    ValuablesUnanswered,
    #[error("check-in is incomplete")]
    Incomplete(Vec<Gap>),
    #[error("the repair order cannot be read")]
    UnreadableOrder,
    #[error("the repair order is already begun")]
    OrderBegun,
    #[error("no repair order is begun")]
    NoOrder,
    #[error("the repair order is signed and changes only through add-ons")]
    OrderClosed,
    #[error("no such line")]
    UnknownLine,
    #[error("the concern is not escalated to the manufacturer")]
    NotEscalated,
    #[error("the manufacturer's reference is required")]
    EmptyReference,
    #[error("nothing is missing from the order")]
    NothingMissing,
    #[error("the repair order is incomplete")]
    OrderIncomplete(Vec<OrderGap>),
    #[error("add-ons are written while the car is in repair")]
    NotInRepair,
    #[error("every add-on line needs the customer's answer")]
    AddOnUnanswered,
    #[error("the customer has not approved the new total")]
    NewTotalUnapproved,
    #[error("state {0:?} is entered by its own command")]
    UseSpecificCommand(JobState),
}
