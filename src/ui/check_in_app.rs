//! The second entry point's root: a walk-in's arrival, the check-in, settings and sync, with the same contexts and
//! chrome as the app shell and without the router. It is a page of its own (see
//! docs/architecture.md, "Two entry points"); it moves with the history API, and links to the
//! shell's pages load those pages.

use crate::i18n::Msg;
use crate::platform::location::use_path;
use crate::state::locale::use_i18n;
use crate::state::provide_app_state;
use crate::ui::components::{header::AppHeader, notices::Notices};
use crate::ui::pages::check_in::{arrive::ArrivePage, CheckInPage};
use crate::ui::pages::{settings::Settings, sync::SyncPage};
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq)]
enum Page {
    Arrive,
    CheckIn,
    Settings,
    Sync,
}

#[component]
pub fn CheckInApp() -> impl IntoView {
    provide_app_state();
    let i18n = use_i18n();
    let path = use_path();
    // Only a move to another page renders anew; the check-in's steps move within its page.
    let page = Memo::new(move |_| match path.get().as_str() {
        "/settings" => Page::Settings,
        "/sync" => Page::Sync,
        "/arrive" => Page::Arrive,
        _ => Page::CheckIn,
    });
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
                {move || match page.get() {
                    Page::Settings => view! { <Settings path/> }.into_any(),
                    Page::Sync => view! { <SyncPage/> }.into_any(),
                    Page::Arrive => view! { <ArrivePage path/> }.into_any(),
                    Page::CheckIn => view! { <CheckInPage path/> }.into_any(),
                }}
            </main>
        }
    }
}
