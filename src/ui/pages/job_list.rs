//! The job list: the newest jobs on the device, a window at a time, searchable by plate or
//! VIN. It reads summaries only (`Jobs::list`), never the jobs themselves. A search that the
//! device answers whole is also asked of the server (through the sync worker), which lists
//! the store's jobs the device does not hold.

use crate::i18n::Msg;
use crate::platform::clock::local_date_time;
use crate::state::jobs::use_jobs;
use crate::state::locale::use_i18n;
use crate::state::sync::use_sync;
use crate::ui::components::badges::{AppointmentBadge, JobSyncBadge, StateBadge};
use chrono::{DateTime, Utc};
use lanecheck_domain::summary::{ListPage, ListQuery};
use lanecheck_domain::{JobId, JobState};
use lanecheck_sync::report::Badge;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Jobs shown at first, and added by each "show more".
const WINDOW: usize = 30;

#[component]
pub fn JobList() -> impl IntoView {
    let i18n = use_i18n();
    let jobs = use_jobs();
    let sync = use_sync();
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
                // Every match on the device is shown: the server may hold others (jobs
                // that left the device, or came before it did).
                if !wanted.term.is_empty() && !found.more {
                    sync.search(wanted.term.clone());
                }
                page.try_set(Some(found));
            }
        });
    });
    let on_server = move || {
        let term = ListQuery::new(&query.get(), 0).term;
        let (answered, found) = sync.found.get()?;
        if term.is_empty() || answered != term {
            return None;
        }
        let Some(found) = found else {
            let set_up = sync.report.with(|r| r.badge != Badge::NotSetUp);
            return set_up.then(|| {
                view! { <p class="hint">{i18n.t(Msg::ServerNotSearched)}</p> }.into_any()
            });
        };
        let shown = page.with(|p| {
            p.as_ref()
                .map(|p| p.summaries.iter().map(|s| s.id).collect::<Vec<_>>())
                .unwrap_or_default()
        });
        let cards: Vec<_> = found
            .jobs()
            .unwrap_or_default()
            .into_iter()
            .filter(|f| !shown.contains(&f.id))
            .filter_map(|f| {
                let created = DateTime::from_timestamp_millis(f.created_at)?;
                Some(view! {
                    <JobCard id=f.id plate=f.plate state=f.state appointment=f.appointment created
                        pill=Some(Msg::OnServer)/>
                })
            })
            .collect();
        (!cards.is_empty()).then(|| {
            view! {
                <h2>{i18n.t(Msg::FoundOnServer)}</h2>
                <ul class="job-list">{cards}</ul>
            }
            .into_any()
        })
    };
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
                {summaries.into_iter().map(|s| view! {
                    <JobCard id=s.id plate=s.plate.to_string() state=s.state appointment=s.appointment
                        created=s.created_at pill=(!s.on_device).then_some(Msg::OnServerOnly)/>
                }).collect_view()}
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
            {on_server}
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

/// A job in the list: one on the device (or its summary), or one the server found.
#[component]
fn JobCard(
    id: JobId,
    plate: String,
    state: JobState,
    appointment: bool,
    created: DateTime<Utc>,
    /// Where the job is when it is not (whole) on the device (then it has no sync state).
    pill: Option<Msg>,
) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/jobs/{id}");
    view! {
        <li>
            <a href=href class="job-card">
                <span class="plate">{plate}</span>
                <span class="badges">
                    <StateBadge state/>
                    <AppointmentBadge appointment/>
                    {match pill {
                        Some(pill) => view! { <span class="pill">{i18n.t(pill)}</span> }.into_any(),
                        None => view! { <JobSyncBadge id/> }.into_any(),
                    }}
                </span>
                <span class="meta">
                    {i18n.t(Msg::JobNumber)} " " {id.short()} " · "
                    <time>{local_date_time(created, i18n.locale().tag())}</time>
                </span>
            </a>
        </li>
    }
}
