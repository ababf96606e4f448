//! The pages' side of sync. The engine runs in the sync worker (`crate::sync_worker`); pages
//! hold its last report (badge, jobs not in step) and "test connection" answer, wake it after
//! each saved change, reload the jobs when it pulled some, hold the sync settings as typed on
//! the sync page (the worker checks and reads them before each round), and ask it to search
//! the server or bring a job from it (the job list, a job the device does not hold).

use crate::platform::channel::Channel;
use crate::state::drafts::Drafts;
use crate::state::jobs::{use_jobs, ChangeError, Jobs, SaveStatus};
use crate::storage::{SYNC_DEVICE_KEY, SYNC_ENDPOINT_KEY, SYNC_TOKEN_KEY};
use lanecheck_domain::JobId;
use lanecheck_sync::engine::Fetched;
use lanecheck_sync::report::{FoundList, JobState, Message, Report, Tested};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::rc::Rc;

/// One sync setting.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    Endpoint,
    Token,
    Device,
}

impl Setting {
    pub fn key(self) -> &'static str {
        match self {
            Setting::Endpoint => SYNC_ENDPOINT_KEY,
            Setting::Token => SYNC_TOKEN_KEY,
            Setting::Device => SYNC_DEVICE_KEY,
        }
    }
}

#[derive(Clone, Copy)]
pub struct Sync {
    pub report: RwSignal<Report>,
    /// The answer to the last "test connection"; `None` while it runs.
    pub tested: RwSignal<Option<Tested>>,
    pub endpoint: RwSignal<String>,
    pub token: RwSignal<String>,
    pub device: RwSignal<String>,
    /// The server's answer to the last search (`search`): the term and what it found, `None`
    /// when the server was not asked or not reached.
    pub found: RwSignal<Option<(String, Option<FoundList>)>>,
    /// How the last `fetch` went, by job.
    pub fetched: RwSignal<Option<(JobId, Fetched)>>,
    channel: StoredValue<Option<Rc<Channel>>, LocalStorage>,
    /// Questions not answered yet (a test, a search, a fetch): sent again when a worker starts
    /// leading, in case they were posted while none did (right after a page loads, before the
    /// worker has started).
    pending: StoredValue<Vec<Message>>,
}

impl Sync {
    fn post(&self, message: Message) {
        if let Some(channel) = self.channel.get_value() {
            channel.post(&message);
        }
    }

    /// After every saved change.
    pub fn kick(&self) {
        self.post(Message::Kick);
    }

    /// "Sync now": also during a backoff.
    pub fn now(&self) {
        self.post(Message::SyncNow);
    }

    /// Asks the worker to try an endpoint and token as typed, without saving them.
    pub fn test(&self) {
        self.tested.set(None);
        self.ask(Message::Test {
            endpoint: self.endpoint.get_untracked(),
            token: self.token.get_untracked(),
        });
    }

    /// Asks the server, through the worker, for the jobs a plate or VIN (normalised) finds.
    pub fn search(&self, term: String) {
        if self
            .found
            .with_untracked(|f| f.as_ref().is_some_and(|(t, j)| *t == term && j.is_some()))
        {
            return;
        }
        self.ask(Message::Search { term });
    }

    /// Asks the worker to bring job `id` from the server onto the device.
    pub fn fetch(&self, id: JobId) {
        self.fetched.set(None);
        self.ask(Message::Fetch(id));
    }

    /// Posts a question, and keeps it until its answer comes (one of each kind at a time).
    fn ask(&self, question: Message) {
        self.pending.update_value(|p| {
            p.retain(|q| std::mem::discriminant(q) != std::mem::discriminant(&question));
            p.push(question.clone());
        });
        self.post(question);
    }

    /// An answer came: its question is no longer pending.
    fn answered(&self, answered: impl Fn(&Message) -> bool) {
        self.pending.update_value(|p| p.retain(|q| !answered(q)));
    }

    fn signal(&self, setting: Setting) -> RwSignal<String> {
        match setting {
            Setting::Endpoint => self.endpoint,
            Setting::Token => self.token,
            Setting::Device => self.device,
        }
    }

    /// Stores the setting as it is typed now and has the worker try it at once.
    pub async fn save(
        self,
        jobs: Jobs,
        drafts: Drafts,
        setting: Setting,
    ) -> Result<(), ChangeError> {
        let value = self.signal(setting).get_untracked();
        jobs.save_meta(setting.key(), value.trim()).await?;
        drafts.forget(setting.key());
        self.now();
        Ok(())
    }

    /// Reads the settings as stored into the fields (the sync page, once storage is open),
    /// and over them what was typed and not saved, which is returned to be saved if it can.
    pub async fn load(self, jobs: Jobs, drafts: Drafts) -> Vec<Setting> {
        let mut typed = Vec::new();
        for setting in [Setting::Endpoint, Setting::Token, Setting::Device] {
            let kept = drafts.kept(setting.key());
            typed.extend(kept.is_some().then_some(setting));
            if let Some(value) = kept.or(jobs.meta(setting.key()).await) {
                self.signal(setting).set(value);
            }
        }
        typed
    }

    /// How job `id` stands with the server, if it is not in step.
    pub fn state_of(&self, id: JobId) -> Option<JobState> {
        self.report.with(|r| {
            r.jobs
                .iter()
                .find(|(job, _)| *job == id)
                .map(|(_, s)| s.clone())
        })
    }
}

pub fn provide_sync() {
    let jobs = use_jobs();
    let sync = Sync {
        report: RwSignal::new(Report::default()),
        tested: RwSignal::new(None),
        endpoint: RwSignal::new(String::new()),
        token: RwSignal::new(String::new()),
        device: RwSignal::new(String::new()),
        found: RwSignal::new(None),
        fetched: RwSignal::new(None),
        channel: StoredValue::new_local(None),
        pending: StoredValue::new(Vec::new()),
    };
    let channel = Channel::open(move |message| match message {
        Message::Report(report) => {
            sync.report.set(report);
            for question in sync.pending.get_value() {
                sync.post(question);
            }
        }
        Message::Tested(tested) => {
            sync.answered(|q| matches!(q, Message::Test { .. }));
            sync.tested.set(Some(tested));
        }
        Message::Found { term, jobs } => {
            sync.answered(|q| matches!(q, Message::Search { term: t } if *t == term));
            sync.found.set(Some((term, jobs)));
        }
        Message::Fetched(id, fetched) => {
            sync.answered(|q| *q == Message::Fetch(id));
            sync.fetched.set(Some((id, fetched)));
        }
        Message::Changed => spawn_local(jobs.reload()),
        Message::Kick
        | Message::SyncNow
        | Message::Hello
        | Message::Test { .. }
        | Message::Search { .. }
        | Message::Fetch(_) => {}
    });
    sync.channel.set_value(channel.map(Rc::new));
    sync.post(Message::Hello);
    Effect::new(move |_| {
        if jobs.status.get() == SaveStatus::Saved {
            sync.kick();
        }
    });
    provide_context(sync);
}

pub fn use_sync() -> Sync {
    expect_context()
}
