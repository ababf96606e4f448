//! LaneCheck, the service advisor's offline-first check-in app.
//!
//! Dependencies point one way: `ui` → `state` → `storage` / `platform` → the domain crate.
//! `storage` holds the only IndexedDB code, `platform` the other browser APIs, `state` the
//! reactive glue (the only Leptos contexts), `ui` the pages and components.

pub mod i18n;
pub mod platform;
pub mod state;
pub mod storage;
pub mod sync_worker;
pub mod ui;

/// Mounts the app shell (job list, new job, job page, settings) on `<body>`.
pub fn start_shell() {
    leptos::mount::mount_to_body(ui::app::App);
}

/// Mounts the check-in on `<body>`: a page of its own, so its code is not in the shell's
/// first load (see docs/architecture.md, "Two entry points").
pub fn start_check_in() {
    leptos::mount::mount_to_body(ui::check_in_app::CheckInApp);
}
