//! Money, always integer fen (分): never a float.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Add;

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

    /// `amount × percent / 100`, rounded half away from zero to whole fen.
    pub fn percent(self, percent: u8) -> Fen {
        let scaled = i128::from(self.0) * i128::from(percent);
        let rounded = (scaled + scaled.signum() * 50) / 100;
        Fen(rounded.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64)
    }

    pub fn checked_add(self, other: Fen) -> Option<Fen> {
        self.0.checked_add(other.0).map(Fen)
    }
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

    proptest! {
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
