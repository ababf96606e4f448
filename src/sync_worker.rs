//! The sync worker (`src/bin/sync-worker.rs`, started by every page): the sync engine in the
//! browser, off the pages' main thread and out of their first load. Every tab starts one; the
//! Web Lock `lanecheck-sync` lets exactly one of them lead, and the others wait for it until
//! the leader's tab closes.
//!
//! The leader runs a round (push, then pull) when it starts, when a page says something changed
//! (a saved edit, new settings, the page shown again), on "sync now" and when the device comes
//! back online, and on a timer: the engine's backoff after a failure, otherwise every minute to
//! pull other devices' jobs. During a backoff (the server's `Retry-After` included) only "sync
//! now" and coming back online try earlier; saved edits wait for it. After each change of its state it broadcasts a `Report` (the badge and
//! each job that is not in step), and `Changed` when jobs came from the server or left the
//! device. Once a day, after a round that reached the server, finished jobs the server holds
//! leave the device after the store's days (`IdbStore::evict`; their summaries stay).

use crate::platform::channel::Channel;
use crate::platform::http::{whoami, FetchRemote};
use crate::platform::{ids, worker_scope};
use crate::storage::idb::{IdbStore, DB_NAME};
use crate::storage::{
    JobStore, CATALOGUE_ETAG_KEY, CATALOGUE_KEY, KEEP_DAYS_KEY, SYNC_DEVICE_KEY, SYNC_ENDPOINT_KEY,
    SYNC_TOKEN_KEY,
};
use futures::channel::mpsc;
use futures::future::{select, Either};
use futures::StreamExt;
use lanecheck_domain::retention::{finished_since, KEEP_DAYS};
use lanecheck_domain::JobId;
use lanecheck_sync::endpoint::parse_endpoint;
use lanecheck_sync::engine::{Engine, Fetched, Outcome, Remote, Round};
use lanecheck_sync::outbox::coalesce;
use lanecheck_sync::report::{Badge, FoundList, JobState, Message, Report, Tested};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;

/// The most jobs of the server a search shows.
const FOUND_AT_MOST: usize = 20;
/// How often a device in step asks the server for other devices' changes.
const PULL_EVERY_MS: u64 = 60_000;
/// When finished jobs last left the device (ms since the epoch).
const RETIRED_AT_KEY: &str = "retired_at";
const DAY_MS: i64 = 86_400_000;
/// Names this device in idempotency keys: random, made once, never shown.
const DEVICE_ID_KEY: &str = "sync_device_id";

pub async fn run() {
    worker_scope::lead_as("lanecheck-sync").await;
    let Ok(store) = IdbStore::open(DB_NAME, || ()).await else {
        return;
    };
    let store = Rc::new(store);
    // The last report sent; `None` until the first, which is always sent: it tells the pages
    // this worker now leads (see `state::sync`).
    let report: Rc<RefCell<Option<Report>>> = Rc::default();
    // A kick says whether it is urgent ("sync now", back online) or not (an edit saved).
    let (kick, mut kicks) = mpsc::unbounded::<bool>();
    let Some(channel) = open_channel(kick.clone(), report.clone(), store.clone()) else {
        return;
    };
    let online_kick = kick.clone();
    worker_scope::when_online(move || {
        let _ = online_kick.unbounded_send(true);
    });
    let mut engine = Engine::new(device_id(&store).await);
    loop {
        let (wait, backing_off) = sync_once(&store, &mut engine, &channel, &report).await;
        // Changes saved during the round: go again now, unless the server asked to wait.
        let mut kicked = None;
        while let Ok(urgent) = kicks.try_recv() {
            kicked = Some(urgent || kicked == Some(true));
        }
        if kicked == Some(true) || (kicked.is_some() && !backing_off) {
            continue;
        }
        // While backing off only an urgent kick cuts the wait short; otherwise any kick does.
        let deadline = wait.map(|ms| js_sys::Date::now() + ms as f64);
        loop {
            let next = match deadline {
                Some(at) => {
                    let left = (at - js_sys::Date::now()).max(0.0) as u64;
                    let timer = Box::pin(worker_scope::wait_ms(left));
                    match select(kicks.next(), timer).await {
                        Either::Left((kick, _)) => kick,
                        Either::Right(_) => break,
                    }
                }
                None => kicks.next().await,
            };
            match next {
                None => return,
                Some(urgent) if urgent || !backing_off => break,
                Some(_) => {}
            }
        }
    }
}

/// Joins the pages' channel: kicks wake the loop, "hello" gets the current report, "test"
/// tries an endpoint and token without saving them, "search" asks the server for a plate or
/// VIN, "fetch" brings one job from the server onto the device.
fn open_channel(
    kick: mpsc::UnboundedSender<bool>,
    report: Rc<RefCell<Option<Report>>>,
    store: Rc<IdbStore>,
) -> Option<Rc<Channel>> {
    let me: Rc<RefCell<Option<Rc<Channel>>>> = Rc::default();
    let reply_to = me.clone();
    let channel = Rc::new(Channel::open(move |message| match message {
        Message::Kick => {
            let _ = kick.unbounded_send(false);
        }
        Message::SyncNow => {
            let _ = kick.unbounded_send(true);
        }
        Message::Hello => {
            if let (Some(channel), Some(report)) =
                (reply_to.borrow().as_ref(), report.borrow().as_ref())
            {
                channel.post(&Message::Report(report.clone()));
            }
        }
        Message::Test { endpoint, token } => {
            let reply_to = reply_to.clone();
            spawn_local(async move {
                let tested = match parse_endpoint(&endpoint) {
                    Ok(endpoint) => whoami(&endpoint, token.trim()).await,
                    Err(_) => Tested::Unreachable,
                };
                if let Some(channel) = reply_to.borrow().as_ref() {
                    channel.post(&Message::Tested(tested));
                }
            });
        }
        Message::Search { term } => {
            let (reply_to, store) = (reply_to.clone(), store.clone());
            spawn_local(async move {
                let jobs = match remote(&store).await {
                    Some(remote) if worker_scope::online() => {
                        let found = remote.search(&term, FOUND_AT_MOST).await.ok();
                        found.map(|jobs| FoundList::of(&jobs))
                    }
                    _ => None,
                };
                if let Some(channel) = reply_to.borrow().as_ref() {
                    channel.post(&Message::Found { term, jobs });
                }
            });
        }
        Message::Fetch(id) => {
            let (reply_to, store) = (reply_to.clone(), store.clone());
            spawn_local(async move {
                let fetched = match remote(&store).await {
                    // The engine's rules decide what the device keeps; no device name is
                    // needed to read.
                    Some(remote) => Engine::new("").fetch(&*store, &remote, id).await,
                    None => Fetched::Failed,
                };
                if let Some(channel) = reply_to.borrow().as_ref() {
                    channel.post(&Message::Fetched(id, fetched));
                    if fetched == Fetched::Stored {
                        channel.post(&Message::Changed);
                    }
                }
            });
        }
        Message::Report(_)
        | Message::Tested(_)
        | Message::Changed
        | Message::Found { .. }
        | Message::Fetched(..) => {}
    })?);
    *me.borrow_mut() = Some(channel.clone());
    Some(channel)
}

/// One round if sync is set up and the device is online; how long to wait before the next
/// one unless something happens (`None`: until something happens), and whether that wait is
/// a backoff after a failure (the server's `Retry-After` included).
async fn sync_once(
    store: &IdbStore,
    engine: &mut Engine,
    channel: &Channel,
    report: &RefCell<Option<Report>>,
) -> (Option<u64>, bool) {
    let publish = |badge: Badge, jobs: Vec<(JobId, JobState)>| {
        let attention = jobs.iter().any(|(_, s)| *s != JobState::Waiting);
        let badge = match badge {
            Badge::AllSynced | Badge::Retrying if attention => Badge::NeedsAttention,
            badge => badge,
        };
        let next = Report { badge, jobs };
        if report.borrow().as_ref() != Some(&next) {
            channel.post(&Message::Report(next.clone()));
            *report.borrow_mut() = Some(next);
        }
    };
    let Some(remote) = remote(store).await else {
        publish(Badge::NotSetUp, job_states(store).await);
        return (None, false);
    };
    if !worker_scope::online() {
        publish(Badge::Offline, job_states(store).await);
        return (None, false);
    }
    let states = job_states(store).await;
    let waiting = states
        .iter()
        .filter(|(_, s)| *s == JobState::Waiting)
        .count();
    publish(Badge::Syncing(waiting), states);
    if let Some(now) = chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64) {
        engine.finished_since = finished_since(now, keep_days(store).await);
    }
    let mut round = Round::default();
    let outcome = engine
        .round(store, &remote, worker_scope::random(), &mut round)
        .await;
    let left = match outcome {
        Outcome::Done => {
            refresh_catalogue(store, &remote).await;
            retire(store).await
        }
        _ => 0,
    };
    if round.pulled > 0 || round.rebased > 0 || left > 0 {
        channel.post(&Message::Changed);
    }
    let (badge, wait) = match outcome {
        Outcome::Done => (Badge::AllSynced, Some(PULL_EVERY_MS)),
        Outcome::RetryIn(ms) if worker_scope::online() => (Badge::Retrying, Some(ms)),
        Outcome::RetryIn(_) => (Badge::Offline, None),
        Outcome::PausedForAuth => (Badge::Unauthorized, None),
        Outcome::Store(_) => (Badge::NeedsAttention, Some(PULL_EVERY_MS)),
    };
    publish(badge, job_states(store).await);
    (wait, matches!(outcome, Outcome::RetryIn(_)))
}

/// After a round that reached the server: the store's catalogue, downloaded again only when
/// it changed (`If-None-Match`), kept for the repair order's page. A failure keeps the copy
/// the device has.
async fn refresh_catalogue(store: &IdbStore, remote: &FetchRemote<'_>) {
    let held = store.meta(CATALOGUE_ETAG_KEY).await.ok().flatten();
    if let Ok(Some((text, tag))) = remote.catalogue(held.as_deref()).await {
        if store.set_meta(CATALOGUE_KEY, &text).await.is_ok() {
            let _ = store.set_meta(CATALOGUE_ETAG_KEY, &tag).await;
        }
    }
}

/// Once a day, after a round that reached the server: finished jobs the server holds leave
/// the device after the store's days (`retention`). Returns how many left.
async fn retire(store: &IdbStore) -> u32 {
    // Whole milliseconds: float formatting and parsing would cost the worker ~20 KB.
    let now = js_sys::Date::now() as i64;
    let last = store.meta(RETIRED_AT_KEY).await.ok().flatten();
    if last
        .and_then(|t| t.parse::<i64>().ok())
        .is_some_and(|t| now - t < DAY_MS)
    {
        return 0;
    }
    let Some(at) = chrono::DateTime::from_timestamp_millis(now) else {
        return 0;
    };
    let left = store.evict(at, keep_days(store).await).await.unwrap_or(0);
    let _ = store.set_meta(RETIRED_AT_KEY, &now.to_string()).await;
    left
}

/// The days the store keeps finished jobs on its devices (settings).
async fn keep_days(store: &IdbStore) -> u32 {
    let keep = store.meta(KEEP_DAYS_KEY).await.ok().flatten();
    keep.and_then(|d| d.parse().ok()).unwrap_or(KEEP_DAYS)
}

/// The server as the settings name it, if endpoint and token are there and the endpoint is
/// allowed.
async fn remote(store: &IdbStore) -> Option<FetchRemote<'_>> {
    let meta = async |key| store.meta(key).await.ok().flatten();
    let base = parse_endpoint(&meta(SYNC_ENDPOINT_KEY).await?).ok()?;
    let token = meta(SYNC_TOKEN_KEY).await?.trim().to_string();
    let device = meta(SYNC_DEVICE_KEY).await.unwrap_or_default();
    (!token.is_empty()).then_some(FetchRemote {
        base,
        token,
        device,
        store,
    })
}

/// Every job not in step with the server: waiting to be pushed, refused, or in conflict.
async fn job_states(store: &IdbStore) -> Vec<(JobId, JobState)> {
    let outbox = store.outbox().await.unwrap_or_default();
    let mut states: Vec<(JobId, JobState)> = coalesce(&outbox)
        .into_iter()
        .map(|push| (push.job_id, JobState::Waiting))
        .collect();
    for (id, sync) in store.troubled().await.unwrap_or_default() {
        let state = match (sync.conflict, sync.refused) {
            (Some(_), _) => JobState::Conflict,
            (None, Some(message)) => JobState::Refused(message),
            (None, None) => continue,
        };
        states.retain(|(job, _)| *job != id);
        states.push((id, state));
    }
    states
}

async fn device_id(store: &IdbStore) -> String {
    if let Ok(Some(id)) = store.meta(DEVICE_ID_KEY).await {
        return id;
    }
    let id = ids::new_job_id()
        .map(|id| id.to_string())
        .unwrap_or_default();
    let _ = store.set_meta(DEVICE_ID_KEY, &id).await;
    id
}
