//! Customer and vehicle: the owner and the person bringing the car (name, mobile), plate, VIN,
//! make/model, colour, odometer, fuel (a tap control in eighths) and documents received. Every
//! field is a draft as it is typed and the form saves itself on each change once all of it is
//! valid; bad input gets a message next to its field and stays a draft until it is fixed;
//! cautions (a non-mainland number, a VIN check-digit mismatch, an odometer lower than last
//! time) are shown, and the VIN one must be confirmed before the form can save.

use crate::i18n::check_in_text::CheckInMsg;
use crate::i18n::{odometer_error, phone_error, plate_error, vin_error, Msg};
use crate::state::drafts::use_drafts;
use crate::state::jobs::{use_dispatch, use_jobs};
use crate::state::locale::use_i18n;
use crate::ui::components::text_field::TextField;
use lanecheck_domain::job::{Documents, Person, Vehicle};
use lanecheck_domain::odometer::{is_rollback, parse_km};
use lanecheck_domain::phone::Phone;
use lanecheck_domain::plate::Plate;
use lanecheck_domain::prior_damage::last_odometer;
use lanecheck_domain::vin::Vin;
use lanecheck_domain::{Command, Job};
use leptos::prelude::*;

/// An optional field: empty is fine, anything else must parse.
fn optional<T, E>(text: &str, parse: impl Fn(&str) -> Result<T, E>) -> Result<Option<T>, E> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse(text).map(Some)
    }
}

/// A phone number as typed.
fn phone_text(phone: &Option<Phone>) -> String {
    phone.as_ref().map(|p| p.number.clone()).unwrap_or_default()
}

fn flag(on: bool) -> String {
    if on { "1" } else { "" }.to_string()
}

#[component]
pub fn Customer(job: Memo<Job>) -> impl IntoView {
    let i18n = use_i18n();
    let jobs = use_jobs();
    let (run, error) = use_dispatch(job.with_untracked(|j| j.id));
    let locale = i18n.locale();

    let drafts = use_drafts();
    // Each field shows its draft, else what the job holds; a save turns the draft into it.
    let text = |name: &str, saved: fn(&Job) -> String| {
        drafts.field(name, Signal::derive(move || job.with(saved)))
    };
    let owner_name = text("owner-name", |j| j.owner.name.clone());
    let owner_phone = text("owner-phone", |j| phone_text(&j.owner.phone));
    let same = text("same", |j| flag(j.bringer.is_none()));
    let bringer_name = text("bringer-name", |j| {
        j.bringer
            .as_ref()
            .map(|b| b.name.clone())
            .unwrap_or_default()
    });
    let bringer_phone = text("bringer-phone", |j| {
        j.bringer
            .as_ref()
            .map(|b| phone_text(&b.phone))
            .unwrap_or_default()
    });
    let plate = text("plate", |j| j.vehicle.plate.to_string());
    let vin = text("vin", |j| {
        j.vehicle
            .vin
            .as_ref()
            .map(|v| v.as_str().to_string())
            .unwrap_or_default()
    });
    // A saved VIN whose check digit does not match was confirmed when it was saved.
    let vin_confirmed = text("vin-confirmed", |j| {
        flag(j.vehicle.vin.as_ref().is_some_and(|v| !v.check_digit_ok()))
    });
    let make_model = text("make-model", |j| j.vehicle.make_model.clone());
    let colour = text("colour", |j| j.vehicle.colour.clone());
    let odometer = text("odometer", |j| {
        j.vehicle
            .odometer_km
            .map(|km| km.to_string())
            .unwrap_or_default()
    });
    let fuel = text("fuel", |j| {
        j.vehicle
            .fuel_eighths
            .map(|n| n.to_string())
            .unwrap_or_default()
    });
    let licence = text("licence", |j| flag(j.vehicle.documents.driving_licence));
    let booklet = text("booklet", |j| flag(j.vehicle.documents.service_booklet));
    let on = |field: RwSignal<String>| move || !field.get().is_empty();
    let toggle = move |field: RwSignal<String>| {
        move |ev: leptos::ev::Event| field.set(flag(event_target_checked(&ev)))
    };
    // Messages show once the form tried to save, or at once for text left unsaved earlier.
    let tried = RwSignal::new(drafts.pending.get_untracked());

    // The last odometer reading of this vehicle at an earlier visit.
    let last_km = move || job.with(|job| jobs.visits_of(job).and_then(|v| last_odometer(job, &v)));

    let shown = move |e: Option<String>| if tried.get() { e } else { None };
    let owner_phone_error = Signal::derive(move || {
        shown(
            optional(&owner_phone.get(), Phone::parse)
                .err()
                .map(|e| phone_error(locale, &e)),
        )
    });
    let bringer_phone_error = Signal::derive(move || {
        shown(
            optional(&bringer_phone.get(), Phone::parse)
                .err()
                .map(|e| phone_error(locale, &e)),
        )
    });
    let phone_warning = move |text: RwSignal<String>| {
        Signal::derive(move || {
            matches!(
                optional(&text.get(), Phone::parse),
                Ok(Some(Phone {
                    mainland: false,
                    ..
                }))
            )
            .then(|| i18n.t(CheckInMsg::PhoneWarning).to_string())
        })
    };
    let plate_error_text = Signal::derive(move || {
        shown(
            Plate::parse(&plate.get())
                .err()
                .map(|e| plate_error(locale, &e)),
        )
    });
    let parsed_vin = move || optional(&vin.get(), Vin::parse);
    let vin_error_text =
        Signal::derive(move || shown(parsed_vin().err().map(|e| vin_error(locale, &e))));
    let vin_mismatch = move || match parsed_vin() {
        Ok(Some(v)) if !v.check_digit_ok() => Some(v.expected_check_digit()),
        _ => None,
    };
    let vin_warning = Signal::derive(move || {
        vin_mismatch().map(|c| i18n.format(CheckInMsg::VinCheckWarning, &[("c", &c.to_string())]))
    });
    let km = move || optional(&odometer.get(), parse_km);
    let odometer_error_text =
        Signal::derive(move || shown(km().err().map(|e| odometer_error(locale, &e))));
    let odometer_warning = Signal::derive(move || match (km(), last_km()) {
        (Ok(Some(now)), Some(last)) if is_rollback(now, Some(last)) => {
            Some(i18n.format(CheckInMsg::OdometerRollback, &[("n", &last.to_string())]))
        }
        _ => None,
    });

    // Runs on every change of the form: saves what differs once everything is valid.
    let save = StoredValue::new(move || {
        tried.set(true);
        let person = |name: RwSignal<String>, phone: RwSignal<String>| {
            optional(&phone.get_untracked(), Phone::parse).map(|phone| Person {
                name: name.get_untracked().trim().to_string(),
                phone,
            })
        };
        let (Ok(new_owner), Ok(new_bringer), Ok(new_plate), Ok(new_vin), Ok(new_km)) = (
            person(owner_name, owner_phone),
            person(bringer_name, bringer_phone),
            Plate::parse(&plate.get_untracked()),
            optional(&vin.get_untracked(), Vin::parse),
            optional(&odometer.get_untracked(), parse_km),
        ) else {
            return;
        };
        if new_vin.as_ref().is_some_and(|v| !v.check_digit_ok())
            && vin_confirmed.get_untracked().is_empty()
        {
            return;
        }
        let new_bringer = same.get_untracked().is_empty().then_some(new_bringer);
        let new_vehicle = Vehicle {
            plate: new_plate,
            vin: new_vin,
            make_model: make_model.get_untracked().trim().to_string(),
            colour: colour.get_untracked().trim().to_string(),
            odometer_km: new_km,
            fuel_eighths: fuel.get_untracked().parse().ok(),
            documents: Documents {
                driving_licence: !licence.get_untracked().is_empty(),
                service_booklet: !booklet.get_untracked().is_empty(),
            },
        };
        job.with_untracked(|job| {
            if new_owner != job.owner {
                run.run(Command::SetOwner(new_owner));
            }
            if new_bringer != job.bringer {
                run.run(Command::SetBringer(new_bringer));
            }
            if new_vehicle != job.vehicle {
                run.run(Command::SetVehicle(new_vehicle));
            }
        });
    });
    let save = move || save.with_value(|save| save());

    let fuel_buttons = (0..=8u8)
        .map(|n| {
            view! {
                <label class="fuel-step">
                    <input type="radio" name="fuel" checked=move || fuel.get() == n.to_string()
                        on:change=move |_| fuel.set(n.to_string())/>
                    <span>{i18n.format(CheckInMsg::FuelEighths, &[("n", &n.to_string())])}</span>
                </label>
            }
        })
        .collect_view();

    view! {
        <form class="details" novalidate on:change=move |_| save()
            on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); save(); }>
            <TextField id="owner-name" label=i18n.t(Msg::OwnerName) value=owner_name/>
            <TextField id="owner-phone" label=i18n.t(Msg::OwnerPhone) value=owner_phone kind="tel"
                inputmode="tel" error=owner_phone_error warning=phone_warning(owner_phone)/>
            <label class="check-row">
                <input type="checkbox" prop:checked=on(same) on:change=toggle(same)/>
                <span>{i18n.t(CheckInMsg::BringerSame)}</span>
            </label>
            {move || same.get().is_empty().then(|| view! {
                <TextField id="bringer-name" label=i18n.t(Msg::BringerName) value=bringer_name/>
                <TextField id="bringer-phone" label=i18n.t(CheckInMsg::BringerPhone) value=bringer_phone kind="tel"
                    inputmode="tel" error=bringer_phone_error warning=phone_warning(bringer_phone)/>
            })}
            <TextField id="plate" label=i18n.t(Msg::PlateLabel) value=plate class="plate-input" error=plate_error_text/>
            <TextField id="vin" label=i18n.t(Msg::VinLabel) value=vin error=vin_error_text warning=vin_warning/>
            {move || vin_mismatch().is_some().then(|| view! {
                <label class="check-row">
                    <input type="checkbox" prop:checked=on(vin_confirmed) on:change=toggle(vin_confirmed)/>
                    <span>{i18n.t(CheckInMsg::ConfirmVin)}</span>
                </label>
            })}
            <TextField id="make-model" label=i18n.t(Msg::MakeModel) value=make_model/>
            <TextField id="colour" label=i18n.t(Msg::Colour) value=colour/>
            <TextField id="odometer" label=i18n.t(Msg::Odometer) value=odometer inputmode="numeric"
                error=odometer_error_text warning=odometer_warning/>
            <fieldset class="fuel">
                <legend>{i18n.t(Msg::Fuel)}</legend>
                <div class="fuel-steps">{fuel_buttons}</div>
            </fieldset>
            <fieldset>
                <legend>{i18n.t(CheckInMsg::Documents)}</legend>
                <label class="check-row">
                    <input type="checkbox" prop:checked=on(licence) on:change=toggle(licence)/>
                    <span>{i18n.t(CheckInMsg::DrivingLicence)}</span>
                </label>
                <label class="check-row">
                    <input type="checkbox" prop:checked=on(booklet) on:change=toggle(booklet)/>
                    <span>{i18n.t(CheckInMsg::ServiceBooklet)}</span>
                </label>
            </fieldset>
            <p class="error" role="alert">{error}</p>
            <button type="submit" class="primary">{i18n.t(CheckInMsg::SaveDetails)}</button>
        </form>
    }
}
