//! The job (接车单): one visit of one vehicle, from booking to follow-up. Its fields change only
//! through `Job::apply` (see `command.rs`), which records every change in `history`.

use crate::command::Command;
use crate::history::History;
use crate::ids::{ActorId, JobId};
use crate::inspection::{
    CheckEntry, CheckItem, Concern, Cover, DamageMark, PhotoRef, PhotoTarget, SignatureRef,
    Valuable, ValuableEntry,
};
use crate::lifecycle::JobState;
use crate::phone::Phone;
use crate::plate::Plate;
use crate::vin::Vin;
use chrono::serde::{ts_milliseconds, ts_milliseconds_option};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// Appointments booked within this many days before arrival count as appointments.
pub const APPOINTMENT_VALID_DAYS: i64 = 30;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Visit {
    Appointment {
        #[serde(with = "ts_milliseconds")]
        booked_at: DateTime<Utc>,
    },
    WalkIn,
}

impl Visit {
    /// Whether the visit gets the appointment treatment when the car arrives at `at`.
    pub fn counts_as_appointment(&self, at: DateTime<Utc>) -> bool {
        match self {
            Visit::Appointment { booked_at } => {
                *booked_at <= at && at - *booked_at <= Duration::days(APPOINTMENT_VALID_DAYS)
            }
            Visit::WalkIn => false,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    pub phone: Option<Phone>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Documents {
    pub driving_licence: bool,
    pub service_booklet: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vehicle {
    pub plate: Plate,
    pub vin: Option<Vin>,
    pub make_model: String,
    pub colour: String,
    pub odometer_km: Option<u32>,
    /// Fuel level in eighths of a tank, 0..=8.
    pub fuel_eighths: Option<u8>,
    pub documents: Documents,
}

impl Vehicle {
    pub fn new(plate: Plate) -> Vehicle {
        Vehicle {
            plate,
            vin: None,
            make_model: String::new(),
            colour: String::new(),
            odometer_km: None,
            fuel_eighths: None,
            documents: Documents::default(),
        }
    }
}

/// What opening a job needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewJob {
    pub id: JobId,
    pub visit: Visit,
    pub plate: Plate,
    /// The store's own checklist items, appended to the standard ones.
    pub store_items: Vec<String>,
}

/// One applied command, with when and by whom.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    #[serde(with = "ts_milliseconds")]
    pub at: DateTime<Utc>,
    pub actor: ActorId,
    pub command: Command,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Job {
    pub id: JobId,
    /// Incremented by every applied command; sync uses it as the document version.
    pub revision: u64,
    pub visit: Visit,
    pub state: JobState,
    #[serde(with = "ts_milliseconds")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "ts_milliseconds")]
    pub updated_at: DateTime<Utc>,
    #[serde(with = "ts_milliseconds_option")]
    pub arrived_at: Option<DateTime<Utc>>,
    #[serde(with = "ts_milliseconds_option")]
    pub greeted_at: Option<DateTime<Utc>>,
    pub told_about_appointments: bool,
    pub owner: Person,
    /// The person bringing the car (送修人), when not the owner.
    pub bringer: Option<Person>,
    pub vehicle: Vehicle,
    /// The covers fitted so far, each once.
    pub covers: Vec<Cover>,
    pub checklist: Vec<CheckEntry>,
    pub damage: Vec<DamageMark>,
    /// The advisor answered the damage step with "no damage found".
    #[serde(default)]
    pub no_damage: bool,
    pub photos: Vec<PhotoRef>,
    pub valuables: Vec<ValuableEntry>,
    #[serde(with = "ts_milliseconds_option")]
    pub valuables_acknowledged_at: Option<DateTime<Utc>>,
    pub concerns: Vec<Concern>,
    pub signature: Option<SignatureRef>,
    /// The advisor's reason for signing with an incomplete check-in, if any.
    pub gate_override: Option<String>,
    /// SHA-256 of the signed check-in sheet (see `seal.rs`), set by the signature.
    #[serde(default)]
    pub seal: Option<String>,
    /// The repair order, once begun (`repair_order.rs`), as the text it was read or written as.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<crate::repair_order::OrderText>,
    /// Next id for a damage mark, concern or the order's lines; ids are never reused within a
    /// job.
    pub next_local_id: u32,
    pub history: History,
}

impl Job {
    /// Opens a job. A walk-in opens when the car is there, so it starts `Arrived`; an
    /// appointment starts `Booked`.
    pub fn open(new: NewJob, now: DateTime<Utc>, actor: ActorId) -> Job {
        let (state, arrived_at) = match new.visit {
            Visit::WalkIn => (JobState::Arrived, Some(now)),
            Visit::Appointment { .. } => (JobState::Booked, None),
        };
        let checklist = CheckItem::STANDARD
            .into_iter()
            .chain(new.store_items.iter().cloned().map(CheckItem::Store))
            .map(|item| CheckEntry {
                item,
                answer: None,
                bulk: false,
            })
            .collect();
        Job {
            id: new.id,
            revision: 1,
            visit: new.visit.clone(),
            state,
            created_at: now,
            updated_at: now,
            arrived_at,
            greeted_at: None,
            told_about_appointments: false,
            owner: Person::default(),
            bringer: None,
            vehicle: Vehicle::new(new.plate.clone()),
            covers: Vec::new(),
            checklist,
            damage: Vec::new(),
            no_damage: false,
            photos: Vec::new(),
            valuables: Valuable::ALL
                .into_iter()
                .map(|item| ValuableEntry {
                    item,
                    disposition: None,
                })
                .collect(),
            valuables_acknowledged_at: None,
            concerns: Vec::new(),
            signature: None,
            gate_override: None,
            seal: None,
            order: None,
            next_local_id: 1,
            history: History::from(vec![HistoryEntry {
                at: now,
                actor,
                command: Command::Open(new),
            }]),
        }
    }

    /// The SHA-256s of the photos of one thing (a mark, a checklist item, a concern), in the
    /// order they were taken.
    pub fn photos_of(&self, target: &PhotoTarget) -> Vec<String> {
        self.photos
            .iter()
            .filter(|p| p.target == *target)
            .map(|p| p.sha256.clone())
            .collect()
    }

    /// Whether `other` is this job as of the same change: the same id, revision and last
    /// change. What a screen that follows a job compares; cheaper than `==`, which reads the
    /// history.
    pub fn same_change(&self, other: &Job) -> bool {
        (self.id, self.revision, self.updated_at) == (other.id, other.revision, other.updated_at)
    }

    /// Whether this job gets the appointment treatment (discount, mark on every screen).
    pub fn is_appointment(&self) -> bool {
        let at = self.arrived_at.unwrap_or(self.created_at);
        self.visit.counts_as_appointment(at)
    }

    /// Seconds from arrival to greeting, once both happened.
    pub fn greeting_seconds(&self) -> Option<i64> {
        Some((self.greeted_at? - self.arrived_at?).num_seconds())
    }
}
