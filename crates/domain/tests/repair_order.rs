//! The repair order's lifecycle: written while CheckedIn, signed (sealed) → OrderSigned,
//! InRepair ⇄ AwaitingApproval through add-ons; violations only by an override; declined
//! items offered at the car's next visit; the order's history and stored form.

mod support;

use lanecheck_domain::history::Change;
use lanecheck_domain::money::Fen;
use lanecheck_domain::order::{
    Answer, Diagnosis, Finding, Hundredths, Item, OldParts, OrderGap, PartSource, Purpose,
    RepairClass, Warranty,
};
use lanecheck_domain::order_command::OrderCommand;
use lanecheck_domain::order_seal;
use lanecheck_domain::repair_order::{recommendations, Terms};
use lanecheck_domain::schema::{restore, restore_whole, store};
use lanecheck_domain::{DomainError, Job, JobState, Visit};
use proptest::prelude::*;
use support::*;

fn labour(code: &str, hours: u32, rate: i64) -> Item {
    Item::Labour {
        code: code.into(),
        name: format!("工时{code}"),
        hours: Hundredths(hours),
        rate: Some(Fen(rate)),
    }
}

fn part(code: &str, quantity: u32, price: Option<i64>) -> Item {
    Item::Part {
        code: code.into(),
        name: format!("配件{code}"),
        spec: "原厂".into(),
        unit: "个".into(),
        quantity: Hundredths(quantity),
        unit_price: price.map(Fen),
        source: PartSource::Original,
        customer_supplied: false,
    }
}

fn run(job: &mut Job, at: i64, command: OrderCommand) -> Result<(), DomainError> {
    job.apply_order(command, t(at), advisor())
}

fn begin(job: &mut Job) {
    let begin = OrderCommand::Begin {
        terms: Terms::default(),
        offers: Vec::new(),
    };
    run(job, 200, begin).unwrap();
}

/// Everything the order needs but its lines' coverage of concern 2.
fn details(job: &mut Job) {
    for command in [
        OrderCommand::SetRepairClass(RepairClass::Minor),
        OrderCommand::SetOldParts(OldParts::TakenBack),
        OrderCommand::SetCarWash(true),
        OrderCommand::SetPromisedAt(t(7200)),
    ] {
        run(job, 210, command).unwrap();
    }
}

fn line(job: &mut Job, item: Item, concern: u32) {
    let add = OrderCommand::AddLine {
        item,
        purpose: Purpose::Concern(concern),
        warranty: false,
    };
    run(job, 220, add).unwrap();
}

/// A complete order on a checked-in job: concern 1 by a labour and a part line, concern 2
/// by a diagnosis.
fn complete(job: &mut Job) {
    begin(job);
    line(job, labour("L1", 150, 20_000), 1);
    line(job, part("P1", 200, Some(4_550)), 1);
    let diagnosis = Diagnosis {
        concern: 2,
        finding: Finding::FullInspection,
        warranty: Warranty::Undetermined,
        reason: "需拆检后确定".into(),
    };
    run(job, 230, OrderCommand::Diagnose(diagnosis)).unwrap();
    details(job);
}

fn order(job: &Job) -> lanecheck_domain::repair_order::RepairOrder {
    job.repair_order().unwrap().unwrap()
}

#[test]
fn a_complete_order_is_signed_sealed_and_then_closed() {
    let mut job = checked_in(1, Visit::WalkIn);
    complete(&mut job);
    assert_eq!(order(&job).order.gaps(&job.concern_ids()), vec![]);
    run(&mut job, 300, OrderCommand::Sign(signature_at(300))).unwrap();
    assert_eq!(job.state, JobState::OrderSigned);
    let signed = order(&job).signed.unwrap();
    // 1.5 h × 200 元 + 2 × 45.50 元.
    assert_eq!(signed.total, Fen(30_000 + 9_100));
    assert!(order_seal::intact(&job, &order(&job)));
    assert_eq!(order(&job).violation, None);
    let edit = OrderCommand::SetCarWash(false);
    assert_eq!(run(&mut job, 301, edit), Err(DomainError::OrderClosed));
    run(&mut job, 302, OrderCommand::StartRepair).unwrap();
    assert_eq!(job.state, JobState::InRepair);
}

#[test]
fn an_incomplete_order_lists_what_is_missing_and_is_not_signed() {
    let mut job = checked_in(1, Visit::WalkIn);
    begin(&mut job);
    line(&mut job, part("P1", 100, None), 1);
    let before = job.clone();
    let gaps = vec![
        OrderGap::Concern(2),
        OrderGap::Unpriced(3),
        OrderGap::RepairClass,
        OrderGap::OldParts,
        OrderGap::CarWash,
        OrderGap::PromisedAt,
    ];
    assert_eq!(order(&job).order.gaps(&job.concern_ids()), gaps);
    let sign = OrderCommand::Sign(signature_at(300));
    assert_eq!(
        run(&mut job, 300, sign),
        Err(DomainError::OrderIncomplete(gaps))
    );
    assert_eq!(job, before);
}

#[test]
fn an_override_records_a_violation_with_the_stores_fine() {
    let mut job = checked_in(1, Visit::WalkIn);
    begin(&mut job);
    details(&mut job);
    let blank = OrderCommand::Override { reason: " ".into() };
    assert_eq!(run(&mut job, 240, blank), Err(DomainError::EmptyReason));
    let reason = OrderCommand::Override {
        reason: "客户急需用车".into(),
    };
    run(&mut job, 241, reason).unwrap();
    run(&mut job, 300, OrderCommand::Sign(signature_at(300))).unwrap();
    let violation = order(&job).violation.unwrap();
    assert_eq!(violation.fine, Fen(500));
    assert_eq!(
        violation.gaps,
        vec![OrderGap::Concern(1), OrderGap::Concern(2)]
    );
}

#[test]
fn an_order_completed_after_an_override_is_no_violation() {
    let mut job = checked_in(1, Visit::WalkIn);
    begin(&mut job);
    let reason = OrderCommand::Override {
        reason: "先签后补".into(),
    };
    run(&mut job, 240, reason).unwrap();
    complete_lines(&mut job);
    details(&mut job);
    run(&mut job, 300, OrderCommand::Sign(signature_at(300))).unwrap();
    assert_eq!(order(&job).violation, None);
}

fn complete_lines(job: &mut Job) {
    line(job, labour("L1", 100, 10_000), 1);
    line(job, labour("L2", 100, 10_000), 2);
}

#[test]
fn nothing_to_override_on_a_complete_order() {
    let mut job = checked_in(1, Visit::WalkIn);
    complete(&mut job);
    let reason = OrderCommand::Override {
        reason: "无".into(),
    };
    assert_eq!(run(&mut job, 240, reason), Err(DomainError::NothingMissing));
}

#[test]
fn the_appointment_discount_is_on_labour_of_appointment_jobs_only() {
    let booked = Visit::Appointment {
        booked_at: t(-3600),
    };
    for (visit, discount) in [(Visit::WalkIn, 0), (booked, -3_000)] {
        let mut job = checked_in(1, visit);
        complete(&mut job);
        let totals = order(&job).totals(&[], job.is_appointment());
        assert_eq!(totals.discount, Fen(discount));
        assert_eq!(totals.total, Fen(39_100 + discount));
    }
}

#[test]
fn an_escalation_stays_open_until_its_answer_even_after_signing() {
    let mut job = checked_in(1, Visit::WalkIn);
    complete(&mut job);
    let escalated = Diagnosis {
        concern: 2,
        finding: Finding::Diagnosed("压缩机故障".into()),
        warranty: Warranty::Escalated,
        reason: "已上报厂家待批准".into(),
    };
    run(&mut job, 250, OrderCommand::Diagnose(escalated)).unwrap();
    run(&mut job, 300, OrderCommand::Sign(signature_at(300))).unwrap();
    assert_eq!(order(&job).answer(2), None);
    let answer = Answer {
        concern: 2,
        approved: true,
        reference: " ".into(),
    };
    assert_eq!(
        run(
            &mut job,
            400,
            OrderCommand::AnswerEscalation(answer.clone())
        ),
        Err(DomainError::EmptyReference)
    );
    let answer = Answer {
        reference: "FW-2026-0042".into(),
        ..answer
    };
    run(
        &mut job,
        400,
        OrderCommand::AnswerEscalation(answer.clone()),
    )
    .unwrap();
    assert_eq!(order(&job).answer(2), Some(&answer));
    // The answer is the manufacturer's, not part of what the customer signed.
    assert!(order_seal::intact(&job, &order(&job)));
    let not_escalated = Answer {
        concern: 1,
        ..answer
    };
    assert_eq!(
        run(&mut job, 401, OrderCommand::AnswerEscalation(not_escalated)),
        Err(DomainError::NotEscalated)
    );
}

/// A signed order of 391 元 in repair, with an add-on of a 300 元 labour line and a part at
/// `price` fen.
fn with_add_on(n: u128, price: i64) -> Job {
    let mut job = checked_in(n, Visit::WalkIn);
    complete(&mut job);
    run(&mut job, 300, OrderCommand::Sign(signature_at(300))).unwrap();
    run(&mut job, 301, OrderCommand::StartRepair).unwrap();
    for (item, reason) in [
        (labour("L9", 100, 30_000), "刹车盘磨损超限"),
        (part("P9", 100, Some(price)), "雨刮片老化"),
    ] {
        let add = OrderCommand::AddAddOnLine {
            item,
            reason: reason.into(),
        };
        run(&mut job, 310, add).unwrap();
    }
    run(&mut job, 320, OrderCommand::AskApproval).unwrap();
    job
}

#[test]
fn an_add_on_is_answered_line_by_line_and_signed_again() {
    let mut job = with_add_on(1, 5_000);
    assert_eq!(job.state, JobState::AwaitingApproval);
    let add_on = order(&job).open_add_on().unwrap().clone();
    let (first, second) = (add_on.lines[0].line.id, add_on.lines[1].line.id);
    let sign = OrderCommand::SignAddOn(signature_at(330));
    assert_eq!(
        run(&mut job, 330, sign.clone()),
        Err(DomainError::AddOnUnanswered)
    );
    for (id, approve) in [(first, false), (second, true)] {
        run(&mut job, 325, OrderCommand::AnswerAddOnLine { id, approve }).unwrap();
    }
    // 391 元 + 50 元 is 12.8 % over the signed estimate, past the store's 10 %.
    assert_eq!(
        run(&mut job, 330, sign.clone()),
        Err(DomainError::NewTotalUnapproved)
    );
    run(&mut job, 331, OrderCommand::ApproveNewTotal).unwrap();
    run(&mut job, 332, sign).unwrap();
    assert_eq!(job.state, JobState::InRepair);
    let order = order(&job);
    assert_eq!(order.lines().len(), 3);
    assert_eq!(order.totals(&[], false).total, Fen(39_100 + 5_000));
    assert_eq!(order.add_ons[0].signed.as_ref().unwrap().total, Fen(44_100));
    assert!(order_seal::intact(&job, &order));
    assert_eq!(
        order.declined(),
        vec![(labour("L9", 100, 30_000), "刹车盘磨损超限".to_string())]
    );
}

#[test]
fn an_add_on_within_the_threshold_needs_no_new_total_approval() {
    // 391 元 + 30 元 is 7.7 % over the estimate, within the store's 10 %.
    let mut job = with_add_on(1, 3_000);
    let ids: Vec<u32> = order(&job).add_ons[0]
        .lines
        .iter()
        .map(|l| l.line.id)
        .collect();
    for (id, approve) in [(ids[0], false), (ids[1], true)] {
        run(&mut job, 325, OrderCommand::AnswerAddOnLine { id, approve }).unwrap();
    }
    run(&mut job, 330, OrderCommand::SignAddOn(signature_at(330))).unwrap();
    assert_eq!(job.state, JobState::InRepair);
    assert_eq!(order(&job).totals(&[], false).total, Fen(42_100));
    assert_eq!(order(&job).declined().len(), 1);
}

#[test]
fn declined_items_are_offered_again_at_the_cars_next_visit_until_accepted() {
    let mut first = with_add_on(1, 5_000);
    let ids: Vec<u32> = order(&first).add_ons[0]
        .lines
        .iter()
        .map(|l| l.line.id)
        .collect();
    for id in ids {
        run(
            &mut first,
            325,
            OrderCommand::AnswerAddOnLine { id, approve: false },
        )
        .unwrap();
    }
    run(&mut first, 330, OrderCommand::SignAddOn(signature_at(330))).unwrap();
    let offers = recommendations(std::slice::from_ref(&first));
    assert_eq!(offers.len(), 2);
    assert_eq!(offers[0].1, "刹车盘磨损超限");

    let mut second = checked_in(2, Visit::WalkIn);
    let begin = OrderCommand::Begin {
        terms: Terms::default(),
        offers,
    };
    run(&mut second, 200, begin).unwrap();
    let offered = order(&second).offers;
    run(
        &mut second,
        210,
        OrderCommand::AnswerOffer {
            id: offered[0].id,
            accept: true,
        },
    )
    .unwrap();
    run(
        &mut second,
        211,
        OrderCommand::AnswerOffer {
            id: offered[1].id,
            accept: false,
        },
    )
    .unwrap();
    let accepted = order(&second).order.lines;
    assert_eq!(accepted.len(), 1);
    assert_eq!(
        accepted[0].purpose,
        Purpose::Recommendation("刹车盘磨损超限".into())
    );
    complete_lines(&mut second);
    details(&mut second);
    run(&mut second, 300, OrderCommand::Sign(signature_at(300))).unwrap();
    // The third visit is offered only what the second declined again.
    let third = recommendations(&[first, second]);
    assert_eq!(
        third,
        vec![(part("P9", 100, Some(5_000)), "雨刮片老化".to_string())]
    );
}

#[test]
fn order_commands_are_in_the_history_and_the_job_stores_and_restores_whole() {
    let job = with_add_on(1, 5_000);
    let entries = job.history.entries().unwrap();
    let orders = entries
        .iter()
        .filter(|e| matches!(e.change, Change::Order(_)))
        .count();
    // Begin, 2 lines, diagnosis, 4 details, sign, start, 2 add-on lines, ask.
    assert_eq!(orders, 13);
    assert_eq!(job.revision as usize, entries.len());
    let text = store(&job).unwrap();
    assert!(text.starts_with(r#"{"schema":3,"#));
    let back = restore(&text).unwrap();
    assert_eq!(back, job);
    assert_eq!(restore_whole(&text).unwrap(), job);
    // A value the order would write back changed is refused, not silently altered.
    let lossy = text.replace(r#""overrun_percent":10"#, r#""overrun_percent":1000"#);
    assert!(restore_whole(&lossy).is_err());
}

#[test]
fn a_schema_2_record_reads_as_a_job_without_an_order() {
    let job = checked_in(1, Visit::WalkIn);
    let text = store(&job)
        .unwrap()
        .replacen(r#"{"schema":3,"#, r#"{"schema":2,"#, 1);
    let back = restore(&text).unwrap();
    assert_eq!(back, job);
    assert_eq!(back.repair_order(), Ok(None));
    assert_eq!(restore_whole(&text).unwrap(), job);
}

#[test]
fn the_order_is_written_only_after_the_check_in_is_signed() {
    let mut job = walk_in(1);
    let begin = OrderCommand::Begin {
        terms: Terms::default(),
        offers: Vec::new(),
    };
    assert_eq!(run(&mut job, 5, begin), Err(DomainError::OrderClosed));
    assert_eq!(
        run(&mut job, 5, OrderCommand::SetCarWash(true)),
        Err(DomainError::NoOrder)
    );
}

fn any_order_command() -> impl Strategy<Value = OrderCommand> {
    prop_oneof![
        (1u32..4, 0u32..500, prop::option::of(0i64..100_000)).prop_map(|(c, q, p)| {
            OrderCommand::AddLine {
                item: part("P", q, p),
                purpose: Purpose::Concern(c),
                warranty: false,
            }
        }),
        (0u32..12).prop_map(|id| OrderCommand::RemoveLine { id }),
        (1u32..4).prop_map(|concern| OrderCommand::Diagnose(Diagnosis {
            concern,
            finding: Finding::FullInspection,
            warranty: Warranty::Covered,
            reason: String::new(),
        })),
        Just(OrderCommand::SetRepairClass(RepairClass::Major)),
        Just(OrderCommand::SetOldParts(OldParts::None)),
        any::<bool>().prop_map(OrderCommand::SetCarWash),
        Just(OrderCommand::SetPromisedAt(t(9000))),
        ".{0,3}".prop_map(|reason| OrderCommand::Override { reason }),
        ".{0,2}".prop_map(|signer| OrderCommand::Sign(
            lanecheck_domain::inspection::SignatureRef {
                signer,
                ..signature_at(300)
            }
        )),
        Just(OrderCommand::StartRepair),
        Just(OrderCommand::AskApproval),
        (0u32..12, any::<bool>())
            .prop_map(|(id, approve)| OrderCommand::AnswerAddOnLine { id, approve }),
        Just(OrderCommand::ApproveNewTotal),
        Just(OrderCommand::SignAddOn(signature_at(400))),
        (0u32..500).prop_map(|q| OrderCommand::AddAddOnLine {
            item: labour("L", q, 10_000),
            reason: "需更换".into()
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any sequence of order commands: a refused one changes nothing; the state only moves
    /// along the lifecycle; a violation exists only after an accepted override, with the
    /// store's fine; a signed order's seals stay intact.
    #[test]
    fn order_commands_keep_the_lifecycle_and_record_violations_only_by_override(
        commands in prop::collection::vec(any_order_command(), 0..40)
    ) {
        let mut job = checked_in(1, Visit::WalkIn);
        begin(&mut job);
        let mut overridden = false;
        for (i, command) in commands.into_iter().enumerate() {
            let before = job.clone();
            let is_override = matches!(command, OrderCommand::Override { .. });
            match job.apply_order(command, t(1000 + i as i64), advisor()) {
                Err(_) => prop_assert_eq!(&job, &before),
                Ok(()) => {
                    overridden |= is_override;
                    prop_assert!(before.state == job.state || before.state.can_go_to(job.state));
                    prop_assert_eq!(job.revision, before.revision + 1);
                }
            }
            let order = order(&job);
            if let Some(violation) = &order.violation {
                prop_assert!(overridden);
                prop_assert_eq!(violation.fine, Fen(500));
            }
            prop_assert!(order_seal::intact(&job, &order));
            let totals = order.totals(&[], false);
            prop_assert_eq!(totals.total, totals.labour + totals.parts + totals.discount);
        }
    }
}
