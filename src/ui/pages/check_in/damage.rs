//! Damage on the vehicle diagram: five views drawn for the app (top, front, rear, left,
//! right); a tap places a mark at its normalised position, the mark gets a type, severity,
//! note and photos, and is ticked when pointed out to the customer. Marks of the vehicle's
//! earlier visits are shown as old damage, in grey, and are not part of this sheet.

use super::photos::Photos;
use crate::i18n::check_in_text::CheckInMsg;
use crate::i18n::{damage_kind_label, severity_label, view_label};
use crate::platform::document::reveal;
use crate::state::jobs::{use_dispatch, use_jobs, Jobs};
use crate::state::locale::use_i18n;
use lanecheck_domain::inspection::{DamageKind, DamageMark, PhotoTarget, Severity, View};
use lanecheck_domain::prior_damage::prior_damage;
use lanecheck_domain::{Command, Job, JobId};
use leptos::ev::MouseEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

const VIEWS: [View; 5] = [View::Left, View::Right, View::Front, View::Rear, View::Top];
const KINDS: [DamageKind; 6] = [
    DamageKind::Scratch,
    DamageKind::Dent,
    DamageKind::Crack,
    DamageKind::Chip,
    DamageKind::Stain,
    DamageKind::MissingPart,
];
const SEVERITIES: [Severity; 3] = [Severity::Minor, Severity::Moderate, Severity::Severe];

/// The outline of each view, drawn in a 200 × 120 box.
fn outline(view: View) -> &'static str {
    match view {
        View::Left | View::Right => concat!(
            r#"<path d="M12 78 L18 58 Q22 50 34 48 L62 46 L82 28 Q88 24 98 24 L140 24 Q150 24 156 30 L172 46 L184 50 Q192 54 192 64 L192 78 Z" />"#,
            r#"<path d="M88 32 L100 30 L126 30 L126 46 L72 46 Z M132 30 L146 30 Q152 31 156 36 L164 46 L132 46 Z" />"#,
            r#"<circle cx="52" cy="80" r="14" /><circle cx="156" cy="80" r="14" />"#
        ),
        View::Front | View::Rear => concat!(
            r#"<path d="M30 90 L30 60 Q32 48 44 46 L60 24 Q64 18 72 18 L128 18 Q136 18 140 24 L156 46 Q168 48 170 60 L170 90 Z" />"#,
            r#"<path d="M66 26 L134 26 L148 44 L52 44 Z" />"#,
            r#"<rect x="38" y="56" width="24" height="10" rx="3" /><rect x="138" y="56" width="24" height="10" rx="3" />"#,
            r#"<rect x="34" y="90" width="20" height="14" rx="3" /><rect x="146" y="90" width="20" height="14" rx="3" />"#
        ),
        View::Top => concat!(
            r#"<rect x="20" y="24" width="160" height="72" rx="26" />"#,
            r#"<path d="M62 30 L82 34 L82 86 L62 90 Q54 60 62 30 Z M150 32 L136 36 L136 84 L150 88 Q156 60 150 32 Z" />"#
        ),
    }
}

/// Where a normalised position lies on the 200 × 120 diagram. Whole units: formatting floats
/// would pull about 10 KB of float-printing code into the bundle.
fn translate(x: f32, y: f32) -> String {
    format!(
        "translate({} {})",
        (x * 200.0).round() as i32,
        (y * 120.0).round() as i32
    )
}

#[component]
pub fn Damage(job: Memo<Job>) -> impl IntoView {
    let i18n = use_i18n();
    let jobs = use_jobs();
    let view = RwSignal::new(View::Left);
    let mark = RwSignal::new(None::<u32>);
    let moving = RwSignal::new(false);
    let job_id = job.with_untracked(|j| j.id);
    let (run, error) = use_dispatch(job_id);
    let old = Memo::new(move |_| {
        job.with(|job| prior_damage(job, &jobs.visits_of(job).unwrap_or_default()))
    });

    let place = move |ev: MouseEvent| {
        let Some(svg) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let rect = svg.get_bounding_client_rect();
        let x = ((f64::from(ev.client_x()) - rect.left()) / rect.width()).clamp(0.0, 1.0) as f32;
        let y = ((f64::from(ev.client_y()) - rect.top()) / rect.height()).clamp(0.0, 1.0) as f32;
        let moved = moving
            .get_untracked()
            .then(|| mark.get_untracked())
            .flatten();
        match moved.filter(|id| job.with_untracked(|j| j.damage.iter().any(|m| m.id == *id))) {
            Some(id) => {
                moving.set(false);
                let to = view.get_untracked();
                edit_mark(
                    jobs,
                    job_id,
                    id,
                    Box::new(move |m| {
                        m.view = to;
                        m.x = x;
                        m.y = y;
                    }),
                );
            }
            None => {
                mark.set(Some(job.with_untracked(|j| j.next_local_id)));
                run.run(Command::AddDamage {
                    view: view.get_untracked(),
                    x,
                    y,
                    kind: DamageKind::Scratch,
                    severity: Severity::Minor,
                    note: String::new(),
                });
            }
        }
    };

    let tabs = VIEWS
        .into_iter()
        .map(|v| {
            view! {
                <label class="choice">
                    <input type="radio" name="view" prop:checked=move || view.get() == v on:change=move |_| view.set(v)/>
                    <span>{i18n.t(view_label(v))}</span>
                </label>
            }
        })
        .collect_view();

    let dots = move || {
        let current = view.get();
        let new_dots = job.with(|j| {
            j.damage
                .iter()
                .filter(|m| m.view == current)
                .map(|m| {
                    let id = m.id;
                    let class = move || {
                        if mark.get() == Some(id) {
                            "mark new selected"
                        } else {
                            "mark new"
                        }
                    };
                    view! {
                        <g class=class transform=translate(m.x, m.y)>
                            <circle r="7"/>
                            <text text-anchor="middle" dy="3.5">{id}</text>
                        </g>
                    }
                })
                .collect_view()
        });
        let old_dots = old.with(|old| {
            old.iter()
                .filter(|p| p.mark.view == current)
                .map(|p| {
                    view! {
                        <g class="mark old" transform=translate(p.mark.x, p.mark.y)>
                            <circle r="6"/>
                        </g>
                    }
                })
                .collect_view()
        });
        (new_dots, old_dots)
    };

    let list = move || {
        job.with(|j| {
            j.damage
                .iter()
                .map(|m| {
                    let id = m.id;
                    let label = format!(
                        "{} · {} · {}{}",
                        i18n.format(CheckInMsg::MarkLabel, &[("n", &id.to_string())]),
                        i18n.t(view_label(m.view)),
                        i18n.t(damage_kind_label(m.kind)),
                        if m.pointed_out { " ✓" } else { "" }
                    );
                    let v = m.view;
                    view! {
                        <li>
                            <button type="button" class:selected=move || mark.get() == Some(id)
                                on:click=move |_| { view.set(v); mark.set(Some(id)); }>{label}</button>
                        </li>
                    }
                })
                .collect_view()
        })
    };

    let no_damage = move || match job.with(|j| (j.no_damage, j.damage.is_empty())) {
        (true, _) => {
            view! { <p class="done">{i18n.t(CheckInMsg::NoDamageRecorded)}</p> }.into_any()
        }
        (false, true) => view! {
            <button type="button" class="button wide" on:click=move |_| run.run(Command::NoDamage)>
                {i18n.t(CheckInMsg::NoDamage)}
            </button>
        }
        .into_any(),
        (false, false) => ().into_any(),
    };
    // The editor opens for the selected mark, and stays while the mark changes.
    let editing = Memo::new(move |_| {
        mark.get()
            .filter(|id| job.with(|j| j.damage.iter().any(|m| m.id == *id)))
    });
    let editor = move || {
        editing
            .get()
            .map(|id| view! { <MarkEditor job id moving selected=mark/> })
    };

    view! {
        <fieldset class="segmented views">
            <legend>{i18n.t(CheckInMsg::DiagramView)}</legend>
            {tabs}
        </fieldset>
        <p class="hint">{move || i18n.t(if moving.get() { CheckInMsg::TapToMove } else { CheckInMsg::TapToMark })}</p>
        <svg class="diagram" viewBox="0 0 200 120" role="img" aria-label=i18n.t(CheckInMsg::TapToMark) on:click=place>
            <g class="car" inner_html=move || outline(view.get())></g>
            {dots}
        </svg>
        <p class="error" role="alert">{error}</p>
        <ul class="marks">{list}</ul>
        {no_damage}
        {editor}
        {move || old.with(|old| (!old.is_empty()).then(|| view! {
            <p class="legend"><span class="old-dot" aria-hidden="true"></span>
                {i18n.format(CheckInMsg::OldDamage, &[("n", &old.len().to_string())])}</p>
        }))}
    }
}

/// Changes one mark as it is when the change's turn comes (see `Jobs::dispatch_with`).
fn edit_mark(jobs: Jobs, job: JobId, id: u32, change: Box<dyn FnOnce(&mut DamageMark)>) {
    spawn_local(async move {
        let edit = move |current: &Job| {
            let mut mark = current.damage.iter().find(|m| m.id == id)?.clone();
            change(&mut mark);
            Some(Command::UpdateDamage(mark))
        };
        let _ = jobs.dispatch_with(job, edit).await;
    });
}

/// One field of the mark as stored, as a memo: a save of another field (the note, saved on
/// blur as the box is ticked) does not set this control back while its own save is due.
fn mark_is(
    job: Memo<Job>,
    id: u32,
    test: Box<dyn Fn(&DamageMark) -> bool + Send + Sync>,
) -> Memo<bool> {
    Memo::new(move |_| job.with(|j| j.damage.iter().any(|m| m.id == id && test(m))))
}

#[component]
fn MarkEditor(
    job: Memo<Job>,
    /// The mark's id.
    id: u32,
    /// Whether the next tap on the car moves the mark.
    moving: RwSignal<bool>,
    /// The selected mark.
    selected: RwSignal<Option<u32>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let jobs = use_jobs();
    let job_id = job.with_untracked(|j| j.id);
    let (run, _) = use_dispatch(job_id);
    let is = move |test| mark_is(job, id, test);
    let update =
        move |change: Box<dyn FnOnce(&mut DamageMark)>| edit_mark(jobs, job_id, id, change);
    let kinds = KINDS
        .into_iter()
        .enumerate()
        .map(|(i, k)| {
            let chosen = is(Box::new(move |m| m.kind == k));
            view! { <option value=i.to_string() prop:selected=chosen>{i18n.t(damage_kind_label(k))}</option> }
        })
        .collect_view();
    let severities = SEVERITIES
        .into_iter()
        .map(|s| {
            let chosen = is(Box::new(move |m| m.severity == s));
            view! {
                <label class="choice">
                    <input type="radio" name="severity" prop:checked=chosen
                        on:change=move |_| update(Box::new(move |m| m.severity = s))/>
                    <span>{i18n.t(severity_label(s))}</span>
                </label>
            }
        })
        .collect_view();
    let title = i18n.format(CheckInMsg::MarkLabel, &[("n", &id.to_string())]);
    let mark = move |j: &Job| j.damage.iter().find(|m| m.id == id).cloned();
    let saved_note =
        Signal::derive(move || job.with(|j| mark(j).map(|m| m.note).unwrap_or_default()));
    let note = crate::state::drafts::use_drafts().field(&format!("mark-{id}-note"), saved_note);
    let super::Undo(undo) = expect_context();
    let title_again = title.clone();
    let delete = move |_| {
        selected.set(None);
        let gone = job.with_untracked(|j| {
            let photos = j
                .photos
                .iter()
                .filter(|p| p.target == PhotoTarget::Damage(id))
                .cloned()
                .collect();
            mark(j).map(|mark| Command::RestoreDamage { mark, photos })
        });
        undo.set(gone.map(|restore| (title_again.clone(), vec![restore])));
        run.run(Command::RemoveDamage { id });
    };
    // Opened by a tap on the car: brought into view, on a phone and on a tablet alike.
    Effect::new(move || crate::platform::document::reveal_if_hidden(".mark-editor"));
    view! {
        <section class="mark-editor" aria-labelledby="mark-title">
            <h2 id="mark-title">{title}</h2>
            <div class="field">
                <label for="mark-kind">{i18n.t(CheckInMsg::DamageKindLabel)}</label>
                <select id="mark-kind" on:change=move |ev| {
                    let chosen = event_target_value(&ev).parse::<usize>().ok();
                    if let Some(&k) = chosen.and_then(|i| KINDS.get(i)) {
                        update(Box::new(move |m| m.kind = k));
                    }
                }>{kinds}</select>
            </div>
            <fieldset class="choices-field">
                <legend>{i18n.t(CheckInMsg::SeverityLabel)}</legend>
                <div class="choices">{severities}</div>
            </fieldset>
            <div class="field">
                <label for="mark-note">{i18n.t(CheckInMsg::MarkNote)}</label>
                <input id="mark-note" type="text" prop:value=note
                    on:input=move |ev| note.set(event_target_value(&ev))
                    on:change=move |ev| { let note = event_target_value(&ev); update(Box::new(move |m| m.note = note)); }/>
            </div>
            <label class="check-row">
                <input type="checkbox" prop:checked=is(Box::new(|m| m.pointed_out))
                    on:change=move |ev| { let done = event_target_checked(&ev); update(Box::new(move |m| m.pointed_out = done)); }/>
                <span>{i18n.t(CheckInMsg::PointedOut)}</span>
            </label>
            <Photos job target=PhotoTarget::Damage(id) key=format!("mark-{id}")/>
            <div class="pad-tools">
                <button type="button" on:click=move |_| { moving.set(true); reveal(".diagram"); }>{i18n.t(CheckInMsg::MoveMark)}</button>
                <button type="button" on:click=delete>
                    {i18n.t(CheckInMsg::DeleteMark)}
                </button>
            </div>
        </section>
    }
}
