//! The check-in's root (check-in.html): a walk-in's arrival and the check-in's steps, with
//! the same contexts and chrome as the other pages. It is a page of its own (see
//! docs/architecture.md, "Three pages"); it moves with the history API, and links to the
//! other pages load those pages.

use crate::platform::location::use_path;
use crate::state::locale::use_i18n;
use crate::state::provide_app_state;
use crate::ui::components::header::AppHeader;
use crate::ui::components::notices::Notices;
use crate::ui::pages::check_in::{arrive::ArrivePage, CheckInPage};
use leptos::prelude::*;

#[component]
pub fn CheckInApp() -> impl IntoView {
    provide_app_state();
    let i18n = use_i18n();
    let path = use_path();
    // Only a move to another page renders anew; the check-in's steps move within its page.
    let arrive = Memo::new(move |_| path.with(|path| path == "/arrive"));
    move || {
        i18n.track();
        view! {
            <AppHeader current=Signal::stored(None)/>
            <Notices/>
            <main id="main" tabindex="-1">
                {move || match arrive.get() {
                    true => view! { <ArrivePage path/> }.into_any(),
                    false => view! { <CheckInPage path/> }.into_any(),
                }}
            </main>
        }
    }
}
