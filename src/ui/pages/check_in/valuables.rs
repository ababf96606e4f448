//! The valuables reminder (贵重物品提醒), shown to the customer in large type: each item taken
//! or left in the car (with what), then the customer's acknowledgement, with its time.

use crate::i18n::{valuable_label, Msg};
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
pub fn Valuables(job: Job) -> impl IntoView {
    let i18n = use_i18n();
    let (run, error) = use_dispatch(job.id);
    let items: Vec<_> = job.valuables.iter().map(|v| v.item).collect();
    let rows = job
        .valuables
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
            extra: None,
        })
        .collect();
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
    let acknowledged = job.valuables_acknowledged_at;
    let open = job.valuables.iter().any(|v| v.disposition.is_none());
    view! {
        <p class="intro large">{i18n.t(Msg::ValuablesIntro)}</p>
        {open.then(|| view! {
            <div class="bulk">
                <button type="button" class="primary" on:click=move |_| run.run(Command::RemainingValuablesTaken)>
                    {i18n.t(Msg::RemainingTaken)}
                </button>
            </div>
        })}
        <div class="large-type">
            <ChoiceList rows choices=vec![i18n.t(Msg::TakenByCustomer), i18n.t(Msg::LeftInCar)]
                note_for=LEFT note_label=i18n.t(Msg::LeftDescription) on_choose/>
        </div>
        <div class="actions">
            {match acknowledged {
                Some(at) => view! {
                    <p class="done">{i18n.format(Msg::ValuablesAcknowledged, &[("t", &local_date_time(at, i18n.locale().tag()))])}</p>
                }.into_any(),
                None => view! {
                    <button type="button" class="primary" on:click=move |_| run.run(Command::AcknowledgeValuables)>
                        {i18n.t(Msg::AcknowledgeValuables)}
                    </button>
                }.into_any(),
            }}
            <p class="error" role="alert">{error}</p>
        </div>
    }
}
