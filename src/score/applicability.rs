//! Which items apply (SPEC §2 `when`, SPEC §4): the controlling item's answer is the value most
//! of its value answers chose; a dependent applies only while that answer is one it lists.

use crate::idmap::IdMap;

use crate::assessment::{Answer, AnswerValue};
use crate::checklist::model::same_label;
use crate::checklist::{Checklist, Condition, When};

use super::AnswersByItem;

/// Whether each item applies, in checklist order. Controllers come before their dependents
/// (validation guarantees it), so one pass resolves chains.
pub fn applicability(checklist: &Checklist, answers: &AnswersByItem) -> Vec<bool> {
    let mut applies: IdMap<&str, bool> = crate::idmap::with_capacity(checklist.items().count());
    for item in checklist.items() {
        let verdict = item
            .when
            .as_ref()
            .is_none_or(|when| holds(when, &applies, answers));
        applies.insert(&item.id, verdict);
    }
    checklist
        .items()
        .map(|item| applies[item.id.as_str()])
        .collect()
}

/// Whether a `when` holds: its controller applies and its majority answer is listed. An
/// unanswered or all-N/A controller has no majority, so its dependents do not apply.
fn holds(when: &When, applies: &IdMap<&str, bool>, answers: &AnswersByItem) -> bool {
    let controller = when.item.as_str();
    let controller_applies = applies.get(controller).copied().unwrap_or(false);
    let values = answers.get(controller).map_or(&[][..], Vec::as_slice);
    controller_applies && majority(values).iter().any(|v| listed(&when.condition, v))
}

/// The values chosen by most value answers (several on a tie); N/A does not vote.
fn majority<'a>(answers: &[(usize, &'a Answer)]) -> Vec<&'a AnswerValue> {
    let mut tally: Vec<(&AnswerValue, usize)> = Vec::new();
    for value in answers.iter().map(|(_, a)| &a.value).filter(|v| !v.is_na()) {
        match tally.iter_mut().find(|(seen, _)| same_vote(seen, value)) {
            Some((_, count)) => *count += 1,
            None => tally.push((value, 1)),
        }
    }
    let top = tally.iter().map(|(_, count)| *count).max().unwrap_or(0);
    tally
        .into_iter()
        .filter(|(_, c)| *c == top)
        .map(|(v, _)| v)
        .collect()
}

fn same_vote(a: &AnswerValue, b: &AnswerValue) -> bool {
    match (a, b) {
        (AnswerValue::Text(a), AnswerValue::Text(b)) => same_label(a, b),
        _ => a == b,
    }
}

/// Whether the condition lists this controller value.
fn listed(condition: &Condition, value: &AnswerValue) -> bool {
    match (condition, value) {
        (Condition::In(labels), AnswerValue::Text(label)) => {
            labels.iter().any(|l| same_label(l, label))
        }
        (Condition::Is(want), AnswerValue::Bool(got)) => want == got,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::group_answers;
    use crate::score::testkit::{ans, checklist, na, no, text, yes};

    const CHAIN: &str = r#"
[[dimension]]
id = "d"
title = "D"
[[dimension.item]]
id = "mode"
question = "Q?"
kind = "choice"
weight = 0
na_allowed = true
options = [{ label = "Self-host", score = 1.0 }, { label = "API", score = 1.0 }, { label = "Both", score = 1.0 }]
[[dimension.item]]
id = "gpus"
question = "Q?"
kind = "yes_no"
na_allowed = true
when = { item = "mode", in = ["Self-host", "Both"] }
[[dimension.item]]
id = "cluster"
question = "Q?"
kind = "yes_no"
when = { item = "gpus", is = true }
[[dimension.item]]
id = "plain"
question = "Q?"
kind = "yes_no"
"#;

    /// Applicability of (mode, gpus, cluster, plain) for these answers.
    fn applies(answers: Vec<Answer>) -> Vec<bool> {
        let checklist = checklist(CHAIN);
        applicability(&checklist, &group_answers(&answers))
    }

    #[test]
    fn unconditional_items_apply_and_dependents_of_an_unanswered_controller_do_not() {
        assert_eq!(applies(vec![]), [true, false, false, true]);
    }

    #[test]
    fn dependent_applies_when_the_controller_answer_is_listed() {
        let got = applies(vec![
            ans("mode", "a", text("Both")),
            ans("gpus", "a", yes()),
        ]);
        assert_eq!(got, [true, true, true, true]);
    }

    #[test]
    fn dependent_does_not_apply_when_the_controller_answer_is_not_listed() {
        let got = applies(vec![ans("mode", "a", text("API")), ans("gpus", "a", yes())]);
        assert_eq!(got, [true, false, false, true]);
    }

    #[test]
    fn chain_stops_where_the_middle_item_does_not_apply() {
        // gpus is answered yes, but it does not apply, so cluster does not either.
        let got = applies(vec![ans("mode", "a", text("API")), ans("gpus", "b", yes())]);
        assert!(!got[2]);
    }

    #[test]
    fn dependent_of_an_na_controller_does_not_apply() {
        let got = applies(vec![ans("mode", "a", na()), ans("mode", "b", na())]);
        assert_eq!(got, [true, false, false, true]);
    }

    #[test]
    fn na_answers_do_not_vote() {
        let got = applies(vec![
            ans("mode", "a", na()),
            ans("mode", "b", na()),
            ans("mode", "c", text("Self-host")),
        ]);
        assert!(got[1]);
    }

    #[test]
    fn majority_decides_the_controller_answer() {
        let got = applies(vec![
            ans("mode", "a", text("API")),
            ans("mode", "b", text("API")),
            ans("mode", "c", text("Self-host")),
        ]);
        assert!(!got[1]);
        let got = applies(vec![
            ans("mode", "a", text("Both")),
            ans("mode", "b", text("Self-host")),
            ans("mode", "c", text("API")),
            ans("mode", "d", text("API")),
        ]);
        assert!(!got[1]);
    }

    #[test]
    fn a_tie_applies_the_dependent_when_any_tied_answer_is_listed() {
        let got = applies(vec![
            ans("mode", "a", text("API")),
            ans("mode", "b", text("Self-host")),
        ]);
        assert!(got[1]);
        let got = applies(vec![
            ans("mode", "a", text("Self-host")),
            ans("gpus", "a", yes()),
            ans("gpus", "b", no()),
        ]);
        assert!(got[2], "yes/no tie: `is = true` is among the tied answers");
    }

    #[test]
    fn a_tie_counts_only_the_most_chosen_answers() {
        let got = applies(vec![
            ans("mode", "a", text("API")),
            ans("mode", "b", text("API")),
            ans("mode", "c", text("Both")),
            ans("mode", "d", text("Both")),
            ans("mode", "e", text("Self-host")),
        ]);
        assert!(got[1], "API and Both tie, Both is listed");
        let got = applies(vec![
            ans("mode", "a", text("API")),
            ans("mode", "b", text("API")),
            ans("mode", "c", text("Both")),
            ans("mode", "d", text("Self-host")),
        ]);
        assert!(
            !got[1],
            "API wins outright; Both and Self-host are not tied with it"
        );
    }

    #[test]
    fn a_majority_for_the_unlisted_answer_does_not_apply_the_dependent() {
        let got = applies(vec![
            ans("mode", "a", text("Self-host")),
            ans("gpus", "a", no()),
            ans("gpus", "b", no()),
            ans("gpus", "c", yes()),
        ]);
        assert!(!got[2]);
    }
}
