//! The chosen UI language, persisted in local storage (`lanecheck.locale`).

use crate::i18n::{Locale, Text};
use crate::platform::document::set_lang;
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

const KEY: &str = "lanecheck.locale";

/// Texts are read without tracking: a language switch re-renders the whole app from its
/// root (`App` tracks the locale once), so no view needs a closure per string.
#[derive(Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
}

impl I18n {
    pub fn locale(&self) -> Locale {
        self.locale.get_untracked()
    }

    /// Subscribes the caller to language switches; only the app root does this.
    pub fn track(&self) {
        self.locale.track();
    }

    /// A message of any area (`Msg`, the order's `OrderMsg`): a page carries the texts of
    /// the areas it shows.
    pub fn t<M: Text>(&self, msg: M) -> &'static str {
        msg.text(self.locale())
    }

    pub fn format<M: Text>(&self, msg: M, args: &[(&str, &str)]) -> String {
        self.locale().format(msg, args)
    }

    pub fn set(&self, locale: Locale) {
        let _ = LocalStorage::set(KEY, locale);
        self.locale.set(locale);
    }
}

pub fn provide_locale() {
    let locale = RwSignal::new(LocalStorage::get::<Locale>(KEY).unwrap_or_default());
    Effect::new(move || set_lang(locale.get().tag()));
    provide_context(I18n { locale });
}

pub fn use_i18n() -> I18n {
    expect_context()
}
