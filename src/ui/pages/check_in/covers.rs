//! The four protective covers (四件套), each ticked when fitted in front of the customer. The
//! first tick also starts the walk-around (state Inspecting), right after it.

use crate::i18n::check_in_text::CheckInMsg;
use crate::i18n::cover_label;
use crate::state::jobs::use_jobs;
use crate::state::locale::use_i18n;
use lanecheck_domain::inspection::Cover;
use lanecheck_domain::{Command, Job, JobState};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn Covers(job: Memo<Job>) -> impl IntoView {
    let i18n = use_i18n();
    let jobs = use_jobs();
    let id = job.with_untracked(|j| j.id);
    // The tick is saved first and the walk-around started after it: the job that comes back
    // from the first save already holds the tick, so the box never shows unticked meanwhile.
    let fit = move |cover: Cover, fitted: bool| {
        spawn_local(async move {
            let _ = jobs.dispatch(id, Command::FitCover { cover, fitted }).await;
            if jobs.job(id).is_some_and(|j| j.state == JobState::Arrived) {
                let _ = jobs.dispatch(id, Command::StartInspection).await;
            }
        });
    };
    let rows = Cover::ALL
        .into_iter()
        .map(|cover| {
            let checked = move || job.with(|j| j.covers.contains(&cover));
            view! {
                <label class="check-row">
                    <input type="checkbox" prop:checked=checked
                        on:change=move |ev| fit(cover, event_target_checked(&ev))/>
                    <span>{i18n.t(cover_label(cover))}</span>
                    <span class="hint">{i18n.t(CheckInMsg::FittedInFront)}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <p class="intro">{i18n.t(CheckInMsg::CoversIntro)}</p>
        <div class="check-list">{rows}</div>
    }
}
