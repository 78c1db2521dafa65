//! The verdict (SPEC §4): the first of five rules that holds.

use crate::checklist::Readiness;
use crate::num::round9;

use super::{DimensionScore, ItemScore, Verdict};

/// Decides the verdict from the item and dimension results and the overall score.
pub fn decide(
    readiness: &Readiness,
    items: &[ItemScore],
    dimensions: &[DimensionScore],
    overall: Option<f64>,
) -> Verdict {
    if items.iter().any(|i| i.gate_failed) {
        Verdict::NotReady
    } else if dimensions.iter().any(|d| d.unanswered > 0) {
        Verdict::Incomplete
    } else if meets(overall, readiness.ready) && no_blocker(items, dimensions) {
        Verdict::Ready
    } else if meets(overall, readiness.conditional) {
        Verdict::ReadyWithConditions
    } else {
        Verdict::NotReady
    }
}

/// `score ≥ threshold` on values rounded to 9 decimals; a null score meets no threshold.
fn meets(score: Option<f64>, threshold: f64) -> bool {
    score.is_some_and(|s| round9(s) >= round9(threshold))
}

/// Rule 3's conditions: every non-null dimension at or above the floor, and no item stale,
/// missing required evidence or at its worst.
fn no_blocker(items: &[ItemScore], dimensions: &[DimensionScore]) -> bool {
    !dimensions.iter().any(|d| d.below_floor) && !items.iter().any(is_condition)
}

/// Whether an item's result withholds READY (SPEC §4 rule 3).
pub fn is_condition(item: &ItemScore) -> bool {
    item.stale || item.missing_evidence || item.at_worst
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(gate_failed: bool, stale: bool) -> ItemScore {
        ItemScore {
            id: "i".into(),
            dimension: "d".into(),
            applicable: true,
            answered: true,
            na: false,
            score: Some(1.0),
            consensus: Some(0),
            gate_failed,
            stale,
            disagreement: false,
            missing_evidence: false,
            at_worst: false,
        }
    }

    fn dimension(unanswered: usize, below_floor: bool) -> DimensionScore {
        DimensionScore {
            id: "d".into(),
            score: Some(if below_floor { 10.0 } else { 90.0 }),
            coverage: 1.0,
            unanswered,
            below_floor,
        }
    }

    #[test]
    fn the_first_rule_that_holds_decides() {
        use Verdict::*;
        let ok = item(false, false);
        let cases = [
            // (gate failed, stale, unanswered, below floor, overall, verdict)
            (true, false, 1, false, Some(100.0), NotReady),
            (false, false, 1, false, Some(100.0), Incomplete),
            (false, false, 0, false, Some(80.0), Ready),
            (false, true, 0, false, Some(95.0), ReadyWithConditions),
            (false, false, 0, true, Some(95.0), ReadyWithConditions),
            (
                false,
                false,
                0,
                false,
                Some(79.999_999_9),
                ReadyWithConditions,
            ),
            (false, false, 0, false, Some(60.0), ReadyWithConditions),
            (false, false, 0, false, Some(59.99), NotReady),
            (false, false, 0, false, None, NotReady),
            (false, true, 0, true, Some(40.0), NotReady),
        ];
        for (gate, stale, unanswered, below, overall, want) in cases {
            let items = [ok.clone(), item(gate, stale)];
            let dims = [dimension(unanswered, below)];
            let got = decide(&Readiness::default(), &items, &dims, overall);
            assert_eq!(
                got, want,
                "gate={gate} stale={stale} unanswered={unanswered} below={below} {overall:?}"
            );
        }
    }

    #[test]
    fn each_condition_alone_withholds_ready_but_not_conditions() {
        let conditions: [fn(&mut ItemScore); 3] = [
            |i| i.stale = true,
            |i| i.missing_evidence = true,
            |i| i.at_worst = true,
        ];
        for (n, set) in conditions.into_iter().enumerate() {
            let mut flagged = item(false, false);
            set(&mut flagged);
            let items = [item(false, false), flagged];
            let dims = [dimension(0, false)];
            let got = decide(&Readiness::default(), &items, &dims, Some(99.0));
            assert_eq!(got, Verdict::ReadyWithConditions, "condition {n}");
            let got = decide(&Readiness::default(), &items, &dims, Some(50.0));
            assert_eq!(got, Verdict::NotReady, "condition {n} below conditional");
        }
    }

    #[test]
    fn thresholds_compare_rounded_to_nine_decimals() {
        let items = [item(false, false)];
        let dims = [dimension(0, false)];
        let ready = |overall| decide(&Readiness::default(), &items, &dims, Some(overall));
        assert_eq!(ready(79.999_999_999_9), Verdict::Ready);
        assert_eq!(ready(79.999_999_99), Verdict::ReadyWithConditions);
    }
}
