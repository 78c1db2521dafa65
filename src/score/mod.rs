//! Scoring (SPEC §4): a pure function from a checklist, an assessment and a report time to a
//! [`Scorecard`]. No I/O, no clock: the report time is a parameter.
//!
//! The steps, one module each: which items apply ([`applicability`]), where each answer sits
//! on its item's axis ([`value`]), the consensus and disagreement among assessors
//! ([`consensus`]), each item's result ([`item`], [`gate`]), dimension and overall scores
//! ([`aggregate`]), the verdict ([`verdict`]) and the actions ([`actions`]).

pub mod actions;
pub mod aggregate;
pub mod applicability;
pub mod consensus;
pub mod gate;
pub mod item;
pub mod value;
pub mod verdict;

#[cfg(test)]
pub(crate) mod testkit;
#[cfg(test)]
mod tests;

use crate::idmap::IdMap;

use jiff::Timestamp;

use crate::assessment::{Answer, Assessment};
use crate::checklist::Checklist;

/// The verdict, first rule that holds (SPEC §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Overall ≥ ready, every non-null dimension ≥ floor, no gate failed, nothing unanswered,
    /// and no condition: nothing stale, no required evidence missing, no item at its worst.
    Ready,
    /// Overall ≥ conditional (and, at or above ready, only conditions stand in the way).
    ReadyWithConditions,
    /// A gate failed, or the score is too low.
    NotReady,
    /// An applicable scored item has no answer.
    Incomplete,
}

impl Verdict {
    /// The JSON spelling: `ready`, `ready_with_conditions`, `not_ready`, `incomplete`.
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Ready => "ready",
            Verdict::ReadyWithConditions => "ready_with_conditions",
            Verdict::NotReady => "not_ready",
            Verdict::Incomplete => "incomplete",
        }
    }

    /// The display spelling: `READY`, `READY WITH CONDITIONS`, `NOT READY`, `INCOMPLETE`.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Ready => "READY",
            Verdict::ReadyWithConditions => "READY WITH CONDITIONS",
            Verdict::NotReady => "NOT READY",
            Verdict::Incomplete => "INCOMPLETE",
        }
    }
}

/// What scoring an assessment yields.
#[derive(Debug, Clone, PartialEq)]
pub struct Scorecard {
    /// The report time the scorecard was computed for.
    pub as_of: Timestamp,
    /// The verdict.
    pub verdict: Verdict,
    /// Overall score 0-100 (unrounded), or `None` when no dimension has a score.
    pub overall: Option<f64>,
    /// Answered (incl. N/A) applicable scored weight ÷ applicable scored weight, over items; 1 when none.
    pub coverage: f64,
    /// Applicable scored items with no answer (any weight).
    pub unanswered: usize,
    /// One per dimension, in checklist order.
    pub dimensions: Vec<DimensionScore>,
    /// One per item, in checklist order (every item, applicable or not, text included).
    pub items: Vec<ItemScore>,
    /// What stands between the candidate and READY, in SPEC §4 order (all `improve` actions).
    pub actions: Vec<Action>,
}

/// One dimension's result.
#[derive(Debug, Clone, PartialEq)]
pub struct DimensionScore {
    /// The dimension's id.
    pub id: String,
    /// Score 0-100 (unrounded), or `None` when its answered weight sums to zero.
    pub score: Option<f64>,
    /// Coverage 0-1 within the dimension.
    pub coverage: f64,
    /// Applicable scored items in this dimension with no answer.
    pub unanswered: usize,
    /// Whether a non-null score is below `dimension_floor` (rounded to 9 decimals).
    pub below_floor: bool,
}

/// One item's result.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemScore {
    /// The item's id.
    pub id: String,
    /// The dimension's id.
    pub dimension: String,
    /// Whether the item applies (its `when` holds, transitively).
    pub applicable: bool,
    /// Whether anyone answered it (a value or N/A). Describes the answers even when the item
    /// does not apply (they are then ignored for everything else).
    pub answered: bool,
    /// Whether it is N/A (answered, and every answer is N/A); like `answered`, set even when
    /// the item does not apply.
    pub na: bool,
    /// The consensus score 0-1, or `None` when unanswered, N/A, `text` or not applicable.
    pub score: Option<f64>,
    /// Index into `Assessment::answers` of the consensus answer, when there is one
    /// (for `text`: the newest value answer). Set even when the item does not apply, so reports
    /// can show the ignored answer; `score` and the flags below are then unset.
    pub consensus: Option<usize>,
    /// Rule 1 fires for this item.
    pub gate_failed: bool,
    /// The consensus answer is older than `max_age_days`.
    pub stale: bool,
    /// Value answers' scores spread by `disagreement` or more, or N/A mixed with values (for
    /// `text` items only the latter).
    pub disagreement: bool,
    /// A value answer to an applicable `evidence = "required"` item has no evidence.
    pub missing_evidence: bool,
    /// SPEC §4 rule 3: the checklist lets an item at its worst block READY, and this applicable,
    /// answered, non-N/A scored item of weight > 0 scores 0 (rounded to 9 decimals), whether or
    /// not it also fails a gate.
    pub at_worst: bool,
}

/// One thing to do on the way to READY.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A gate fails.
    GateFailed {
        /// Item id.
        item: String,
    },
    /// An applicable scored item has no answer.
    Unanswered {
        /// Item id.
        item: String,
    },
    /// The consensus answer is stale.
    Stale {
        /// Item id.
        item: String,
    },
    /// An answer lacks required evidence.
    MissingEvidence {
        /// Item id.
        item: String,
    },
    /// An item scores 0 and so keeps the verdict below READY (not repeated for failed gates).
    AtWorst {
        /// Item id.
        item: String,
    },
    /// The assessors disagree.
    Disagreement {
        /// Item id.
        item: String,
    },
    /// A dimension is below the floor.
    BelowFloor {
        /// Dimension id.
        dimension: String,
    },
    /// Nothing scorable is answered.
    NoScore,
    /// An answered item scoring below 1; `gain` = weight × (1 − score).
    Improve {
        /// Item id.
        item: String,
        /// What improving it to 1 would add, in item-weight units.
        gain: f64,
    },
}

impl Action {
    /// The JSON `kind`: `gate_failed`, `unanswered`, `stale`, `missing_evidence`, `at_worst`,
    /// `disagreement`, `below_floor`, `no_score`, `improve`.
    pub fn kind(&self) -> &'static str {
        match self {
            Action::GateFailed { .. } => "gate_failed",
            Action::Unanswered { .. } => "unanswered",
            Action::Stale { .. } => "stale",
            Action::MissingEvidence { .. } => "missing_evidence",
            Action::AtWorst { .. } => "at_worst",
            Action::Disagreement { .. } => "disagreement",
            Action::BelowFloor { .. } => "below_floor",
            Action::NoScore => "no_score",
            Action::Improve { .. } => "improve",
        }
    }
}

/// Every answer to each item, with its index in `Assessment::answers`, in file order.
type AnswersByItem<'a> = IdMap<&'a str, Vec<(usize, &'a Answer)>>;

/// Scores an assessment against a checklist at a report time. Answers in `assessment.unfit`
/// are ignored; every answer in `assessment.answers` fits the checklist (one that does not fit
/// its item's kind is ignored too, rather than trusted).
pub fn score(checklist: &Checklist, assessment: &Assessment, as_of: Timestamp) -> Scorecard {
    let items = score_items(checklist, &group_answers(&assessment.answers), as_of);
    let dimensions = score_dimensions(checklist, &items);
    let overall = aggregate::overall(checklist, &dimensions);
    let pairs: Vec<actions::Pair> = checklist.items().zip(&items).collect();
    let totals = aggregate::tally(pairs.iter().copied());
    Scorecard {
        as_of,
        verdict: verdict::decide(&checklist.readiness, &items, &dimensions, overall),
        overall,
        coverage: totals.coverage(),
        unanswered: totals.unanswered,
        actions: actions::list(&pairs, &dimensions, overall),
        dimensions,
        items,
    }
}

fn group_answers(answers: &[Answer]) -> AnswersByItem<'_> {
    let mut by_item: AnswersByItem = crate::idmap::with_capacity(answers.len());
    for (index, answer) in answers.iter().enumerate() {
        by_item
            .entry(answer.item.as_str())
            .or_default()
            .push((index, answer));
    }
    by_item
}

/// Every item's result, in checklist order.
fn score_items(checklist: &Checklist, answers: &AnswersByItem, as_of: Timestamp) -> Vec<ItemScore> {
    let applies = applicability::applicability(checklist, answers);
    let context = item::Context {
        readiness: &checklist.readiness,
        as_of,
    };
    let items = checklist
        .dimensions
        .iter()
        .flat_map(|d| d.items.iter().map(move |i| (d, i)));
    items
        .zip(applies)
        .map(|((dimension, it), applies)| {
            let answers = answers.get(it.id.as_str()).map_or(&[][..], Vec::as_slice);
            item::score_item(it, &dimension.id, applies, answers, context)
        })
        .collect()
}

/// Every dimension's result, in checklist order; `items` are all item results in checklist order.
fn score_dimensions(checklist: &Checklist, items: &[ItemScore]) -> Vec<DimensionScore> {
    let mut rest = items;
    let mut dimensions = Vec::with_capacity(checklist.dimensions.len());
    for dimension in &checklist.dimensions {
        let (own, next) = rest.split_at(dimension.items.len().min(rest.len()));
        dimensions.push(aggregate::score_dimension(
            dimension,
            own,
            &checklist.readiness,
        ));
        rest = next;
    }
    dimensions
}
