//! When to try again. Network errors, 408, 425, 429 and 5xx are retried with exponential
//! backoff and jitter, never sooner than the server's `Retry-After`; 401 pauses sync until the
//! advisor fixes the token; every other status is final for that write.

use chrono::{DateTime, Utc};

/// What a failed request means for the write it carried.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Try again after a delay.
    Retry,
    /// The token is missing, unknown or revoked: stop, keep everything queued.
    PauseForAuth,
    /// The server refused this write; show its message to the advisor.
    Final,
}

/// The verdict on a response status that is not a success (`None` means a network error).
pub fn verdict(status: Option<u16>) -> Verdict {
    match status {
        None | Some(408 | 425 | 429 | 500..=599) => Verdict::Retry,
        Some(401) => Verdict::PauseForAuth,
        Some(_) => Verdict::Final,
    }
}

/// Exponential backoff: the n-th retry waits between half and all of `base × 2^(n−1)`, capped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Backoff {
    pub base_ms: u64,
    pub cap_ms: u64,
}

/// The longest `Retry-After` honoured: a server asking for more gets asked again after this.
pub const MAX_RETRY_AFTER_MS: u64 = 3_600_000;

impl Backoff {
    pub const DEFAULT: Backoff = Backoff {
        base_ms: 1_000,
        cap_ms: 300_000,
    };

    /// The delay before retry number `attempt` (1 for the first retry). `jitter` is a random
    /// fraction in [0, 1) from the caller; `retry_after_ms` is the server's `Retry-After`.
    pub fn delay_ms(&self, attempt: u32, jitter: f64, retry_after_ms: Option<u64>) -> u64 {
        let doubling = attempt.saturating_sub(1).min(40);
        let full = self
            .base_ms
            .saturating_mul(1u64 << doubling)
            .min(self.cap_ms);
        let jitter = if jitter.is_finite() {
            jitter.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let half = full / 2;
        let delay = half + ((full - half) as f64 * jitter) as u64;
        delay.max(retry_after_ms.unwrap_or(0).min(MAX_RETRY_AFTER_MS))
    }
}

/// Parses a `Retry-After` value, either seconds or an HTTP date, into milliseconds from `now`.
/// A date in the past is zero; anything else unreadable is `None`.
pub fn parse_retry_after(value: &str, now: DateTime<Utc>) -> Option<u64> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(seconds.saturating_mul(1_000));
    }
    let at = DateTime::parse_from_rfc2822(value).ok()?;
    let ms = at.with_timezone(&Utc).timestamp_millis() - now.timestamp_millis();
    Some(u64::try_from(ms).unwrap_or(0))
}
