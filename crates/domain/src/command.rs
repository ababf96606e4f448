//! Commands: the only way a job changes. `Job::apply` checks the command against the job's
//! state, changes the job, bumps its revision and records the command in its history. A
//! refused command leaves the job exactly as it was.

use crate::error::DomainError;
use crate::ids::ActorId;
use crate::inspection::{
    Answer, CheckItem, Concern, Cover, DamageKind, DamageMark, Disposition, PhotoRef, PhotoTarget,
    Severity, SignatureRef, Valuable, View,
};
use crate::job::{HistoryEntry, Job, NewJob, Person, Vehicle, Visit};
use crate::lifecycle::JobState;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Command {
    /// Recorded as the first history entry by `Job::open`; never applied to an existing job.
    Open(NewJob),
    Arrive,
    Greet,
    ToldAboutAppointments,
    SetOwner(Person),
    /// `None` when the owner brought the car.
    SetBringer(Option<Person>),
    SetVehicle(Vehicle),
    StartInspection,
    FitCover {
        cover: Cover,
        fitted: bool,
    },
    AnswerCheck {
        item: CheckItem,
        answer: Option<Answer>,
    },
    AllRemainingOk,
    UndoAllRemainingOk,
    AddDamage {
        view: View,
        x: f32,
        y: f32,
        kind: DamageKind,
        severity: Severity,
        note: String,
    },
    UpdateDamage(DamageMark),
    RemoveDamage {
        id: u32,
    },
    /// Puts a removed mark back with its photos (undo), under its own id.
    RestoreDamage {
        mark: DamageMark,
        photos: Vec<PhotoRef>,
    },
    /// The walk-around found no damage: the damage step's explicit answer.
    NoDamage,
    AttachPhoto(PhotoRef),
    DetachPhoto {
        sha256: String,
    },
    SetValuable {
        item: Valuable,
        disposition: Option<Disposition>,
    },
    /// Every valuable not yet answered is taken by the customer (or not in the car).
    RemainingValuablesTaken,
    AcknowledgeValuables,
    AddConcern {
        words: String,
        when_it_happens: String,
    },
    RemoveConcern {
        id: u32,
    },
    OverrideGate {
        reason: String,
    },
    SignCheckIn(SignatureRef),
    /// Moves to a state after check-in whose own data later commands will carry.
    Advance {
        to: JobState,
    },
}

/// What `apply` hands back: the history entry it recorded.
pub type Applied = HistoryEntry;

/// A change the app makes to a job: a check-in `Command` or an `OrderCommand`. Generic code
/// (storing a change, the app's dispatch) takes either; a page carries only the kinds it uses.
pub trait Apply: Clone {
    fn apply_to(self, job: &mut Job, now: DateTime<Utc>, actor: ActorId)
        -> Result<(), DomainError>;
}

impl Apply for Command {
    fn apply_to(
        self,
        job: &mut Job,
        now: DateTime<Utc>,
        actor: ActorId,
    ) -> Result<(), DomainError> {
        job.apply(self, now, actor).map(|_| ())
    }
}

impl Apply for crate::order_command::OrderCommand {
    fn apply_to(
        self,
        job: &mut Job,
        now: DateTime<Utc>,
        actor: ActorId,
    ) -> Result<(), DomainError> {
        job.apply_order(self, now, actor)
    }
}

impl Job {
    /// Applies `command` at `now` on behalf of `actor`.
    pub fn apply(
        &mut self,
        command: Command,
        now: DateTime<Utc>,
        actor: ActorId,
    ) -> Result<Applied, DomainError> {
        let mut next = self.clone();
        next.change(&command, now)?;
        let entry = HistoryEntry {
            at: now,
            actor,
            command,
        };
        next.revision += 1;
        next.updated_at = now;
        next.history.push(entry.clone());
        *self = next;
        Ok(entry)
    }

    fn change(&mut self, command: &Command, now: DateTime<Utc>) -> Result<(), DomainError> {
        if touches_check_in(command) && !self.state.check_in_open() {
            return Err(DomainError::CheckInClosed);
        }
        match command {
            Command::Open(_) => return Err(DomainError::UseSpecificCommand(self.state)),
            Command::Arrive => {
                self.go_to(JobState::Arrived)?;
                self.arrived_at = Some(now);
            }
            Command::Greet => {
                if self.arrived_at.is_none() {
                    return Err(DomainError::NotArrived);
                }
                if self.greeted_at.is_some() {
                    return Err(DomainError::AlreadyGreeted);
                }
                self.greeted_at = Some(now);
            }
            Command::ToldAboutAppointments => {
                if self.visit != Visit::WalkIn {
                    return Err(DomainError::NotAWalkIn);
                }
                self.told_about_appointments = true;
            }
            Command::SetOwner(person) => self.owner = person.clone(),
            Command::SetBringer(person) => self.bringer = person.clone(),
            Command::SetVehicle(vehicle) => {
                if vehicle.fuel_eighths.is_some_and(|f| f > 8) {
                    return Err(DomainError::FuelOutOfRange);
                }
                self.vehicle = vehicle.clone();
            }
            Command::StartInspection => self.go_to(JobState::Inspecting)?,
            Command::FitCover { cover, fitted } => {
                self.covers.retain(|c| c != cover);
                if *fitted {
                    self.covers.push(*cover);
                }
            }
            Command::AnswerCheck { item, answer } => {
                let entry = self
                    .checklist
                    .iter_mut()
                    .find(|e| e.item == *item)
                    .ok_or(DomainError::UnknownCheckItem)?;
                entry.answer = answer.clone();
                entry.bulk = false;
            }
            Command::AllRemainingOk => {
                for entry in self.checklist.iter_mut().filter(|e| e.answer.is_none()) {
                    entry.answer = Some(Answer::Ok);
                    entry.bulk = true;
                }
            }
            Command::UndoAllRemainingOk => {
                for entry in self.checklist.iter_mut().filter(|e| e.bulk) {
                    entry.answer = None;
                    entry.bulk = false;
                }
            }
            Command::AddDamage {
                view,
                x,
                y,
                kind,
                severity,
                note,
            } => {
                let id = self.take_local_id();
                self.no_damage = false;
                self.damage.push(DamageMark {
                    id,
                    view: *view,
                    x: on_diagram(*x)?,
                    y: on_diagram(*y)?,
                    kind: *kind,
                    severity: *severity,
                    note: note.clone(),
                    pointed_out: false,
                });
            }
            Command::UpdateDamage(mark) => {
                on_diagram(mark.x)?;
                on_diagram(mark.y)?;
                let slot = self
                    .damage
                    .iter_mut()
                    .find(|m| m.id == mark.id)
                    .ok_or(DomainError::UnknownDamage)?;
                *slot = mark.clone();
            }
            Command::RemoveDamage { id } => {
                let before = self.damage.len();
                self.damage.retain(|m| m.id != *id);
                if self.damage.len() == before {
                    return Err(DomainError::UnknownDamage);
                }
                self.photos.retain(|p| p.target != PhotoTarget::Damage(*id));
            }
            Command::RestoreDamage { mark, photos } => {
                on_diagram(mark.x)?;
                on_diagram(mark.y)?;
                let taken = self.damage.iter().any(|m| m.id == mark.id);
                if taken
                    || mark.id >= self.next_local_id
                    || photos
                        .iter()
                        .any(|p| p.target != PhotoTarget::Damage(mark.id))
                {
                    return Err(DomainError::UnknownDamage);
                }
                self.no_damage = false;
                // Back in its place: marks are kept in the order of their ids.
                let at = self.damage.partition_point(|m| m.id < mark.id);
                self.damage.insert(at, mark.clone());
                self.photos.extend(photos.iter().cloned());
            }
            Command::NoDamage => {
                if !self.damage.is_empty() {
                    return Err(DomainError::UnknownDamage);
                }
                self.no_damage = true;
            }
            Command::AttachPhoto(photo) => {
                self.photos
                    .retain(|p| p.sha256 != photo.sha256 || p.target != photo.target);
                self.photos.push(photo.clone());
            }
            Command::DetachPhoto { sha256 } => {
                let before = self.photos.len();
                self.photos.retain(|p| p.sha256 != *sha256);
                if self.photos.len() == before {
                    return Err(DomainError::UnknownPhoto);
                }
            }
            Command::SetValuable { item, disposition } => {
                if let Some(entry) = self.valuables.iter_mut().find(|v| v.item == *item) {
                    entry.disposition = disposition.clone();
                }
                self.valuables_acknowledged_at = None;
            }
            Command::RemainingValuablesTaken => {
                for entry in self
                    .valuables
                    .iter_mut()
                    .filter(|v| v.disposition.is_none())
                {
                    entry.disposition = Some(Disposition::TakenByCustomer);
                }
                self.valuables_acknowledged_at = None;
            }
            Command::AcknowledgeValuables => {
                if self.valuables.iter().any(|v| v.disposition.is_none()) {
                    return Err(DomainError::ValuablesUnanswered);
                }
                self.valuables_acknowledged_at = Some(now);
            }
            Command::AddConcern {
                words,
                when_it_happens,
            } => {
                if words.trim().is_empty() {
                    return Err(DomainError::EmptyConcern);
                }
                let id = self.take_local_id();
                self.concerns.push(Concern {
                    id,
                    words: words.trim().to_string(),
                    when_it_happens: when_it_happens.trim().to_string(),
                });
            }
            Command::RemoveConcern { id } => {
                let before = self.concerns.len();
                self.concerns.retain(|c| c.id != *id);
                if self.concerns.len() == before {
                    return Err(DomainError::UnknownConcern);
                }
            }
            Command::OverrideGate { reason } => {
                if reason.trim().is_empty() {
                    return Err(DomainError::EmptyReason);
                }
                self.gate_override = Some(reason.trim().to_string());
            }
            Command::SignCheckIn(signature) => {
                if signature.signer.trim().is_empty() {
                    return Err(DomainError::EmptySigner);
                }
                let gaps = self.check_in_gaps();
                if !gaps.is_empty() && self.gate_override.is_none() {
                    return Err(DomainError::Incomplete(gaps));
                }
                self.go_to(JobState::CheckedIn)?;
                self.signature = Some(signature.clone());
                self.seal = Some(crate::seal::compute(self));
            }
            Command::Advance { to } => {
                // The states up to the add-ons' approval are entered by the order's commands.
                if *to <= JobState::AwaitingApproval {
                    return Err(DomainError::UseSpecificCommand(*to));
                }
                self.go_to(*to)?;
            }
        }
        Ok(())
    }

    pub(crate) fn go_to(&mut self, to: JobState) -> Result<(), DomainError> {
        if !self.state.can_go_to(to) {
            return Err(DomainError::IllegalTransition {
                from: self.state,
                to,
            });
        }
        self.state = to;
        Ok(())
    }

    pub(crate) fn take_local_id(&mut self) -> u32 {
        let id = self.next_local_id;
        self.next_local_id += 1;
        id
    }
}

/// Commands that edit the check-in sheet, which is closed once the customer has signed.
fn touches_check_in(command: &Command) -> bool {
    !matches!(
        command,
        Command::Open(_)
            | Command::Arrive
            | Command::Greet
            | Command::ToldAboutAppointments
            | Command::StartInspection
            | Command::SignCheckIn(_)
            | Command::Advance { .. }
    )
}

fn on_diagram(v: f32) -> Result<f32, DomainError> {
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(DomainError::OffDiagram)
    }
}
