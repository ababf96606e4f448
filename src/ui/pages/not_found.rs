//! Shown for an unknown address, or a job that is not on the device.

use crate::i18n::Msg;
use crate::state::locale::use_i18n;
use leptos::prelude::*;

#[component]
pub fn NotFound(
    /// What was not found.
    #[prop(default = Msg::NotFound)]
    title: Msg,
    /// Why, or what was tried.
    #[prop(default = None)]
    note: Option<Msg>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page">
            <h1>{i18n.t(title)}</h1>
            {note.map(|note| view! { <p class="hint" role="status">{i18n.t(note)}</p> })}
            <a href="/">{i18n.t(Msg::BackToJobs)}</a>
        </section>
    }
}
