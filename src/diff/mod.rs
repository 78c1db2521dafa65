//! What changed between two versions of an assessment (`weigh diff OLD NEW`): pure, two
//! report views in, a [`ChangeSet`] out, rendered as a terminal summary ([`table`]), a
//! pull-request comment ([`markdown`]) or JSON ([`json`]).
//!
//! Answers are matched by (item, assessor): one present only in NEW was added, one only in OLD
//! removed, and one in both changed when its value, note, evidence or time differ. Items are
//! listed when an answer to them changed or their result did (score, consensus, flags), in
//! NEW's checklist order, then items only OLD's checklist has.

pub mod json;
pub mod markdown;
pub mod table;

use std::collections::HashMap;

use crate::report::ReportView;
use crate::report::view::{AnswerView, ItemView};
use crate::score::Verdict;

/// Everything that changed from OLD to NEW.
#[derive(Debug, Clone)]
pub struct ChangeSet {
    /// OLD, as a whole.
    pub old: Side,
    /// NEW, as a whole.
    pub new: Side,
    /// Changed header fields: candidate name, model and revision, checklist id and version.
    pub header: Vec<FieldChange>,
    /// Every dimension of either side, NEW's order first.
    pub dimensions: Vec<DimensionChange>,
    /// The items whose answers or result changed.
    pub items: Vec<ItemChange>,
}

/// One side of the diff, as a whole.
#[derive(Debug, Clone)]
pub struct Side {
    /// Where it was read from, as given (a path or `REV:PATH`).
    pub source: String,
    /// The candidate's name.
    pub candidate: String,
    /// The checklist's id.
    pub checklist: String,
    /// The checklist's version.
    pub version: String,
    /// The verdict.
    pub verdict: Verdict,
    /// Why the verdict is not READY.
    pub reason: Option<String>,
    /// Overall score 0-100.
    pub overall: Option<f64>,
    /// Coverage 0-1.
    pub coverage: f64,
    /// Applicable scored items with no answer.
    pub unanswered: usize,
}

/// A header field that differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// `candidate.name`, `candidate.model`, `candidate.revision`, `checklist.id` or
    /// `checklist.version`.
    pub field: &'static str,
    /// OLD's value.
    pub old: Option<String>,
    /// NEW's value.
    pub new: Option<String>,
}

/// One dimension's score on both sides (`None` outside: the side's checklist lacks it).
#[derive(Debug, Clone, PartialEq)]
pub struct DimensionChange {
    /// The dimension's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// OLD's score, if OLD's checklist has the dimension.
    pub old: Option<Option<f64>>,
    /// NEW's score, if NEW's checklist has the dimension.
    pub new: Option<Option<f64>>,
}

/// One item whose answers or result changed.
#[derive(Debug, Clone)]
pub struct ItemChange {
    /// The item's id.
    pub id: String,
    /// Its question.
    pub question: String,
    /// Its result in OLD (answers left out), if OLD's checklist has it.
    pub old: Option<ItemView>,
    /// Its result in NEW (answers left out), if NEW's checklist has it.
    pub new: Option<ItemView>,
    /// Each assessor's change, by assessor.
    pub answers: Vec<AnswerChange>,
}

/// One assessor's answer to one item, before and after.
#[derive(Debug, Clone)]
pub enum AnswerChange {
    /// Only NEW has it.
    Added(AnswerView),
    /// Only OLD has it.
    Removed(AnswerView),
    /// Both have it, and it differs.
    Changed {
        /// OLD's answer.
        old: AnswerView,
        /// NEW's answer.
        new: AnswerView,
        /// What differs.
        fields: Vec<Field>,
    },
}

/// A part of an answer that can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The value (or not applicable).
    Value,
    /// The note.
    Note,
    /// The evidence.
    Evidence,
    /// When it was given: a re-answer, which refreshes a stale answer.
    At,
}

impl Field {
    /// The field's name as files write it.
    pub fn key(self) -> &'static str {
        match self {
            Field::Value => "value",
            Field::Note => "note",
            Field::Evidence => "evidence",
            Field::At => "at",
        }
    }
}

impl AnswerChange {
    /// The assessor.
    pub fn by(&self) -> &str {
        match self {
            AnswerChange::Added(a) | AnswerChange::Removed(a) => &a.by,
            AnswerChange::Changed { new, .. } => &new.by,
        }
    }

    /// `added`, `removed` or `changed`.
    pub fn kind(&self) -> &'static str {
        match self {
            AnswerChange::Added(_) => "added",
            AnswerChange::Removed(_) => "removed",
            AnswerChange::Changed { .. } => "changed",
        }
    }
}

impl ChangeSet {
    /// Whether nothing changed that the diff shows: no header field, no dimension or overall
    /// score, no verdict, no item.
    pub fn is_empty(&self) -> bool {
        self.header.is_empty()
            && self.items.is_empty()
            && self.old.verdict == self.new.verdict
            && self.old.overall.map(crate::num::round9) == self.new.overall.map(crate::num::round9)
            && self.dimensions.iter().all(|d| {
                d.old.map(|s| s.map(crate::num::round9)) == d.new.map(|s| s.map(crate::num::round9))
            })
    }
}

/// What changed from `old` to `new`; `sources` are how the two were named.
pub fn diff(old: &ReportView, new: &ReportView, sources: [&str; 2]) -> ChangeSet {
    ChangeSet {
        old: side(old, sources[0]),
        new: side(new, sources[1]),
        header: header(old, new),
        dimensions: dimensions(old, new),
        items: items(old, new),
    }
}

fn side(v: &ReportView, source: &str) -> Side {
    Side {
        source: source.to_string(),
        candidate: v.candidate.name.clone(),
        checklist: v.checklist.id.clone(),
        version: v.checklist.version.clone(),
        verdict: v.verdict,
        reason: v.reason.clone(),
        overall: v.overall,
        coverage: v.coverage,
        unanswered: v.unanswered,
    }
}

fn header(old: &ReportView, new: &ReportView) -> Vec<FieldChange> {
    let fields = [
        (
            "candidate.name",
            Some(&old.candidate.name),
            Some(&new.candidate.name),
        ),
        (
            "candidate.model",
            old.candidate.model.as_ref(),
            new.candidate.model.as_ref(),
        ),
        (
            "candidate.revision",
            old.candidate.revision.as_ref(),
            new.candidate.revision.as_ref(),
        ),
        (
            "checklist.id",
            Some(&old.checklist.id),
            Some(&new.checklist.id),
        ),
        (
            "checklist.version",
            Some(&old.checklist.version),
            Some(&new.checklist.version),
        ),
    ];
    fields
        .into_iter()
        .filter(|(_, a, b)| a != b)
        .map(|(field, a, b)| FieldChange {
            field,
            old: a.cloned(),
            new: b.cloned(),
        })
        .collect()
}

fn dimensions(old: &ReportView, new: &ReportView) -> Vec<DimensionChange> {
    let before: HashMap<&str, Option<f64>> = old
        .dimensions
        .iter()
        .map(|d| (d.id.as_str(), d.score))
        .collect();
    let after: HashMap<&str, Option<f64>> = new
        .dimensions
        .iter()
        .map(|d| (d.id.as_str(), d.score))
        .collect();
    let only_old = old
        .dimensions
        .iter()
        .filter(|d| !after.contains_key(d.id.as_str()));
    new.dimensions
        .iter()
        .chain(only_old)
        .map(|d| DimensionChange {
            id: d.id.clone(),
            title: d.title.clone(),
            old: before.get(d.id.as_str()).copied(),
            new: after.get(d.id.as_str()).copied(),
        })
        .collect()
}

fn items(old: &ReportView, new: &ReportView) -> Vec<ItemChange> {
    let before: HashMap<&str, &ItemView> = old.items.iter().map(|i| (i.id.as_str(), i)).collect();
    let after: HashMap<&str, &ItemView> = new.items.iter().map(|i| (i.id.as_str(), i)).collect();
    let only_old = old
        .items
        .iter()
        .filter(|i| !after.contains_key(i.id.as_str()));
    new.items
        .iter()
        .chain(only_old)
        .filter_map(|i| {
            let (o, n) = (
                before.get(i.id.as_str()).copied(),
                after.get(i.id.as_str()).copied(),
            );
            let answers = answers(o, n);
            (!answers.is_empty() || result_changed(o, n)).then(|| ItemChange {
                id: i.id.clone(),
                question: i.question.clone(),
                old: o.map(without_answers),
                new: n.map(without_answers),
                answers,
            })
        })
        .collect()
}

fn without_answers(i: &ItemView) -> ItemView {
    ItemView {
        answers: Vec::new(),
        ..i.clone()
    }
}

/// Whether an item's result differs: applicability, consensus, score or flags.
fn result_changed(old: Option<&ItemView>, new: Option<&ItemView>) -> bool {
    let result = |i: &ItemView| {
        (
            i.applicable,
            i.na,
            i.value_text.clone(),
            i.score.map(crate::num::round9),
            [
                i.gate_failed,
                i.stale,
                i.disagreement,
                i.missing_evidence,
                i.at_worst,
            ],
        )
    };
    match (old, new) {
        (Some(o), Some(n)) => result(o) != result(n),
        (None, None) => false,
        (Some(i), None) | (None, Some(i)) => i.answered,
    }
}

/// Each assessor's change to one item, by assessor.
fn answers(old: Option<&ItemView>, new: Option<&ItemView>) -> Vec<AnswerChange> {
    let empty = Vec::new();
    let old = old.map_or(&empty, |i| &i.answers);
    let new = new.map_or(&empty, |i| &i.answers);
    let before: HashMap<&str, &AnswerView> = old.iter().map(|a| (a.by.as_str(), a)).collect();
    let after: HashMap<&str, &AnswerView> = new.iter().map(|a| (a.by.as_str(), a)).collect();
    let mut out: Vec<AnswerChange> = new
        .iter()
        .filter_map(|n| match before.get(n.by.as_str()) {
            None => Some(AnswerChange::Added(n.clone())),
            Some(o) => changed(o, n),
        })
        .chain(
            old.iter()
                .filter(|o| !after.contains_key(o.by.as_str()))
                .map(|o| AnswerChange::Removed(o.clone())),
        )
        .collect();
    out.sort_by(|a, b| a.by().cmp(b.by()));
    out
}

fn changed(old: &AnswerView, new: &AnswerView) -> Option<AnswerChange> {
    let fields: Vec<Field> = [
        (Field::Value, old.value != new.value),
        (Field::Note, old.note != new.note),
        (Field::Evidence, old.evidence != new.evidence),
        (Field::At, old.at != new.at),
    ]
    .into_iter()
    .filter(|(_, differs)| *differs)
    .map(|(f, _)| f)
    .collect();
    (!fields.is_empty()).then(|| AnswerChange::Changed {
        old: old.clone(),
        new: new.clone(),
        fields,
    })
}

/// A score change as people read it: the shown (truncated) scores' difference, with a sign;
/// empty when either side has no score or nothing changed.
pub fn delta(old: Option<f64>, new: Option<f64>) -> String {
    let shown = |x: f64| (crate::num::round9(x) * 10.0).trunc();
    match (old, new) {
        (Some(o), Some(n)) if shown(o) != shown(n) => {
            let tenths = shown(n) - shown(o);
            format!(
                "{}{:.1}",
                if tenths > 0.0 { "+" } else { "-" },
                tenths.abs() / 10.0
            )
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests;

/// An item's result on one side, in words: "2: Rubric on 100 cases (66.6)", "N/A",
/// "unanswered", "does not apply", or "—" when the side's checklist lacks the item.
pub fn item_state(i: Option<&ItemView>) -> String {
    let Some(i) = i else {
        return crate::compare::view::MISSING.to_string();
    };
    if !i.applicable {
        return "does not apply".into();
    }
    if i.na {
        return "N/A".into();
    }
    match (&i.value_text, i.score) {
        (Some(v), Some(s)) => format!("{v} ({})", crate::num::one_decimal(s * 100.0)),
        (Some(v), None) => v.clone(),
        (None, _) if i.kind == "text" => "-".into(),
        (None, _) => "unanswered".into(),
    }
}

/// One field of an answer, in words ("(none)" when empty).
pub fn field_text(a: &AnswerView, field: Field) -> String {
    match field {
        Field::Value => a.value_text.clone(),
        Field::Note => a.note.clone().unwrap_or_else(|| "(none)".into()),
        Field::Evidence if a.evidence.is_empty() => "(none)".into(),
        Field::Evidence => a.evidence.join(", "),
        Field::At => crate::assessment::write::datetime(a.at),
    }
}

/// A whole answer, in words: its value, then its note and evidence when it has them.
pub fn answer_text(a: &AnswerView) -> String {
    let mut parts = vec![a.value_text.clone()];
    if let Some(note) = &a.note {
        parts.push(format!("note: {note}"));
    }
    if !a.evidence.is_empty() {
        parts.push(format!("evidence: {}", a.evidence.join(", ")));
    }
    parts.join("; ")
}
