//! Small labels: a job's state, the appointment mark every screen shows for appointment
//! customers, and how sync stands (the device's badge, one job's state).

use crate::i18n::{state_label, Msg};
use crate::state::locale::{use_i18n, I18n};
use crate::state::sync::use_sync;
use lanecheck_domain::{JobId, JobState};
use lanecheck_sync::report::{self, Badge, Report};
use leptos::prelude::*;

#[component]
pub fn StateBadge(state: JobState) -> impl IntoView {
    let i18n = use_i18n();
    view! { <span class=state_class(state)>{i18n.t(state_label(state))}</span> }
}

/// The stage a state belongs to, for its colour: arrival, inspection, or signed and beyond.
fn state_class(state: JobState) -> &'static str {
    match state {
        JobState::Booked | JobState::Arrived => "pill state-arrival",
        JobState::Inspecting => "pill state-inspecting",
        _ => "pill state-signed",
    }
}

#[component]
pub fn AppointmentBadge(appointment: bool) -> impl IntoView {
    let i18n = use_i18n();
    let (msg, class) = if appointment {
        (Msg::Appointment, "pill appointment")
    } else {
        (Msg::WalkIn, "pill walk-in")
    };
    view! { <span class=class>{i18n.t(msg)}</span> }
}

/// The device's sync badge: its text and its class.
pub fn sync_badge(i18n: I18n, report: &Report) -> (String, &'static str) {
    let waiting = report.jobs.len().to_string();
    let (msg, class) = match report.badge {
        Badge::NotSetUp => (Msg::SyncNotSetUp, "pill sync-idle"),
        Badge::Offline => (Msg::SyncOffline, "pill offline"),
        Badge::Syncing(_) => (Msg::SyncingN, "pill sync-busy"),
        Badge::AllSynced => (Msg::AllSynced, "pill sync-ok"),
        Badge::Unauthorized => (Msg::SyncUnauthorized, "pill sync-attention"),
        Badge::NeedsAttention => (Msg::NeedsAttention, "pill sync-attention"),
        Badge::Retrying => (Msg::SyncRetrying, "pill sync-attention"),
    };
    let n = match report.badge {
        Badge::Syncing(n) => n.to_string(),
        _ => waiting,
    };
    (i18n.format(msg, &[("n", &n)]), class)
}

/// How one job stands with the server; nothing while sync is not set up.
#[component]
pub fn JobSyncBadge(id: JobId) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    move || {
        if sync.report.with(|r| r.badge == Badge::NotSetUp) {
            return None;
        }
        let (msg, class) = match sync.state_of(id) {
            None => (Msg::JobSynced, "pill sync-ok"),
            Some(report::JobState::Waiting) => (Msg::JobWaiting, "pill sync-busy"),
            Some(_) => (Msg::NeedsAttention, "pill sync-attention"),
        };
        Some(view! { <span class=class>{i18n.t(msg)}</span> })
    }
}
