//! The desk's root (desk.html, the third page): a job's page, a new job, settings and sync,
//! with the same contexts and chrome as the other pages. It moves between its screens with
//! the history API (no router); links to the other pages load those pages.

use crate::platform::location::use_path;
use crate::state::locale::use_i18n;
use crate::state::provide_app_state;
use crate::ui::components::header::{AppHeader, Place};
use crate::ui::components::notices::Notices;
use crate::ui::pages::{
    job_page::JobPage, new_job::NewJobPage, not_found::NotFound, settings::Settings, sync::SyncPage,
};
use lanecheck_domain::JobId;
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq)]
enum Screen {
    NewJob,
    Job(Option<JobId>),
    Settings,
    Sync,
}

#[component]
pub fn DeskApp() -> impl IntoView {
    provide_app_state();
    let i18n = use_i18n();
    let path = use_path();
    let screen = Memo::new(move |_| {
        path.with(|path| match path.trim_end_matches('/') {
            "/new" => Screen::NewJob,
            "/settings" => Screen::Settings,
            "/sync" => Screen::Sync,
            other => Screen::Job(other.strip_prefix("/jobs/").and_then(JobId::parse)),
        })
    });
    let place = Signal::derive(move || match screen.get() {
        Screen::NewJob => Some(Place::NewJob),
        Screen::Settings => Some(Place::Settings),
        Screen::Job(_) | Screen::Sync => None,
    });
    move || {
        i18n.track();
        view! {
            <AppHeader current=place/>
            <Notices/>
            <main id="main" tabindex="-1">
                {move || match screen.get() {
                    Screen::NewJob => view! { <NewJobPage path/> }.into_any(),
                    Screen::Settings => view! { <Settings path/> }.into_any(),
                    Screen::Sync => view! { <SyncPage/> }.into_any(),
                    Screen::Job(Some(id)) => view! { <JobPage id/> }.into_any(),
                    Screen::Job(None) => view! { <NotFound/> }.into_any(),
                }}
            </main>
        }
    }
}
