//! What the sync worker tells the app's pages, and what the pages ask of it, as short text
//! messages on a `BroadcastChannel`: the pages only show and forward them, so they carry no
//! JSON or HTTP code of their own (the app shell's size budget). Parsing never panics; a
//! message that does not parse is ignored.

use lanecheck_domain::JobId;

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

/// Messages are line-based: a value never carries a line break.
fn one_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}
