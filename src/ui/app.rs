//! The app root: contexts, the shell (header, notices) and the routes.

use crate::i18n::Msg;
use crate::state::locale::use_i18n;
use crate::state::provide_app_state;
use crate::ui::components::{header::AppHeader, notices::Notices};
use crate::ui::pages::{
    job_list::JobList, job_page::JobPage, new_job::NewJobPage, not_found::NotFound,
};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    provide_app_state();
    let i18n = use_i18n();
    view! {
        <Router>
            {move || {
                // Re-render everything on a language switch; see `I18n`.
                i18n.track();
                view! {
                    <AppHeader>
                        <A href="/" exact=true>{i18n.t(Msg::NavJobs)}</A>
                        <A href="/new">{i18n.t(Msg::NavNewJob)}</A>
                        <a href="/settings" rel="external">{i18n.t(Msg::NavSettings)}</a>
                    </AppHeader>
                    <Notices/>
                    <main id="main" tabindex="-1">
                        <Routes fallback=|| view! { <NotFound/> }>
                            <Route path=path!("/") view=JobList/>
                            <Route path=path!("/new") view=NewJobPage/>
                            <Route path=path!("/jobs/:id") view=JobPage/>
                        </Routes>
                    </main>
                }
            }}
        </Router>
    }
}
