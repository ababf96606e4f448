//! One job: its state, key data, the next lifecycle actions available here, and the history
//! of every change with its time and advisor.

use crate::i18n::desk_text::DeskMsg;
use crate::i18n::order::order_command_label;
use crate::i18n::{command_label, Msg};
use crate::platform::clock::local_date_time;
use crate::state::jobs::use_jobs;
use crate::state::locale::use_i18n;
use crate::state::sync::use_sync;
use crate::ui::components::badges::{AppointmentBadge, StateBadge};
use crate::ui::pages::check_in::{copy_href, Step};
use crate::ui::pages::not_found::NotFound;
use crate::ui::pages::order::Screen;
use lanecheck_domain::history::{Change, Entry};
use lanecheck_domain::summary::Summary;
use lanecheck_domain::{Job, JobId, JobState};
use lanecheck_sync::engine::Fetched;
use lanecheck_sync::report::Badge;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn JobPage(id: JobId) -> impl IntoView {
    let i18n = use_i18n();
    let jobs = use_jobs();
    move || match (jobs.job(id), jobs.is_missing(id)) {
        (Some(job), _) => view! { <JobDetails job/> }.into_any(),
        (None, false) => loading(i18n.t(Msg::Loading)),
        (None, true) => view! { <LeftDevice id/> }.into_any(),
    }
}

fn loading(text: &'static str) -> AnyView {
    view! { <section class="page"><p>{text}</p></section> }.into_any()
}

/// A job not on the device: it is asked of the server (through the sync worker), and shows
/// once it is stored; meanwhile, and when the server cannot give it, its summary if it left
/// the device (finished, kept by the server), else "not found".
#[component]
fn LeftDevice(id: JobId) -> impl IntoView {
    let i18n = use_i18n();
    let jobs = use_jobs();
    let sync = use_sync();
    let summary = RwSignal::new(None::<Option<Summary>>);
    spawn_local(async move {
        summary.try_set(Some(jobs.summary(id).await));
    });
    sync.fetch(id);
    // What the server said of it: `None` while it is asked, then a note (none when sync is
    // not set up).
    let answer = move || match sync.fetched.get() {
        Some((of, fetched)) if of == id => Some(match fetched {
            Fetched::Stored => Some(Msg::Loading),
            Fetched::Unknown => Some(Msg::FetchUnknown),
            Fetched::Failed if sync.report.with(|r| r.badge == Badge::NotSetUp) => None,
            Fetched::Failed => Some(Msg::FetchFailed),
        }),
        _ => None,
    };
    let note = move || {
        let msg = answer().unwrap_or(Some(Msg::FetchingJob))?;
        Some(view! { <p class="hint" role="status">{i18n.t(msg)}</p> })
    };
    move || {
        let Some(found) = summary.get() else {
            return loading(i18n.t(Msg::Loading));
        };
        let Some(s) = found else {
            return match answer() {
                None => loading(i18n.t(Msg::FetchingJob)),
                Some(note) => view! { <NotFound title=Msg::JobNotFound note/> }.into_any(),
            };
        };
        let created = local_date_time(s.created_at, i18n.locale().tag());
        view! {
            <section class="page job">
                <a href="/" class="back">{i18n.t(Msg::BackToJobs)}</a>
                <h1 class="plate">{s.plate.to_string()}</h1>
                <p class="badges">
                    <StateBadge state=s.state/>
                    <AppointmentBadge appointment=s.appointment/>
                    <span class="pill">{i18n.t(Msg::OnServerOnly)}</span>
                </p>
                <p>{i18n.t(DeskMsg::LeftDevice)}</p>
                {note}
                <dl class="facts">
                    <div><dt>{i18n.t(Msg::JobNumber)}</dt><dd>{s.id.short()}</dd></div>
                    <div><dt>{i18n.t(DeskMsg::CreatedAt)}</dt><dd>{created}</dd></div>
                </dl>
            </section>
        }
        .into_any()
    }
}

#[component]
fn JobDetails(job: Job) -> impl IntoView {
    let i18n = use_i18n();
    let when = move |at: Option<chrono::DateTime<chrono::Utc>>| match at {
        Some(at) => local_date_time(at, i18n.locale().tag()),
        None => i18n.t(Msg::NotYet).to_string(),
    };
    let created = job.created_at;
    let arrived = job.arrived_at;
    let greeting = job.greeting_seconds();
    // The entries are read only here (the check-in keeps them as text).
    let history = job.history.entries().unwrap_or_default();
    view! {
        <section class="page job">
            <a href="/" class="back">{i18n.t(Msg::BackToJobs)}</a>
            <h1 class="plate">{job.vehicle.plate.to_string()}</h1>
            <p class="badges">
                <StateBadge state=job.state/>
                <AppointmentBadge appointment=job.is_appointment()/>
            </p>
            <dl class="facts">
                <div><dt>{i18n.t(Msg::JobNumber)}</dt><dd>{job.id.short()}</dd></div>
                <div><dt>{i18n.t(DeskMsg::CreatedAt)}</dt><dd>{when(Some(created))}</dd></div>
                <div><dt>{i18n.t(Msg::ArrivedAt)}</dt><dd>{when(arrived)}</dd></div>
                <div>
                    <dt>{i18n.t(DeskMsg::GreetedAt)}</dt>
                    <dd>{match greeting {
                        Some(s) => i18n.format(Msg::GreetingSeconds, &[("n", &s.to_string())]),
                        None => i18n.t(Msg::NotYet).to_string(),
                    }}</dd>
                </div>
            </dl>
            <Actions job=job.clone()/>
            <h2>{i18n.t(DeskMsg::History)}</h2>
            <ol class="history">
                {history.into_iter().rev().map(|entry| view! { <HistoryRow entry/> }).collect_view()}
            </ol>
        </section>
    }
}

/// The way into the check-in, at the first step not yet done, while the sheet is open; once
/// it is sealed, the repair order (to write, to continue, or as signed) and the customer copy.
#[component]
fn Actions(job: Job) -> impl IntoView {
    let i18n = use_i18n();
    let order = match (job.state, job.order.is_some()) {
        (JobState::CheckedIn, false) => Some((Screen::Diagnosis.href(job.id), Msg::WriteOrder)),
        (JobState::CheckedIn, true) => Some((Screen::Diagnosis.href(job.id), Msg::ContinueOrder)),
        (state, true) if state > JobState::CheckedIn => {
            Some((Screen::Copy.href(job.id), Msg::ShowOrder))
        }
        _ => None,
    };
    let links: Vec<(String, Msg)> = if job.state.check_in_open() {
        vec![(Step::resume(&job).href(job.id), Msg::ContinueCheckIn)]
    } else {
        let copy = job
            .seal
            .is_some()
            .then(|| (copy_href(job.id), Msg::CustomerCopy));
        order.into_iter().chain(copy).collect()
    };
    (!links.is_empty()).then(|| {
        let links = links
            .into_iter()
            .enumerate()
            .map(|(i, (href, label))| {
                let class = if i == 0 { "button primary" } else { "button" };
                view! { <a href=href class=class>{i18n.t(label)}</a> }
            })
            .collect_view();
        // The check-in and the order are pages of their own (own bundles): a full load.
        view! { <div class="actions">{links}</div> }
    })
}

#[component]
fn HistoryRow(entry: Entry) -> impl IntoView {
    let i18n = use_i18n();
    let at = entry.at;
    let label = match &entry.change {
        Change::Command(command) => i18n.t(command_label(command)),
        Change::Order(command) => i18n.t(order_command_label(command)),
    };
    let actor = entry.actor.0;
    view! {
        <li>
            <time>{local_date_time(at, i18n.locale().tag())}</time>
            <span class="what">{label}</span>
            {(!actor.is_empty()).then(|| view! {
                <span class="who">{i18n.t(DeskMsg::By)} " " {actor.clone()}</span>
            })}
        </li>
    }
}
