//! Properties of the Store and the scorer over generated assessments of the small fixture
//! checklist (every item kind, a gate, a `when`, N/A allowed):
//! - the canonical form (answers in checklist order, then by assessor, as the Store sorts
//!   them) reads back as the same assessment, and writes back byte for byte;
//! - every score lies in 0–100 (items 0–1);
//! - raising one answer never lowers its item's or its dimension's score (for items that
//!   control no other: a controller's answer decides which items count at all);
//! - neither the order of the answers (so of assessors) nor a write and a read change a result.

use jiff::Timestamp;
use proptest::prelude::*;
use proptest::test_runner::Config;
use weigh::assessment::store::{Lookup, load_text};
use weigh::assessment::write::canonical;
use weigh::assessment::{Answer, AnswerValue, Assessment, Candidate};
use weigh::checklist::{Checklist, Kind};

mod common;

fn small() -> Checklist {
    weigh::locate::from_path(&common::small()).expect("the small checklist")
}

const ASSESSORS: [&str; 4] = ["alice", "bob", "carol \u{202e}", "Dr. Ōno \"Q\""];

/// Any text a person might type, controls, quotes, bidi and non-Latin scripts included.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => any::<char>(),
            1 => prop::sample::select(vec!['\n', '\t', '\r', '"', '\\', '\u{1b}', '\u{202e}', '\u{7f}', '\u{85}']),
        ],
        0..24,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

/// A time weigh writes: whole seconds within years 2000 to 2100.
fn time() -> impl Strategy<Value = Timestamp> {
    (946_684_800i64..4_102_444_800).prop_map(|s| Timestamp::from_second(s).unwrap())
}

/// A value for `item` that fits it.
fn value(item: &weigh::checklist::Item) -> BoxedStrategy<AnswerValue> {
    let na = item.na_allowed;
    let v: BoxedStrategy<AnswerValue> = match &item.kind {
        Kind::YesNo => any::<bool>().prop_map(AnswerValue::Bool).boxed(),
        Kind::Scale { levels } => (0..levels.len() as i64).prop_map(AnswerValue::Int).boxed(),
        Kind::Choice { options } => prop::sample::select(options.clone())
            .prop_map(|o| AnswerValue::Text(o.label))
            .boxed(),
        Kind::Number { .. } => prop_oneof![
            (-10_000i64..10_000).prop_map(AnswerValue::Int),
            (-1e6..1e6f64).prop_map(AnswerValue::Float),
        ]
        .boxed(),
        Kind::Text => text()
            .prop_filter("non-empty", |t| !t.trim().is_empty())
            .prop_map(AnswerValue::Text)
            .boxed(),
    };
    if na {
        prop_oneof![1 => Just(AnswerValue::Na), 3 => v].boxed()
    } else {
        v
    }
}

/// An answer by `by` to `item`.
fn answer(
    item: &weigh::checklist::Item,
    by: &'static str,
) -> impl Strategy<Value = Answer> + use<> {
    let id = item.id.clone();
    (
        value(item),
        time(),
        proptest::option::of(text().prop_filter("non-empty", |t| !t.is_empty())),
        prop::collection::vec(text().prop_filter("non-empty", |t| !t.is_empty()), 0..3),
    )
        .prop_map(move |(value, at, note, evidence)| Answer {
            item: id.clone(),
            by: by.to_string(),
            value,
            at,
            note,
            evidence,
        })
}

/// An assessment of the small checklist: each assessor answers each item or not.
fn assessment() -> impl Strategy<Value = Assessment> {
    let checklist = small();
    let mut slots = Vec::new();
    for item in checklist.items() {
        for by in ASSESSORS {
            slots.push(proptest::option::weighted(0.6, answer(item, by)));
        }
    }
    (slots, time()).prop_map(move |(answers, created)| {
        let answers = answers.into_iter().flatten().collect();
        Assessment {
            checklist: checklist.id.clone(),
            checklist_version: checklist.version.clone(),
            checklist_digest: Some(checklist.digest.clone()),
            created,
            candidate: Candidate {
                name: "Kimi K3".into(),
                ..Candidate::default()
            },
            answers,
            unfit: Vec::new(),
        }
    })
}

fn lookup() -> Lookup {
    common::lookup(&common::small())
}

fn as_of() -> Timestamp {
    "2050-01-01T00:00:00Z".parse().unwrap()
}

/// Everything a report says about an assessment, as its JSON.
fn result(checklist: &Checklist, a: &Assessment) -> String {
    let card = weigh::score::score(checklist, a, as_of());
    weigh::report::json::render(&weigh::report::build(checklist, a, &card))
}

fn config() -> Config {
    Config {
        cases: 200,
        failure_persistence: None,
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_canonical_form_reads_back_as_the_same_assessment(a in assessment()) {
        let expected = sorted(a);
        let written = canonical(&expected, &small(), Some("../schemas/assessment.schema.json"));
        let loaded = load_text("a.toml", &written, &lookup())
            .map_err(|e| TestCaseError::fail(format!("{e}\n{written}")))?;
        prop_assert_eq!(&loaded.assessment, &expected);
        prop_assert_eq!(canonical(&loaded.assessment, &small(), Some("../schemas/assessment.schema.json")), written);
    }

    #[test]
    fn every_score_lies_in_its_range(a in assessment(), at in time()) {
        let checklist = small();
        let card = weigh::score::score(&checklist, &a, at);
        for score in card.overall.into_iter().chain(card.dimensions.iter().filter_map(|d| d.score)) {
            prop_assert!((0.0..=100.0).contains(&score), "{score}");
        }
        for item in &card.items {
            if let Some(s) = item.score {
                prop_assert!((0.0..=1.0).contains(&s), "{}: {s}", item.id);
            }
        }
        prop_assert!((0.0..=1.0).contains(&card.coverage));
    }

    #[test]
    fn raising_one_answer_never_lowers_its_items_or_dimensions_score(
        a in assessment(),
        pick in any::<prop::sample::Index>(),
    ) {
        let checklist = small();
        let controllers: Vec<&str> = checklist
            .items()
            .filter_map(|i| i.when.as_ref().map(|w| w.item.as_str()))
            .collect();
        let raisable: Vec<usize> = a
            .answers
            .iter()
            .enumerate()
            .filter(|(_, ans)| !controllers.contains(&ans.item.as_str()) && !ans.value.is_na())
            .map(|(n, _)| n)
            .collect();
        prop_assume!(!raisable.is_empty());
        let n = raisable[pick.index(raisable.len())];
        let item = checklist.item(&a.answers[n].item).unwrap().clone();
        let Some(better) = raise(&item, &a.answers[n].value) else {
            return Ok(());
        };
        let mut raised = a.clone();
        raised.answers[n].value = better;
        let before = weigh::score::score(&checklist, &a, as_of());
        let after = weigh::score::score(&checklist, &raised, as_of());
        let pos = checklist.position(&item.id).unwrap();
        let (b, r) = (&before.items[pos], &after.items[pos]);
        prop_assert!(r.score.unwrap_or(0.0) >= b.score.unwrap_or(0.0), "{}: {:?} -> {:?}", item.id, b.score, r.score);
        let dim = checklist.dimension_of(&item.id).unwrap();
        let d = checklist.dimensions.iter().position(|x| x.id == dim.id).unwrap();
        let (bd, rd) = (before.dimensions[d].score, after.dimensions[d].score);
        prop_assert!(rd.unwrap_or(0.0) + 1e-9 >= bd.unwrap_or(0.0), "{}: {bd:?} -> {rd:?}", dim.id);
    }

    #[test]
    fn the_order_of_answers_and_assessors_never_changes_a_result(
        a in assessment(),
        order in any::<prop::sample::Index>(),
    ) {
        let checklist = small();
        let mut shuffled = a.clone();
        let len = shuffled.answers.len().max(1);
        shuffled.answers.rotate_left(order.index(len) % len);
        shuffled.answers.reverse();
        prop_assert_eq!(result(&checklist, &a), result(&checklist, &shuffled));
        let written = canonical(&sorted(shuffled), &checklist, None);
        prop_assert_eq!(canonical(&sorted(a.clone()), &checklist, None), written.clone());
        let loaded = load_text("a.toml", &written, &lookup())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(result(&checklist, &a), result(&checklist, &loaded.assessment));
    }
}

/// The answers in the canonical order the Store writes them in (checklist order, then
/// assessor), as every writer does before `canonical`.
fn sorted(mut a: Assessment) -> Assessment {
    a.answers = weigh::assessment::load::canonical_order(a.answers, &small());
    a
}

/// A strictly better value for the item, if there is one.
fn raise(item: &weigh::checklist::Item, value: &AnswerValue) -> Option<AnswerValue> {
    match (&item.kind, value) {
        (Kind::YesNo, AnswerValue::Bool(false)) => Some(AnswerValue::Bool(true)),
        (Kind::Scale { levels }, AnswerValue::Int(l)) if (*l as usize) + 1 < levels.len() => {
            Some(AnswerValue::Int(l + 1))
        }
        (Kind::Choice { options }, AnswerValue::Text(label)) => {
            let score = options.iter().find(|o| o.label == *label)?.score;
            options
                .iter()
                .find(|o| o.score > score)
                .map(|o| AnswerValue::Text(o.label.clone()))
        }
        (Kind::Number { best, worst, .. }, v) => {
            let x = v.as_number()?;
            let step = (best - worst) / 10.0;
            Some(AnswerValue::Float(x + step))
        }
        _ => None,
    }
}
