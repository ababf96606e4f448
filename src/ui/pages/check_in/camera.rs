//! The live camera: the rear camera's preview over the step, a shutter that adds the current
//! frame to the photos of what it was opened for, and "done". It lives above the steps (a
//! step re-renders with every photo attached) and stops the camera when it closes.

use super::photos::attach;
use super::Camera;
use crate::i18n::check_in_text::CheckInMsg;
use crate::platform::camera;
use crate::state::jobs::use_jobs;
use crate::state::locale::use_i18n;
use lanecheck_domain::inspection::PhotoTarget;
use lanecheck_domain::JobId;
use leptos::html::Video;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn LiveCamera() -> impl IntoView {
    let Camera(open) = expect_context();
    move || {
        open.get()
            .map(|(id, target)| view! { <CameraSheet id target/> })
    }
}

#[component]
fn CameraSheet(id: JobId, target: PhotoTarget) -> impl IntoView {
    let i18n = use_i18n();
    let jobs = use_jobs();
    let Camera(open) = expect_context();
    let video = NodeRef::<Video>::new();
    let (ready, set_ready) = signal(false);
    let (busy, set_busy) = signal(false);
    let (taken, set_taken) = signal(0u32);
    let (problem, set_problem) = signal(None::<&'static str>);
    Effect::new(move || {
        if let Some(el) = video.get() {
            spawn_local(async move {
                let started = camera::open(&el).await.is_ok();
                set_ready.try_set(started);
                if !started {
                    set_problem.try_set(Some(i18n.t(CheckInMsg::CameraUnavailable)));
                }
            });
        }
    });
    on_cleanup(camera::close);
    let target = StoredValue::new(target);
    let shoot = move |_| {
        let Some(el) = video.get_untracked() else {
            return;
        };
        set_busy.set(true);
        spawn_local(async move {
            let result = attach(jobs, id, target.get_value(), &el).await;
            set_busy.try_set(false);
            match result {
                Ok(()) => {
                    set_taken.try_update(|n| *n += 1);
                }
                Err(_) => {
                    set_problem.try_set(Some(i18n.t(CheckInMsg::CameraUnavailable)));
                }
            }
        });
    };
    view! {
        <div class="camera" role="dialog" aria-modal="true" aria-label=i18n.t(CheckInMsg::LiveCamera)>
            <video node_ref=video playsinline=true muted=true aria-label=i18n.t(CheckInMsg::CameraPreview)></video>
            <p class="error" role="alert">{problem}</p>
            <p role="status">{move || i18n.format(CheckInMsg::PhotosTaken, &[("n", &taken.get().to_string())])}</p>
            <div class="camera-tools">
                <button type="button" class="primary" disabled=move || !ready.get() || busy.get() on:click=shoot>
                    {i18n.t(CheckInMsg::Shutter)}
                </button>
                <button type="button" on:click=move |_| open.set(None)>{i18n.t(CheckInMsg::CloseCamera)}</button>
            </div>
        </div>
    }
}
