//! The top bar: app name, navigation, connectivity and whether the last change was saved.

use crate::i18n::Msg;
use crate::state::device::use_device;
use crate::state::jobs::{use_jobs, SaveStatus};
use crate::state::locale::use_i18n;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn AppHeader() -> impl IntoView {
    let i18n = use_i18n();
    let device = use_device();
    let jobs = use_jobs();
    let status = move || match jobs.status.get() {
        SaveStatus::Saving => i18n.t(Msg::Saving),
        SaveStatus::Saved => i18n.t(Msg::Saved),
        SaveStatus::Idle | SaveStatus::Failed => "",
    };
    view! {
        <a class="skip" href="#main">{i18n.t(Msg::SkipToContent)}</a>
        <header class="bar">
            <A href="/" attr:class="brand">{i18n.t(Msg::AppName)}</A>
            <p class="save-status" role="status">
                {move || (!device.online.get()).then(|| view! {
                    <span class="pill offline">{i18n.t(Msg::Offline)}</span>
                })}
                <span>{status}</span>
            </p>
            <nav aria-label=i18n.t(Msg::AppName)>
                <A href="/" exact=true>{i18n.t(Msg::NavJobs)}</A>
                <A href="/new">{i18n.t(Msg::NavNewJob)}</A>
                <A href="/settings">{i18n.t(Msg::NavSettings)}</A>
            </nav>
        </header>
    }
}
