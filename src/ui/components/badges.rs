//! Small labels: a job's state, and the appointment mark every screen shows for appointment
//! customers.

use crate::i18n::{state_label, Msg};
use crate::state::locale::use_i18n;
use lanecheck_domain::JobState;
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
