//! The device clock. The domain never reads it; the state layer passes `now()` in.

use chrono::{DateTime, Utc};
use js_sys::Date;
use wasm_bindgen::JsValue;

pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(Date::now() as i64).unwrap_or_default()
}

/// Date and time in the device's time zone, formatted for `locale_tag`.
pub fn local_date_time(at: DateTime<Utc>, locale_tag: &str) -> String {
    let date = Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    let options = js_sys::Object::new();
    for (key, value) in [
        ("month", "2-digit"),
        ("day", "2-digit"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
    ] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_string(locale_tag, &options).into()
}

/// A time as a `datetime-local` input shows it, in the device's time zone
/// (`2026-12-07T16:30`).
pub fn to_local_input(at: DateTime<Utc>) -> String {
    let d = Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    let two = |n: u32| format!("{n:02}");
    format!(
        "{}-{}-{}T{}:{}",
        d.get_full_year(),
        two(d.get_month() + 1),
        two(d.get_date()),
        two(d.get_hours()),
        two(d.get_minutes())
    )
}

/// What a `datetime-local` input holds, read in the device's time zone; `None` when empty or
/// not a time.
pub fn from_local_input(text: &str) -> Option<DateTime<Utc>> {
    let ms = Date::new(&JsValue::from_str(text.trim())).get_time();
    (!text.trim().is_empty() && ms.is_finite())
        .then(|| DateTime::from_timestamp_millis(ms as i64))
        .flatten()
}
