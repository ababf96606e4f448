//! Reactive glue between the pages and the rest: the only Leptos contexts. Each file provides
//! one context with a `provide_*` / `use_*` pair.

pub mod device;
pub mod drafts;
pub mod jobs;
pub mod locale;
pub mod sync;

/// Provides every context; called once by the app root.
pub fn provide_app_state() {
    locale::provide_locale();
    device::provide_device();
    jobs::provide_jobs();
    drafts::provide_drafts();
    sync::provide_sync();
}
