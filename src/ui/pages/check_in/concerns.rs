//! Customer concerns (问诊): every problem in the customer's own words, and when it happens.
//! What is typed is a draft until it is recorded.

use super::photos::Photos;
use crate::i18n::check_in_text::CheckInMsg;
use crate::i18n::domain_error;
use crate::state::drafts::use_drafts;
use crate::state::jobs::{use_dispatch, use_jobs, ChangeError};
use crate::state::locale::use_i18n;
use lanecheck_domain::inspection::PhotoTarget;
use lanecheck_domain::{Command, Job};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn Concerns(job: Memo<Job>) -> impl IntoView {
    let i18n = use_i18n();
    let jobs = use_jobs();
    let drafts = use_drafts();
    let id = job.with_untracked(|j| j.id);
    let (run, _) = use_dispatch(id);
    let words = drafts.field("words", Signal::stored(String::new()));
    let when = drafts.field("when", Signal::stored(String::new()));
    let error = RwSignal::new(None::<String>);
    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        let command = Command::AddConcern {
            words: words.get_untracked(),
            when_it_happens: when.get_untracked(),
        };
        // Its drafts are cleared once sent, also if the advisor has moved to another screen.
        let here = drafts.here();
        spawn_local(async move {
            match jobs.dispatch(id, command).await {
                // Recorded: the typed text is the concern now, the form is empty again.
                Ok(()) => {
                    words.set(String::new());
                    when.set(String::new());
                    error.set(None);
                    drafts.clear(&here);
                }
                Err(ChangeError::Refused(err)) => {
                    error.set(Some(domain_error(i18n.locale(), &err)));
                }
                Err(_) => {}
            }
        });
    };
    // The list renders anew when a concern is recorded or removed, not when one of its
    // photos changes (that is the photos' own part).
    let ids = Memo::new(move |_| job.with(|j| j.concerns.iter().map(|c| c.id).collect::<Vec<_>>()));
    let list = move || {
        if ids.with(Vec::is_empty) {
            return view! { <p class="empty">{i18n.t(CheckInMsg::NoConcerns)}</p> }.into_any();
        }
        let items = job
            .with_untracked(|j| j.concerns.clone())
            .into_iter()
            .map(|c| {
                let id = c.id;
                view! {
                    <li>
                        <p class="words">"“"{c.words}"”"</p>
                        <p class="hint">{c.when_it_happens}</p>
                        <Photos job target=PhotoTarget::Concern(id) key=format!("concern-{id}")/>
                        <button type="button" on:click=move |_| run.run(Command::RemoveConcern { id })>
                            {i18n.t(CheckInMsg::RemoveConcern)}
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="concerns">{items}</ul> }.into_any()
    };
    view! {
        {list}
        <form on:submit=add>
            <div class="field">
                <label for="concern-words">{i18n.t(CheckInMsg::ConcernWords)}</label>
                <textarea id="concern-words" rows="3" prop:value=words
                    on:input=move |ev| words.set(event_target_value(&ev))></textarea>
            </div>
            <div class="field">
                <label for="concern-when">{i18n.t(CheckInMsg::ConcernWhen)}</label>
                <input id="concern-when" type="text" prop:value=when
                    on:input=move |ev| when.set(event_target_value(&ev))/>
            </div>
            <p class="error" role="alert">{error}</p>
            <button type="submit" class="primary">{i18n.t(CheckInMsg::AddConcern)}</button>
        </form>
    }
}
