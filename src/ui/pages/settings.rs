//! Settings: the UI language, the advisor's name recorded with every change, the store's own
//! checklist items, and whether the device keeps LaneCheck's storage.

use crate::i18n::{Locale, Msg};
use crate::platform::location::go;
use crate::state::device::use_device;
use crate::state::jobs::use_jobs;
use crate::state::locale::use_i18n;
use lanecheck_domain::store_items::{self, StoreItemsError};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn Settings(
    /// The page's path, to move to the sync page without a reload.
    path: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let jobs = use_jobs();
    let device = use_device();
    let on_language = move |ev| {
        let chosen = event_target_value(&ev);
        if let Some(locale) = Locale::ALL.into_iter().find(|l| l.tag() == chosen) {
            i18n.set(locale);
        }
    };
    let on_advisor = move |ev| {
        let name = event_target_value(&ev);
        spawn_local(async move {
            let _ = jobs.set_advisor(name).await;
        });
    };
    let (items_error, set_items_error) = signal(None::<String>);
    let on_items = move |ev| {
        let text = event_target_value(&ev);
        match store_items::parse(&text) {
            Ok(items) => {
                set_items_error.set(None);
                spawn_local(async move {
                    let _ = jobs.set_store_items(items).await;
                });
            }
            // What was typed stays in the field; the stored items stay as they were.
            Err(err) => set_items_error.set(Some(match err {
                StoreItemsError::TooLong { line } => {
                    i18n.format(Msg::StoreItemsTooLong, &[("n", &line.to_string())])
                }
                StoreItemsError::TooMany => i18n.t(Msg::StoreItemsTooMany).to_string(),
            })),
        }
    };
    let storage = move || match device.persistent.get() {
        Some(true) => i18n.t(Msg::StoragePersistent),
        Some(false) => i18n.t(Msg::StorageBestEffort),
        None => i18n.t(Msg::Loading),
    };
    view! {
        <section class="page">
            <h1>{i18n.t(Msg::SettingsTitle)}</h1>
            <div class="field">
                <label for="language">{i18n.t(Msg::LanguageLabel)}</label>
                <select id="language" on:change=on_language>
                    {Locale::ALL.into_iter().map(|locale| view! {
                        <option value=locale.tag() selected=i18n.locale() == locale>
                            {locale.native_name()}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="advisor">{i18n.t(Msg::AdvisorLabel)}</label>
                <input id="advisor" type="text" autocomplete="name" aria-describedby="advisor-hint"
                    prop:value=move || jobs.advisor.get() on:change=on_advisor/>
                <p id="advisor-hint" class="hint">{i18n.t(Msg::AdvisorHint)}</p>
            </div>
            <div class="field">
                <label for="store-items">{i18n.t(Msg::StoreItemsLabel)}</label>
                <textarea id="store-items" rows="4" aria-describedby="store-items-hint store-items-error"
                    aria-invalid=move || items_error.with(Option::is_some).then_some("true")
                    prop:value=move || jobs.store_items.with(|items| items.join("\n")) on:change=on_items></textarea>
                <p id="store-items-hint" class="hint">{i18n.t(Msg::StoreItemsHint)}</p>
                <p id="store-items-error" class="error" role="alert">{items_error}</p>
            </div>
            <p><a href="/sync" class="button" on:click=move |ev| {
                ev.prevent_default();
                go(path, "/sync");
            }>{i18n.t(Msg::NavSync)}</a></p>
            <dl class="facts">
                <div><dt>{i18n.t(Msg::StorageLabel)}</dt><dd>{storage}</dd></div>
                <div><dt>{i18n.t(Msg::AppVersionLabel)}</dt><dd>{env!("CARGO_PKG_VERSION")}</dd></div>
            </dl>
        </section>
    }
}
