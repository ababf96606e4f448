//! Benchmark only, never shipped: fills the app's IndexedDB with copies of a full check-in
//! (customer, vehicle, covers, checklist with a photographed issue, two marks with four
//! photos, valuables with one left in the car, a concern with a photo, the signature: 34
//! history entries), each another car
//! and day, written by the app's own storage code as sync writes another device's job
//! (`IdbStore::adopt`: record and summary in one transaction). `end2end/bench/list.mjs` builds
//! it for `--target web` and runs it in the app's origin: the page sets `window.seedCount`
//! before loading it, and it sets `window.seeded` to the number of jobs written (or
//! `window.seedError`).

use chrono::{Duration, TimeZone, Utc};
use lanecheck::storage::idb::{IdbStore, DB_NAME};
use lanecheck_domain::inspection::*;
use lanecheck_domain::job::{Documents, Person, Vehicle};
use lanecheck_domain::phone::Phone;
use lanecheck_domain::plate::Plate;
use lanecheck_domain::vin::Vin;
use lanecheck_domain::{ActorId, Command, Job, JobId, NewJob, Visit};
use lanecheck_sync::engine::{JobSync, SyncStore};
use wasm_bindgen::JsValue;

const PROVINCES: [&str; 6] = ["京", "沪", "粤", "苏", "浙", "川"];

fn main() {
    wasm_bindgen_futures::spawn_local(async {
        let global = js_sys::global();
        let count = js_sys::Reflect::get(&global, &"seedCount".into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0) as u32;
        let (key, value) = match seed(count).await {
            Ok(n) => ("seeded", JsValue::from(n)),
            Err(e) => ("seedError", JsValue::from_str(&e)),
        };
        let _ = js_sys::Reflect::set(&global, &key.into(), &value);
    });
}

async fn seed(count: u32) -> Result<u32, String> {
    let store = IdbStore::open(DB_NAME, || {})
        .await
        .map_err(|e| e.to_string())?;
    for n in 0..count {
        let job = full_check_in(n).map_err(|e| e.to_string())?;
        let sync = JobSync {
            version: Some("1".into()),
            revision: job.revision,
            ..JobSync::default()
        };
        store
            .adopt(&job, &sync, None)
            .await
            .map_err(|e| e.to_string())?;
    }
    Ok(count)
}

/// Car `n`'s visit: one every 20 minutes back from 2026-12-01, with its own plate and VIN.
fn full_check_in(n: u32) -> Result<Job, lanecheck_domain::DomainError> {
    let start =
        Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap() - Duration::minutes(20 * i64::from(n));
    let at = |s: i64| start + Duration::seconds(s);
    let advisor = ActorId("王顾问".into());
    let plate = format!(
        "{}A{:05}",
        PROVINCES[n as usize % PROVINCES.len()],
        n % 100_000
    );
    let mut job = Job::open(
        NewJob {
            id: JobId(uuid::Uuid::from_u128(
                0x5eed_0000_0000_0000_0000_0000_0000_0000 | u128::from(n),
            )),
            visit: Visit::WalkIn,
            plate: Plate::parse(&plate).unwrap(),
            store_items: vec!["洗车液".into()],
        },
        start,
        advisor.clone(),
    );
    let photo = |k: u32, target: PhotoTarget, s: i64| {
        Command::AttachPhoto(PhotoRef {
            sha256: format!("{:064x}", u128::from(n) << 8 | u128::from(k)),
            target,
            width: 1600,
            height: 1200,
            bytes: 258_000,
            taken_at: at(s),
        })
    };
    let mark = |id: u32, view: View, x: f32, note: &str| DamageMark {
        id,
        view,
        x,
        y: 0.5,
        kind: DamageKind::Scratch,
        severity: Severity::Minor,
        note: note.into(),
        pointed_out: true,
    };
    let mut commands = vec![
        Command::Greet,
        Command::SetOwner(Person {
            name: "李先生".into(),
            phone: Some(Phone::parse("13812345678").unwrap()),
        }),
        Command::SetVehicle(Vehicle {
            plate: Plate::parse(&plate).unwrap(),
            vin: Vin::parse(&format!("LSVAU2180N2{:06}", n % 1_000_000)).ok(),
            make_model: "大众 帕萨特".into(),
            colour: "白".into(),
            odometer_km: Some(20_000 + n % 50_000),
            fuel_eighths: Some(4),
            documents: Documents {
                driving_licence: true,
                service_booklet: false,
            },
        }),
        Command::ToldAboutAppointments,
        Command::StartInspection,
    ];
    commands.extend(Cover::ALL.map(|cover| Command::FitCover {
        cover,
        fitted: true,
    }));
    commands.push(Command::AnswerCheck {
        item: CheckItem::Glass,
        answer: Some(Answer::Issue {
            note: "前挡风玻璃有小裂纹".into(),
        }),
    });
    for item in [
        CheckItem::ExteriorPaint,
        CheckItem::BodyPanels,
        CheckItem::Lights,
        CheckItem::Mirrors,
        CheckItem::Wipers,
    ] {
        commands.push(Command::AnswerCheck {
            item,
            answer: Some(Answer::Ok),
        });
    }
    commands.push(photo(1, PhotoTarget::Check(CheckItem::Glass), 60));
    commands.push(photo(2, PhotoTarget::Check(CheckItem::Glass), 70));
    commands.push(Command::AllRemainingOk);
    for (id, view, x) in [(1, View::Left, 0.3), (2, View::Front, 0.6)] {
        commands.push(Command::AddDamage {
            view,
            x,
            y: 0.5,
            kind: DamageKind::Scratch,
            severity: Severity::Minor,
            note: String::new(),
        });
        commands.push(photo(id * 2 + 1, PhotoTarget::Damage(id), 100));
        commands.push(photo(id * 2 + 2, PhotoTarget::Damage(id), 110));
        commands.push(Command::UpdateDamage(mark(
            id,
            view,
            x,
            "车门划痕，已向客户指出",
        )));
    }
    commands.push(Command::SetValuable {
        item: Valuable::Glasses,
        disposition: Some(Disposition::LeftInCar {
            description: "太阳镜一副，放在手套箱".into(),
        }),
    });
    commands.push(Command::RemainingValuablesTaken);
    commands.push(Command::AcknowledgeValuables);
    commands.push(Command::AddConcern {
        words: "冷车启动时发动机有异响".into(),
        when_it_happens: "早上第一次启动".into(),
    });
    commands.push(photo(7, PhotoTarget::Concern(1), 500));
    commands.push(Command::SignCheckIn(SignatureRef {
        png_sha256: format!("{:064x}", u128::from(n) << 8 | 0xff),
        signer: "李先生".into(),
        signed_at: at(600),
    }));
    for (k, command) in commands.into_iter().enumerate() {
        job.apply(command, at(30 + 20 * k as i64), advisor.clone())?;
    }
    Ok(job)
}
