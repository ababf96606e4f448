//! "Car arrived" for a walk-in, one tap from the job list: the greeting clock runs from that
//! tap (recorded on the list before this page loads), the customer can be greeted at once and
//! the plate typed afterwards. The job opens at the arrival once the plate is valid; until
//! then the arrival, the greeting and the typed plate are a draft on the device.

use super::arrival::GreetingTimer;
use super::Step;
use crate::i18n::check_in_text::CheckInMsg;
use crate::i18n::{plate_error, Msg};
use crate::platform::clock;
use crate::platform::location::go;
use crate::state::drafts::use_drafts;
use crate::state::jobs::use_jobs;
use crate::state::locale::use_i18n;
use crate::ui::components::text_field::TextField;
use chrono::{DateTime, Utc};
use lanecheck_domain::plate::Plate;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The draft scope the job list writes the arrival into (`draft:arrive:at`, epoch ms).
pub const SCOPE: &str = "arrive";

fn instant(text: &str) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp_millis(text.parse().ok()?)
}

#[component]
pub fn ArrivePage(
    /// The page's path, to move on to the check-in without a reload.
    path: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let jobs = use_jobs();
    let drafts = use_drafts();
    drafts.enter(SCOPE.into());
    // Opened without the list's tap (a bookmark): the car arrived now.
    let at = drafts.field("at", Signal::stored(String::new()));
    if instant(&at.get_untracked()).is_none() {
        at.set(clock::now().timestamp_millis().to_string());
    }
    let greeted = drafts.field("greeted", Signal::stored(String::new()));
    let plate = drafts.field("plate", Signal::stored(String::new()));
    let tried = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = Signal::derive(move || {
        let parsed = Plate::parse(&plate.get());
        tried
            .get()
            .then(|| parsed.err().map(|e| plate_error(i18n.locale(), &e)))?
    });
    let greet = move |_| greeted.set(clock::now().timestamp_millis().to_string());
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        let (Ok(parsed), Some(arrived)) = (
            Plate::parse(&plate.get_untracked()),
            instant(&at.get_untracked()),
        ) else {
            return;
        };
        let greeted_at = instant(&greeted.get_untracked());
        busy.set(true);
        // Its drafts are cleared once sent, also if the advisor has moved to another screen.
        let here = drafts.here();
        spawn_local(async move {
            let created = jobs.create_arrived(parsed, arrived, greeted_at).await;
            busy.try_set(false);
            if let Ok(id) = created {
                drafts.clear(&here);
                let next = if greeted_at.is_some() {
                    Step::Customer
                } else {
                    Step::Arrival
                };
                go(path, &next.href(id));
            }
        });
    };
    let timer = move || {
        view! { <GreetingTimer arrived=instant(&at.get()) greeted=instant(&greeted.get())/> }
    };
    view! {
        <section class="page">
            <h1>{i18n.t(CheckInMsg::CarArrived)}</h1>
            {timer}
            {move || greeted.get().is_empty().then(|| view! {
                <button type="button" class="primary wide" on:click=greet>{i18n.t(CheckInMsg::CustomerGreeted)}</button>
            })}
            <form on:submit=create novalidate>
                <TextField id="plate" label=i18n.t(Msg::PlateLabel) value=plate class="plate-input"
                    hint=i18n.t(Msg::PlateHint) error/>
                <button type="submit" class="primary wide" disabled=busy>{i18n.t(Msg::CreateJob)}</button>
            </form>
        </section>
    }
}
