//! The example assessments work from a fresh clone: every format renders, the verdicts are the
//! ones examples/README.md promises, and the files match the assessment schema.

use std::path::{Path, PathBuf};

use serde_json::Value;

mod common;
use common::{root, run, toml_to_json, weigh};

const EXAMPLES: [(&str, &str); 3] = [
    ("qwen3-235b-a22b.toml", "ready_with_conditions"),
    ("deepseek-v3.toml", "not_ready"),
    ("llama-3.1-405b.toml", "incomplete"),
];

fn example(name: &str) -> PathBuf {
    root().join("examples").join(name)
}

fn report(file: &Path, format: &str) -> String {
    let r = run(weigh(&root()).args([
        "report",
        &file.display().to_string(),
        "--format",
        format,
        "--as-of",
        "2026-11-20",
    ]));
    assert_eq!(r.code, 0, "{} {format}: {}", file.display(), r.stderr);
    assert!(r.stderr.is_empty(), "warnings: {}", r.stderr);
    r.stdout
}

#[test]
fn every_example_reports_in_every_format_with_its_documented_verdict() {
    for (name, verdict) in EXAMPLES {
        let file = example(name);
        let json: Value = serde_json::from_str(&report(&file, "json")).expect("JSON");
        assert_eq!(json["verdict"], verdict, "{name}");
        let table = report(&file, "table");
        assert!(
            table.contains(&verdict.replace('_', " ").to_uppercase()),
            "{name}: {table}"
        );
        let markdown = report(&file, "markdown");
        assert!(markdown.starts_with("# Readiness report: "), "{name}");
    }
}

#[test]
fn examples_are_marked_as_illustrations() {
    for (name, _) in EXAMPLES {
        let text = std::fs::read_to_string(example(name)).unwrap();
        assert!(
            text.contains("(illustration)"),
            "{name} must say it is an illustration in the candidate's name"
        );
    }
}

#[test]
fn examples_match_the_assessment_schema() {
    let schema = weigh::schema::generate(weigh::schema::SchemaKind::Assessment);
    let validator = jsonschema::draft7::new(schema.as_value()).expect("schema compiles");
    for (name, _) in EXAMPLES {
        let json = toml_to_json(&std::fs::read_to_string(example(name)).unwrap());
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
}
