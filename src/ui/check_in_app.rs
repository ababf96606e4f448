//! The check-in's root: the same contexts and chrome as the app shell, without the router.
//! The check-in is a page of its own (see docs/architecture.md, "Two entry points"); its
//! steps move with the history API, and links to the shell's pages load those pages.

use crate::i18n::Msg;
use crate::platform::location::use_path;
use crate::state::locale::use_i18n;
use crate::state::provide_app_state;
use crate::ui::components::{header::AppHeader, notices::Notices};
use crate::ui::pages::check_in::CheckInPage;
use leptos::prelude::*;

#[component]
pub fn CheckInApp() -> impl IntoView {
    provide_app_state();
    let i18n = use_i18n();
    let path = use_path();
    move || {
        i18n.track();
        view! {
            <AppHeader>
                <a href="/" rel="external">{i18n.t(Msg::NavJobs)}</a>
                <a href="/new" rel="external">{i18n.t(Msg::NavNewJob)}</a>
                <a href="/settings" rel="external">{i18n.t(Msg::NavSettings)}</a>
            </AppHeader>
            <Notices/>
            <main id="main" tabindex="-1">
                <CheckInPage path/>
            </main>
        }
    }
}
