//! Message keys for domain values shown as labels: states and history entries.

use super::Msg;
use lanecheck_domain::{Command, JobState};

pub fn state_label(state: JobState) -> Msg {
    match state {
        JobState::Booked => Msg::StateBooked,
        JobState::Arrived => Msg::StateArrived,
        JobState::Inspecting => Msg::StateInspecting,
        JobState::CheckedIn => Msg::StateCheckedIn,
        JobState::OrderSigned => Msg::StateOrderSigned,
        JobState::InRepair => Msg::StateInRepair,
        JobState::AwaitingApproval => Msg::StateAwaitingApproval,
        JobState::QualityCheck => Msg::StateQualityCheck,
        JobState::ReadyForDelivery => Msg::StateReadyForDelivery,
        JobState::Delivered => Msg::StateDelivered,
        JobState::FollowedUp => Msg::StateFollowedUp,
    }
}

pub fn command_label(command: &Command) -> Msg {
    match command {
        Command::Open(_) => Msg::CmdOpen,
        Command::Arrive => Msg::CmdArrive,
        Command::Greet => Msg::CmdGreet,
        Command::ToldAboutAppointments => Msg::CmdToldAboutAppointments,
        Command::SetOwner(_) => Msg::CmdSetOwner,
        Command::SetBringer(_) => Msg::CmdSetBringer,
        Command::SetVehicle(_) => Msg::CmdSetVehicle,
        Command::StartInspection => Msg::CmdStartInspection,
        Command::FitCover { .. } => Msg::CmdFitCover,
        Command::AnswerCheck { .. } => Msg::CmdAnswerCheck,
        Command::AllRemainingOk => Msg::CmdAllRemainingOk,
        Command::UndoAllRemainingOk => Msg::CmdUndoAllRemainingOk,
        Command::AddDamage { .. } => Msg::CmdAddDamage,
        Command::UpdateDamage(_) => Msg::CmdUpdateDamage,
        Command::RemoveDamage { .. } => Msg::CmdRemoveDamage,
        Command::AttachPhoto(_) => Msg::CmdAttachPhoto,
        Command::DetachPhoto { .. } => Msg::CmdDetachPhoto,
        Command::SetValuable { .. } => Msg::CmdSetValuable,
        Command::AcknowledgeValuables => Msg::CmdAcknowledgeValuables,
        Command::AddConcern { .. } => Msg::CmdAddConcern,
        Command::RemoveConcern { .. } => Msg::CmdRemoveConcern,
        Command::OverrideGate { .. } => Msg::CmdOverrideGate,
        Command::SignCheckIn(_) => Msg::CmdSignCheckIn,
        Command::Advance { .. } => Msg::CmdAdvance,
    }
}
