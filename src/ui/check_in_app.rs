//! The root of the check-in's four pages: check-in.html (a walk-in's arrival, the arrival,
//! the customer and the covers), inspect.html (checklist, valuables, concerns), damage.html
//! (the damage diagram) and sign.html (the review with the signature, and the customer copy),
//! with the same contexts and chrome as the other pages. Each is a page of its own (see
//! docs/architecture.md, "Pages"); it moves with the history API, and links to the other
//! pages load those pages.

use crate::platform::location::use_path;
use crate::state::locale::use_i18n;
use crate::state::provide_app_state;
use crate::ui::components::header::AppHeader;
use crate::ui::components::notices::Notices;
use crate::ui::pages::check_in::{CheckInPage, Screens};
use leptos::prelude::*;

#[component]
pub fn CheckInApp(
    /// The screens of this check-in page: the steps' or signing's.
    screens: Screens,
) -> impl IntoView {
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
                    true => (screens.arrive)(path),
                    false => view! { <CheckInPage path screens/> }.into_any(),
                }}
            </main>
        }
    }
}
