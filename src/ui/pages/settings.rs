//! Settings: the UI language, the advisor's name recorded with every change, and whether the
//! device keeps LaneCheck's storage.

use crate::i18n::{Locale, Msg};
use crate::state::device::use_device;
use crate::state::jobs::use_jobs;
use crate::state::locale::use_i18n;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn Settings() -> impl IntoView {
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
            <dl class="facts">
                <div><dt>{i18n.t(Msg::StorageLabel)}</dt><dd>{storage}</dd></div>
                <div><dt>{i18n.t(Msg::AppVersionLabel)}</dt><dd>{env!("CARGO_PKG_VERSION")}</dd></div>
            </dl>
        </section>
    }
}
