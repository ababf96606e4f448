//! The job list: the newest jobs on the device, a window at a time, searchable by plate or
//! VIN. It reads summaries only (`Jobs::list`), never the jobs themselves.

use crate::i18n::Msg;
use crate::platform::clock::local_date_time;
use crate::state::jobs::use_jobs;
use crate::state::locale::use_i18n;
use crate::ui::components::badges::{AppointmentBadge, JobSyncBadge, StateBadge};
use lanecheck_domain::summary::{ListPage, ListQuery, Summary};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Jobs shown at first, and added by each "show more".
const WINDOW: usize = 30;

#[component]
pub fn JobList() -> impl IntoView {
    let i18n = use_i18n();
    let jobs = use_jobs();
    let (query, set_query) = signal(String::new());
    let limit = RwSignal::new(WINDOW);
    let page = RwSignal::new(None::<ListPage>);
    // The window is read again when the search, its size or a stored job changes; an answer
    // that arrives after a newer question was asked is dropped.
    let asked = StoredValue::new(0u32);
    Effect::new(move |_| {
        let wanted = ListQuery::new(&query.get(), limit.get());
        jobs.changes.track();
        if !jobs.loaded.get() {
            return;
        }
        asked.update_value(|n| *n += 1);
        let mine = asked.get_value();
        spawn_local(async move {
            let found = jobs.list(&wanted).await.unwrap_or_default();
            if asked.try_get_value() == Some(mine) {
                page.try_set(Some(found));
            }
        });
    });
    let body = move || {
        let Some(ListPage { summaries, more }) = page.get() else {
            return view! { <p class="empty">{i18n.t(Msg::Loading)}</p> }.into_any();
        };
        if summaries.is_empty() {
            if query.with(String::is_empty) {
                return view! {
                    <div class="empty">
                        <p>{i18n.t(Msg::NoJobs)}</p>
                        <a href="/new" class="button primary">{i18n.t(Msg::NewJobTitle)}</a>
                    </div>
                }
                .into_any();
            }
            return view! { <p class="empty">{i18n.t(Msg::NoMatches)}</p> }.into_any();
        }
        let n = summaries.len().to_string();
        let count = i18n.format(
            if more { Msg::JobsNewest } else { Msg::JobCount },
            &[("n", &n)],
        );
        let show_more = more.then(|| {
            view! {
                <button type="button" class="button wide" on:click=move |_| limit.update(|l| *l += WINDOW)>
                    {i18n.t(Msg::ShowMore)}
                </button>
            }
        });
        view! {
            <p class="count">{count}</p>
            <ul class="job-list">
                {summaries.into_iter().map(|summary| view! { <JobCard summary/> }).collect_view()}
            </ul>
            {show_more}
        }
        .into_any()
    };
    view! {
        <section class="page">
            <h1>{i18n.t(Msg::NavJobs)}</h1>
            // One tap when a walk-in drives up: the greeting clock starts here, the plate
            // follows on the next screen (the check-in page's `/arrive`).
            <a href="/arrive" class="button primary wide arrive" on:click=|_| record_arrival()>
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
                    on:input=move |ev| {
                        limit.set(WINDOW);
                        set_query.set(event_target_value(&ev));
                    }
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
fn JobCard(summary: Summary) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/jobs/{}", summary.id);
    let created = summary.created_at;
    view! {
        <li>
            <a href=href class="job-card">
                <span class="plate">{summary.plate.to_string()}</span>
                <span class="badges">
                    <StateBadge state=summary.state/>
                    <AppointmentBadge appointment=summary.appointment/>
                    <JobSyncBadge id=summary.id/>
                    {(!summary.on_device).then(|| view! { <span class="pill">{i18n.t(Msg::OnServerOnly)}</span> })}
                </span>
                <span class="meta">
                    {i18n.t(Msg::JobNumber)} " " {summary.id.short()} " · "
                    <time>{local_date_time(created, i18n.locale().tag())}</time>
                </span>
            </a>
        </li>
    }
}
