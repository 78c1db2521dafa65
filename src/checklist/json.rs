//! `weigh checklist show --format json`: the resolved checklist in the checklist file format
//! itself, as JSON, keys in the order a checklist file lists them. Every default is written out,
//! integers are integers (`schema_version`, `max_age_days`, a scale's gate), keys with no value
//! are left out, and the result is valid against `weigh schema checklist` and loads back as the
//! same checklist (the same digest).
//!
//! The digest's own serialization (`digest.rs`) is separate and frozen; this output may grow
//! without changing any digest.

use serde::Serialize;
use serde_json::{Value, json};

use super::model::{Binding, Checklist, Condition, Dimension, Gate, Item, Kind, RuleAnswer, Test};

/// The checklist file format, as `checklist show --format json` writes it.
#[derive(Debug, Serialize)]
pub struct JsonChecklistFile<'a> {
    schema_version: u32,
    checklist: JsonMeta<'a>,
    readiness: JsonReadiness,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    dimension: Vec<JsonDimension<'a>>,
}

#[derive(Debug, Serialize)]
struct JsonMeta<'a> {
    id: &'a str,
    title: &'a str,
    version: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct JsonReadiness {
    ready: f64,
    conditional: f64,
    dimension_floor: f64,
    disagreement: f64,
    worst_blocks_ready: bool,
}

#[derive(Debug, Serialize)]
struct JsonDimension<'a> {
    id: &'a str,
    title: &'a str,
    weight: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    item: Vec<JsonItem<'a>>,
}

#[derive(Debug, Serialize)]
struct JsonItem<'a> {
    id: &'a str,
    question: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    guidance: Option<&'a str>,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    levels: Option<&'a [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    options: Option<Vec<JsonOption<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    best: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    worst: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    weight: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    gate: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_age_days: Option<u32>,
    evidence: &'static str,
    na_allowed: bool,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    references: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    when: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fact: Option<Value>,
}

#[derive(Debug, Serialize)]
struct JsonOption<'a> {
    label: &'a str,
    score: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
}

/// The checklist in the checklist file format.
pub fn to_json(c: &Checklist) -> JsonChecklistFile<'_> {
    JsonChecklistFile {
        schema_version: 1,
        checklist: JsonMeta {
            id: &c.id,
            title: &c.title,
            version: &c.version,
            description: c.description.as_deref(),
        },
        readiness: JsonReadiness {
            ready: c.readiness.ready,
            conditional: c.readiness.conditional,
            dimension_floor: c.readiness.dimension_floor,
            disagreement: c.readiness.disagreement,
            worst_blocks_ready: c.readiness.worst_blocks_ready,
        },
        dimension: c.dimensions.iter().map(dimension).collect(),
    }
}

fn dimension(d: &Dimension) -> JsonDimension<'_> {
    JsonDimension {
        id: &d.id,
        title: &d.title,
        weight: d.weight,
        description: d.description.as_deref(),
        item: d.items.iter().map(item).collect(),
    }
}

fn item(i: &Item) -> JsonItem<'_> {
    let scored = i.is_scored();
    let mut out = JsonItem {
        id: &i.id,
        question: &i.question,
        guidance: i.guidance.as_deref(),
        kind: i.kind.name(),
        levels: None,
        options: None,
        unit: None,
        best: None,
        worst: None,
        weight: scored.then_some(i.weight),
        gate: i.gate.as_ref().filter(|_| scored).map(gate),
        max_age_days: i.max_age_days.filter(|_| scored),
        evidence: if i.evidence_required {
            "required"
        } else {
            "optional"
        },
        na_allowed: i.na_allowed,
        references: &i.references,
        when: i.when.as_ref().map(|w| match &w.condition {
            Condition::In(labels) => json!({ "item": w.item, "in": labels }),
            Condition::Is(is) => json!({ "item": w.item, "is": is }),
        }),
        fact: i.fact.as_ref().map(|b| binding(b, &i.kind)),
    };
    match &i.kind {
        Kind::Scale { levels } => out.levels = Some(levels),
        Kind::Choice { options } => {
            let options = options.iter().map(|o| JsonOption {
                label: &o.label,
                score: o.score,
                description: o.description.as_deref(),
            });
            out.options = Some(options.collect());
        }
        Kind::Number { unit, best, worst } => {
            out.unit = Some(unit);
            out.best = Some(*best);
            out.worst = Some(*worst);
        }
        Kind::YesNo | Kind::Text => {}
    }
    out
}

fn gate(gate: &Gate) -> Value {
    match gate {
        Gate::Yes => json!(true),
        Gate::MinLevel(level) => json!(level),
        Gate::MinScore(score) => json!(score),
        Gate::Range { min, max } => {
            let mut bounds = serde_json::Map::new();
            if let Some(min) = min {
                bounds.insert("min".into(), json!(min));
            }
            if let Some(max) = max {
                bounds.insert("max".into(), json!(max));
            }
            Value::Object(bounds)
        }
    }
}

/// A fact binding as its file writes it: `{ name, map = [{ is | min/max, answer }] }`, a scale's
/// answer as its level's text.
fn binding(b: &Binding, kind: &Kind) -> Value {
    let mut out = serde_json::Map::new();
    out.insert("name".into(), json!(b.name));
    let rules: Vec<Value> = b
        .rules
        .iter()
        .map(|r| {
            let mut rule = serde_json::Map::new();
            let equals = match &r.test {
                Test::Text(t) => Some(json!(t)),
                Test::Number(n) => Some(json!(n)),
                Test::Bool(v) => Some(json!(v)),
                Test::Range { .. } => None,
            };
            if let Some(equals) = equals {
                rule.insert("is".into(), equals);
            }
            match &r.test {
                Test::Text(_) | Test::Number(_) | Test::Bool(_) => {}
                Test::Range { min, max } => {
                    if let Some(min) = min {
                        rule.insert("min".into(), json!(min));
                    }
                    if let Some(max) = max {
                        rule.insert("max".into(), json!(max));
                    }
                }
            }
            let answer = match (&r.answer, kind) {
                (RuleAnswer::Yes(yes), _) => json!(yes),
                (RuleAnswer::Level(level), Kind::Scale { levels }) => json!(levels.get(*level)),
                (RuleAnswer::Level(level), _) => json!(level),
                (RuleAnswer::Label(label), _) => json!(label),
            };
            rule.insert("answer".into(), answer);
            Value::Object(rule)
        })
        .collect();
    if !rules.is_empty() {
        out.insert("map".into(), Value::Array(rules));
    }
    Value::Object(out)
}
