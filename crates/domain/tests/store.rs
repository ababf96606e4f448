//! The storage port's contract, on the in-memory store: a change is stored with its outbox
//! entry, or not at all, and never over a copy as new as it.

mod support;

use lanecheck_domain::store::{commit, save_new, CommitError, JobStore, MemoryStore, StoreError};
use lanecheck_domain::summary::ListQuery;
use lanecheck_domain::{Command, DomainError, JobState};
use pollster::block_on;
use support::*;

#[test]
fn commit_stores_job_and_outbox_entry_together() {
    let store = MemoryStore::default();
    let job = walk_in(1);
    block_on(save_new(&store, &job, t(0))).unwrap();
    let next = block_on(commit(
        &store,
        &job,
        Command::StartInspection,
        t(1),
        advisor(),
    ))
    .unwrap();
    assert_eq!(next.state, JobState::Inspecting);
    assert_eq!(block_on(store.job(job.id)).unwrap(), Some(next.clone()));
    let outbox = block_on(store.outbox()).unwrap();
    assert_eq!(
        outbox.iter().map(|e| e.revision).collect::<Vec<_>>(),
        vec![1, 2]
    );
}

#[test]
fn a_change_made_on_an_older_copy_is_refused_and_nothing_changes() {
    let store = MemoryStore::default();
    let job = walk_in(1);
    block_on(save_new(&store, &job, t(0))).unwrap();
    // Another copy (from sync) got there first.
    let newer = block_on(commit(&store, &job, Command::Greet, t(1), advisor())).unwrap();
    let stale = block_on(commit(
        &store,
        &job,
        Command::StartInspection,
        t(2),
        advisor(),
    ));
    assert_eq!(stale, Err(CommitError::Store(StoreError::Stale)));
    assert_eq!(block_on(store.job(job.id)).unwrap(), Some(newer.clone()));
    assert_eq!(block_on(store.outbox()).unwrap().len(), 2);
    // Applied to the newer copy, it is stored.
    let next = block_on(commit(
        &store,
        &newer,
        Command::StartInspection,
        t(2),
        advisor(),
    ))
    .unwrap();
    assert_eq!(next.revision, 3);
}

#[test]
fn a_full_disk_is_an_error_and_nothing_changes() {
    let store = MemoryStore::default();
    let job = walk_in(1);
    *store.fail_with.borrow_mut() = Some(StoreError::QuotaExceeded);
    let err = block_on(commit(&store, &job, Command::Greet, t(1), advisor()));
    assert_eq!(err, Err(CommitError::Store(StoreError::QuotaExceeded)));
    assert_eq!(block_on(store.job(job.id)).unwrap(), None);
    assert_eq!(block_on(store.outbox()).unwrap(), vec![]);
}

#[test]
fn a_refused_command_stores_nothing() {
    let store = MemoryStore::default();
    let job = walk_in(1);
    let err = block_on(commit(
        &store,
        &job,
        Command::ToldAboutAppointments,
        t(1),
        advisor(),
    ));
    assert!(err.is_ok());
    let err = block_on(commit(&store, &job, Command::Arrive, t(1), advisor()));
    assert!(matches!(
        err,
        Err(CommitError::Refused(DomainError::IllegalTransition { .. }))
    ));
    assert_eq!(block_on(store.outbox()).unwrap().len(), 1);
}

#[test]
fn jobs_are_listed_newest_first() {
    let store = MemoryStore::default();
    let mut older = walk_in(1);
    older.created_at = t(-100);
    let newer = walk_in(2);
    block_on(save_new(&store, &older, t(0))).unwrap();
    block_on(save_new(&store, &newer, t(0))).unwrap();
    let page = block_on(store.list(&ListQuery::new("", 10))).unwrap();
    let ids: Vec<_> = page.summaries.into_iter().map(|s| s.id).collect();
    assert_eq!(ids, vec![newer.id, older.id]);
    assert!(!page.more);
}
