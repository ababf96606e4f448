//! Shown for an unknown address.

use crate::i18n::Msg;
use crate::state::locale::use_i18n;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page">
            <h1>{i18n.t(Msg::NotFound)}</h1>
            <A href="/">{i18n.t(Msg::BackToJobs)}</A>
        </section>
    }
}
