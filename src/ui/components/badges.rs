//! Small labels: a job's state, and the appointment mark every screen shows for appointment
//! customers.

use crate::i18n::{state_label, Msg};
use crate::state::locale::use_i18n;
use lanecheck_domain::JobState;
use leptos::prelude::*;

#[component]
pub fn StateBadge(state: JobState) -> impl IntoView {
    let i18n = use_i18n();
    let class = format!("pill state-{state:?}").to_lowercase();
    view! { <span class=class>{i18n.t(state_label(state))}</span> }
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
