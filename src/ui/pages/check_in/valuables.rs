//! The valuables reminder (贵重物品提醒), shown to the customer in large type: each item taken
//! or left in the car (with what), then the customer's acknowledgement, with its time.

use crate::i18n::check_in_text::CheckInMsg;
use crate::i18n::valuable_label;
use crate::platform::clock::local_date_time;
use crate::state::jobs::use_dispatch;
use crate::state::locale::use_i18n;
use crate::ui::components::choice_list::{ChoiceList, ChoiceRow};
use lanecheck_domain::inspection::Disposition;
use lanecheck_domain::{Command, Job};
use leptos::prelude::*;

const TAKEN: usize = 0;
const LEFT: usize = 1;

#[component]
pub fn Valuables(job: Memo<Job>) -> impl IntoView {
    let i18n = use_i18n();
    let (id, items) =
        job.with_untracked(|j| (j.id, j.valuables.iter().map(|v| v.item).collect::<Vec<_>>()));
    let (run, error) = use_dispatch(id);
    let rows = Memo::new(move |_| {
        job.with(|j| {
            j.valuables
                .iter()
                .map(|entry| ChoiceRow {
                    label: i18n.t(valuable_label(entry.item)).to_string(),
                    chosen: entry.disposition.as_ref().map(|d| match d {
                        Disposition::TakenByCustomer => TAKEN,
                        Disposition::LeftInCar { .. } => LEFT,
                    }),
                    note: match &entry.disposition {
                        Some(Disposition::LeftInCar { description }) => description.clone(),
                        _ => String::new(),
                    },
                    remark: None,
                })
                .collect()
        })
    });
    let on_choose = Callback::new(move |(row, choice, description): (usize, usize, String)| {
        let disposition = if choice == LEFT {
            Disposition::LeftInCar { description }
        } else {
            Disposition::TakenByCustomer
        };
        run.run(Command::SetValuable {
            item: items[row],
            disposition: Some(disposition),
        });
    });
    let acknowledged = move || job.with(|j| j.valuables_acknowledged_at);
    let open = move || job.with(|j| j.valuables.iter().any(|v| v.disposition.is_none()));
    view! {
        <p class="intro large">{i18n.t(CheckInMsg::ValuablesIntro)}</p>
        {move || open().then(|| view! {
            <div class="bulk">
                <button type="button" class="primary" on:click=move |_| run.run(Command::RemainingValuablesTaken)>
                    {i18n.t(CheckInMsg::RemainingTaken)}
                </button>
            </div>
        })}
        <div class="large-type">
            <ChoiceList rows=rows.into() choices=vec![i18n.t(CheckInMsg::TakenByCustomer), i18n.t(CheckInMsg::LeftInCar)]
                note_for=LEFT note_label=i18n.t(CheckInMsg::LeftDescription) on_choose/>
        </div>
        <div class="actions">
            {move || match acknowledged() {
                Some(at) => view! {
                    <p class="done">{i18n.format(CheckInMsg::ValuablesAcknowledged, &[("t", &local_date_time(at, i18n.locale().tag()))])}</p>
                }.into_any(),
                None => view! {
                    <button type="button" class="primary" on:click=move |_| run.run(Command::AcknowledgeValuables)>
                        {i18n.t(CheckInMsg::AcknowledgeValuables)}
                    </button>
                }.into_any(),
            }}
            <p class="error" role="alert">{error}</p>
        </div>
    }
}
