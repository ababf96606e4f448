//! Photos of one thing (a checklist issue, a concern, a damage mark): the camera
//! (`capture="environment"`), the live camera where the browser has one, or the gallery, each file downscaled and stored as a blob under its
//! SHA-256 before it is linked to the job; thumbnails come back from IndexedDB (`BlobImage`).
//! A file that is not a usable image gets a message here, and nothing else changes.

use super::Camera;
use crate::i18n::check_in_text::CheckInMsg;
use crate::platform::camera;
use crate::platform::clock;
use crate::platform::photo::{process, PhotoError};
use crate::state::jobs::{use_dispatch, use_jobs, Jobs};
use crate::state::locale::use_i18n;
use crate::ui::components::blob_image::BlobImage;
use lanecheck_domain::inspection::{PhotoRef, PhotoTarget};
use lanecheck_domain::{Command, Job, JobId};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;
use web_sys::HtmlInputElement;

#[component]
pub fn Photos(job: Memo<Job>, target: PhotoTarget, key: String) -> impl IntoView {
    let i18n = use_i18n();
    let jobs = use_jobs();
    let id = job.with_untracked(|j| j.id);
    let (run, error) = use_dispatch(id);
    let (problem, set_problem) = signal(None::<String>);
    let (busy, set_busy) = signal(false);
    let super::Undo(undo) = expect_context();

    let target = StoredValue::new(target);
    // This thing's photos, each with what brings it back after a removal.
    let shown = Memo::new(move |_| {
        target.with_value(|target| {
            job.with(|j| {
                j.photos
                    .iter()
                    .filter(|p| p.target == *target)
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    let add = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        let Some(files) = input.files() else { return };
        let files: Vec<_> = (0..files.length()).filter_map(|i| files.item(i)).collect();
        input.set_value("");
        let target = target.get_value();
        set_problem.set(None);
        set_busy.set(true);
        spawn_local(async move {
            for file in files {
                if let Err(err) = attach(jobs, id, target.clone(), &file).await {
                    let msg = problem_text(err);
                    set_problem.try_set(Some(i18n.format(msg, &[("f", &file.name())])));
                }
            }
            set_busy.try_set(false);
        });
    };
    let Camera(camera) = expect_context();
    let live = camera::is_available().then(|| {
        let open = move |_| camera.set(Some((id, target.get_value())));
        view! { <button type="button" on:click=open>{i18n.t(CheckInMsg::LiveCamera)}</button> }
    });
    let camera_id = format!("camera-{key}");
    let gallery_id = format!("gallery-{key}");
    view! {
        <div class="photos">
            <ul class="thumbs">
                {move || shown.get().into_iter().enumerate().map(|(i, photo)| {
                    let n = (i + 1).to_string();
                    let remove = Command::DetachPhoto { sha256: photo.sha256.clone() };
                    let what = i18n.format(CheckInMsg::PhotoAlt, &[("n", &n)]);
                    view! {
                        <li>
                            <BlobImage sha256=photo.sha256.clone() alt=what.clone()/>
                            <button type="button" class="remove" aria-label=i18n.format(CheckInMsg::RemovePhoto, &[("n", &n)])
                                on:click=move |_| {
                                    undo.set(Some((what.clone(), vec![Command::AttachPhoto(photo.clone())])));
                                    run.run(remove.clone());
                                }>"×"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="photo-inputs">
                {live}
                <label class="button" for=camera_id.clone()>{i18n.t(CheckInMsg::TakePhoto)}</label>
                <input id=camera_id class="visually-hidden" type="file" accept="image/*" capture="environment" multiple on:change=add/>
                <label class="button" for=gallery_id.clone()>{i18n.t(CheckInMsg::PickPhoto)}</label>
                <input id=gallery_id class="visually-hidden" type="file" accept="image/*" multiple on:change=add/>
            </div>
            {move || busy.get().then(|| view! { <p class="hint" role="status">{i18n.t(CheckInMsg::Processing)}</p> })}
            <p class="error" role="alert">{move || problem.get().or_else(|| error.get())}</p>
        </div>
    }
}

/// What to tell the advisor about a photo that could not be taken in.
fn problem_text(err: PhotoError) -> CheckInMsg {
    match err {
        PhotoError::Unreadable => CheckInMsg::PhotoUnreadable,
        PhotoError::TooLarge => CheckInMsg::PhotoTooLarge,
    }
}

/// Processes an image (a picked file, or the live camera's `<video>`), stores the JPEG and
/// links it to `target`. A storage failure is reported by the app-wide banner and links
/// nothing.
pub async fn attach(
    jobs: Jobs,
    id: JobId,
    target: PhotoTarget,
    source: &JsValue,
) -> Result<(), PhotoError> {
    let photo = process(source).await?;
    if let Ok(sha256) = jobs.store_blob(&photo.blob).await {
        let attach = Command::AttachPhoto(PhotoRef {
            sha256,
            target,
            width: photo.width,
            height: photo.height,
            bytes: photo.blob.size() as u64,
            taken_at: clock::now(),
        });
        let _ = jobs.dispatch(id, attach).await;
    }
    Ok(())
}
