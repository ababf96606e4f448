//! Whether the device has network, from `navigator.onLine` and the window's online/offline
//! events.

use leptos::ev;
use leptos::prelude::*;

/// A signal that follows the browser's connectivity.
pub fn use_online() -> ReadSignal<bool> {
    let initial = web_sys::window().is_none_or(|w| w.navigator().on_line());
    let (online, set_online) = signal(initial);
    let up = window_event_listener(ev::online, move |_| set_online.set(true));
    let down = window_event_listener(ev::offline, move |_| set_online.set(false));
    on_cleanup(move || {
        up.remove();
        down.remove();
    });
    online
}
