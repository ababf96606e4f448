//! The address bar, for pages without the router (the check-in): the current path, and
//! moving to another path of the same page with the history API, followed by back/forward.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The current path, following back/forward.
pub fn use_path() -> RwSignal<String> {
    let current = || {
        web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_default()
    };
    let path = RwSignal::new(current());
    let listener = window_event_listener(ev::popstate, move |_| path.set(current()));
    on_cleanup(move || listener.remove());
    path
}

/// Moves to `to` without reloading the page, at the top of the new screen.
pub fn go(path: RwSignal<String>, to: &str) {
    if let Some(window) = web_sys::window() {
        if let Ok(history) = window.history() {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(to));
        }
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
    path.set(to.to_string());
}
