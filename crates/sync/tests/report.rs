//! The messages between the pages and the sync worker: every message survives the trip, and no
//! text — whatever another tab or a later version sends — makes the parser panic.

use lanecheck_domain::JobId;
use lanecheck_sync::engine::Fetched;
use lanecheck_sync::protocol::Found;
use lanecheck_sync::report::{Badge, FoundList, JobState, Message, Report, Tested};
use proptest::prelude::*;
use uuid::Uuid;

fn text() -> impl Strategy<Value = String> {
    "[^\n\r]{0,40}"
}

fn message() -> impl Strategy<Value = Message> {
    let badge = prop_oneof![
        Just(Badge::NotSetUp),
        Just(Badge::Offline),
        (0usize..10_000).prop_map(Badge::Syncing),
        Just(Badge::AllSynced),
        Just(Badge::Unauthorized),
        Just(Badge::NeedsAttention),
        Just(Badge::Retrying),
    ];
    let state = prop_oneof![
        Just(JobState::Waiting),
        Just(JobState::Conflict),
        text().prop_map(JobState::Refused),
    ];
    let job = (any::<u128>(), state).prop_map(|(n, s)| (JobId(Uuid::from_u128(n)), s));
    let tested = prop_oneof![
        (text(), text()).prop_map(|(store, advisor)| Tested::Connected { store, advisor }),
        Just(Tested::Unauthorized),
        Just(Tested::Unreachable),
        text().prop_map(Tested::Refused),
    ];
    let id = || any::<u128>().prop_map(|n| JobId(Uuid::from_u128(n)));
    let fetched = prop_oneof![
        Just(Fetched::Stored),
        Just(Fetched::Unknown),
        Just(Fetched::Failed)
    ];
    prop_oneof![
        text().prop_map(|term| Message::Search { term }),
        (
            text(),
            prop::option::of(prop::collection::vec(found(), 0..4))
        )
            .prop_map(|(term, jobs)| {
                Message::Found {
                    term,
                    jobs: jobs.map(|jobs| FoundList::of(&jobs)),
                }
            }),
        id().prop_map(Message::Fetch),
        (id(), fetched).prop_map(|(id, f)| Message::Fetched(id, f)),
        Just(Message::Kick),
        Just(Message::SyncNow),
        Just(Message::Hello),
        Just(Message::Changed),
        (text(), text()).prop_map(|(endpoint, token)| Message::Test { endpoint, token }),
        tested.prop_map(Message::Tested),
        (badge, prop::collection::vec(job, 0..5))
            .prop_map(|(badge, jobs)| Message::Report(Report { badge, jobs })),
    ]
}

fn found() -> impl Strategy<Value = Found> {
    (
        any::<u128>(),
        "[^\n\r]{0,12}",
        prop::option::of("[A-HJ-NPR-Z0-9]{17}"),
        0usize..lanecheck_domain::JobState::ALL.len(),
        any::<bool>(),
        any::<i64>(),
    )
        .prop_map(|(id, plate, vin, state, appointment, created_at)| Found {
            id: JobId(Uuid::from_u128(id)),
            plate,
            vin,
            state: lanecheck_domain::JobState::ALL[state],
            appointment,
            created_at,
        })
}

proptest! {
    #[test]
    fn the_jobs_found_survive_the_trip(jobs in prop::collection::vec(found(), 0..6)) {
        let sent = Message::Found { term: "A1".into(), jobs: Some(FoundList::of(&jobs)) };
        let Some(Message::Found { jobs: Some(list), .. }) = Message::parse(&sent.to_text()) else {
            return Err(TestCaseError::fail("not a found message"));
        };
        prop_assert_eq!(list.jobs(), Some(jobs));
    }

    #[test]
    fn every_message_survives_the_trip(message in message()) {
        prop_assert_eq!(Message::parse(&message.to_text()), Some(message));
    }

    #[test]
    fn any_text_parses_or_is_ignored_without_panic(text in "\\PC{0,120}") {
        let _ = Message::parse(&text);
    }

    #[test]
    fn reports_with_any_line_appended_never_panic(tail in "\\PC{0,60}") {
        let _ = Message::parse(&format!("report\nsyncing 2\n{tail}"));
        let _ = Message::parse(&format!("tested\n{tail}"));
        let _ = Message::parse(&format!("found\nA1\nok\n{tail}"));
    }
}

#[test]
fn a_value_with_a_line_break_stays_one_line() {
    let sent = Message::Tested(Tested::Refused("bad\nrequest".into()));
    assert_eq!(
        Message::parse(&sent.to_text()),
        Some(Message::Tested(Tested::Refused("bad request".into())))
    );
}

#[test]
fn unknown_messages_are_ignored() {
    assert_eq!(Message::parse("report\nsyncing many"), None);
    assert_eq!(Message::parse("report\nsynced\nnot-an-id waiting"), None);
    assert_eq!(Message::parse("shout"), None);
    assert_eq!(Message::parse(""), None);
}
