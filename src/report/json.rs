//! The JSON report: weigh's stable, documented output for other tools (`weigh schema report`).
//!
//! These `Json*` types are the public format; internal structs never are. Scores are rounded to
//! 9 decimals; times are RFC 3339 UTC with whole seconds.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use super::view::{ActionView, AnswerView, ItemView, ReportView};
use crate::assessment::write::datetime;
use crate::assessment::{AnswerValue, Fact, FactValue, Scalar};
use crate::num::round9;
use crate::score::{Action, Verdict};

/// A readiness report for one candidate.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(title = "weigh report")]
pub struct JsonReport {
    /// The version of this format. Always 1.
    pub schema_version: u32,
    /// The model under assessment.
    pub candidate: JsonCandidate,
    /// The checklist it was scored against.
    pub checklist: JsonChecklist,
    /// The report time: RFC 3339, UTC, whole seconds.
    pub as_of: String,
    /// The verdict (SPEC §4).
    pub verdict: JsonVerdict,
    /// The overall result.
    pub overall: JsonOverall,
    /// The readiness policy applied.
    pub readiness: JsonReadiness,
    /// One entry per dimension, in checklist order.
    pub dimensions: Vec<JsonDimension>,
    /// One entry per item, in checklist order.
    pub items: Vec<JsonItem>,
    /// What stands between the candidate and READY, in order (every `improve` included).
    pub actions: Vec<JsonAction>,
    /// Answers that no longer fit the checklist (it changed since they were written): kept in
    /// the file as written, never scored.
    pub unfit_answers: Vec<JsonUnfit>,
}

/// An answer that no longer fits the checklist.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonUnfit {
    /// The item id, as written.
    pub item: String,
    /// The assessor.
    pub by: String,
    /// The value as written, as text (`N/A` for not applicable).
    pub value: String,
    /// When: RFC 3339, UTC.
    pub at: String,
}

/// The candidate.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonCandidate {
    /// Display name.
    pub name: String,
    /// Hub id, when known.
    pub model: Option<String>,
    /// Hub revision, when known.
    pub revision: Option<String>,
    /// Facts, as written in the assessment.
    pub facts: BTreeMap<String, serde_json::Value>,
}

/// The checklist.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonChecklist {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Version (semver).
    pub version: String,
    /// `sha256:` digest of the resolved checklist.
    pub digest: String,
    /// `builtin`, or the path it was loaded from.
    pub source: String,
}

/// The overall result.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonOverall {
    /// 0-100, or null when no dimension has a score.
    pub score: Option<f64>,
    /// Answered (including N/A) applicable scored weight ÷ applicable scored weight, 0-1.
    pub coverage: f64,
    /// Applicable scored items with no answer, whatever their weight.
    pub unanswered: usize,
}

/// The readiness policy.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonReadiness {
    /// Overall score needed for READY.
    pub ready: f64,
    /// Overall score needed for READY WITH CONDITIONS.
    pub conditional: f64,
    /// Dimension score READY needs everywhere.
    pub dimension_floor: f64,
    /// Spread of scores that is a disagreement.
    pub disagreement: f64,
}

/// One dimension.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonDimension {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Weight in the overall score.
    pub weight: f64,
    /// 0-100, or null when nothing scorable in it is answered.
    pub score: Option<f64>,
    /// 0-1.
    pub coverage: f64,
    /// Applicable scored items with no answer.
    pub unanswered: usize,
    /// The score is below `dimension_floor`.
    pub below_floor: bool,
}

/// One item.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonItem {
    /// Id.
    pub id: String,
    /// Its dimension's id.
    pub dimension: String,
    /// How the item is answered.
    pub kind: JsonKind,
    /// Weight within the dimension.
    pub weight: f64,
    /// Whether the item applies (its `when` holds).
    pub applicable: bool,
    /// Whether anyone answered it (a value or N/A).
    pub answered: bool,
    /// Whether it is not applicable (every answer N/A).
    pub na: bool,
    /// 0-1, or null when unanswered, N/A, `text` or not applicable.
    pub score: Option<f64>,
    /// The consensus value (for `text`, the newest), or null; a scale answer as its level's text.
    pub value: serde_json::Value,
    /// Scale answers: the consensus level's 0-based index (absent for other kinds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<usize>,
    /// A gate fails on this item (verdict rule 1).
    pub gate_failed: bool,
    /// The consensus answer is older than `max_age_days`.
    pub stale: bool,
    /// The assessors disagree.
    pub disagreement: bool,
    /// An answer lacks required evidence.
    pub missing_evidence: bool,
    /// The item scores 0 and the checklist lets that keep the verdict below READY (SPEC §4 rule
    /// 3), whatever the verdict.
    pub at_worst: bool,
    /// Every answer, by assessor.
    pub answers: Vec<JsonAnswer>,
}

/// One answer.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonAnswer {
    /// The assessor.
    pub by: String,
    /// The value (absent when N/A); a scale answer as its level's text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Value>,
    /// Scale answers: the level's 0-based index (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<usize>,
    /// True when the assessor marked the item not applicable (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub na: Option<bool>,
    /// When: RFC 3339, UTC.
    pub at: String,
    /// The note, or null.
    pub note: Option<String>,
    /// Evidence: URLs or paths relative to the assessment file.
    pub evidence: Vec<String>,
}

/// One action.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonAction {
    /// Which group the action belongs to; groups come in this order.
    pub kind: JsonActionKind,
    /// The item it is about, for item actions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The dimension it is about, for `below_floor`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dimension: Option<String>,
    /// For `improve`: weight × (1 − score), what raising the item to 1 is worth.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gain: Option<f64>,
    /// What to do, in a sentence.
    pub text: String,
}

/// The verdict (SPEC §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum JsonVerdict {
    /// Every threshold met, no gate failed, nothing unanswered, no condition.
    Ready,
    /// Overall at or above `conditional`; what stands in the way is in `actions`.
    ReadyWithConditions,
    /// A gate failed, or the overall score is below `conditional`.
    NotReady,
    /// An applicable scored item has no answer.
    Incomplete,
}

impl From<Verdict> for JsonVerdict {
    fn from(v: Verdict) -> Self {
        match v {
            Verdict::Ready => JsonVerdict::Ready,
            Verdict::ReadyWithConditions => JsonVerdict::ReadyWithConditions,
            Verdict::NotReady => JsonVerdict::NotReady,
            Verdict::Incomplete => JsonVerdict::Incomplete,
        }
    }
}

/// How an item is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum JsonKind {
    /// Yes (1) or no (0).
    YesNo,
    /// A level, worst to best.
    Scale,
    /// One option, which carries the score.
    Choice,
    /// A number in a unit, scored linearly from worst to best.
    Number,
    /// Free text, never scored.
    Text,
}

impl JsonKind {
    /// The kind of this name as `Kind::name` spells it.
    fn named(name: &str) -> Self {
        match name {
            "yes_no" => JsonKind::YesNo,
            "scale" => JsonKind::Scale,
            "choice" => JsonKind::Choice,
            "number" => JsonKind::Number,
            _ => JsonKind::Text,
        }
    }
}

/// The group of an action (SPEC §4), in the order groups are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum JsonActionKind {
    /// A gate fails on `item`.
    GateFailed,
    /// `item` applies, is scored and has no answer.
    Unanswered,
    /// `item`'s consensus answer is older than its `max_age_days`.
    Stale,
    /// An answer to `item` lacks the evidence it requires.
    MissingEvidence,
    /// `item` scores 0, which keeps the verdict below READY.
    AtWorst,
    /// The assessors disagree on `item`.
    Disagreement,
    /// `dimension` scores below `dimension_floor`.
    BelowFloor,
    /// Nothing scorable is answered.
    NoScore,
    /// Raising `item` would add `gain`.
    Improve,
}

impl From<&Action> for JsonActionKind {
    fn from(a: &Action) -> Self {
        match a {
            Action::GateFailed { .. } => JsonActionKind::GateFailed,
            Action::Unanswered { .. } => JsonActionKind::Unanswered,
            Action::Stale { .. } => JsonActionKind::Stale,
            Action::MissingEvidence { .. } => JsonActionKind::MissingEvidence,
            Action::AtWorst { .. } => JsonActionKind::AtWorst,
            Action::Disagreement { .. } => JsonActionKind::Disagreement,
            Action::BelowFloor { .. } => JsonActionKind::BelowFloor,
            Action::NoScore => JsonActionKind::NoScore,
            Action::Improve { .. } => JsonActionKind::Improve,
        }
    }
}

/// The JSON report of one view.
pub fn report(view: &ReportView) -> JsonReport {
    JsonReport {
        schema_version: 1,
        candidate: JsonCandidate {
            name: view.candidate.name.clone(),
            model: view.candidate.model.clone(),
            revision: view.candidate.revision.clone(),
            facts: view
                .candidate
                .raw_facts
                .iter()
                .map(|(k, v)| (k.clone(), fact(v)))
                .collect(),
        },
        checklist: JsonChecklist {
            id: view.checklist.id.clone(),
            title: view.checklist.title.clone(),
            version: view.checklist.version.clone(),
            digest: view.checklist.digest.clone(),
            source: view.checklist.source.clone(),
        },
        as_of: datetime(view.as_of),
        verdict: view.verdict.into(),
        overall: JsonOverall {
            score: view.overall.map(round9),
            coverage: round9(view.coverage),
            unanswered: view.unanswered,
        },
        readiness: JsonReadiness {
            ready: view.readiness.ready,
            conditional: view.readiness.conditional,
            dimension_floor: view.readiness.dimension_floor,
            disagreement: view.readiness.disagreement,
        },
        dimensions: view
            .dimensions
            .iter()
            .map(|d| JsonDimension {
                id: d.id.clone(),
                title: d.title.clone(),
                weight: d.weight,
                score: d.score.map(round9),
                coverage: round9(d.coverage),
                unanswered: d.unanswered,
                below_floor: d.below_floor,
            })
            .collect(),
        items: view.items.iter().map(item).collect(),
        actions: view.actions.iter().map(action).collect(),
        unfit_answers: view
            .unfit
            .iter()
            .map(|u| JsonUnfit {
                item: u.item.clone(),
                by: u.by.clone(),
                value: u.value.clone(),
                at: datetime(u.at),
            })
            .collect(),
    }
}

/// Renders one report as pretty JSON.
pub fn render(view: &ReportView) -> String {
    crate::jsonout::pretty(&report(view))
}

fn item(i: &ItemView) -> JsonItem {
    JsonItem {
        id: i.id.clone(),
        dimension: i.dimension.clone(),
        kind: JsonKind::named(i.kind),
        weight: i.weight,
        applicable: i.applicable,
        answered: i.answered,
        na: i.na,
        score: i.score.map(round9),
        value: i.value.as_ref().map_or(serde_json::Value::Null, value),
        level: i.level,
        gate_failed: i.gate_failed,
        stale: i.stale,
        disagreement: i.disagreement,
        missing_evidence: i.missing_evidence,
        at_worst: i.at_worst,
        answers: i.answers.iter().map(answer).collect(),
    }
}

/// One answer as the JSON report gives it.
pub fn answer(a: &AnswerView) -> JsonAnswer {
    let na = a.value.is_na();
    JsonAnswer {
        by: a.by.clone(),
        value: (!na).then(|| value(&a.value)),
        level: a.level,
        na: na.then_some(true),
        at: datetime(a.at),
        note: a.note.clone(),
        evidence: a.evidence.clone(),
    }
}

fn value(v: &AnswerValue) -> serde_json::Value {
    match v {
        AnswerValue::Na => serde_json::Value::Null,
        AnswerValue::Bool(b) => (*b).into(),
        AnswerValue::Int(i) => (*i).into(),
        AnswerValue::Float(f) => (*f).into(),
        AnswerValue::Text(t) => t.clone().into(),
    }
}

/// A fact as written in the assessment: a bare value, or `{ value, source, as_of }`.
fn fact(f: &Fact) -> serde_json::Value {
    let value = match &f.value {
        FactValue::Scalar(s) => scalar(s),
        FactValue::List(items) => items.iter().map(scalar).collect(),
    };
    if f.source.is_none() && f.as_of.is_none() {
        return value;
    }
    serde_json::json!({
        "value": value,
        "source": f.source,
        "as_of": f.as_of.map(datetime),
    })
}

fn scalar(s: &Scalar) -> serde_json::Value {
    match s {
        Scalar::Bool(b) => (*b).into(),
        Scalar::Int(i) => (*i).into(),
        Scalar::Float(f) => (*f).into(),
        Scalar::Text(t) | Scalar::Datetime(t) => t.clone().into(),
    }
}

fn action(a: &ActionView) -> JsonAction {
    let (item, dimension, gain) = match &a.action {
        Action::GateFailed { item }
        | Action::Unanswered { item }
        | Action::Stale { item }
        | Action::MissingEvidence { item }
        | Action::AtWorst { item }
        | Action::Disagreement { item } => (Some(item.clone()), None, None),
        Action::BelowFloor { dimension } => (None, Some(dimension.clone()), None),
        Action::NoScore => (None, None, None),
        Action::Improve { item, gain } => (Some(item.clone()), None, Some(round9(*gain))),
    };
    JsonAction {
        kind: (&a.action).into(),
        item,
        dimension,
        gain,
        text: a.text.clone(),
    }
}
