//! The check-in (环车接车): one screen per step, in the seed's order, each resumable because the
//! step is in the address (`/jobs/<id>/check-in/<step>`) and every answer is saved at once.
//! It runs as four pages of their own without the router (`Part`): `StepLink` moves between
//! the screens of one page with the history API, and loads another page for its screens.

mod arrival;
pub mod arrive;
mod camera;
mod checklist;
mod concerns;
mod copy;
mod covers;
mod customer;
mod damage;
mod photos;
mod review;
mod sheet;
mod signature;
mod valuables;

use crate::i18n::check_in_text::CheckInMsg;
use crate::i18n::Msg;
use crate::platform::document::center_in_row;
use crate::platform::location::go;
use crate::state::drafts::use_drafts;
use crate::state::jobs::use_jobs;
use crate::state::locale::use_i18n;
use crate::ui::components::badges::AppointmentBadge;
use lanecheck_domain::inspection::PhotoTarget;
use lanecheck_domain::{Job, JobId};
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Step {
    Arrival,
    Customer,
    Covers,
    Checklist,
    Damage,
    Valuables,
    Concerns,
    Review,
}

impl Step {
    pub const ALL: [Step; 8] = [
        Step::Arrival,
        Step::Customer,
        Step::Covers,
        Step::Checklist,
        Step::Damage,
        Step::Valuables,
        Step::Concerns,
        Step::Review,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Step::Arrival => "arrival",
            Step::Customer => "customer",
            Step::Covers => "covers",
            Step::Checklist => "checklist",
            Step::Damage => "damage",
            Step::Valuables => "valuables",
            Step::Concerns => "concerns",
            Step::Review => "review",
        }
    }

    fn label(self) -> CheckInMsg {
        match self {
            Step::Arrival => CheckInMsg::StepArrival,
            Step::Customer => CheckInMsg::StepCustomer,
            Step::Covers => CheckInMsg::StepCovers,
            Step::Checklist => CheckInMsg::StepChecklist,
            Step::Damage => CheckInMsg::StepDamage,
            Step::Valuables => CheckInMsg::StepValuables,
            Step::Concerns => CheckInMsg::StepConcerns,
            Step::Review => CheckInMsg::StepReview,
        }
    }

    /// Whether the step's part of the sheet is complete.
    pub fn done(self, job: &Job) -> bool {
        match self {
            Step::Arrival => job.greeted_at.is_some(),
            Step::Customer => !job.owner.name.is_empty() && job.owner.phone.is_some(),
            Step::Covers => job.covers.len() == 4,
            Step::Checklist => job.checklist.iter().all(|e| e.answer.is_some()),
            // Answered: marks, each pointed out, or "no damage found".
            Step::Damage => {
                job.no_damage
                    || (!job.damage.is_empty() && job.damage.iter().all(|m| m.pointed_out))
            }
            Step::Valuables => job.valuables_acknowledged_at.is_some(),
            Step::Concerns => !job.concerns.is_empty(),
            Step::Review => job.signature.is_some(),
        }
    }

    /// Where to continue: the first step not yet done.
    pub fn resume(job: &Job) -> Step {
        Step::ALL
            .into_iter()
            .find(|s| !s.done(job))
            .unwrap_or(Step::Review)
    }

    pub fn href(self, id: JobId) -> String {
        format!("/jobs/{id}/check-in/{}", self.slug())
    }
}

/// What a check-in page shows: a step, or the sealed sheet's customer copy.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Step(Step),
    Copy,
}

/// The pages of the check-in, each a page of its own so that none's first load carries the
/// others' code (docs/architecture.md, "Pages"): the reception (a walk-in's arrival, the
/// arrival, the customer and the covers), the inspection (checklist, valuables, concerns),
/// the damage diagram, and signing (the review with its signature pad, and the customer copy
/// with its QR code).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Part {
    Reception,
    Inspection,
    Damage,
    Signing,
}

impl Screen {
    fn part(self) -> Part {
        match self {
            Screen::Step(Step::Arrival | Step::Customer | Step::Covers) => Part::Reception,
            Screen::Step(Step::Checklist | Step::Valuables | Step::Concerns) => Part::Inspection,
            Screen::Step(Step::Damage) => Part::Damage,
            Screen::Step(Step::Review) | Screen::Copy => Part::Signing,
        }
    }
}

/// What one check-in page renders itself. Each page's entry point passes its own, so the
/// code of the other pages' screens is never referenced and never in its wasm.
#[derive(Clone, Copy)]
pub struct Screens {
    pub part: Part,
    /// A walk-in's arrival (`/arrive`), on the reception's page.
    pub arrive: fn(RwSignal<String>) -> AnyView,
    /// The body of a step of this page, following the job as it changes.
    pub step: fn(Memo<Job>, Step) -> AnyView,
    /// The customer copy, on the signing page.
    pub copy: fn(Job) -> AnyView,
    /// The live camera, on the pages whose steps take photos (over whichever step takes them).
    pub camera: fn() -> AnyView,
}

/// The screens of the reception's page.
pub const RECEPTION: Screens = Screens {
    part: Part::Reception,
    arrive: |path| view! { <arrive::ArrivePage path/> }.into_any(),
    step: |job, step| match step {
        Step::Arrival => view! { <arrival::Arrival job/> }.into_any(),
        Step::Customer => view! { <customer::Customer job/> }.into_any(),
        Step::Covers => view! { <covers::Covers job/> }.into_any(),
        _ => elsewhere(),
    },
    copy: |_| elsewhere(),
    camera: || ().into_any(),
};

/// The screens of the inspection's page.
pub const INSPECTION: Screens = Screens {
    part: Part::Inspection,
    arrive: |_| elsewhere(),
    step: |job, step| match step {
        Step::Checklist => view! { <checklist::Checklist job/> }.into_any(),
        Step::Valuables => view! { <valuables::Valuables job/> }.into_any(),
        Step::Concerns => view! { <concerns::Concerns job/> }.into_any(),
        _ => elsewhere(),
    },
    copy: |_| elsewhere(),
    camera: || view! { <camera::LiveCamera/> }.into_any(),
};

/// The screens of the damage diagram's page.
pub const DAMAGE: Screens = Screens {
    part: Part::Damage,
    arrive: |_| elsewhere(),
    step: |job, step| match step {
        Step::Damage => view! { <damage::Damage job/> }.into_any(),
        _ => elsewhere(),
    },
    copy: |_| elsewhere(),
    camera: || view! { <camera::LiveCamera/> }.into_any(),
};

/// The screens of the signing page.
pub const SIGNING: Screens = Screens {
    part: Part::Signing,
    arrive: |_| elsewhere(),
    step: |job, step| match step {
        Step::Review => view! { <review::Review job/> }.into_any(),
        _ => elsewhere(),
    },
    copy: |job| view! { <copy::CustomerCopy job/> }.into_any(),
    camera: || ().into_any(),
};

/// A screen of the other page, were it reached by moving within this one (which `StepLink`
/// never does): a link that loads the address anew, and with it its page.
fn elsewhere() -> AnyView {
    let i18n = use_i18n();
    let here = web_sys::window().and_then(|w| w.location().href().ok());
    view! {
        <section class="page">
            <a href=here.unwrap_or_default() class="button primary">{i18n.t(Msg::ContinueCheckIn)}</a>
        </section>
    }
    .into_any()
}

const COPY_SLUG: &str = "copy";

/// The customer copy's address, `/jobs/<id>/check-in/copy`.
pub fn copy_href(id: JobId) -> String {
    format!("/jobs/{id}/check-in/{COPY_SLUG}")
}

/// Parses `/jobs/<id>/check-in/<step or copy>`.
fn parse(path: &str) -> Option<(JobId, Screen)> {
    let rest = path.strip_prefix("/jobs/")?;
    let (id, slug) = rest.split_once("/check-in/")?;
    let slug = slug.trim_end_matches('/');
    let screen = match Step::ALL.into_iter().find(|s| s.slug() == slug) {
        Some(step) => Screen::Step(step),
        None if slug == COPY_SLUG => Screen::Copy,
        None => return None,
    };
    Some((JobId::parse(id)?, screen))
}

/// The live camera, open for one job's photo target, over whichever step takes photos.
#[derive(Clone, Copy)]
pub struct Camera(pub RwSignal<Option<(JobId, PhotoTarget)>>);

/// The last deletion of this check-in and the commands that undo it (gloves slip): shown
/// above the step bar until undone or replaced.
#[derive(Clone, Copy)]
pub struct Undo(pub RwSignal<Option<(String, Vec<lanecheck_domain::Command>)>, LocalStorage>);

/// The current address, shared with `StepLink`.
#[derive(Clone, Copy)]
struct Address(RwSignal<String>);

#[component]
pub fn CheckInPage(
    /// The page's path, followed by the history API.
    path: RwSignal<String>,
    /// What this page renders itself.
    screens: Screens,
) -> impl IntoView {
    let jobs = use_jobs();
    provide_context(Address(path));
    provide_context(screens);
    provide_context(Camera(RwSignal::new(None)));
    provide_context(Undo(RwSignal::new_local(None)));
    // The page renders anew only for another screen or job; a change of the job reaches
    // the parts of the screen that show it.
    let page = move || {
        let Some((id, screen)) = path.with(|p| parse(p)) else {
            return missing(Msg::JobNotFound);
        };
        // A job is compared by its change (`Job::same_change`), never whole: `==` would read
        // its history, which the check-in keeps as text.
        let found = Memo::new_with_compare(
            move |_| jobs.job(id),
            |old, new| !matches!((old, new), (Some(Some(a)), Some(Some(b))) if a.same_change(b)),
        );
        let held = Memo::new(move |_| found.with(Option::is_some));
        let shown = move || {
            let Some(first) = held.get().then(|| found.get_untracked()).flatten() else {
                return missing(match jobs.is_missing(id) {
                    true => Msg::JobNotFound,
                    false => Msg::Loading,
                });
            };
            match screen {
                Screen::Step(step) => {
                    let job = Memo::new_with_compare(
                        move |_| found.get().unwrap_or_else(|| first.clone()),
                        |old, new| !matches!((old, new), (Some(a), Some(b)) if a.same_change(b)),
                    );
                    view! { <CheckInStep job step/> }.into_any()
                }
                Screen::Copy => (screens.copy)(first),
            }
        };
        shown.into_any()
    };
    view! { {page} {(screens.camera)()} }
}

/// The page of a job that is not (yet) there.
fn missing(text: Msg) -> AnyView {
    let i18n = use_i18n();
    view! {
        <section class="page">
            <h1>{i18n.t(text)}</h1>
            <a href="/">{i18n.t(Msg::BackToJobs)}</a>
        </section>
    }
    .into_any()
}

/// A link to another step of this job's check-in, followed without reloading the page.
#[component]
pub fn StepLink(
    /// The step's address.
    href: String,
    /// The link's class.
    #[prop(optional)]
    class: &'static str,
    /// `aria-current="step"` when this is the current step.
    #[prop(optional)]
    current: bool,
    children: Children,
) -> impl IntoView {
    let Address(path) = expect_context();
    let here: Screens = expect_context();
    // A screen of the other check-in page is a plain link: a full load of that page.
    let within = parse(&href).is_some_and(|(_, screen)| screen.part() == here.part);
    let to = href.clone();
    let follow = move |ev: leptos::ev::MouseEvent| {
        if within
            && ev.button() == 0
            && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key())
        {
            ev.prevent_default();
            go(path, &to);
        }
    };
    view! {
        <a href=href class=class aria-current=current.then_some("step") on:click=follow>{children()}</a>
    }
}

#[component]
fn CheckInStep(job: Memo<Job>, step: Step) -> impl IntoView {
    let i18n = use_i18n();
    let (id, appointment) = job.with_untracked(|j| (j.id, j.is_appointment()));
    let plate = move || job.with(|j| j.vehicle.plate.to_string());
    use_drafts().enter(format!("job:{id}:{}", step.slug()));
    let index = Step::ALL.iter().position(|s| *s == step).unwrap_or(0);
    let stepper = Step::ALL
        .into_iter()
        .map(|s| {
            view! {
                <li class:done=move || job.with(|j| s.done(j))>
                    <StepLink href=s.href(id) current=s == step>
                        <span class="dot" aria-hidden="true"></span>
                        <span class="name">{i18n.t(s.label())}</span>
                    </StepLink>
                </li>
            }
        })
        .collect_view();
    let screens: Screens = expect_context();
    let body = (screens.step)(job, step);
    // On a phone the stepper scrolls sideways: keep the current step in sight.
    let row = NodeRef::<leptos::html::Ol>::new();
    Effect::new(move || {
        if let Some(row) = row.get() {
            center_in_row(&row, "[aria-current=step]");
        }
    });
    let previous = index.checked_sub(1).map(|i| Step::ALL[i]);
    let next = Step::ALL.get(index + 1).copied();
    let progress = move || {
        let done = job.with(|j| step.done(j));
        i18n.format(
            CheckInMsg::StepProgress,
            &[
                ("n", &(index + 1).to_string()),
                ("total", &Step::ALL.len().to_string()),
                (
                    "state",
                    i18n.t(if done {
                        CheckInMsg::StepIsDone
                    } else {
                        CheckInMsg::StepIsOpen
                    }),
                ),
            ],
        )
    };
    let Undo(undo) = expect_context();
    let jobs_for_undo = use_jobs();
    let undo_bar = move || {
        undo.with(|u| u.as_ref().map(|(what, _)| what.clone()))
            .map(|what| {
                let restore = move |_| {
                    if let Some((_, commands)) = undo.get_untracked() {
                        undo.set(None);
                        leptos::task::spawn_local(async move {
                            for command in commands {
                                let _ = jobs_for_undo.dispatch(id, command).await;
                            }
                        });
                    }
                };
                view! {
                    <p class="undo" role="status">
                        <span>{i18n.format(CheckInMsg::Removed, &[("what", &what)])}</span>
                        <button type="button" on:click=restore>{i18n.t(CheckInMsg::Undo)}</button>
                    </p>
                }
            })
    };
    view! {
        <section class="page check-in">
            <p class="crumbs">
                <a href=format!("/jobs/{id}")>{plate}</a>
                <AppointmentBadge appointment/>
            </p>
            <nav class="stepper" aria-label=i18n.t(CheckInMsg::CheckInTitle)><ol node_ref=row>{stepper}</ol></nav>
            <h1>{i18n.t(step.label())}</h1>
            // Once the customer has signed, every answer is read-only.
            <fieldset class="step-body" role="none" disabled=move || job.with(|j| !j.state.check_in_open())>{body}</fieldset>
            // In reach of the thumb: Back, where the step stands, Next.
            <nav class="step-nav" aria-label=i18n.t(Msg::StepNav)>
                {undo_bar}
                <div class="step-buttons">
                    {previous.map(|s| view! { <StepLink href=s.href(id) class="button">{i18n.t(Msg::Previous)}</StepLink> })}
                    <span class="progress">{progress}</span>
                    {next.map(|s| view! { <StepLink href=s.href(id) class="button primary">{i18n.t(Msg::Next)}</StepLink> })}
                </div>
            </nav>
        </section>
    }
}
