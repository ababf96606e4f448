//! Property tests: no validator or command sequence panics; normalisation is idempotent;
//! plates generated from the grammar are accepted and mutated ones are refused for the right
//! reason; random command sequences keep the job's invariants.

mod support;

use lanecheck_domain::inspection::*;
use lanecheck_domain::odometer::parse_km;
use lanecheck_domain::phone::Phone;
use lanecheck_domain::plate::{normalise, Plate, PlateError, PlateKind};
use lanecheck_domain::vin::Vin;
use lanecheck_domain::{Command, JobState};
use proptest::prelude::*;
use support::*;

const PROVINCES: &str = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
const SERIAL: &str = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

fn pick(set: &'static str) -> impl Strategy<Value = char> {
    let chars: Vec<char> = set.chars().collect();
    proptest::sample::select(chars)
}

fn head() -> impl Strategy<Value = String> {
    (pick(PROVINCES), pick("ABCDEFGHJKLMNPQRSTUVWXYZ")).prop_map(|(p, a)| format!("{p}{a}"))
}

fn ordinary() -> impl Strategy<Value = String> {
    (head(), proptest::collection::vec(pick(SERIAL), 5))
        .prop_map(|(h, s)| format!("{h}{}", s.into_iter().collect::<String>()))
}

fn nev_small() -> impl Strategy<Value = String> {
    (
        head(),
        pick("DF"),
        pick(SERIAL),
        proptest::collection::vec(pick("0123456789"), 4),
    )
        .prop_map(|(h, d, c, n)| format!("{h}{d}{c}{}", n.into_iter().collect::<String>()))
}

fn nev_large() -> impl Strategy<Value = String> {
    (
        head(),
        proptest::collection::vec(pick("0123456789"), 5),
        pick("DF"),
    )
        .prop_map(|(h, n, d)| format!("{h}{}{d}", n.into_iter().collect::<String>()))
}

fn any_plate() -> impl Strategy<Value = String> {
    prop_oneof![ordinary(), nev_small(), nev_large()]
}

fn command() -> impl Strategy<Value = Command> {
    let unit = 0.0f32..=1.0;
    let wild = -2.0f32..3.0;
    prop_oneof![
        Just(Command::Arrive),
        Just(Command::Greet),
        Just(Command::ToldAboutAppointments),
        Just(Command::StartInspection),
        Just(Command::AllRemainingOk),
        Just(Command::UndoAllRemainingOk),
        Just(Command::AcknowledgeValuables),
        Just(Command::RemainingValuablesTaken),
        (0usize..4, any::<bool>()).prop_map(|(i, fitted)| Command::FitCover {
            cover: Cover::ALL[i],
            fitted
        }),
        (0usize..15).prop_map(|i| Command::AnswerCheck {
            item: CheckItem::STANDARD[i].clone(),
            answer: Some(Answer::NotApplicable)
        }),
        (0usize..14).prop_map(|i| Command::SetValuable {
            item: Valuable::ALL[i],
            disposition: Some(Disposition::TakenByCustomer)
        }),
        (unit.clone(), wild).prop_map(|(x, y)| Command::AddDamage {
            view: View::Top,
            x,
            y,
            kind: DamageKind::Chip,
            severity: Severity::Minor,
            note: String::new()
        }),
        (0u32..5).prop_map(|id| Command::RemoveDamage { id }),
        (0u32..5, unit).prop_map(|(id, x)| Command::UpdateDamage(DamageMark {
            id,
            view: View::Rear,
            x,
            y: 0.5,
            kind: DamageKind::Dent,
            severity: Severity::Severe,
            note: "n".into(),
            pointed_out: true
        })),
        ".{0,12}".prop_map(|words| Command::AddConcern {
            words,
            when_it_happens: String::new()
        }),
        ".{0,8}".prop_map(|reason| Command::OverrideGate { reason }),
        ".{0,4}".prop_map(|signer| Command::SignCheckIn(SignatureRef {
            png_sha256: "00".repeat(32),
            signer,
            signed_at: t(0)
        })),
        (0usize..11).prop_map(|i| Command::Advance {
            to: JobState::ALL[i]
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn validators_never_panic(s in ".*") {
        let _ = Plate::parse(&s);
        let _ = Vin::parse(&s);
        let _ = Phone::parse(&s).map(|p| p.masked());
        let _ = parse_km(&s);
    }

    #[test]
    fn normalisation_is_idempotent(s in ".*") {
        let once = normalise(&s);
        prop_assert_eq!(normalise(&once), once);
    }

    #[test]
    fn accepted_plates_are_already_normal(s in any_plate()) {
        let plate = Plate::parse(&s).unwrap();
        prop_assert_eq!(Plate::parse(plate.as_str()).unwrap(), plate);
    }

    #[test]
    fn plates_from_the_grammar_are_accepted(s in ordinary(), n in nev_small(), l in nev_large()) {
        prop_assert_eq!(Plate::parse(&s).unwrap().kind(), PlateKind::Ordinary);
        prop_assert_eq!(Plate::parse(&n).unwrap().kind(), PlateKind::NewEnergySmall);
        prop_assert_eq!(Plate::parse(&l).unwrap().kind(), PlateKind::NewEnergyLarge);
    }

    #[test]
    fn lower_case_and_full_width_input_is_accepted(s in any_plate()) {
        let typed: String = s.chars().map(|c| match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            '0'..='9' => char::from_u32(c as u32 + 0xFEE0).unwrap(),
            _ => c,
        }).collect();
        prop_assert_eq!(Plate::parse(&typed).unwrap().to_string(), s);
    }

    #[test]
    fn i_or_o_in_the_serial_is_refused(s in any_plate(), pos in 2usize..7, letter in pick("IO")) {
        let mut chars: Vec<char> = s.chars().collect();
        chars[pos] = letter;
        let mutated: String = chars.into_iter().collect();
        prop_assert_eq!(Plate::parse(&mutated), Err(PlateError::ForbiddenLetter));
    }

    #[test]
    fn a_dropped_character_is_refused_for_length(s in ordinary(), pos in 2usize..7) {
        let mut chars: Vec<char> = s.chars().collect();
        chars.remove(pos);
        let mutated: String = chars.into_iter().collect();
        prop_assert_eq!(Plate::parse(&mutated), Err(PlateError::WrongLength(6)));
    }

    #[test]
    fn a_foreign_first_character_is_refused_as_province(s in any_plate(), c in pick("ABC1中国<")) {
        let mutated: String = std::iter::once(c).chain(s.chars().skip(1)).collect();
        prop_assert_eq!(Plate::parse(&mutated), Err(PlateError::UnknownProvince));
    }

    #[test]
    fn a_symbol_in_the_serial_is_refused_as_that_character(s in any_plate(), pos in 2usize..7, c in pick("<>&\"'!#")) {
        let mut chars: Vec<char> = s.chars().collect();
        chars[pos] = c;
        let mutated: String = chars.into_iter().collect();
        prop_assert_eq!(Plate::parse(&mutated), Err(PlateError::InvalidCharacter(c)));
    }

    #[test]
    fn vin_check_digit_is_always_computable(s in "[A-HJ-NPR-Z0-9]{17}") {
        let vin = Vin::parse(&s).unwrap();
        let d = vin.expected_check_digit();
        prop_assert!(d.is_ascii_digit() || d == 'X');
        let mut fixed: Vec<char> = s.chars().collect();
        fixed[8] = d;
        prop_assert!(Vin::parse(&fixed.into_iter().collect::<String>()).unwrap().check_digit_ok());
    }

    #[test]
    fn command_sequences_never_panic_and_keep_invariants(cmds in proptest::collection::vec(command(), 0..60)) {
        let mut job = walk_in(1);
        let mut applied = 1;
        for (i, cmd) in cmds.into_iter().enumerate() {
            let before = job.clone();
            match job.apply(cmd, t(i as i64), advisor()) {
                Ok(_) => {
                    applied += 1;
                    prop_assert!(before.state == job.state || before.state.can_go_to(job.state));
                    if !before.state.check_in_open() {
                        prop_assert_eq!(&before.covers, &job.covers);
                        prop_assert_eq!(&before.damage, &job.damage);
                    }
                }
                Err(_) => prop_assert_eq!(&before, &job),
            }
            prop_assert_eq!(job.history.len(), applied);
            prop_assert_eq!(job.revision as usize, applied);
            prop_assert!(job.damage.iter().all(|m| (0.0..=1.0).contains(&m.x) && (0.0..=1.0).contains(&m.y)));
            if job.state >= JobState::CheckedIn {
                prop_assert!(job.signature.is_some());
                prop_assert_eq!(job.seal_status(), lanecheck_domain::seal::SealStatus::Intact);
                prop_assert!(job.check_in_gaps().is_empty() || job.gate_override.is_some());
            }
        }
    }
}

proptest! {
    #[test]
    fn restore_never_panics_on_any_text(s in ".*") {
        let _ = lanecheck_domain::schema::restore(&s);
    }

    #[test]
    fn restore_never_panics_on_envelopes_of_any_schema(schema in 0u32..5, body in ".{0,40}") {
        let _ = lanecheck_domain::schema::restore(&format!(r#"{{"schema":{schema},"job":{body}}}"#));
    }
}

proptest! {
    #[test]
    fn restore_whole_never_panics_and_accepts_only_what_reads_back(s in ".*", n in proptest::num::f64::ANY) {
        let _ = lanecheck_domain::schema::restore_whole(&s);
        let job = support::walk_in(3);
        let mut tree: serde_json::Value =
            serde_json::from_str(&lanecheck_domain::schema::store(&job).unwrap()).unwrap();
        tree["job"]["revision"] = serde_json::json!(n);
        if let Ok(read) = lanecheck_domain::schema::restore_whole(&tree.to_string()) {
            prop_assert_eq!(read.revision as f64, n);
        }
    }
}
