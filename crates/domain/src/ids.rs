//! Identifiers. Job ids are UUIDs generated on the device, so a job can be created offline;
//! the domain only receives them.

use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

/// The id of one job, a client-generated UUID.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct JobId(pub Uuid);

impl JobId {
    /// Parses the canonical hyphenated form (as `crypto.randomUUID()` produces it).
    pub fn parse(text: &str) -> Option<Self> {
        Uuid::parse_str(text).ok().map(JobId)
    }

    /// The short job number shown to people: the first eight hex digits, upper-cased.
    pub fn short(&self) -> String {
        let head = self.0.as_bytes()[..4].iter();
        head.flat_map(|b| [b >> 4, b & 0xF])
            .map(|nibble| {
                char::from_digit(u32::from(nibble), 16).map_or('0', |c| c.to_ascii_uppercase())
            })
            .collect()
    }
}

impl fmt::Display for JobId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.hyphenated().fmt(f)
    }
}

/// Who applied a command: the advisor's name or id on this device.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ActorId(pub String);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_number_is_first_eight_hex_digits_upper_case() {
        let id = JobId::parse("9f1c2b3a-0000-4000-8000-000000000001").unwrap();
        assert_eq!(id.short(), "9F1C2B3A");
        assert_eq!(id.to_string(), "9f1c2b3a-0000-4000-8000-000000000001");
    }

    #[test]
    fn garbage_is_not_a_job_id() {
        assert_eq!(JobId::parse("not-a-uuid"), None);
    }
}
