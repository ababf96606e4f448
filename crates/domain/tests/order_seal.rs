//! Test vectors of the repair order's seals (docs/seal.md, "The repair order"): the canonical
//! texts of a fixed order and add-on, and their SHA-256s, computed independently when pinned.

mod support;

use lanecheck_domain::money::Fen;
use lanecheck_domain::order::{Hundredths, Item, OldParts, Purpose, RepairClass};
use lanecheck_domain::order_command::OrderCommand;
use lanecheck_domain::order_seal::{canonical, canonical_add_on, intact};
use lanecheck_domain::repair_order::{RepairOrder, Terms};
use lanecheck_domain::seal::sha256_hex;
use lanecheck_domain::{Job, Visit};
use support::*;

fn oil_change() -> Item {
    Item::Labour {
        code: "L-OIL".into(),
        name: "更换机油".into(),
        hours: Hundredths(50),
        rate: Some(Fen(18_000)),
    }
}

fn wiper() -> Item {
    Item::Part {
        code: "P-WIPER".into(),
        name: "雨刮片".into(),
        spec: "600mm".into(),
        unit: "片".into(),
        quantity: Hundredths(200),
        unit_price: Some(Fen(6_850)),
        source: lanecheck_domain::order::PartSource::Aftermarket,
        customer_supplied: false,
    }
}

/// Job 0x5ea1 with its check-in sealed, an order of one labour line signed at t(300), and an
/// add-on of one part approved and signed at t(400).
fn sealed() -> Job {
    let mut job = checked_in(0x5ea1, Visit::WalkIn);
    let commands = [
        OrderCommand::Begin {
            terms: Terms::default(),
            offers: Vec::new(),
        },
        OrderCommand::AddLine {
            item: oil_change(),
            purpose: Purpose::Concern(1),
            warranty: false,
        },
        OrderCommand::AddLine {
            item: oil_change(),
            purpose: Purpose::Concern(2),
            warranty: true,
        },
        OrderCommand::SetRepairClass(RepairClass::Minor),
        OrderCommand::SetOldParts(OldParts::Waived),
        OrderCommand::SetCarWash(false),
        OrderCommand::SetPromisedAt(t(3600)),
        OrderCommand::Sign(signature_at(300)),
        OrderCommand::StartRepair,
        OrderCommand::AddAddOnLine {
            item: wiper(),
            reason: "雨刮片老化".into(),
        },
        OrderCommand::AskApproval,
        OrderCommand::AnswerAddOnLine {
            id: 6,
            approve: true,
        },
        OrderCommand::ApproveNewTotal,
        OrderCommand::SignAddOn(signature_at(400)),
    ];
    for (i, command) in commands.into_iter().enumerate() {
        job.apply_order(command, t(200 + i as i64), advisor())
            .unwrap();
    }
    job
}

/// The canonical texts, pinned whole: a change of the form is a new seal version.
const ORDER_TEXT: &str = r#"{"seal_version":1,"job":"00000000-0000-0000-0000-000000005ea1","check_in_seal":"bd42924bb7ee1878e396834215f2f4bca2f039355a8ee209de9edb47b2478e5c","appointment":false,"terms":{"appointment_discount":10,"fine":500,"overrun_percent":10},"order":{"diagnoses":[],"lines":[{"id":3,"item":{"Labour":{"code":"L-OIL","name":"更换机油","hours":50,"rate":18000}},"purpose":{"Concern":1},"warranty":false},{"id":4,"item":{"Labour":{"code":"L-OIL","name":"更换机油","hours":50,"rate":18000}},"purpose":{"Concern":2},"warranty":true}],"repair_class":"Minor","old_parts":"Waived","car_wash":false,"promised_at":1790003600000},"offers":[],"violation":null,"totals":{"labour":9000,"parts":0,"discount":0,"total":9000,"warranty":9000},"signature":{"png_sha256":"abababababababababababababababababababababababababababababababab","signer":"李先生","signed_at":1790000300000}}"#;
const ADD_ON_TEXT: &str = r#"{"seal_version":1,"job":"00000000-0000-0000-0000-000000005ea1","order_seal":"f1f3530b142aedcc11eb0d30c6035a63859c252f02cd337d5a616bea028bc19e","add_on":5,"lines":[{"line":{"id":6,"item":{"Part":{"code":"P-WIPER","name":"雨刮片","spec":"600mm","unit":"片","quantity":200,"unit_price":6850,"source":"Aftermarket","customer_supplied":false}},"purpose":{"Recommendation":"雨刮片老化"},"warranty":false},"reason":"雨刮片老化","approved":true}],"new_total_approved":true,"total":22700,"signature":{"png_sha256":"abababababababababababababababababababababababababababababababab","signer":"李先生","signed_at":1790000400000}}"#;
/// Their SHA-256s, computed independently (Python's hashlib) when pinned.
const ORDER_SEAL: &str = "f1f3530b142aedcc11eb0d30c6035a63859c252f02cd337d5a616bea028bc19e";
const ADD_ON_SEAL: &str = "984f41ccceb3eb4a341e1a99b4dd0aad7abb98507170849124e21d9a82e57487";

#[test]
fn order_and_add_on_test_vectors() {
    let job = sealed();
    let order = job.repair_order().unwrap().unwrap();
    let signed = order.signed.clone().unwrap();
    let as_signed = RepairOrder {
        add_ons: Vec::new(),
        ..order.clone()
    };
    assert_eq!(canonical(&job, &as_signed, &signed.signature), ORDER_TEXT);
    assert_eq!(sha256_hex(ORDER_TEXT.as_bytes()), ORDER_SEAL);
    assert_eq!(signed.seal, ORDER_SEAL);
    let add_on = &order.add_ons[0];
    let add_on_signed = add_on.signed.clone().unwrap();
    let text = canonical_add_on(
        &job,
        &order,
        add_on.id,
        add_on_signed.total,
        &add_on_signed.signature,
    );
    assert_eq!(text.as_deref(), Some(ADD_ON_TEXT));
    assert_eq!(sha256_hex(ADD_ON_TEXT.as_bytes()), ADD_ON_SEAL);
    assert_eq!(add_on_signed.seal, ADD_ON_SEAL);
    assert!(intact(&job, &order));
}

#[test]
fn a_changed_signed_line_or_add_on_breaks_its_seal() {
    let job = sealed();
    let order = job.repair_order().unwrap().unwrap();
    let mut changed = order.clone();
    changed.order.lines[0].warranty = true;
    assert!(!intact(&job, &changed));
    let mut changed = order.clone();
    changed.add_ons[0].lines[0].reason = "另一原因".into();
    assert!(!intact(&job, &changed));
    let mut changed = order;
    changed.signed.as_mut().unwrap().total = Fen(1);
    assert!(!intact(&job, &changed));
}

#[test]
fn the_printed_orders_code_holds_job_number_id_and_seal() {
    let job = sealed();
    let order = job.repair_order().unwrap().unwrap();
    assert_eq!(
        lanecheck_domain::order_seal::order_code(&job, &order).as_deref(),
        Some(
            "lanecheck:order?v=1&no=00000000&job=00000000-0000-0000-0000-000000005ea1\
             &seal=f1f3530b142aedcc11eb0d30c6035a63859c252f02cd337d5a616bea028bc19e"
        )
    );
    let unsigned = checked_in(2, Visit::WalkIn);
    let empty = lanecheck_domain::repair_order::RepairOrder::default();
    assert_eq!(
        lanecheck_domain::order_seal::order_code(&unsigned, &empty),
        None
    );
}
