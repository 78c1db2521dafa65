//! Actions (SPEC §4): what stands between the candidate and READY, in groups in a fixed order,
//! each group in checklist order, then `improve` by gain. The list does not depend on the
//! verdict.

use std::collections::HashSet;

use crate::checklist::Item;
use crate::num::round9;

use super::{Action, DimensionScore, ItemScore};

/// An item paired with its result, in checklist order.
pub type Pair<'a> = (&'a Item, &'a ItemScore);

/// Every action, in SPEC §4 order.
pub fn list(pairs: &[Pair], dimensions: &[DimensionScore], overall: Option<f64>) -> Vec<Action> {
    let mut actions = item_groups(pairs);
    actions.extend(
        dimensions
            .iter()
            .filter(|d| d.below_floor)
            .map(|d| Action::BelowFloor {
                dimension: d.id.clone(),
            }),
    );
    // "Nothing scorable answered" is read as "no overall score": that also covers scores only
    // in dimensions of weight 0, which leave the overall null just the same.
    if overall.is_none() {
        actions.push(Action::NoScore);
    }
    let listed: HashSet<&str> = actions.iter().filter_map(item_of).collect();
    actions.extend(improve(pairs, &listed));
    actions
}

/// The per-item groups before `below_floor`, each in checklist order.
fn item_groups(pairs: &[Pair]) -> Vec<Action> {
    type Group = (fn(&Item, &ItemScore) -> bool, fn(String) -> Action);
    let groups: [Group; 6] = [
        (|_, r| r.gate_failed, |item| Action::GateFailed { item }),
        (
            |i, r| r.applicable && i.is_scored() && !r.answered,
            |item| Action::Unanswered { item },
        ),
        (|_, r| r.stale, |item| Action::Stale { item }),
        (
            |_, r| r.missing_evidence,
            |item| Action::MissingEvidence { item },
        ),
        // A failed gate already says the item must change; it is not listed twice.
        (
            |_, r| r.at_worst && !r.gate_failed,
            |item| Action::AtWorst { item },
        ),
        (|_, r| r.disagreement, |item| Action::Disagreement { item }),
    ];
    let in_group = |(holds, make): Group| {
        pairs
            .iter()
            .filter(move |(i, r)| holds(i, r))
            .map(move |(_, r)| make(r.id.clone()))
    };
    groups.into_iter().flat_map(in_group).collect()
}

fn item_of(action: &Action) -> Option<&str> {
    match action {
        Action::GateFailed { item }
        | Action::Unanswered { item }
        | Action::Stale { item }
        | Action::MissingEvidence { item }
        | Action::AtWorst { item }
        | Action::Disagreement { item }
        | Action::Improve { item, .. } => Some(item),
        Action::BelowFloor { .. } | Action::NoScore => None,
    }
}

/// Every other scored item below 1 (an item already listed in an earlier group is not repeated),
/// by gain = weight × (1 − score) descending, ties in checklist order. Scores and gains compare
/// rounded to 9 decimals, so a score shown as 1 is not "improvable" and gains equal to 9
/// decimals tie, keeping checklist order (the sort is stable).
fn improve(pairs: &[Pair], listed: &HashSet<&str>) -> Vec<Action> {
    let mut gains: Vec<(String, f64)> = pairs
        .iter()
        .filter(|(_, r)| !listed.contains(r.id.as_str()))
        .filter_map(|(item, r)| Some((r.id.clone(), gain(item, r.score?)?)))
        .collect();
    gains.sort_by(|(_, a), (_, b)| round9(*b).total_cmp(&round9(*a)));
    gains
        .into_iter()
        .map(|(item, gain)| Action::Improve { item, gain })
        .collect()
}

/// weight × (1 − score) when the score is below 1.
fn gain(item: &Item, score: f64) -> Option<f64> {
    (round9(score) < 1.0).then_some(item.weight * (1.0 - score))
}
