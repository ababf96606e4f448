//! The check-in seal. When the customer signs, the sheet they signed is serialised canonically
//! and hashed (SHA-256); the hex digest is kept on the job. Anyone holding the job (the app,
//! the sync server, a dealer's system) can recompute it: a changed record no longer matches.
//!
//! Canonical form, version 1 (documented in docs/seal.md): compact JSON (no white space,
//! UTF-8, serde_json's escaping) of `Sheet` below, fields in the order written here. Numbers
//! are integers only: times in milliseconds since the Unix epoch, diagram positions in
//! ten-thousandths. Photos are listed by their SHA-256, sorted, so the seal covers their
//! content without their bytes.

use crate::ids::JobId;
use crate::inspection::{
    CheckEntry, Concern, Cover, DamageKind, PhotoTarget, Severity, SignatureRef, ValuableEntry,
    View,
};
use crate::job::{Job, Person, Vehicle};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// The version of the canonical form, part of the hashed content.
pub const SEAL_VERSION: u32 = 1;

#[derive(Serialize)]
struct Sheet<'a> {
    seal_version: u32,
    job: JobId,
    appointment: bool,
    arrived_at: Option<i64>,
    owner: &'a Person,
    bringer: Option<&'a Person>,
    vehicle: &'a Vehicle,
    covers: Vec<Cover>,
    checklist: &'a [CheckEntry],
    damage: Vec<Mark<'a>>,
    photos: Vec<Photo<'a>>,
    valuables: &'a [ValuableEntry],
    valuables_acknowledged_at: Option<i64>,
    concerns: &'a [Concern],
    gate_override: Option<&'a str>,
    signature: Option<Signature<'a>>,
}

#[derive(Serialize)]
struct Mark<'a> {
    id: u32,
    view: View,
    x: u16,
    y: u16,
    kind: DamageKind,
    severity: Severity,
    note: &'a str,
    pointed_out: bool,
}

#[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
struct Photo<'a> {
    sha256: &'a str,
    target: &'a PhotoTarget,
}

#[derive(Serialize)]
struct Signature<'a> {
    png_sha256: &'a str,
    signer: &'a str,
    signed_at: i64,
}

/// Whether a job's stored seal still matches its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SealStatus {
    Unsealed,
    Intact,
    Broken,
}

/// The canonical text of the check-in sheet, as hashed.
pub fn canonical(job: &Job) -> String {
    let position = |v: f32| (v.clamp(0.0, 1.0) * 10_000.0).round() as u16;
    let mut photos: Vec<Photo> = job
        .photos
        .iter()
        .map(|p| Photo {
            sha256: &p.sha256,
            target: &p.target,
        })
        .collect();
    photos.sort();
    let sheet = Sheet {
        seal_version: SEAL_VERSION,
        job: job.id,
        appointment: job.is_appointment(),
        arrived_at: job.arrived_at.map(|t| t.timestamp_millis()),
        owner: &job.owner,
        bringer: job.bringer.as_ref(),
        vehicle: &job.vehicle,
        covers: Cover::ALL
            .into_iter()
            .filter(|c| job.covers.contains(c))
            .collect(),
        checklist: &job.checklist,
        damage: job
            .damage
            .iter()
            .map(|m| Mark {
                id: m.id,
                view: m.view,
                x: position(m.x),
                y: position(m.y),
                kind: m.kind,
                severity: m.severity,
                note: &m.note,
                pointed_out: m.pointed_out,
            })
            .collect(),
        photos,
        valuables: &job.valuables,
        valuables_acknowledged_at: job.valuables_acknowledged_at.map(|t| t.timestamp_millis()),
        concerns: &job.concerns,
        gate_override: job.gate_override.as_deref(),
        signature: job.signature.as_ref().map(|s: &SignatureRef| Signature {
            png_sha256: &s.png_sha256,
            signer: &s.signer,
            signed_at: s.signed_at.timestamp_millis(),
        }),
    };
    // Serialising these plain structs cannot fail: every map key is a string.
    serde_json::to_string(&sheet).unwrap_or_default()
}

/// The seal: lower-case hex SHA-256 of the canonical text.
pub fn compute(job: &Job) -> String {
    sha256_hex(canonical(job).as_bytes())
}

/// Lower-case hex SHA-256: the seal, and the names of blobs, tokens and idempotency keys
/// wherever LaneCheck hashes something. Written without `format!`, which would pull the
/// formatting machinery into the browser's wasm.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .flat_map(|b| [b >> 4, b & 0xF])
        .filter_map(|nibble| char::from_digit(u32::from(nibble), 16))
        .collect()
}

impl Job {
    pub fn seal_status(&self) -> SealStatus {
        match &self.seal {
            None => SealStatus::Unsealed,
            Some(seal) if *seal == compute(self) => SealStatus::Intact,
            Some(_) => SealStatus::Broken,
        }
    }
}

/// The text of the customer copy's QR code: the job number, the job id and the seal, so a
/// dealer or the customer can look the job up and check the record against its seal
/// (docs/seal.md). `None` until the sheet is sealed.
pub fn receipt_code(job: &Job) -> Option<String> {
    let seal = job.seal.as_deref()?;
    Some(format!(
        "lanecheck:seal?v={SEAL_VERSION}&no={}&job={}&seal={seal}",
        job.id.short(),
        job.id
    ))
}
