//! JSON Schemas (draft-07) of weigh's file formats, generated from the file types' doc comments.
//!
//! Editors (Taplo, VS Code's Even Better TOML) read them through a `#:schema` first line; weigh
//! itself walks them to check the structure of a file before deserializing it
//! (see [`crate::tomlcheck`]), so the schema and the loader cannot drift apart.

use schemars::generate::SchemaSettings;
use schemars::transform::{Transform, transform_subschemas};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::Value;

/// The file formats weigh has a schema for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaKind {
    /// Checklist files.
    Checklist,
    /// Assessment files.
    Assessment,
    /// The JSON report (`weigh report --format json`).
    Report,
    /// `weigh.toml`.
    Project,
    /// The JSON comparison (`weigh compare --format json`).
    Compare,
    /// The JSON diff (`weigh diff --format json`).
    Diff,
    /// The JSON API of `weigh serve`.
    ServeApi,
}

impl SchemaKind {
    /// Every schema, in the order `weigh init` writes them.
    pub const ALL: [SchemaKind; 7] = [
        SchemaKind::Checklist,
        SchemaKind::Assessment,
        SchemaKind::Report,
        SchemaKind::Project,
        SchemaKind::Compare,
        SchemaKind::Diff,
        SchemaKind::ServeApi,
    ];

    /// The schema's file name under `schemas/`.
    pub fn file_name(self) -> &'static str {
        match self {
            SchemaKind::Checklist => "checklist.schema.json",
            SchemaKind::Assessment => "assessment.schema.json",
            SchemaKind::Report => "report.schema.json",
            SchemaKind::Project => "project.schema.json",
            SchemaKind::Compare => "compare.schema.json",
            SchemaKind::Diff => "diff.schema.json",
            SchemaKind::ServeApi => "serve-api.schema.json",
        }
    }
}

/// Generates the JSON Schema of a file format.
pub fn generate(kind: SchemaKind) -> Schema {
    match kind {
        SchemaKind::Checklist => toml_schema::<crate::checklist::file::ChecklistFile>(),
        SchemaKind::Assessment => toml_schema::<crate::assessment::file::AssessmentFile>(),
        SchemaKind::Report => json_schema::<crate::report::json::JsonReport>(),
        SchemaKind::Project => toml_schema::<crate::project::ProjectFile>(),
        SchemaKind::Compare => json_schema::<crate::compare::json::JsonCompare>(),
        SchemaKind::Diff => json_schema::<crate::diff::json::JsonDiff>(),
        SchemaKind::ServeApi => crate::serve::api::schema(json_generator()),
    }
}

/// The schema as pretty JSON with a trailing newline, as committed under `schemas/`.
pub fn to_pretty_json(schema: &Schema) -> String {
    crate::jsonout::pretty(schema)
}

/// The schema of a TOML file type: TOML has no null, so optional fields are just absent.
fn toml_schema<T: JsonSchema>() -> Schema {
    let mut settings = SchemaSettings::draft07();
    settings.transforms.push(Box::new(DropNull));
    SchemaGenerator::new(settings).into_root_schema_for::<T>()
}

/// The schema of a JSON output type, where null is a value.
fn json_schema<T: JsonSchema>() -> Schema {
    json_generator().into_root_schema_for::<T>()
}

/// The generator of JSON schemas: draft-07, string enums as `enum`.
fn json_generator() -> SchemaGenerator {
    let mut settings = SchemaSettings::draft07();
    settings.transforms.push(Box::new(ConstsToEnum));
    SchemaGenerator::new(settings)
}

/// A string enum with documented variants comes out of schemars as a `oneOf` of `const`s; tools
/// that build on the JSON outputs read an `enum` more easily, so it becomes one, with each
/// value's meaning kept in the description.
#[derive(Debug, Clone)]
struct ConstsToEnum;

impl Transform for ConstsToEnum {
    fn transform(&mut self, schema: &mut Schema) {
        transform_subschemas(self, schema);
        let Some(Value::Array(branches)) = schema.get("oneOf") else {
            return;
        };
        let values: Option<Vec<(Value, Option<&str>)>> = branches
            .iter()
            .map(|b| {
                let constant = b.get("const").filter(|c| c.is_string())?.clone();
                Some((constant, b.get("description").and_then(Value::as_str)))
            })
            .collect();
        let Some(values) = values else { return };
        let meanings: Vec<String> = values
            .iter()
            .filter_map(|(v, d)| {
                let meaning = (*d)?.trim_end_matches('.');
                Some(format!("`{}`: {meaning}", v.as_str()?))
            })
            .collect();
        let mut description = schema
            .get("description")
            .and_then(Value::as_str)
            .map_or_else(String::new, str::to_string);
        if !meanings.is_empty() {
            if !description.is_empty() {
                description.push(' ');
            }
            description.push_str(&meanings.join("; "));
            description.push('.');
        }
        let values: Vec<Value> = values.into_iter().map(|(v, _)| v).collect();
        schema.remove("oneOf");
        schema.insert("type".into(), "string".into());
        schema.insert("enum".into(), Value::Array(values));
        if !description.is_empty() {
            schema.insert("description".into(), description.into());
        }
    }
}

/// TOML has no null: optional fields are simply absent, so `null` is removed from every type.
#[derive(Debug, Clone)]
struct DropNull;

impl Transform for DropNull {
    fn transform(&mut self, schema: &mut Schema) {
        if schema.get("default") == Some(&Value::Null) {
            schema.remove("default");
        }
        if let Some(Value::Array(types)) = schema.get_mut("type") {
            types.retain(|t| t != "null");
            if types.len() == 1 {
                let only = types[0].clone();
                schema.insert("type".into(), only);
            }
        }
        transform_subschemas(self, schema);
    }
}

/// `gate` takes several types, one per item kind.
pub fn gate_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "description": "The minimum answer, in the kind's own terms: `true` (yes_no), a level index (scale), an option score (choice), or `{ min = X, max = Y }` (number). Not for `text`.",
        "anyOf": [
            { "type": "boolean" },
            { "type": "number" },
            {
                "type": "object",
                "properties": {
                    "min": { "type": "number", "minimum": -1e15, "maximum": 1e15, "description": "The smallest passing value (inclusive)." },
                    "max": { "type": "number", "minimum": -1e15, "maximum": 1e15, "description": "The largest passing value (inclusive)." }
                },
                "additionalProperties": false,
                "minProperties": 1
            }
        ]
    })
}

/// A fact rule's `is`: a text, a number or true/false.
pub fn fact_is_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "description": "Matches when the fact equals this: a text (ignoring case), a number, or true/false. A list fact matches when one of its elements does.",
        "anyOf": [
            { "type": "boolean" },
            { "type": "number" },
            { "type": "string" }
        ]
    })
}

/// A fact rule's `answer`: true/false, a level's text or an option's label.
pub fn fact_answer_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "description": "The answer the rule gives: true/false (yes_no), a level's text (scale) or an option's label (choice).",
        "anyOf": [
            { "type": "boolean" },
            { "type": "string" }
        ]
    })
}

/// TOML offset date-times appear in JSON as RFC 3339 strings.
pub fn datetime_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "string", "format": "date-time" })
}

/// An answer's value: its type depends on the item's kind.
pub fn value_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "description": "The answer: true/false (yes_no), a 0-based level index (scale), an option label (choice), a number (number) or text (text).",
        "anyOf": [
            { "type": "boolean" },
            { "type": "number" },
            { "type": "string" }
        ]
    })
}

/// Candidate facts: `{ value, source, as_of }` tables (SPEC §3), or bare values (older files).
pub fn facts_schema(_: &mut SchemaGenerator) -> Schema {
    let scalar = serde_json::json!([
        { "type": "boolean" },
        { "type": "number" },
        { "type": "string" },
        { "type": "string", "format": "date-time" }
    ]);
    let value = serde_json::json!({
        "anyOf": scalar.as_array().into_iter().flatten().cloned()
            .chain([serde_json::json!({ "type": "array", "items": { "anyOf": scalar } })])
            .collect::<Vec<_>>()
    });
    let recorded = serde_json::json!({
        "type": "object",
        "description": "A fact as `weigh facts` and `weigh providers` record it.",
        "properties": {
            "value": {
                "description": "The value: a boolean, number, string, date-time, or an array of them.",
                "anyOf": value["anyOf"]
            },
            "source": { "type": "string", "description": "Where the value was read, e.g. a file's path." },
            "as_of": {
                "type": "string",
                "format": "date-time",
                "description": "When the value was read; an answer taken from the fact is dated at this time, so old data goes stale."
            }
        },
        "required": ["value", "source", "as_of"],
        "additionalProperties": false
    });
    let mut any_of = value["anyOf"].as_array().cloned().unwrap_or_default();
    any_of.push(recorded);
    json_schema!({
        "description": "Facts about the model, e.g. `\"params.total\" = { value = 1.6e12, source = \"snapshot/config.json\", as_of = 2026-11-20T00:00:00Z }` (written by `weigh facts --into` and `weigh providers --into`). A bare value (`params_total = 1.0e12`, the older form) is read and written back unchanged.",
        "type": "object",
        "additionalProperties": { "anyOf": any_of }
    })
}
