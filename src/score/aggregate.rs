//! Dimension and overall results (SPEC §4 "Scores"): weighted scores, coverage, unanswered
//! counts and the dimension floor.

use crate::checklist::{Checklist, Dimension, Item, Readiness};
use crate::num::round9;

use super::{DimensionScore, ItemScore};

/// Weights summed over applicable scored items.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Tally {
    /// Σ weight of applicable scored items.
    weight: f64,
    /// Σ weight of those with any answer (N/A included).
    answered_weight: f64,
    /// Σ weight of those with a score.
    scored_weight: f64,
    /// Σ weight × score.
    weighted_score: f64,
    /// How many have no answer, whatever their weight.
    pub unanswered: usize,
}

impl Tally {
    /// Adds one item; items that do not apply and `text` items count for nothing.
    pub fn add(mut self, item: &Item, result: &ItemScore) -> Tally {
        if !result.applicable || !item.is_scored() {
            return self;
        }
        self.weight += item.weight;
        if result.answered {
            self.answered_weight += item.weight;
        } else {
            self.unanswered += 1;
        }
        if let Some(score) = result.score {
            self.scored_weight += item.weight;
            self.weighted_score += item.weight * score;
        }
        self
    }

    /// Answered applicable scored weight ÷ applicable scored weight; 1 when there is none.
    pub fn coverage(&self) -> f64 {
        if self.weight == 0.0 {
            1.0
        } else {
            self.answered_weight / self.weight
        }
    }

    /// 100 × Σ(weight × score) / Σ weight over scored items; `None` when that weight is 0.
    pub fn score(&self) -> Option<f64> {
        (self.scored_weight != 0.0).then(|| 100.0 * self.weighted_score / self.scored_weight)
    }
}

/// Tallies items paired with their results (the checklist order of both).
pub fn tally<'a>(pairs: impl Iterator<Item = (&'a Item, &'a ItemScore)>) -> Tally {
    pairs.fold(Tally::default(), |t, (item, result)| t.add(item, result))
}

/// One dimension's result; `results` are the results of its items, in order.
pub fn score_dimension(
    dimension: &Dimension,
    results: &[ItemScore],
    readiness: &Readiness,
) -> DimensionScore {
    let tally = tally(dimension.items.iter().zip(results));
    let score = tally.score();
    DimensionScore {
        id: dimension.id.clone(),
        score,
        coverage: tally.coverage(),
        unanswered: tally.unanswered,
        below_floor: score.is_some_and(|s| round9(s) < round9(readiness.dimension_floor)),
    }
}

/// Σ(dimension weight × score) / Σ dimension weight over dimensions with a score; `None` when
/// there are none or their weights sum to 0.
pub fn overall(checklist: &Checklist, dimensions: &[DimensionScore]) -> Option<f64> {
    let scored = checklist
        .dimensions
        .iter()
        .zip(dimensions)
        .filter_map(|(d, s)| Some((d.weight, s.score?)));
    let (weight, weighted) = scored.fold((0.0, 0.0), |(w, ws), (dw, ds)| (w + dw, ws + dw * ds));
    (weight != 0.0).then(|| weighted / weight)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dimension(weights: &[f64]) -> Dimension {
        let toml = weights
            .iter()
            .enumerate()
            .map(|(i, w)| format!("[[dimension.item]]\nid = \"i{i}\"\nquestion = \"Q?\"\nkind = \"yes_no\"\nweight = {w:?}\n"))
            .collect::<String>();
        let checklist = crate::score::testkit::checklist(&format!(
            "[[dimension]]\nid = \"d\"\ntitle = \"D\"\n{toml}"
        ));
        checklist.dimensions[0].clone()
    }

    /// A result: `None` unanswered, `Some(None)` N/A, `Some(Some(s))` scored.
    fn result(state: Option<Option<f64>>) -> ItemScore {
        ItemScore {
            id: "i".into(),
            dimension: "d".into(),
            applicable: true,
            answered: state.is_some(),
            na: state == Some(None),
            score: state.flatten(),
            consensus: None,
            gate_failed: false,
            stale: false,
            disagreement: false,
            missing_evidence: false,
            at_worst: false,
        }
    }

    fn scored(weights: &[f64], states: &[Option<Option<f64>>]) -> DimensionScore {
        let results: Vec<ItemScore> = states.iter().copied().map(result).collect();
        score_dimension(&dimension(weights), &results, &Readiness::default())
    }

    #[test]
    fn dimension_score_is_the_weighted_mean_of_scored_items() {
        let got = scored(
            &[3.0, 1.0, 2.0, 5.0],
            &[Some(Some(1.0)), Some(Some(0.0)), Some(None), None],
        );
        assert_eq!(got.score, Some(75.0));
        assert_eq!(got.coverage, 6.0 / 11.0);
        assert_eq!(got.unanswered, 1);
    }

    #[test]
    fn dimension_with_nothing_scored_has_no_score_and_full_coverage_when_all_na() {
        let got = scored(&[1.0, 2.0], &[Some(None), Some(None)]);
        assert_eq!(
            (got.score, got.coverage, got.below_floor),
            (None, 1.0, false)
        );
    }

    #[test]
    fn zero_weight_items_have_no_score_but_count_as_unanswered() {
        let got = scored(&[0.0, 0.0], &[Some(Some(1.0)), None]);
        assert_eq!((got.score, got.coverage, got.unanswered), (None, 1.0, 1));
    }

    #[test]
    fn items_that_do_not_apply_count_for_nothing() {
        let mut off = result(None);
        off.applicable = false;
        let results = [result(Some(Some(0.5))), off];
        let got = score_dimension(&dimension(&[1.0, 4.0]), &results, &Readiness::default());
        assert_eq!(
            (got.score, got.coverage, got.unanswered),
            (Some(50.0), 1.0, 0)
        );
    }

    #[test]
    fn below_floor_compares_rounded_scores() {
        let floor = |s: f64| scored(&[1.0], &[Some(Some(s))]).below_floor;
        assert!(floor(0.49));
        assert!(!floor(0.5));
        // 100 × 0.49999999999999994 rounds to 50: not below.
        assert!(!floor(0.7 - 0.2));
    }
}
