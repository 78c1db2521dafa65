//! Why a verdict is not READY, in one line (issue: "2 conditions: …"): the rule of SPEC §4 that
//! decided it, with the items or dimensions behind it. Reports print it under the verdict.

use super::view::{DimensionView, ItemView};
use crate::checklist::Readiness;
use crate::num::{one_decimal, round9};
use crate::score::{Scorecard, Verdict};
use crate::show::number;

/// How many ids a reason names before it says "and N more".
const NAMED: usize = 4;

/// The reason the verdict is not READY; `None` for READY.
pub fn explain(
    card: &Scorecard,
    readiness: &Readiness,
    items: &[ItemView],
    dimensions: &[DimensionView],
) -> Option<String> {
    let ids = |pick: fn(&ItemView) -> bool| -> Vec<String> {
        items
            .iter()
            .filter(|i| i.applicable && pick(i))
            .map(|i| i.id.clone())
            .collect()
    };
    match card.verdict {
        Verdict::Ready => None,
        Verdict::NotReady if card.items.iter().any(|i| i.gate_failed) => Some(counted(
            "gate failed",
            "gates failed",
            &ids(|i| i.gate_failed),
        )),
        Verdict::Incomplete => Some(counted(
            "item unanswered",
            "items unanswered",
            &ids(|i| !i.answered && i.kind != "text"),
        )),
        Verdict::NotReady | Verdict::ReadyWithConditions => {
            Some(by_score(card.overall, readiness, items, dimensions))
        }
    }
}

/// Rules 3 to 5: the overall score against the thresholds, then the conditions.
fn by_score(
    overall: Option<f64>,
    readiness: &Readiness,
    items: &[ItemView],
    dimensions: &[DimensionView],
) -> String {
    let Some(score) = overall else {
        return "no score: nothing scorable is answered".into();
    };
    let mut parts = Vec::new();
    if round9(score) < round9(readiness.conditional) {
        parts.push(format!(
            "overall {} is below {} (READY WITH CONDITIONS)",
            one_decimal(score),
            number(readiness.conditional)
        ));
    } else if round9(score) < round9(readiness.ready) {
        parts.push(format!(
            "overall {} is below {} (READY)",
            one_decimal(score),
            number(readiness.ready)
        ));
    }
    let conditions = conditions(items, dimensions, readiness);
    if !conditions.is_empty() {
        parts.push(counted("condition", "conditions", &conditions));
    }
    parts.join("; ")
}

/// What rule 3 withholds READY for, in checklist order: items at their worst, stale or missing
/// evidence, then dimensions below the floor.
fn conditions(items: &[ItemView], dimensions: &[DimensionView], r: &Readiness) -> Vec<String> {
    let mut out = Vec::new();
    for i in items.iter().filter(|i| i.applicable) {
        let mut why = Vec::new();
        if i.at_worst {
            why.push("at its worst");
        }
        if i.stale {
            why.push("stale");
        }
        if i.missing_evidence {
            why.push("missing evidence");
        }
        if !why.is_empty() {
            out.push(format!("{} {}", i.id, why.join(", ")));
        }
    }
    for d in dimensions.iter().filter(|d| d.below_floor) {
        let score = d.score.map_or("-".into(), one_decimal);
        out.push(format!(
            "{} {score} below the floor of {}",
            d.id,
            number(r.dimension_floor)
        ));
    }
    out
}

/// "2 conditions: a, b" with at most [`NAMED`] named, then "and N more".
fn counted(one: &str, many: &str, names: &[String]) -> String {
    let what = if names.len() == 1 { one } else { many };
    let mut shown: Vec<&str> = names.iter().take(NAMED).map(String::as_str).collect();
    let more = names.len().saturating_sub(NAMED);
    let tail = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    if shown.is_empty() {
        shown.push("-");
    }
    format!("{} {what}: {}{tail}", names.len(), shown.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_names_a_few_then_says_how_many_more() {
        let names: Vec<String> = (1..=6).map(|i| format!("i{i}")).collect();
        assert_eq!(
            counted("item", "items", &names),
            "6 items: i1; i2; i3; i4 and 2 more"
        );
        assert_eq!(counted("item", "items", &names[..1]), "1 item: i1");
    }
}
