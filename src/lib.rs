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

/// Mounts the app shell (the job list) on `<body>`.
pub fn start_shell() {
    leptos::mount::mount_to_body(ui::app::App);
}

/// Mounts the desk (a job's page, a new job, settings, sync) on `<body>`: a page of its own,
/// so its code is not in the shell's first load (see docs/architecture.md, "Pages").
pub fn start_desk() {
    leptos::mount::mount_to_body(ui::desk_app::DeskApp);
}

/// Mounts the check-in (a walk-in's arrival and the check-in's steps) on `<body>`: a page of
/// its own, like the desk.
pub fn start_check_in() {
    use ui::{check_in_app::CheckInApp, pages::check_in::STEPS};
    leptos::mount::mount_to_body(|| leptos::view! { <CheckInApp screens=STEPS/> });
}

/// Mounts signing (the review with the signature pad, and the customer copy) on `<body>`:
/// the check-in's second page.
pub fn start_signing() {
    use ui::{check_in_app::CheckInApp, pages::check_in::SIGNING};
    leptos::mount::mount_to_body(|| leptos::view! { <CheckInApp screens=SIGNING/> });
}
