//! The root of the repair order's six pages (order.html: diagnosis and details;
//! estimate.html: the estimate; order-sign.html: signing; signed.html: the signed order's
//! copy; add-ons.html: the add-ons' lines; approval.html: their answers), with the same contexts and chrome as the other pages. Each is a page of
//! its own (see docs/architecture.md, "Pages"); it moves between its screens with the history
//! API, and links to the other pages load those pages.

use crate::platform::location::use_path;
use crate::state::locale::use_i18n;
use crate::state::provide_app_state;
use crate::ui::components::header::AppHeader;
use crate::ui::components::notices::Notices;
use crate::ui::pages::order::{OrderPage, Screens};
use leptos::prelude::*;

#[component]
pub fn OrderApp(
    /// The screens of this order page.
    screens: Screens,
) -> impl IntoView {
    provide_app_state();
    let i18n = use_i18n();
    let path = use_path();
    move || {
        i18n.track();
        view! {
            <AppHeader current=Signal::stored(None)/>
            <Notices/>
            <main id="main" tabindex="-1">
                <OrderPage path screens/>
            </main>
        }
    }
}
