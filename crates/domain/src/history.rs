//! A job's history: every applied command, with when and by whom. A job read from JSON keeps
//! its earlier entries as the text they were written as until something asks for them
//! (`entries`): a page that only adds to the history, such as the check-in, neither parses
//! the commands of earlier changes nor carries the code that would (docs/architecture.md,
//! "Size"). Written out, the history is the same JSON array either way.

use crate::command::Command;
use crate::ids::ActorId;
use crate::job::HistoryEntry;
use crate::order_command::OrderCommand;
use chrono::serde::ts_milliseconds;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

/// What one entry records: a check-in command (`command`) or a repair-order command (`order`).
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    Command(Command),
    Order(OrderCommand),
}

/// One entry as read back: when, by whom, and what changed. Written as `{"at", "actor",
/// "command"}` or `{"at", "actor", "order"}`; read without serde's `flatten`, whose buffered
/// reading would put a second copy of every command's reading code into the wasm.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub at: DateTime<Utc>,
    pub actor: ActorId,
    pub change: Change,
}

impl Serialize for Entry {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut entry = s.serialize_struct("Entry", 3)?;
        entry.serialize_field("at", &self.at.timestamp_millis())?;
        entry.serialize_field("actor", &self.actor)?;
        match &self.change {
            Change::Command(command) => entry.serialize_field("command", command)?,
            Change::Order(command) => entry.serialize_field("order", command)?,
        }
        entry.end()
    }
}

/// An entry as written, its change still text.
#[derive(Deserialize)]
struct Read<'a> {
    #[serde(with = "ts_milliseconds")]
    at: DateTime<Utc>,
    actor: ActorId,
    #[serde(borrow)]
    command: Option<&'a RawValue>,
    #[serde(borrow)]
    order: Option<&'a RawValue>,
}

impl Entry {
    fn read(text: &str) -> Result<Entry, serde_json::Error> {
        let read: Read = serde_json::from_str(text)?;
        let change = match (read.command, read.order) {
            (Some(command), None) => Change::Command(serde_json::from_str(command.get())?),
            (None, Some(order)) => Change::Order(serde_json::from_str(order.get())?),
            _ => {
                return Err(serde::de::Error::custom(
                    "an entry has either a command or an order",
                ))
            }
        };
        Ok(Entry {
            at: read.at,
            actor: read.actor,
            change,
        })
    }
}

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
    fn entry(&self) -> Result<Entry, serde_json::Error> {
        match self {
            Item::Text(raw) => Entry::read(raw.get()),
            Item::Entry(entry) => Ok(entry.clone().into()),
        }
    }

    /// The entry if it is a check-in command's, `None` if it is the repair order's: read
    /// without the order's code (the sync worker's replay, `History::commands_from`).
    fn command_entry(&self) -> Result<Option<HistoryEntry>, serde_json::Error> {
        match self {
            Item::Entry(entry) => Ok(Some(entry.clone())),
            Item::Text(raw) => {
                let read: Read = serde_json::from_str(raw.get())?;
                let Some(command) = read.command else {
                    return Ok(None);
                };
                Ok(Some(HistoryEntry {
                    at: read.at,
                    actor: read.actor,
                    command: serde_json::from_str(command.get())?,
                }))
            }
        }
    }

    /// The entry as written.
    fn text(&self) -> Result<String, serde_json::Error> {
        match self {
            Item::Text(raw) => Ok(raw.get().to_string()),
            Item::Entry(entry) => serde_json::to_string(entry),
        }
    }
}

impl From<HistoryEntry> for Entry {
    fn from(entry: HistoryEntry) -> Entry {
        Entry {
            at: entry.at,
            actor: entry.actor,
            change: Change::Command(entry.command),
        }
    }
}

impl History {
    pub fn push(&mut self, entry: HistoryEntry) {
        self.0.push(Item::Entry(entry));
    }

    /// Adds an entry already written out (the repair order's, `Job::apply_order`).
    pub(crate) fn push_text(&mut self, entry: Box<RawValue>) {
        self.0.push(Item::Text(entry));
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many entries, from the first, this history and `other` have in common, compared
    /// as written (without reading any command).
    pub fn shared_with(&self, other: &History) -> usize {
        self.0
            .iter()
            .zip(&other.0)
            .take_while(|(a, b)| matches!((a.text(), b.text()), (Ok(a), Ok(b)) if a == b))
            .count()
    }

    /// The check-in commands from entry `from` on; `None` if one of them is the repair
    /// order's (replayed only where the order is shown), an error if one cannot be read.
    pub fn commands_from(
        &self,
        from: usize,
    ) -> Result<Option<Vec<HistoryEntry>>, serde_json::Error> {
        let mut entries = Vec::new();
        for item in self.0.iter().skip(from) {
            match item.command_entry()? {
                Some(entry) => entries.push(entry),
                None => return Ok(None),
            }
        }
        Ok(Some(entries))
    }

    /// Every entry, oldest first; an error if one of them cannot be read.
    pub fn entries(&self) -> Result<Vec<Entry>, serde_json::Error> {
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
