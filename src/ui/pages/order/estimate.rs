//! The estimate: labour and parts lines from the store's catalogue, each for a concern or a
//! recommended item; hours, quantities and prices editable (saved when they read, a draft
//! with a message next to the field otherwise); warranty lines and parts the customer brought;
//! the items recommended from the car's earlier visits; the totals with the appointment
//! discount and the total in capital numerals.

use super::catalogue::CatalogueSearch;
use super::paper::TotalsTable;
use super::Ctx;
use crate::i18n::order::OrderMsg;
use crate::state::drafts::use_drafts;
use crate::state::jobs::use_jobs;
use crate::state::locale::use_i18n;
use lanecheck_domain::money::Fen;
use lanecheck_domain::order::{Hundredths, Item, Line, Purpose};
use lanecheck_domain::order_command::OrderCommand;
use lanecheck_domain::Job;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn Estimate(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    super::catalogue::provide_catalogue();
    let concerns = ctx.job.with_untracked(|j| j.concerns.clone());
    // New lines are for the first concern with neither a line nor a diagnosis, else the first.
    let open = ctx.order.with_untracked(|o| {
        let gaps = o
            .order
            .gaps(&concerns.iter().map(|c| c.id).collect::<Vec<_>>());
        concerns
            .iter()
            .map(|c| c.id)
            .find(|id| gaps.contains(&lanecheck_domain::order::OrderGap::Concern(*id)))
            .or(concerns.first().map(|c| c.id))
    });
    let target = RwSignal::new(open);
    let options = concerns
        .iter()
        .map(|c| {
            let id = c.id;
            view! { <option value=id.to_string() prop:selected=move || target.get() == Some(id)>{c.words.clone()}</option> }
        })
        .collect_view();
    let add = Callback::new(move |item: Item| {
        if let Some(concern) = target.get_untracked() {
            ctx.run.run(OrderCommand::AddLine {
                item,
                purpose: Purpose::Concern(concern),
                warranty: false,
            });
        }
    });
    let ids = Memo::new(move |_| {
        ctx.order.with(|o| {
            o.order
                .lines
                .iter()
                .map(|l| (l.id, l.is_labour()))
                .collect::<Vec<_>>()
        })
    });
    let group = move |labour: bool| {
        move || {
            ids.get()
                .into_iter()
                .filter(|(_, l)| *l == labour)
                .map(|(id, _)| view! { <LineRow ctx id/> })
                .collect_view()
        }
    };
    let empty = move || {
        ids.with(Vec::is_empty)
            .then(|| view! { <p class="hint">{i18n.t(OrderMsg::NoLines)}</p> })
    };
    view! {
        <fieldset class="card" disabled=move || !ctx.writing()>
            <div class="field">
                <label for="line-for">{i18n.t(OrderMsg::ForLabel)}</label>
                <select id="line-for" on:change=move |ev| target.set(event_target_value(&ev).parse().ok())>{options}</select>
            </div>
            <CatalogueSearch id="search" add/>
        </fieldset>
        <Offers ctx/>
        <section class="card lines" aria-labelledby="labour-title">
            <h2 id="labour-title">{i18n.t(OrderMsg::Labour)}</h2>
            <ul class="line-list">{group(true)}</ul>
            <h2>{i18n.t(OrderMsg::Parts)}</h2>
            <ul class="line-list">{group(false)}</ul>
            {empty}
        </section>
        <TotalsTable ctx/>
    }
}

/// What a line is for, as the customer reads it.
pub fn purpose_text(job: &Job, purpose: &Purpose) -> String {
    match purpose {
        Purpose::Concern(id) => job
            .concerns
            .iter()
            .find(|c| c.id == *id)
            .map(|c| c.words.clone())
            .unwrap_or_default(),
        Purpose::Recommendation(reason) => reason.clone(),
    }
}

/// The name of a line's item.
pub fn item_name(item: &Item) -> &str {
    match item {
        Item::Labour { name, .. } | Item::Part { name, .. } => name,
    }
}

/// Changes line `id` as it is when the change's turn comes (`Jobs::dispatch_with`).
fn edit_line(ctx: Ctx, id: u32, change: Box<dyn FnOnce(&mut Line)>) {
    let jobs = use_jobs();
    let job = ctx.id();
    spawn_local(async move {
        let make = move |current: &Job| {
            let order = current.repair_order().ok().flatten()?;
            let mut line = order.order.lines.into_iter().find(|l| l.id == id)?;
            change(&mut line);
            Some(OrderCommand::UpdateLine(line))
        };
        let _ = jobs.dispatch_with(job, make).await;
    });
}

#[component]
fn LineRow(ctx: Ctx, id: u32) -> impl IntoView {
    let i18n = use_i18n();
    let drafts = use_drafts();
    let line = Memo::new(move |_| {
        ctx.order
            .with(|o| o.order.lines.iter().find(|l| l.id == id).cloned())
    });
    let Some(first) = line.get_untracked() else {
        return ().into_any();
    };
    let labour = first.is_labour();
    let name = item_name(&first.item).to_string();
    let code = match &first.item {
        Item::Labour { code, .. } | Item::Part { code, .. } => code.clone(),
    };
    let purpose = ctx.job.with_untracked(|j| purpose_text(j, &first.purpose));
    let amount = move |l: &Line| match &l.item {
        Item::Labour { hours, .. } => hours.decimal(),
        Item::Part { quantity, .. } => quantity.decimal(),
    };
    let price = move |l: &Line| match &l.item {
        Item::Labour { rate, .. } => rate.map(yuan).unwrap_or_default(),
        Item::Part { unit_price, .. } => unit_price.map(yuan).unwrap_or_default(),
    };
    let saved_amount =
        Signal::derive(move || line.with(|l| l.as_ref().map(amount).unwrap_or_default()));
    let saved_price =
        Signal::derive(move || line.with(|l| l.as_ref().map(price).unwrap_or_default()));
    let typed_amount = drafts.field(&format!("amount-{id}"), saved_amount);
    let typed_price = drafts.field(&format!("price-{id}"), saved_price);
    let (amount_error, set_amount_error) = signal(None::<&'static str>);
    let (price_error, set_price_error) = signal(None::<&'static str>);
    let save_amount = move |()| match Hundredths::parse(&typed_amount.get_untracked()) {
        Ok(h) => {
            set_amount_error.set(None);
            edit_line(
                ctx,
                id,
                Box::new(move |l| match &mut l.item {
                    Item::Labour { hours, .. } => *hours = h,
                    Item::Part { quantity, .. } => *quantity = h,
                }),
            );
        }
        Err(_) => set_amount_error.set(Some(i18n.t(OrderMsg::AmountInvalid))),
    };
    let save_price = move |()| match Fen::parse_yuan(&typed_price.get_untracked()) {
        Ok(fen) => {
            set_price_error.set(None);
            edit_line(
                ctx,
                id,
                Box::new(move |l| match &mut l.item {
                    Item::Labour { rate, .. } => *rate = Some(fen),
                    Item::Part { unit_price, .. } => *unit_price = Some(fen),
                }),
            );
        }
        Err(_) => set_price_error.set(Some(i18n.t(OrderMsg::AmountInvalid))),
    };
    let (amount_label, price_label) = match labour {
        true => (OrderMsg::HoursLabel, OrderMsg::RateLabel),
        false => (OrderMsg::QuantityLabel, OrderMsg::UnitPriceLabel),
    };
    let value = move || {
        line.with(|l| match l.as_ref().and_then(Line::value) {
            Some(v) => v.to_string(),
            None => i18n.t(OrderMsg::Unpriced).to_string(),
        })
    };
    let warranty = move || line.with(|l| l.as_ref().is_some_and(|l| l.warranty));
    let supplied = move || {
        line.with(|l| {
            matches!(
                l.as_ref().map(|l| &l.item),
                Some(Item::Part {
                    customer_supplied: true,
                    ..
                })
            )
        })
    };
    let supplied_box = (!labour).then(|| {
        view! {
            <label class="check-row">
                <input type="checkbox" prop:checked=supplied
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        edit_line(ctx, id, Box::new(move |l| if let Item::Part { customer_supplied, .. } = &mut l.item { *customer_supplied = on }));
                    }/>
                <span>{i18n.t(OrderMsg::CustomerSupplied)}</span>
            </label>
        }
    });
    let remove_label = format!("{} {name}", i18n.t(OrderMsg::RemoveLine));
    let (amount_id, price_id) = (format!("amount-{id}"), format!("price-{id}"));
    view! {
        <li class="line" id=format!("line-{id}")>
            <p class="line-head"><strong>{name}</strong> " " <small>{code}</small> <span class="value">{value}</span></p>
            <p class="hint">{purpose}</p>
            <div class="line-fields">
                <div class="field">
                    <label for=amount_id.clone()>{i18n.t(amount_label)}</label>
                    <input id=amount_id type="text" inputmode="decimal" prop:value=typed_amount
                        on:input=move |ev| typed_amount.set(event_target_value(&ev))
                        on:blur=move |_| {
                            set_amount_error.set(None);
                            if typed_amount.get_untracked() != saved_amount.get_untracked() { save_amount(()) }
                        }
                        on:keydown=blur_on_enter/>
                    <p class="error" role="alert">{amount_error}</p>
                </div>
                <div class="field">
                    <label for=price_id.clone()>{i18n.t(price_label)}</label>
                    <input id=price_id type="text" inputmode="decimal" prop:value=typed_price
                        on:input=move |ev| typed_price.set(event_target_value(&ev))
                        on:blur=move |_| {
                            set_price_error.set(None);
                            if typed_price.get_untracked() != saved_price.get_untracked() { save_price(()) }
                        }
                        on:keydown=blur_on_enter/>
                    <p class="error" role="alert">{price_error}</p>
                </div>
            </div>
            <label class="check-row">
                <input type="checkbox" prop:checked=warranty
                    on:change=move |ev| { let on = event_target_checked(&ev); edit_line(ctx, id, Box::new(move |l| l.warranty = on)); }/>
                <span>{i18n.t(OrderMsg::WarrantyLine)}</span>
            </label>
            {supplied_box}
            <button type="button" aria-label=remove_label on:click=move |_| ctx.run.run(OrderCommand::RemoveLine { id })>
                {i18n.t(OrderMsg::RemoveLine)}
            </button>
        </li>
    }
    .into_any()
}

/// Yuan as typed: `4550` fen is `45.5`.
fn yuan(fen: Fen) -> String {
    Hundredths(u32::try_from(fen.0).unwrap_or(0)).decimal()
}

/// The items recommended from the car's earlier visits, each with its reason, until the
/// customer accepts or declines them.
#[component]
fn Offers(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let offers = Memo::new(move |_| ctx.order.with(|o| o.offers.clone()));
    move || {
        let offers = offers.get();
        (!offers.is_empty()).then(|| {
            let rows = offers
                .into_iter()
                .map(|o| {
                    let id = o.id;
                    let name = item_name(&o.item).to_string();
                    let state = match o.accepted {
                        Some(true) => Some(OrderMsg::AcceptedMark),
                        Some(false) => Some(OrderMsg::DeclinedMark),
                        None => None,
                    };
                    view! {
                        <li class="offer">
                            <p><strong>{name.clone()}</strong> " " <small>{o.reason}</small></p>
                            {state.map(|s| view! { <p class="pill">{i18n.t(s)}</p> })}
                            <div class="pad-tools">
                                <button type="button" aria-pressed=(o.accepted == Some(true)).to_string()
                                    aria-label=format!("{} {name}", i18n.t(OrderMsg::Accept))
                                    on:click=move |_| ctx.run.run(OrderCommand::AnswerOffer { id, accept: true })>{i18n.t(OrderMsg::Accept)}</button>
                                <button type="button" aria-pressed=(o.accepted == Some(false)).to_string()
                                    aria-label=format!("{} {name}", i18n.t(OrderMsg::Decline))
                                    on:click=move |_| ctx.run.run(OrderCommand::AnswerOffer { id, accept: false })>{i18n.t(OrderMsg::Decline)}</button>
                            </div>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="card offers" disabled=move || !ctx.writing()>
                    <legend>{i18n.t(OrderMsg::Recommended)}</legend>
                    <ul>{rows}</ul>
                </fieldset>
            }
        })
    }
}

/// Enter in a field saves it, as leaving it does (the save is on `blur`, which also saves a
/// draft shown again after a reload, where no `change` comes).
pub fn blur_on_enter(ev: leptos::ev::KeyboardEvent) {
    if ev.key() == "Enter" {
        if let Some(input) = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok())
        {
            let _ = input.blur();
        }
    }
}
