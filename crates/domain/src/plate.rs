//! Chinese licence plates (车牌): province character + issuing-authority letter + serial.
//!
//! - ordinary: 5-character serial (7 characters in all);
//! - special: 4-character serial + one of 学/警/挂/领/港/澳 (7 in all);
//! - new-energy (新能源): 6-character serial (8 in all), small `[DF][A-HJ-NP-Z0-9]\d{4}`,
//!   large `\d{5}[DF]`.
//!
//! Letters I and O never appear in a serial. Input is normalised first: full-width characters
//! become half-width, letters are upper-cased, and the separators people type (spaces, `·`,
//! `-`, `.`) are dropped.

use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

const PROVINCES: &str = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
const SUFFIXES: &str = "学警挂领港澳";

/// A validated, normalised plate.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Plate(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlateKind {
    Ordinary,
    Special(char),
    NewEnergySmall,
    NewEnergyLarge,
}

/// Why a plate was rejected; each maps to one translated message.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum PlateError {
    #[error("plate is empty")]
    Empty,
    #[error("plate must start with a province character")]
    UnknownProvince,
    #[error("second character must be the issuing authority letter")]
    BadAuthority,
    #[error("character {0:?} cannot appear in a plate")]
    InvalidCharacter(char),
    #[error("letters I and O never appear in a plate serial")]
    ForbiddenLetter,
    #[error("a plate has 7 characters (8 for new-energy), not {0}")]
    WrongLength(usize),
    #[error("new-energy serial must be D/F + 5 characters or 5 digits + D/F")]
    NewEnergyPattern,
}

impl Plate {
    /// Normalises and validates typed text.
    pub fn parse(input: &str) -> Result<Plate, PlateError> {
        let text = normalise(input);
        let chars: Vec<char> = text.chars().collect();
        let Some(&province) = chars.first() else {
            return Err(PlateError::Empty);
        };
        if !PROVINCES.contains(province) {
            return Err(PlateError::UnknownProvince);
        }
        if let Some(&authority) = chars.get(1) {
            if !authority.is_ascii_uppercase() || authority == 'I' || authority == 'O' {
                return Err(PlateError::BadAuthority);
            }
        }
        let serial = chars.get(2..).unwrap_or(&[]);
        for (i, &c) in serial.iter().enumerate() {
            let is_suffix = i + 1 == serial.len() && SUFFIXES.contains(c);
            if !(c.is_ascii_uppercase() || c.is_ascii_digit() || is_suffix) {
                return Err(PlateError::InvalidCharacter(c));
            }
        }
        if serial.iter().any(|&c| c == 'I' || c == 'O') {
            return Err(PlateError::ForbiddenLetter);
        }
        match chars.len() {
            7 => Ok(Plate(text)),
            8 if nev_kind(serial).is_some() => Ok(Plate(text)),
            8 => Err(PlateError::NewEnergyPattern),
            n => Err(PlateError::WrongLength(n)),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn kind(&self) -> PlateKind {
        let serial: Vec<char> = self.0.chars().skip(2).collect();
        match (serial.len(), serial.last()) {
            (6, _) => nev_kind(&serial).unwrap_or(PlateKind::NewEnergySmall),
            (_, Some(&c)) if SUFFIXES.contains(c) => PlateKind::Special(c),
            _ => PlateKind::Ordinary,
        }
    }
}

impl fmt::Display for Plate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn nev_kind(serial: &[char]) -> Option<PlateKind> {
    let d_or_f = |c: char| c == 'D' || c == 'F';
    let digits = |s: &[char]| s.iter().all(char::is_ascii_digit);
    match serial {
        [first, second, rest @ ..]
            if d_or_f(*first)
                && rest.len() == 4
                && digits(rest)
                && second.is_ascii_alphanumeric() =>
        {
            Some(PlateKind::NewEnergySmall)
        }
        [head @ .., last] if head.len() == 5 && digits(head) && d_or_f(*last) => {
            Some(PlateKind::NewEnergyLarge)
        }
        _ => None,
    }
}

/// Full-width → half-width, upper-case, separators dropped. Idempotent.
pub fn normalise(input: &str) -> String {
    input
        .chars()
        .map(to_half_width)
        .filter(|c| !matches!(c, ' ' | '·' | '•' | '-' | '.' | '\u{3000}') && !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Maps the full-width ASCII block (U+FF01..U+FF5E) and the ideographic space to ASCII.
pub fn to_half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_each_kind() {
        assert_eq!(
            Plate::parse("京A12345").unwrap().kind(),
            PlateKind::Ordinary
        );
        assert_eq!(
            Plate::parse("粤B1234学").unwrap().kind(),
            PlateKind::Special('学')
        );
        assert_eq!(
            Plate::parse("沪AD12345").unwrap().kind(),
            PlateKind::NewEnergySmall
        );
        assert_eq!(
            Plate::parse("沪A12345F").unwrap().kind(),
            PlateKind::NewEnergyLarge
        );
    }

    #[test]
    fn normalises_full_width_lower_case_and_separators() {
        assert_eq!(Plate::parse("京ａ·１２３ab").unwrap().as_str(), "京A123AB");
        assert_eq!(Plate::parse(" 京a 12345 ").unwrap().as_str(), "京A12345");
    }

    #[test]
    fn rejects_with_the_reason() {
        assert_eq!(Plate::parse(""), Err(PlateError::Empty));
        assert_eq!(Plate::parse("   "), Err(PlateError::Empty));
        assert_eq!(Plate::parse("A12345"), Err(PlateError::UnknownProvince));
        assert_eq!(Plate::parse("京112345"), Err(PlateError::BadAuthority));
        assert_eq!(Plate::parse("京I12345"), Err(PlateError::BadAuthority));
        assert_eq!(Plate::parse("京A1234O"), Err(PlateError::ForbiddenLetter));
        assert_eq!(Plate::parse("京A123"), Err(PlateError::WrongLength(5)));
        assert_eq!(
            Plate::parse("京A12345678"),
            Err(PlateError::WrongLength(10))
        );
        assert_eq!(Plate::parse("京A123456"), Err(PlateError::NewEnergyPattern));
        assert_eq!(
            Plate::parse("京A12学45"),
            Err(PlateError::InvalidCharacter('学'))
        );
        assert_eq!(
            Plate::parse("<script>alert(1)</script>"),
            Err(PlateError::UnknownProvince)
        );
        assert_eq!(
            Plate::parse("京A<b>1"),
            Err(PlateError::InvalidCharacter('<'))
        );
    }
}
