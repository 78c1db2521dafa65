//! The validated assessment: one candidate scored against one checklist by several assessors.

use std::collections::BTreeMap;

use jiff::Timestamp;

/// An assessment, as the engine sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// The checklist's id.
    pub checklist: String,
    /// The checklist version the answers were written against.
    pub checklist_version: String,
    /// The checklist digest the answers were written against, when known.
    pub checklist_digest: Option<String>,
    /// When the assessment was started.
    pub created: Timestamp,
    /// The model under assessment.
    pub candidate: Candidate,
    /// Every answer, in file order. Answers that no longer fit a changed checklist are kept in
    /// [`Assessment::unfit`] instead.
    pub answers: Vec<Answer>,
    /// Answers that do not fit the loaded checklist (it changed since they were written); kept
    /// and written back unchanged, never scored.
    pub unfit: Vec<Answer>,
}

/// The model under assessment.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Candidate {
    /// Display name, e.g. "DeepSeek V4".
    pub name: String,
    /// Hub id, e.g. `deepseek-ai/DeepSeek-V4`.
    pub model: Option<String>,
    /// Hub revision.
    pub revision: Option<String>,
    /// Facts such as parameter counts, sorted by key.
    pub facts: BTreeMap<String, Fact>,
}

/// A fact about the candidate: its value, and where and when it was read.
///
/// Facts recorded by `weigh facts` and `weigh providers` carry a `source` and an `as_of`; older
/// files (and hand-written facts) hold a bare value, which is kept and written back as it was.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    /// The value.
    pub value: FactValue,
    /// Where the value was read, e.g. a file's path.
    pub source: Option<String>,
    /// When the value was read; an answer taken from the fact is dated at this time.
    pub as_of: Option<Timestamp>,
}

impl Fact {
    /// A bare value, with no source or date (the older form).
    pub fn bare(value: FactValue) -> Fact {
        Fact {
            value,
            source: None,
            as_of: None,
        }
    }

    /// A value read from `source` at `as_of`.
    pub fn recorded(value: FactValue, source: impl Into<String>, as_of: Timestamp) -> Fact {
        Fact {
            value,
            source: Some(source.into()),
            as_of: Some(as_of),
        }
    }
}

/// A fact's value: a scalar or an array of scalars.
#[derive(Debug, Clone, PartialEq)]
pub enum FactValue {
    /// A single value.
    Scalar(Scalar),
    /// Several values.
    List(Vec<Scalar>),
}

/// A scalar fact value.
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar {
    /// true or false.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// Text.
    Text(String),
    /// A date-time, kept as written.
    Datetime(String),
}

/// One assessor's answer to one item.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// The item's id.
    pub item: String,
    /// The assessor, trimmed.
    pub by: String,
    /// The value, or not applicable.
    pub value: AnswerValue,
    /// When it was given.
    pub at: Timestamp,
    /// A note.
    pub note: Option<String>,
    /// URLs or paths relative to the assessment file's folder.
    pub evidence: Vec<String>,
}

/// A value, or "not applicable".
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerValue {
    /// The item does not apply to this candidate, in this assessor's view.
    Na,
    /// `yes_no`.
    Bool(bool),
    /// `scale` level index, or an integer `number`.
    Int(i64),
    /// A float `number`.
    Float(f64),
    /// `choice` label (as listed in the checklist) or `text`.
    Text(String),
}

impl AnswerValue {
    /// Whether this is "not applicable".
    pub fn is_na(&self) -> bool {
        matches!(self, AnswerValue::Na)
    }

    /// The numeric value of a `number` answer.
    pub fn as_number(&self) -> Option<f64> {
        match self {
            AnswerValue::Int(i) => Some(*i as f64),
            AnswerValue::Float(f) => Some(*f),
            _ => None,
        }
    }
}

impl Assessment {
    /// The answers to one item, in file order.
    pub fn answers_to<'a>(&'a self, item: &str) -> impl Iterator<Item = &'a Answer> + 'a {
        let item = item.to_string();
        self.answers.iter().filter(move |a| a.item == item)
    }
}
