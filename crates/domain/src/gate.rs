//! The check-in gate (PRODUCT.md §4): what must be complete before the customer signs. The
//! advisor may override it only with a written reason, which the job keeps.

use crate::inspection::{CheckItem, Cover};
use crate::job::Job;
use serde::{Deserialize, Serialize};

/// One missing piece of the check-in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Gap {
    Cover(Cover),
    Check(CheckItem),
    NotPointedOut { mark: u32 },
    ValuablesNotAcknowledged,
}

impl Job {
    /// Everything still missing before the check-in may be signed, in walk-around order.
    pub fn check_in_gaps(&self) -> Vec<Gap> {
        let covers = Cover::ALL
            .into_iter()
            .filter(|c| !self.covers.contains(c))
            .map(Gap::Cover);
        let checks = self
            .checklist
            .iter()
            .filter(|e| e.answer.is_none())
            .map(|e| Gap::Check(e.item.clone()));
        let marks = self
            .damage
            .iter()
            .filter(|m| !m.pointed_out)
            .map(|m| Gap::NotPointedOut { mark: m.id });
        let valuables = self
            .valuables_acknowledged_at
            .is_none()
            .then_some(Gap::ValuablesNotAcknowledged);
        covers.chain(checks).chain(marks).chain(valuables).collect()
    }
}
