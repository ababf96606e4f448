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

/// Mounts one page of the check-in on `<body>`: the reception (with a walk-in's arrival), the
/// inspection, the damage diagram or signing (`ui::pages::check_in::Part`), each a page of its
/// own like the desk.
pub fn start_check_in(screens: ui::pages::check_in::Screens) {
    use ui::check_in_app::CheckInApp;
    leptos::mount::mount_to_body(move || leptos::view! { <CheckInApp screens/> });
}

/// Mounts one page of the repair order on `<body>`: the writing (diagnosis, details), the
/// estimate, signing, the signed order, the add-ons' lines or their answers, each a page of
/// its own (`ui::pages::order::Part`), so the order's code is in no other page's first load.
pub fn start_order(screens: ui::pages::order::Screens) {
    use ui::order_app::OrderApp;
    leptos::mount::mount_to_body(move || leptos::view! { <OrderApp screens/> });
}
