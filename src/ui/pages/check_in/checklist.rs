//! The walk-around checklist: every item OK, issue (with a note) or not applicable. "All
//! remaining OK" answers the rest in one tap; what it set stays marked and can be undone.

use super::photos::Photos;
use crate::i18n::check_in_text::CheckInMsg;
use crate::i18n::check_label;
use crate::state::jobs::use_dispatch;
use crate::state::locale::use_i18n;
use crate::ui::components::choice_list::{ChoiceList, ChoiceRow};
use lanecheck_domain::inspection::{Answer, PhotoTarget};
use lanecheck_domain::{Command, Job};
use leptos::prelude::*;

const OK: usize = 0;
const ISSUE: usize = 1;
const NOT_APPLICABLE: usize = 2;

#[component]
pub fn Checklist(job: Memo<Job>) -> impl IntoView {
    let i18n = use_i18n();
    let (id, items) = job.with_untracked(|j| {
        (
            j.id,
            j.checklist
                .iter()
                .map(|e| e.item.clone())
                .collect::<Vec<_>>(),
        )
    });
    let (run, error) = use_dispatch(id);
    let rows = Memo::new(move |_| {
        job.with(|j| {
            j.checklist
                .iter()
                .map(|entry| ChoiceRow {
                    label: check_label(&entry.item)
                        .map_or_else(str::to_string, |m| i18n.t(m).to_string()),
                    chosen: entry.answer.as_ref().map(|a| match a {
                        Answer::Ok => OK,
                        Answer::Issue { .. } => ISSUE,
                        Answer::NotApplicable => NOT_APPLICABLE,
                    }),
                    note: match &entry.answer {
                        Some(Answer::Issue { note }) => note.clone(),
                        _ => String::new(),
                    },
                    remark: entry.bulk.then(|| i18n.t(CheckInMsg::SetByAllOk)),
                })
                .collect()
        })
    });
    // An issue's photos (a row's item never changes).
    let extra = Callback::new(move |row: usize| {
        let item = job.with_untracked(|j| j.checklist.get(row).map(|e| e.item.clone()));
        item.map(|item| {
            view! { <Photos job target=PhotoTarget::Check(item) key=format!("check-{row}")/> }
        })
        .into_any()
    });
    let on_choose = Callback::new(move |(row, choice, note): (usize, usize, String)| {
        let answer = match choice {
            OK => Answer::Ok,
            ISSUE => Answer::Issue { note },
            _ => Answer::NotApplicable,
        };
        run.run(Command::AnswerCheck {
            item: items[row].clone(),
            answer: Some(answer),
        });
    });
    let open = move || job.with(|j| j.checklist.iter().filter(|e| e.answer.is_none()).count());
    let bulk = move || job.with(|j| j.checklist.iter().any(|e| e.bulk));
    view! {
        <div class="bulk">
            {move || (open() > 0).then(|| view! {
                <p>{i18n.format(CheckInMsg::ChecklistLeft, &[("n", &open().to_string())])}</p>
                <button type="button" class="primary" on:click=move |_| run.run(Command::AllRemainingOk)>
                    {i18n.t(CheckInMsg::AllRemainingOk)}
                </button>
            })}
            {move || bulk().then(|| view! {
                <button type="button" on:click=move |_| run.run(Command::UndoAllRemainingOk)>
                    {i18n.t(CheckInMsg::UndoAllRemainingOk)}
                </button>
            })}
        </div>
        <p class="error" role="alert">{error}</p>
        <ChoiceList rows=rows.into() choices=vec![i18n.t(CheckInMsg::AnswerOk), i18n.t(CheckInMsg::AnswerIssue), i18n.t(CheckInMsg::AnswerNa)]
            note_for=ISSUE note_label=i18n.t(CheckInMsg::IssueNote) on_choose extra/>
    }
}
