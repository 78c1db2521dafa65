//! End-to-end tests of [`score`](super::score): checklists from TOML, assessments from answer
//! rows, and what a user would read off the scorecard.

use super::testkit::*;
use super::{Action, Verdict};

/// One dimension of `yes_no` items a, b, c (weights 1, 2, 3).
const THREE: &str = r#"
[[dimension]]
id = "d"
title = "D"
[[dimension.item]]
id = "a"
question = "Q?"
kind = "yes_no"
[[dimension.item]]
id = "b"
question = "Q?"
kind = "yes_no"
weight = 2
[[dimension.item]]
id = "c"
question = "Q?"
kind = "yes_no"
weight = 3
"#;

fn unanswered(id: &str) -> Action {
    Action::Unanswered { item: id.into() }
}

fn improve(id: &str, gain: f64) -> Action {
    Action::Improve {
        item: id.into(),
        gain,
    }
}

#[test]
fn nothing_answered_is_incomplete_with_no_score() {
    let card = score_body(THREE, vec![]);
    assert_eq!(card.verdict, Verdict::Incomplete);
    assert_eq!(
        (card.overall, card.coverage, card.unanswered),
        (None, 0.0, 3)
    );
    assert_eq!(card.dimensions[0].score, None);
    let want = vec![
        unanswered("a"),
        unanswered("b"),
        unanswered("c"),
        Action::NoScore,
    ];
    assert_eq!(card.actions, want);
}

#[test]
fn scorecard_carries_the_report_time() {
    let as_of = ts("2027-01-02T03:04:05Z");
    let card = super::score(&checklist(THREE), &assessment(vec![]), as_of);
    assert_eq!(card.as_of, as_of);
}

#[test]
fn everything_yes_is_ready() {
    let answers = by_amy([("a", yes()), ("b", yes()), ("c", yes())]);
    let card = score_body(THREE, answers);
    assert_eq!(
        (card.verdict, card.overall, card.coverage),
        (Verdict::Ready, Some(100.0), 1.0)
    );
    assert!(card.actions.is_empty());
}

#[test]
fn dimension_score_weights_items() {
    let answers = by_amy([("a", yes()), ("b", no()), ("c", yes())]);
    let card = score_body(THREE, answers);
    assert_eq!(card.dimensions[0].score, Some(100.0 * 4.0 / 6.0));
    assert_eq!(card.verdict, Verdict::ReadyWithConditions);
}

#[test]
fn two_assessors_split_yes_no_takes_the_worse() {
    let answers = vec![
        ans("a", "amy", yes()),
        ans("a", "bob", no()),
        ans("b", "amy", yes()),
        ans("c", "amy", yes()),
    ];
    let a = score_item(THREE, "a", answers);
    assert_eq!(
        (a.score, a.consensus, a.disagreement),
        (Some(0.0), Some(1), true)
    );
}

const SCALE: &str = r#"
[[dimension]]
id = "d"
title = "D"
[[dimension.item]]
id = "s"
question = "Q?"
kind = "scale"
levels = ["L0", "L1", "L2", "L3", "L4"]
"#;

#[test]
fn three_assessors_take_the_median() {
    let answers = vec![
        ans("s", "amy", int(4)),
        ans("s", "bob", int(0)),
        ans("s", "cat", int(3)),
    ];
    let s = score_item(SCALE, "s", answers);
    assert_eq!((s.score, s.consensus), (Some(0.75), Some(2)));
    assert!(s.disagreement, "0 and 4 are a full point apart");
}

#[test]
fn close_answers_are_no_disagreement() {
    let answers = vec![ans("s", "amy", int(2)), ans("s", "bob", int(3))];
    let card = score_body(SCALE, answers);
    assert!(!item(&card, "s").disagreement);
    assert!(
        !card
            .actions
            .contains(&Action::Disagreement { item: "s".into() })
    );
}

#[test]
fn spread_of_exactly_the_threshold_is_a_disagreement() {
    // Levels 1 and 3 of 5 score 0.25 and 0.75: a spread of exactly 0.5.
    let answers = vec![ans("s", "amy", int(1)), ans("s", "bob", int(3))];
    assert!(score_item(SCALE, "s", answers).disagreement);
}

#[test]
fn equal_answers_take_the_newest_then_the_first_assessor() {
    let answers = vec![
        ans_at("s", "amy", int(2), "2026-11-01T00:00:00Z"),
        ans_at("s", "zed", int(2), "2026-11-02T00:00:00Z"),
    ];
    let s = score_item(SCALE, "s", answers);
    assert_eq!(s.consensus, Some(1), "newest first: zed");
    let answers = vec![ans("s", "zed", int(2)), ans("s", "amy", int(2))];
    let s = score_item(SCALE, "s", answers);
    assert_eq!(s.consensus, Some(1), "same time: amy first");
}

const NUMBERS: &str = r#"
[[dimension]]
id = "d"
title = "D"
[[dimension.item]]
id = "up"
question = "Q?"
kind = "number"
unit = "%"
best = 100
worst = 0
[[dimension.item]]
id = "down"
question = "Q?"
kind = "number"
unit = "ms"
best = 100
worst = 500
gate = { max = 400 }
"#;

#[test]
fn number_beyond_best_scores_one_but_orders_by_raw_value() {
    let answers = vec![
        ans("up", "amy", float(150.0)),
        ans("up", "bob", int(120)),
        ans("up", "cat", float(90.0)),
        ans("down", "amy", int(100)),
    ];
    let up = score_item(NUMBERS, "up", answers);
    // Order worst→best: 90, 120, 150; the median is bob's 120, scoring 1 like 150.
    assert_eq!((up.score, up.consensus), (Some(1.0), Some(1)));
}

#[test]
fn number_beyond_worst_scores_zero_but_orders_by_raw_value() {
    let answers = vec![
        ans("up", "amy", int(-5)),
        ans("up", "bob", int(-50)),
        ans("down", "amy", int(100)),
    ];
    let up = score_item(NUMBERS, "up", answers);
    assert_eq!(
        (up.score, up.consensus),
        (Some(0.0), Some(1)),
        "−50 is the worse"
    );
}

#[test]
fn number_with_best_below_worst_scores_lower_as_better() {
    let answers = by_amy([("up", int(100)), ("down", int(200))]);
    assert_eq!(score_item(NUMBERS, "down", answers).score, Some(0.75));
    let answers = vec![
        ans("up", "amy", int(100)),
        ans("down", "amy", int(50)),
        ans("down", "bob", int(600)),
    ];
    let down = score_item(NUMBERS, "down", answers);
    assert_eq!(
        (down.score, down.consensus),
        (Some(0.0), Some(2)),
        "600 ms is the worse"
    );
}

#[test]
fn number_gate_judges_the_raw_value_inclusively() {
    let verdict = |ms: i64| {
        let answers = vec![ans("up", "amy", int(100)), ans("down", "amy", int(ms))];
        score_body(NUMBERS, answers)
    };
    assert!(!item(&verdict(400), "down").gate_failed);
    let card = verdict(401);
    assert!(item(&card, "down").gate_failed);
    assert_eq!(card.verdict, Verdict::NotReady);
}

const CHOICE: &str = r#"
[[dimension]]
id = "d"
title = "D"
[[dimension.item]]
id = "c"
question = "Q?"
kind = "choice"
options = [{ label = "Bad", score = 0.0 }, { label = "Meh A", score = 0.5 }, { label = "Meh B", score = 0.5 }, { label = "Good", score = 1.0 }]
gate = 0.5
"#;

#[test]
fn equal_scoring_choices_take_the_earlier_listed_as_worse() {
    let answers = vec![
        ans("c", "amy", text("Meh B")),
        ans("c", "bob", text("Meh A")),
    ];
    let c = score_item(CHOICE, "c", answers);
    assert_eq!(c.consensus, Some(1), "Meh A is listed first");
    let answers = vec![
        ans("c", "amy", text("Meh A")),
        ans("c", "bob", text("Meh B")),
    ];
    let c = score_item(CHOICE, "c", answers);
    assert_eq!(c.consensus, Some(0));
}

#[test]
fn choice_gate_passes_at_the_minimum_score() {
    let c = score_item(CHOICE, "c", vec![ans("c", "amy", text("Meh A"))]);
    assert!(!c.gate_failed);
    let c = score_item(CHOICE, "c", vec![ans("c", "amy", text("Bad"))]);
    assert!(c.gate_failed);
}

/// Two dimensions: "safe" (weight 3) with a gated, N/A-able item and a plain one; "perf"
/// (weight 1) with two N/A-able items.
const TWO_DIMS: &str = r#"
[[dimension]]
id = "safe"
title = "S"
weight = 3
[[dimension.item]]
id = "g"
question = "Q?"
kind = "yes_no"
gate = true
na_allowed = true
[[dimension.item]]
id = "p"
question = "Q?"
kind = "yes_no"
[[dimension]]
id = "perf"
title = "P"
[[dimension.item]]
id = "x"
question = "Q?"
kind = "yes_no"
na_allowed = true
[[dimension.item]]
id = "y"
question = "Q?"
kind = "yes_no"
na_allowed = true
weight = 3
"#;

#[test]
fn overall_weights_dimensions() {
    let answers = by_amy([("g", yes()), ("p", yes()), ("x", no()), ("y", yes())]);
    let card = score_body(TWO_DIMS, answers);
    assert_eq!(card.dimensions[1].score, Some(75.0));
    assert_eq!(card.overall, Some((3.0 * 100.0 + 75.0) / 4.0));
}

#[test]
fn a_dimension_all_na_has_no_score_and_is_left_out_of_overall() {
    let answers = by_amy([("g", yes()), ("p", yes()), ("x", na()), ("y", na())]);
    let card = score_body(TWO_DIMS, answers);
    let perf = &card.dimensions[1];
    assert_eq!(
        (perf.score, perf.coverage, perf.below_floor),
        (None, 1.0, false)
    );
    assert_eq!((card.overall, card.verdict), (Some(100.0), Verdict::Ready));
    assert!(item(&card, "x").na);
}

#[test]
fn a_gate_item_marked_na_does_not_fail() {
    let answers = by_amy([("g", na()), ("p", yes()), ("x", yes()), ("y", yes())]);
    let card = score_body(TWO_DIMS, answers);
    let g = item(&card, "g");
    assert!(g.na && !g.gate_failed);
    assert_eq!(card.verdict, Verdict::Ready);
}

#[test]
fn a_failed_gate_is_not_ready_even_when_unanswered_items_remain() {
    let card = score_body(TWO_DIMS, vec![ans("g", "amy", no())]);
    assert_eq!(card.verdict, Verdict::NotReady);
    assert_eq!(card.actions[0], Action::GateFailed { item: "g".into() });
}

#[test]
fn coverage_overall_is_over_items_not_weighted_by_dimension() {
    // Answered weight 1 (g) + 1 (x) of applicable weight 1 + 1 + 1 + 3.
    let answers = by_amy([("g", yes()), ("x", na())]);
    let card = score_body(TWO_DIMS, answers);
    assert_eq!(card.coverage, 2.0 / 6.0);
    assert_eq!(
        (card.dimensions[0].coverage, card.dimensions[1].coverage),
        (0.5, 0.25)
    );
    assert_eq!((card.unanswered, card.dimensions[1].unanswered), (2, 1));
}

#[test]
fn na_mixed_with_values_counts_the_values_and_is_a_disagreement() {
    let answers = vec![
        ans("g", "amy", yes()),
        ans("p", "amy", yes()),
        ans("x", "amy", na()),
        ans("x", "bob", no()),
        ans("y", "amy", yes()),
    ];
    let card = score_body(TWO_DIMS, answers);
    let x = item(&card, "x");
    assert!(!x.na && x.disagreement);
    assert_eq!(x.score, Some(0.0));
    assert!(
        card.actions
            .contains(&Action::Disagreement { item: "x".into() })
    );
}

const ZERO: &str = r#"
[[dimension]]
id = "main"
title = "M"
[[dimension.item]]
id = "a"
question = "Q?"
kind = "yes_no"
[[dimension.item]]
id = "free"
question = "Q?"
kind = "yes_no"
weight = 0
[[dimension]]
id = "side"
title = "S"
weight = 0
[[dimension.item]]
id = "b"
question = "Q?"
kind = "yes_no"
"#;

#[test]
fn a_zero_weight_item_unanswered_still_makes_it_incomplete() {
    let answers = by_amy([("a", yes()), ("b", yes())]);
    let card = score_body(ZERO, answers);
    assert_eq!(
        (card.verdict, card.coverage, card.unanswered),
        (Verdict::Incomplete, 1.0, 1)
    );
    assert_eq!(card.actions, vec![unanswered("free")]);
}

#[test]
fn a_zero_weight_item_scores_nothing_but_can_be_improved() {
    let answers = by_amy([("a", yes()), ("free", no()), ("b", yes())]);
    let card = score_body(ZERO, answers);
    assert_eq!(
        (card.dimensions[0].score, card.verdict),
        (Some(100.0), Verdict::Ready)
    );
    assert_eq!(card.actions, vec![improve("free", 0.0)]);
}

#[test]
fn a_zero_weight_dimension_does_not_move_the_overall() {
    let answers = by_amy([("a", yes()), ("free", yes()), ("b", no())]);
    let card = score_body(ZERO, answers);
    assert_eq!(card.dimensions[1].score, Some(0.0));
    assert!(card.dimensions[1].below_floor);
    assert_eq!(card.overall, Some(100.0));
    assert_eq!(
        card.verdict,
        Verdict::ReadyWithConditions,
        "below floor blocks READY"
    );
}

#[test]
fn only_zero_weight_dimensions_scored_gives_no_overall_and_not_ready() {
    let answers = by_amy([("a", na()), ("free", yes()), ("b", yes())]);
    let a_na_allowed = ZERO.replacen(
        "kind = \"yes_no\"",
        "kind = \"yes_no\"\nna_allowed = true",
        1,
    );
    let card = score_body(&a_na_allowed, answers);
    assert_eq!((card.overall, card.verdict), (None, Verdict::NotReady));
    assert_eq!(card.actions, vec![Action::NoScore]);
}

const WHEN: &str = r#"
[[dimension]]
id = "d"
title = "D"
[[dimension.item]]
id = "host"
question = "Q?"
kind = "yes_no"
weight = 0
na_allowed = true
[[dimension.item]]
id = "gpus"
question = "Q?"
kind = "yes_no"
when = { item = "host", is = true }
[[dimension.item]]
id = "other"
question = "Q?"
kind = "yes_no"
"#;

#[test]
fn an_item_whose_controller_is_unanswered_does_not_apply_nor_block() {
    let card = score_body(WHEN, vec![ans("other", "amy", yes())]);
    let gpus = item(&card, "gpus");
    assert!(!gpus.applicable);
    assert_eq!(card.actions, vec![unanswered("host")]);
    assert_eq!(card.unanswered, 1);
}

#[test]
fn an_item_whose_controller_is_na_does_not_apply() {
    let answers = by_amy([("host", na()), ("gpus", no()), ("other", yes())]);
    let card = score_body(WHEN, answers);
    assert!(!item(&card, "gpus").applicable);
    assert_eq!((card.verdict, card.overall), (Verdict::Ready, Some(100.0)));
}

#[test]
fn answers_to_an_item_that_does_not_apply_are_ignored() {
    let answers = by_amy([("host", no()), ("gpus", no()), ("other", yes())]);
    let card = score_body(WHEN, answers);
    let gpus = item(&card, "gpus");
    assert_eq!((gpus.applicable, gpus.score), (false, None));
    assert_eq!((card.verdict, card.overall), (Verdict::Ready, Some(100.0)));
}

#[test]
fn a_tied_controller_applies_the_dependent_when_a_tied_answer_is_listed() {
    let answers = vec![
        ans("host", "amy", yes()),
        ans("host", "bob", no()),
        ans("other", "amy", yes()),
    ];
    let card = score_body(WHEN, answers);
    assert!(item(&card, "gpus").applicable);
    assert_eq!(card.verdict, Verdict::Incomplete);
}

#[test]
fn the_rounding_case_averages_exactly_eighty_and_is_ready() {
    let mut toml = String::from("[[dimension]]\nid = \"d\"\ntitle = \"D\"\n");
    let mut answers = vec![];
    for (i, s) in ["0.6", "0.7", "0.8", "0.9", "1.0"].iter().enumerate() {
        toml += &format!(
            "[[dimension.item]]\nid = \"i{i}\"\nquestion = \"Q?\"\nkind = \"choice\"\noptions = [{{ label = \"x\", score = 0.0 }}, {{ label = \"y\", score = {s} }}]\n"
        );
        answers.push(ans(&format!("i{i}"), "amy", text("y")));
    }
    let card = score_body(&toml, answers);
    assert_eq!(crate::num::round9(card.overall.unwrap()), 80.0);
    assert_eq!(card.verdict, Verdict::Ready);
}

const STALE: &str = r#"
[[dimension]]
id = "d"
title = "D"
[[dimension.item]]
id = "s"
question = "Q?"
kind = "yes_no"
max_age_days = 30
[[dimension.item]]
id = "t"
question = "Q?"
kind = "yes_no"
"#;

#[test]
fn a_stale_item_caps_the_verdict_at_ready_with_conditions() {
    let answers = vec![
        // 30 days and one second before the report time.
        ans_at("s", "amy", yes(), "2026-10-28T23:59:59Z"),
        ans("t", "amy", yes()),
    ];
    let card = score_body(STALE, answers);
    assert!(item(&card, "s").stale);
    assert_eq!(card.verdict, Verdict::ReadyWithConditions);
    assert_eq!(card.actions, vec![Action::Stale { item: "s".into() }]);
}

#[test]
fn an_answer_exactly_max_age_old_is_fresh() {
    let answers = vec![
        ans_at("s", "amy", yes(), "2026-10-29T00:00:00Z"),
        ans("t", "amy", yes()),
    ];
    let card = score_body(STALE, answers);
    assert_eq!(card.verdict, Verdict::Ready);
}

#[test]
fn an_answer_after_the_report_time_has_age_zero() {
    let answers = vec![
        ans_at("s", "amy", yes(), "2027-06-01T00:00:00Z"),
        ans("t", "amy", yes()),
    ];
    assert!(!score_item(STALE, "s", answers).stale);
}

const TEXT: &str = r#"
[[dimension]]
id = "d"
title = "D"
[[dimension.item]]
id = "why"
question = "Q?"
kind = "text"
[[dimension.item]]
id = "a"
question = "Q?"
kind = "yes_no"
"#;

#[test]
fn text_items_never_count_for_coverage_or_unanswered() {
    let card = score_body(TEXT, vec![ans("a", "amy", yes())]);
    assert_eq!(
        (card.verdict, card.coverage, card.unanswered),
        (Verdict::Ready, 1.0, 0)
    );
    assert_eq!(item(&card, "why").score, None);
}

#[test]
fn text_items_show_the_newest_answer() {
    let answers = vec![
        ans_at("why", "amy", text("old"), "2026-01-01T00:00:00Z"),
        ans("why", "bob", text("new")),
        ans("a", "amy", yes()),
    ];
    let card = score_body(TEXT, answers);
    assert_eq!(item(&card, "why").consensus, Some(1));
    assert_eq!(card.overall, Some(100.0));
}

#[test]
fn unfit_answers_and_answers_to_unknown_items_are_ignored() {
    let mut assessment = assessment(by_amy([("ghost", no()), ("a", yes())]));
    assessment.unfit = vec![ans("a", "bob", no())];
    let card = super::score(&checklist(TEXT), &assessment, ts(AT));
    assert_eq!((card.verdict, card.overall), (Verdict::Ready, Some(100.0)));
    assert_eq!(item(&card, "a").consensus, Some(1));
}

/// Every action group at once, in checklist order within each group.
const ACTIONS: &str = r#"
[readiness]
dimension_floor = 90
[[dimension]]
id = "one"
title = "1"
[[dimension.item]]
id = "gated"
question = "Q?"
kind = "yes_no"
gate = true
evidence = "required"
[[dimension.item]]
id = "old"
question = "Q?"
kind = "scale"
levels = ["L0", "L1", "L2"]
max_age_days = 1
[[dimension.item]]
id = "proof"
question = "Q?"
kind = "scale"
levels = ["L0", "L1", "L2"]
evidence = "required"
[[dimension.item]]
id = "split"
question = "Q?"
kind = "yes_no"
[[dimension.item]]
id = "open"
question = "Q?"
kind = "yes_no"
[[dimension]]
id = "two"
title = "2"
[[dimension.item]]
id = "small"
question = "Q?"
kind = "scale"
levels = ["L0", "L1", "L2", "L3", "L4"]
[[dimension.item]]
id = "big"
question = "Q?"
kind = "scale"
levels = ["L0", "L1", "L2", "L3", "L4"]
weight = 4
[[dimension.item]]
id = "tie"
question = "Q?"
kind = "scale"
levels = ["L0", "L1", "L2", "L3", "L4"]
[[dimension.item]]
id = "full"
question = "Q?"
kind = "yes_no"
[[dimension.item]]
id = "zero"
question = "Q?"
kind = "scale"
levels = ["L0", "L1", "L2"]
"#;

fn action_answers() -> Vec<super::super::assessment::Answer> {
    vec![
        ans("gated", "amy", no()),
        ans_at("old", "amy", int(1), "2026-01-01T00:00:00Z"),
        ans("proof", "amy", int(1)),
        ans("split", "amy", yes()),
        ans("split", "bob", no()),
        ans("small", "amy", int(3)),
        ans("big", "amy", int(3)),
        ans("tie", "amy", int(3)),
        ans("full", "amy", yes()),
        ans("zero", "amy", int(0)),
    ]
}

#[test]
fn actions_come_in_group_order_then_improve_by_gain() {
    let card = score_body(ACTIONS, action_answers());
    let item = |kind: fn(String) -> Action, id: &str| kind(id.to_string());
    let want = vec![
        item(|item| Action::GateFailed { item }, "gated"),
        unanswered("open"),
        item(|item| Action::Stale { item }, "old"),
        item(|item| Action::MissingEvidence { item }, "gated"),
        item(|item| Action::MissingEvidence { item }, "proof"),
        // gated scores 0 too, but its failed gate says so already; zero is left out of improve.
        item(|item| Action::AtWorst { item }, "split"),
        item(|item| Action::AtWorst { item }, "zero"),
        item(|item| Action::Disagreement { item }, "split"),
        Action::BelowFloor {
            dimension: "one".into(),
        },
        Action::BelowFloor {
            dimension: "two".into(),
        },
        // big: 4 × 0.25 = 1; small and tie: 0.25 each, in checklist order.
        improve("big", 1.0),
        improve("small", 0.25),
        improve("tie", 0.25),
    ];
    assert_eq!(card.actions, want);
    assert_eq!(card.verdict, Verdict::NotReady);
}

#[test]
fn actions_do_not_depend_on_the_verdict() {
    // Answering `open` and passing the gate changes the verdict, not the other actions.
    let mut answers = action_answers();
    answers[0] = with_evidence(ans("gated", "amy", yes()), "e");
    answers.push(ans("open", "amy", yes()));
    let card = score_body(ACTIONS, answers);
    assert_eq!(card.verdict, Verdict::ReadyWithConditions);
    let kinds: Vec<&str> = card.actions.iter().map(Action::kind).collect();
    let want = [
        "stale",
        "missing_evidence",
        "at_worst",
        "at_worst",
        "disagreement",
        "below_floor",
        "below_floor",
        "improve",
        "improve",
        "improve",
    ];
    assert_eq!(kinds, want);
}

#[test]
fn improve_sorts_by_gain_with_ties_in_checklist_order() {
    let mut answers = action_answers();
    // tie now loses more than small: 1 × 0.5.
    answers[7] = ans("tie", "amy", int(2));
    let card = score_body(ACTIONS, answers);
    let improves: Vec<&Action> = card
        .actions
        .iter()
        .filter(|a| a.kind() == "improve")
        .collect();
    assert_eq!(
        improves,
        [
            &improve("big", 1.0),
            &improve("tie", 0.5),
            &improve("small", 0.25)
        ]
    );
}

#[test]
fn missing_evidence_caps_the_verdict_at_ready_with_conditions() {
    let toml = "[[dimension]]\nid = \"d\"\ntitle = \"D\"\n[[dimension.item]]\nid = \"a\"\nquestion = \"Q?\"\nkind = \"yes_no\"\nevidence = \"required\"\n";
    let card = score_body(toml, vec![ans("a", "amy", yes())]);
    assert_eq!(card.verdict, Verdict::ReadyWithConditions);
    assert_eq!(
        card.actions,
        vec![Action::MissingEvidence { item: "a".into() }]
    );
    let card = score_body(toml, vec![with_evidence(ans("a", "amy", yes()), "e")]);
    assert_eq!((card.verdict, card.actions.len()), (Verdict::Ready, 0));
}

/// The review's case A2 in miniature: a high average with one unacceptable answer.
const AVERAGED_AWAY: &str = r#"
[[dimension]]
id = "d"
title = "D"
[[dimension.item]]
id = "outcome"
question = "Q?"
kind = "scale"
levels = ["Worse", "Same", "Better"]
[[dimension.item]]
id = "cheap"
question = "Q?"
kind = "yes_no"
weight = 9
[[dimension.item]]
id = "routing"
question = "Q?"
kind = "yes_no"
weight = 0
"#;

#[test]
fn an_item_at_its_worst_withholds_ready_however_high_the_average() {
    let card = score_body(
        AVERAGED_AWAY,
        by_amy([("outcome", int(0)), ("cheap", yes()), ("routing", yes())]),
    );
    assert_eq!(card.overall, Some(90.0));
    assert_eq!(card.verdict, Verdict::ReadyWithConditions);
    assert!(item(&card, "outcome").at_worst);
    assert_eq!(
        card.actions,
        vec![Action::AtWorst {
            item: "outcome".into()
        }]
    );
}

#[test]
fn weight_zero_na_and_unscored_items_are_never_at_worst() {
    let body = format!("{AVERAGED_AWAY}na_allowed = true\n");
    let card = score_body(
        &body,
        by_amy([("outcome", int(2)), ("cheap", yes()), ("routing", na())]),
    );
    assert!(!item(&card, "routing").at_worst);
    let card = score_body(
        AVERAGED_AWAY,
        by_amy([("outcome", int(2)), ("cheap", yes()), ("routing", no())]),
    );
    assert!(!item(&card, "routing").at_worst, "weight 0");
    assert_eq!(card.verdict, Verdict::Ready);
}

#[test]
fn worst_blocks_ready_false_lets_binary_indicators_be_no() {
    let body = format!("[readiness]\nworst_blocks_ready = false\n{AVERAGED_AWAY}");
    let card = score_body(
        &body,
        by_amy([("outcome", int(0)), ("cheap", yes()), ("routing", yes())]),
    );
    assert!(!item(&card, "outcome").at_worst);
    assert_eq!(card.verdict, Verdict::Ready);
}
