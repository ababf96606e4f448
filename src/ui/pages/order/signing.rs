//! Signing: what the order still lacks, each linked to its place; the override, which needs a
//! written reason and records a violation with the store's fine; the order as the customer
//! reads it; the signature, which seals it (→ OrderSigned). The signed order is printed from
//! its copy (`copy.rs`).

use super::paper::OrderPaper;
use super::{Ctx, Screen, ScreenLink};
use crate::i18n::order::{order_error, OrderMsg};
use crate::i18n::Msg;
use crate::state::drafts::use_drafts;
use crate::state::jobs::use_jobs;
use crate::state::locale::use_i18n;
use crate::ui::components::signature_form::SignatureForm;
use lanecheck_domain::order::{Item, OrderGap};
use lanecheck_domain::order_command::OrderCommand;
use lanecheck_domain::JobState;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

#[component]
pub fn Signing(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let jobs = use_jobs();
    let id = ctx.id();
    let receipt = RwSignal::new(false);
    let state = Memo::new(move |_| ctx.job.with(|j| j.state));
    let gaps = Memo::new(move |_| {
        let concerns = ctx.job.with(|j| j.concern_ids());
        ctx.order.with(|o| o.order.gaps(&concerns))
    });
    let overridden = Memo::new(move |_| ctx.order.with(|o| o.violation.is_some()));
    let recorded = Signal::derive(move || {
        ctx.order.with(|o| {
            o.violation
                .as_ref()
                .map(|v| v.reason.clone())
                .unwrap_or_default()
        })
    });
    let reason = use_drafts().field("override", recorded);
    let gap_link = move |gap: &OrderGap| {
        let (screen, place, text) = match gap {
            OrderGap::Concern(c) => {
                let words = ctx.job.with_untracked(|j| {
                    j.concerns
                        .iter()
                        .find(|x| x.id == *c)
                        .map(|x| x.words.clone())
                        .unwrap_or_default()
                });
                (
                    Screen::Diagnosis,
                    format!("concern-{c}"),
                    i18n.format(OrderMsg::GapConcern, &[("words", &words)]),
                )
            }
            OrderGap::Unpriced(l) => {
                let name = ctx.order.with_untracked(|o| {
                    o.order
                        .lines
                        .iter()
                        .find(|x| x.id == *l)
                        .map(|x| match &x.item {
                            Item::Labour { name, .. } | Item::Part { name, .. } => name.clone(),
                        })
                });
                let name = name.unwrap_or_default();
                (
                    Screen::Estimate,
                    format!("line-{l}"),
                    i18n.format(OrderMsg::GapUnpriced, &[("name", &name)]),
                )
            }
            OrderGap::RepairClass => (
                Screen::Details,
                "repair-class".into(),
                i18n.t(OrderMsg::GapRepairClass).into(),
            ),
            OrderGap::OldParts => (
                Screen::Details,
                "old-parts".into(),
                i18n.t(OrderMsg::GapOldParts).into(),
            ),
            OrderGap::CarWash => (
                Screen::Details,
                "car-wash".into(),
                i18n.t(OrderMsg::GapCarWash).into(),
            ),
            OrderGap::PromisedAt => (
                Screen::Details,
                "promised-at".into(),
                i18n.t(OrderMsg::GapPromisedAt).into(),
            ),
        };
        view! { <li><ScreenLink href=format!("{}#{place}", screen.href(id))>{text}</ScreenLink></li> }
    };
    let check = move || {
        if state.get() != JobState::CheckedIn {
            return ().into_any();
        }
        let gaps = gaps.get();
        if gaps.is_empty() {
            return view! { <p class="done" role="status">{i18n.t(OrderMsg::OrderComplete)}</p> }
                .into_any();
        }
        let list = gaps.iter().map(gap_link).collect_view();
        let override_form = (!overridden.get()).then(|| {
            let submit = move |ev: SubmitEvent| {
                ev.prevent_default();
                ctx.run.run(OrderCommand::Override { reason: reason.get_untracked() });
            };
            view! {
                <form class="override" on:submit=submit>
                    <div class="field">
                        <label for="override">{i18n.t(Msg::OverrideReason)}</label>
                        <textarea id="override" prop:value=reason on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                    </div>
                    <button type="submit">{i18n.t(OrderMsg::OverrideOrder)}</button>
                </form>
            }
        });
        view! {
            <section class="gate" aria-labelledby="missing-title">
                <h2 id="missing-title">{i18n.t(OrderMsg::Missing)}</h2>
                <ul>{list}</ul>
                {override_form}
            </section>
        }
        .into_any()
    };
    let pad = move || {
        let may_sign =
            state.get() == JobState::CheckedIn && (gaps.with(Vec::is_empty) || overridden.get());
        may_sign.then(|| {
            let signer_name = ctx.job.with_untracked(|j| j.owner.name.clone());
            let sign = move |signature| jobs.dispatch(id, OrderCommand::Sign(signature));
            view! { <SignatureForm signer_name sign explain=order_error/> }
        })
    };
    // Signed: the printed order is a page of its own (a full load).
    let after = move || {
        (state.get() > JobState::CheckedIn).then(|| {
            view! {
                <p class="done" role="status">{i18n.t(OrderMsg::OrderSignedTitle)}</p>
                <a href=Screen::Copy.href(id) class="button primary wide">{i18n.t(OrderMsg::StepCopy)}</a>
            }
        })
    };
    let reads = move || {
        (state.get() == JobState::CheckedIn)
            .then(|| view! { <p class="hint">{i18n.t(OrderMsg::CustomerReads)}</p> })
    };
    view! {
        {check}
        {reads}
        <OrderPaper ctx receipt/>
        {pad}
        {after}
    }
}
