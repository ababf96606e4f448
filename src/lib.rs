//! LaneCheck, the service advisor's offline-first check-in app.
//!
//! Dependencies point one way: `ui` → `state` → `storage` / `platform` → the domain crate.
//! `storage` holds the only IndexedDB code, `platform` the other browser APIs, `state` the
//! reactive glue (the only Leptos contexts), `ui` the pages and components.

pub mod i18n;
pub mod platform;
pub mod state;
pub mod storage;
pub mod ui;

/// Mounts the app on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(ui::app::App);
}
