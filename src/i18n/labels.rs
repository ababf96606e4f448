//! Message keys for domain values shown as labels: states and history entries.

use super::Msg;
use crate::i18n::check_in_text::CheckInMsg;
use crate::i18n::desk_text::DeskMsg;
use lanecheck_domain::inspection::{CheckItem, Cover, DamageKind, Severity, Valuable, View};
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

pub fn command_label(command: &Command) -> DeskMsg {
    match command {
        Command::Open(_) => DeskMsg::CmdOpen,
        Command::Arrive => DeskMsg::CmdArrive,
        Command::Greet => DeskMsg::CmdGreet,
        Command::ToldAboutAppointments => DeskMsg::CmdToldAboutAppointments,
        Command::SetOwner(_) => DeskMsg::CmdSetOwner,
        Command::SetBringer(_) => DeskMsg::CmdSetBringer,
        Command::SetVehicle(_) => DeskMsg::CmdSetVehicle,
        Command::StartInspection => DeskMsg::CmdStartInspection,
        Command::FitCover { .. } => DeskMsg::CmdFitCover,
        Command::AnswerCheck { .. } => DeskMsg::CmdAnswerCheck,
        Command::AllRemainingOk => DeskMsg::CmdAllRemainingOk,
        Command::UndoAllRemainingOk => DeskMsg::CmdUndoAllRemainingOk,
        Command::AddDamage { .. } => DeskMsg::CmdAddDamage,
        Command::UpdateDamage(_) => DeskMsg::CmdUpdateDamage,
        Command::RemoveDamage { .. } => DeskMsg::CmdRemoveDamage,
        Command::AttachPhoto(_) => DeskMsg::CmdAttachPhoto,
        Command::DetachPhoto { .. } => DeskMsg::CmdDetachPhoto,
        Command::RestoreDamage { .. } => DeskMsg::CmdRestoreDamage,
        Command::NoDamage => DeskMsg::CmdNoDamage,
        Command::SetValuable { .. } => DeskMsg::CmdSetValuable,
        Command::AcknowledgeValuables => DeskMsg::CmdAcknowledgeValuables,
        Command::RemainingValuablesTaken => DeskMsg::CmdRemainingValuablesTaken,
        Command::AddConcern { .. } => DeskMsg::CmdAddConcern,
        Command::RemoveConcern { .. } => DeskMsg::CmdRemoveConcern,
        Command::OverrideGate { .. } => DeskMsg::CmdOverrideGate,
        Command::SignCheckIn(_) => DeskMsg::CmdSignCheckIn,
        Command::Advance { .. } => DeskMsg::CmdAdvance,
    }
}

pub fn cover_label(cover: Cover) -> CheckInMsg {
    match cover {
        Cover::Seat => CheckInMsg::CoverSeat,
        Cover::SteeringWheel => CheckInMsg::CoverSteeringWheel,
        Cover::FloorMat => CheckInMsg::CoverFloorMat,
        Cover::GearLever => CheckInMsg::CoverGearLever,
    }
}

/// A standard item's message; a store's own item is shown by its name instead.
pub fn check_label(item: &CheckItem) -> Result<CheckInMsg, &str> {
    Ok(match item {
        CheckItem::ExteriorPaint => CheckInMsg::CheckExteriorPaint,
        CheckItem::BodyPanels => CheckInMsg::CheckBodyPanels,
        CheckItem::Glass => CheckInMsg::CheckGlass,
        CheckItem::Lights => CheckInMsg::CheckLights,
        CheckItem::Mirrors => CheckInMsg::CheckMirrors,
        CheckItem::Wipers => CheckInMsg::CheckWipers,
        CheckItem::TyresAndRims => CheckInMsg::CheckTyresAndRims,
        CheckItem::Interior => CheckInMsg::CheckInterior,
        CheckItem::WarningLights => CheckInMsg::CheckWarningLights,
        CheckItem::OdometerReading => CheckInMsg::CheckOdometerReading,
        CheckItem::FuelGauge => CheckInMsg::CheckFuelGauge,
        CheckItem::OnboardTools => CheckInMsg::CheckOnboardTools,
        CheckItem::Audio => CheckInMsg::CheckAudio,
        CheckItem::PowerSocket => CheckInMsg::CheckPowerSocket,
        CheckItem::RearTrim => CheckInMsg::CheckRearTrim,
        CheckItem::Store(name) => return Err(name),
    })
}

pub fn valuable_label(item: Valuable) -> CheckInMsg {
    match item {
        Valuable::Consumables => CheckInMsg::ValConsumables,
        Valuable::Discs => CheckInMsg::ValDiscs,
        Valuable::Perfume => CheckInMsg::ValPerfume,
        Valuable::Wallet => CheckInMsg::ValWallet,
        Valuable::UsbDrive => CheckInMsg::ValUsbDrive,
        Valuable::AntiTheftDevice => CheckInMsg::ValAntiTheftDevice,
        Valuable::Gps => CheckInMsg::ValGps,
        Valuable::Electronics => CheckInMsg::ValElectronics,
        Valuable::Glasses => CheckInMsg::ValGlasses,
        Valuable::Toys => CheckInMsg::ValToys,
        Valuable::SportsGear => CheckInMsg::ValSportsGear,
        Valuable::Documents => CheckInMsg::ValDocuments,
        Valuable::WarrantyBooklet => CheckInMsg::ValWarrantyBooklet,
        Valuable::InsurancePapers => CheckInMsg::ValInsurancePapers,
    }
}

pub fn view_label(view: View) -> CheckInMsg {
    match view {
        View::Top => CheckInMsg::ViewTop,
        View::Front => CheckInMsg::ViewFront,
        View::Rear => CheckInMsg::ViewRear,
        View::Left => CheckInMsg::ViewLeft,
        View::Right => CheckInMsg::ViewRight,
    }
}

pub fn damage_kind_label(kind: DamageKind) -> CheckInMsg {
    match kind {
        DamageKind::Scratch => CheckInMsg::KindScratch,
        DamageKind::Dent => CheckInMsg::KindDent,
        DamageKind::Crack => CheckInMsg::KindCrack,
        DamageKind::Chip => CheckInMsg::KindChip,
        DamageKind::Stain => CheckInMsg::KindStain,
        DamageKind::MissingPart => CheckInMsg::KindMissingPart,
    }
}

pub fn severity_label(severity: Severity) -> CheckInMsg {
    match severity {
        Severity::Minor => CheckInMsg::SevMinor,
        Severity::Moderate => CheckInMsg::SevModerate,
        Severity::Severe => CheckInMsg::SevSevere,
    }
}
