//! Consensus among assessors (SPEC §4): the lower median of the value answers ordered worst to
//! best, the newest answer of a `text` item, and whether the assessors disagree.

use std::cmp::Ordering;

use crate::assessment::Answer;
use crate::num::round9;

use super::value::Place;

/// A value answer with its position in `Assessment::answers` and its place on the item's axis.
#[derive(Debug, Clone, Copy)]
pub struct Vote<'a> {
    /// Index into `Assessment::answers`.
    pub index: usize,
    /// The answer.
    pub answer: &'a Answer,
    /// Its place; `None` for a `text` answer.
    pub place: Option<Place>,
}

/// The consensus of a scored item: position ⌊(n − 1) / 2⌋ of the worst-to-best order, so with
/// two answers the worse one. `None` when there are no value answers.
pub fn lower_median<'a>(votes: &[Vote<'a>]) -> Option<Vote<'a>> {
    let mut ordered = votes.to_vec();
    ordered.sort_by(worse_first);
    ordered.get(ordered.len().checked_sub(1)? / 2).copied()
}

/// The newest value answer (a `text` item's "consensus", shown by reports); among equally new
/// ones, the first assessor in code-point order.
pub fn newest<'a>(votes: &[Vote<'a>]) -> Option<Vote<'a>> {
    votes
        .iter()
        .copied()
        .min_by(|a, b| tie_break(a.answer, b.answer))
}

/// Worse value first; equal values newest `at` first, then by assessor (code point); the sort is
/// stable, so answers equal in all of these keep file order.
fn worse_first(a: &Vote, b: &Vote) -> Ordering {
    let by_value = match (a.place, b.place) {
        (Some(pa), Some(pb)) => pa.cmp_worse_first(&pb),
        _ => Ordering::Equal,
    };
    by_value.then_with(|| tie_break(a.answer, b.answer))
}

fn tie_break(a: &Answer, b: &Answer) -> Ordering {
    b.at.cmp(&a.at).then_with(|| a.by.cmp(&b.by))
}

/// SPEC §4 disagreement: N/A mixed with values, or two value scores at least `threshold` apart
/// (both sides rounded to 9 decimals).
pub fn disagree(votes: &[Vote], any_na: bool, threshold: f64) -> bool {
    (any_na && !votes.is_empty()) || round9(spread(votes)) >= round9(threshold)
}

/// max − min of the value scores; 0 with fewer than two.
fn spread(votes: &[Vote]) -> f64 {
    let scores = votes.iter().filter_map(|v| v.place.map(|p| p.score));
    let (lo, hi) = scores.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), s| {
        (lo.min(s), hi.max(s))
    });
    if lo <= hi { hi - lo } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::AnswerValue;
    use crate::checklist::Kind;
    use crate::score::testkit::{ans_at, float, int, text};
    use crate::score::value::place;

    const T0: &str = "2026-11-01T00:00:00Z";
    const T1: &str = "2026-11-02T00:00:00Z";

    fn scale() -> Kind {
        Kind::Scale {
            levels: ["a", "b", "c", "d"].map(String::from).to_vec(),
        }
    }

    fn votes<'a>(kind: &Kind, answers: &'a [Answer]) -> Vec<Vote<'a>> {
        answers
            .iter()
            .enumerate()
            .map(|(index, answer)| Vote {
                index,
                answer,
                place: place(kind, &answer.value),
            })
            .collect()
    }

    fn median_index(kind: &Kind, answers: &[Answer]) -> Option<usize> {
        lower_median(&votes(kind, answers)).map(|v| v.index)
    }

    #[test]
    fn lower_median_picks_position_n_minus_one_over_two() {
        let level = |by: &str, l: i64| ans_at("i", by, int(l), T0);
        let cases: [(Vec<Answer>, Option<usize>); 5] = [
            (vec![], None),
            (vec![level("a", 2)], Some(0)),
            (vec![level("a", 3), level("b", 1)], Some(1)),
            (vec![level("a", 3), level("b", 0), level("c", 2)], Some(2)),
            (
                vec![level("a", 3), level("b", 0), level("c", 2), level("d", 1)],
                Some(3),
            ),
        ];
        for (answers, want) in cases {
            assert_eq!(median_index(&scale(), &answers), want, "{answers:?}");
        }
    }

    #[test]
    fn equal_values_sort_newest_first_then_by_assessor() {
        // Two equal worse answers and one better: the median (position 1) is the second of
        // the equal pair, so the tie order decides which answer it is.
        let answers = [
            ans_at("i", "zed", int(1), T1),
            ans_at("i", "amy", int(1), T0),
            ans_at("i", "bob", int(3), T0),
        ];
        // newest first: zed (T1) then amy (T0) → position 1 is amy.
        assert_eq!(median_index(&scale(), &answers), Some(1));
        let same_time = [
            ans_at("i", "zed", int(1), T0),
            ans_at("i", "amy", int(1), T0),
            ans_at("i", "bob", int(3), T0),
        ];
        // same time: by assessor, amy then zed → position 1 is zed.
        assert_eq!(median_index(&scale(), &same_time), Some(0));
    }

    #[test]
    fn assessor_order_is_by_code_point_so_capitals_come_first() {
        let answers = [
            ans_at("i", "alice", int(1), T0),
            ans_at("i", "Zoe", int(1), T0),
        ];
        // Order: Zoe, alice; two answers → position 0 → Zoe.
        assert_eq!(median_index(&scale(), &answers), Some(1));
    }

    #[test]
    fn newest_text_answer_wins_and_ties_go_to_first_assessor() {
        let answers = [
            ans_at("i", "amy", text("old"), T0),
            ans_at("i", "zed", text("new"), T1),
            ans_at("i", "bob", text("also new"), T1),
        ];
        let got = newest(&votes(&Kind::Text, &answers)).map(|v| v.index);
        assert_eq!(got, Some(2));
        assert!(newest(&[]).is_none());
    }

    #[test]
    fn disagreement_needs_a_spread_at_the_threshold_or_na_mixed_with_values() {
        let number = Kind::Number {
            unit: "u".into(),
            best: 1.0,
            worst: 0.0,
        };
        let spread_of = |a: f64, b: f64| {
            [
                ans_at("i", "a", float(a), T0),
                ans_at("i", "b", float(b), T0),
            ]
        };
        let cases = [
            (spread_of(0.1, 0.6), false, 0.5, true),
            (spread_of(0.1, 0.59), false, 0.5, false),
            // 0.7 − 0.2 is 0.49999999999999994 in f64: rounding makes it 0.5.
            (spread_of(0.2, 0.7), false, 0.5, true),
            (spread_of(0.3, 0.3), true, 0.5, true),
            (spread_of(-3.0, 5.0), false, 1.0, true),
        ];
        for (answers, any_na, threshold, want) in cases {
            let got = disagree(&votes(&number, &answers), any_na, threshold);
            assert_eq!(got, want, "{answers:?} na={any_na} t={threshold}");
        }
    }

    #[test]
    fn na_alone_or_a_single_value_is_no_disagreement() {
        assert!(!disagree(&[], true, 0.5));
        let one = [ans_at("i", "a", AnswerValue::Bool(true), T0)];
        assert!(!disagree(&votes(&Kind::YesNo, &one), false, 0.5));
    }
}
