//! Odometer readings in whole kilometres. A reading lower than the last one recorded for the
//! same vehicle is allowed with a warning (a replaced cluster, a typing slip).

use crate::plate::to_half_width;
use thiserror::Error;

/// No road car reaches this; a longer number is a typing slip.
pub const MAX_KM: u32 = 3_000_000;

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum OdometerError {
    #[error("odometer reading is empty")]
    Empty,
    #[error("odometer reading cannot be negative")]
    Negative,
    #[error("odometer reading must be a whole number of kilometres")]
    NotANumber,
    #[error("odometer reading is too large")]
    TooLarge,
}

/// Parses a reading such as `12345`, `12,345` or full-width digits.
pub fn parse_km(input: &str) -> Result<u32, OdometerError> {
    let text: String = input
        .chars()
        .map(to_half_width)
        .filter(|c| !(c.is_whitespace() || *c == ','))
        .collect();
    if text.is_empty() {
        return Err(OdometerError::Empty);
    }
    if let Some(rest) = text.strip_prefix('-') {
        if !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()) {
            return Err(OdometerError::Negative);
        }
    }
    if !text.chars().all(|c| c.is_ascii_digit()) {
        return Err(OdometerError::NotANumber);
    }
    match text.parse::<u64>() {
        Ok(km) if km <= u64::from(MAX_KM) => Ok(km as u32),
        _ => Err(OdometerError::TooLarge),
    }
}

/// True when `km` is below the last known reading of the vehicle: show a warning.
pub fn is_rollback(km: u32, last_known: Option<u32>) -> bool {
    last_known.is_some_and(|last| km < last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_readings() {
        assert_eq!(parse_km("12,345"), Ok(12345));
        assert_eq!(parse_km("０"), Ok(0));
        assert_eq!(parse_km("-5"), Err(OdometerError::Negative));
        assert_eq!(parse_km("12.5"), Err(OdometerError::NotANumber));
        assert_eq!(parse_km(""), Err(OdometerError::Empty));
        assert_eq!(
            parse_km("99999999999999999999999"),
            Err(OdometerError::TooLarge)
        );
    }

    #[test]
    fn lower_than_last_is_a_rollback() {
        assert!(is_rollback(100, Some(200)));
        assert!(!is_rollback(200, Some(200)));
        assert!(!is_rollback(5, None));
    }
}
