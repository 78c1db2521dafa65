//! The example assessments work from a fresh clone: every format renders, the verdicts are the
//! ones examples/README.md promises (every verdict at least once), and the files match the
//! assessment schema. The README's line-mode example runs against the built-in quick-screen.

use std::path::{Path, PathBuf};

use serde_json::Value;

mod common;
use common::{ok, root, run, temp, toml_to_json, weigh};

const EXAMPLES: [(&str, &str); 4] = [
    ("qwen3-235b-a22b.toml", "ready_with_conditions"),
    ("deepseek-v3.toml", "not_ready"),
    ("llama-3.1-405b.toml", "incomplete"),
    ("gpt-oss-120b-screen.toml", "ready"),
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

#[test]
fn the_examples_show_every_verdict() {
    let mut verdicts: Vec<&str> = EXAMPLES.iter().map(|(_, v)| *v).collect();
    verdicts.sort_unstable();
    assert_eq!(
        verdicts,
        ["incomplete", "not_ready", "ready", "ready_with_conditions"]
    );
}

/// README, "Line mode": the printed lines answer the built-in quick-screen's first two items.
#[test]
fn the_readme_line_mode_example_answers_the_quick_screen() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    assert!(
        readme.contains(
            "printf '3\\tserved by two providers\\nAPI\\n' \\\n  | weigh assess screen.toml \
             --candidate \"Kimi K3\" --checklist quick-screen --as ci"
        ),
        "the README's example changed; update this test with it"
    );
    let dir = temp();
    let r = run(weigh(dir.path())
        .args([
            "assess",
            "screen.toml",
            "--candidate",
            "Kimi K3",
            "--checklist",
            "quick-screen",
            "--as",
            "ci",
        ])
        .write_stdin("3\tserved by two providers\nAPI\n"));
    ok(&r);
    let text = std::fs::read_to_string(dir.path().join("screen.toml")).expect("written");
    assert!(text.contains("item = \"release-status\""), "{text}");
    assert!(
        text.contains("note = \"served by two providers\""),
        "{text}"
    );
    assert!(text.contains("item = \"deploy-mode\""), "{text}");
    assert!(text.contains("value = \"API\""), "{text}");
}
