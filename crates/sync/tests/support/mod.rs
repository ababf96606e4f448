//! Test doubles for the sync engine: an in-memory server that keeps the LaneCheck Sync v1
//! rules, and a network in front of it that fails on purpose.
#![allow(dead_code)]

use lanecheck_domain::summary::Summary;
use lanecheck_domain::{Job, JobId};
use lanecheck_sync::engine::{Failure, Precondition, Remote, Written};
use lanecheck_sync::memory::MemoryDevice as Device;
use lanecheck_sync::protocol::{blob_refs, Changes, Found, Stored};
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet};

/// A small deterministic random source (SplitMix64), so a failing seed can be replayed.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    pub fn fraction(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A write's body and the answer it got, kept under its idempotency key.
type Replay = (String, Result<Written, Failure>);

/// A server keeping the contract: content-addressed blobs, versions, idempotent writes, and
/// a change feed numbered in write order.
#[derive(Default)]
pub struct Server {
    pub blobs: RefCell<BTreeSet<String>>,
    pub jobs: RefCell<BTreeMap<JobId, Stored>>,
    pub feed: RefCell<Vec<Stored>>,
    idempotent: RefCell<BTreeMap<String, Replay>>,
    versions: Cell<u64>,
    /// How many blob uploads actually stored something new.
    pub blobs_stored: Cell<usize>,
}

impl Server {
    pub fn put_blob(&self, sha256: &str) {
        if self.blobs.borrow_mut().insert(sha256.to_string()) {
            self.blobs_stored.set(self.blobs_stored.get() + 1);
        }
    }

    pub fn put_job(
        &self,
        job: &Job,
        precondition: &Precondition,
        key: &str,
    ) -> Result<Written, Failure> {
        let body = serde_json::to_string(job).unwrap();
        if let Some((seen, answer)) = self.idempotent.borrow().get(key) {
            return if *seen == body {
                answer.clone()
            } else {
                Err(status(422, "idempotency key reused with another body"))
            };
        }
        let missing = blob_refs(job)
            .into_iter()
            .any(|b| !self.blobs.borrow().contains(&b));
        if missing {
            return Err(status(409, "missing blobs"));
        }
        let current = self.jobs.borrow().get(&job.id).cloned();
        let stale = match (precondition, &current) {
            (Precondition::Create, Some(now)) => Some(now.clone()),
            (Precondition::Update(_), None) => return Err(status(404, "no such job")),
            (Precondition::Update(v), Some(now)) if *v != now.version => Some(now.clone()),
            _ => None,
        };
        let answer = match stale {
            Some(now) => Ok(Written::Stale(now)),
            None => {
                self.versions.set(self.versions.get() + 1);
                let stored = Stored {
                    id: job.id,
                    version: self.versions.get().to_string(),
                    deleted: false,
                    document: Some(job.clone()),
                };
                self.jobs.borrow_mut().insert(job.id, stored.clone());
                self.feed.borrow_mut().push(stored.clone());
                Ok(Written::Stored(stored))
            }
        };
        if !matches!(answer, Ok(Written::Stale(_))) {
            self.idempotent
                .borrow_mut()
                .insert(key.to_string(), (body, answer.clone()));
        }
        answer
    }

    pub fn changes(&self, cursor: &str, limit: u32) -> Result<Changes, Failure> {
        let from: usize = if cursor.is_empty() {
            0
        } else {
            cursor.parse().map_err(|_| status(400, "bad cursor"))?
        };
        let feed = self.feed.borrow();
        let to = (from + limit as usize).min(feed.len());
        Ok(Changes {
            changes: feed[from.min(to)..to].to_vec(),
            next: to.to_string(),
            has_more: to < feed.len(),
        })
    }
}

pub fn status(status: u16, message: &str) -> Failure {
    Failure::Status {
        status,
        retry_after_ms: None,
        message: message.into(),
    }
}

/// What the network does to requests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weather {
    Online,
    Offline,
    /// Each request may be dropped before or after the server handled it, delayed with a
    /// 503 or 429 and `Retry-After`, or delivered twice.
    Stormy {
        percent: u64,
    },
}

/// The network between one device and the server.
pub struct Network<'a> {
    pub server: &'a Server,
    pub device: &'a Device,
    pub weather: Cell<Weather>,
    pub rng: RefCell<Rng>,
    pub sent: Cell<usize>,
    /// Runs before each request: what the advisor does while a sync round is under way.
    pub meanwhile: RefCell<Option<Box<dyn FnMut() + 'a>>>,
}

enum Fate {
    Deliver,
    Lose,
    LoseAnswer,
    Busy(u16),
    Twice,
}

impl<'a> Network<'a> {
    pub fn new(server: &'a Server, device: &'a Device, seed: u64) -> Network<'a> {
        Network {
            server,
            device,
            weather: Cell::new(Weather::Online),
            rng: RefCell::new(Rng(seed)),
            sent: Cell::new(0),
            meanwhile: RefCell::new(None),
        }
    }

    fn fate(&self) -> Fate {
        self.sent.set(self.sent.get() + 1);
        if let Some(meanwhile) = self.meanwhile.borrow_mut().as_mut() {
            meanwhile();
        }
        match self.weather.get() {
            Weather::Online => Fate::Deliver,
            Weather::Offline => Fate::Lose,
            Weather::Stormy { percent } => {
                let mut rng = self.rng.borrow_mut();
                if !rng.chance(percent) {
                    return Fate::Deliver;
                }
                match rng.below(5) {
                    0 => Fate::Lose,
                    1 => Fate::LoseAnswer,
                    2 => Fate::Busy(503),
                    3 => Fate::Busy(429),
                    _ => Fate::Twice,
                }
            }
        }
    }

    fn carry<T>(&self, handle: impl Fn() -> Result<T, Failure>) -> Result<T, Failure> {
        match self.fate() {
            Fate::Deliver => handle(),
            Fate::Lose => Err(Failure::Network),
            Fate::LoseAnswer => {
                let _ = handle();
                Err(Failure::Network)
            }
            Fate::Busy(code) => Err(Failure::Status {
                status: code,
                retry_after_ms: Some(2_000),
                message: "busy".into(),
            }),
            Fate::Twice => {
                let _ = handle();
                handle()
            }
        }
    }
}

impl Remote for Network<'_> {
    async fn has_blob(&self, sha256: &str) -> Result<bool, Failure> {
        self.carry(|| Ok(self.server.blobs.borrow().contains(sha256)))
    }
    async fn put_blob(&self, sha256: &str) -> Result<bool, Failure> {
        if !self.device.blobs.borrow().contains_key(sha256) {
            return Ok(false);
        }
        self.carry(|| {
            self.server.put_blob(sha256);
            Ok(true)
        })
    }
    async fn put_job(
        &self,
        job: &Job,
        precondition: &Precondition,
        key: &str,
    ) -> Result<Written, Failure> {
        self.carry(|| self.server.put_job(job, precondition, key))
    }
    /// The simulated server sends the whole feed: a window is an economy a server may skip.
    async fn changes(&self, cursor: &str, limit: u32, _: &str) -> Result<Changes, Failure> {
        self.carry(|| self.server.changes(cursor, limit))
    }
    async fn job(&self, id: JobId) -> Result<Option<Stored>, Failure> {
        self.carry(|| Ok(self.server.jobs.borrow().get(&id).cloned()))
    }
    /// The app's own rule over every job the server holds.
    async fn search(&self, term: &str, limit: usize) -> Result<Vec<Found>, Failure> {
        self.carry(|| {
            Ok(self
                .server
                .jobs
                .borrow()
                .values()
                .filter_map(|s| s.document.as_ref())
                .map(Summary::of)
                .filter(|s| s.matches(term))
                .take(limit)
                .map(|s| Found::of(&s))
                .collect())
        })
    }
}
