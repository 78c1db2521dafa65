//! The structural check: walks a spanned TOML document against a JSON Schema of its file type.
//!
//! serde stops at the first structural error; this walk reports every unknown key (with "did you
//! mean"), missing required key and wrong type in one pass, each at its span, and removes what it
//! reported so that the typed deserialization that follows cannot fail on it.

use std::borrow::Cow;
use std::ops::Range;

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::Value;
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

use crate::diag::Diagnostic;
use crate::schema::SchemaKind;
use crate::text::{did_you_mean, one_of};

/// Checks `doc` against the schema of `kind`, pruning what does not fit, and returns every
/// problem found.
pub fn check(doc: &mut Spanned<DeTable<'_>>, kind: SchemaKind) -> Vec<Diagnostic> {
    let compiled = compiled(kind);
    let mut walker = Walker {
        nodes: &compiled.nodes,
        problems: Vec::new(),
    };
    let span = doc.span();
    walker.table(doc.get_mut(), span, ROOT, &At::Root);
    walker.problems
}

/// The schema of `kind`, compiled once per process.
fn compiled(kind: SchemaKind) -> &'static Compiled {
    static CACHE: [OnceLock<Compiled>; SchemaKind::ALL.len()] =
        [const { OnceLock::new() }; SchemaKind::ALL.len()];
    let slot = SchemaKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
    CACHE[slot].get_or_init(|| Compiled::of(committed(kind)))
}

/// The schema as committed under `schemas/`, read from the binary: parsing that JSON costs a
/// fraction of generating the schema from the types, which every command paid at start. A test
/// keeps the committed files exactly what [`crate::schema::generate`] makes
/// (`tests/checklist_schema.rs`, and [`tests::the_walked_schemas_are_the_generated_ones`]).
fn committed(kind: SchemaKind) -> &'static Value {
    let text = match kind {
        SchemaKind::Checklist => include_str!("../schemas/checklist.schema.json"),
        SchemaKind::Assessment => include_str!("../schemas/assessment.schema.json"),
        SchemaKind::Project => include_str!("../schemas/project.schema.json"),
        other => return generated(other),
    };
    match serde_json::from_str::<Value>(text) {
        Ok(value) => Box::leak(Box::new(value)),
        Err(_) => generated(kind),
    }
}

/// The schema generated from the types, kept for the life of the process (called at most once
/// per kind, from [`compiled`]).
fn generated(kind: SchemaKind) -> &'static Value {
    Box::leak(Box::new(crate::schema::generate(kind).to_value()))
}

/// The root node: the schema itself, walked as a table without resolving it.
const ROOT: usize = 0;

/// A JSON Schema as the walk reads it: every `$ref` and lone `allOf` resolved, and each
/// keyword looked up once, so walking a file costs no map lookups into the schema.
struct Compiled {
    nodes: Vec<Node>,
}

/// One (resolved) subschema.
#[derive(Default)]
struct Node {
    /// `anyOf`, each branch resolved.
    any_of: Option<Vec<usize>>,
    /// The JSON types allowed (see [`expected_types`]); `None` allows anything.
    expected: Option<Vec<&'static str>>,
    /// `format`.
    format: Option<&'static str>,
    /// `properties`, in the schema's order.
    properties: Vec<(&'static str, usize)>,
    /// `additionalProperties`.
    additional: Additional,
    /// `required`.
    required: Vec<&'static str>,
    /// `items`.
    items: Option<usize>,
    /// The strings an enumeration allows (see [`allowed_values`]).
    allowed: Vec<&'static str>,
}

/// What `additionalProperties` says of a key the schema does not name.
#[derive(Default)]
enum Additional {
    /// Absent or anything but `false` or a schema: kept unchecked.
    #[default]
    Kept,
    /// `false`: an unknown key.
    Refused,
    /// A schema the value must fit.
    Checked(usize),
}

impl Compiled {
    fn of(root: &'static Value) -> Self {
        let mut compiled = Compiled { nodes: Vec::new() };
        let mut seen = HashMap::new();
        compiled.node(root, root, &mut seen);
        compiled
    }

    /// The node of `schema` resolved.
    fn resolved(
        &mut self,
        root: &'static Value,
        schema: &'static Value,
        seen: &mut HashMap<*const Value, usize>,
    ) -> usize {
        self.node(root, resolve(root, schema), seen)
    }

    /// The node of `schema` as it is, compiled once (schemas may refer to themselves).
    fn node(
        &mut self,
        root: &'static Value,
        schema: &'static Value,
        seen: &mut HashMap<*const Value, usize>,
    ) -> usize {
        if let Some(id) = seen.get(&(schema as *const Value)) {
            return *id;
        }
        let id = self.nodes.len();
        seen.insert(schema as *const Value, id);
        self.nodes.push(Node::default());
        let mut node = Node {
            expected: expected_types(schema),
            format: schema.get("format").and_then(Value::as_str),
            allowed: allowed_values(schema),
            required: schema
                .get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default(),
            ..Node::default()
        };
        if let Some(branches) = schema.get("anyOf").and_then(Value::as_array) {
            node.any_of = Some(
                branches
                    .iter()
                    .map(|b| self.resolved(root, b, seen))
                    .collect(),
            );
        }
        if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
            for (name, sub) in properties {
                let sub = self.resolved(root, sub, seen);
                node.properties.push((name.as_str(), sub));
            }
        }
        node.additional = match schema.get("additionalProperties") {
            Some(Value::Bool(false)) => Additional::Refused,
            Some(sub @ Value::Object(_)) => Additional::Checked(self.resolved(root, sub, seen)),
            _ => Additional::Kept,
        };
        node.items = schema
            .get("items")
            .map(|items| self.resolved(root, items, seen));
        self.nodes[id] = node;
        id
    }
}

/// Follows `$ref`s and lone `allOf` wrappers. An `allOf` beside a schema's own type or
/// properties holds extra rules (`schema_rules`) this walk does not check.
fn resolve(root: &'static Value, schema: &'static Value) -> &'static Value {
    let mut schema = schema;
    loop {
        let wrapper = schema.get("type").is_none() && schema.get("properties").is_none();
        if let Some([only]) = schema
            .get("allOf")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .filter(|_| wrapper)
        {
            schema = only;
            continue;
        }
        let Some(reference) = schema.get("$ref").and_then(Value::as_str) else {
            break;
        };
        let pointer = reference.trim_start_matches('#');
        match root.pointer(pointer) {
            Some(target) => schema = target,
            None => break,
        }
    }
    schema
}

/// Where a value is in the document, rendered (`a.b[2].c`) only when a problem is reported.
enum At<'p> {
    Root,
    Key(&'p At<'p>, &'p str),
    Index(&'p At<'p>, usize),
}

impl At<'_> {
    fn render(&self) -> String {
        match self {
            At::Root => String::new(),
            At::Key(parent, key) => join(&parent.render(), key),
            At::Index(parent, i) => format!("{}[{i}]", parent.render()),
        }
    }
}

struct Walker<'s> {
    nodes: &'s [Node],
    problems: Vec<Diagnostic>,
}

impl<'s> Walker<'s> {
    /// Checks one value; returns false when it does not fit and must be removed.
    fn value(&mut self, value: &mut Spanned<DeValue<'_>>, id: usize, at: &At<'_>) -> bool {
        let node = &self.nodes[id];
        let span = value.span();
        if let Some(branches) = &node.any_of {
            return self.any_of(value, branches, at);
        }
        let Some(expected) = &node.expected else {
            return true;
        };
        let format = node.format;
        if !expected
            .iter()
            .any(|t| type_matches(t, format, value.get_ref()))
        {
            let expected: Vec<&str> = expected.iter().map(|t| type_name(t, format)).collect();
            self.wrong_type(span, &at.render(), &expected, value.get_ref());
            return false;
        }
        match value.get_mut() {
            DeValue::Table(table) => self.table(table, span, id, at),
            DeValue::Array(array) => self.array(array, id, at),
            DeValue::String(s) => return self.enumeration(s, span, id, at),
            _ => {}
        }
        true
    }

    fn any_of(
        &mut self,
        value: &mut Spanned<DeValue<'_>>,
        branches: &[usize],
        at: &At<'_>,
    ) -> bool {
        let nodes = self.nodes;
        let fitting = branches.iter().copied().find(|b| {
            let b = &nodes[*b];
            b.expected.as_ref().is_some_and(|ts| {
                ts.iter()
                    .any(|t| type_matches(t, b.format, value.get_ref()))
            })
        });
        match fitting {
            Some(branch) => self.value(value, branch, at),
            None => {
                let expected: Vec<&str> = branches
                    .iter()
                    .map(|b| &nodes[*b])
                    .flat_map(|b| {
                        let types = b.expected.as_deref().unwrap_or_default();
                        types.iter().map(move |t| type_name(t, b.format))
                    })
                    .collect();
                self.wrong_type(value.span(), &at.render(), &expected, value.get_ref());
                false
            }
        }
    }

    fn table(&mut self, table: &mut DeTable<'_>, span: Range<usize>, id: usize, at: &At<'_>) {
        let nodes = self.nodes;
        let node = &nodes[id];
        let mut removed = Vec::new();
        for (key, value) in table.iter_mut() {
            let name: &str = key.get_ref();
            let here = At::Key(at, name);
            let keep = match node.properties.iter().find(|(p, _)| *p == name) {
                Some((_, sub)) => self.value(value, *sub, &here),
                None => match node.additional {
                    Additional::Refused => {
                        self.problems.push(unknown_key(key, &node.properties));
                        false
                    }
                    Additional::Checked(sub) => self.value(value, sub, &here),
                    Additional::Kept => true,
                },
            };
            if !keep {
                removed.push(name.to_string());
            }
        }
        for name in &removed {
            table.remove(name.as_str());
        }
        self.required(table, &removed, span, node, at);
    }

    /// Reports required keys that are absent; a key removed for a wrong value was reported already.
    fn required(
        &mut self,
        table: &DeTable<'_>,
        removed: &[String],
        span: Range<usize>,
        node: &Node,
        at: &At<'_>,
    ) {
        for key in &node.required {
            if !table.contains_key(*key) && !removed.iter().any(|r| r == key) {
                let whole = join(&at.render(), key);
                self.problems.push(
                    Diagnostic::error("missing-key", format!("missing required key `{whole}`"))
                        .at(header_span(span.clone()))
                        .label(format!("`{key}` is required here"))
                        .help(format!("add `{key} = …`")),
                );
            }
        }
    }

    fn array<'i>(&mut self, array: &mut DeArray<'i>, id: usize, at: &At<'_>) {
        let Some(items) = self.nodes[id].items else {
            return;
        };
        let keep: Vec<bool> = array
            .iter_mut()
            .enumerate()
            .map(|(i, element)| self.value(element, items, &At::Index(at, i)))
            .collect();
        if keep.iter().all(|k| *k) {
            return;
        }
        let mut kept: DeArray<'i> = DeArray::new();
        let old = std::mem::replace(array, DeArray::new());
        for (element, keep) in old.iter().zip(keep) {
            if keep {
                kept.push(element.clone());
            }
        }
        *array = kept;
    }

    fn enumeration(&mut self, s: &str, span: Range<usize>, id: usize, at: &At<'_>) -> bool {
        let names = &self.nodes[id].allowed;
        if names.is_empty() || names.contains(&s) {
            return true;
        }
        let path = at.render();
        let help = did_you_mean(s, names.iter().copied())
            .unwrap_or_else(|| format!("use one of {}", one_of(names)));
        self.problems.push(
            Diagnostic::error("invalid-value", format!("`{path}` cannot be \"{s}\""))
                .at(span)
                .label(format!("expected {}", one_of(names)))
                .help(help),
        );
        false
    }

    fn wrong_type(
        &mut self,
        span: Range<usize>,
        path: &str,
        expected: &[&str],
        found: &DeValue<'_>,
    ) {
        let quoted_time = expected.contains(&DATE_TIME) && matches!(found, DeValue::String(_));
        let expected = expected.join(" or ");
        let help = if quoted_time {
            format!(
                "remove the quotes: a date-time is written bare, e.g. `{} = 2026-11-28T20:05:00Z`",
                last_key(path)
            )
        } else {
            format!("write `{}` as {expected}", last_key(path))
        };
        self.problems.push(
            Diagnostic::error(
                "wrong-type",
                format!("`{path}` must be {expected}, not {}", value_name(found)),
            )
            .at(span)
            .label(format!("expected {expected}"))
            .help(help),
        );
    }
}

fn unknown_key(key: &Spanned<Cow<'_, str>>, properties: &[(&str, usize)]) -> Diagnostic {
    let name = key.get_ref();
    let names: Vec<&str> = properties.iter().map(|(p, _)| *p).collect();
    let help = did_you_mean(name, names.iter().copied())
        .unwrap_or_else(|| format!("the keys allowed here are {}", one_of(&names)));
    Diagnostic::error("unknown-key", format!("unknown key `{name}`"))
        .at(key.span())
        .label("not a key here")
        .help(help)
}

/// The strings an enumeration allows: `enum`, or a `oneOf` of `const`s (what schemars emits
/// for an enum whose variants have doc comments).
fn allowed_values(schema: &'static Value) -> Vec<&'static str> {
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return values.iter().filter_map(Value::as_str).collect();
    }
    let branches = schema
        .get("oneOf")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    branches
        .iter()
        .flat_map(|b| {
            let constant = b.get("const").and_then(Value::as_str);
            let values = b
                .get("enum")
                .and_then(Value::as_array)
                .map_or(&[][..], Vec::as_slice);
            constant
                .into_iter()
                .chain(values.iter().filter_map(Value::as_str))
        })
        .collect()
}

fn expected_types(schema: &'static Value) -> Option<Vec<&'static str>> {
    if schema.get("type").is_none() && !allowed_values(schema).is_empty() {
        return Some(vec!["string"]);
    }
    match schema.get("type")? {
        Value::String(t) => Some(vec![t.as_str()]),
        Value::Array(ts) => Some(ts.iter().filter_map(Value::as_str).collect()),
        _ => None,
    }
}

/// TOML date-times stand for JSON strings of format `date-time`, and only for those.
fn type_matches(expected: &str, format: Option<&str>, value: &DeValue<'_>) -> bool {
    match (expected, value) {
        ("string", DeValue::String(_)) => format != Some("date-time"),
        ("string", DeValue::Datetime(_)) => format == Some("date-time"),
        ("integer", DeValue::Integer(_))
        | ("number", DeValue::Integer(_) | DeValue::Float(_))
        | ("boolean", DeValue::Boolean(_))
        | ("object", DeValue::Table(_))
        | ("array", DeValue::Array(_)) => true,
        _ => false,
    }
}

/// How a date-time is named to the user (TOML writes it bare, JSON as a string).
const DATE_TIME: &str = "an offset date-time";

fn type_name<'a>(json_type: &'a str, format: Option<&str>) -> &'a str {
    match json_type {
        "string" if format == Some("date-time") => DATE_TIME,
        "object" => "a table",
        "array" => "an array",
        "string" => "a string",
        "integer" => "an integer",
        "number" => "a number",
        "boolean" => "true or false",
        other => other,
    }
}

fn value_name(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn last_key(path: &str) -> &str {
    path.rsplit('.').next().unwrap_or(path)
}

/// A table's span can cover its whole body; a missing key is reported at its first line.
fn header_span(span: Range<usize>) -> Range<usize> {
    span.start..span.start
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_walked_schemas_are_the_generated_ones() {
        for kind in [
            SchemaKind::Checklist,
            SchemaKind::Assessment,
            SchemaKind::Project,
        ] {
            assert_eq!(
                committed(kind),
                crate::schema::generate(kind).as_value(),
                "{} differs from what weigh generates; run `WEIGH_BLESS=1 cargo test --test checklist_schema`",
                kind.file_name()
            );
        }
    }
}
