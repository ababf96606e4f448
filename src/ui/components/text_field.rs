//! A labelled text input with its hint, its error (which marks the input invalid) and its
//! warning, each announced next to the field.

use leptos::prelude::*;

#[component]
pub fn TextField(
    /// The input's id; the label, hint and messages hang off it.
    id: &'static str,
    /// The visible label.
    label: &'static str,
    /// What is typed.
    value: RwSignal<String>,
    /// Shown under the field, always.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Why the value is refused.
    #[prop(into, optional)]
    error: Signal<Option<String>>,
    /// A caution that does not block saving.
    #[prop(into, optional)]
    warning: Signal<Option<String>>,
    /// `text`, `tel`, …
    #[prop(default = "text")]
    kind: &'static str,
    /// The on-screen keyboard to offer (`numeric`, …).
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// Extra class on the input.
    #[prop(optional)]
    class: Option<&'static str>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id type=kind class=class inputmode=inputmode autocomplete="off" spellcheck="false"
                aria-describedby=format!("{id}-hint {id}-error {id}-warning")
                aria-invalid=move || error.with(Option::is_some).to_string()
                prop:value=value
                on:input=move |ev| value.set(event_target_value(&ev))/>
            {hint.map(|h| view! { <p id=format!("{id}-hint") class="hint">{h}</p> })}
            <p id=format!("{id}-error") class="error" role="alert">{error}</p>
            <p id=format!("{id}-warning") class="warning" role="status">{warning}</p>
        </div>
    }
}
