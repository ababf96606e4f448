//! The customer's answer to an add-on: each line approved or declined, the new total too when
//! it is past the store's threshold, and a signature sealing the add-on (→ InRepair).

use super::add_ons::line_item;
use super::estimate::item_name;
use super::{Ctx, Screen};
use crate::i18n::order::{order_error, OrderMsg};
use crate::state::jobs::use_jobs;
use crate::state::locale::use_i18n;
use crate::ui::components::signature_form::SignatureForm;
use lanecheck_domain::order::Line;
use lanecheck_domain::order_command::OrderCommand;
use lanecheck_domain::repair_order::RepairOrder;
use leptos::prelude::*;

/// The customer answers each line, the new total if it is past the threshold, and signs.
#[component]
pub fn Approval(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let open = Memo::new(move |_| {
        ctx.order
            .with(|o| o.open_add_on().cloned())
            .filter(|a| a.asked_at.is_some())
    });
    let jobs = use_jobs();
    let id = ctx.id();
    let lines = move || {
        open.get()
            .map(|a| a.lines)
            .unwrap_or_default()
            .into_iter()
            .map(|l| {
                let line = l.line.id;
                let name = item_name(&l.line.item).to_string();
                let answer = l.approved;
                let choice = move |approve: bool, label: OrderMsg| {
                    view! {
                        <label class="choice">
                            <input type="radio" name=format!("answer-{line}") prop:checked=answer == Some(approve)
                                on:change=move |_| ctx.run.run(OrderCommand::AnswerAddOnLine { id: line, approve })/>
                            <span>{i18n.t(label)}</span>
                        </label>
                    }
                };
                view! {
                    <fieldset class="choices-field">
                        <legend>{name}</legend>
                        {line_item(&l, None)}
                        <div class="choices">{choice(true, OrderMsg::Approve)}{choice(false, OrderMsg::Decline)}</div>
                    </fieldset>
                }
            })
            .collect_view()
    };
    let figures = move || {
        let appointment = ctx.appointment();
        ctx.order.with(|o| {
            let add_on = o.open_add_on()?;
            let approved: Vec<Line> = RepairOrder::approved(add_on).collect();
            let estimate = o.signed.as_ref()?.total;
            let total = o.totals(&approved, appointment).total;
            let answered = add_on.lines.iter().all(|l| l.approved.is_some());
            Some((
                estimate,
                total,
                o.overruns(add_on, appointment),
                add_on.new_total_approved,
                answered,
                o.terms.overrun_percent,
            ))
        })
    };
    let totals = move || {
        figures().map(|(estimate, total, over, approved, _, percent)| {
            let approval = over.then(|| {
                let label = i18n.format(OrderMsg::ApproveNewTotalLabel, &[("total", &total.to_string()), ("n", &percent.to_string())]);
                view! {
                    <label class="check-row">
                        <input type="checkbox" prop:checked=approved disabled=approved
                            on:change=move |_| ctx.run.run(OrderCommand::ApproveNewTotal)/>
                        <span>{label}</span>
                    </label>
                }
            });
            view! {
                <p>{i18n.format(OrderMsg::SignedEstimate, &[("total", &estimate.to_string())])}</p>
                <p><strong>{i18n.format(OrderMsg::NewTotal, &[("total", &total.to_string())])}</strong></p>
                {approval}
            }
        })
    };
    let ready = Memo::new(move |_| {
        figures().is_some_and(|(_, _, over, approved, answered, _)| answered && (!over || approved))
    });
    let pad = move || {
        ready.get().then(|| {
            let signer_name = ctx.job.with_untracked(|j| j.owner.name.clone());
            let sign = move |signature| jobs.dispatch(id, OrderCommand::SignAddOn(signature));
            view! { <SignatureForm signer_name sign explain=order_error/> }
        })
    };
    let asked = Memo::new(move |_| open.with(Option::is_some));
    move || {
        match asked.get() {
        // Nothing to answer (answered, or not put to the customer yet): back to the add-ons.
        false => view! {
            <a href=Screen::AddOns.href(id) class="button primary wide">{i18n.t(OrderMsg::StepAddOns)}</a>
        }
        .into_any(),
        true => view! {
            <section class="card" aria-labelledby="this-add-on">
                <h2 id="this-add-on">{i18n.t(OrderMsg::ThisAddOn)}</h2>
                <p class="hint">{i18n.t(OrderMsg::AnswerEveryLine)}</p>
                {lines}
                {totals}
            </section>
            {pad}
        }
        .into_any(),
    }
    }
}
