//! The check-in sheet as the customer reads it: the vehicle (plate, VIN, odometer, fuel),
//! covers fitted, checklist issues, damage, valuables left in the car and concerns, each with
//! its photos. Shown on the review before
//! signing and on the customer copy.

use crate::i18n::check_in_text::CheckInMsg;
use crate::i18n::{
    check_label, cover_label, damage_kind_label, severity_label, valuable_label, view_label, Msg,
};
use crate::state::locale::use_i18n;
use crate::ui::components::blob_image::BlobImage;
use lanecheck_domain::inspection::{Answer, Cover, Disposition, PhotoTarget};
use lanecheck_domain::Job;
use leptos::prelude::*;

/// One line of a section and the photos that document it.
struct Line {
    text: String,
    photos: Vec<String>,
}

impl Line {
    fn plain(text: String) -> Line {
        Line {
            text,
            photos: Vec::new(),
        }
    }
}

#[component]
pub fn SheetSummary(job: Job) -> impl IntoView {
    let i18n = use_i18n();
    let photos_of = |target: PhotoTarget| job.photos_of(&target);
    let none = i18n.t(CheckInMsg::NoneRecorded);
    let v = &job.vehicle;
    let vehicle = [
        (Msg::PlateLabel, v.plate.to_string()),
        (
            Msg::VinLabel,
            v.vin
                .as_ref()
                .map_or(none.into(), |vin| vin.as_str().into()),
        ),
        (
            Msg::Odometer,
            v.odometer_km.map_or(none.into(), |km| km.to_string()),
        ),
        (
            Msg::Fuel,
            v.fuel_eighths.map_or(none.into(), |n| {
                i18n.format(CheckInMsg::FuelEighths, &[("n", &n.to_string())])
            }),
        ),
    ]
    .into_iter()
    .map(|(label, value)| Line::plain(format!("{}：{value}", i18n.t(label))))
    .collect();
    let covers = Cover::ALL
        .into_iter()
        .filter(|c| job.covers.contains(c))
        .map(|c| Line::plain(i18n.t(cover_label(c)).to_string()))
        .collect();
    let issues = job
        .checklist
        .iter()
        .filter_map(|e| match &e.answer {
            Some(Answer::Issue { note }) => {
                let name =
                    check_label(&e.item).map_or_else(str::to_string, |m| i18n.t(m).to_string());
                Some(Line {
                    text: if note.is_empty() {
                        name
                    } else {
                        format!("{name}：{note}")
                    },
                    photos: photos_of(PhotoTarget::Check(e.item.clone())),
                })
            }
            _ => None,
        })
        .collect();
    let damage = job
        .damage
        .iter()
        .map(|m| {
            let mut parts = vec![
                i18n.format(CheckInMsg::MarkLabel, &[("n", &m.id.to_string())]),
                i18n.t(view_label(m.view)).to_string(),
                i18n.t(damage_kind_label(m.kind)).to_string(),
                i18n.t(severity_label(m.severity)).to_string(),
            ];
            parts.extend((!m.note.is_empty()).then(|| m.note.clone()));
            parts.extend((!m.pointed_out).then(|| i18n.t(CheckInMsg::NotPointedOut).to_string()));
            Line {
                text: parts.join(" · "),
                photos: photos_of(PhotoTarget::Damage(m.id)),
            }
        })
        .collect();
    let left = job
        .valuables
        .iter()
        .filter_map(|v| match &v.disposition {
            Some(Disposition::LeftInCar { description }) => Some(Line::plain(format!(
                "{} {description}",
                i18n.t(valuable_label(v.item))
            ))),
            _ => None,
        })
        .collect();
    let concerns = job
        .concerns
        .iter()
        .map(|c| Line {
            text: format!("“{}” {}", c.words, c.when_it_happens),
            photos: photos_of(PhotoTarget::Concern(c.id)),
        })
        .collect();
    view! {
        <Section title=i18n.t(CheckInMsg::StepCustomer) lines=vehicle/>
        <Section title=i18n.t(CheckInMsg::StepCovers) lines=covers/>
        <Section title=i18n.t(CheckInMsg::IssuesFound) lines=issues/>
        <Section title=i18n.t(CheckInMsg::StepDamage) lines=damage/>
        <Section title=i18n.t(CheckInMsg::LeftItems) lines=left/>
        <Section title=i18n.t(CheckInMsg::StepConcerns) lines=concerns/>
    }
}

#[component]
fn Section(title: &'static str, lines: Vec<Line>) -> impl IntoView {
    let i18n = use_i18n();
    let body = if lines.is_empty() {
        view! { <p class="hint">{i18n.t(CheckInMsg::NoneRecorded)}</p> }.into_any()
    } else {
        let items = lines
            .into_iter()
            .map(|line| {
                let thumbs = (!line.photos.is_empty()).then(|| {
                    let images = line
                        .photos
                        .into_iter()
                        .enumerate()
                        .map(|(i, sha256)| {
                            let alt =
                                i18n.format(CheckInMsg::PhotoAlt, &[("n", &(i + 1).to_string())]);
                            view! { <li><BlobImage sha256 alt/></li> }
                        })
                        .collect_view();
                    view! { <ul class="thumbs">{images}</ul> }
                });
                view! { <li>{line.text}{thumbs}</li> }
            })
            .collect_view();
        view! { <ul>{items}</ul> }.into_any()
    };
    view! { <section class="summary"><h2>{title}</h2>{body}</section> }
}
