//! Mobile numbers. Mainland numbers are 11 digits `1[3-9]\d{9}` (a `+86` prefix is dropped);
//! other plausible formats (5 to 15 digits) are kept with a warning. Lists show numbers masked,
//! because they are personal data.

use crate::plate::to_half_width;
use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Phone {
    pub number: String,
    /// False for accepted non-mainland formats, which the UI shows as a warning.
    pub mainland: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum PhoneError {
    #[error("phone number is empty")]
    Empty,
    #[error("not a phone number")]
    Invalid,
}

impl Phone {
    pub fn parse(input: &str) -> Result<Phone, PhoneError> {
        let text: String = input
            .chars()
            .map(to_half_width)
            .filter(|c| !(c.is_whitespace() || matches!(c, '-' | '(' | ')')))
            .collect();
        if text.is_empty() {
            return Err(PhoneError::Empty);
        }
        let (plus, digits) = match text.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, text.as_str()),
        };
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(PhoneError::Invalid);
        }
        let national = match digits.strip_prefix("86") {
            Some(rest) if rest.len() == 11 => rest,
            _ => digits,
        };
        if is_mainland_mobile(national) {
            return Ok(Phone {
                number: national.to_string(),
                mainland: true,
            });
        }
        if (5..=15).contains(&digits.len()) {
            let number = if plus {
                format!("+{digits}")
            } else {
                digits.to_string()
            };
            return Ok(Phone {
                number,
                mainland: false,
            });
        }
        Err(PhoneError::Invalid)
    }

    /// `138****1234` for mainland numbers; other formats keep only their last two digits.
    pub fn masked(&self) -> String {
        let chars: Vec<char> = self.number.chars().collect();
        let keep_head = if self.mainland { 3 } else { 0 };
        let keep_tail = if self.mainland { 4 } else { 2 };
        chars
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                if i < keep_head || i + keep_tail >= chars.len() {
                    c
                } else {
                    '*'
                }
            })
            .collect()
    }
}

fn is_mainland_mobile(digits: &str) -> bool {
    let b = digits.as_bytes();
    b.len() == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mainland_numbers() {
        let p = Phone::parse("+86 138-0013-1234").unwrap();
        assert_eq!(
            p,
            Phone {
                number: "13800131234".into(),
                mainland: true
            }
        );
        assert_eq!(p.masked(), "138****1234");
        assert!(Phone::parse("１３８００１３１２３４").unwrap().mainland);
    }

    #[test]
    fn other_formats_are_kept_with_a_warning() {
        let p = Phone::parse("+852 9123 4567").unwrap();
        assert!(!p.mainland);
        assert_eq!(p.masked(), "**********67");
        assert!(!Phone::parse("12800131234").unwrap().mainland);
    }

    #[test]
    fn garbage_is_rejected() {
        assert_eq!(Phone::parse(""), Err(PhoneError::Empty));
        assert_eq!(Phone::parse("abc"), Err(PhoneError::Invalid));
        assert_eq!(Phone::parse("123"), Err(PhoneError::Invalid));
        assert_eq!(Phone::parse("1380013123a"), Err(PhoneError::Invalid));
    }
}
