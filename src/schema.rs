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
}

impl SchemaKind {
    /// The schema's file name under `schemas/`.
    pub fn file_name(self) -> &'static str {
        match self {
            SchemaKind::Checklist => "checklist.schema.json",
        }
    }
}

/// Generates the JSON Schema of a file format.
pub fn generate(kind: SchemaKind) -> Schema {
    match kind {
        SchemaKind::Checklist => generate_for::<crate::checklist::file::ChecklistFile>(),
    }
}

/// The schema as pretty JSON with a trailing newline, as committed under `schemas/`.
pub fn to_pretty_json(schema: &Schema) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}

fn generate_for<T: JsonSchema>() -> Schema {
    let mut settings = SchemaSettings::draft07();
    settings.transforms.push(Box::new(DropNull));
    SchemaGenerator::new(settings).into_root_schema_for::<T>()
}

/// TOML has no null: optional fields are simply absent, so `null` is removed from every type.
#[derive(Debug, Clone)]
struct DropNull;

impl Transform for DropNull {
    fn transform(&mut self, schema: &mut Schema) {
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
                    "min": { "type": "number", "description": "The smallest passing value (inclusive)." },
                    "max": { "type": "number", "description": "The largest passing value (inclusive)." }
                },
                "additionalProperties": false,
                "minProperties": 1
            }
        ]
    })
}
