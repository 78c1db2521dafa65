//! The change set, case by case: answers added, removed and changed field by field, results
//! that moved, scores and their deltas.

use super::{AnswerChange, Field, delta, diff};
use crate::assessment::Answer;
use crate::compare::testkit::{small, view};
use crate::score::testkit::{AT, ans_at, by_amy, int, no, yes};

fn changes(old: Vec<Answer>, new: Vec<Answer>) -> super::ChangeSet {
    let list = small();
    diff(
        &view(&list, "M", old),
        &view(&list, "M", new),
        ["HEAD:m.toml", "m.toml"],
    )
}

fn base() -> Vec<Answer> {
    by_amy([("licence", yes()), ("depth", int(1)), ("latency", int(400))])
}

#[test]
fn identical_versions_have_no_changes() {
    let c = changes(base(), base());
    assert!(c.is_empty());
    assert!(c.items.is_empty());
    assert_eq!(c.old.source, "HEAD:m.toml");
}

#[test]
fn an_answer_added_removed_or_changed_is_listed_under_its_item_by_assessor() {
    let mut new = base();
    new[1].value = int(3);
    new[1].note = Some("1,200 cases".into());
    new.push(ans_at("depth", "bob", int(2), AT));
    new.retain(|a| a.item != "latency");
    let c = changes(base(), new);
    let ids: Vec<&str> = c.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["depth", "latency"]);
    let depth = &c.items[0];
    assert_eq!(depth.answers.len(), 2);
    match &depth.answers[0] {
        AnswerChange::Changed { old, new, fields } => {
            assert_eq!((old.by.as_str(), new.by.as_str()), ("amy", "amy"));
            assert_eq!(fields, &[Field::Value, Field::Note]);
            assert_eq!(new.value_text, "3: Automated");
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(&depth.answers[1], AnswerChange::Added(a) if a.by == "bob"));
    assert!(
        matches!(&c.items[1].answers[..], [AnswerChange::Removed(a)] if a.value_text == "400 ms")
    );
    assert_eq!(
        c.items[1].new.as_ref().and_then(|i| i.value_text.clone()),
        None
    );
}

#[test]
fn a_re_answer_with_the_same_value_is_a_change_of_time_only() {
    let mut new = base();
    new[0] = ans_at("licence", "amy", yes(), "2026-12-01T00:00:00Z");
    let c = changes(base(), new);
    assert_eq!(c.items.len(), 1);
    assert!(
        matches!(&c.items[0].answers[..], [AnswerChange::Changed { fields, .. }] if fields == &[Field::At])
    );
    assert!(!c.is_empty());
}

#[test]
fn verdict_overall_and_dimension_scores_are_given_before_and_after() {
    let mut new = base();
    new[0].value = no();
    let c = changes(base(), new);
    assert_eq!(c.old.verdict.label(), "READY WITH CONDITIONS");
    assert_eq!(c.new.verdict.label(), "NOT READY");
    let core = &c.dimensions[0];
    assert_eq!(
        (core.id.as_str(), core.old.flatten().is_some()),
        ("core", true)
    );
    assert!(core.new.flatten() < core.old.flatten());
    assert_eq!(c.items[0].id, "licence");
}

#[test]
fn deltas_are_the_difference_of_the_shown_scores() {
    assert_eq!(delta(Some(55.29), Some(71.31)), "+16.1");
    assert_eq!(delta(Some(70.0), Some(69.95)), "-0.1");
    assert_eq!(delta(Some(70.01), Some(70.04)), "");
    assert_eq!(delta(None, Some(1.0)), "");
}
