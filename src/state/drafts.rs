//! What is typed and not saved yet. Every text field of every form keeps its text on this
//! device as it is typed (localStorage, written in the keystroke's own turn, so a reload, a
//! killed tab or an update loses nothing) and shows it again when its screen opens. A form
//! saves its fields as soon as they are valid; what cannot be saved yet stays a draft, and the
//! header then says so for the screen in front of the advisor, never "saved".
//!
//! Keys are `draft:<scope>:<field>`; a scope is one screen (`job:<id>:customer`, `new`, …).

use crate::state::jobs::use_jobs;
use leptos::prelude::*;

const PREFIX: &str = "draft:";

#[derive(Clone, Copy)]
pub struct Drafts {
    /// The screen in front of the advisor (shared with `Jobs`, which tells saves apart by it).
    scope: RwSignal<String>,
    /// Whether the current screen holds a draft.
    pub pending: RwSignal<bool>,
    saved_for: RwSignal<String>,
}

pub fn provide_drafts() {
    let jobs = use_jobs();
    provide_context(Drafts {
        scope: jobs.screen,
        pending: RwSignal::new(false),
        saved_for: jobs.saved_for,
    });
}

pub fn use_drafts() -> Drafts {
    expect_context()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The keys of every draft whose scope starts with `scope`.
pub fn keys(scope: &str) -> Vec<String> {
    let Some(store) = storage() else {
        return Vec::new();
    };
    let prefix = format!("{PREFIX}{scope}");
    (0..store.length().unwrap_or(0))
        .filter_map(|i| store.key(i).ok().flatten())
        .filter(|k| k.starts_with(&prefix))
        .collect()
}

impl Drafts {
    /// The screen in front of the advisor is now `scope`.
    pub fn enter(self, scope: String) {
        if self.scope.get_untracked() != scope {
            self.pending.set(!keys(&format!("{scope}:")).is_empty());
            self.scope.set(scope);
        }
    }

    /// Whether the last save was made on the screen in front of the advisor: "saved" is
    /// announced only then, never for a screen already left.
    pub fn saved_here(self) -> bool {
        self.saved_for.get() == self.scope.get()
    }

    /// A field of the current screen: its draft if it has one, else what is saved. What is
    /// typed is kept as the draft until it is what is saved (which may change meanwhile: a
    /// screen follows its job without rendering anew).
    pub fn field(self, name: &str, saved: Signal<String>) -> RwSignal<String> {
        let key = self.key(name);
        let kept = self.kept(name);
        let value = RwSignal::new(kept.unwrap_or_else(|| saved.get_untracked()));
        // Runs at once (dropping a draft that equals what is saved) and on every change.
        Effect::new(move |_| {
            let text = value.get();
            let same = saved.with(|saved| *saved == text);
            if let Some(store) = storage() {
                let _ = if same {
                    store.remove_item(&key)
                } else {
                    store.set_item(&key, &text)
                };
            }
            self.refresh();
        });
        value
    }

    /// The draft of one field of the current screen, if it has one.
    pub fn kept(self, name: &str) -> Option<String> {
        storage()?.get_item(&self.key(name)).ok()?
    }

    /// Keeps `text` as the draft of one field of the current screen (for fields whose saved
    /// value arrives after the screen opens).
    pub fn keep(self, name: &str, text: &str) {
        if let Some(store) = storage() {
            let _ = store.set_item(&self.key(name), text);
        }
        self.refresh();
    }

    /// Forgets one field's draft: what was typed is saved.
    pub fn forget(self, name: &str) {
        if let Some(store) = storage() {
            let _ = store.remove_item(&self.key(name));
        }
        self.refresh();
    }

    fn key(self, name: &str) -> String {
        format!("{PREFIX}{}:{name}", self.scope.get_untracked())
    }

    /// The screen in front of the advisor, to clear its drafts later (`clear`).
    pub fn here(self) -> String {
        self.scope.get_untracked()
    }

    /// Forgets the drafts of screen `scope` (its form was saved or sent): taken when the form
    /// was sent, so that a save that ends after the advisor moved on clears that screen's
    /// drafts, never those of the screen in front of them.
    pub fn clear(self, scope: &str) {
        if let Some(store) = storage() {
            for key in keys(&format!("{scope}:")) {
                let _ = store.remove_item(&key);
            }
        }
        self.refresh();
    }

    fn refresh(self) {
        let scope = format!("{}:", self.scope.get_untracked());
        self.pending.set(!keys(&scope).is_empty());
    }
}
