//! One item's result (SPEC §4): whether it is answered or N/A, its consensus answer and score,
//! and the flags judged on them: gate, staleness, disagreement, missing evidence.

use jiff::{SignedDuration, Timestamp};

use crate::assessment::Answer;
use crate::checklist::{Item, Readiness};
use crate::num::round9;

use super::ItemScore;
use super::consensus::{Vote, disagree, lower_median, newest};
use super::gate::misses;
use super::value::{fits, place};

/// What every item is judged against.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The checklist's readiness policy (for the disagreement threshold).
    pub readiness: &'a Readiness,
    /// The report time.
    pub as_of: Timestamp,
}

/// One item's result. `answers` are every answer to it, with their indices in
/// `Assessment::answers`. `answered`, `na` and `consensus` describe the answers even when the
/// item does not apply; everything that counts toward the verdict (score and flags) is only
/// set when it applies, since answers to such items are ignored.
pub fn score_item(
    item: &Item,
    dimension: &str,
    applies: bool,
    answers: &[(usize, &Answer)],
    context: Context,
) -> ItemScore {
    let votes = votes(item, answers);
    let any_na = answers.iter().any(|(_, a)| a.value.is_na());
    let answered = any_na || !votes.is_empty();
    let consensus = consensus(item, &votes);
    let judged = consensus.filter(|_| applies && item.is_scored());
    ItemScore {
        id: item.id.clone(),
        dimension: dimension.to_string(),
        applicable: applies,
        answered,
        na: answered && votes.is_empty(),
        score: judged.and_then(|v| v.place).map(|p| p.score),
        consensus: consensus.map(|v| v.index),
        gate_failed: judged.is_some_and(|v| fails_gate(item, v.answer)),
        stale: judged.is_some_and(|v| is_stale(item, v.answer, context.as_of)),
        disagreement: applies && disagree(&votes, any_na, context.readiness.disagreement),
        missing_evidence: applies && lacks_evidence(item, &votes),
        at_worst: context.readiness.worst_blocks_ready
            && item.weight > 0.0
            && judged
                .and_then(|v| v.place)
                .is_some_and(|p| round9(p.score) == 0.0),
    }
}

/// The value answers (N/A and values that do not fit the kind left out), placed.
fn votes<'a>(item: &Item, answers: &[(usize, &'a Answer)]) -> Vec<Vote<'a>> {
    answers
        .iter()
        .filter(|(_, a)| fits(&item.kind, &a.value))
        .map(|&(index, answer)| Vote {
            index,
            answer,
            place: place(&item.kind, &answer.value),
        })
        .collect()
}

/// The lower median for scored items; for `text`, the newest answer, so reports can show it.
fn consensus<'a>(item: &Item, votes: &[Vote<'a>]) -> Option<Vote<'a>> {
    if item.is_scored() {
        lower_median(votes)
    } else {
        newest(votes)
    }
}

fn fails_gate(item: &Item, answer: &Answer) -> bool {
    item.gate
        .as_ref()
        .is_some_and(|gate| misses(gate, &item.kind, &answer.value))
}

/// Older than `max_age_days` × 24 h at the report time; an answer from the future has age 0.
fn is_stale(item: &Item, answer: &Answer, as_of: Timestamp) -> bool {
    let Some(days) = item.max_age_days else {
        return false;
    };
    as_of.duration_since(answer.at) > SignedDuration::from_hours(i64::from(days) * 24)
}

/// Evidence is required and some value answer has none. N/A answers need none (`weigh answer`
/// only asks evidence of values); an evidence list of blank entries counts as none.
fn lacks_evidence(item: &Item, votes: &[Vote]) -> bool {
    let has_none = |v: &Vote| v.answer.evidence.iter().all(|e| e.trim().is_empty());
    item.evidence_required && votes.iter().any(has_none)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::testkit::{
        AT, ans, ans_at, checklist, float, int, na, text, ts, with_evidence, yes,
    };

    const ITEMS: &str = r#"
[[dimension]]
id = "d"
title = "D"
[[dimension.item]]
id = "fresh"
question = "Q?"
kind = "scale"
levels = ["a", "b", "c"]
gate = 1
max_age_days = 10
evidence = "required"
na_allowed = true
[[dimension.item]]
id = "note"
question = "Q?"
kind = "text"
na_allowed = true
evidence = "required"
"#;

    fn result(item_id: &str, applies: bool, answers: &[Answer], as_of: &str) -> ItemScore {
        let checklist = checklist(ITEMS);
        let item = checklist.item(item_id).expect("item");
        let indexed: Vec<(usize, &Answer)> = answers.iter().enumerate().collect();
        let readiness = checklist.readiness;
        let context = Context {
            readiness: &readiness,
            as_of: ts(as_of),
        };
        score_item(item, "d", applies, &indexed, context)
    }

    #[test]
    fn stale_only_after_max_age_days_to_the_second() {
        let answer = |at| [with_evidence(ans_at("fresh", "a", int(2), at), "e")];
        let cases = [
            ("2026-11-18T00:00:00Z", false), // exactly 10 days
            ("2026-11-17T23:59:59Z", true),  // one second more
            ("2026-12-25T00:00:00Z", false), // after the report time: age 0
        ];
        for (at, want) in cases {
            assert_eq!(result("fresh", true, &answer(at), AT).stale, want, "{at}");
        }
    }

    #[test]
    fn staleness_is_judged_on_the_consensus_answer_only() {
        // The fresh, better answer does not refresh the old, worse consensus.
        let answers = [
            with_evidence(ans_at("fresh", "old", int(1), "2026-01-01T00:00:00Z"), "e"),
            with_evidence(ans_at("fresh", "new", int(2), AT), "e"),
        ];
        let got = result("fresh", true, &answers, AT);
        assert_eq!((got.consensus, got.stale), (Some(0), true));
    }

    #[test]
    fn na_item_is_never_stale_nor_gated() {
        let answers = [ans_at("fresh", "a", na(), "2020-01-01T00:00:00Z")];
        let got = result("fresh", true, &answers, AT);
        assert!(got.answered && got.na);
        assert_eq!((got.score, got.consensus), (None, None));
        assert!(!got.stale && !got.gate_failed && !got.missing_evidence);
    }

    #[test]
    fn missing_evidence_is_flagged_for_a_value_answer_without_any() {
        let answers = [
            with_evidence(ans("fresh", "a", int(2)), "https://e"),
            ans("fresh", "b", int(2)),
        ];
        assert!(result("fresh", true, &answers, AT).missing_evidence);
        let with = [with_evidence(ans("fresh", "a", int(2)), "https://e")];
        assert!(!result("fresh", true, &with, AT).missing_evidence);
        let blank = [with_evidence(ans("fresh", "a", int(2)), "  ")];
        assert!(result("fresh", true, &blank, AT).missing_evidence);
    }

    #[test]
    fn mixed_na_and_values_count_the_values_and_disagree() {
        let answers = [
            ans("fresh", "a", na()),
            with_evidence(ans("fresh", "b", int(2)), "e"),
        ];
        let got = result("fresh", true, &answers, AT);
        assert!(!got.na && got.disagreement);
        assert_eq!((got.score, got.consensus), (Some(1.0), Some(1)));
    }

    #[test]
    fn gate_fails_on_the_consensus_answer() {
        let answers = [
            with_evidence(ans("fresh", "a", int(0)), "e"),
            with_evidence(ans("fresh", "b", int(2)), "e"),
        ];
        let got = result("fresh", true, &answers, AT);
        assert!(got.gate_failed);
        assert_eq!(got.score, Some(0.0));
    }

    #[test]
    fn an_item_that_does_not_apply_keeps_its_answers_but_counts_for_nothing() {
        let answers = [
            ans_at("fresh", "a", int(0), "2020-01-01T00:00:00Z"),
            ans("fresh", "b", na()),
        ];
        let got = result("fresh", false, &answers, AT);
        assert!(got.answered && !got.applicable);
        assert_eq!((got.score, got.consensus), (None, Some(0)));
        assert!(!got.gate_failed && !got.stale && !got.disagreement && !got.missing_evidence);
    }

    #[test]
    fn text_item_is_never_scored_and_shows_its_newest_answer() {
        let answers = [
            with_evidence(
                ans_at("note", "a", text("old"), "2026-01-01T00:00:00Z"),
                "e",
            ),
            with_evidence(ans("note", "b", text("new")), "e"),
        ];
        let got = result("note", true, &answers, AT);
        assert_eq!((got.score, got.consensus), (None, Some(1)));
        assert!(got.answered && !got.na && !got.stale && !got.disagreement);
    }

    #[test]
    fn text_item_without_evidence_is_missing_evidence_when_required() {
        let got = result("note", true, &[ans("note", "a", text("t"))], AT);
        assert!(got.missing_evidence);
    }

    #[test]
    fn values_that_do_not_fit_the_kind_are_ignored() {
        // The store never lets these through; scoring must not panic or count them.
        let answers = [
            ans("fresh", "a", int(7)),
            ans("fresh", "b", float(1.0)),
            ans("fresh", "c", yes()),
        ];
        let got = result("fresh", true, &answers, AT);
        assert!(!got.answered);
        assert_eq!(got.consensus, None);
    }
}
