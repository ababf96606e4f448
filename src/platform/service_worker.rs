//! Registers the service worker (`/sw.js`, generated at build time with the precache list)
//! and reports when a new version is waiting, so the app can offer "update available".
//! Applying the update tells the waiting worker to take over, then reloads once it controls
//! the page.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerRegistration};

/// Registers the worker; calls `on_update` with the waiting worker when a new version is
/// installed while an older one controls the page.
pub async fn register(on_update: impl Fn(ServiceWorker) + 'static) {
    let Some(container) = web_sys::window().map(|w| w.navigator().service_worker()) else {
        return;
    };
    let Ok(registration) = JsFuture::from(container.register("/sw.js")).await else {
        return;
    };
    let registration: ServiceWorkerRegistration = registration.unchecked_into();
    let on_update = std::rc::Rc::new(on_update);
    if let Some(waiting) = registration.waiting() {
        if container.controller().is_some() {
            on_update(waiting);
        }
    }
    let reg = registration.clone();
    let found = Closure::<dyn FnMut()>::new(move || {
        let Some(installing) = reg.installing() else {
            return;
        };
        let worker = installing.clone();
        let on_update = on_update.clone();
        let changed = Closure::<dyn FnMut()>::new(move || {
            let controlled = web_sys::window()
                .is_some_and(|w| w.navigator().service_worker().controller().is_some());
            if worker.state() == web_sys::ServiceWorkerState::Installed && controlled {
                on_update(worker.clone());
            }
        });
        installing.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
        changed.forget();
    });
    registration.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
    found.forget();
}

/// Activates the waiting worker and reloads the page when it has taken control.
pub fn apply_update(waiting: &ServiceWorker) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let container = window.navigator().service_worker();
    let reload = Closure::once_into_js(move || {
        let _ = window.location().reload();
    });
    container.set_oncontrollerchange(Some(reload.unchecked_ref()));
    let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
}
