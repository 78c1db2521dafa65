//! Scoring (SPEC §4): a pure function from a checklist, an assessment and a report time to a
//! [`Scorecard`]. No I/O, no clock: the report time is a parameter.

use jiff::Timestamp;

use crate::assessment::Assessment;
use crate::checklist::Checklist;

/// The verdict, first rule that holds (SPEC §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Overall ≥ ready, every non-null dimension ≥ floor, nothing stale, no gate failed, nothing unanswered.
    Ready,
    /// Overall ≥ conditional.
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
    /// Whether anyone answered it (a value or N/A).
    pub answered: bool,
    /// Whether it is N/A (every answer is N/A).
    pub na: bool,
    /// The consensus score 0-1, or `None` when unanswered, N/A, `text` or not applicable.
    pub score: Option<f64>,
    /// Index into `Assessment::answers` of the consensus answer, when there is one
    /// (for `text`: the newest value answer).
    pub consensus: Option<usize>,
    /// Rule 1 fires for this item.
    pub gate_failed: bool,
    /// The consensus answer is older than `max_age_days`.
    pub stale: bool,
    /// Value answers' scores spread by `disagreement` or more, or N/A mixed with values.
    pub disagreement: bool,
    /// An answer to an `evidence = "required"` item has no evidence.
    pub missing_evidence: bool,
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
    /// The JSON `kind`: `gate_failed`, `unanswered`, `stale`, `missing_evidence`, `disagreement`,
    /// `below_floor`, `no_score`, `improve`.
    pub fn kind(&self) -> &'static str {
        match self {
            Action::GateFailed { .. } => "gate_failed",
            Action::Unanswered { .. } => "unanswered",
            Action::Stale { .. } => "stale",
            Action::MissingEvidence { .. } => "missing_evidence",
            Action::Disagreement { .. } => "disagreement",
            Action::BelowFloor { .. } => "below_floor",
            Action::NoScore => "no_score",
            Action::Improve { .. } => "improve",
        }
    }
}

/// Scores an assessment against a checklist at a report time. Answers in `assessment.unfit`
/// are ignored; every answer in `assessment.answers` fits the checklist.
pub fn score(_checklist: &Checklist, _assessment: &Assessment, _as_of: Timestamp) -> Scorecard {
    todo!("implemented by the scoring engine")
}
