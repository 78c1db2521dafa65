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
use crate::score::Action;

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
    /// `ready`, `ready_with_conditions`, `not_ready` or `incomplete`.
    pub verdict: String,
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
    /// `yes_no`, `scale`, `choice`, `number` or `text`.
    pub kind: String,
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
    /// The consensus value (for `text`, the newest), or null.
    pub value: serde_json::Value,
    /// A gate fails on this item (verdict rule 1).
    pub gate_failed: bool,
    /// The consensus answer is older than `max_age_days`.
    pub stale: bool,
    /// The assessors disagree.
    pub disagreement: bool,
    /// An answer lacks required evidence.
    pub missing_evidence: bool,
    /// Every answer, by assessor.
    pub answers: Vec<JsonAnswer>,
}

/// One answer.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonAnswer {
    /// The assessor.
    pub by: String,
    /// The value (absent when N/A).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Value>,
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
    /// `gate_failed`, `unanswered`, `stale`, `missing_evidence`, `disagreement`, `below_floor`,
    /// `no_score` or `improve`.
    pub kind: String,
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
        verdict: view.verdict.key().into(),
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
        kind: i.kind.into(),
        weight: i.weight,
        applicable: i.applicable,
        answered: i.answered,
        na: i.na,
        score: i.score.map(round9),
        value: i.value.as_ref().map_or(serde_json::Value::Null, value),
        gate_failed: i.gate_failed,
        stale: i.stale,
        disagreement: i.disagreement,
        missing_evidence: i.missing_evidence,
        answers: i.answers.iter().map(answer).collect(),
    }
}

fn answer(a: &AnswerView) -> JsonAnswer {
    let na = a.value.is_na();
    JsonAnswer {
        by: a.by.clone(),
        value: (!na).then(|| value(&a.value)),
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
        | Action::Disagreement { item } => (Some(item.clone()), None, None),
        Action::BelowFloor { dimension } => (None, Some(dimension.clone()), None),
        Action::NoScore => (None, None, None),
        Action::Improve { item, gain } => (Some(item.clone()), None, Some(round9(*gain))),
    };
    JsonAction {
        kind: a.action.kind().into(),
        item,
        dimension,
        gain,
        text: a.text.clone(),
    }
}
