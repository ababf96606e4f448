//! A job's history: every applied command, with when and by whom. A job read from JSON keeps
//! its earlier entries as the text they were written as until something asks for them
//! (`entries`): a page that only adds to the history, such as the check-in, neither parses
//! the commands of earlier changes nor carries the code that would (docs/architecture.md,
//! "Size"). Written out, the history is the same JSON array either way.

use crate::job::HistoryEntry;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

#[derive(Clone, Debug, Default)]
pub struct History(Vec<Item>);

#[derive(Clone, Debug)]
enum Item {
    /// An entry as it was read, not parsed yet.
    Text(Box<RawValue>),
    /// An entry applied since the job was read (or made).
    Entry(HistoryEntry),
}

impl Item {
    fn entry(&self) -> Result<HistoryEntry, serde_json::Error> {
        match self {
            Item::Text(raw) => serde_json::from_str(raw.get()),
            Item::Entry(entry) => Ok(entry.clone()),
        }
    }
}

impl History {
    pub fn push(&mut self, entry: HistoryEntry) {
        self.0.push(Item::Entry(entry));
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every entry, oldest first; an error if one of them cannot be read.
    pub fn entries(&self) -> Result<Vec<HistoryEntry>, serde_json::Error> {
        self.0.iter().map(Item::entry).collect()
    }
}

impl From<Vec<HistoryEntry>> for History {
    fn from(entries: Vec<HistoryEntry>) -> Self {
        History(entries.into_iter().map(Item::Entry).collect())
    }
}

/// Two histories are the same when their entries are, however each was written. (A screen
/// that follows a job compares with `Job::same_change`, which reads no entry.)
impl PartialEq for History {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len()
            && self.0.iter().zip(&other.0).all(|pair| match pair {
                (Item::Text(a), Item::Text(b)) if a.get() == b.get() => true,
                (a, b) => matches!((a.entry(), b.entry()), (Ok(a), Ok(b)) if a == b),
            })
    }
}

impl Serialize for History {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|item| match item {
            Item::Text(raw) => Written::Text(raw),
            Item::Entry(entry) => Written::Entry(entry),
        }))
    }
}

#[derive(Serialize)]
#[serde(untagged)]
enum Written<'a> {
    Text(&'a RawValue),
    Entry(&'a HistoryEntry),
}

impl<'de> Deserialize<'de> for History {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let entries = Vec::<Box<RawValue>>::deserialize(d)?;
        Ok(History(entries.into_iter().map(Item::Text).collect()))
    }
}
