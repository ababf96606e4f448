//! The document: its language attribute (so screen readers and fonts follow the chosen
//! locale), and bringing a part of the page into view.

pub fn set_lang(tag: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", tag);
    }
}

/// Scrolls the first element matching `selector` into view, as a person would before using it.
pub fn reveal(selector: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
    {
        el.scroll_into_view();
    }
}
