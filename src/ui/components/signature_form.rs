//! The customer's signature: a canvas pad (pointer events, `touch-action: none`), undo and
//! clear, the signer's typed name, then "sign": the PNG is hashed and stored as a blob, and
//! the caller's command records the signature (the check-in sheet's, the repair order's or an
//! add-on's), which seals what was signed.

use crate::i18n::{Locale, Msg};
use crate::platform::clock;
use crate::platform::signature::ink::Point;
use crate::platform::signature::SignaturePad;
use crate::state::jobs::{use_jobs, ChangeError};
use crate::state::locale::use_i18n;
use crate::storage::StoreError;
use crate::ui::components::text_field::TextField;
use lanecheck_domain::inspection::SignatureRef;
use lanecheck_domain::DomainError;
use leptos::ev::PointerEvent;
use leptos::html::Canvas;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

fn point(ev: &PointerEvent) -> Point {
    Point {
        x: f64::from(ev.offset_x()),
        y: f64::from(ev.offset_y()),
        t: ev.time_stamp(),
    }
}

/// The pad, the signer's name and "sign": the PNG is stored as a blob, then `sign` records
/// the signature (the check-in's or the repair order's); a refusal is worded by `explain`.
#[component]
pub fn SignatureForm<S, F>(
    /// The name the signer field starts with (the owner's).
    signer_name: String,
    /// Records the signature.
    sign: S,
    /// Words a refusal.
    explain: fn(Locale, &DomainError) -> String,
) -> impl IntoView
where
    S: Fn(SignatureRef) -> F + Copy + 'static,
    F: Future<Output = Result<(), ChangeError>> + 'static,
{
    let i18n = use_i18n();
    let jobs = use_jobs();
    let drafts = crate::state::drafts::use_drafts();
    let signer = drafts.field("signer", Signal::stored(signer_name));
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
    let confirm = move |_| {
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
                Ok(blob) => match jobs.store_blob(&blob).await {
                    Ok(png_sha256) => {
                        sign(SignatureRef {
                            png_sha256,
                            signer: signer.get_untracked(),
                            signed_at: clock::now(),
                        })
                        .await
                    }
                    Err(err) => Err(err),
                },
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
                    set_error.try_set(Some(explain(i18n.locale(), &err)));
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
            <button type="button" class="primary wide" disabled=busy on:click=confirm>{i18n.t(Msg::ConfirmSignature)}</button>
        </section>
    }
}
