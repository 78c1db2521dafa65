//! The checklist digest and the resolved JSON form it is computed from (SPEC §2).
//!
//! The resolved form mirrors the file format with every default written out and every number as
//! an f64; the digest is the SHA-256 of its compact JSON with sorted keys. This serialization is
//! frozen (SPEC §2), so no committed assessment drifts: `checklist show --format json` has its
//! own output (`json.rs`).
//!
//! The form is built as a light tree borrowing the checklist's strings ([`Node`]) and streamed
//! straight into the hash: loading a checklist digests it, so this runs for every checklist
//! weigh reads, and building a `serde_json::Value` first (a map and an owned string per field)
//! cost as much as parsing the checklist.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::model::{Binding, Checklist, Condition, Dimension, Gate, Item, Kind, RuleAnswer, Test};

/// `sha256:` and the lowercase hex SHA-256 of the compact resolved JSON.
pub fn digest(checklist: &Checklist) -> String {
    let mut hasher = Hashing(Sha256::new());
    // Writing to a hasher cannot fail, and every number in the form is finite.
    let _ = serde_json::to_writer(&mut hasher, &tree(checklist));
    let hash = hasher.0.finalize();
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    for b in hash {
        out.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        out.push(char::from_digit(u32::from(b & 0xf), 16).unwrap_or('0'));
    }
    out
}

/// The resolved checklist as JSON (keys sorted, since `serde_json::Map` is a `BTreeMap`).
///
/// Keys added to the format after version 1.0 of weigh enter this form only when they differ
/// from their default, so upgrading weigh never changes the digest of an unchanged checklist
/// (which would make the scale indices older assessments hold stop fitting).
pub fn resolved(c: &Checklist) -> Value {
    serde_json::to_value(tree(c)).unwrap_or(Value::Null)
}

/// Feeds what is written into the hash.
struct Hashing(Sha256);

impl std::io::Write for Hashing {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// One value of the resolved form; objects are written with their keys sorted.
enum Node<'a> {
    Null,
    Bool(bool),
    Number(f64),
    Text(&'a str),
    List(Vec<Node<'a>>),
    Object(Vec<(&'static str, Node<'a>)>),
}

impl Serialize for Node<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Node::Null => s.serialize_unit(),
            Node::Bool(b) => s.serialize_bool(*b),
            Node::Number(n) => s.serialize_f64(*n),
            Node::Text(t) => s.serialize_str(t),
            Node::List(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Node::Object(entries) => {
                let mut sorted: Vec<&(&str, Node)> = entries.iter().collect();
                sorted.sort_unstable_by_key(|(key, _)| *key);
                let mut map = s.serialize_map(Some(sorted.len()))?;
                for (key, value) in sorted {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

fn text(s: &str) -> Node<'_> {
    Node::Text(s)
}

fn optional_text(s: Option<&String>) -> Node<'_> {
    s.map_or(Node::Null, |s| Node::Text(s))
}

fn optional_number(n: Option<f64>) -> Node<'static> {
    n.map_or(Node::Null, Node::Number)
}

fn texts(list: &[String]) -> Node<'_> {
    Node::List(list.iter().map(|s| text(s)).collect())
}

fn tree(c: &Checklist) -> Node<'_> {
    let r = &c.readiness;
    let mut readiness = vec![
        ("ready", Node::Number(r.ready)),
        ("conditional", Node::Number(r.conditional)),
        ("dimension_floor", Node::Number(r.dimension_floor)),
        ("disagreement", Node::Number(r.disagreement)),
    ];
    if !r.worst_blocks_ready {
        readiness.push(("worst_blocks_ready", Node::Bool(false)));
    }
    let meta = vec![
        ("id", text(&c.id)),
        ("title", text(&c.title)),
        ("version", text(&c.version)),
        ("description", optional_text(c.description.as_ref())),
    ];
    Node::Object(vec![
        ("schema_version", Node::Number(1.0)),
        ("checklist", Node::Object(meta)),
        ("readiness", Node::Object(readiness)),
        (
            "dimension",
            Node::List(c.dimensions.iter().map(dimension).collect()),
        ),
    ])
}

fn dimension(d: &Dimension) -> Node<'_> {
    Node::Object(vec![
        ("id", text(&d.id)),
        ("title", text(&d.title)),
        ("weight", Node::Number(d.weight)),
        ("description", optional_text(d.description.as_ref())),
        ("item", Node::List(d.items.iter().map(item).collect())),
    ])
}

fn item(i: &Item) -> Node<'_> {
    let mut out = vec![
        ("id", text(&i.id)),
        ("question", text(&i.question)),
        ("guidance", optional_text(i.guidance.as_ref())),
        ("kind", text(i.kind.name())),
    ];
    match &i.kind {
        Kind::Scale { levels } => out.push(("levels", texts(levels))),
        Kind::Choice { options } => {
            let options = options
                .iter()
                .map(|o| {
                    Node::Object(vec![
                        ("label", text(&o.label)),
                        ("score", Node::Number(o.score)),
                        ("description", optional_text(o.description.as_ref())),
                    ])
                })
                .collect();
            out.push(("options", Node::List(options)));
        }
        Kind::Number { unit, best, worst } => {
            out.push(("unit", text(unit)));
            out.push(("best", Node::Number(*best)));
            out.push(("worst", Node::Number(*worst)));
        }
        Kind::YesNo | Kind::Text => {}
    }
    if i.is_scored() {
        out.push(("weight", Node::Number(i.weight)));
        out.push(("gate", gate(i.gate.as_ref())));
        out.push((
            "max_age_days",
            optional_number(i.max_age_days.map(f64::from)),
        ));
    }
    let evidence = if i.evidence_required {
        "required"
    } else {
        "optional"
    };
    out.push(("evidence", text(evidence)));
    out.push(("na_allowed", Node::Bool(i.na_allowed)));
    out.push(("references", texts(&i.references)));
    out.push(("when", when(i)));
    // Only items with a binding carry the key, so the digest of every checklist without
    // bindings stays what it was before bindings existed.
    if let Some(b) = &i.fact {
        out.push(("fact", binding(b, &i.kind)));
    }
    Node::Object(out)
}

fn binding<'a>(b: &'a Binding, kind: &'a Kind) -> Node<'a> {
    let rules = b
        .rules
        .iter()
        .map(|r| {
            let (equals, min, max) = match &r.test {
                Test::Text(t) => (text(t), None, None),
                Test::Number(n) => (Node::Number(*n), None, None),
                Test::Bool(v) => (Node::Bool(*v), None, None),
                Test::Range { min, max } => (Node::Null, *min, *max),
            };
            let answer = match &r.answer {
                RuleAnswer::Yes(yes) => Node::Bool(*yes),
                RuleAnswer::Level(level) => match kind {
                    Kind::Scale { levels } => optional_text(levels.get(*level)),
                    _ => Node::Null,
                },
                RuleAnswer::Label(label) => text(label),
            };
            Node::Object(vec![
                ("is", equals),
                ("min", optional_number(min)),
                ("max", optional_number(max)),
                ("answer", answer),
            ])
        })
        .collect();
    Node::Object(vec![("name", text(&b.name)), ("map", Node::List(rules))])
}

fn gate(gate: Option<&Gate>) -> Node<'static> {
    match gate {
        None => Node::Null,
        Some(Gate::Yes) => Node::Bool(true),
        Some(Gate::MinLevel(level)) => Node::Number(*level as f64),
        Some(Gate::MinScore(score)) => Node::Number(*score),
        Some(Gate::Range { min, max }) => {
            let mut bounds = Vec::new();
            if let Some(min) = min {
                bounds.push(("min", Node::Number(*min)));
            }
            if let Some(max) = max {
                bounds.push(("max", Node::Number(*max)));
            }
            Node::Object(bounds)
        }
    }
}

fn when(i: &Item) -> Node<'_> {
    match &i.when {
        None => Node::Null,
        Some(w) => match &w.condition {
            Condition::In(labels) => {
                Node::Object(vec![("item", text(&w.item)), ("in", texts(labels))])
            }
            Condition::Is(is) => {
                Node::Object(vec![("item", text(&w.item)), ("is", Node::Bool(*is))])
            }
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
