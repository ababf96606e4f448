//! The repair order (委托书, PRODUCT.md §5): one screen per part, each resumable because it is
//! in the address (`/jobs/<id>/order/<screen>`) and every answer is saved at once. The order
//! is begun when the page first shows a checked-in job, with the items the car's earlier
//! visits declined. A page of its own (`order.html`); it moves between its screens with the
//! history API.

mod add_ons;
mod approval;
mod catalogue;
mod copy;
mod details;
mod diagnosis;
mod estimate;
mod paper;
mod signing;

use crate::i18n::order::{order_error, OrderMsg};
use crate::i18n::Msg;
use crate::platform::location::go;
use crate::state::drafts::use_drafts;
use crate::state::jobs::{use_changes, use_jobs, Jobs};
use crate::state::locale::use_i18n;
use crate::ui::components::badges::AppointmentBadge;
use lanecheck_domain::order_command::OrderCommand;
use lanecheck_domain::repair_order::{recommendations, RepairOrder, Terms};
use lanecheck_domain::{Job, JobId, JobState};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Screen {
    Diagnosis,
    Estimate,
    Details,
    Sign,
    Copy,
    AddOns,
    Approval,
}

/// The pages of the order, each a page of its own so that none's first load carries the
/// others' code (docs/architecture.md, "Pages"): the diagnosis and the details
/// (`order.html`); the estimate, with the catalogue (`estimate.html`); signing
/// (`order-sign.html`); the signed order's printed copy (`signed.html`); the add-ons' lines,
/// with the catalogue (`add-ons.html`); the customer's answers to them, with the signature pad
/// (`approval.html`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Part {
    Writing,
    Estimate,
    Signing,
    Signed,
    AddOns,
    Approval,
}

impl Screen {
    /// The screens of writing the order, in order; add-ons come after signing.
    const WRITING: [Screen; 4] = [
        Screen::Diagnosis,
        Screen::Estimate,
        Screen::Details,
        Screen::Sign,
    ];
    /// The screens after signing.
    const AFTER: [Screen; 3] = [Screen::Copy, Screen::AddOns, Screen::Approval];

    fn part(self) -> Part {
        match self {
            Screen::Diagnosis | Screen::Details => Part::Writing,
            Screen::Estimate => Part::Estimate,
            Screen::Sign => Part::Signing,
            Screen::Copy => Part::Signed,
            Screen::AddOns => Part::AddOns,
            Screen::Approval => Part::Approval,
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Screen::Diagnosis => "diagnosis",
            Screen::Estimate => "estimate",
            Screen::Details => "details",
            Screen::Sign => "sign",
            Screen::Copy => "copy",
            Screen::AddOns => "add-ons",
            Screen::Approval => "approval",
        }
    }

    fn label(self) -> OrderMsg {
        match self {
            Screen::Diagnosis => OrderMsg::StepDiagnosis,
            Screen::Estimate => OrderMsg::StepEstimate,
            Screen::Details => OrderMsg::StepDetails,
            Screen::Sign => OrderMsg::StepSign,
            Screen::Copy => OrderMsg::StepCopy,
            Screen::AddOns => OrderMsg::StepAddOns,
            Screen::Approval => OrderMsg::StepApproval,
        }
    }

    pub fn href(self, id: JobId) -> String {
        format!("/jobs/{id}/order/{}", self.slug())
    }
}

/// Parses `/jobs/<id>/order/<screen>` (a `#place` after it names a place on the screen).
fn parse(path: &str) -> Option<(JobId, Screen)> {
    let path = path.split('#').next()?;
    let (id, slug) = path.strip_prefix("/jobs/")?.split_once("/order/")?;
    let slug = slug.trim_end_matches('/');
    let screen = Screen::WRITING
        .into_iter()
        .chain(Screen::AFTER)
        .find(|s| s.slug() == slug)?;
    Some((JobId::parse(id)?, screen))
}

/// What one order page renders itself. Each page's entry point passes its own, so the code
/// of the other pages' screens is never referenced and never in its wasm.
#[derive(Clone, Copy)]
pub struct Screens {
    pub part: Part,
    pub body: fn(Ctx, Screen) -> AnyView,
    /// Begins the order of a checked-in job: on the page the job page opens (the diagnosis);
    /// the other pages link there until it is begun.
    pub begin: fn(Jobs, JobId),
}

/// The screens of the writing page: the diagnosis and the details.
pub const WRITING: Screens = Screens {
    part: Part::Writing,
    body: |ctx, screen| match screen {
        Screen::Diagnosis => view! { <diagnosis::Diagnoses ctx/> }.into_any(),
        Screen::Details => view! { <details::Details ctx/> }.into_any(),
        _ => elsewhere(),
    },
    begin,
};

/// The screens of the estimate's page.
pub const ESTIMATE: Screens = Screens {
    part: Part::Estimate,
    body: |ctx, screen| match screen {
        Screen::Estimate => view! { <estimate::Estimate ctx/> }.into_any(),
        _ => elsewhere(),
    },
    begin: |_, _| {},
};

/// The screens of the signing page.
pub const SIGNING: Screens = Screens {
    part: Part::Signing,
    body: |ctx, screen| match screen {
        Screen::Sign => view! { <signing::Signing ctx/> }.into_any(),
        _ => elsewhere(),
    },
    begin: |_, _| {},
};

/// The screens of the signed order's page: its printed copy.
pub const SIGNED: Screens = Screens {
    part: Part::Signed,
    body: |ctx, screen| match screen {
        Screen::Copy => view! { <copy::OrderCopy ctx/> }.into_any(),
        _ => elsewhere(),
    },
    begin: |_, _| {},
};

/// The screens of the add-ons' page: the lines found during the repair.
pub const ADD_ONS: Screens = Screens {
    part: Part::AddOns,
    body: |ctx, screen| match screen {
        Screen::AddOns => view! { <add_ons::AddOns ctx/> }.into_any(),
        _ => elsewhere(),
    },
    begin: |_, _| {},
};

/// The screens of the approval's page: the customer's answers to an add-on.
pub const APPROVAL: Screens = Screens {
    part: Part::Approval,
    body: |ctx, screen| match screen {
        Screen::Approval => view! { <approval::Approval ctx/> }.into_any(),
        _ => elsewhere(),
    },
    begin: |_, _| {},
};

/// A screen of another page, were it reached by moving within this one (which `ScreenLink`
/// never does): a link that loads the address anew, and with it its page.
fn elsewhere() -> AnyView {
    let i18n = use_i18n();
    let here = web_sys::window().and_then(|w| w.location().href().ok());
    view! {
        <section class="page">
            <a href=here.unwrap_or_default() class="button primary">{i18n.t(Msg::Loading)}</a>
        </section>
    }
    .into_any()
}

/// The job and its order as a screen sees them, and how it changes them.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub job: Memo<Job>,
    pub order: Memo<RepairOrder>,
    pub run: Callback<OrderCommand>,
    pub error: ReadSignal<Option<String>>,
    /// The page's address, for links within it.
    path: RwSignal<String>,
}

impl Ctx {
    pub fn id(&self) -> JobId {
        self.job.with_untracked(|j| j.id)
    }

    /// Whether the order may still be written (the customer has not signed).
    pub fn writing(&self) -> bool {
        self.job.with(|j| j.state == JobState::CheckedIn)
    }

    /// Whether the job is an appointment's (the discount applies).
    pub fn appointment(&self) -> bool {
        self.job.with(Job::is_appointment)
    }
}

#[component]
pub fn OrderPage(
    /// The page's path, followed by the history API.
    path: RwSignal<String>,
    /// What this page renders itself.
    screens: Screens,
) -> impl IntoView {
    let jobs = use_jobs();
    provide_context(screens);
    move || {
        let Some((id, screen)) = path.with(|p| parse(p)) else {
            return missing(Msg::JobNotFound);
        };
        // Compared by its change, never whole (`Job::same_change`).
        let found = Memo::new_with_compare(
            move |_| jobs.job(id),
            |old, new| !matches!((old, new), (Some(Some(a)), Some(Some(b))) if a.same_change(b)),
        );
        let ready =
            Memo::new(move |_| found.with(|j| j.as_ref().is_some_and(|j| j.order.is_some())));
        let state = Memo::new(move |_| found.with(|j| j.as_ref().map(|j| j.state)));
        Effect::new(move || {
            if state.get() == Some(JobState::CheckedIn) && !ready.get() {
                (screens.begin)(jobs, id);
            }
        });
        (move || {
            if !ready.get() {
                let text = match (jobs.is_missing(id), state.get()) {
                    (true, _) => Msg::JobNotFound,
                    (false, Some(s)) if s < JobState::CheckedIn => Msg::ContinueCheckIn,
                    // Begun on the diagnosis's page.
                    (false, Some(_)) if screens.part != Part::Writing => {
                        return view! {
                            <section class="page">
                                <a href=Screen::Diagnosis.href(id) class="button primary">{use_i18n().t(Msg::WriteOrder)}</a>
                            </section>
                        }
                        .into_any();
                    }
                    _ => Msg::Loading,
                };
                return missing(text);
            }
            let Some(first) = found.get_untracked() else {
                return missing(Msg::Loading);
            };
            let job = Memo::new_with_compare(
                move |_| found.get().unwrap_or_else(|| first.clone()),
                |old, new| !matches!((old, new), (Some(a), Some(b)) if a.same_change(b)),
            );
            let order = Memo::new(move |_| {
                job.with(|j| j.repair_order().ok().flatten().unwrap_or_default())
            });
            let (run, error) = use_changes(id, order_error);
            let ctx = Ctx {
                job,
                order,
                run,
                error,
                path,
            };
            provide_context(ctx);
            use_drafts().enter(format!("job:{id}:order:{}", screen.slug()));
            view! { <OrderScreen ctx screen/> }.into_any()
        })
        .into_any()
    }
}

/// Begins the order (once): the store's terms and the items the car's latest signed order
/// declined. Waits for the car's other visits to be known.
fn begin(jobs: Jobs, id: JobId) {
    let Some(job) = jobs.job(id) else {
        return;
    };
    let Some(visits) = jobs.visits_of(&job) else {
        return;
    };
    spawn_local(async move {
        let mut earlier = Vec::new();
        for visit in visits.iter().filter(|v| v.state > JobState::CheckedIn) {
            if let Some(job) = jobs.stored(visit.id).await {
                earlier.push(job);
            }
        }
        let command = OrderCommand::Begin {
            terms: Terms::default(),
            offers: recommendations(&earlier),
        };
        // A second begin (another tab, a repeated effect) is refused and changes nothing.
        let _ = jobs
            .dispatch_with(id, move |j: &Job| j.order.is_none().then_some(command))
            .await;
    });
}

/// A page of a job that is not (yet) there or has no order yet.
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

/// A link to another screen of this order, followed without reloading the page.
#[component]
pub fn ScreenLink(
    /// The screen's address (with a `#place` on it, if any).
    href: String,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] current: bool,
    children: Children,
) -> impl IntoView {
    let ctx: Ctx = expect_context();
    let here: Screens = expect_context();
    // A screen of another order page is a plain link: a full load of that page.
    let within = parse(&href).is_some_and(|(_, screen)| screen.part() == here.part);
    let to = href.clone();
    let follow = move |ev: leptos::ev::MouseEvent| {
        if within
            && ev.button() == 0
            && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key())
        {
            ev.prevent_default();
            go(ctx.path, &to);
            if let Some((_, place)) = to.split_once('#') {
                let place = format!("#{place}");
                request_animation_frame(move || crate::platform::document::reveal(&place));
            }
        }
    };
    view! {
        <a href=href class=class aria-current=current.then_some("step") on:click=follow>{children()}</a>
    }
}

#[component]
fn OrderScreen(ctx: Ctx, screen: Screen) -> impl IntoView {
    let i18n = use_i18n();
    let id = ctx.id();
    let (plate, appointment) = ctx
        .job
        .with_untracked(|j| (j.vehicle.plate.to_string(), j.is_appointment()));
    let signed = move || ctx.job.with(|j| j.state > JobState::CheckedIn);
    let screens = move || match signed() {
        false => Screen::WRITING.to_vec(),
        true => Screen::AFTER.to_vec(),
    };
    let stepper = move || {
        screens()
            .into_iter()
            .map(|s| {
                view! {
                    <li>
                        <ScreenLink href=s.href(id) current=s == screen>
                            <span class="dot" aria-hidden="true"></span>
                            <span class="name">{i18n.t(s.label())}</span>
                        </ScreenLink>
                    </li>
                }
            })
            .collect_view()
    };
    let screens: Screens = expect_context();
    let body = (screens.body)(ctx, screen);
    let order = Screen::WRITING.iter().position(|s| *s == screen);
    let previous = order
        .and_then(|i| i.checked_sub(1))
        .map(|i| Screen::WRITING[i]);
    let next = order
        .and_then(|i| Screen::WRITING.get(i + 1).copied())
        .filter(|_| screen != Screen::Sign);
    view! {
        <section class="page check-in order">
            <p class="crumbs">
                <a href=format!("/jobs/{id}")>{plate}</a>
                <AppointmentBadge appointment/>
            </p>
            <nav class="stepper" aria-label=i18n.t(OrderMsg::OrderTitle)><ol>{stepper}</ol></nav>
            <h1>{i18n.t(screen.label())}</h1>
            <div class="step-body">{body}</div>
            <p class="error" role="alert">{move || ctx.error.get()}</p>
            <nav class="step-nav" aria-label=i18n.t(Msg::StepNav)>
                <div class="step-buttons">
                    {previous.map(|s| view! { <ScreenLink href=s.href(id) class="button">{i18n.t(Msg::Previous)}</ScreenLink> })}
                    <span class="progress"></span>
                    {next.map(|s| view! { <ScreenLink href=s.href(id) class="button primary">{i18n.t(Msg::Next)}</ScreenLink> })}
                </div>
            </nav>
        </section>
    }
}
