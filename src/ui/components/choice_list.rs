//! A list of items, each answered by one of a few choices (radio buttons), with a note field
//! for the choice that needs one ("issue", "left in the car"). Used by the checklist and the
//! valuables; not generic, so it is compiled once.

use crate::state::drafts::use_drafts;
use leptos::prelude::*;

pub struct ChoiceRow {
    pub label: String,
    pub chosen: Option<usize>,
    pub note: String,
    /// A short remark under the label, such as "set by all remaining OK".
    pub remark: Option<&'static str>,
    /// Shown with the note, such as the photos of an issue.
    pub extra: Option<AnyView>,
}

#[component]
pub fn ChoiceList(
    /// The items, in display order.
    rows: Vec<ChoiceRow>,
    /// The label of each choice.
    choices: Vec<&'static str>,
    /// The choice that asks for a note.
    note_for: usize,
    /// The note field's label.
    note_label: &'static str,
    /// Called with (row, choice, note) when a choice or a note changes.
    on_choose: Callback<(usize, usize, String)>,
) -> impl IntoView {
    let drafts = use_drafts();
    rows.into_iter()
        .enumerate()
        .map(|(row, item)| {
            let name = format!("choice-{row}");
            let note = item.note.clone();
            let buttons = choices
                .iter()
                .enumerate()
                .map(|(choice, label)| {
                    let note = note.clone();
                    view! {
                        <label class="choice">
                            <input type="radio" name=name.clone() checked=item.chosen == Some(choice)
                                on:change=move |_| on_choose.run((row, choice, note.clone()))/>
                            <span>{*label}</span>
                        </label>
                    }
                })
                .collect_view();
            let extra = item.extra;
            let note_field = (item.chosen == Some(note_for)).then(|| {
                let id = format!("note-{row}");
                // A draft as it is typed, saved when the field is left.
                let typed = drafts.field(&id, item.note);
                view! {
                    <div class="field note">
                        <label for=id.clone()>{note_label}</label>
                        <input id=id type="text" prop:value=typed
                            on:input=move |ev| typed.set(event_target_value(&ev))
                            on:change=move |ev| on_choose.run((row, note_for, event_target_value(&ev)))/>
                    </div>
                }
            });
            view! {
                <fieldset class="choice-row">
                    <legend>{item.label}</legend>
                    {item.remark.map(|r| view! { <p class="remark">{r}</p> })}
                    <div class="choices">{buttons}</div>
                    {note_field}
                    {extra}
                </fieldset>
            }
        })
        .collect_view()
}
