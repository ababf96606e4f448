//! Diagnosis per concern: diagnosed now (the finding in words) or "needs a full inspection",
//! the warranty decision and the reason the customer is shown. A diagnosis is saved as soon as
//! it is whole (a finding written, or a full inspection chosen); until then what was chosen and
//! typed is kept as a draft. An escalated concern stays open until the manufacturer's answer
//! is recorded, also after the customer signed.

use super::estimate::blur_on_enter;
use super::Ctx;
use crate::i18n::order::OrderMsg;
use crate::state::drafts::use_drafts;
use crate::state::locale::use_i18n;
use lanecheck_domain::inspection::Concern;
use lanecheck_domain::order::{Answer, Diagnosis, Finding, Warranty};
use lanecheck_domain::order_command::OrderCommand;
use leptos::prelude::*;

const WARRANTIES: [(Warranty, &str, OrderMsg); 4] = [
    (Warranty::Covered, "covered", OrderMsg::WarrantyCovered),
    (
        Warranty::NotCovered,
        "not-covered",
        OrderMsg::WarrantyNotCovered,
    ),
    (
        Warranty::Undetermined,
        "undetermined",
        OrderMsg::WarrantyUndetermined,
    ),
    (
        Warranty::Escalated,
        "escalated",
        OrderMsg::WarrantyEscalated,
    ),
];

#[component]
pub fn Diagnoses(ctx: Ctx) -> impl IntoView {
    let concerns = ctx.job.with_untracked(|j| j.concerns.clone());
    concerns
        .into_iter()
        .map(|concern| view! { <ConcernDiagnosis ctx concern/> })
        .collect_view()
}

/// The saved diagnosis's parts as the form's fields hold them: finding kind (`now`, `full`),
/// finding, warranty, reason.
fn fields(d: Option<&Diagnosis>) -> [String; 4] {
    let Some(d) = d else {
        return Default::default();
    };
    let (kind, finding) = match &d.finding {
        Finding::Diagnosed(text) => ("now", text.clone()),
        Finding::FullInspection => ("full", String::new()),
    };
    let warranty = WARRANTIES
        .iter()
        .find(|(w, _, _)| *w == d.warranty)
        .map_or("", |(_, slug, _)| slug);
    [kind.into(), finding, warranty.into(), d.reason.clone()]
}

#[component]
fn ConcernDiagnosis(ctx: Ctx, concern: Concern) -> impl IntoView {
    let i18n = use_i18n();
    let drafts = use_drafts();
    let id = concern.id;
    let saved = Memo::new(move |_| {
        ctx.order
            .with(|o| fields(o.order.diagnoses.iter().find(|d| d.concern == id)))
    });
    let field = |i: usize, name: String| {
        drafts.field(&name, Signal::derive(move || saved.with(|s| s[i].clone())))
    };
    let kind = field(0, format!("kind-{id}"));
    let finding = field(1, format!("finding-{id}"));
    let warranty = field(2, format!("warranty-{id}"));
    let reason = field(3, format!("reason-{id}"));
    let (problem, set_problem) = signal(None::<&'static str>);
    let save = move || {
        set_problem.set(None);
        let finding = match kind.get_untracked().as_str() {
            "now" if finding.with_untracked(|f| f.trim().is_empty()) => {
                set_problem.set(Some(i18n.t(OrderMsg::FindingEmpty)));
                return;
            }
            "now" => Finding::Diagnosed(finding.get_untracked().trim().to_string()),
            "full" => Finding::FullInspection,
            _ => return,
        };
        let chosen = warranty.get_untracked();
        let warranty = WARRANTIES
            .iter()
            .find(|(_, slug, _)| *slug == chosen)
            .map_or(Warranty::Undetermined, |(w, _, _)| w.clone());
        ctx.run.run(OrderCommand::Diagnose(Diagnosis {
            concern: id,
            finding,
            warranty,
            reason: reason.get_untracked().trim().to_string(),
        }));
    };
    // Something typed or chosen differs from what is saved (a draft, also one shown again).
    let unsaved = move || {
        let typed = [kind, finding, warranty, reason].map(|f| f.get_untracked());
        saved.with_untracked(|s| *s != typed)
    };
    let radio = move |group: RwSignal<String>,
                      name: String,
                      value: &'static str,
                      label: OrderMsg| {
        view! {
            <label class="choice">
                <input type="radio" name=name value=value prop:checked=move || group.with(|g| g == value)
                    on:change=move |_| { group.set(value.to_string()); save(); }/>
                <span>{i18n.t(label)}</span>
            </label>
        }
    };
    let kinds = [
        ("now", OrderMsg::DiagnosedNow),
        ("full", OrderMsg::FullInspection),
    ]
    .map(|(value, label)| radio(kind, format!("kind-{id}"), value, label))
    .collect_view();
    let warranties = WARRANTIES
        .map(|(_, value, label)| radio(warranty, format!("warranty-{id}"), value, label))
        .collect_view();
    let finding_id = format!("finding-{id}");
    let reason_id = format!("reason-{id}");
    let when = (!concern.when_it_happens.is_empty())
        .then(|| view! { <p class="hint">{concern.when_it_happens.clone()}</p> });
    view! {
        <section class="card diagnosis" id=format!("concern-{id}") aria-labelledby=format!("concern-{id}-title")>
            <h2 id=format!("concern-{id}-title")>{concern.words.clone()}</h2>
            {when}
            <fieldset class="choices-field" disabled=move || !ctx.writing()>
                <legend>{i18n.t(OrderMsg::StepDiagnosis)}</legend>
                <div class="choices">{kinds}</div>
                <div class="field" hidden=move || kind.with(|k| k != "now")>
                    <label for=finding_id.clone()>{i18n.t(OrderMsg::Finding)}</label>
                    <input id=finding_id type="text" prop:value=finding
                        on:input=move |ev| finding.set(event_target_value(&ev))
                        on:blur=move |_| if unsaved() { save() } on:keydown=blur_on_enter/>
                </div>
                <p class="error" role="alert">{problem}</p>
            </fieldset>
            <fieldset class="choices-field" disabled=move || !ctx.writing()>
                <legend>{i18n.t(OrderMsg::WarrantyLabel)}</legend>
                <div class="choices">{warranties}</div>
                <div class="field">
                    <label for=reason_id.clone()>{i18n.t(OrderMsg::WarrantyReason)}</label>
                    <input id=reason_id type="text" prop:value=reason
                        on:input=move |ev| reason.set(event_target_value(&ev))
                        on:blur=move |_| if unsaved() { save() } on:keydown=blur_on_enter/>
                </div>
            </fieldset>
            <Escalation ctx concern=id/>
        </section>
    }
}

/// The manufacturer's answer to an escalated concern: awaited, or recorded with its reference.
#[component]
fn Escalation(ctx: Ctx, concern: u32) -> impl IntoView {
    let i18n = use_i18n();
    let escalated = Memo::new(move |_| {
        ctx.order.with(|o| {
            o.order
                .diagnoses
                .iter()
                .any(|d| d.concern == concern && d.warranty == Warranty::Escalated)
        })
    });
    let answer = Memo::new(move |_| ctx.order.with(|o| o.answer(concern).cloned()));
    // Saved once the answer is recorded with it.
    let recorded = Signal::derive(move || {
        answer.with(|a| a.as_ref().map(|a| a.reference.clone()).unwrap_or_default())
    });
    let reference = use_drafts().field(&format!("reference-{concern}"), recorded);
    let record = move |approved: bool| {
        ctx.run.run(OrderCommand::AnswerEscalation(Answer {
            concern,
            approved,
            reference: reference.get_untracked().trim().to_string(),
        }))
    };
    let id = format!("reference-{concern}");
    move || {
        if !escalated.get() {
            return ().into_any();
        }
        match answer.get() {
            Some(a) => {
                let msg = match a.approved {
                    true => OrderMsg::ManufacturerApproved,
                    false => OrderMsg::ManufacturerRefused,
                };
                view! { <p class="done" role="status">{i18n.format(msg, &[("reference", &a.reference)])}</p> }.into_any()
            }
            None => view! {
                <div class="escalation">
                    <p class="warning" role="status">{i18n.t(OrderMsg::AwaitingManufacturer)}</p>
                    <div class="field">
                        <label for=id.clone()>{i18n.t(OrderMsg::ManufacturerReference)}</label>
                        <input id=id.clone() type="text" prop:value=reference
                            on:input=move |ev| reference.set(event_target_value(&ev))/>
                    </div>
                    <div class="pad-tools">
                        <button type="button" on:click=move |_| record(true)>{i18n.t(OrderMsg::RecordApproved)}</button>
                        <button type="button" on:click=move |_| record(false)>{i18n.t(OrderMsg::RecordRefused)}</button>
                    </div>
                </div>
            }
            .into_any(),
        }
    }
}
