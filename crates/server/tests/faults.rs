//! The sync engine against the reference server through a fault-injecting proxy (requests
//! dropped before or after the server handled them, delays, 503 with Retry-After, requests
//! delivered twice) while the advisor keeps editing and taking photos and the app is killed
//! now and then. After the faults stop, device and server converge: every job once, every
//! acknowledged edit exactly once, every photo stored once.

use chrono::{DateTime, TimeZone, Utc};
use lanecheck_domain::inspection::{Cover, PhotoRef, PhotoTarget};
use lanecheck_domain::plate::Plate;
use lanecheck_domain::seal::sha256_hex;
use lanecheck_domain::store::{commit, save_new};
use lanecheck_domain::{ActorId, Command, Job, JobId, NewJob, Visit};
use lanecheck_server::client::HttpRemote;
use lanecheck_server::Limits;
use lanecheck_sync::engine::{Engine, Outcome, Remote, Round};
use lanecheck_sync::memory::MemoryDevice;
use std::collections::BTreeMap;
use std::sync::atomic::Ordering;

fn at(tick: u64) -> DateTime<Utc> {
    Utc.timestamp_opt(1_790_000_000 + tick as i64, 0).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_the_faults_stop_device_and_server_agree_with_nothing_lost_or_duplicated() {
    let server = lanecheck_server::harness::start(None, Limits::DEFAULT)
        .await
        .unwrap();
    let origin = server.base.trim_end_matches("/sync/v1").to_string();
    let (via, proxy) = lanecheck_server::harness::proxy::start(&origin, 0x5EED, 35)
        .await
        .unwrap();
    let device = MemoryDevice::default();
    let remote = HttpRemote::new(&format!("{via}/sync/v1"), &server.token, &device);
    let advisor = ActorId("王顾问".into());
    let mut engine = Engine::new("phone-1");
    let mut acknowledged: Vec<(JobId, DateTime<Utc>)> = Vec::new();
    let mut ids: Vec<JobId> = Vec::new();
    let mut tick = 0u64;
    let mut faulty_rounds = 0;

    for step in 0..48u64 {
        tick += 1;
        if step < 8 {
            let id = JobId(uuid::Uuid::from_u128(0xA000 + u128::from(step)));
            let job = Job::open(
                NewJob {
                    id,
                    visit: Visit::WalkIn,
                    plate: Plate::parse("粤B12345").unwrap(),
                    store_items: vec![],
                },
                at(tick),
                advisor.clone(),
            );
            save_new(&device, &job, at(tick)).await.unwrap();
            acknowledged.push((id, at(tick)));
            ids.push(id);
        }
        // Two edits per step: a photo (new bytes each time) and a concern or a cover.
        for k in 0..2u64 {
            tick += 1;
            let id = ids[((step * 3 + k) % ids.len() as u64) as usize];
            let job = device.store.jobs.borrow().get(&id).cloned().unwrap();
            let command = if k == 0 {
                let bytes = format!("\u{FF}photo {step} {k} {id}").into_bytes();
                let sha = sha256_hex(&bytes);
                device.blobs.borrow_mut().insert(sha.clone(), bytes.clone());
                Command::AttachPhoto(PhotoRef {
                    sha256: sha,
                    target: PhotoTarget::Job,
                    width: 1600,
                    height: 1200,
                    bytes: bytes.len() as u64,
                    taken_at: at(tick),
                })
            } else if step % 2 == 0 {
                Command::AddConcern {
                    words: format!("异响 {step}"),
                    when_it_happens: "冷车".into(),
                }
            } else {
                Command::FitCover {
                    cover: Cover::ALL[(step % 4) as usize],
                    fitted: true,
                }
            };
            if commit(&device, &job, command, at(tick), advisor.clone())
                .await
                .is_ok()
            {
                acknowledged.push((id, at(tick)));
            }
        }
        let mut round = Round::default();
        if engine.round(&device, &remote, 0.5, &mut round).await != Outcome::Done {
            faulty_rounds += 1;
        }
        if step % 7 == 6 {
            // The app is killed: only the device's store survives.
            engine = Engine::new("phone-1");
        }
    }
    assert!(
        proxy.faults.load(Ordering::Relaxed) > 20,
        "the proxy injected too few faults"
    );
    assert!(faulty_rounds > 5, "too few rounds met a fault");

    proxy.percent.store(0, Ordering::Relaxed);
    let mut settled = false;
    for _ in 0..10 {
        let mut round = Round::default();
        let outcome = engine.round(&device, &remote, 0.5, &mut round).await;
        if outcome == Outcome::Done && round.pushed == 0 && device.store.outbox.borrow().is_empty()
        {
            settled = true;
            break;
        }
    }
    assert!(settled, "the device never finished syncing");

    // What the server has, read directly.
    let direct = HttpRemote::new(&server.base, &server.token, &device);
    let mut on_server: BTreeMap<JobId, Job> = BTreeMap::new();
    let mut cursor = String::new();
    loop {
        let page = direct.changes(&cursor, 100, "").await.unwrap();
        for change in page.changes {
            assert!(
                on_server
                    .insert(change.id, change.document.unwrap())
                    .is_none(),
                "a job is in the feed twice"
            );
        }
        cursor = page.next;
        if !page.has_more {
            break;
        }
    }
    assert_eq!(
        on_server.len(),
        ids.len(),
        "every job is on the server once"
    );
    let mut photos = 0;
    for id in &ids {
        let local = device.store.jobs.borrow().get(id).cloned().unwrap();
        assert_eq!(on_server[id], local, "job {id}: device and server differ");
        for photo in &local.photos {
            assert!(
                direct.has_blob(&photo.sha256).await.unwrap(),
                "photo {} missing",
                photo.sha256
            );
        }
        photos += local.photos.len();
        let device_sync = device.sync.borrow().get(id).cloned().unwrap_or_default();
        assert!(
            device_sync.conflict.is_none() && device_sync.refused.is_none(),
            "job {id}: {device_sync:?}"
        );
    }
    for (id, when) in &acknowledged {
        let times = on_server[id]
            .history
            .entries()
            .unwrap()
            .iter()
            .filter(|h| h.at == *when)
            .count();
        assert_eq!(
            times, 1,
            "the edit of job {id} at {when} is on the server {times} times"
        );
    }
    assert_eq!(server.stored_blobs(), photos, "every photo is stored once");
}
