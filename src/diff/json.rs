//! The JSON diff (`weigh diff --format json`): stable output for other tools, described by
//! `weigh schema diff`. Answers appear as in the JSON report; scores are rounded to 9 decimals.

use schemars::JsonSchema;
use serde::Serialize;

use super::{AnswerChange, ChangeSet, DimensionChange, FieldChange, ItemChange, Side};
use crate::num::round9;
use crate::report::json::{JsonAnswer, JsonVerdict, answer};
use crate::report::view::ItemView;

/// What changed between two versions of an assessment.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(title = "weigh diff")]
pub struct JsonDiff {
    /// The version of this format. Always 1.
    pub schema_version: u32,
    /// The older version, as a whole.
    pub old: JsonSide,
    /// The newer version, as a whole.
    pub new: JsonSide,
    /// Header fields that differ.
    pub header: Vec<JsonFieldChange>,
    /// Every dimension of either version, with its score in each.
    pub dimensions: Vec<JsonDimensionChange>,
    /// The items whose answers or result changed.
    pub items: Vec<JsonItemChange>,
}

/// One version, as a whole.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonSide {
    /// Where it was read from: a path, or `REV:PATH` for a version in git.
    pub source: String,
    /// The candidate's name.
    pub candidate: String,
    /// The checklist's id.
    pub checklist: String,
    /// The checklist's version.
    pub checklist_version: String,
    /// The verdict.
    pub verdict: JsonVerdict,
    /// Overall score 0-100, or null.
    pub score: Option<f64>,
    /// Coverage 0-1.
    pub coverage: f64,
    /// Applicable scored items with no answer.
    pub unanswered: usize,
}

/// A header field that differs.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonFieldChange {
    /// `candidate.name`, `candidate.model`, `candidate.revision`, `checklist.id` or
    /// `checklist.version`.
    pub field: String,
    /// The old value, or null.
    pub old: Option<String>,
    /// The new value, or null.
    pub new: Option<String>,
}

/// One dimension in both versions.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonDimensionChange {
    /// The dimension's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Whether the old version's checklist has the dimension.
    pub in_old: bool,
    /// Whether the new version's checklist has the dimension.
    pub in_new: bool,
    /// The old score 0-100, or null.
    pub old: Option<f64>,
    /// The new score 0-100, or null.
    pub new: Option<f64>,
}

/// One item whose answers or result changed.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonItemChange {
    /// The item's id.
    pub id: String,
    /// Its result in the old version, or null when that checklist lacks it.
    pub old: Option<JsonItemResult>,
    /// Its result in the new version, or null when that checklist lacks it.
    pub new: Option<JsonItemResult>,
    /// Each assessor's change, by assessor.
    pub answers: Vec<JsonAnswerChange>,
}

/// An item's result in one version.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonItemResult {
    /// Whether the item applies.
    pub applicable: bool,
    /// Whether every answer is not applicable.
    pub na: bool,
    /// The consensus value as text, or null.
    pub value: Option<String>,
    /// 0-1, or null.
    pub score: Option<f64>,
}

/// One assessor's change to one item.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonAnswerChange {
    /// The assessor.
    pub by: String,
    /// What happened to the answer.
    pub change: JsonChangeKind,
    /// For `changed`: which fields differ (`value`, `note`, `evidence`, `at`).
    pub fields: Vec<String>,
    /// The old answer, or null when added.
    pub old: Option<JsonAnswer>,
    /// The new answer, or null when removed.
    pub new: Option<JsonAnswer>,
}

/// What happened to an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum JsonChangeKind {
    /// Only the new version has it.
    Added,
    /// Only the old version has it.
    Removed,
    /// Both have it and it differs.
    Changed,
}

/// The JSON of a change set.
pub fn diff(c: &ChangeSet) -> JsonDiff {
    JsonDiff {
        schema_version: 1,
        old: side(&c.old),
        new: side(&c.new),
        header: c.header.iter().map(field).collect(),
        dimensions: c.dimensions.iter().map(dimension).collect(),
        items: c.items.iter().map(item).collect(),
    }
}

/// Renders the change set as pretty JSON.
pub fn render(c: &ChangeSet) -> String {
    crate::jsonout::pretty(&diff(c))
}

fn side(s: &Side) -> JsonSide {
    JsonSide {
        source: s.source.clone(),
        candidate: s.candidate.clone(),
        checklist: s.checklist.clone(),
        checklist_version: s.version.clone(),
        verdict: s.verdict.into(),
        score: s.overall.map(round9),
        coverage: round9(s.coverage),
        unanswered: s.unanswered,
    }
}

fn field(f: &FieldChange) -> JsonFieldChange {
    JsonFieldChange {
        field: f.field.to_string(),
        old: f.old.clone(),
        new: f.new.clone(),
    }
}

fn dimension(d: &DimensionChange) -> JsonDimensionChange {
    JsonDimensionChange {
        id: d.id.clone(),
        title: d.title.clone(),
        in_old: d.old.is_some(),
        in_new: d.new.is_some(),
        old: d.old.flatten().map(round9),
        new: d.new.flatten().map(round9),
    }
}

fn item(i: &ItemChange) -> JsonItemChange {
    JsonItemChange {
        id: i.id.clone(),
        old: i.old.as_ref().map(result),
        new: i.new.as_ref().map(result),
        answers: i.answers.iter().map(answer_change).collect(),
    }
}

fn result(i: &ItemView) -> JsonItemResult {
    JsonItemResult {
        applicable: i.applicable,
        na: i.na,
        value: i.value_text.clone(),
        score: i.score.map(round9),
    }
}

fn answer_change(a: &AnswerChange) -> JsonAnswerChange {
    let (change, fields, old, new) = match a {
        AnswerChange::Added(n) => (JsonChangeKind::Added, Vec::new(), None, Some(answer(n))),
        AnswerChange::Removed(o) => (JsonChangeKind::Removed, Vec::new(), Some(answer(o)), None),
        AnswerChange::Changed { old, new, fields } => (
            JsonChangeKind::Changed,
            fields.iter().map(|f| f.key().to_string()).collect(),
            Some(answer(old)),
            Some(answer(new)),
        ),
    };
    JsonAnswerChange {
        by: a.by().to_string(),
        change,
        fields,
        old,
        new,
    }
}
