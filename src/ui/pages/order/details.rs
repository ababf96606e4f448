//! The order's details: the repair class (with the quality guarantee period it sets), the old
//! parts (exactly one of three), the car wash, and the promised completion time with a
//! suggestion from the labour hours. Each is saved as it is chosen.

use super::Ctx;
use crate::i18n::order::OrderMsg;
use crate::platform::clock::{self, from_local_input, local_date_time, to_local_input};
use crate::state::drafts::use_drafts;
use crate::state::locale::use_i18n;
use lanecheck_domain::order::{suggested_completion, OldParts, RepairClass};
use lanecheck_domain::order_command::OrderCommand;
use leptos::prelude::*;

pub const CLASSES: [(RepairClass, OrderMsg, OrderMsg); 3] = [
    (
        RepairClass::Major,
        OrderMsg::ClassMajor,
        OrderMsg::GuaranteeMajor,
    ),
    (
        RepairClass::SecondLevel,
        OrderMsg::ClassSecond,
        OrderMsg::GuaranteeSecond,
    ),
    (
        RepairClass::Minor,
        OrderMsg::ClassMinor,
        OrderMsg::GuaranteeMinor,
    ),
];

pub const OLD_PARTS: [(OldParts, OrderMsg); 3] = [
    (OldParts::TakenBack, OrderMsg::OldTakenBack),
    (OldParts::Waived, OrderMsg::OldWaived),
    (OldParts::None, OrderMsg::OldNone),
];

#[component]
pub fn Details(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let order = move || ctx.order.with(|o| o.order.clone());
    let classes = CLASSES
        .map(|(class, label, guarantee)| {
            view! {
                <label class="choice">
                    <input type="radio" name="repair-class" prop:checked=move || order().repair_class == Some(class)
                        on:change=move |_| ctx.run.run(OrderCommand::SetRepairClass(class))/>
                    <span>{i18n.t(label)} <small>{i18n.t(guarantee)}</small></span>
                </label>
            }
        })
        .collect_view();
    let old_parts = OLD_PARTS
        .map(|(old, label)| {
            view! {
                <label class="choice">
                    <input type="radio" name="old-parts" prop:checked=move || order().old_parts == Some(old)
                        on:change=move |_| ctx.run.run(OrderCommand::SetOldParts(old))/>
                    <span>{i18n.t(label)}</span>
                </label>
            }
        })
        .collect_view();
    let wash = [(true, OrderMsg::Yes), (false, OrderMsg::No)]
        .map(|(yes, label)| {
            view! {
                <label class="choice">
                    <input type="radio" name="car-wash" prop:checked=move || order().car_wash == Some(yes)
                        on:change=move |_| ctx.run.run(OrderCommand::SetCarWash(yes))/>
                    <span>{i18n.t(label)}</span>
                </label>
            }
        })
        .collect_view();
    let saved = Signal::derive(move || {
        ctx.order
            .with(|o| o.order.promised_at.map(to_local_input).unwrap_or_default())
    });
    let promised = use_drafts().field("promised", saved);
    let (problem, set_problem) = signal(None::<&'static str>);
    let save = move |text: String| match from_local_input(&text) {
        Some(at) => {
            set_problem.set(None);
            ctx.run.run(OrderCommand::SetPromisedAt(at));
        }
        None => set_problem.set(Some(i18n.t(OrderMsg::PromisedInvalid))),
    };
    let suggestion = move || {
        ctx.order
            .with(|o| suggested_completion(clock::now(), &o.order.lines))
    };
    let use_suggestion = move |_| {
        let text = to_local_input(suggestion());
        promised.set(text.clone());
        save(text);
    };
    let suggested = move || {
        let time = local_date_time(suggestion(), i18n.locale().tag());
        i18n.format(OrderMsg::SuggestTime, &[("time", &time)])
    };
    view! {
        <fieldset class="card" disabled=move || !ctx.writing()>
            <fieldset class="choices-field" id="repair-class">
                <legend>{i18n.t(OrderMsg::RepairClass)}</legend>
                <div class="choices">{classes}</div>
            </fieldset>
            <fieldset class="choices-field" id="old-parts">
                <legend>{i18n.t(OrderMsg::OldParts)}</legend>
                <div class="choices">{old_parts}</div>
            </fieldset>
            <fieldset class="choices-field" id="car-wash">
                <legend>{i18n.t(OrderMsg::CarWash)}</legend>
                <div class="choices">{wash}</div>
            </fieldset>
            <div class="field" id="promised-at">
                <label for="promised">{i18n.t(OrderMsg::PromisedAt)}</label>
                <input id="promised" type="datetime-local" prop:value=promised
                    on:input=move |ev| promised.set(event_target_value(&ev))
                    on:change=move |ev| save(event_target_value(&ev))/>
                <p class="error" role="alert">{problem}</p>
                <p class="hint">{suggested}</p>
                <button type="button" on:click=use_suggestion>{i18n.t(OrderMsg::UseSuggestion)}</button>
            </div>
        </fieldset>
    }
}
