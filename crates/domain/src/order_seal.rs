//! The repair order's seals. When the customer signs the order, and again when they answer an
//! add-on, what they signed is serialised canonically and hashed (SHA-256) like the check-in
//! sheet (`seal.rs`); anyone holding the job can recompute it.
//!
//! Canonical form, version 1 (docs/seal.md, "The repair order"): compact JSON of `Sheet` or
//! `AddOnSheet` below, fields in the order written here, the order's own types in their stored
//! form. Numbers are integers only (fen, hundredths, milliseconds since the Unix epoch).
//! The order's sheet names the check-in's seal, and an add-on's sheet the order's, so the
//! papers of one visit are a chain.

use crate::ids::JobId;
use crate::inspection::SignatureRef;
use crate::job::Job;
use crate::money::Fen;
use crate::order::{Order, Totals};
use crate::repair_order::{AddOnLine, Offer, RepairOrder, Terms, Violation};
use crate::seal::sha256_hex;
use serde::Serialize;

/// The version of the order's canonical forms, part of the hashed content.
pub const ORDER_SEAL_VERSION: u32 = 1;

#[derive(Serialize)]
struct Signature<'a> {
    png_sha256: &'a str,
    signer: &'a str,
    signed_at: i64,
}

impl<'a> From<&'a SignatureRef> for Signature<'a> {
    fn from(s: &'a SignatureRef) -> Self {
        Signature {
            png_sha256: &s.png_sha256,
            signer: &s.signer,
            signed_at: s.signed_at.timestamp_millis(),
        }
    }
}

#[derive(Serialize)]
struct Sheet<'a> {
    seal_version: u32,
    job: JobId,
    check_in_seal: Option<&'a str>,
    appointment: bool,
    terms: &'a Terms,
    order: &'a Order,
    offers: &'a [Offer],
    violation: Option<&'a Violation>,
    totals: Totals,
    signature: Signature<'a>,
}

#[derive(Serialize)]
struct AddOnSheet<'a> {
    seal_version: u32,
    job: JobId,
    order_seal: &'a str,
    add_on: u32,
    lines: &'a [AddOnLine],
    new_total_approved: bool,
    total: Fen,
    signature: Signature<'a>,
}

/// The canonical text of the order as the customer signs it with `signature`.
pub fn canonical(job: &Job, order: &RepairOrder, signature: &SignatureRef) -> String {
    let appointment = job.is_appointment();
    let sheet = Sheet {
        seal_version: ORDER_SEAL_VERSION,
        job: job.id,
        check_in_seal: job.seal.as_deref(),
        appointment,
        terms: &order.terms,
        order: &order.order,
        offers: &order.offers,
        violation: order.violation.as_ref(),
        totals: order.totals(&[], appointment),
        signature: signature.into(),
    };
    // Serialising these plain structs cannot fail: every map key is a string.
    serde_json::to_string(&sheet).unwrap_or_default()
}

/// The canonical text of add-on `id` as the customer answers it with `signature`, at the
/// new total `total`.
pub fn canonical_add_on(
    job: &Job,
    order: &RepairOrder,
    id: u32,
    total: Fen,
    signature: &SignatureRef,
) -> Option<String> {
    let add_on = order.add_ons.iter().find(|a| a.id == id)?;
    let sheet = AddOnSheet {
        seal_version: ORDER_SEAL_VERSION,
        job: job.id,
        order_seal: &order.signed.as_ref()?.seal,
        add_on: id,
        lines: &add_on.lines,
        new_total_approved: add_on.new_total_approved,
        total,
        signature: signature.into(),
    };
    serde_json::to_string(&sheet).ok()
}

/// Whether the order's seal and every signed add-on's seal still match their content.
pub fn intact(job: &Job, order: &RepairOrder) -> bool {
    let Some(signed) = &order.signed else {
        return true;
    };
    let hash = |text: Option<String>| text.map(|t| sha256_hex(t.as_bytes()));
    // The order as it was signed: without the add-ons that came after.
    let as_signed = RepairOrder {
        add_ons: Vec::new(),
        ..order.clone()
    };
    // The seal covers the totals; the total kept beside it must be theirs.
    let order_ok = hash(Some(canonical(job, &as_signed, &signed.signature)))
        == Some(signed.seal.clone())
        && as_signed.totals(&[], job.is_appointment()).total == signed.total;
    order_ok
        && order.add_ons.iter().all(|a| match &a.signed {
            None => true,
            Some(s) => {
                hash(canonical_add_on(job, order, a.id, s.total, &s.signature))
                    == Some(s.seal.clone())
            }
        })
}

/// The text of the printed order's QR code: the job number, the job id and the order's seal
/// (docs/seal.md). `None` until the order is signed.
pub fn order_code(job: &Job, order: &RepairOrder) -> Option<String> {
    let seal = &order.signed.as_ref()?.seal;
    Some(format!(
        "lanecheck:order?v={ORDER_SEAL_VERSION}&no={}&job={}&seal={seal}",
        job.id.short(),
        job.id
    ))
}
