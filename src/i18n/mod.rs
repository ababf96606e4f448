//! Every string a person sees. Simplified Chinese is the default, English is selectable. Each
//! language is one exhaustive `match` over `Msg`, so a key missing in either language does not
//! compile; `tests` also checks that no text is empty and that both languages use the same
//! placeholders.

mod en;
mod errors;
mod labels;
pub mod order;
mod zh;

pub use errors::{domain_error, odometer_error, phone_error, plate_error, vin_error};
pub use labels::{
    check_label, command_label, cover_label, damage_kind_label, severity_label, state_label,
    valuable_label, view_label,
};

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    Zh,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::Zh, Locale::En];

    /// The BCP 47 tag, for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Zh => "zh-CN",
            Locale::En => "en",
        }
    }

    /// The language's own name, shown in the picker.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::Zh => "简体中文",
            Locale::En => "English",
        }
    }

    pub fn text(self, msg: Msg) -> &'static str {
        match self {
            Locale::Zh => zh::text(msg),
            Locale::En => en::text(msg),
        }
    }

    /// Text with `{name}` placeholders filled in.
    pub fn format<M: Text>(self, msg: M, args: &[(&str, &str)]) -> String {
        args.iter()
            .fold(msg.text(self).to_string(), |text, (name, value)| {
                text.replace(&format!("{{{name}}}"), value)
            })
    }
}

/// The messages of one area of the app, each area its own key type and texts, so a page
/// carries only the texts of the areas it shows (docs/architecture.md, "The repair order").
pub trait Text: Copy {
    fn text(self, locale: Locale) -> &'static str;
}

impl Text for Msg {
    fn text(self, locale: Locale) -> &'static str {
        locale.text(self)
    }
}

macro_rules! messages {
    ($($name:ident),+ $(,)?) => {
        /// A translatable message key.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($name),+ }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$name),+];
        }
    };
}

messages! {
    AppName, MainNav, NavJobs, NavNewJob, NavSettings, SkipToContent,
    SearchPlate, NoJobs, NoMatches, JobCount, JobsNewest, ShowMore,
    NewJobTitle, VisitKind, Appointment, WalkIn, PlateLabel, PlateHint, CreateJob,
    Saving, Saved, DraftNotSaved, DraftsElsewhere, Loading,
    PlateEmpty, PlateProvince, PlateAuthority, PlateCharacter, PlateForbiddenLetter, PlateLength,
    PlateNewEnergy,
    VinEmpty, VinLength, VinForbiddenLetter, VinCharacter,
    PhoneEmpty, PhoneInvalid,
    OdometerEmpty, OdometerNegative, OdometerNotANumber, OdometerTooLarge,
    StateBooked, StateArrived, StateInspecting, StateCheckedIn, StateOrderSigned, StateInRepair,
    StateAwaitingApproval, StateQualityCheck, StateReadyForDelivery, StateDelivered, StateFollowedUp,
    JobNotFound, BackToJobs, JobNumber, CreatedAt, ArrivedAt, GreetedAt, NotYet,
    GreetingSeconds, CarArrived, CustomerGreeted, TellAppointments,
    ToldAppointments, History, By,
    CmdOpen, CmdArrive, CmdGreet, CmdToldAboutAppointments, CmdSetOwner, CmdSetBringer,
    CmdSetVehicle, CmdStartInspection, CmdFitCover, CmdAnswerCheck, CmdAllRemainingOk,
    CmdUndoAllRemainingOk, CmdAddDamage, CmdUpdateDamage, CmdRemoveDamage, CmdAttachPhoto,
    CmdDetachPhoto, CmdRestoreDamage, CmdNoDamage, NoDamage, NoDamageRecorded, Undo, Removed, StepProgress, StepNav, WalkInArrived, StepIsDone, StepIsOpen, CmdSetValuable, CmdAcknowledgeValuables, CmdRemainingValuablesTaken, RemainingTaken, CmdAddConcern, CmdRemoveConcern,
    CmdOverrideGate, CmdSignCheckIn, CmdAdvance,
    ErrIllegalTransition, ErrCheckInClosed, ErrNotArrived, ErrAlreadyGreeted, ErrNotAWalkIn,
    ErrUnknownItem, ErrOffDiagram, ErrFuelOutOfRange, ErrEmptyReason, ErrEmptySigner,
    ErrEmptyConcern, ErrValuablesUnanswered, ErrIncomplete, ErrUseSpecificCommand, ErrOrder,
    SettingsTitle, LanguageLabel, AdvisorLabel, AdvisorHint, StorageLabel, StoragePersistent,
    StorageBestEffort, AppVersionLabel,
    BannerQuota, BannerUnavailable, BannerCorrupt, BannerNewerTab, BannerUpdate, Reload, Dismiss,
    Offline, NotFound,
    CheckInTitle, StepArrival, StepCustomer, StepCovers, StepChecklist, StepValuables, StepConcerns, StepReview, Next, Previous, ContinueCheckIn, GreetTimer, GreetTarget, OwnerName, OwnerPhone, BringerSame, BringerName, BringerPhone, VinLabel, MakeModel, Colour, Odometer, Fuel, FuelEighths, Documents, DrivingLicence, ServiceBooklet, SaveDetails, PhoneWarning, VinCheckWarning, ConfirmVin, OdometerRollback, CoversIntro, CoverSeat, CoverSteeringWheel, CoverFloorMat, CoverGearLever, FittedInFront, CheckExteriorPaint, CheckBodyPanels, CheckGlass, CheckLights, CheckMirrors, CheckWipers, CheckTyresAndRims, CheckInterior, CheckWarningLights, CheckOdometerReading, CheckFuelGauge, CheckOnboardTools, CheckAudio, CheckPowerSocket, CheckRearTrim, AnswerOk, AnswerIssue, AnswerNa, IssueNote, AllRemainingOk, UndoAllRemainingOk, SetByAllOk, ChecklistLeft, ValuablesIntro, ValConsumables, ValDiscs, ValPerfume, ValWallet, ValUsbDrive, ValAntiTheftDevice, ValGps, ValElectronics, ValGlasses, ValToys, ValSportsGear, ValDocuments, ValWarrantyBooklet, ValInsurancePapers, TakenByCustomer, LeftInCar, LeftDescription, AcknowledgeValuables, ValuablesAcknowledged, ConcernWords, ConcernWhen, AddConcern, NoConcerns, RemoveConcern, ReviewIntro, GateMissing, GateCover, GateCheck, GateMark, GateValuables, OverrideReason, Override, OverrideRecorded, ReadyToSign, IssuesFound, LeftItems, NoneRecorded, SignerName, SignHere, UndoStroke, ClearSignature, ConfirmSignature, SignatureEmpty, SealedTitle, SealIntact, SealBroken, SealLabel, SignedBy, SignatureImage, TakePhoto, PickPhoto, PhotoUnreadable, PhotoTooLarge, RemovePhoto, PhotoAlt, Processing, StepDamage, ViewTop, ViewFront, ViewRear, ViewLeft, ViewRight, KindScratch, KindDent, KindCrack, KindChip, KindStain, KindMissingPart, SevMinor, SevModerate, SevSevere, DiagramView, TapToMark, TapToMove, MarkLabel, OldDamage, DamageKindLabel, SeverityLabel, MarkNote, PointedOut, MoveMark, DeleteMark,
    NotPointedOut, CustomerCopy, CopyTitle, CopyNotSigned, QrLabel, Paper, PaperA4, PaperReceipt, Print, LiveCamera, Shutter, CloseCamera, CameraUnavailable, CameraPreview, PhotosTaken,
    KeepDaysLabel, KeepDaysHint, KeepDaysInvalid, OnServerOnly, LeftDevice,
    FoundOnServer, OnServer, ServerNotSearched, FetchingJob, FetchUnknown, FetchFailed,
    StoreItemsLabel, StoreItemsHint, StoreItemsTooLong, StoreItemsTooMany,
    NavSync, SyncEndpoint, SyncEndpointHint, SyncToken, SyncDevice, SyncDeviceHint, TestConnection, Connecting, Connected, ConnUnauthorized, ConnUnreachable, ConnRefused, EndpointEmpty, EndpointNotAddress, EndpointNotHttps, SyncNow, SyncNotSetUp, SyncOffline, SyncingN, AllSynced, NeedsAttention, SyncUnauthorized, SyncRetrying, QueueTitle, QueueEmpty, JobWaiting, JobRefused, JobConflict, JobSynced, BannerStale, ThisDeviceCopy, ServerCopy,
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The `{name}` placeholders of a text, sorted.
    pub(crate) fn placeholders(text: &str) -> Vec<&str> {
        let mut found: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn every_key_has_text_in_every_language() {
        for &msg in Msg::ALL {
            for locale in Locale::ALL {
                assert!(
                    !locale.text(msg).trim().is_empty(),
                    "{msg:?} is empty in {locale:?}"
                );
            }
        }
    }

    #[test]
    fn both_languages_use_the_same_placeholders() {
        for &msg in Msg::ALL {
            assert_eq!(
                placeholders(Locale::Zh.text(msg)),
                placeholders(Locale::En.text(msg)),
                "{msg:?}"
            );
        }
    }

    #[test]
    fn chinese_is_chinese_and_english_is_not() {
        let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let allowed_without_cjk = [Msg::AppName, Msg::PlateHint];
        for &msg in Msg::ALL {
            if !allowed_without_cjk.contains(&msg) {
                assert!(
                    cjk(Locale::Zh.text(msg)),
                    "{msg:?} is not translated to Chinese"
                );
            }
            if msg != Msg::PlateHint {
                assert!(!cjk(Locale::En.text(msg)), "{msg:?} has Chinese in English");
            }
        }
    }

    #[test]
    fn format_fills_placeholders() {
        assert_eq!(
            Locale::En.format(Msg::PlateLength, &[("n", "5")]),
            "A plate has 7 characters (8 for new-energy), not 5."
        );
    }
}
