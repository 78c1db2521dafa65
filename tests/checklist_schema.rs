//! The checklist JSON Schema (draft-07): it accepts every built-in checklist, rejects what the
//! loader rejects structurally, and the copy committed under `schemas/` is the one weigh generates.
//!
//! To refresh the committed copy after changing the checklist file types: `WEIGH_BLESS=1 cargo test`.

use serde_json::{Map, Value};
use weigh::checklist::builtin;
use weigh::schema::{SchemaKind, generate, to_pretty_json};

mod common;
use common::{fixture, root, toml_to_json};

fn schema() -> Value {
    generate(SchemaKind::Checklist).as_value().clone()
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft7::new(&schema()).expect("the generated schema compiles as draft-07")
}

fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// The first item of the first dimension, for editing a copy of a built-in.
fn first_item(doc: &mut Value) -> &mut Map<String, Value> {
    doc["dimension"][0]["item"][0]
        .as_object_mut()
        .expect("an item table")
}

/// An edit of a built-in's JSON, and what it puts in: a mistake the schema must catch.
type Edit = (&'static str, fn(&mut Value));

/// Asserts that each edit, made to a fresh copy of each built-in, fails the schema.
fn assert_edits_rejected(edits: &[Edit]) {
    let validator = validator();
    for b in builtin::all() {
        for (what, edit) in edits {
            let mut doc = toml_to_json(b.source);
            edit(&mut doc);
            assert!(!validator.is_valid(&doc), "{}: {what} passed", b.id);
        }
    }
}

#[test]
fn schema_is_a_valid_draft7_schema() {
    let schema = schema();
    assert!(
        jsonschema::draft7::meta::is_valid(&schema),
        "{:?}",
        jsonschema::draft7::meta::validate(&schema).err()
    );
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
}

#[test]
fn builtin_checklists_match_the_schema() {
    let validator = validator();
    for b in builtin::all() {
        let doc = toml_to_json(b.source);
        let problems = errors(&validator, &doc);
        assert!(
            problems.is_empty(),
            "built-in {}:\n{}",
            b.id,
            problems.join("\n")
        );
    }
}

#[test]
fn unknown_keys_are_rejected() {
    assert_edits_rejected(&[
        ("an unknown item key", |doc| {
            first_item(doc).insert("weihgt".into(), Value::from(2));
        }),
        ("an unknown root key", |doc| {
            doc.as_object_mut()
                .expect("root table")
                .insert("colour".into(), Value::from("blue"));
        }),
    ]);
}

#[test]
fn wrong_types_are_rejected() {
    assert_edits_rejected(&[
        ("weight = \"heavy\"", |doc| {
            first_item(doc).insert("weight".into(), Value::from("heavy"));
        }),
        ("kind = \"slider\"", |doc| {
            first_item(doc).insert("kind".into(), Value::from("slider"));
        }),
        ("schema_version = \"1\"", |doc| {
            doc["schema_version"] = Value::from("1");
        }),
        ("an item without a question", |doc| {
            first_item(doc).remove("question");
        }),
    ]);
}

/// Fixtures the loader rejects in its structural (schema-driven) pass are rejected by the schema
/// too, so editors flag the same mistakes. (`schema_version = 1.0` is left out: JSON has no
/// float/integer distinction, and draft-07 counts 1.0 as an integer.)
#[test]
fn structural_rejections_agree_with_the_schema() {
    const STRUCTURAL: &[&str] = &[
        "unknown-key-near-miss.toml",
        "unknown-key-no-suggestion.toml",
        "missing-required-key.toml",
        "missing-schema-version.toml",
        "missing-checklist-title.toml",
        "missing-dimension-id.toml",
        "option-missing-score.toml",
        "when-missing-item.toml",
        "wrong-value-type.toml",
        "wrong-type-dimension-table.toml",
        "max-age-fractional.toml",
        "gate-string.toml",
        "unknown-kind.toml",
        "unknown-evidence.toml",
        "three-mistakes.toml",
    ];
    let validator = validator();
    let dir = fixture("checklists/invalid");
    for file in STRUCTURAL {
        let text = std::fs::read_to_string(dir.join(file)).expect("fixture");
        assert!(
            !validator.is_valid(&toml_to_json(&text)),
            "{file} passed the schema"
        );
    }
}

/// Every schema weigh generates (checklist, assessment, report, project) is committed under
/// `schemas/` exactly as `weigh schema KIND` prints it.
#[test]
fn committed_schemas_are_up_to_date() {
    let mut stale = Vec::new();
    for kind in SchemaKind::ALL {
        let path = root().join("schemas").join(kind.file_name());
        let fresh = to_pretty_json(&generate(kind));
        let committed = std::fs::read_to_string(&path).ok();
        if committed.as_deref() == Some(fresh.as_str()) {
            continue;
        }
        if std::env::var_os("WEIGH_BLESS").is_some_and(|v| v == "1") {
            std::fs::create_dir_all(path.parent().expect("schemas folder"))
                .expect("create schemas/");
            std::fs::write(&path, &fresh).expect("write the schema");
            continue;
        }
        stale.push(format!(
            "{} is {}",
            path.display(),
            if committed.is_some() {
                "out of date"
            } else {
                "missing"
            }
        ));
    }
    assert!(
        stale.is_empty(),
        "{}; run `WEIGH_BLESS=1 cargo test` to write fresh copies, and commit them",
        stale.join("; ")
    );
}

#[test]
fn committed_schema_parses_as_the_generated_json() {
    let path = root().join("schemas/checklist.schema.json");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return; // committed_schema_is_up_to_date reports a missing file
    };
    let committed: Value = serde_json::from_str(&text).expect("the committed schema is JSON");
    assert!(jsonschema::draft7::new(&committed).is_ok());
}
