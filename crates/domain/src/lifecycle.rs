//! The job's lifecycle (PRODUCT.md §1). A job moves forward and may skip states that do not
//! apply; the only ways back are explicit (an add-on answered, a failed quality check), never
//! silent.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum JobState {
    Booked,
    Arrived,
    Inspecting,
    CheckedIn,
    OrderSigned,
    InRepair,
    AwaitingApproval,
    QualityCheck,
    ReadyForDelivery,
    Delivered,
    FollowedUp,
}

impl JobState {
    pub const ALL: [JobState; 11] = [
        JobState::Booked,
        JobState::Arrived,
        JobState::Inspecting,
        JobState::CheckedIn,
        JobState::OrderSigned,
        JobState::InRepair,
        JobState::AwaitingApproval,
        JobState::QualityCheck,
        JobState::ReadyForDelivery,
        JobState::Delivered,
        JobState::FollowedUp,
    ];

    /// Whether the lifecycle allows going from `self` to `to`.
    pub fn can_go_to(self, to: JobState) -> bool {
        use JobState::*;
        matches!(
            (self, to),
            (Booked, Arrived)
                | (Arrived, Inspecting)
                | (Inspecting, CheckedIn)
                | (CheckedIn, OrderSigned)
                | (OrderSigned, InRepair)
                | (InRepair, AwaitingApproval | QualityCheck)
                | (AwaitingApproval, InRepair)
                | (QualityCheck, ReadyForDelivery | InRepair)
                | (ReadyForDelivery, Delivered)
                | (Delivered, FollowedUp)
        )
    }

    /// Whether the check-in content (walk-around, valuables, concerns) may still be edited.
    pub fn check_in_open(self) -> bool {
        matches!(
            self,
            JobState::Booked | JobState::Arrived | JobState::Inspecting
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_state_goes_to_itself_and_nothing_leaves_followed_up() {
        for s in JobState::ALL {
            assert!(!s.can_go_to(s));
            assert!(!JobState::FollowedUp.can_go_to(s));
        }
    }

    #[test]
    fn every_state_is_reachable_from_booked() {
        let mut reached = vec![JobState::Booked];
        let mut i = 0;
        while i < reached.len() {
            for to in JobState::ALL {
                if reached[i].can_go_to(to) && !reached.contains(&to) {
                    reached.push(to);
                }
            }
            i += 1;
        }
        assert_eq!(reached.len(), JobState::ALL.len());
    }

    #[test]
    fn going_back_is_only_the_explicit_repair_loops() {
        for from in JobState::ALL {
            for to in JobState::ALL {
                if from.can_go_to(to) && to < from {
                    assert_eq!(to, JobState::InRepair, "{from:?} -> {to:?}");
                }
            }
        }
    }
}
