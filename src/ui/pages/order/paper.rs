//! The order as the customer reads it before signing and as it is printed (A4 or 80 mm): the
//! vehicle and customer, each concern with its diagnosis and warranty decision, labour and
//! parts listed apart (the regulated layout, RULES-CN.md), the totals with the discount and
//! the total in capital numerals, the repair class and its guarantee period, the old parts,
//! the car wash, the promised time, the recommended and declined items (once signed, the
//! printed copy adds the signature, the seal and a QR code: `copy.rs`).
//!
//! A document that is only read: its text is written as escaped HTML (`Html`) rather than as
//! reactive views, which keeps the pages within their size budget (docs/architecture.md,
//! "The repair order").

use super::details::{CLASSES, OLD_PARTS};
use super::estimate::{item_name, purpose_text};
use super::Ctx;
use crate::i18n::order::OrderMsg;
use crate::i18n::{Locale, Msg, Text};
use crate::platform::clock::local_date_time;
use crate::state::locale::use_i18n;
use lanecheck_domain::money::Fen;
use lanecheck_domain::order::{Finding, Item, Line, Warranty};
use lanecheck_domain::repair_order::RepairOrder;
use lanecheck_domain::Job;
use leptos::prelude::*;

/// HTML text being written; every text that is not the app's own goes through `text`.
struct Html {
    out: String,
    locale: Locale,
}

impl Html {
    fn raw(&mut self, html: &str) -> &mut Self {
        self.out.push_str(html);
        self
    }

    /// Escaped text.
    fn text(&mut self, text: &str) -> &mut Self {
        for c in text.chars() {
            match c {
                '&' => self.out.push_str("&amp;"),
                '<' => self.out.push_str("&lt;"),
                '>' => self.out.push_str("&gt;"),
                '"' => self.out.push_str("&quot;"),
                '\'' => self.out.push_str("&#39;"),
                c => self.out.push(c),
            }
        }
        self
    }

    fn t(&mut self, msg: impl Text) -> &mut Self {
        let text = msg.text(self.locale);
        self.text(text)
    }

    /// `<tag>text</tag>`.
    fn el(&mut self, tag: &str, text: &str) -> &mut Self {
        self.raw("<")
            .raw(tag)
            .raw(">")
            .text(text)
            .raw("</")
            .raw(tag)
            .raw(">")
    }
}

/// The totals as rows: labour, parts, the appointment discount, the warranty lines' value, the
/// total and the total in capital numerals.
fn totals_html(h: &mut Html, order: &RepairOrder, appointment: bool) {
    let totals = order.totals(&[], appointment);
    let row = |h: &mut Html, label: &str, amount: Fen, class: &str| {
        h.raw("<tr class=\"")
            .raw(class)
            .raw("\"><th scope=\"row\">")
            .text(label);
        h.raw("</th><td>")
            .text(&amount.to_string())
            .raw("</td></tr>");
    };
    h.raw("<table class=\"totals\"><tbody>");
    let locale = h.locale;
    row(h, OrderMsg::TotalLabour.text(locale), totals.labour, "");
    row(h, OrderMsg::TotalParts.text(locale), totals.parts, "");
    if appointment {
        let percent = order.terms.appointment_discount.to_string();
        let label = locale.format(OrderMsg::TotalDiscount, &[("n", &percent)]);
        row(h, &label, totals.discount, "");
    }
    if totals.warranty != Fen::ZERO {
        row(h, OrderMsg::TotalWarranty.text(locale), totals.warranty, "");
    }
    row(h, OrderMsg::Total.text(locale), totals.total, "total");
    h.raw("<tr><th scope=\"row\">")
        .t(OrderMsg::TotalInWords)
        .raw("</th><td>");
    h.text(&totals.total.capital().unwrap_or_default())
        .raw("</td></tr></tbody></table>");
}

/// The totals table, following the order.
#[component]
pub fn TotalsTable(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let html = move || {
        let mut h = Html {
            out: String::new(),
            locale: i18n.locale(),
        };
        ctx.order
            .with(|o| totals_html(&mut h, o, ctx.appointment()));
        h.out
    };
    view! { <div inner_html=html></div> }
}

fn warranty_label(w: &Warranty) -> OrderMsg {
    match w {
        Warranty::Covered => OrderMsg::WarrantyCovered,
        Warranty::NotCovered => OrderMsg::WarrantyNotCovered,
        Warranty::Undetermined => OrderMsg::WarrantyUndetermined,
        Warranty::Escalated => OrderMsg::WarrantyEscalated,
    }
}

/// One of the two tables of lines, labour's or parts'.
fn lines_html(h: &mut Html, job: &Job, lines: &[Line], labour: bool) {
    let (title, amount, price) = match labour {
        true => (OrderMsg::Labour, OrderMsg::HoursLabel, OrderMsg::RateLabel),
        false => (
            OrderMsg::Parts,
            OrderMsg::QuantityLabel,
            OrderMsg::UnitPriceLabel,
        ),
    };
    h.raw("<table class=\"order-lines\"><caption>")
        .t(title)
        .raw("</caption><thead><tr>");
    for head in [title, amount, price, OrderMsg::Total] {
        h.raw("<th scope=\"col\">").t(head).raw("</th>");
    }
    h.raw("<th scope=\"col\"></th></tr></thead><tbody>");
    for line in lines.iter().filter(|l| l.is_labour() == labour) {
        let (what, amount, price) = match &line.item {
            Item::Labour {
                code,
                name,
                hours,
                rate,
            } => (
                format!("{name} ({code})"),
                format!("{} h", hours.decimal()),
                rate.map(|r| r.to_string()).unwrap_or_default(),
            ),
            Item::Part {
                code,
                name,
                spec,
                unit,
                quantity,
                unit_price,
                ..
            } => (
                format!("{name} {spec} ({code})"),
                format!("{} {unit}", quantity.decimal()),
                unit_price.map(|p| p.to_string()).unwrap_or_default(),
            ),
        };
        let value = line.value().map(|v| v.to_string()).unwrap_or_default();
        let supplied = matches!(
            line.item,
            Item::Part {
                customer_supplied: true,
                ..
            }
        );
        let marks = [
            line.warranty
                .then(|| OrderMsg::WarrantyLine.text(h.locale).to_string()),
            supplied.then(|| OrderMsg::CustomerSupplied.text(h.locale).to_string()),
            Some(purpose_text(job, &line.purpose)),
        ];
        let marks: Vec<String> = marks.into_iter().flatten().collect();
        h.raw("<tr>");
        for cell in [what, amount, price, value, marks.join(" · ")] {
            h.el("td", &cell);
        }
        h.raw("</tr>");
    }
    h.raw("</tbody></table>");
}

/// The paper's text: its head, facts, concerns, lines, totals, recommended items and any
/// violation.
fn paper_html(h: &mut Html, job: &Job, order: &RepairOrder) {
    let locale = h.locale;
    let tag = locale.tag();
    let (v, o) = (&job.vehicle, &order.order);
    h.raw("<header class=\"copy-head\"><h2 id=\"paper-title\">")
        .t(OrderMsg::OrderTitle);
    h.raw("</h2><p class=\"job-no\">")
        .t(Msg::JobNumber)
        .raw(" <strong>");
    h.text(&job.id.short())
        .raw("</strong></p></header><dl class=\"copy-facts\">");
    let class = o
        .repair_class
        .and_then(|c| CLASSES.iter().find(|(k, _, _)| *k == c));
    let old = o
        .old_parts
        .and_then(|c| OLD_PARTS.iter().find(|(k, _)| *k == c));
    let wash = o
        .car_wash
        .map(|w| if w { OrderMsg::Yes } else { OrderMsg::No });
    let facts: [(&str, String); 10] = [
        (Msg::PlateLabel.text(locale), v.plate.to_string()),
        (Msg::MakeModel.text(locale), v.make_model.clone()),
        (
            Msg::VinLabel.text(locale),
            v.vin
                .as_ref()
                .map(|n| n.as_str().to_string())
                .unwrap_or_default(),
        ),
        (
            Msg::Odometer.text(locale),
            v.odometer_km.map(|k| k.to_string()).unwrap_or_default(),
        ),
        (Msg::OwnerName.text(locale), job.owner.name.clone()),
        (
            Msg::OwnerPhone.text(locale),
            job.owner
                .phone
                .as_ref()
                .map(|p| p.number.clone())
                .unwrap_or_default(),
        ),
        (
            OrderMsg::PromisedAt.text(locale),
            o.promised_at
                .map(|t| local_date_time(t, tag))
                .unwrap_or_default(),
        ),
        (
            OrderMsg::RepairClass.text(locale),
            class
                .map(|(_, l, g)| format!("{} · {}", l.text(locale), g.text(locale)))
                .unwrap_or_default(),
        ),
        (
            OrderMsg::OldParts.text(locale),
            old.map(|(_, l)| l.text(locale).to_string())
                .unwrap_or_default(),
        ),
        (
            OrderMsg::CarWash.text(locale),
            wash.map(|w| w.text(locale).to_string()).unwrap_or_default(),
        ),
    ];
    for (label, value) in facts.iter().filter(|(_, value)| !value.is_empty()) {
        h.el("dt", label).el("dd", value);
    }
    h.raw("</dl><section class=\"summary\"><h3>")
        .t(OrderMsg::StepDiagnosis)
        .raw("</h3><ul>");
    for c in &job.concerns {
        h.raw("<li><strong>").text(&c.words).raw("</strong><br>");
        match o.diagnoses.iter().find(|d| d.concern == c.id) {
            None => h.t(OrderMsg::NotDiagnosed),
            Some(d) => {
                match &d.finding {
                    Finding::Diagnosed(text) => h.text(text),
                    Finding::FullInspection => h.t(OrderMsg::FullInspection),
                };
                h.raw("<br><small>").t(warranty_label(&d.warranty));
                if !d.reason.is_empty() {
                    h.raw(" · ").text(&d.reason);
                }
                if let Some(a) = order.answer(c.id) {
                    let msg = match a.approved {
                        true => OrderMsg::ManufacturerApproved,
                        false => OrderMsg::ManufacturerRefused,
                    };
                    let said = locale.format(msg, &[("reference", &a.reference)]);
                    h.raw(" · ").text(&said);
                }
                h.raw("</small>")
            }
        };
        h.raw("</li>");
    }
    h.raw("</ul></section>");
    let lines = order.lines();
    lines_html(h, job, &lines, true);
    lines_html(h, job, &lines, false);
    totals_html(h, order, job.is_appointment());
    if !order.offers.is_empty() {
        h.raw("<section class=\"summary\"><h3>")
            .t(OrderMsg::Recommended)
            .raw("</h3><ul>");
        for offer in &order.offers {
            let state = match offer.accepted {
                Some(true) => OrderMsg::AcceptedMark,
                _ => OrderMsg::DeclinedMark,
            };
            let text = format!(
                "{} · {} · {}",
                item_name(&offer.item),
                offer.reason,
                state.text(locale)
            );
            h.el("li", &text);
        }
        h.raw("</ul></section>");
    }
    if let Some(v) = &order.violation {
        let fine = v.fine.to_string();
        let text = locale.format(
            OrderMsg::ViolationRecorded,
            &[("fine", &fine), ("reason", &v.reason)],
        );
        h.raw("<p class=\"warning\">").text(&text).raw("</p>");
    }
}

#[component]
pub fn OrderPaper(
    ctx: Ctx,
    receipt: RwSignal<bool>,
    /// What follows the text: the seal, once signed (`copy.rs`).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let html = move || {
        let mut h = Html {
            out: String::new(),
            locale: i18n.locale(),
        };
        ctx.job
            .with(|job| ctx.order.with(|order| paper_html(&mut h, job, order)));
        h.out
    };
    view! {
        <article class="copy order-paper" class:receipt=receipt aria-labelledby="paper-title">
            <div inner_html=html></div>
            {children.map(|c| c())}
        </article>
    }
}
