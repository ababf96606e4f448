//! The check-in's signing: the sheet is signed with the shared signature form
//! (`components::signature_form`), and once signed, the sealed sheet is shown read-only with
//! its seal and whether the stored record still matches it.

use crate::i18n::check_in_text::CheckInMsg;
use crate::i18n::Msg;
use crate::platform::clock::local_date_time;
use crate::state::jobs::{ChangeError, Jobs};
use crate::state::locale::use_i18n;
use crate::ui::components::blob_image::BlobImage;
use lanecheck_domain::inspection::SignatureRef;
use lanecheck_domain::seal::SealStatus;
use lanecheck_domain::{Command, Job, JobId, JobState};
use leptos::prelude::*;

/// Signs the check-in sheet (starting the walk-around first if it never was).
pub async fn sign_check_in(
    jobs: Jobs,
    id: JobId,
    signature: SignatureRef,
) -> Result<(), ChangeError> {
    if jobs.job(id).is_some_and(|j| j.state == JobState::Arrived) {
        jobs.dispatch(id, Command::StartInspection).await?;
    }
    jobs.dispatch(id, Command::SignCheckIn(signature)).await
}

#[component]
pub fn SealedSheet(job: Job) -> impl IntoView {
    let i18n = use_i18n();
    let (check, class) = match job.seal_status() {
        SealStatus::Intact => (Msg::SealIntact, "done"),
        _ => (Msg::SealBroken, "error"),
    };
    let seal = job.seal.clone().unwrap_or_default();
    view! {
        <section class="sealed" aria-labelledby="sealed-title">
            <h2 id="sealed-title">{i18n.t(CheckInMsg::SealedTitle)}</h2>
            {job.signature.map(|s| view! {
                <p>{i18n.format(Msg::SignedBy, &[("n", &s.signer), ("t", &local_date_time(s.signed_at, i18n.locale().tag()))])}</p>
                <BlobImage sha256=s.png_sha256 alt=i18n.t(Msg::SignatureImage).to_string() class="signature-image"/>
            })}
            <p class=class role="status">{i18n.t(check)}</p>
            <p class="seal"><span>{i18n.t(Msg::SealLabel)}</span> " " <code>{seal}</code></p>
        </section>
    }
}
