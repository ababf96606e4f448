//! What the sync worker tells the app's pages, and what the pages ask of it, as short text
//! messages on a `BroadcastChannel`: the pages only show and forward them, so they carry no
//! JSON or HTTP code of their own (the app shell's size budget). Parsing never panics; a
//! message that does not parse is ignored.

use crate::engine::Fetched;
use crate::protocol::Found;
use lanecheck_domain::JobId;
use lanecheck_domain::JobState as LifecycleState;

/// The status badge.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Badge {
    /// No endpoint or token in settings yet.
    #[default]
    NotSetUp,
    Offline,
    /// A round is running with this many jobs to push.
    Syncing(usize),
    AllSynced,
    /// The token was refused: sync waits, everything stays queued.
    Unauthorized,
    /// A job was refused or is in conflict, or the device's storage failed.
    NeedsAttention,
    /// The server did not answer as expected; the next try is scheduled.
    Retrying,
}

/// Why one job is not in step with the server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JobState {
    /// Local changes not pushed yet.
    Waiting,
    /// The server refused the last push, with its message.
    Refused(String),
    /// The server's copy could not be reconciled: both are kept.
    Conflict,
}

/// The sync state of the device, sent after every change of it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub badge: Badge,
    pub jobs: Vec<(JobId, JobState)>,
}

/// The answer to "test connection".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tested {
    Connected { store: String, advisor: String },
    Unauthorized,
    Unreachable,
    Refused(String),
}

/// A message between the pages and the sync worker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    /// Page → worker: something changed (a saved edit, settings, the page became visible).
    Kick,
    /// Page → worker: the advisor asked to sync now, or the device came back online: try now
    /// even during a backoff.
    SyncNow,
    /// Page → worker: tell me the current report.
    Hello,
    /// Page → worker: try this endpoint and token.
    Test {
        endpoint: String,
        token: String,
    },
    /// Worker → pages.
    Report(Report),
    Tested(Tested),
    /// Worker → pages: jobs were pulled from the server; reload them.
    Changed,
    /// Page → worker: look for this plate or VIN (normalised) on the server too.
    Search {
        term: String,
    },
    /// Worker → pages: what the server found for `term`; `None` if it was not asked (sync not
    /// set up) or not reached.
    Found {
        term: String,
        jobs: Option<FoundList>,
    },
    /// Page → worker: bring job `id` from the server onto the device.
    Fetch(JobId),
    /// Worker → pages: how that went (`Changed` follows when it was stored).
    Fetched(JobId, Fetched),
}

impl Message {
    pub fn to_text(&self) -> String {
        match self {
            Message::Kick => "kick".into(),
            Message::SyncNow => "now".into(),
            Message::Hello => "hello".into(),
            Message::Changed => "changed".into(),
            Message::Test { endpoint, token } => {
                format!("test\n{}\n{}", one_line(endpoint), one_line(token))
            }
            Message::Tested(Tested::Connected { store, advisor }) => {
                format!(
                    "tested\nconnected\n{}\n{}",
                    one_line(store),
                    one_line(advisor)
                )
            }
            Message::Search { term } => format!("search\n{}", one_line(term)),
            Message::Found { term, jobs: None } => format!("found\n{}\nunreached", one_line(term)),
            Message::Found {
                term,
                jobs: Some(jobs),
            } => format!("found\n{}\nok{}", one_line(term), jobs.0),
            Message::Fetch(id) => format!("fetch\n{id}"),
            Message::Fetched(id, fetched) => {
                let how = match fetched {
                    Fetched::Stored => "stored",
                    Fetched::Unknown => "unknown",
                    Fetched::Failed => "failed",
                };
                format!("fetched\n{id}\n{how}")
            }
            Message::Tested(Tested::Unauthorized) => "tested\nunauthorized".into(),
            Message::Tested(Tested::Unreachable) => "tested\nunreachable".into(),
            Message::Tested(Tested::Refused(m)) => format!("tested\nrefused\n{}", one_line(m)),
            Message::Report(report) => {
                let badge = match report.badge {
                    Badge::NotSetUp => "not-set-up".to_string(),
                    Badge::Offline => "offline".into(),
                    Badge::Syncing(n) => format!("syncing {n}"),
                    Badge::AllSynced => "synced".into(),
                    Badge::Unauthorized => "unauthorized".into(),
                    Badge::NeedsAttention => "attention".into(),
                    Badge::Retrying => "retrying".into(),
                };
                let mut text = format!("report\n{badge}");
                for (id, state) in &report.jobs {
                    let state = match state {
                        JobState::Waiting => "waiting".to_string(),
                        JobState::Conflict => "conflict".into(),
                        JobState::Refused(m) => format!("refused {}", one_line(m)),
                    };
                    text.push_str(&format!("\n{id} {state}"));
                }
                text
            }
        }
    }

    pub fn parse(text: &str) -> Option<Message> {
        let mut lines = text.split('\n');
        let message = match lines.next()? {
            "kick" => Message::Kick,
            "now" => Message::SyncNow,
            "hello" => Message::Hello,
            "changed" => Message::Changed,
            "test" => Message::Test {
                endpoint: lines.next()?.into(),
                token: lines.next()?.into(),
            },
            "tested" => Message::Tested(match lines.next()? {
                "connected" => Tested::Connected {
                    store: lines.next()?.into(),
                    advisor: lines.next()?.into(),
                },
                "unauthorized" => Tested::Unauthorized,
                "unreachable" => Tested::Unreachable,
                "refused" => Tested::Refused(lines.next()?.into()),
                _ => return None,
            }),
            "search" => Message::Search {
                term: lines.next()?.into(),
            },
            "found" => {
                let term = lines.next()?.into();
                let jobs = match lines.next()? {
                    "unreached" => None,
                    "ok" => Some(FoundList(lines.map(|l| format!("\n{l}")).collect())),
                    _ => return None,
                };
                return Some(Message::Found { term, jobs });
            }
            "fetch" => Message::Fetch(JobId::parse(lines.next()?)?),
            "fetched" => {
                let id = JobId::parse(lines.next()?)?;
                let fetched = match lines.next()? {
                    "stored" => Fetched::Stored,
                    "unknown" => Fetched::Unknown,
                    "failed" => Fetched::Failed,
                    _ => return None,
                };
                Message::Fetched(id, fetched)
            }
            "report" => {
                let line = lines.next()?;
                let badge = match line.split_once(' ') {
                    Some(("syncing", n)) => Badge::Syncing(n.parse().ok()?),
                    Some(_) => return None,
                    None => match line {
                        "not-set-up" => Badge::NotSetUp,
                        "offline" => Badge::Offline,
                        "synced" => Badge::AllSynced,
                        "unauthorized" => Badge::Unauthorized,
                        "attention" => Badge::NeedsAttention,
                        "retrying" => Badge::Retrying,
                        _ => return None,
                    },
                };
                let jobs = lines.map(parse_job).collect::<Option<Vec<_>>>()?;
                return Some(Message::Report(Report { badge, jobs }));
            }
            _ => return None,
        };
        Some(message)
    }
}

fn parse_job(line: &str) -> Option<(JobId, JobState)> {
    let (id, state) = line.split_once(' ')?;
    let state = match state.split_once(' ') {
        Some(("refused", message)) => JobState::Refused(message.into()),
        Some(_) => return None,
        None if state == "waiting" => JobState::Waiting,
        None if state == "conflict" => JobState::Conflict,
        None => return None,
    };
    Some((JobId::parse(id)?, state))
}

/// The jobs of a `Found` message as they travel: a line each, every line after a line break.
/// Only the worker writes them and only the job list reads them (`jobs`), so the other pages
/// carry no code for either.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundList(String);

impl FoundList {
    pub fn of(jobs: &[Found]) -> FoundList {
        FoundList(
            jobs.iter()
                .map(|job| format!("\n{}", found_line(job)))
                .collect(),
        )
    }

    /// The jobs; `None` if a line does not parse.
    pub fn jobs(&self) -> Option<Vec<Found>> {
        self.0.split('\n').skip(1).map(parse_found).collect()
    }
}

/// One job found: `<id> <state> <appointment 0|1> <created ms> <VIN or -> <plate>`, the
/// state by its place in the lifecycle. Plates and VINs hold no spaces.
fn found_line(job: &Found) -> String {
    let state = LifecycleState::ALL
        .iter()
        .position(|s| *s == job.state)
        .unwrap_or_default();
    format!(
        "{} {state} {} {} {} {}",
        job.id,
        u8::from(job.appointment),
        job.created_at,
        job.vin.as_deref().unwrap_or("-"),
        one_line(&job.plate)
    )
}

fn parse_found(line: &str) -> Option<Found> {
    let mut parts = line.splitn(6, ' ');
    let id = JobId::parse(parts.next()?)?;
    let state = *LifecycleState::ALL.get(parts.next()?.parse::<usize>().ok()?)?;
    let appointment = match parts.next()? {
        "0" => false,
        "1" => true,
        _ => return None,
    };
    let created_at = parts.next()?.parse().ok()?;
    let vin = match parts.next()? {
        "-" => None,
        vin => Some(vin.to_string()),
    };
    Some(Found {
        id,
        plate: parts.next()?.to_string(),
        vin,
        state,
        appointment,
        created_at,
    })
}

/// Messages are line-based: a value never carries a line break.
fn one_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}
