//! One job: its state, key data, the next lifecycle actions available here, and the history
//! of every change with its time and advisor.

use crate::i18n::{command_label, domain_error, Msg};
use crate::platform::clock::local_date_time;
use crate::state::jobs::{use_jobs, ChangeError};
use crate::state::locale::use_i18n;
use crate::ui::components::badges::{AppointmentBadge, StateBadge};
use lanecheck_domain::job::HistoryEntry;
use lanecheck_domain::{Command, Job, JobId, JobState, Visit};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn JobPage() -> impl IntoView {
    let i18n = use_i18n();
    let jobs = use_jobs();
    let params = use_params_map();
    let job = move || {
        let id = params.with(|p| p.get("id").and_then(|s| JobId::parse(&s)))?;
        jobs.job(id)
    };
    move || {
        if !jobs.loaded.get() {
            return view! { <section class="page"><p>{i18n.t(Msg::Loading)}</p></section> }
                .into_any();
        }
        match job() {
            Some(job) => view! { <JobDetails job/> }.into_any(),
            None => view! {
                <section class="page">
                    <h1>{i18n.t(Msg::JobNotFound)}</h1>
                    <A href="/">{i18n.t(Msg::BackToJobs)}</A>
                </section>
            }
            .into_any(),
        }
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
    let history = job.history.clone();
    view! {
        <section class="page job">
            <A href="/" attr:class="back">{i18n.t(Msg::BackToJobs)}</A>
            <h1 class="plate">{job.vehicle.plate.to_string()}</h1>
            <p class="badges">
                <StateBadge state=job.state/>
                <AppointmentBadge appointment=job.is_appointment()/>
            </p>
            <dl class="facts">
                <div><dt>{i18n.t(Msg::JobNumber)}</dt><dd>{job.id.short()}</dd></div>
                <div><dt>{i18n.t(Msg::CreatedAt)}</dt><dd>{when(Some(created))}</dd></div>
                <div><dt>{i18n.t(Msg::ArrivedAt)}</dt><dd>{when(arrived)}</dd></div>
                <div>
                    <dt>{i18n.t(Msg::GreetedAt)}</dt>
                    <dd>{match greeting {
                        Some(s) => i18n.format(Msg::GreetingSeconds, &[("n", &s.to_string())]),
                        None => i18n.t(Msg::NotYet).to_string(),
                    }}</dd>
                </div>
            </dl>
            <Actions job=job.clone()/>
            <h2>{i18n.t(Msg::History)}</h2>
            <ol class="history">
                {history.into_iter().rev().map(|entry| view! { <HistoryRow entry/> }).collect_view()}
            </ol>
        </section>
    }
}

/// The lifecycle steps this screen offers for the job's current state.
#[component]
fn Actions(job: Job) -> impl IntoView {
    let i18n = use_i18n();
    let jobs = use_jobs();
    let (error, set_error) = signal(None::<String>);
    let id = job.id;
    let run = move |command: Command| {
        set_error.set(None);
        spawn_local(async move {
            if let Err(ChangeError::Refused(err)) = jobs.dispatch(id, command).await {
                set_error.set(Some(domain_error(i18n.locale(), &err)));
            }
        });
    };
    let mut buttons: Vec<(Msg, Command)> = Vec::new();
    if job.state == JobState::Booked {
        buttons.push((Msg::CarArrived, Command::Arrive));
    }
    if job.arrived_at.is_some() && job.greeted_at.is_none() {
        buttons.push((Msg::CustomerGreeted, Command::Greet));
    }
    if job.visit == Visit::WalkIn && !job.told_about_appointments {
        buttons.push((Msg::TellAppointments, Command::ToldAboutAppointments));
    }
    if job.state == JobState::Arrived {
        buttons.push((Msg::StartInspection, Command::StartInspection));
    }
    let told = job.told_about_appointments;
    view! {
        <div class="actions">
            {buttons.into_iter().map(|(msg, command)| view! {
                <button type="button" class="primary" on:click=move |_| run(command.clone())>
                    {i18n.t(msg)}
                </button>
            }).collect_view()}
            {told.then(|| view! { <p class="done">{i18n.t(Msg::ToldAppointments)}</p> })}
            <p class="error" role="alert">{error}</p>
        </div>
    }
}

#[component]
fn HistoryRow(entry: HistoryEntry) -> impl IntoView {
    let i18n = use_i18n();
    let at = entry.at;
    let label = command_label(&entry.command);
    let actor = entry.actor.0;
    view! {
        <li>
            <time>{local_date_time(at, i18n.locale().tag())}</time>
            <span class="what">{i18n.t(label)}</span>
            {(!actor.is_empty()).then(|| view! {
                <span class="who">{i18n.t(Msg::By)} " " {actor.clone()}</span>
            })}
        </li>
    }
}
