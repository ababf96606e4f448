//! Settings: the UI language, the advisor's name recorded with every change, the store's own
//! checklist items, and whether the device keeps LaneCheck's storage.

use crate::i18n::desk_text::DeskMsg;
use crate::i18n::{Locale, Msg};
use crate::platform::location::go;
use crate::state::device::use_device;
use crate::state::drafts::use_drafts;
use crate::state::jobs::use_jobs;
use crate::state::locale::use_i18n;
use crate::storage::KEEP_DAYS_KEY;
use lanecheck_domain::retention::{parse_keep_days, KEEP_DAYS};
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
    // Typed text is a draft until it is saved (the stored values arrive after the page opens).
    let drafts = use_drafts();
    drafts.enter("settings".into());
    let on_language = move |ev| {
        let chosen = event_target_value(&ev);
        if let Some(locale) = Locale::ALL.into_iter().find(|l| l.tag() == chosen) {
            i18n.set(locale);
        }
    };
    let save_advisor = move |name: String| {
        spawn_local(async move {
            if jobs.set_advisor(name).await.is_ok() {
                drafts.forget("advisor");
            }
        });
    };
    let on_advisor = move |ev| save_advisor(event_target_value(&ev));
    let (items_error, set_items_error) = signal(None::<String>);
    let save_items = move |text: String| {
        match store_items::parse(&text) {
            Ok(items) => {
                set_items_error.set(None);
                spawn_local(async move {
                    if jobs.set_store_items(items).await.is_ok() {
                        drafts.forget("items");
                    }
                });
            }
            // What was typed stays in the field; the stored items stay as they were.
            Err(err) => set_items_error.set(Some(match err {
                StoreItemsError::TooLong { line } => {
                    i18n.format(DeskMsg::StoreItemsTooLong, &[("n", &line.to_string())])
                }
                StoreItemsError::TooMany => i18n.t(DeskMsg::StoreItemsTooMany).to_string(),
            })),
        }
    };
    let on_items = move |ev| save_items(event_target_value(&ev));
    // Days finished jobs stay on the device; the stored value arrives after the page opens.
    let keep_days = RwSignal::new(KEEP_DAYS.to_string());
    let (keep_error, set_keep_error) = signal(None::<String>);
    let save_keep_days = move |text: String| match parse_keep_days(&text) {
        Ok(days) => {
            set_keep_error.set(None);
            spawn_local(async move {
                if jobs
                    .save_meta(KEEP_DAYS_KEY, &days.to_string())
                    .await
                    .is_ok()
                {
                    keep_days.set(days.to_string());
                    drafts.forget("keep_days");
                }
            });
        }
        Err(_) => set_keep_error.set(Some(i18n.t(DeskMsg::KeepDaysInvalid).to_string())),
    };
    let on_keep_days = move |ev| save_keep_days(event_target_value(&ev));
    // A draft left by a closed page is saved once storage is open, if it is valid.
    Effect::new(move |_| {
        if jobs.loaded.get() {
            spawn_local(async move {
                if let Some(days) = jobs.meta(KEEP_DAYS_KEY).await {
                    keep_days.try_set(days);
                }
                if let Some(text) = drafts.kept("keep_days") {
                    save_keep_days(text);
                }
            });
            if let Some(name) = drafts.kept("advisor") {
                save_advisor(name);
            }
            if let Some(text) = drafts.kept("items") {
                save_items(text);
            }
        }
    });
    let storage = move || match device.persistent.get() {
        Some(true) => i18n.t(DeskMsg::StoragePersistent),
        Some(false) => i18n.t(DeskMsg::StorageBestEffort),
        None => i18n.t(Msg::Loading),
    };
    view! {
        <section class="page">
            <h1>{i18n.t(DeskMsg::SettingsTitle)}</h1>
            <div class="field">
                <label for="language">{i18n.t(DeskMsg::LanguageLabel)}</label>
                <select id="language" on:change=on_language>
                    {Locale::ALL.into_iter().map(|locale| view! {
                        <option value=locale.tag() selected=i18n.locale() == locale>
                            {locale.native_name()}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="advisor">{i18n.t(DeskMsg::AdvisorLabel)}</label>
                <input id="advisor" type="text" autocomplete="name" aria-describedby="advisor-hint"
                    prop:value=move || drafts.kept("advisor").unwrap_or_else(|| jobs.advisor.get())
                    on:input=move |ev| drafts.keep("advisor", &event_target_value(&ev)) on:change=on_advisor/>
                <p id="advisor-hint" class="hint">{i18n.t(DeskMsg::AdvisorHint)}</p>
            </div>
            <div class="field">
                <label for="store-items">{i18n.t(DeskMsg::StoreItemsLabel)}</label>
                <textarea id="store-items" rows="4" aria-describedby="store-items-hint store-items-error"
                    aria-invalid=move || items_error.with(Option::is_some).then_some("true")
                    prop:value=move || drafts.kept("items").unwrap_or_else(|| jobs.store_items.with(|items| items.join("\n")))
                    on:input=move |ev| drafts.keep("items", &event_target_value(&ev)) on:change=on_items></textarea>
                <p id="store-items-hint" class="hint">{i18n.t(DeskMsg::StoreItemsHint)}</p>
                <p id="store-items-error" class="error" role="alert">{items_error}</p>
            </div>
            <div class="field">
                <label for="keep-days">{i18n.t(DeskMsg::KeepDaysLabel)}</label>
                <input id="keep-days" type="text" inputmode="numeric" aria-describedby="keep-days-hint keep-days-error"
                    aria-invalid=move || keep_error.with(Option::is_some).then_some("true")
                    prop:value=move || drafts.kept("keep_days").unwrap_or_else(|| keep_days.get())
                    on:input=move |ev| drafts.keep("keep_days", &event_target_value(&ev)) on:change=on_keep_days/>
                <p id="keep-days-hint" class="hint">{i18n.t(DeskMsg::KeepDaysHint)}</p>
                <p id="keep-days-error" class="error" role="alert">{keep_error}</p>
            </div>
            <p><a href="/sync" class="button" on:click=move |ev| {
                ev.prevent_default();
                go(path, "/sync");
            }>{i18n.t(DeskMsg::NavSync)}</a></p>
            <dl class="facts">
                <div><dt>{i18n.t(DeskMsg::StorageLabel)}</dt><dd>{storage}</dd></div>
                <div><dt>{i18n.t(DeskMsg::AppVersionLabel)}</dt><dd>{env!("CARGO_PKG_VERSION")}</dd></div>
            </dl>
        </section>
    }
}
