//! Rules of the checklist format that JSON Schema (draft-07) can state beyond keys and types,
//! added to the generated schema so an editor flags what `weigh checklist validate` rejects:
//! which keys each kind takes and what its gate is, at least one of `in`/`is`, the readiness
//! defaults, a scored item somewhere. Rules that need the whole file (unique ids, a `when`
//! controller that comes first, a gate within the levels) stay with the validator.
//!
//! The loader's structural pass reads only `properties`, `required`, types and enumerations,
//! so nothing here changes what it reports.

use schemars::Schema;
use serde_json::{Value, json};

/// A string with at least one character that is not white space.
pub const NON_BLANK: &str = r"\S";

/// A semantic version (semver.org's own expression).
pub const SEMVER: &str = r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$";

/// The keys that belong to one kind only.
const KIND_KEYS: [&str; 5] = ["levels", "options", "unit", "best", "worst"];

fn property<'s>(
    schema: &'s mut Schema,
    key: &str,
) -> Option<&'s mut serde_json::Map<String, Value>> {
    schema.get_mut("properties")?.get_mut(key)?.as_object_mut()
}

/// `schema_version` is exactly 1.
pub fn version_one(schema: &mut Schema) {
    if let Some(p) = property(schema, "schema_version") {
        p.insert("const".into(), json!(1));
    }
}

/// The root: version 1, at least one dimension; and without `extends` (when the file is the
/// whole checklist): dimensions with titles, a scored item somewhere, a dimension of weight above
/// 0, and `ready` at least `conditional` (the defaults, 80 and 60, counting for an absent key).
pub fn checklist_rules(schema: &mut Schema) {
    version_one(schema);
    if let Some(dimension) = property(schema, "dimension") {
        dimension.insert("minItems".into(), json!(1));
    }
    let scored = json!({ "not": { "const": "text" } });
    schema.insert("if".into(), json!({ "not": { "required": ["extends"] } }));
    schema.insert(
        "then".into(),
        json!({
            "required": ["dimension"],
            "properties": {
                "dimension": {
                    "items": { "required": ["title"] },
                    "allOf": [
                        {
                            "description": "At least one item is scored (not `text`).",
                            "contains": {
                                "required": ["item"],
                                "properties": {
                                    "item": { "contains": { "properties": { "kind": scored } } }
                                }
                            }
                        },
                        {
                            "description": "At least one dimension has a weight above 0.",
                            "contains": {
                                "anyOf": [
                                    { "not": { "required": ["weight"] } },
                                    { "properties": { "weight": { "exclusiveMinimum": 0 } } }
                                ]
                            }
                        }
                    ]
                },
                "readiness": {
                    "allOf": [
                        {
                            "if": { "not": { "required": ["ready"] } },
                            "then": { "properties": { "conditional": { "maximum": 80 } } }
                        },
                        {
                            "if": { "not": { "required": ["conditional"] } },
                            "then": { "properties": { "ready": { "minimum": 60 } } }
                        }
                    ]
                }
            }
        }),
    );
}

/// `disagreement` is above 0.
pub fn readiness_rules(schema: &mut Schema) {
    if let Some(d) = property(schema, "disagreement") {
        d.insert("exclusiveMinimum".into(), json!(0));
    }
}

/// Each kind's own keys (required and foreign) and the type of its gate.
pub fn item_rules(schema: &mut Schema) {
    let rules: Vec<Value> = [
        ("yes_no", &[][..], json!({ "const": true })),
        (
            "scale",
            &["levels"][..],
            json!({ "type": "integer", "minimum": 0 }),
        ),
        (
            "choice",
            &["options"][..],
            json!({ "type": "number", "minimum": 0, "maximum": 1 }),
        ),
        (
            "number",
            &["unit", "best", "worst"][..],
            json!({ "type": "object" }),
        ),
        ("text", &[][..], json!(false)),
    ]
    .into_iter()
    .map(|(kind, own, gate)| kind_rule(kind, own, gate))
    .collect();
    schema.insert("allOf".into(), Value::Array(rules));
}

fn kind_rule(kind: &str, own: &[&str], gate: Value) -> Value {
    let mut properties = serde_json::Map::new();
    for key in KIND_KEYS.iter().filter(|k| !own.contains(k)) {
        properties.insert((*key).into(), json!(false));
    }
    properties.insert("gate".into(), gate);
    if kind == "text" {
        properties.insert("weight".into(), json!(false));
        properties.insert("max_age_days".into(), json!(false));
    }
    json!({
        "if": { "required": ["kind"], "properties": { "kind": { "const": kind } } },
        "then": { "required": own, "properties": properties }
    })
}

/// A level: not blank, and not digits alone (`weigh answer` reads digits as an index).
pub fn level_rules(schema: &mut Schema) {
    schema.insert("minItems".into(), json!(2));
    schema.insert("uniqueItems".into(), json!(true));
    schema.insert(
        "items".into(),
        json!({
            "type": "string",
            "pattern": NON_BLANK,
            "not": { "pattern": r"^\s*[0-9]+\s*$" }
        }),
    );
}

/// `when` has exactly one of `in` and `is`.
pub fn when_rules(schema: &mut Schema) {
    schema.insert(
        "oneOf".into(),
        json!([{ "required": ["in"] }, { "required": ["is"] }]),
    );
}
