//! The customer's signature: a canvas pad (pointer events, `touch-action: none`), undo and
//! clear, the signer's typed name, then "sign and seal": the PNG is hashed and stored as a
//! blob, and the signature command seals the sheet. Once signed, the sealed sheet is shown
//! read-only with its seal and whether the stored record still matches it.

use crate::i18n::{domain_error, Msg};
use crate::platform::clock::{self, local_date_time};
use crate::platform::signature::ink::Point;
use crate::platform::signature::SignaturePad;
use crate::state::jobs::{use_jobs, ChangeError, Jobs};
use crate::state::locale::use_i18n;
use crate::storage::StoreError;
use crate::ui::components::blob_image::BlobImage;
use crate::ui::components::text_field::TextField;
use lanecheck_domain::inspection::SignatureRef;
use lanecheck_domain::seal::SealStatus;
use lanecheck_domain::{Command, Job, JobId, JobState};
use leptos::ev::PointerEvent;
use leptos::html::Canvas;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::Blob;

fn point(ev: &PointerEvent) -> Point {
    Point {
        x: f64::from(ev.offset_x()),
        y: f64::from(ev.offset_y()),
        t: ev.time_stamp(),
    }
}

#[component]
pub fn SignatureForm(job: Job) -> impl IntoView {
    let i18n = use_i18n();
    let jobs = use_jobs();
    let id = job.id;
    let drafts = crate::state::drafts::use_drafts();
    let signer = drafts.field("signer", Signal::stored(job.owner.name.clone()));
    let (error, set_error) = signal(None::<String>);
    let (busy, set_busy) = signal(false);
    let canvas = NodeRef::<Canvas>::new();
    let pad = StoredValue::new_local(None::<SignaturePad>);
    Effect::new(move || {
        if let Some(el) = canvas.get() {
            pad.set_value(SignaturePad::new(el));
        }
    });
    let with_pad = move |f: &dyn Fn(&mut SignaturePad)| {
        pad.update_value(|p| p.as_mut().into_iter().for_each(f))
    };
    let down = move |ev: PointerEvent| {
        ev.prevent_default();
        if let Some(el) = canvas.get_untracked() {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
        with_pad(&|p| p.down(point(&ev)));
    };
    let moved = move |ev: PointerEvent| {
        if ev.buttons() != 0 {
            with_pad(&|p| p.moved(point(&ev)));
        }
    };
    let up = move |_: PointerEvent| with_pad(&|p| p.up());
    let sign = move |_| {
        set_error.set(None);
        let empty = pad.with_value(|p| p.as_ref().is_none_or(SignaturePad::is_empty));
        if empty {
            set_error.set(Some(i18n.t(Msg::SignatureEmpty).to_string()));
            return;
        }
        let Some(png) = pad.with_value(|p| p.as_ref().map(SignaturePad::png)) else {
            return;
        };
        set_busy.set(true);
        // Its drafts are cleared once sent, also if the advisor has moved to another screen.
        let here = drafts.here();
        spawn_local(async move {
            let result = match png.await {
                Ok(blob) => sign_and_seal(jobs, id, signer.get_untracked(), &blob).await,
                Err(_) => Err(ChangeError::Storage(StoreError::Unavailable(
                    "canvas".into(),
                ))),
            };
            // Once signed, the sealed sheet replaces this form: its signals may be gone.
            set_busy.try_set(false);
            match result {
                // The typed name is on the sealed sheet now.
                Ok(()) => drafts.clear(&here),
                Err(ChangeError::Refused(err)) => {
                    set_error.try_set(Some(domain_error(i18n.locale(), &err)));
                }
                Err(_) => {}
            }
        });
    };
    view! {
        <section class="signature" aria-labelledby="sign-title">
            <h2 id="sign-title">{i18n.t(Msg::SignHere)}</h2>
            <canvas node_ref=canvas class="pad" aria-label=i18n.t(Msg::SignHere) role="img"
                on:pointerdown=down on:pointermove=moved on:pointerup=up on:pointercancel=up></canvas>
            <div class="pad-tools">
                <button type="button" on:click=move |_| with_pad(&|p| p.undo())>{i18n.t(Msg::UndoStroke)}</button>
                <button type="button" on:click=move |_| with_pad(&|p| p.clear())>{i18n.t(Msg::ClearSignature)}</button>
            </div>
            <TextField id="signer" label=i18n.t(Msg::SignerName) value=signer/>
            <p class="error" role="alert">{error}</p>
            <button type="button" class="primary wide" disabled=busy on:click=sign>{i18n.t(Msg::ConfirmSignature)}</button>
        </section>
    }
}

/// Stores the PNG, then signs (starting the walk-around first if it never was).
async fn sign_and_seal(
    jobs: Jobs,
    id: JobId,
    signer: String,
    png: &Blob,
) -> Result<(), ChangeError> {
    let png_sha256 = jobs.store_blob(png).await?;
    if jobs.job(id).is_some_and(|j| j.state == JobState::Arrived) {
        jobs.dispatch(id, Command::StartInspection).await?;
    }
    let signature = SignatureRef {
        png_sha256,
        signer,
        signed_at: clock::now(),
    };
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
            <h2 id="sealed-title">{i18n.t(Msg::SealedTitle)}</h2>
            {job.signature.map(|s| view! {
                <p>{i18n.format(Msg::SignedBy, &[("n", &s.signer), ("t", &local_date_time(s.signed_at, i18n.locale().tag()))])}</p>
                <BlobImage sha256=s.png_sha256 alt=i18n.t(Msg::SignatureImage).to_string() class="signature-image"/>
            })}
            <p class=class role="status">{i18n.t(check)}</p>
            <p class="seal"><span>{i18n.t(Msg::SealLabel)}</span> " " <code>{seal}</code></p>
        </section>
    }
}
