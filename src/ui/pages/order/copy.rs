//! The signed order's copy: the order as printed (A4 or an 80 mm slip) with the customer's
//! signature, the seal and a QR code of the job number and the seal; the start of the repair,
//! and the way to the add-ons.

use super::paper::OrderPaper;
use super::{Ctx, Screen};
use crate::i18n::order::OrderMsg;
use crate::i18n::Msg;
use crate::platform::clock::local_date_time;
use crate::state::locale::use_i18n;
use crate::ui::components::blob_image::BlobImage;
use crate::ui::components::paper_choice::PaperChoice;
use crate::ui::components::qr_code::QrCode;
use lanecheck_domain::order_command::OrderCommand;
use lanecheck_domain::order_seal::{intact, order_code};
use lanecheck_domain::JobState;
use leptos::prelude::*;

#[component]
pub fn OrderCopy(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let id = ctx.id();
    let receipt = RwSignal::new(false);
    let state = Memo::new(move |_| ctx.job.with(|j| j.state));
    let sealed = move || {
        let (job, order) = (ctx.job.get(), ctx.order.get());
        let s = order.signed.clone()?;
        let ok = intact(&job, &order);
        let code = order_code(&job, &order).unwrap_or_default();
        let when = local_date_time(s.signature.signed_at, i18n.locale().tag());
        Some(view! {
            <section class="sealed">
                <h2>{i18n.t(OrderMsg::OrderSignedTitle)}</h2>
                <p>{i18n.format(Msg::SignedBy, &[("n", &s.signature.signer), ("t", &when)])}</p>
                <BlobImage sha256=s.signature.png_sha256.clone() alt=i18n.t(Msg::SignatureImage).to_string() class="signature-image"/>
                <p class=if ok { "done" } else { "error" } role="status">{i18n.t(if ok { Msg::SealIntact } else { Msg::SealBroken })}</p>
                <p class="seal"><span>{i18n.t(OrderMsg::OrderSealLabel)}</span> " " <code>{s.seal}</code></p>
                <figure class="qr-box">
                    <QrCode text=code label=i18n.t(Msg::QrLabel).to_string()/>
                    <figcaption>{i18n.t(Msg::QrLabel)}</figcaption>
                </figure>
            </section>
        })
    };
    let next = move || {
        match state.get() {
        JobState::OrderSigned => view! {
            <button type="button" class="primary wide" on:click=move |_| ctx.run.run(OrderCommand::StartRepair)>
                {i18n.t(OrderMsg::StartRepair)}
            </button>
        }
        .into_any(),
        JobState::InRepair | JobState::AwaitingApproval => view! {
            <a href=Screen::AddOns.href(id) class="button primary wide">{i18n.t(OrderMsg::StepAddOns)}</a>
        }
        .into_any(),
        _ => ().into_any(),
    }
    };
    view! {
        <OrderPaper ctx receipt>{sealed}</OrderPaper>
        <div class="copy-tools">
            <PaperChoice receipt/>
            {next}
        </div>
    }
}
