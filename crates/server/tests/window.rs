//! The pull's window (`/changes?finished_since=`): a new device does not download the store's
//! whole history. Finished jobs last written before the day are left out of the feed; every
//! unfinished job, every tombstone and every recent finished job is in it. Rows stored before
//! the window existed are marked from their documents when the server first starts on them.

use lanecheck_domain::{schema, Job, JobId, JobState};
use lanecheck_server::client::HttpRemote;
use lanecheck_server::{db, harness, Limits};
use lanecheck_sync::engine::{Engine, Outcome, Round};
use lanecheck_sync::memory::MemoryDevice;
use reqwest::{Client, StatusCode};
use serde_json::Value;

fn job_in(state: JobState) -> Job {
    let mut job = harness::walk_in("沪A12345").unwrap();
    job.state = state;
    job
}

fn feed_ids(body: &Value) -> Vec<String> {
    body["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn a_window_leaves_out_only_finished_jobs_written_before_its_day() {
    let server = harness::start(None, Limits::DEFAULT).await.unwrap();
    let client = Client::new();
    let (done, open) = (job_in(JobState::Delivered), job_in(JobState::InRepair));
    for job in [&done, &open] {
        server.create(&server.token, job).await.unwrap();
    }
    let feed = |query: String| {
        let client = client.clone();
        let (base, token) = (server.base.clone(), server.token.clone());
        async move {
            let response = client
                .get(format!("{base}/changes?{query}"))
                .bearer_auth(token)
                .send()
                .await
                .unwrap();
            let status = response.status();
            (status, response.json::<Value>().await.unwrap())
        }
    };
    let (today, tomorrow) = {
        let now = chrono::Local::now().date_naive();
        (now.to_string(), now.succ_opt().unwrap().to_string())
    };
    let (all, everything) = (done.id.to_string(), open.id.to_string());
    let (status, whole) = feed("since=".into()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(feed_ids(&whole), vec![all.clone(), everything.clone()]);
    // Both were written today: from today on, the finished one is still in the window.
    let (_, from_today) = feed(format!("since=&finished_since={today}")).await;
    assert_eq!(feed_ids(&from_today), vec![all, everything.clone()]);
    // From tomorrow on, it is older than the window and left out; the open job stays.
    let (_, later) = feed(format!("since=&finished_since={tomorrow}")).await;
    assert_eq!(feed_ids(&later), vec![everything]);
    assert_eq!(later["has_more"], Value::Bool(false));

    for bad in ["2026-13-01", "2026-1-05", "yesterday", "2026-02-30"] {
        let (status, body) = feed(format!("since=&finished_since={bad}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(body["code"], "bad_request", "{bad}");
    }
}

/// The app's engine asks for its window on every pull: a new device with a window from
/// tomorrow on gets the open job and not the finished one; without a window, both.
#[tokio::test]
async fn a_new_device_pulls_the_open_jobs_and_not_the_finished_history() {
    let server = harness::start(None, Limits::DEFAULT).await.unwrap();
    let (done, open) = (job_in(JobState::FollowedUp), job_in(JobState::Arrived));
    for job in [&done, &open] {
        server.create(&server.token, job).await.unwrap();
    }
    let tomorrow = chrono::Local::now().date_naive().succ_opt().unwrap();
    for (window, expected) in [
        (tomorrow.to_string(), vec![open.id]),
        (String::new(), vec![done.id, open.id]),
    ] {
        let device = MemoryDevice::default();
        let remote = HttpRemote::new(&server.base, &server.token, &device);
        let mut engine = Engine::new("new-phone");
        engine.finished_since = window.clone();
        let outcome = engine
            .round(&device, &remote, 0.5, &mut Round::default())
            .await;
        assert_eq!(outcome, Outcome::Done);
        let mut held: Vec<JobId> = device.store.jobs.borrow().keys().copied().collect();
        let mut expected = expected;
        held.sort();
        expected.sort();
        assert_eq!(held, expected, "window {window:?}");
    }
}

#[tokio::test]
async fn rows_stored_before_the_window_existed_are_marked_from_their_documents() {
    let dir = std::env::temp_dir().join(format!("lanecheck-window-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.join("old.db").display());
    // The jobs table as the previous release created it: no `finished` column.
    {
        sqlx::any::install_default_drivers();
        let old = sqlx::AnyPool::connect(&url).await.unwrap();
        sqlx::query("CREATE TABLE jobs (store_id TEXT NOT NULL, id TEXT NOT NULL, seq BIGINT NOT NULL, deleted BIGINT NOT NULL, document TEXT, day TEXT NOT NULL, PRIMARY KEY (store_id, id))")
            .execute(&old)
            .await
            .unwrap();
        let rows = [
            (1, Some(job_in(JobState::FollowedUp)), "2026-01-05"),
            (2, Some(job_in(JobState::Arrived)), "2026-01-05"),
            (3, None, "2026-01-05"),
            (4, Some(job_in(JobState::Delivered)), "2026-11-30"),
        ];
        for (seq, job, day) in rows {
            sqlx::query("INSERT INTO jobs (store_id, id, seq, deleted, document, day) VALUES ('s', $1, $2, $3, $4, $5)")
                .bind(uuid::Uuid::new_v4().to_string())
                .bind(seq)
                .bind(i64::from(job.is_none()))
                .bind(job.map(|j| schema::store(&j).unwrap()))
                .bind(day)
                .execute(&old)
                .await
                .unwrap();
        }
        old.close().await;
    }
    let db = db::open(&url).await.unwrap();
    let seqs = |entries: Vec<db::FeedEntry>| entries.iter().map(|e| e.seq).collect::<Vec<_>>();
    let window = |finished_since| db::Window {
        since: 0,
        finished_since,
    };
    let kept = db::feed(&db, "s", window("2026-09-01"), 100).await.unwrap();
    assert_eq!(seqs(kept), vec![2, 3, 4]);
    let whole = db::feed(&db, "s", window(""), 100).await.unwrap();
    assert_eq!(seqs(whole), vec![1, 2, 3, 4]);
    let documents = db::changes(&db, "s", window("2026-09-01"), 4)
        .await
        .unwrap();
    assert_eq!(
        documents.iter().map(|r| r.seq).collect::<Vec<_>>(),
        vec![2, 3, 4]
    );
    // Opening again marks nothing twice and loses nothing.
    db.close().await;
    let again = db::open(&url).await.unwrap();
    let kept = db::feed(&again, "s", window("2026-09-01"), 100)
        .await
        .unwrap();
    assert_eq!(seqs(kept), vec![2, 3, 4]);
    let _ = std::fs::remove_dir_all(&dir);
}
