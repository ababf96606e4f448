//! Sync benchmark: 50 jobs × 8 photos (about 250 KB each, incompressible) synced by the real
//! engine to the reference server on SQLite over loopback, through a measuring proxy.
//! Prints wire bytes against payload bytes (goal ≤ 1.02), the time against curl uploading the
//! same files on one connection through the same proxy, and — after the app is killed in the
//! middle of the upload and started again — how many blobs already on the server were sent
//! again (goal 0). Exits non-zero when a goal is missed.
//!   cargo run --release -p lanecheck-server --example sync-bench

use chrono::{TimeZone, Utc};
use lanecheck_domain::inspection::{PhotoRef, PhotoTarget};
use lanecheck_domain::plate::Plate;
use lanecheck_domain::seal::sha256_hex;
use lanecheck_domain::store::{commit, save_new};
use lanecheck_domain::{schema, ActorId, Command, Job, JobId, NewJob, Visit};
use lanecheck_server::client::HttpRemote;
use lanecheck_server::harness::{self, proxy};
use lanecheck_server::Limits;
use lanecheck_sync::engine::{Engine, Outcome, Round};
use lanecheck_sync::memory::MemoryDevice;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

const JOBS: usize = 50;
const PHOTOS: usize = 8;
const PHOTO_BYTES: usize = 250_000;

/// Incompressible bytes, different for every seed (SplitMix64).
fn photo(seed: u64) -> Vec<u8> {
    let mut state = seed;
    let mut bytes = Vec::with_capacity(PHOTO_BYTES);
    while bytes.len() < PHOTO_BYTES {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        bytes.extend_from_slice(&(z ^ (z >> 31)).to_le_bytes());
    }
    bytes.truncate(PHOTO_BYTES);
    bytes
}

/// A device holding 50 checked-in jobs with 8 photos each; returns it and the payload bytes.
async fn device(salt: u64) -> (MemoryDevice, u64) {
    let device = MemoryDevice::default();
    let advisor = ActorId("王顾问".into());
    let at = |s: u64| Utc.timestamp_opt(1_790_000_000 + s as i64, 0).unwrap();
    let mut payload = 0u64;
    for j in 0..JOBS {
        let id = JobId(uuid::Uuid::from_u128((u128::from(salt) << 64) | j as u128));
        let mut job = Job::open(
            NewJob {
                id,
                visit: Visit::WalkIn,
                plate: Plate::parse("粤B12345").unwrap_or_else(|_| unreachable!()),
                store_items: vec![],
            },
            at(0),
            advisor.clone(),
        );
        save_new(&device, &job, at(0))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        for p in 0..PHOTOS {
            let bytes = photo(salt * 1_000_000 + (j * PHOTOS + p) as u64);
            let sha = sha256_hex(&bytes);
            payload += bytes.len() as u64;
            device.blobs.borrow_mut().insert(sha.clone(), bytes);
            let attach = Command::AttachPhoto(PhotoRef {
                sha256: sha,
                target: PhotoTarget::Job,
                width: 1600,
                height: 1200,
                bytes: PHOTO_BYTES as u64,
                taken_at: at(p as u64 + 1),
            });
            job = commit(&device, &job, attach, at(p as u64 + 1), advisor.clone())
                .await
                .unwrap_or_else(|e| panic!("{e}"));
        }
        payload += schema::store(&job).map_or(0, |text| text.len() as u64);
    }
    (device, payload)
}

async fn sync_all(engine: &mut Engine, device: &MemoryDevice, remote: &HttpRemote<'_>) {
    for _ in 0..20 {
        let mut round = Round::default();
        if engine.round(device, remote, 0.5, &mut round).await == Outcome::Done
            && device.store.outbox.borrow().is_empty()
        {
            return;
        }
    }
    panic!("the device did not finish syncing");
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let mut failed = false;
    let photos = JOBS * PHOTOS;
    println!("Sync benchmark: {JOBS} jobs × {PHOTOS} photos ({photos} photos of {} KB) to the reference server (SQLite) over loopback", PHOTO_BYTES / 1000);

    // 1. The engine, start to end.
    let server = harness::start(None, Limits::DEFAULT)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let origin = server.base.trim_end_matches("/sync/v1").to_string();
    let (via, counter) = proxy::start(&origin, 1, 0)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let (phone, payload) = device(1).await;
    let remote = HttpRemote::new(&format!("{via}/sync/v1"), &server.token, &phone);
    let started = Instant::now();
    sync_all(&mut Engine::new("phone-1"), &phone, &remote).await;
    let engine_time = started.elapsed();
    let wire = counter.wire_bytes.load(Ordering::Relaxed);
    let ratio = wire as f64 / payload as f64;
    println!(
        "  LaneCheck engine:   {:>6.2} s   wire {:.2} MB for a payload of {:.2} MB → {ratio:.4} (goal ≤ 1.02)",
        engine_time.as_secs_f64(),
        wire as f64 / 1e6,
        payload as f64 / 1e6
    );
    failed |= ratio > 1.02;

    // 2. curl uploading the same files (one process, one connection) through the same proxy.
    let peer = harness::start(None, Limits::DEFAULT)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let peer_origin = peer.base.trim_end_matches("/sync/v1").to_string();
    let (peer_via, _) = proxy::start(&peer_origin, 2, 0)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let dir = peer.data.join("upload");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    // No "Expect: 100-continue" round trip per file: the engine does not wait for one either.
    let mut args = vec![
        "-s".to_string(),
        "-f".into(),
        "-o".into(),
        "/dev/null".into(),
        "-H".into(),
        "Expect:".into(),
        "-H".into(),
        format!("Authorization: Bearer {}", peer.token),
    ];
    for (sha, bytes) in phone.blobs.borrow().iter() {
        let file = dir.join(sha);
        std::fs::write(&file, bytes).unwrap_or_else(|e| panic!("{e}"));
        args.extend([
            "-T".into(),
            file.display().to_string(),
            format!("{peer_via}/sync/v1/blobs/{sha}"),
        ]);
    }
    let started = Instant::now();
    let curl = tokio::task::spawn_blocking(move || {
        std::process::Command::new("curl").args(&args).status()
    })
    .await;
    let curl_time = started.elapsed();
    match curl {
        Ok(Ok(status)) if status.success() => println!(
            "  curl, same files:   {:>6.2} s   (the engine takes {:.2}× as long: it also checks each blob first and sends 50 job documents)",
            curl_time.as_secs_f64(),
            engine_time.as_secs_f64() / curl_time.as_secs_f64()
        ),
        other => {
            println!("  curl failed: {other:?}");
            failed = true;
        }
    }

    // 3. Killed in the middle of the upload, then started again.
    let third = harness::start(None, Limits::DEFAULT)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let third_origin = third.base.trim_end_matches("/sync/v1").to_string();
    let (third_via, watch) = proxy::start(&third_origin, 3, 0)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let (tablet, _) = device(3).await;
    let remote = HttpRemote::new(&format!("{third_via}/sync/v1"), &third.token, &tablet);
    let mut engine = Engine::new("tablet-1");
    let mut round = Round::default();
    let cut = engine_time / 2;
    let interrupted = tokio::time::timeout(
        cut.max(Duration::from_millis(50)),
        engine.round(&tablet, &remote, 0.5, &mut round),
    )
    .await
    .is_err();
    let stored_before = third.stored_blobs();
    let mut engine = Engine::new("tablet-1");
    sync_all(&mut engine, &tablet, &remote).await;
    let resent = watch.repeated_blobs.load(Ordering::Relaxed);
    println!(
        "  killed mid-upload:  {} of {photos} photos were on the server at the kill{}; blobs re-sent afterwards: {resent} (goal 0)",
        stored_before,
        if interrupted { "" } else { " (the round finished first)" }
    );
    failed |= resent > 0;
    if failed {
        eprintln!("a sync goal was missed");
        std::process::exit(1);
    }
}
