//! Turns the domain's typed errors into translated messages.

use super::{Locale, Msg};
use lanecheck_domain::odometer::OdometerError;
use lanecheck_domain::phone::PhoneError;
use lanecheck_domain::plate::PlateError;
use lanecheck_domain::vin::VinError;
use lanecheck_domain::DomainError;

pub fn plate_error(locale: Locale, err: &PlateError) -> String {
    match err {
        PlateError::Empty => locale.text(Msg::PlateEmpty).into(),
        PlateError::UnknownProvince => locale.text(Msg::PlateProvince).into(),
        PlateError::BadAuthority => locale.text(Msg::PlateAuthority).into(),
        PlateError::InvalidCharacter(c) => {
            locale.format(Msg::PlateCharacter, &[("c", &c.to_string())])
        }
        PlateError::ForbiddenLetter => locale.text(Msg::PlateForbiddenLetter).into(),
        PlateError::WrongLength(n) => locale.format(Msg::PlateLength, &[("n", &n.to_string())]),
        PlateError::NewEnergyPattern => locale.text(Msg::PlateNewEnergy).into(),
    }
}

pub fn vin_error(locale: Locale, err: &VinError) -> String {
    match err {
        VinError::Empty => locale.text(Msg::VinEmpty).into(),
        VinError::WrongLength(n) => locale.format(Msg::VinLength, &[("n", &n.to_string())]),
        VinError::ForbiddenLetter(_) => locale.text(Msg::VinForbiddenLetter).into(),
        VinError::InvalidCharacter(c) => locale.format(Msg::VinCharacter, &[("c", &c.to_string())]),
    }
}

pub fn phone_error(locale: Locale, err: &PhoneError) -> String {
    match err {
        PhoneError::Empty => locale.text(Msg::PhoneEmpty).into(),
        PhoneError::Invalid => locale.text(Msg::PhoneInvalid).into(),
    }
}

pub fn odometer_error(locale: Locale, err: &OdometerError) -> String {
    let msg = match err {
        OdometerError::Empty => Msg::OdometerEmpty,
        OdometerError::Negative => Msg::OdometerNegative,
        OdometerError::NotANumber => Msg::OdometerNotANumber,
        OdometerError::TooLarge => Msg::OdometerTooLarge,
    };
    locale.text(msg).into()
}

pub fn domain_error(locale: Locale, err: &DomainError) -> String {
    let msg = match err {
        DomainError::IllegalTransition { .. } => Msg::ErrIllegalTransition,
        DomainError::CheckInClosed => Msg::ErrCheckInClosed,
        DomainError::NotArrived => Msg::ErrNotArrived,
        DomainError::AlreadyGreeted => Msg::ErrAlreadyGreeted,
        DomainError::NotAWalkIn => Msg::ErrNotAWalkIn,
        DomainError::UnknownDamage
        | DomainError::UnknownConcern
        | DomainError::UnknownCheckItem
        | DomainError::UnknownPhoto => Msg::ErrUnknownItem,
        DomainError::OffDiagram => Msg::ErrOffDiagram,
        DomainError::FuelOutOfRange => Msg::ErrFuelOutOfRange,
        DomainError::EmptyReason => Msg::ErrEmptyReason,
        DomainError::EmptySigner => Msg::ErrEmptySigner,
        DomainError::EmptyConcern => Msg::ErrEmptyConcern,
        DomainError::ValuablesUnanswered => Msg::ErrValuablesUnanswered,
        DomainError::Incomplete(_) => Msg::ErrIncomplete,
        DomainError::UseSpecificCommand(_) => Msg::ErrUseSpecificCommand,
        // The order's own screens say which (`order::order_error`).
        DomainError::UnreadableOrder
        | DomainError::OrderBegun
        | DomainError::NoOrder
        | DomainError::OrderClosed
        | DomainError::UnknownLine
        | DomainError::NotEscalated
        | DomainError::EmptyReference
        | DomainError::NothingMissing
        | DomainError::OrderIncomplete(_)
        | DomainError::NotInRepair
        | DomainError::AddOnUnanswered
        | DomainError::NewTotalUnapproved => Msg::ErrOrder,
    };
    locale.text(msg).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_validation_error_has_a_message_in_both_languages() {
        for locale in Locale::ALL {
            let texts = [
                plate_error(locale, &PlateError::InvalidCharacter('<')),
                plate_error(locale, &PlateError::WrongLength(5)),
                vin_error(locale, &VinError::WrongLength(16)),
                vin_error(locale, &VinError::InvalidCharacter('!')),
                phone_error(locale, &PhoneError::Invalid),
                odometer_error(locale, &OdometerError::Negative),
                domain_error(locale, &DomainError::EmptyReason),
            ];
            for text in &texts {
                assert!(!text.contains('{'), "unfilled placeholder in {text}");
            }
            assert!(texts[0].contains('<') && texts[1].contains('5') && texts[2].contains("16"));
        }
    }
}
