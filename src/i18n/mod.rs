//! Every string a person sees. Simplified Chinese is the default, English is selectable. Each
//! language is one exhaustive `match` over `Msg`, so a key missing in either language does not
//! compile; `tests` also checks that no text is empty and that both languages use the same
//! placeholders.

/// An area's messages: the key type, each key with its Simplified Chinese and English text in
/// one table, and its `Text`.
macro_rules! area {
    ($(#[$doc:meta])* $area:ident, $($name:ident => ($zh:literal, $en:literal)),+ $(,)?) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $area { $($name),+ }

        impl $area {
            pub const ALL: &'static [$area] = &[$($area::$name),+];
        }

        impl $crate::i18n::Text for $area {
            fn text(self, locale: $crate::i18n::Locale) -> &'static str {
                match (self, locale) {
                    $(($area::$name, $crate::i18n::Locale::Zh) => $zh,
                      ($area::$name, $crate::i18n::Locale::En) => $en,)+
                }
            }
        }
    };
}

pub mod check_in_text;
pub mod desk_text;
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
    NewJobTitle,  Appointment, WalkIn, PlateLabel, PlateHint, CreateJob,
    Saving, Saved, DraftNotSaved,  Loading,
    PlateEmpty, PlateProvince, PlateAuthority, PlateCharacter, PlateForbiddenLetter, PlateLength,
    PlateNewEnergy,
    VinEmpty, VinLength, VinForbiddenLetter, VinCharacter,
    PhoneEmpty, PhoneInvalid,
    OdometerEmpty, OdometerNegative, OdometerNotANumber, OdometerTooLarge,
    StateBooked, StateArrived, StateInspecting, StateCheckedIn, StateOrderSigned, StateInRepair,
    StateAwaitingApproval, StateQualityCheck, StateReadyForDelivery, StateDelivered, StateFollowedUp,
    JobNotFound, BackToJobs, JobNumber,  ArrivedAt,  NotYet,
    GreetingSeconds,




            StepNav, WalkInArrived,

    ErrIllegalTransition, ErrCheckInClosed, ErrNotArrived, ErrAlreadyGreeted, ErrNotAWalkIn,
    ErrUnknownItem, ErrOffDiagram, ErrFuelOutOfRange, ErrEmptyReason, ErrEmptySigner,
    ErrEmptyConcern, ErrValuablesUnanswered, ErrIncomplete, ErrUseSpecificCommand, ErrOrder,
    WriteOrder, ContinueOrder, ShowOrder,


    BannerQuota, BannerUnavailable, BannerCorrupt, BannerNewerTab, BannerUpdate, Reload, Dismiss,
    Offline, NotFound,
            Next, Previous, ContinueCheckIn,   OwnerName, OwnerPhone,  BringerName,  VinLabel, MakeModel, Colour, Odometer, Fuel,                                                                      OverrideReason,       SignerName, SignHere, UndoStroke, ClearSignature, ConfirmSignature, SignatureEmpty,  SealIntact, SealBroken, SealLabel, SignedBy, SignatureImage,
     CustomerCopy,   QrLabel, Paper, PaperA4, PaperReceipt, Print,
       OnServerOnly,
    FoundOnServer, OnServer, ServerNotSearched, FetchingJob, FetchUnknown, FetchFailed,

                    SyncNotSetUp, SyncOffline, SyncingN, AllSynced, NeedsAttention, SyncUnauthorized, SyncRetrying,   JobWaiting,   JobSynced, BannerStale, ThisDeviceCopy, ServerCopy,
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

    /// Every key of an area has text in both languages, with the same placeholders; the
    /// Chinese is Chinese and the English is not (but for the keys in `latin` and `mixed`).
    fn check_area<M: Text + std::fmt::Debug + PartialEq>(all: &[M], latin: &[M], mixed: &[M]) {
        let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        for &msg in all {
            let (zh, en) = (msg.text(Locale::Zh), msg.text(Locale::En));
            assert!(
                !zh.trim().is_empty() && !en.trim().is_empty(),
                "{msg:?} is empty"
            );
            assert_eq!(placeholders(zh), placeholders(en), "{msg:?}");
            assert!(
                latin.contains(&msg) || cjk(zh),
                "{msg:?} is not translated to Chinese"
            );
            assert!(
                mixed.contains(&msg) || !cjk(en),
                "{msg:?} has Chinese in English"
            );
        }
    }

    #[test]
    fn every_area_is_translated_with_the_same_placeholders() {
        check_area(Msg::ALL, &[Msg::AppName, Msg::PlateHint], &[Msg::PlateHint]);
        check_area(check_in_text::CheckInMsg::ALL, &[], &[]);
        check_area(desk_text::DeskMsg::ALL, &[], &[]);
        check_area(order::OrderMsg::ALL, &[], &[]);
    }

    #[test]
    fn format_fills_placeholders() {
        assert_eq!(
            Locale::En.format(Msg::PlateLength, &[("n", "5")]),
            "A plate has 7 characters (8 for new-energy), not 5."
        );
    }
}
