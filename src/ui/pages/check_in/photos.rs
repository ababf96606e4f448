//! Photos of one thing (a checklist issue, a concern, a damage mark): the camera
//! (`capture="environment"`) or the gallery, each file downscaled and stored as a blob under its
//! SHA-256 before it is linked to the job; thumbnails come back from IndexedDB as object URLs.
//! A file that is not a usable image gets a message here, and nothing else changes.

use crate::i18n::Msg;
use crate::platform::blob::{object_url, revoke};
use crate::platform::clock;
use crate::platform::photo::{process, PhotoError};
use crate::state::jobs::{use_dispatch, use_jobs};
use crate::state::locale::use_i18n;
use lanecheck_domain::inspection::{PhotoRef, PhotoTarget};
use lanecheck_domain::{Command, Job};
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::HtmlInputElement;

#[component]
pub fn Photos(job: Job, target: PhotoTarget, key: String) -> impl IntoView {
    let i18n = use_i18n();
    let jobs = use_jobs();
    let id = job.id;
    let (run, error) = use_dispatch(id);
    let (problem, set_problem) = signal(None::<String>);
    let (busy, set_busy) = signal(false);
    let shown: Vec<String> = job
        .photos
        .iter()
        .filter(|p| p.target == target)
        .map(|p| p.sha256.clone())
        .collect();
    let (urls, set_urls) = signal(Vec::<(String, String)>::new());
    let loading = shown.clone();
    spawn_local(async move {
        let mut loaded = Vec::new();
        for sha in loading {
            if let Some(url) = jobs.blob(&sha).await.as_ref().and_then(object_url) {
                loaded.push((sha, url));
            }
        }
        set_urls.set(loaded);
    });
    on_cleanup(move || urls.with_untracked(|u| u.iter().for_each(|(_, url)| revoke(url))));

    let target = StoredValue::new(target);
    let add = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        let Some(files) = input.files() else { return };
        let files: Vec<_> = (0..files.length()).filter_map(|i| files.item(i)).collect();
        input.set_value("");
        let target = target.get_value();
        set_problem.set(None);
        set_busy.set(true);
        // Each attached photo re-renders the step and so this component: the loop goes on
        // through the app-wide `jobs`, and the local signals may already be gone.
        spawn_local(async move {
            for file in files {
                let name = file.name();
                let photo = match process(&file).await {
                    Ok(photo) => photo,
                    Err(err) => {
                        let msg = if err == PhotoError::Unreadable {
                            Msg::PhotoUnreadable
                        } else {
                            Msg::PhotoTooLarge
                        };
                        set_problem.try_set(Some(i18n.format(msg, &[("f", &name)])));
                        continue;
                    }
                };
                let Ok(sha256) = jobs.store_blob(&photo.blob).await else {
                    continue;
                };
                let attach = Command::AttachPhoto(PhotoRef {
                    sha256,
                    target: target.clone(),
                    width: photo.width,
                    height: photo.height,
                    bytes: photo.blob.size() as u64,
                    taken_at: clock::now(),
                });
                let _ = jobs.dispatch(id, attach).await;
            }
            set_busy.try_set(false);
        });
    };
    let camera_id = format!("camera-{key}");
    let gallery_id = format!("gallery-{key}");
    view! {
        <div class="photos">
            <ul class="thumbs">
                {move || urls.get().into_iter().enumerate().map(|(i, (sha, url))| {
                    let n = (i + 1).to_string();
                    view! {
                        <li>
                            <img src=url alt=i18n.format(Msg::PhotoAlt, &[("n", &n)])/>
                            <button type="button" class="remove" aria-label=i18n.format(Msg::RemovePhoto, &[("n", &n)])
                                on:click=move |_| run.run(Command::DetachPhoto { sha256: sha.clone() })>"×"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="photo-inputs">
                <label class="button" for=camera_id.clone()>{i18n.t(Msg::TakePhoto)}</label>
                <input id=camera_id class="visually-hidden" type="file" accept="image/*" capture="environment" multiple on:change=add/>
                <label class="button" for=gallery_id.clone()>{i18n.t(Msg::PickPhoto)}</label>
                <input id=gallery_id class="visually-hidden" type="file" accept="image/*" multiple on:change=add/>
            </div>
            {move || busy.get().then(|| view! { <p class="hint" role="status">{i18n.t(Msg::Processing)}</p> })}
            <p class="error" role="alert">{move || problem.get().or_else(|| error.get())}</p>
        </div>
    }
}
