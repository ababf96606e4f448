//! The app shell's root (index.html): the job list, the page a phone loads first. It has
//! no router: every other address is a page of its own (docs/architecture.md, "Three
//! pages"), and the server and the service worker answer them with that page.

use crate::state::locale::use_i18n;
use crate::state::provide_app_state;
use crate::ui::components::header::{AppHeader, Place};
use crate::ui::components::notices::Notices;
use crate::ui::pages::{job_list::JobList, not_found::NotFound};
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    provide_app_state();
    let i18n = use_i18n();
    let home = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .is_some_and(|path| path == "/" || path == "/index.html");
    move || {
        // Re-render everything on a language switch; see `I18n`.
        i18n.track();
        view! {
            <AppHeader current=Signal::stored(home.then_some(Place::Jobs))/>
            <Notices/>
            <main id="main" tabindex="-1">
                {if home { view! { <JobList/> }.into_any() } else { view! { <NotFound/> }.into_any() }}
            </main>
        }
    }
}
