//! The assessment file as written on disk: a serde mirror of the TOML that keeps spans.
//!
//! As with checklists, every field is optional here; required keys are stated for the schema
//! with `#[schemars(required)]` and enforced by the structural check. These doc comments become
//! the descriptions in `weigh schema assessment`.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

/// A weigh assessment: one candidate model scored against one checklist by one or more assessors.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "weigh assessment",
    transform = crate::checklist::schema_rules::version_one
)]
pub struct AssessmentFile {
    /// The version of this file format. Must be 1.
    #[schemars(required, with = "u32")]
    pub schema_version: Option<Spanned<i64>>,
    /// Which checklist the answers belong to.
    #[schemars(required, with = "MetaFile")]
    pub assessment: Option<Spanned<MetaFile>>,
    /// The model under assessment.
    #[schemars(required, with = "CandidateFile")]
    pub candidate: Option<Spanned<CandidateFile>>,
    /// The answers, one block per item and assessor.
    #[serde(rename = "answer")]
    #[schemars(with = "Option<Vec<AnswerFile>>")]
    pub answers: Option<Vec<Spanned<AnswerFile>>>,
}

/// The checklist the answers were written against.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MetaFile {
    /// The checklist's id, e.g. `open-weight-adoption` (an id, never a path: pass
    /// `--checklist PATH` to score against a file).
    #[schemars(
        required,
        with = "String",
        regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$")
    )]
    pub checklist: Option<Spanned<String>>,
    /// The checklist's version when the answers were written.
    #[schemars(required, with = "String")]
    pub checklist_version: Option<Spanned<String>>,
    /// The checklist's digest when the answers were written (written by weigh; optional on read).
    #[schemars(with = "Option<String>")]
    pub checklist_digest: Option<Spanned<String>>,
    /// When the assessment was started: an offset date-time such as `2026-11-28T20:00:00Z`.
    #[schemars(required, schema_with = "crate::schema::datetime_schema")]
    pub created: Option<Spanned<Datetime>>,
}

/// The model under assessment.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CandidateFile {
    /// Display name, e.g. "DeepSeek V4": not blank, no control characters.
    #[schemars(required, with = "String", regex(pattern = NAME))]
    pub name: Option<Spanned<String>>,
    /// Hub id, e.g. `deepseek-ai/DeepSeek-V4`.
    #[schemars(with = "Option<String>")]
    pub model: Option<Spanned<String>>,
    /// Hub revision (a commit hash or tag).
    #[schemars(with = "Option<String>")]
    pub revision: Option<Spanned<String>>,
    /// Facts about the model, e.g. `params_total = 1.0e12`: scalars or arrays of scalars.
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::facts_schema")]
    pub facts: Option<Spanned<BTreeMap<String, Spanned<toml::Value>>>>,
}

/// One assessor's answer to one item.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = value_or_na)]
pub struct AnswerFile {
    /// The item's id.
    #[schemars(required, with = "String")]
    pub item: Option<Spanned<String>>,
    /// The assessor's name: not blank, no control characters.
    #[schemars(required, with = "String", regex(pattern = NAME))]
    pub by: Option<Spanned<String>>,
    /// The answer: true/false (yes_no), a 0-based level index (scale), an option label (choice),
    /// a number (number) or text (text). Exactly one of `value` and `na = true`.
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::value_schema")]
    pub value: Option<Spanned<toml::Value>>,
    /// `true`: the item does not apply to this candidate. Exactly one of `value` and `na = true`.
    #[schemars(with = "Option<bool>")]
    pub na: Option<Spanned<bool>>,
    /// When the answer was given: an offset date-time such as `2026-11-28T20:05:00Z`.
    #[schemars(required, schema_with = "crate::schema::datetime_schema")]
    pub at: Option<Spanned<Datetime>>,
    /// A note on the answer (plain text).
    #[schemars(with = "Option<String>")]
    pub note: Option<Spanned<String>>,
    /// URLs, or paths relative to the assessment file's folder.
    #[schemars(with = "Option<Vec<String>>")]
    pub evidence: Option<Spanned<Vec<Spanned<String>>>>,
}

/// A name: something other than white space, and no control character once trimmed.
const NAME: &str = r"^\s*[^\u0000-\u001f\u007f-\u009f]*[^\s\u0000-\u001f\u007f-\u009f][^\u0000-\u001f\u007f-\u009f]*\s*$";

/// An answer has exactly one of `value` and `na = true`.
fn value_or_na(schema: &mut schemars::Schema) {
    schema.insert(
        "oneOf".into(),
        serde_json::json!([
            { "required": ["value"] },
            { "required": ["na"], "properties": { "na": { "const": true } } }
        ]),
    );
}
