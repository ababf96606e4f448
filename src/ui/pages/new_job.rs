//! Opening a job: appointment or walk-in, and the plate. Nothing is stored until the plate is
//! valid; the reason it is not is shown next to the field, in the advisor's language.

use crate::i18n::desk_text::DeskMsg;
use crate::i18n::{plate_error, Msg};
use crate::platform::clock;
use crate::platform::location::go;
use crate::state::drafts::use_drafts;
use crate::state::jobs::use_jobs;
use crate::state::locale::use_i18n;
use crate::ui::components::text_field::TextField;
use lanecheck_domain::plate::{Plate, PlateError};
use lanecheck_domain::Visit;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn NewJobPage(
    /// The page's path, to move to the new job without a reload.
    path: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let jobs = use_jobs();
    let drafts = use_drafts();
    drafts.enter("new".into());
    let kind = drafts.field("visit", Signal::stored(String::new()));
    let appointment = move || !kind.get().is_empty();
    let set_appointment = move |on: bool| kind.set(if on { "1" } else { "" }.into());
    let plate = drafts.field("plate", Signal::stored(String::new()));
    let (tried, set_tried) = signal(false);
    let (busy, set_busy) = signal(false);
    let error = Memo::new(move |_| {
        if !tried.get() {
            return None::<PlateError>;
        }
        Plate::parse(&plate.get()).err()
    });
    let message = move || error.get().map(|err| plate_error(i18n.locale(), &err));

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        set_tried.set(true);
        let Ok(parsed) = Plate::parse(&plate.get_untracked()) else {
            return;
        };
        let visit = if !kind.get_untracked().is_empty() {
            Visit::Appointment {
                booked_at: clock::now(),
            }
        } else {
            Visit::WalkIn
        };
        set_busy.set(true);
        // Its drafts are cleared once sent, also if the advisor has moved to another screen.
        let here = drafts.here();
        spawn_local(async move {
            // A storage failure is shown by the notices; the form keeps what was typed.
            let created = jobs.create(visit, parsed).await;
            set_busy.set(false);
            if let Ok(id) = created {
                drafts.clear(&here);
                go(path, &format!("/jobs/{id}"));
            }
        });
    };

    view! {
        <section class="page">
            <h1>{i18n.t(Msg::NewJobTitle)}</h1>
            <form on:submit=submit novalidate>
                <fieldset class="segmented">
                    <legend>{i18n.t(DeskMsg::VisitKind)}</legend>
                    <label>
                        <input type="radio" name="visit" prop:checked=move || !appointment()
                            on:change=move |_| set_appointment(false)/>
                        <span>{i18n.t(Msg::WalkIn)}</span>
                    </label>
                    <label>
                        <input type="radio" name="visit" prop:checked=appointment
                            on:change=move |_| set_appointment(true)/>
                        <span>{i18n.t(Msg::Appointment)}</span>
                    </label>
                </fieldset>
                <TextField id="plate" label=i18n.t(Msg::PlateLabel) value=plate class="plate-input"
                    hint=i18n.t(Msg::PlateHint) error=Signal::derive(message)/>
                <button type="submit" class="primary" disabled=busy>
                    {i18n.t(Msg::CreateJob)}
                </button>
            </form>
        </section>
    }
}
