//! Banners for what the advisor must know at once: storage failures (never a silent loss), a
//! newer app version in another tab, and an available update.

use crate::i18n::Msg;
use crate::state::device::use_device;
use crate::state::jobs::use_jobs;
use crate::state::locale::use_i18n;
use crate::storage::StoreError;
use leptos::prelude::*;

fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

#[component]
pub fn Notices() -> impl IntoView {
    let i18n = use_i18n();
    let jobs = use_jobs();
    let device = use_device();
    let storage = move || {
        jobs.storage_error.get().map(|err| {
            let msg = match err {
                StoreError::QuotaExceeded => Msg::BannerQuota,
                StoreError::VersionChange => Msg::BannerNewerTab,
                StoreError::Corrupt(_) => Msg::BannerCorrupt,
                StoreError::Unavailable(_) => Msg::BannerUnavailable,
                StoreError::Stale => Msg::BannerStale,
            };
            view! {
                <div class="notice error" role="alert">
                    <p>{i18n.t(msg)}</p>
                    <button type="button" on:click=move |_| jobs.storage_error.set(None)>
                        {i18n.t(Msg::Dismiss)}
                    </button>
                </div>
            }
        })
    };
    let superseded =
        move || {
            jobs.superseded.get().then(|| view! {
            <div class="notice warn" role="alert">
                <p>{i18n.t(Msg::BannerNewerTab)}</p>
                <button type="button" on:click=move |_| reload()>{i18n.t(Msg::Reload)}</button>
            </div>
        })
        };
    let update = move || {
        device.update_available().then(|| view! {
            <div class="notice info" role="status">
                <p>{i18n.t(Msg::BannerUpdate)}</p>
                <button type="button" on:click=move |_| device.apply_update()>{i18n.t(Msg::Reload)}</button>
            </div>
        })
    };
    view! { <div class="notices">{storage}{superseded}{update}</div> }
}
