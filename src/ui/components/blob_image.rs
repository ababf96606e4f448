//! An image stored as a blob in IndexedDB (a photo, the signature), shown through an object
//! URL that is revoked when the image leaves the page. Its bytes never enter wasm memory.

use crate::platform::blob::{object_url, revoke};
use crate::state::jobs::use_jobs;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn BlobImage(
    /// The blob's SHA-256.
    sha256: String,
    /// The image's text alternative.
    alt: String,
    /// Class of the `<img>`.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let jobs = use_jobs();
    let (url, set_url) = signal(None::<String>);
    spawn_local(async move {
        if let Some(found) = jobs.blob(&sha256).await.as_ref().and_then(object_url) {
            // The image may have left the page while its blob was read.
            if set_url.try_set(Some(found.clone())).is_some() {
                revoke(&found);
            }
        }
    });
    on_cleanup(move || url.with_untracked(|u| u.as_deref().into_iter().for_each(revoke)));
    move || {
        url.get()
            .map(|src| view! { <img class=class src=src alt=alt.clone()/> })
    }
}
