//! The checklist digest and the resolved JSON form it is computed from (SPEC §2).
//!
//! The resolved form mirrors the file format with every default written out and every number as
//! an f64; the digest is the SHA-256 of its compact JSON with sorted keys. This serialization is
//! frozen (SPEC §2), so no committed assessment drifts: `checklist show --format json` has its
//! own output (`json.rs`).

use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use super::model::{Binding, Checklist, Condition, Dimension, Gate, Item, Kind, RuleAnswer, Test};

/// `sha256:` and the lowercase hex SHA-256 of the compact resolved JSON.
pub fn digest(checklist: &Checklist) -> String {
    let compact = serde_json::to_string(&resolved(checklist)).unwrap_or_default();
    let hash = Sha256::digest(compact.as_bytes());
    let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

/// The resolved checklist as JSON (keys sorted, since `serde_json::Map` is a `BTreeMap`).
///
/// Keys added to the format after version 1.0 of weigh enter this form only when they differ
/// from their default, so upgrading weigh never changes the digest of an unchanged checklist
/// (which would make the scale indices older assessments hold stop fitting).
pub fn resolved(c: &Checklist) -> Value {
    let mut readiness = json!({
        "ready": c.readiness.ready,
        "conditional": c.readiness.conditional,
        "dimension_floor": c.readiness.dimension_floor,
        "disagreement": c.readiness.disagreement,
    });
    if !c.readiness.worst_blocks_ready {
        readiness["worst_blocks_ready"] = json!(false);
    }
    json!({
        "schema_version": 1.0,
        "checklist": { "id": c.id, "title": c.title, "version": c.version, "description": c.description },
        "readiness": readiness,
        "dimension": c.dimensions.iter().map(dimension).collect::<Vec<_>>(),
    })
}

fn dimension(d: &Dimension) -> Value {
    json!({
        "id": d.id,
        "title": d.title,
        "weight": d.weight,
        "description": d.description,
        "item": d.items.iter().map(item).collect::<Vec<_>>(),
    })
}

fn item(i: &Item) -> Value {
    let mut out = Map::new();
    out.insert("id".into(), json!(i.id));
    out.insert("question".into(), json!(i.question));
    out.insert("guidance".into(), json!(i.guidance));
    out.insert("kind".into(), json!(i.kind.name()));
    match &i.kind {
        Kind::Scale { levels } => {
            out.insert("levels".into(), json!(levels));
        }
        Kind::Choice { options } => {
            let options: Vec<Value> = options
                .iter()
                .map(
                    |o| json!({ "label": o.label, "score": o.score, "description": o.description }),
                )
                .collect();
            out.insert("options".into(), Value::Array(options));
        }
        Kind::Number { unit, best, worst } => {
            out.insert("unit".into(), json!(unit));
            out.insert("best".into(), json!(best));
            out.insert("worst".into(), json!(worst));
        }
        Kind::YesNo | Kind::Text => {}
    }
    if i.is_scored() {
        out.insert("weight".into(), json!(i.weight));
        out.insert("gate".into(), gate(i.gate.as_ref()));
        out.insert("max_age_days".into(), json!(i.max_age_days.map(f64::from)));
    }
    out.insert(
        "evidence".into(),
        json!(if i.evidence_required {
            "required"
        } else {
            "optional"
        }),
    );
    out.insert("na_allowed".into(), json!(i.na_allowed));
    out.insert("references".into(), json!(i.references));
    out.insert("when".into(), when(i));
    // Only items with a binding carry the key, so the digest of every checklist without
    // bindings stays what it was before bindings existed.
    if let Some(b) = &i.fact {
        out.insert("fact".into(), binding(b, &i.kind));
    }
    Value::Object(out)
}

fn binding(b: &Binding, kind: &Kind) -> Value {
    let rules: Vec<Value> = b
        .rules
        .iter()
        .map(|r| {
            let (equals, min, max) = match &r.test {
                Test::Text(t) => (json!(t), None, None),
                Test::Number(n) => (json!(n), None, None),
                Test::Bool(v) => (json!(v), None, None),
                Test::Range { min, max } => (Value::Null, *min, *max),
            };
            let answer = match &r.answer {
                RuleAnswer::Yes(yes) => json!(yes),
                RuleAnswer::Level(level) => match kind {
                    Kind::Scale { levels } => json!(levels.get(*level)),
                    _ => Value::Null,
                },
                RuleAnswer::Label(label) => json!(label),
            };
            json!({ "is": equals, "min": min, "max": max, "answer": answer })
        })
        .collect();
    json!({ "name": b.name, "map": rules })
}

fn gate(gate: Option<&Gate>) -> Value {
    match gate {
        None => Value::Null,
        Some(Gate::Yes) => json!(true),
        Some(Gate::MinLevel(level)) => json!(*level as f64),
        Some(Gate::MinScore(score)) => json!(score),
        Some(Gate::Range { min, max }) => {
            let mut bounds = Map::new();
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

fn when(i: &Item) -> Value {
    match &i.when {
        None => Value::Null,
        Some(w) => match &w.condition {
            Condition::In(labels) => json!({ "item": w.item, "in": labels }),
            Condition::Is(is) => json!({ "item": w.item, "is": is }),
        },
    }
}

#[cfg(test)]
mod tests {
    use crate::checklist::{Origin, load_str};

    fn digest_of(readiness: &str) -> String {
        let text = format!(
            "schema_version = 1\n[checklist]\nid = \"t\"\ntitle = \"T\"\nversion = \"1.0.0\"\n{readiness}[[dimension]]\nid = \"d\"\ntitle = \"D\"\n[[dimension.item]]\nid = \"x\"\nquestion = \"Q?\"\nkind = \"yes_no\"\n"
        );
        load_str("t.toml", &text, Origin::Builtin)
            .expect("valid")
            .digest
    }

    #[test]
    fn a_key_newer_than_the_format_enters_the_digest_only_when_not_its_default() {
        let plain = digest_of("");
        assert_eq!(
            digest_of("[readiness]\nworst_blocks_ready = true\n"),
            plain,
            "writing the default out changes nothing"
        );
        assert_ne!(
            digest_of("[readiness]\nworst_blocks_ready = false\n"),
            plain
        );
        // The form every checklist without the key had before the key existed.
        assert_eq!(
            plain,
            "sha256:8e276307bcc48000b53f6a5ba445d7fdb9de9171bac8f992408df77c4ca03cf6"
        );
    }
}
