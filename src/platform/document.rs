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

/// Scrolls a sideways-scrolling list so that its item matching `selector` sits in the middle
/// (the current step of the stepper on a phone). The list must be positioned (`position:
/// relative`) so that its items' offsets are measured from it.
pub fn center_in_row(row: &web_sys::Element, selector: &str) {
    use wasm_bindgen::JsCast;
    let item = row
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(item) = item {
        row.set_scroll_left(item.offset_left() - (row.client_width() - item.offset_width()) / 2);
    }
}

/// Scrolls the first element matching `selector` into view when it is not wholly in it.
pub fn reveal_if_hidden(selector: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(el) = window
        .document()
        .and_then(|d| d.query_selector(selector).ok().flatten())
    else {
        return;
    };
    let rect = el.get_bounding_client_rect();
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if rect.top() < 0.0 || rect.bottom() > height {
        el.scroll_into_view();
    }
}
