//! Money, always integer fen (分): never a float.

use crate::plate::to_half_width;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Add;
use thiserror::Error;

/// Why a typed amount or quantity was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum DecimalError {
    #[error("the amount is empty")]
    Empty,
    #[error("only digits and one decimal point")]
    NotANumber,
    #[error("at most two decimals")]
    TooPrecise,
    #[error("the amount is too large")]
    TooLarge,
}

/// A non-negative decimal with at most two decimals (`"68.5"`, `"4.50"`, `"120"`), in
/// hundredths: yuan to fen, hours to hundredths of an hour. Full-width digits and point are
/// read as ASCII (`plate::to_half_width`); surrounding spaces, full-width too, are ignored.
pub fn hundredths(text: &str) -> Result<u64, DecimalError> {
    let text: String = text.chars().map(to_half_width).collect();
    let text = text.trim();
    if text.is_empty() {
        return Err(DecimalError::Empty);
    }
    let (whole, decimals) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && decimals.is_empty()) || !digits(whole) || !digits(decimals) {
        return Err(DecimalError::NotANumber);
    }
    if decimals.len() > 2 {
        return Err(DecimalError::TooPrecise);
    }
    let mut value: u64 = 0;
    for b in whole.bytes().chain(format!("{decimals:0<2}").bytes()) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u64::from(b - b'0')))
            .ok_or(DecimalError::TooLarge)?;
    }
    Ok(value)
}

/// An amount in fen (1 yuan = 100 fen). Negative amounts are allowed (discounts).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Fen(pub i64);

impl Fen {
    pub const ZERO: Fen = Fen(0);

    pub fn from_yuan(yuan: i64) -> Fen {
        Fen(yuan.saturating_mul(100))
    }

    /// A price typed in yuan (`"68.33"`), see `hundredths`.
    pub fn parse_yuan(text: &str) -> Result<Fen, DecimalError> {
        let fen = hundredths(text)?;
        i64::try_from(fen)
            .map(Fen)
            .map_err(|_| DecimalError::TooLarge)
    }

    /// `amount × percent / 100`, rounded half away from zero to whole fen.
    pub fn percent(self, percent: u8) -> Fen {
        self.hundredths_of(u32::from(percent))
    }

    /// `amount × n / 100`, rounded half away from zero to whole fen: a percentage, or a
    /// price times a quantity in hundredths. The one rounding rule of every amount.
    pub fn hundredths_of(self, n: u32) -> Fen {
        let scaled = i128::from(self.0) * i128::from(n);
        let rounded = (scaled + scaled.signum() * 50) / 100;
        Fen(rounded.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64)
    }

    pub fn checked_add(self, other: Fen) -> Option<Fen> {
        self.0.checked_add(other.0).map(Fen)
    }

    /// The amount in Chinese capital numerals (大写), as a repair order and a settlement print
    /// it: `Fen(12345)` is 壹佰贰拾叁元肆角伍分, `Fen(10000)` 壹佰元整, `Fen(0)` 零元整. `None`
    /// for a negative amount or one of a trillion yuan or more.
    ///
    /// The rules (会计基础工作规范 §52, where it leaves a choice the shorter form): a ten keeps
    /// its 壹 (壹拾); zeros between digits are one 零, also across 万 and 亿 (壹拾万零伍佰元),
    /// but not before a thousands digit that follows a zero 万 or 亿 (壹拾万柒仟元, 壹亿壹仟元);
    /// zeros at the end of the yuan, of a 万 or of a 亿 are not written (壹仟陆佰捌拾元叁角);
    /// no yuan is written below one yuan (伍角); a zero 角 before a 分 is 零 (壹元零伍分);
    /// 整 follows 元 when there is no 角 or 分, and nothing follows 角 or 分.
    pub fn capital(self) -> Option<String> {
        const LIMIT: i64 = 1_000_000_000_000 * 100;
        if !(0..LIMIT).contains(&self.0) {
            return None;
        }
        let (yuan, jiao, fen) = (self.0 / 100, (self.0 / 10 % 10) as u8, (self.0 % 10) as u8);
        let mut text = capital_yuan(yuan);
        match (yuan, jiao, fen) {
            (0, 0, 0) => text.push_str("零元整"),
            (_, 0, 0) => text.push_str("元整"),
            _ => {
                if yuan > 0 {
                    text.push('元');
                }
                if jiao > 0 {
                    text.push(DIGITS[usize::from(jiao)]);
                    text.push('角');
                } else if yuan > 0 {
                    text.push('零');
                }
                if fen > 0 {
                    text.push(DIGITS[usize::from(fen)]);
                    text.push('分');
                }
            }
        }
        Some(text)
    }
}

const DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];

/// Whole yuan below a trillion in capital numerals, without 元; empty for zero. In groups of
/// four digits (亿, 万, the rest), a zero before a digit written as one 零.
fn capital_yuan(yuan: i64) -> String {
    let groups = [
        (yuan / 100_000_000, "亿"),
        (yuan / 10_000 % 10_000, "万"),
        (yuan % 10_000, ""),
    ];
    let mut text = String::new();
    for (group, unit) in groups {
        if group == 0 {
            continue;
        }
        // A group under a thousand after a written one starts with a zero (壹万零伍元); one
        // from a thousand needs none, even after a group of zeros (壹亿壹仟元).
        let mut zero = !text.is_empty() && group < 1000;
        for (place, name) in [(1000, "仟"), (100, "佰"), (10, "拾"), (1, "")] {
            let digit = (group / place % 10) as usize;
            if digit == 0 {
                zero |= !text.is_empty();
                continue;
            }
            if zero {
                text.push('零');
                zero = false;
            }
            text.push(DIGITS[digit]);
            text.push_str(name);
        }
        text.push_str(unit);
    }
    text
}

impl Add for Fen {
    type Output = Fen;
    fn add(self, other: Fen) -> Fen {
        Fen(self.0.saturating_add(other.0))
    }
}

/// Shows yuan with two decimals: `¥1234.50`, `-¥0.05`.
impl fmt::Display for Fen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}¥{}.{:02}", abs / 100, abs % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn displays_yuan_with_two_decimals() {
        assert_eq!(Fen(123450).to_string(), "¥1234.50");
        assert_eq!(Fen(-5).to_string(), "-¥0.05");
        assert_eq!(Fen::from_yuan(5).to_string(), "¥5.00");
    }

    #[test]
    fn percent_rounds_half_away_from_zero() {
        assert_eq!(Fen(1001).percent(50), Fen(501));
        assert_eq!(Fen(-1001).percent(50), Fen(-501));
        assert_eq!(Fen(10000).percent(88), Fen(8800));
    }

    #[test]
    fn prices_are_read_in_yuan_to_the_fen() {
        assert_eq!(Fen::parse_yuan("68.33"), Ok(Fen(6833)));
        assert_eq!(Fen::parse_yuan(" 120 "), Ok(Fen(12000)));
        assert_eq!(Fen::parse_yuan("0.5"), Ok(Fen(50)));
        assert_eq!(Fen::parse_yuan(".5"), Ok(Fen(50)));
        assert_eq!(Fen::parse_yuan("１２．５"), Ok(Fen(1250)));
        assert_eq!(Fen::parse_yuan("\u{3000}８\u{3000}"), Ok(Fen(800)));
        assert_eq!(Fen::parse_yuan(""), Err(DecimalError::Empty));
        assert_eq!(Fen::parse_yuan("."), Err(DecimalError::NotANumber));
        assert_eq!(Fen::parse_yuan("-1"), Err(DecimalError::NotANumber));
        assert_eq!(Fen::parse_yuan("1.2.3"), Err(DecimalError::NotANumber));
        assert_eq!(Fen::parse_yuan("1,000"), Err(DecimalError::NotANumber));
        assert_eq!(Fen::parse_yuan("1.005"), Err(DecimalError::TooPrecise));
        assert_eq!(
            Fen::parse_yuan("99999999999999999999"),
            Err(DecimalError::TooLarge)
        );
    }

    #[test]
    fn capital_numerals_as_printed_on_an_order() {
        let cases = [
            (0, "零元整"),
            (5, "伍分"),
            (50, "伍角"),
            (105, "壹元零伍分"),
            (1000, "壹拾元整"),
            (12345, "壹佰贰拾叁元肆角伍分"),
            (168032, "壹仟陆佰捌拾元叁角贰分"),
            (10_050_000, "壹拾万零伍佰元整"),
            (10_700_053, "壹拾万柒仟元伍角叁分"),
            (10_000_050_000, "壹亿零伍佰元整"),
            (10_500_000_000, "壹亿零伍佰万元整"),
            (100_000_001_000, "壹拾亿零壹拾元整"),
            (10_000_000_100_000, "壹仟亿壹仟元整"),
        ];
        for (fen, text) in cases {
            assert_eq!(Fen(fen).capital().as_deref(), Some(text), "{fen}");
        }
        assert_eq!(Fen(-1).capital(), None);
        assert_eq!(Fen(100_000_000_000_000).capital(), None);
    }

    /// An independent 大写: every digit written with its place (零仟零佰…), then the zeros
    /// folded by the textbook's replacements until nothing changes.
    fn capital_by_replacement(fen: i64) -> String {
        let places = [
            "仟", "佰", "拾", "亿", "仟", "佰", "拾", "万", "仟", "佰", "拾", "元",
        ];
        let yuan = format!("{:012}", fen / 100);
        let mut text: String = yuan
            .chars()
            .zip(places)
            .map(|(d, place)| format!("{}{place}", DIGITS[d.to_digit(10).unwrap() as usize]))
            .collect();
        let rules = [
            ("零仟", "零"),
            ("零佰", "零"),
            ("零拾", "零"),
            ("零零", "零"),
            ("零亿", "亿"),
            ("零万", "万"),
            ("零元", "元"),
            ("亿万", "亿"),
        ];
        loop {
            let before = text.clone();
            for (from, to) in rules {
                text = text.replace(from, to);
            }
            if text == before {
                break;
            }
        }
        // Leading zeros and places of a number shorter than twelve digits.
        let text = text
            .trim_start_matches(|c| "零亿万".contains(c))
            .to_string();
        let text = if text == "元" { String::new() } else { text };
        let (jiao, cents) = ((fen / 10 % 10) as usize, (fen % 10) as usize);
        match (text.is_empty(), jiao, cents) {
            (true, 0, 0) => "零元整".into(),
            (false, 0, 0) => format!("{text}整"),
            _ => {
                let mut out = text.clone();
                if jiao > 0 {
                    out.push(DIGITS[jiao]);
                    out.push('角');
                } else if !text.is_empty() {
                    out.push('零');
                }
                if cents > 0 {
                    out.push(DIGITS[cents]);
                    out.push('分');
                }
                out
            }
        }
    }

    #[test]
    fn capital_agrees_with_the_textbook_replacements_up_to_a_thousand_yuan() {
        for fen in 0..=100_000 {
            assert_eq!(
                Fen(fen).capital(),
                Some(capital_by_replacement(fen)),
                "{fen}"
            );
        }
    }

    proptest! {
        #[test]
        fn capital_agrees_with_the_textbook_replacements(fen in 0i64..=1_000_000_000) {
            prop_assert_eq!(Fen(fen).capital(), Some(capital_by_replacement(fen)));
        }

        #[test]
        fn capital_agrees_on_large_and_sparse_amounts(
            digits in proptest::collection::vec(prop_oneof![3 => Just(0i64), 1 => 1i64..10], 14)
        ) {
            let fen = digits.iter().fold(0, |n, d| n * 10 + d);
            prop_assert_eq!(Fen(fen).capital(), Some(capital_by_replacement(fen)));
        }

        #[test]
        fn any_text_is_a_price_or_a_reason_never_a_panic(text in ".{0,24}") {
            let _ = Fen::parse_yuan(&text);
        }

        #[test]
        fn a_written_price_reads_back(fen in 0i64..=i64::MAX) {
            let written = format!("{}.{:02}", fen / 100, fen % 100);
            prop_assert_eq!(Fen::parse_yuan(&written), Ok(Fen(fen)));
        }

        #[test]
        fn percent_never_panics_and_stays_within_amount(v in any::<i64>(), p in 0u8..=100) {
            let r = Fen(v).percent(p);
            prop_assert!(r.0.unsigned_abs() <= v.unsigned_abs());
        }

        #[test]
        fn addition_saturates_instead_of_panicking(a in any::<i64>(), b in any::<i64>()) {
            let _ = Fen(a) + Fen(b);
        }
    }
}
