//! The customer copy (客户联) of the sealed check-in: job number, vehicle and customer, the
//! sheet with photo thumbnails, the signature, the seal and a QR code holding job number and
//! seal. Made for paper: print CSS for A4 and for 80 mm receipt printers, the paper chosen
//! here (it sets the printed page size).

use super::sheet::SheetSummary;
use super::signature::SealedSheet;
use super::{Step, StepLink};
use crate::i18n::check_in_text::CheckInMsg;
use crate::i18n::Msg;
use crate::platform::clock::local_date_time;
use crate::state::locale::use_i18n;
use crate::ui::components::paper_choice::PaperChoice;
use crate::ui::components::qr_code::QrCode;
use lanecheck_domain::seal::receipt_code;
use lanecheck_domain::Job;
use leptos::prelude::*;

#[component]
pub fn CustomerCopy(job: Job) -> impl IntoView {
    let i18n = use_i18n();
    let Some(code) = receipt_code(&job) else {
        return view! {
            <section class="page">
                <h1>{i18n.t(Msg::CustomerCopy)}</h1>
                <p>{i18n.t(CheckInMsg::CopyNotSigned)}</p>
                <StepLink href=Step::Review.href(job.id) class="button primary">{i18n.t(CheckInMsg::StepReview)}</StepLink>
            </section>
        }
        .into_any();
    };
    let receipt = RwSignal::new(false);
    let tag = i18n.locale().tag();
    let v = &job.vehicle;
    let facts = [
        (Msg::PlateLabel, v.plate.to_string()),
        (Msg::MakeModel, v.make_model.clone()),
        (Msg::Colour, v.colour.clone()),
        (
            Msg::VinLabel,
            v.vin
                .as_ref()
                .map(|n| n.as_str().to_string())
                .unwrap_or_default(),
        ),
        (
            Msg::Odometer,
            v.odometer_km.map(|km| km.to_string()).unwrap_or_default(),
        ),
        (
            Msg::Fuel,
            v.fuel_eighths
                .map(|n| i18n.format(CheckInMsg::FuelEighths, &[("n", &n.to_string())]))
                .unwrap_or_default(),
        ),
        (Msg::OwnerName, job.owner.name.clone()),
        (
            Msg::BringerName,
            job.bringer
                .as_ref()
                .map(|b| b.name.clone())
                .unwrap_or_default(),
        ),
        (
            Msg::ArrivedAt,
            job.arrived_at
                .map(|t| local_date_time(t, tag))
                .unwrap_or_default(),
        ),
    ]
    .into_iter()
    .filter(|(_, value)| !value.is_empty())
    .map(|(label, value)| view! { <dt>{i18n.t(label)}</dt><dd>{value}</dd> })
    .collect_view();
    view! {
        <article class="copy" class:receipt=receipt aria-labelledby="copy-title">
            <header class="copy-head">
                <h1 id="copy-title">{i18n.t(CheckInMsg::CopyTitle)}</h1>
                <p class="job-no">{i18n.t(Msg::JobNumber)} " " <strong>{job.id.short()}</strong></p>
            </header>
            <dl class="copy-facts">{facts}</dl>
            <SheetSummary job=job.clone()/>
            <SealedSheet job=job.clone()/>
            <figure class="qr-box">
                <QrCode text=code label=i18n.t(Msg::QrLabel).to_string()/>
                <figcaption>{i18n.t(Msg::QrLabel)}</figcaption>
            </figure>
        </article>
        <div class="copy-tools">
            <PaperChoice receipt/>
            <StepLink href=Step::Review.href(job.id) class="button">{i18n.t(Msg::Previous)}</StepLink>
        </div>
    }
    .into_any()
}
