//! Vehicle identification numbers (VIN, ISO 3779): 17 characters without I, O and Q. The check
//! digit (position 9) is verified, but a mismatch is only a warning the advisor confirms: not
//! every market enforces it.

use crate::plate::to_half_width;
use serde::{Deserialize, Serialize};
use thiserror::Error;

const WEIGHTS: [u32; 17] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/// A VIN with valid length and characters.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Vin(String);

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum VinError {
    #[error("VIN is empty")]
    Empty,
    #[error("a VIN has 17 characters, not {0}")]
    WrongLength(usize),
    #[error("letters I, O and Q never appear in a VIN")]
    ForbiddenLetter(char),
    #[error("character {0:?} cannot appear in a VIN")]
    InvalidCharacter(char),
}

impl Vin {
    pub fn parse(input: &str) -> Result<Vin, VinError> {
        let text: String = input
            .chars()
            .map(to_half_width)
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if text.is_empty() {
            return Err(VinError::Empty);
        }
        for c in text.chars() {
            if matches!(c, 'I' | 'O' | 'Q') {
                return Err(VinError::ForbiddenLetter(c));
            }
            if !(c.is_ascii_uppercase() || c.is_ascii_digit()) {
                return Err(VinError::InvalidCharacter(c));
            }
        }
        match text.chars().count() {
            17 => Ok(Vin(text)),
            n => Err(VinError::WrongLength(n)),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The check digit the other 16 characters call for.
    pub fn expected_check_digit(&self) -> char {
        let sum: u32 = self
            .0
            .chars()
            .zip(WEIGHTS)
            .map(|(c, w)| transliterate(c) * w)
            .sum();
        match sum % 11 {
            10 => 'X',
            d => char::from_digit(d, 10).unwrap_or('0'),
        }
    }

    /// Whether position 9 holds the expected check digit.
    pub fn check_digit_ok(&self) -> bool {
        self.0.chars().nth(8) == Some(self.expected_check_digit())
    }
}

fn transliterate(c: char) -> u32 {
    match c {
        '0'..='9' => c as u32 - '0' as u32,
        'A' | 'J' => 1,
        'B' | 'K' | 'S' => 2,
        'C' | 'L' | 'T' => 3,
        'D' | 'M' | 'U' => 4,
        'E' | 'N' | 'V' => 5,
        'F' | 'W' => 6,
        'G' | 'P' | 'X' => 7,
        'H' | 'Y' => 8,
        'R' | 'Z' => 9,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verifies_known_check_digits() {
        assert!(Vin::parse("1M8GDM9AXKP042788").unwrap().check_digit_ok());
        assert!(Vin::parse("11111111111111111").unwrap().check_digit_ok());
        assert!(Vin::parse("lsvag2180e2100001").is_ok());
    }

    #[test]
    fn mismatch_is_a_warning_not_an_error() {
        let vin = Vin::parse("1M8GDM9A1KP042788").unwrap();
        assert!(!vin.check_digit_ok());
        assert_eq!(vin.expected_check_digit(), 'X');
    }

    #[test]
    fn rejects_bad_input_with_reason() {
        assert_eq!(Vin::parse(""), Err(VinError::Empty));
        assert_eq!(
            Vin::parse("1M8GDM9AXKP04278"),
            Err(VinError::WrongLength(16))
        );
        assert_eq!(
            Vin::parse("1M8GDM9AXKP04278I"),
            Err(VinError::ForbiddenLetter('I'))
        );
        assert_eq!(
            Vin::parse("1M8GDM9AXKP04278!"),
            Err(VinError::InvalidCharacter('!'))
        );
        assert_eq!(
            Vin::parse("１M8GDM9AXKP042788").unwrap().as_str(),
            "1M8GDM9AXKP042788"
        );
    }
}
