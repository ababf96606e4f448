//! A list of items, each answered by one of a few choices (radio buttons), with a note field
//! for the choice that needs one ("issue", "left in the car"). Used by the checklist and the
//! valuables; not generic, so it is compiled once. Each row follows its own answer: a change
//! of one row leaves the others (and a note being typed) as they are.

use crate::state::drafts::use_drafts;
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
pub struct ChoiceRow {
    pub label: String,
    pub chosen: Option<usize>,
    pub note: String,
    /// A short remark under the label, such as "set by all remaining OK".
    pub remark: Option<&'static str>,
}

#[component]
pub fn ChoiceList(
    /// The items, in display order; their number does not change.
    rows: Signal<Vec<ChoiceRow>>,
    /// The label of each choice.
    choices: Vec<&'static str>,
    /// The choice that asks for a note.
    note_for: usize,
    /// The note field's label.
    note_label: &'static str,
    /// Called with (row, choice, note) when a choice or a note changes.
    on_choose: Callback<(usize, usize, String)>,
    /// Shown with a row's note, such as the photos of an issue.
    #[prop(optional)]
    extra: Option<Callback<usize, AnyView>>,
) -> impl IntoView {
    let drafts = use_drafts();
    let count = rows.with_untracked(Vec::len);
    (0..count)
        .map(|row| {
            // Only a change of this row's choice renders its note field anew.
            let chosen = Memo::new(move |_| rows.with(|r| r.get(row).and_then(|i| i.chosen)));
            let note = move || rows.with(|r| r.get(row).map(|i| i.note.clone()).unwrap_or_default());
            let name = format!("choice-{row}");
            let buttons = choices
                .iter()
                .enumerate()
                .map(|(choice, label)| {
                    view! {
                        <label class="choice">
                            <input type="radio" name=name.clone() prop:checked=move || chosen.get() == Some(choice)
                                on:change=move |_| on_choose.run((row, choice, note()))/>
                            <span>{*label}</span>
                        </label>
                    }
                })
                .collect_view();
            let noted = move || {
                (chosen.get() == Some(note_for)).then(|| {
                    let id = format!("note-{row}");
                    // A draft as it is typed, saved when the field is left.
                    let typed = drafts.field(&id, Signal::derive(note));
                    view! {
                        <div class="field note">
                            <label for=id.clone()>{note_label}</label>
                            <input id=id type="text" prop:value=typed
                                on:input=move |ev| typed.set(event_target_value(&ev))
                                on:change=move |ev| on_choose.run((row, note_for, event_target_value(&ev)))/>
                        </div>
                        {extra.map(|extra| extra.run(row))}
                    }
                })
            };
            let label = rows.with_untracked(|r| r.get(row).map(|i| i.label.clone()));
            view! {
                <fieldset class="choice-row">
                    <legend>{label}</legend>
                    {move || rows.with(|r| r.get(row).and_then(|i| i.remark)).map(|r| view! { <p class="remark">{r}</p> })}
                    <div class="choices">{buttons}</div>
                    {noted}
                </fieldset>
            }
        })
        .collect_view()
}
