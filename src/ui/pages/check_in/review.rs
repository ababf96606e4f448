//! Review: the summary the customer reads before signing, and the gate. While covers, a
//! checklist item, a "pointed out" or the valuables acknowledgement is missing, the screen
//! lists exactly what, each linked to its step; the advisor can override only with a reason,
//! which is recorded on the job.

use super::sheet::SheetSummary;
use super::signature::{sign_check_in, SealedSheet};
use super::{copy_href, Step, StepLink};
use crate::i18n::check_in_text::CheckInMsg;
use crate::i18n::{check_label, cover_label, domain_error, Msg};
use crate::state::jobs::use_jobs;
use crate::state::locale::use_i18n;
use crate::ui::components::signature_form::SignatureForm;
use lanecheck_domain::gate::Gap;
use lanecheck_domain::{Command, Job};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

#[component]
pub fn Review(job: Memo<Job>) -> impl IntoView {
    let i18n = use_i18n();
    let drafts = crate::state::drafts::use_drafts();
    let reason_typed = drafts.field("override", Signal::stored(String::new()));
    let jobs = crate::state::jobs::use_jobs();
    let refused = RwSignal::new(None::<String>);
    let id = job.with_untracked(|j| j.id);
    // Text typed on another step and not saved there: it would not be on the signed sheet.
    let unsaved: Vec<Step> = Step::ALL
        .into_iter()
        .filter(|s| *s != Step::Review)
        .filter(|s| !crate::state::drafts::keys(&format!("job:{id}:{}:", s.slug())).is_empty())
        .collect();
    let drafts_warning = (!unsaved.is_empty()).then(move || {
        let names: Vec<&str> = unsaved.iter().map(|s| i18n.t(s.label())).collect();
        let links = unsaved
            .into_iter()
            .map(|s| view! { <li><StepLink href=s.href(id)>{i18n.t(s.label())}</StepLink></li> })
            .collect_view();
        view! {
            <section class="gate" role="alert">
                <p>{i18n.format(CheckInMsg::DraftsElsewhere, &[("steps", &names.join("、"))])}</p>
                <ul>{links}</ul>
            </section>
        }
    });
    let override_gate = move |ev: SubmitEvent| {
        ev.prevent_default();
        let command = Command::OverrideGate {
            reason: reason_typed.get_untracked(),
        };
        // Its drafts are cleared once sent, also if the advisor has moved to another screen.
        let here = drafts.here();
        leptos::task::spawn_local(async move {
            match jobs.dispatch(id, command).await {
                // The reason is recorded on the job now.
                Ok(()) => drafts.clear(&here),
                Err(crate::state::jobs::ChangeError::Refused(err)) => {
                    refused.try_set(Some(crate::i18n::domain_error(i18n.locale(), &err)));
                }
                Err(_) => {}
            }
        });
    };
    let missing = move |gaps: &[Gap]| {
        gaps.iter()
            .map(|gap| {
                let (text, step) = match gap {
                    Gap::Cover(c) => (
                        i18n.format(CheckInMsg::GateCover, &[("what", i18n.t(cover_label(*c)))]),
                        Step::Covers,
                    ),
                    Gap::Check(item) => {
                        let name = check_label(item)
                            .map_or_else(str::to_string, |m| i18n.t(m).to_string());
                        (
                            i18n.format(CheckInMsg::GateCheck, &[("what", &name)]),
                            Step::Checklist,
                        )
                    }
                    Gap::NotPointedOut { mark } => (
                        i18n.format(CheckInMsg::GateMark, &[("n", &mark.to_string())]),
                        Step::Damage,
                    ),
                    Gap::ValuablesNotAcknowledged => (
                        i18n.t(CheckInMsg::GateValuables).to_string(),
                        Step::Valuables,
                    ),
                };
                view! { <li><StepLink href=step.href(id)>{text}</StepLink></li> }
            })
            .collect_view()
    };
    // Where the gate stands. The signature pad stays while the customer signs, whatever
    // else of the job changes.
    let signed = Memo::new(move |_| job.with(|j| j.signature.is_some()));
    let ready =
        Memo::new(move |_| job.with(|j| j.gate_override.is_some() || j.check_in_gaps().is_empty()));
    let signing = move || {
        if signed.get() {
            view! {
                <SealedSheet job=job.get_untracked()/>
                <StepLink href=copy_href(id) class="button primary wide">{i18n.t(Msg::CustomerCopy)}</StepLink>
            }
            .into_any()
        } else if ready.get() {
            let jobs = use_jobs();
            let signer_name = job.with_untracked(|j| j.owner.name.clone());
            let sign = move |signature| sign_check_in(jobs, id, signature);
            view! { <SignatureForm signer_name sign explain=domain_error/> }.into_any()
        } else {
            ().into_any()
        }
    };
    let gate = move || {
        job.with(|j| match (&j.gate_override, j.check_in_gaps()) {
            (Some(r), _) => {
                view! { <p class="done">{i18n.format(CheckInMsg::OverrideRecorded, &[("r", r)])}</p> }
                    .into_any()
            }
            (None, gaps) if gaps.is_empty() => {
                view! { <p class="done">{i18n.t(CheckInMsg::ReadyToSign)}</p> }.into_any()
            }
            (None, gaps) => view! {
                <section class="gate" aria-labelledby="gate-title">
                    <h2 id="gate-title">{i18n.t(CheckInMsg::GateMissing)}</h2>
                    <ul>{missing(&gaps)}</ul>
                    <form on:submit=override_gate>
                        <div class="field">
                            <label for="override-reason">{i18n.t(Msg::OverrideReason)}</label>
                            <input id="override-reason" type="text" prop:value=reason_typed
                                on:input=move |ev| reason_typed.set(event_target_value(&ev))/>
                        </div>
                        <p class="error" role="alert">{refused}</p>
                        <button type="submit">{i18n.t(CheckInMsg::Override)}</button>
                    </form>
                </section>
            }
            .into_any(),
        })
    };
    view! {
        <p class="intro">{i18n.t(CheckInMsg::ReviewIntro)}</p>
        {drafts_warning}
        // What the customer reads; the steps that change it are on the other page.
        <SheetSummary job=job.get_untracked()/>
        {gate}
        {signing}
    }
}
