//! The top bar: app name, the navigation between the pages (each a page of its own, see
//! docs/architecture.md, "Pages"), connectivity or the sync badge (a link to the sync
//! page), and whether the last change was saved.

use crate::i18n::Msg;
use crate::state::device::use_device;
use crate::state::drafts::use_drafts;
use crate::state::jobs::{use_jobs, SaveStatus};
use crate::state::locale::use_i18n;
use crate::state::sync::use_sync;
use crate::ui::components::badges::sync_badge;
use lanecheck_sync::report::Badge;
use leptos::prelude::*;

/// The places of the main navigation.
#[derive(Clone, Copy, PartialEq)]
pub enum Place {
    Jobs,
    NewJob,
    Settings,
}

#[component]
pub fn AppHeader(
    /// The navigation's place of the screen in front of the advisor, if it is one of them.
    #[prop(into)]
    current: Signal<Option<Place>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let device = use_device();
    let jobs = use_jobs();
    let sync = use_sync();
    let drafts = use_drafts();
    // Of the screen in front of the advisor: a draft on it is never announced as saved.
    let status = move || match (jobs.status.get(), drafts.pending.get()) {
        (SaveStatus::Saving, _) => i18n.t(Msg::Saving),
        (_, true) => i18n.t(Msg::DraftNotSaved),
        (SaveStatus::Saved, false) if drafts.saved_here() => i18n.t(Msg::Saved),
        _ => "",
    };
    view! {
        <a class="skip" href="#main">{i18n.t(Msg::SkipToContent)}</a>
        <header class="bar">
            <a href="/" class="brand">{i18n.t(Msg::AppName)}</a>
            <p class="save-status" role="status">
                {move || match sync.report.with(|r| r.badge == Badge::NotSetUp) {
                    true => (!device.online.get()).then(|| view! {
                        <span class="pill offline">{i18n.t(Msg::Offline)}</span>
                    }.into_any()),
                    false => {
                        let (text, class) = sync.report.with(|r| sync_badge(i18n, r));
                        Some(view! { <a href="/sync" class=class>{text}</a> }.into_any())
                    }
                }}
                <span>{status}</span>
            </p>
            <nav aria-label=i18n.t(Msg::MainNav)>
                {[(Place::Jobs, "/", Msg::NavJobs), (Place::NewJob, "/new", Msg::NavNewJob), (Place::Settings, "/settings", Msg::NavSettings)]
                    .map(|(place, href, label)| view! {
                        <a href=href aria-current=move || (current.get() == Some(place)).then_some("page")>
                            {i18n.t(label)}
                        </a>
                    })}
            </nav>
        </header>
    }
}
