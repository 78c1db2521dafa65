//! SPEC §5: "No input, however malformed, makes `weigh` panic." The checklist loader is fed
//! truncated files, arbitrary text and mutated valid files; it must never panic, and it must either
//! load with no error or fail with at least one located error that renders.

use std::path::PathBuf;

use proptest::prelude::*;
use proptest::test_runner::Config;
use weigh::checklist::{self, Origin, builtin};
use weigh::diag::line_col;

mod common;
use common::fixture;

/// A small valid checklist that uses every kind, gate and `when` form, so that mutations reach
/// every semantic rule.
const SMALL: &str = r#"schema_version = 1

[checklist]
id = "small"
title = "Small"
version = "1.0.0"
description = "Every *kind*."

[readiness]
ready = 80
conditional = 60
dimension_floor = 50
disagreement = 0.5

[[dimension]]
id = "one"
title = "One"
weight = 2

[[dimension.item]]
id = "mode"
question = "How?"
kind = "choice"
weight = 0
options = [{ label = "Self-host", score = 1.0 }, { label = "API", score = 0.5, description = "d" }]

[[dimension.item]]
id = "host"
question = "Host?"
kind = "yes_no"
gate = true
when = { item = "mode", in = ["Self-host"] }

[[dimension.item]]
id = "eval"
question = "Evaluated?"
kind = "scale"
levels = ["No", "Some", "Lots"]
gate = 1
max_age_days = 90
evidence = "required"
na_allowed = true
references = ["https://example.com"]
when = { item = "host", is = true }

[[dimension]]
id = "two"
title = "Two"

[[dimension.item]]
id = "price"
question = "Price?"
kind = "number"
unit = "USD"
best = 0.5
worst = 10
gate = { min = 0, max = 8 }

[[dimension.item]]
id = "pick"
question = "Pick?"
kind = "choice"
options = [{ label = "A", score = 1 }, { label = "B", score = 0 }]
gate = 0.5

[[dimension.item]]
id = "notes"
question = "Notes?"
kind = "text"
"#;

/// Values a mutation may put on the right of an `=`.
const VALUES: &[&str] = &[
    "0",
    "1",
    "-1",
    "2",
    "3",
    "1.5",
    "-0.0",
    "1e16",
    "1e400",
    "nan",
    "-inf",
    "inf",
    "9223372036854775807",
    "\"\"",
    "\" \"",
    "\"x\"",
    "\"Self-host\"",
    "\"mode\"",
    "\"host\"",
    "\"eval\"",
    "\"notes\"",
    "\"price\"",
    "\"scale\"",
    "\"text\"",
    "\"number\"",
    "\"yes_no\"",
    "\"choice\"",
    "\"1.0\"",
    "\"UPPER\"",
    "true",
    "false",
    "[]",
    "[\"a\"]",
    "[\"a\", \"A \"]",
    "[1]",
    "[[]]",
    "{}",
    "{ min = 1 }",
    "{ max = nan }",
    "{ min = 2, max = 1 }",
    "{ item = \"mode\" }",
    "{ item = \"mode\", is = true }",
    "{ item = \"host\", in = [] }",
    "{ item = \"notes\", in = [\"x\"], is = false }",
    "[{ label = \"\", score = 2 }]",
    "[{ label = \"a\" }]",
    "1979-05-27T07:32:00Z",
    "1979-05-27",
    "07:32:00",
    "'''\n'''",
    "\"\\u001b[31m\"",
];

fn fixtures() -> Vec<(PathBuf, String)> {
    let dir = fixture("checklists/invalid");
    let mut out: Vec<(PathBuf, String)> = std::fs::read_dir(&dir)
        .expect("fixture folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("fixture");
            (p, text)
        })
        .collect();
    out.sort();
    out
}

/// Loads `text` and checks the contract: Ok means no error at all; Err carries at least one error,
/// every span lies inside the text, and the report renders.
fn check(text: &str, render: bool) {
    let origin = Origin::Path(PathBuf::from("input.toml"));
    match checklist::load_str("input.toml", text, origin.clone()) {
        Ok(_) => {
            let (_, diagnostics) = checklist::parse(text, origin);
            assert!(
                !diagnostics.iter().any(|d| d.is_error()),
                "loaded despite errors: {diagnostics:?}"
            );
        }
        Err(report) => {
            assert!(
                report.has_errors(),
                "failed with no error diagnostic: {:?}",
                report.diagnostics
            );
            for d in &report.diagnostics {
                assert!(!d.code.is_empty());
                if let Some(span) = &d.span {
                    assert!(
                        span.start <= span.end && span.end <= text.len(),
                        "{} span {span:?} outside a text of {} bytes",
                        d.code,
                        text.len()
                    );
                    let _ = line_col(text, span.start);
                }
            }
            if render {
                assert!(!report.render(false).is_empty());
                let _ = report.render(true);
            }
        }
    }
}

/// Char-boundary prefixes of `text`, about `count` of them evenly spread, plus the whole text.
fn prefixes(text: &str, count: usize) -> impl Iterator<Item = &str> {
    let boundaries: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let step = (boundaries.len() / count.max(1)).max(1);
    let mut picked: Vec<usize> = boundaries.iter().copied().step_by(step).collect();
    if picked.last() != Some(&text.len()) {
        picked.push(text.len());
    }
    picked.into_iter().map(move |end| &text[..end])
}

#[test]
fn builtin_checklists_load() {
    for b in builtin::all() {
        let loaded = checklist::load_str(&format!("builtin:{}", b.id), b.source, Origin::Builtin);
        assert!(
            loaded.is_ok(),
            "built-in {} does not load: {}",
            b.id,
            loaded.err().unwrap().render(false)
        );
    }
}

#[test]
fn truncated_builtins_never_panic() {
    for b in builtin::all() {
        for (i, prefix) in prefixes(b.source, 200).enumerate() {
            check(prefix, i % 10 == 0);
        }
    }
}

#[test]
fn truncated_fixtures_never_panic() {
    for (path, text) in fixtures() {
        for (i, prefix) in prefixes(&text, 80).enumerate() {
            let outcome = std::panic::catch_unwind(|| check(prefix, i % 7 == 0));
            assert!(
                outcome.is_ok(),
                "{} cut at byte {}: {prefix:?}",
                path.display(),
                prefix.len()
            );
        }
    }
}

#[test]
fn truncated_small_checklist_never_panics() {
    check(SMALL, true);
    assert!(
        checklist::load_str("small.toml", SMALL, Origin::Builtin).is_ok(),
        "SMALL must be valid"
    );
    for prefix in prefixes(SMALL, usize::MAX) {
        check(prefix, true);
    }
}

/// Applies byte mutations: (position as a fraction of the length, operation, byte).
fn mutate_bytes(source: &str, edits: &[(f64, u8, u8)]) -> String {
    let mut bytes = source.as_bytes().to_vec();
    for &(at, op, byte) in edits {
        if bytes.is_empty() {
            bytes.push(byte);
            continue;
        }
        let i = ((bytes.len() - 1) as f64 * at) as usize;
        match op % 4 {
            0 => bytes[i] = byte,
            1 => {
                bytes.insert(i, byte);
            }
            2 => {
                bytes.remove(i);
            }
            _ => {
                let end = (i + usize::from(byte) % 64).min(bytes.len());
                bytes.drain(i..end);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Replaces the value of some `key = value` lines of SMALL with values from VALUES.
fn mutate_values(edits: &[(usize, usize)]) -> String {
    let mut lines: Vec<String> = SMALL.lines().map(str::to_string).collect();
    let assignments: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].contains(" = "))
        .collect();
    for &(line, value) in edits {
        let i = assignments[line % assignments.len()];
        let key = lines[i].split(" = ").next().unwrap_or_default().to_string();
        lines[i] = format!("{key} = {}", VALUES[value % VALUES.len()]);
    }
    lines.join("\n")
}

/// Whole lines of SMALL dropped or duplicated.
fn mutate_lines(edits: &[(usize, bool)]) -> String {
    let mut lines: Vec<&str> = SMALL.lines().collect();
    for &(at, duplicate) in edits {
        if lines.is_empty() {
            break;
        }
        let i = at % lines.len();
        if duplicate {
            lines.insert(i, lines[i]);
        } else {
            lines.remove(i);
        }
    }
    lines.join("\n")
}

fn config() -> Config {
    Config {
        cases: 256,
        failure_persistence: None,
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        check(&text, true);
    }

    #[test]
    fn toml_like_text_never_panics(text in "[\\[\\]{}=\"'a-z0-9_.,:+\\- \\n\\t#é≥]{0,400}") {
        check(&text, true);
    }

    #[test]
    fn byte_mutated_small_checklist_never_panics(
        edits in prop::collection::vec((0.0..1.0f64, any::<u8>(), any::<u8>()), 1..12),
    ) {
        check(&mutate_bytes(SMALL, &edits), true);
    }

    #[test]
    fn value_mutated_small_checklist_never_panics(
        edits in prop::collection::vec((any::<usize>(), any::<usize>()), 1..6),
    ) {
        check(&mutate_values(&edits), true);
    }

    #[test]
    fn line_mutated_small_checklist_never_panics(
        edits in prop::collection::vec((any::<usize>(), any::<bool>()), 1..6),
    ) {
        check(&mutate_lines(&edits), true);
    }
}

// The built-ins are large, so fewer cases.
proptest! {
    #![proptest_config(Config { cases: 48, ..config() })]

    #[test]
    fn byte_mutated_builtins_never_panic(
        which in 0..2usize,
        edits in prop::collection::vec((0.0..1.0f64, any::<u8>(), any::<u8>()), 1..8),
    ) {
        let sources: Vec<&str> = builtin::all().iter().map(|b| b.source).collect();
        let text = mutate_bytes(sources[which % sources.len()], &edits);
        check(&text, false);
    }
}
