//! The structural check: walks a spanned TOML document against a JSON Schema of its file type.
//!
//! serde stops at the first structural error; this walk reports every unknown key (with "did you
//! mean"), missing required key and wrong type in one pass, each at its span, and removes what it
//! reported so that the typed deserialization that follows cannot fail on it.

use std::borrow::Cow;
use std::ops::Range;

use serde_json::{Map, Value};
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

use crate::diag::Diagnostic;
use crate::text::{did_you_mean, one_of};

/// Checks `doc` against `schema`, pruning what does not fit, and returns every problem found.
pub fn check(doc: &mut Spanned<DeTable<'_>>, schema: &Value) -> Vec<Diagnostic> {
    let mut walker = Walker {
        root: schema,
        problems: Vec::new(),
    };
    let span = doc.span();
    walker.table(doc.get_mut(), span, schema, "");
    walker.problems
}

static NO_PROPERTIES: std::sync::LazyLock<Map<String, Value>> = std::sync::LazyLock::new(Map::new);

struct Walker<'s> {
    root: &'s Value,
    problems: Vec<Diagnostic>,
}

impl<'s> Walker<'s> {
    fn resolve(&self, schema: &'s Value) -> &'s Value {
        let mut schema = schema;
        loop {
            // A lone `allOf` wrapping a reference; an `allOf` beside a schema's own type or
            // properties holds extra rules (`schema_rules`) this walk does not check.
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
            match self.root.pointer(pointer) {
                Some(target) => schema = target,
                None => break,
            }
        }
        schema
    }

    /// Checks one value; returns false when it does not fit and must be removed.
    fn value(&mut self, value: &mut Spanned<DeValue<'_>>, schema: &'s Value, path: &str) -> bool {
        let schema = self.resolve(schema);
        let span = value.span();
        if let Some(branches) = schema.get("anyOf").and_then(Value::as_array) {
            return self.any_of(value, branches, path);
        }
        let Some(expected) = expected_types(schema) else {
            return true;
        };
        let format = schema.get("format").and_then(Value::as_str);
        if !expected
            .iter()
            .any(|t| type_matches(t, format, value.get_ref()))
        {
            let expected: Vec<&str> = expected.iter().map(|t| type_name(t, format)).collect();
            self.wrong_type(span, path, &expected, value.get_ref());
            return false;
        }
        match value.get_mut() {
            DeValue::Table(table) => self.table(table, span, schema, path),
            DeValue::Array(array) => self.array(array, schema, path),
            DeValue::String(s) => return self.enumeration(s, span, schema, path),
            _ => {}
        }
        true
    }

    fn any_of(
        &mut self,
        value: &mut Spanned<DeValue<'_>>,
        branches: &'s [Value],
        path: &str,
    ) -> bool {
        let fitting = branches.iter().map(|b| self.resolve(b)).find(|b| {
            let format = b.get("format").and_then(Value::as_str);
            expected_types(b)
                .is_some_and(|ts| ts.iter().any(|t| type_matches(t, format, value.get_ref())))
        });
        match fitting {
            Some(branch) => self.value(value, branch, path),
            None => {
                let expected: Vec<&str> = branches
                    .iter()
                    .map(|b| self.resolve(b))
                    .flat_map(|b| {
                        let format = b.get("format").and_then(Value::as_str);
                        let types = expected_types(b).unwrap_or_default();
                        types.into_iter().map(move |t| type_name(t, format))
                    })
                    .collect();
                self.wrong_type(value.span(), path, &expected, value.get_ref());
                false
            }
        }
    }

    fn table(
        &mut self,
        table: &mut DeTable<'_>,
        span: Range<usize>,
        schema: &'s Value,
        path: &str,
    ) {
        let properties = schema
            .get("properties")
            .and_then(Value::as_object)
            .unwrap_or(&NO_PROPERTIES);
        let additional = schema.get("additionalProperties");
        let keys: Vec<Spanned<Cow<'_, str>>> = table.keys().cloned().collect();
        let mut removed = Vec::new();
        for key in keys {
            let name: &str = key.get_ref();
            let Some(value) = table.get_mut(name) else {
                continue;
            };
            let key_path = join(path, name);
            let keep = match properties.get(name) {
                Some(sub) => self.value(value, sub, &key_path),
                None => match additional {
                    Some(Value::Bool(false)) => {
                        self.problems.push(unknown_key(&key, properties));
                        false
                    }
                    Some(sub @ Value::Object(_)) => self.value(value, sub, &key_path),
                    _ => true,
                },
            };
            if !keep {
                table.remove(name);
                removed.push(name.to_string());
            }
        }
        self.required(table, &removed, span, schema, path);
    }

    /// Reports required keys that are absent; a key removed for a wrong value was reported already.
    fn required(
        &mut self,
        table: &DeTable<'_>,
        removed: &[String],
        span: Range<usize>,
        schema: &Value,
        path: &str,
    ) {
        let Some(required) = schema.get("required").and_then(Value::as_array) else {
            return;
        };
        for key in required.iter().filter_map(Value::as_str) {
            if !table.contains_key(key) && !removed.iter().any(|r| r == key) {
                let whole = join(path, key);
                self.problems.push(
                    Diagnostic::error("missing-key", format!("missing required key `{whole}`"))
                        .at(header_span(span.clone()))
                        .label(format!("`{key}` is required here"))
                        .help(format!("add `{key} = …`")),
                );
            }
        }
    }

    fn array<'i>(&mut self, array: &mut DeArray<'i>, schema: &'s Value, path: &str) {
        let Some(items) = schema.get("items") else {
            return;
        };
        let keep: Vec<bool> = array
            .iter_mut()
            .enumerate()
            .map(|(i, element)| self.value(element, items, &format!("{path}[{i}]")))
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

    fn enumeration(&mut self, s: &str, span: Range<usize>, schema: &Value, path: &str) -> bool {
        let names = allowed_values(schema);
        if names.is_empty() {
            return true;
        }
        if names.contains(&s) {
            return true;
        }
        let help = did_you_mean(s, names.iter().copied())
            .unwrap_or_else(|| format!("use one of {}", one_of(&names)));
        self.problems.push(
            Diagnostic::error("invalid-value", format!("`{path}` cannot be \"{s}\""))
                .at(span)
                .label(format!("expected {}", one_of(&names)))
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

fn unknown_key(key: &Spanned<Cow<'_, str>>, properties: &Map<String, Value>) -> Diagnostic {
    let name = key.get_ref();
    let help = did_you_mean(name, properties.keys().map(String::as_str)).unwrap_or_else(|| {
        let names: Vec<&str> = properties.keys().map(String::as_str).collect();
        format!("the keys allowed here are {}", one_of(&names))
    });
    Diagnostic::error("unknown-key", format!("unknown key `{name}`"))
        .at(key.span())
        .label("not a key here")
        .help(help)
}

/// The strings an enumeration allows: `enum`, or a `oneOf` of `const`s (what schemars emits
/// for an enum whose variants have doc comments).
fn allowed_values(schema: &Value) -> Vec<&str> {
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

fn expected_types(schema: &Value) -> Option<Vec<&str>> {
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
