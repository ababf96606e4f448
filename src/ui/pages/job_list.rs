//! The job list: every job on the device, newest first, searchable by plate.

use crate::i18n::Msg;
use crate::platform::clock::local_date_time;
use crate::state::jobs::use_jobs;
use crate::state::locale::use_i18n;
use crate::ui::components::badges::{AppointmentBadge, JobSyncBadge, StateBadge};
use lanecheck_domain::plate::normalise;
use lanecheck_domain::Job;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn JobList() -> impl IntoView {
    let i18n = use_i18n();
    let jobs = use_jobs();
    let (query, set_query) = signal(String::new());
    let shown = move || {
        let wanted = normalise(&query.get());
        jobs.list.with(|list| {
            list.iter()
                .filter(|job| job.vehicle.plate.as_str().contains(&wanted))
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let body = move || {
        if !jobs.loaded.get() {
            return view! { <p class="empty">{i18n.t(Msg::Loading)}</p> }.into_any();
        }
        if jobs.list.with(Vec::is_empty) {
            return view! {
                <div class="empty">
                    <p>{i18n.t(Msg::NoJobs)}</p>
                    <A href="/new" attr:class="button primary">{i18n.t(Msg::NewJobTitle)}</A>
                </div>
            }
            .into_any();
        }
        let shown = shown();
        if shown.is_empty() {
            return view! { <p class="empty">{i18n.t(Msg::NoMatches)}</p> }.into_any();
        }
        let count = i18n.format(Msg::JobCount, &[("n", &shown.len().to_string())]);
        view! {
            <p class="count">{count}</p>
            <ul class="job-list">
                {shown.into_iter().map(|job| view! { <JobCard job/> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="page">
            <h1>{i18n.t(Msg::NavJobs)}</h1>
            // One tap when a walk-in drives up: the greeting clock starts here, the plate
            // follows on the next screen (the check-in page's `/arrive`).
            <a href="/arrive" rel="external" class="button primary wide arrive" on:click=|_| record_arrival()>
                {i18n.t(Msg::WalkInArrived)}
            </a>
            <div class="field">
                <label for="plate-search">{i18n.t(Msg::SearchPlate)}</label>
                <input
                    id="plate-search"
                    type="search"
                    autocomplete="off"
                    autocapitalize="characters"
                    prop:value=query
                    on:input=move |ev| set_query.set(event_target_value(&ev))
                />
            </div>
            {body}
        </section>
    }
}

/// Records this instant as the arrival the `/arrive` screen times the greeting from.
fn record_arrival() {
    if let Some(store) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let now = crate::platform::clock::now().timestamp_millis().to_string();
        for field in ["greeted", "plate"] {
            let _ = store.remove_item(&format!("draft:arrive:{field}"));
        }
        let _ = store.set_item("draft:arrive:at", &now);
    }
}

#[component]
fn JobCard(job: Job) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/jobs/{}", job.id);
    let created = job.created_at;
    view! {
        <li>
            <A href=href attr:class="job-card">
                <span class="plate">{job.vehicle.plate.to_string()}</span>
                <span class="badges">
                    <StateBadge state=job.state/>
                    <AppointmentBadge appointment=job.is_appointment()/>
                    <JobSyncBadge id=job.id/>
                </span>
                <span class="meta">
                    {i18n.t(Msg::JobNumber)} " " {job.id.short()} " · "
                    <time>{local_date_time(created, i18n.locale().tag())}</time>
                </span>
            </A>
        </li>
    }
}
