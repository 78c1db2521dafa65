//! The checklist file as written on disk: a serde mirror of the TOML that keeps spans.
//!
//! Every field is optional here so that a file with mistakes still deserializes after the
//! structural check has reported and removed the bad parts; which keys are required is stated
//! with `#[schemars(required)]` and enforced by the schema-driven check (`crate::tomlcheck`).
//! These doc comments become the descriptions in `weigh schema checklist`.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

/// A weigh checklist: dimensions of concern, each with scored questions, and a readiness policy.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "weigh checklist",
    transform = super::schema_rules::checklist_rules
)]
pub struct ChecklistFile {
    /// The version of this file format. Must be 1.
    #[schemars(required, with = "u32")]
    pub schema_version: Option<Spanned<i64>>,
    /// The checklist this one builds on: a checklist id, or a path relative to this file. The
    /// base's dimensions, items and readiness policy are taken over, then changed by `remove`,
    /// `[[override]]`, `[readiness]` and `[[dimension]]` here.
    #[schemars(with = "Option<String>")]
    pub extends: Option<Spanned<String>>,
    /// With `extends`: ids of base items to drop.
    #[schemars(with = "Option<Vec<String>>")]
    pub remove: Option<Spanned<Vec<Spanned<String>>>>,
    /// With `extends`: changes to fields of base items (any field but `id` and `kind`).
    #[serde(rename = "override")]
    #[schemars(with = "Option<Vec<OverrideFile>>")]
    pub overrides: Option<Vec<Spanned<OverrideFile>>>,
    /// What this checklist is.
    #[schemars(required, with = "MetaFile")]
    pub checklist: Option<Spanned<MetaFile>>,
    /// When a candidate counts as ready. Every key is optional; the defaults are shown.
    #[schemars(with = "Option<ReadinessFile>")]
    pub readiness: Option<Spanned<ReadinessFile>>,
    /// The areas of concern, each with its questions.
    #[serde(rename = "dimension")]
    #[schemars(with = "Option<Vec<DimensionFile>>")]
    pub dimensions: Option<Vec<Spanned<DimensionFile>>>,
}

/// The checklist's identity.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MetaFile {
    /// Kebab-case id, e.g. `open-weight-adoption`; how commands and assessments name the checklist.
    #[schemars(
        required,
        with = "String",
        regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$")
    )]
    pub id: Option<Spanned<String>>,
    /// A human title.
    #[schemars(required, with = "String", regex(pattern = r"\S"))]
    pub title: Option<Spanned<String>>,
    /// The semantic version of this checklist's content, e.g. `1.0.0`.
    #[schemars(
        required,
        with = "String",
        regex(pattern = super::schema_rules::SEMVER)
    )]
    pub version: Option<Spanned<String>>,
    /// What the checklist is for (Markdown).
    #[schemars(with = "Option<String>")]
    pub description: Option<Spanned<String>>,
}

/// The readiness policy.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema_rules::readiness_rules)]
pub struct ReadinessFile {
    /// Overall score (0-100) at or above which the verdict can be READY. Default 80.
    #[schemars(with = "Option<f64>", range(min = 0, max = 100))]
    pub ready: Option<Spanned<f64>>,
    /// Overall score (0-100) at or above which the verdict is READY WITH CONDITIONS. Default 60.
    #[schemars(with = "Option<f64>", range(min = 0, max = 100))]
    pub conditional: Option<Spanned<f64>>,
    /// READY also needs every dimension's score (0-100) at or above this. Default 50.
    #[schemars(with = "Option<f64>", range(min = 0, max = 100))]
    pub dimension_floor: Option<Spanned<f64>>,
    /// A spread of item scores (0-1) among assessors at or above this is a disagreement. Default 0.5.
    #[schemars(with = "Option<f64>", range(min = 0, max = 1))]
    pub disagreement: Option<Spanned<f64>>,
    /// Whether an item scoring 0 (at its worst) keeps the verdict below READY. Default true; set
    /// false for lists of binary indicators, where "no" is an ordinary answer.
    #[schemars(with = "Option<bool>")]
    pub worst_blocks_ready: Option<Spanned<bool>>,
}

/// One area of concern.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DimensionFile {
    /// Kebab-case id, unique among dimensions.
    #[schemars(
        required,
        with = "String",
        regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$")
    )]
    pub id: Option<Spanned<String>>,
    /// A human title, e.g. "Safety and content policies". Required, except on a dimension that
    /// adds items to a base dimension of the same id (with `extends`).
    #[schemars(with = "Option<String>", regex(pattern = r"\S"))]
    pub title: Option<Spanned<String>>,
    /// The dimension's weight in the overall score, 0 to 1e6. Default 1.
    #[schemars(with = "Option<f64>", range(min = 0, max = 1e6))]
    pub weight: Option<Spanned<f64>>,
    /// What the dimension covers and why (Markdown).
    #[schemars(with = "Option<String>")]
    pub description: Option<Spanned<String>>,
    /// The dimension's questions, in the order they are asked.
    #[serde(rename = "item")]
    #[schemars(with = "Option<Vec<ItemFile>>")]
    pub items: Option<Vec<Spanned<ItemFile>>>,
}

/// How an item is answered and scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum KindFile {
    /// Answered yes (1) or no (0).
    YesNo,
    /// Answered with a 0-based level index; `levels` are listed worst to best.
    Scale,
    /// Answered with one option's label; the option carries the score.
    Choice,
    /// Answered with a number in `unit`, scored linearly from `worst` to `best`.
    Number,
    /// Answered with free text; information only, never scored.
    Text,
}

/// Whether an answer must carry evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceFile {
    /// An answer without evidence is listed as `missing_evidence`.
    Required,
    /// Evidence is welcome but not needed.
    Optional,
}

/// One question with its rubric.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema_rules::item_rules)]
pub struct ItemFile {
    /// Kebab-case id, unique within the whole checklist.
    #[schemars(
        required,
        with = "String",
        regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$")
    )]
    pub id: Option<Spanned<String>>,
    /// The question, as asked (plain text).
    #[schemars(required, with = "String", regex(pattern = r"\S"))]
    pub question: Option<Spanned<String>>,
    /// Why it matters, how to check it, what good looks like (Markdown).
    #[schemars(with = "Option<String>")]
    pub guidance: Option<Spanned<String>>,
    /// How the item is answered: `yes_no`, `scale`, `choice`, `number` or `text`.
    #[schemars(required, with = "KindFile")]
    pub kind: Option<Spanned<KindFile>>,
    /// `scale` only: the levels, worst to best, at least two.
    #[schemars(
        with = "Option<Vec<String>>",
        transform = super::schema_rules::level_rules
    )]
    pub levels: Option<Spanned<Vec<Spanned<String>>>>,
    /// `choice` only: the options.
    #[schemars(with = "Option<Vec<OptionFile>>", length(min = 1))]
    pub options: Option<Spanned<Vec<Spanned<OptionFile>>>>,
    /// `number` only: the unit the answer is given in, e.g. "USD per 1M output tokens".
    #[schemars(with = "Option<String>", regex(pattern = r"\S"))]
    pub unit: Option<Spanned<String>>,
    /// `number` only: the value that scores 1 (may be below `worst`).
    #[schemars(with = "Option<f64>", range(min = -1e15, max = 1e15))]
    pub best: Option<Spanned<f64>>,
    /// `number` only: the value that scores 0.
    #[schemars(with = "Option<f64>", range(min = -1e15, max = 1e15))]
    pub worst: Option<Spanned<f64>>,
    /// The item's weight within its dimension, 0 to 1e6. Default 1. Not for `text`.
    #[schemars(with = "Option<f64>", range(min = 0, max = 1e6))]
    pub weight: Option<Spanned<f64>>,
    /// The minimum answer, in the kind's own terms: `true` (yes_no), a level index (scale), an
    /// option score (choice), or `{ min = X, max = Y }` (number). Not for `text`.
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::gate_schema")]
    pub gate: Option<Spanned<toml::Value>>,
    /// Days after which an answer is stale, 1 to 36500. Not for `text`.
    #[schemars(with = "Option<u32>", range(min = 1, max = 36500))]
    pub max_age_days: Option<Spanned<i64>>,
    /// Whether an answer needs evidence: `required` or `optional` (default).
    #[schemars(with = "Option<EvidenceFile>")]
    pub evidence: Option<Spanned<EvidenceFile>>,
    /// May the answer be "not applicable"? Default false.
    #[schemars(with = "Option<bool>")]
    pub na_allowed: Option<Spanned<bool>>,
    /// Public sources for the question (URLs).
    #[schemars(with = "Option<Vec<String>>")]
    pub references: Option<Spanned<Vec<Spanned<String>>>>,
    /// Makes the item apply only while an earlier `choice` or `yes_no` item has certain answers.
    #[schemars(with = "Option<WhenFile>")]
    pub when: Option<Spanned<WhenFile>>,
    /// Binds the item to a fact that `weigh facts` or `weigh providers` records in the
    /// assessment, so that `weigh answer --from-facts` and the walkthrough can answer it from
    /// data: `{ name = "providers.count" }` for a `number` (the fact's value is the answer), or
    /// with `map` rules for `yes_no`, `scale` and `choice` items.
    #[schemars(with = "Option<FactBindingFile>")]
    pub fact: Option<Spanned<FactBindingFile>>,
}

/// Which fact answers an item, and how its value maps to an answer.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FactBindingFile {
    /// The fact's name, one of those weigh records (e.g. `providers.count`, `license`,
    /// `remote_code`, `accelerators.h100-80gb`; the README lists them all).
    #[schemars(required, with = "String")]
    pub name: Option<Spanned<String>>,
    /// Rules from the fact's value to an answer, tried in order; the first that matches gives
    /// the answer, and a value no rule matches leaves the item to the assessor. Required for
    /// `scale` and `choice` items; optional for `yes_no` (without it a true/false fact is the
    /// answer); not for `number` and `text` items, which take the value as it is.
    #[schemars(with = "Option<Vec<FactRuleFile>>")]
    pub map: Option<Spanned<Vec<Spanned<FactRuleFile>>>>,
}

/// One rule: a test on the fact's value (`is`, or `min` and/or `max`) and the answer it gives.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FactRuleFile {
    /// Matches when the fact equals this: a text (ignoring case), a number, or true/false. A
    /// list fact matches when one of its elements does.
    #[serde(default, rename = "is")]
    #[schemars(schema_with = "crate::schema::fact_is_schema")]
    pub equals: Option<Spanned<toml::Value>>,
    /// Matches when the fact is a number at least this (a list fact counts as its length).
    #[schemars(with = "Option<f64>")]
    pub min: Option<Spanned<f64>>,
    /// Matches when the fact is a number at most this (a list fact counts as its length).
    #[schemars(with = "Option<f64>")]
    pub max: Option<Spanned<f64>>,
    /// The answer the rule gives: true/false (`yes_no`), a level's text (`scale`) or an
    /// option's label (`choice`).
    #[serde(default)]
    #[schemars(required, schema_with = "crate::schema::fact_answer_schema")]
    pub answer: Option<Spanned<toml::Value>>,
}

/// Changes to one item of the base checklist (with `extends`): each key given replaces the
/// base item's value.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OverrideFile {
    /// The id of the base item to change.
    #[schemars(required, with = "String")]
    pub item: Option<Spanned<String>>,
    /// The question, as asked (plain text).
    #[schemars(with = "Option<String>")]
    pub question: Option<Spanned<String>>,
    /// Why it matters, how to check it, what good looks like (Markdown).
    #[schemars(with = "Option<String>")]
    pub guidance: Option<Spanned<String>>,
    /// `scale` only: the levels, worst to best, at least two.
    #[schemars(with = "Option<Vec<String>>")]
    pub levels: Option<Spanned<Vec<Spanned<String>>>>,
    /// `choice` only: the options.
    #[schemars(with = "Option<Vec<OptionFile>>")]
    pub options: Option<Spanned<Vec<Spanned<OptionFile>>>>,
    /// `number` only: the unit.
    #[schemars(with = "Option<String>")]
    pub unit: Option<Spanned<String>>,
    /// `number` only: the value that scores 1.
    #[schemars(with = "Option<f64>")]
    pub best: Option<Spanned<f64>>,
    /// `number` only: the value that scores 0.
    #[schemars(with = "Option<f64>")]
    pub worst: Option<Spanned<f64>>,
    /// The item's weight within its dimension, 0 to 1e6.
    #[schemars(with = "Option<f64>", range(min = 0, max = 1e6))]
    pub weight: Option<Spanned<f64>>,
    /// The minimum answer, in the kind's own terms.
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::gate_schema")]
    pub gate: Option<Spanned<toml::Value>>,
    /// Days after which an answer is stale, 1 to 36500.
    #[schemars(with = "Option<u32>", range(min = 1, max = 36500))]
    pub max_age_days: Option<Spanned<i64>>,
    /// Whether an answer needs evidence: `required` or `optional`.
    #[schemars(with = "Option<EvidenceFile>")]
    pub evidence: Option<Spanned<EvidenceFile>>,
    /// May the answer be "not applicable"?
    #[schemars(with = "Option<bool>")]
    pub na_allowed: Option<Spanned<bool>>,
    /// Public sources for the question (URLs).
    #[schemars(with = "Option<Vec<String>>")]
    pub references: Option<Spanned<Vec<Spanned<String>>>>,
    /// Makes the item apply only while an earlier `choice` or `yes_no` item has certain answers.
    #[schemars(with = "Option<WhenFile>")]
    pub when: Option<Spanned<WhenFile>>,
    /// The fact that answers the item from data, and how (see the item's `fact`).
    #[schemars(with = "Option<FactBindingFile>")]
    pub fact: Option<Spanned<FactBindingFile>>,
}

/// One option of a `choice` item.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OptionFile {
    /// The option as shown and as written in answers (plain text).
    #[schemars(required, with = "String", regex(pattern = r"\S"))]
    pub label: Option<Spanned<String>>,
    /// The score of choosing it, 0 to 1.
    #[schemars(required, with = "f64", range(min = 0, max = 1))]
    pub score: Option<Spanned<f64>>,
    /// What choosing it means (plain text).
    #[schemars(with = "Option<String>")]
    pub description: Option<Spanned<String>>,
}

/// A condition on an earlier item's answer: `{ item, in = [labels] }` for a `choice` controller,
/// `{ item, is = true|false }` for a `yes_no` one.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema_rules::when_rules)]
pub struct WhenFile {
    /// The controlling item's id.
    #[schemars(required, with = "String")]
    pub item: Option<Spanned<String>>,
    /// `choice` controller: the labels for which this item applies.
    #[serde(rename = "in")]
    #[schemars(with = "Option<Vec<String>>", length(min = 1))]
    pub any_of: Option<Spanned<Vec<Spanned<String>>>>,
    /// `yes_no` controller: the answer for which this item applies.
    #[schemars(with = "Option<bool>")]
    pub is: Option<Spanned<bool>>,
}
