//! Add-ons (增项) found during the repair: lines from the catalogue with the reason the customer
//! is told, put to the customer (→ AwaitingApproval, answered in `approval.rs`); the add-ons
//! answered so far. Approved lines join the order; declined ones come back at the car's next
//! visit.

use super::catalogue::CatalogueSearch;
use super::estimate::item_name;
use super::{Ctx, Screen};
use crate::i18n::order::OrderMsg;
use crate::state::drafts::use_drafts;
use crate::state::jobs::use_jobs;
use crate::state::locale::use_i18n;
use lanecheck_domain::order::Item;
use lanecheck_domain::order_command::OrderCommand;
use lanecheck_domain::repair_order::AddOnLine;
use lanecheck_domain::JobState;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn AddOns(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    super::catalogue::provide_catalogue();
    let state = Memo::new(move |_| ctx.job.with(|j| j.state));
    let open = Memo::new(move |_| ctx.order.with(|o| o.open_add_on().cloned()));
    let earlier = move || {
        let answered: Vec<AddOnLine> = ctx.order.with(|o| {
            o.add_ons
                .iter()
                .filter(|a| a.signed.is_some())
                .flat_map(|a| a.lines.clone())
                .collect()
        });
        (!answered.is_empty()).then(|| {
            let rows = answered
                .into_iter()
                .map(|l| {
                    let mark = match l.approved {
                        Some(true) => OrderMsg::ApprovedMark,
                        _ => OrderMsg::DeclinedMark,
                    };
                    line_item(&l, Some(i18n.t(mark)))
                })
                .collect_view();
            view! {
                <section class="card" aria-labelledby="answered-add-ons">
                    <h2 id="answered-add-ons">{i18n.t(OrderMsg::EarlierAddOns)}</h2>
                    <ul class="line-list">{rows}</ul>
                </section>
            }
        })
    };
    let body = move || {
        match state.get() {
        JobState::InRepair => view! { <Writing ctx open/> }.into_any(),
        JobState::AwaitingApproval => view! {
            <a href=Screen::Approval.href(ctx.id()) class="button primary wide">{i18n.t(OrderMsg::StepApproval)}</a>
        }
        .into_any(),
        _ => ().into_any(),
    }
    };
    view! {
        {body}
        {earlier}
    }
}

/// A line of an add-on as the customer reads it: what, why, how much, and a mark.
pub fn line_item(l: &AddOnLine, mark: Option<&'static str>) -> impl IntoView {
    let value = l.line.value().map(|v| v.to_string()).unwrap_or_default();
    view! {
        <li class="line">
            <p class="line-head"><strong>{item_name(&l.line.item).to_string()}</strong> <span class="value">{value}</span></p>
            <p class="hint">{l.reason.clone()}</p>
            {mark.map(|m| view! { <p class="pill">{m}</p> })}
        </li>
    }
}

/// The advisor writes the add-on during the repair.
#[component]
fn Writing(ctx: Ctx, open: Memo<Option<lanecheck_domain::repair_order::AddOn>>) -> impl IntoView {
    let i18n = use_i18n();
    let reason = use_drafts().field("addon-reason", Signal::stored(String::new()));
    let (problem, set_problem) = signal(None::<&'static str>);
    let add = Callback::new(move |item: Item| {
        let why = reason.get_untracked();
        if why.trim().is_empty() {
            set_problem.set(Some(i18n.t(OrderMsg::AddOnReasonFirst)));
            return;
        }
        set_problem.set(None);
        ctx.run
            .run(OrderCommand::AddAddOnLine { item, reason: why });
        // The next line may have another reason.
        reason.set(String::new());
    });
    let lines = move || {
        open.get()
            .map(|a| a.lines)
            .unwrap_or_default()
            .into_iter()
            .map(|l| {
                let id = l.line.id;
                let label = format!("{} {}", i18n.t(OrderMsg::RemoveLine), item_name(&l.line.item));
                view! {
                    <div class="add-on-line">
                        {line_item(&l, None)}
                        <button type="button" aria-label=label on:click=move |_| ctx.run.run(OrderCommand::RemoveAddOnLine { id })>
                            {i18n.t(OrderMsg::RemoveLine)}
                        </button>
                    </div>
                }
            })
            .collect_view()
    };
    let empty = move || open.with(|a| a.as_ref().is_none_or(|a| a.lines.is_empty()));
    view! {
        <section class="card">
            <p class="hint">{i18n.t(OrderMsg::AddOnIntro)}</p>
            <div class="field">
                <label for="addon-reason">{i18n.t(OrderMsg::AddOnReason)}</label>
                <input id="addon-reason" type="text" prop:value=reason on:input=move |ev| reason.set(event_target_value(&ev))/>
                <p class="error" role="alert">{problem}</p>
            </div>
            <CatalogueSearch id="addon-search" add/>
        </section>
        <section class="card" aria-labelledby="this-add-on">
            <h2 id="this-add-on">{i18n.t(OrderMsg::ThisAddOn)}</h2>
            {lines}
            <button type="button" class="primary wide" disabled=empty on:click=move |_| ask(ctx)>
                {i18n.t(OrderMsg::AskCustomer)}
            </button>
        </section>
    }
}

/// Puts the add-on to the customer, then opens the screen where they answer it (a page of its
/// own: a full load).
fn ask(ctx: Ctx) {
    let jobs = use_jobs();
    let id = ctx.id();
    spawn_local(async move {
        if jobs.dispatch(id, OrderCommand::AskApproval).await.is_ok() {
            let _ = window().location().assign(&Screen::Approval.href(id));
        }
    });
}
