//! The `BroadcastChannel` between the pages and the sync worker. Its messages are the text
//! of `lanecheck_sync::report::Message`; one that does not parse is ignored.

use lanecheck_sync::report::Message;
use wasm_bindgen::prelude::*;
use web_sys::{BroadcastChannel, MessageEvent};

const NAME: &str = "lanecheck-sync";

pub struct Channel {
    channel: BroadcastChannel,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
}

impl Channel {
    /// Joins the channel; `on_message` gets every message another context posts.
    pub fn open(on_message: impl Fn(Message) + 'static) -> Option<Channel> {
        let channel = BroadcastChannel::new(NAME).ok()?;
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(message) = event.data().as_string().and_then(|t| Message::parse(&t)) {
                on_message(message);
            }
        });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Some(Channel {
            channel,
            _on_message: on_message,
        })
    }

    pub fn post(&self, message: &Message) {
        let _ = self.channel.post_message(&message.to_text().into());
    }
}
