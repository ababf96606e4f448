//! What the app knows about the device: connectivity, whether storage is persistent, and
//! whether a new app version is waiting to take over.

use crate::platform::{online::use_online, persist, service_worker};
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::ServiceWorker;

#[derive(Clone, Copy)]
pub struct Device {
    pub online: ReadSignal<bool>,
    /// `None` until the browser has answered the persistence request.
    pub persistent: RwSignal<Option<bool>>,
    update: RwSignal<Option<ServiceWorker>, LocalStorage>,
}

impl Device {
    pub fn update_available(&self) -> bool {
        self.update.with(Option::is_some)
    }

    pub fn apply_update(&self) {
        self.update.with_untracked(|w| {
            if let Some(worker) = w {
                service_worker::apply_update(worker);
            }
        });
    }
}

pub fn provide_device() {
    let device = Device {
        online: use_online(),
        persistent: RwSignal::new(None),
        update: RwSignal::new_local(None),
    };
    spawn_local(async move {
        device
            .persistent
            .set(Some(persist::request_persistence().await));
    });
    spawn_local(service_worker::register(move |worker| {
        device.update.set(Some(worker))
    }));
    provide_context(device);
}

pub fn use_device() -> Device {
    expect_context()
}
