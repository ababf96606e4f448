//! Message keys for domain values shown as labels: states and history entries.

use super::Msg;
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
        Command::RestoreDamage { .. } => Msg::CmdRestoreDamage,
        Command::NoDamage => Msg::CmdNoDamage,
        Command::SetValuable { .. } => Msg::CmdSetValuable,
        Command::AcknowledgeValuables => Msg::CmdAcknowledgeValuables,
        Command::RemainingValuablesTaken => Msg::CmdRemainingValuablesTaken,
        Command::AddConcern { .. } => Msg::CmdAddConcern,
        Command::RemoveConcern { .. } => Msg::CmdRemoveConcern,
        Command::OverrideGate { .. } => Msg::CmdOverrideGate,
        Command::SignCheckIn(_) => Msg::CmdSignCheckIn,
        Command::Advance { .. } => Msg::CmdAdvance,
    }
}

pub fn cover_label(cover: Cover) -> Msg {
    match cover {
        Cover::Seat => Msg::CoverSeat,
        Cover::SteeringWheel => Msg::CoverSteeringWheel,
        Cover::FloorMat => Msg::CoverFloorMat,
        Cover::GearLever => Msg::CoverGearLever,
    }
}

/// A standard item's message; a store's own item is shown by its name instead.
pub fn check_label(item: &CheckItem) -> Result<Msg, &str> {
    Ok(match item {
        CheckItem::ExteriorPaint => Msg::CheckExteriorPaint,
        CheckItem::BodyPanels => Msg::CheckBodyPanels,
        CheckItem::Glass => Msg::CheckGlass,
        CheckItem::Lights => Msg::CheckLights,
        CheckItem::Mirrors => Msg::CheckMirrors,
        CheckItem::Wipers => Msg::CheckWipers,
        CheckItem::TyresAndRims => Msg::CheckTyresAndRims,
        CheckItem::Interior => Msg::CheckInterior,
        CheckItem::WarningLights => Msg::CheckWarningLights,
        CheckItem::OdometerReading => Msg::CheckOdometerReading,
        CheckItem::FuelGauge => Msg::CheckFuelGauge,
        CheckItem::OnboardTools => Msg::CheckOnboardTools,
        CheckItem::Audio => Msg::CheckAudio,
        CheckItem::PowerSocket => Msg::CheckPowerSocket,
        CheckItem::RearTrim => Msg::CheckRearTrim,
        CheckItem::Store(name) => return Err(name),
    })
}

pub fn valuable_label(item: Valuable) -> Msg {
    match item {
        Valuable::Consumables => Msg::ValConsumables,
        Valuable::Discs => Msg::ValDiscs,
        Valuable::Perfume => Msg::ValPerfume,
        Valuable::Wallet => Msg::ValWallet,
        Valuable::UsbDrive => Msg::ValUsbDrive,
        Valuable::AntiTheftDevice => Msg::ValAntiTheftDevice,
        Valuable::Gps => Msg::ValGps,
        Valuable::Electronics => Msg::ValElectronics,
        Valuable::Glasses => Msg::ValGlasses,
        Valuable::Toys => Msg::ValToys,
        Valuable::SportsGear => Msg::ValSportsGear,
        Valuable::Documents => Msg::ValDocuments,
        Valuable::WarrantyBooklet => Msg::ValWarrantyBooklet,
        Valuable::InsurancePapers => Msg::ValInsurancePapers,
    }
}

pub fn view_label(view: View) -> Msg {
    match view {
        View::Top => Msg::ViewTop,
        View::Front => Msg::ViewFront,
        View::Rear => Msg::ViewRear,
        View::Left => Msg::ViewLeft,
        View::Right => Msg::ViewRight,
    }
}

pub fn damage_kind_label(kind: DamageKind) -> Msg {
    match kind {
        DamageKind::Scratch => Msg::KindScratch,
        DamageKind::Dent => Msg::KindDent,
        DamageKind::Crack => Msg::KindCrack,
        DamageKind::Chip => Msg::KindChip,
        DamageKind::Stain => Msg::KindStain,
        DamageKind::MissingPart => Msg::KindMissingPart,
    }
}

pub fn severity_label(severity: Severity) -> Msg {
    match severity {
        Severity::Minor => Msg::SevMinor,
        Severity::Moderate => Msg::SevModerate,
        Severity::Severe => Msg::SevSevere,
    }
}
