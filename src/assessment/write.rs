//! The canonical writer (SPEC §3): the same content always gives the same bytes.
//!
//! Layout: an optional `#:schema` line; `schema_version`; `[assessment]`; `[candidate]`;
//! `[candidate.facts]` with sorted keys; then one `[[answer]]` block per answer in checklist
//! order, then by assessor, blocks separated by one blank line. Strings are single-line basic
//! strings; empty values are not written; only TOML 1.0 syntax is used.

use std::fmt::Write;

use jiff::Timestamp;

use super::model::{Answer, AnswerValue, Assessment, Fact, FactValue, Scalar};
use crate::checklist::{Checklist, Kind};

/// Renders an assessment in canonical form. `schema_line` is the relative path of
/// `assessment.schema.json` when the project has a `schemas/` folder. Answers that fit
/// `checklist` are written in its terms (a `scale` answer as its level's text); answers that do
/// not fit (`unfit`) are written back as they were read.
pub fn canonical(a: &Assessment, checklist: &Checklist, schema_line: Option<&str>) -> String {
    let mut out = String::new();
    if let Some(path) = schema_line {
        let _ = writeln!(out, "#:schema {path}");
    }
    out.push_str("schema_version = 1\n\n[assessment]\n");
    pair(&mut out, "checklist", &string(&a.checklist));
    pair(&mut out, "checklist_version", &string(&a.checklist_version));
    if let Some(digest) = a.checklist_digest.as_deref().filter(|d| !d.is_empty()) {
        pair(&mut out, "checklist_digest", &string(digest));
    }
    pair(&mut out, "created", &datetime(a.created));
    candidate(&mut out, a);
    for answer in &a.answers {
        out.push('\n');
        block(&mut out, &as_written(answer, checklist));
    }
    for answer in &a.unfit {
        out.push('\n');
        block(&mut out, answer);
    }
    out
}

/// A fitting answer as it is written: a `scale` level index becomes the level's text, so a diff
/// reads without the checklist and reordered levels cannot change an answer's meaning.
fn as_written<'a>(answer: &'a Answer, checklist: &Checklist) -> std::borrow::Cow<'a, Answer> {
    let level = match (checklist.item(&answer.item).map(|i| &i.kind), &answer.value) {
        (Some(Kind::Scale { levels }), AnswerValue::Int(i)) => {
            usize::try_from(*i).ok().and_then(|i| levels.get(i))
        }
        _ => None,
    };
    match level {
        Some(text) => std::borrow::Cow::Owned(Answer {
            value: AnswerValue::Text(text.clone()),
            ..answer.clone()
        }),
        None => std::borrow::Cow::Borrowed(answer),
    }
}

fn candidate(out: &mut String, a: &Assessment) {
    let c = &a.candidate;
    out.push_str("\n[candidate]\n");
    pair(out, "name", &string(&c.name));
    for (key, value) in [("model", &c.model), ("revision", &c.revision)] {
        if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
            pair(out, key, &string(v));
        }
    }
    if !c.facts.is_empty() {
        out.push_str("\n[candidate.facts]\n");
        for (key, fact) in &c.facts {
            pair(out, &self::key(key), &fact_value(fact));
        }
    }
}

fn block(out: &mut String, a: &Answer) {
    out.push_str("[[answer]]\n");
    pair(out, "item", &string(&a.item));
    pair(out, "by", &string(&a.by));
    match &a.value {
        AnswerValue::Na => pair(out, "na", "true"),
        value => pair(out, "value", &answer_value(value)),
    }
    pair(out, "at", &datetime(a.at));
    if let Some(note) = a.note.as_deref().filter(|n| !n.is_empty()) {
        pair(out, "note", &string(note));
    }
    if !a.evidence.is_empty() {
        let items: Vec<String> = a.evidence.iter().map(|e| string(e)).collect();
        pair(out, "evidence", &format!("[{}]", items.join(", ")));
    }
}

fn pair(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "{key} = {value}");
}

fn answer_value(value: &AnswerValue) -> String {
    match value {
        AnswerValue::Na => "true".into(),
        AnswerValue::Bool(b) => b.to_string(),
        AnswerValue::Int(i) => i.to_string(),
        AnswerValue::Float(f) => float(*f),
        AnswerValue::Text(s) => string(s),
    }
}

/// A fact with a source or a date is an inline table `{ value, source, as_of }` (SPEC §3); a bare
/// value (the older form) is written back as it was read.
fn fact_value(fact: &Fact) -> String {
    let value = bare_value(&fact.value);
    if fact.source.is_none() && fact.as_of.is_none() {
        return value;
    }
    let mut parts = vec![format!("value = {value}")];
    if let Some(source) = &fact.source {
        parts.push(format!("source = {}", string(source)));
    }
    if let Some(as_of) = fact.as_of {
        parts.push(format!("as_of = {}", datetime(as_of)));
    }
    format!("{{ {} }}", parts.join(", "))
}

fn bare_value(value: &FactValue) -> String {
    match value {
        FactValue::Scalar(s) => scalar(s),
        FactValue::List(items) => {
            let items: Vec<String> = items.iter().map(scalar).collect();
            format!("[{}]", items.join(", "))
        }
    }
}

fn scalar(s: &Scalar) -> String {
    match s {
        Scalar::Bool(b) => b.to_string(),
        Scalar::Int(i) => i.to_string(),
        Scalar::Float(f) => float(*f),
        Scalar::Text(t) => string(t),
        Scalar::Datetime(d) => d.clone(),
    }
}

/// A TOML float: always with a `.` or an exponent, so it reads back as a float.
pub fn float(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let text = format!("{f:?}");
    if text.contains(['.', 'e', 'E']) {
        text
    } else {
        format!("{text}.0")
    }
}

/// UTC, whole seconds: `YYYY-MM-DDTHH:MM:SSZ`.
pub fn datetime(t: Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// A bare key when it can be one, else a quoted key.
fn key(k: &str) -> String {
    let bare = !k.is_empty()
        && k.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if bare { k.to_string() } else { string(k) }
}

/// A single-line TOML basic string with escapes (TOML 1.0: no `\e`). Every character a terminal
/// would act on ([`crate::text::is_dangerous`]: controls, bidi controls) is written as `\uXXXX`,
/// so `cat` or `git diff` of an assessment never drives the terminal or reorders a line.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if crate::text::is_dangerous(c) => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_quotes_newlines_and_controls() {
        assert_eq!(string("a\"b\\c\nd\u{1b}"), "\"a\\\"b\\\\c\\nd\\u001B\"");
    }

    #[test]
    fn floats_always_read_back_as_floats() {
        assert_eq!(float(1.0), "1.0");
        assert_eq!(float(1e12), "1000000000000.0");
        assert_eq!(float(0.25), "0.25");
        assert_eq!(float(1e300), "1e300");
    }

    #[test]
    fn recorded_facts_are_inline_tables_and_bare_facts_stay_bare() {
        let at: Timestamp = "2026-07-01T00:00:00Z".parse().unwrap();
        let count = FactValue::Scalar(Scalar::Int(38));
        assert_eq!(fact_value(&Fact::bare(count.clone())), "38");
        assert_eq!(
            fact_value(&Fact::recorded(count, "models.dev \"slice\"", at)),
            "{ value = 38, source = \"models.dev \\\"slice\\\"\", as_of = 2026-07-01T00:00:00Z }"
        );
    }

    #[test]
    fn datetimes_are_utc_whole_seconds() {
        let t: Timestamp = "2026-11-28T21:05:07.9+01:00".parse().unwrap();
        assert_eq!(datetime(t), "2026-11-28T20:05:07Z");
    }
}
