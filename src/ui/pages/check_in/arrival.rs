//! Arrival and greeting: "car arrived" starts the clock, "customer greeted" stops it (target
//! 15 s, shown live). Walk-ins get a one-tap record that they were told about appointments.

use crate::i18n::check_in_text::CheckInMsg;
use crate::i18n::Msg;
use crate::platform::clock::{self, local_date_time};
use crate::state::jobs::use_dispatch;
use crate::state::locale::use_i18n;
use chrono::{DateTime, Utc};
use lanecheck_domain::{Command, Job, Visit};
use leptos::prelude::*;
use std::time::Duration;

/// The seed's greeting target.
const TARGET_SECONDS: i64 = 15;

/// Seconds from the car's arrival, live until the customer is greeted; red past the target.
#[component]
pub fn GreetingTimer(
    /// When the car arrived, if it has.
    arrived: Option<DateTime<Utc>>,
    /// When the customer was greeted, if yet.
    greeted: Option<DateTime<Utc>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (now, set_now) = signal(clock::now());
    if arrived.is_some() && greeted.is_none() {
        if let Ok(tick) = set_interval_with_handle(
            move || set_now.set(clock::now()),
            Duration::from_millis(500),
        ) {
            on_cleanup(move || tick.clear());
        }
    }
    let seconds = move || {
        let end = greeted.unwrap_or_else(|| now.get());
        arrived.map(|at| (end - at).num_seconds().max(0))
    };
    let late = move || seconds().is_some_and(|s| s > TARGET_SECONDS);
    let timer = move || match seconds() {
        Some(s) => i18n.format(Msg::GreetingSeconds, &[("n", &s.to_string())]),
        None => i18n.t(Msg::NotYet).to_string(),
    };
    view! {
        <div class="timer" class:late=late role="timer" aria-label=i18n.t(CheckInMsg::GreetTimer)>
            <span class="seconds">{timer}</span>
            <span class="hint">{i18n.t(CheckInMsg::GreetTarget)}</span>
        </div>
    }
}

#[component]
pub fn Arrival(job: Memo<Job>) -> impl IntoView {
    let i18n = use_i18n();
    let (id, walk_in) = job.with_untracked(|j| (j.id, j.visit == Visit::WalkIn));
    let (run, error) = use_dispatch(id);
    let times = move || job.with(|j| (j.arrived_at, j.greeted_at));
    let told = move || job.with(|j| j.told_about_appointments);
    view! {
        {move || {
            let (arrived, greeted) = times();
            view! {
                <GreetingTimer arrived greeted/>
                <dl class="facts">
                    <div>
                        <dt>{i18n.t(Msg::ArrivedAt)}</dt>
                        <dd>{arrived.map_or_else(|| i18n.t(Msg::NotYet).to_string(), |at| local_date_time(at, i18n.locale().tag()))}</dd>
                    </div>
                </dl>
            }
        }}
        <div class="actions">
            {move || times().0.is_none().then(|| view! {
                <button type="button" class="primary" on:click=move |_| run.run(Command::Arrive)>{i18n.t(CheckInMsg::CarArrived)}</button>
            })}
            {move || matches!(times(), (Some(_), None)).then(|| view! {
                <button type="button" class="primary" on:click=move |_| run.run(Command::Greet)>{i18n.t(CheckInMsg::CustomerGreeted)}</button>
            })}
            {move || (walk_in && !told()).then(|| view! {
                <button type="button" on:click=move |_| run.run(Command::ToldAboutAppointments)>{i18n.t(CheckInMsg::TellAppointments)}</button>
            })}
            {move || told().then(|| view! { <p class="done">{i18n.t(CheckInMsg::ToldAppointments)}</p> })}
            <p class="error" role="alert">{error}</p>
        </div>
    }
}
