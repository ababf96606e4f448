//! The paper a copy is printed on (A4 or an 80 mm receipt slip, which sets the printed page
//! size through the copy's class) and the print button: the check-in's customer copy and the
//! signed repair order share them.

use crate::i18n::Msg;
use crate::state::locale::use_i18n;
use leptos::prelude::*;

#[component]
pub fn PaperChoice(
    /// Whether the 80 mm slip is chosen.
    receipt: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let paper = [(false, Msg::PaperA4), (true, Msg::PaperReceipt)]
        .map(|(narrow, label)| {
            view! {
                <label>
                    <input type="radio" name="paper" checked=move || receipt.get() == narrow
                        on:change=move |_| receipt.set(narrow)/>
                    {i18n.t(label)}
                </label>
            }
        })
        .collect_view();
    let print = move |_| {
        // Printing waits for the paper choice to reach the page.
        request_animation_frame(|| {
            let _ = window().print();
        })
    };
    view! {
        <fieldset class="segmented">
            <legend>{i18n.t(Msg::Paper)}</legend>
            {paper}
        </fieldset>
        <button type="button" class="primary wide" on:click=print>{i18n.t(Msg::Print)}</button>
    }
}
