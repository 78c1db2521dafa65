//! Reading assessments (SPEC §3): every rejection it lists, one fixture each, reported under its
//! stable code at file:line:column; and the rules for a checklist that changed since the file
//! was written (answers that no longer fit are kept, ignored and written back), and for two
//! blocks answering the same item as the same assessor.

use weigh::assessment::store::{Loaded, Lookup, load_text};
use weigh::assessment::{Answer, AnswerValue};
use weigh::diag::{Diagnostic, Report, Severity, line_col};
use weigh::error::Error;
use weigh::locate::Finder;

mod common;
use common::{Case, NOW, answer_ok, case, lookup, root, small, small_digest, temp};

const INVALID: &str = "tests/fixtures/assessments/invalid";

/// Loads `text` against the small fixture checklist (`--checklist PATH`).
fn load_small(name: &str, text: &str) -> Result<Loaded, Error> {
    load_text(name, text, &lookup(&small()))
}

/// Loads `text` finding its checklist by id among the built-ins.
fn load_builtin(name: &str, text: &str) -> Result<Loaded, Error> {
    load_text(
        name,
        text,
        &Lookup {
            finder: Finder::default(),
            explicit: None,
        },
    )
}

fn fixture(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn rejected(result: Result<Loaded, Error>) -> Box<Report> {
    match result {
        Err(Error::Invalid(report)) => report,
        Err(other) => panic!("expected located diagnostics, got {other}"),
        Ok(loaded) => panic!(
            "expected a rejection, the file loaded with warnings {:?}",
            loaded.warnings.diagnostics
        ),
    }
}

fn codes(diagnostics: &[Diagnostic]) -> Vec<&'static str> {
    diagnostics.iter().map(|d| d.code).collect()
}

#[rustfmt::skip]
const CASES: &[Case] = &[
    // Structure: unknown keys (with "did you mean"), missing required keys, schema_version.
    case("unknown-key.toml", "unknown-key", 16, 1, "did you mean `note`?"),
    case("answer-missing-by.toml", "missing-key", 11, 1, "by"),
    case("candidate-missing-name.toml", "missing-key", 8, 1, "name"),
    case("missing-schema-version.toml", "missing-key", 1, 1, "schema_version"),
    case("schema-version-2.toml", "unsupported-schema-version", 1, 18, "upgrade weigh"),
    // Offset date-times only.
    case("local-datetime.toml", "local-datetime", 15, 6, "add Z"),
    case("local-created.toml", "local-datetime", 6, 11, "add Z"),
    // Exactly one of `value` and `na = true`.
    case("value-and-na.toml", "value-and-na", 14, 9, "remove `value`"),
    case("neither-value-nor-na.toml", "missing-value", 12, 8, "na = true"),
    // Answers that do not fit the checklist (no checklist_digest: the checklist has not changed).
    case("unknown-item.toml", "unknown-item", 12, 8, "did you mean `licence-ok`?"),
    case("wrong-value-type.toml", "wrong-value-type", 14, 9, "yes or no"),
    case("level-out-of-range.toml", "level-out-of-range", 14, 9, "3 = Automated"),
    case("unknown-label.toml", "unknown-label", 14, 9, "`Self-host`"),
    case("na-not-allowed.toml", "na-not-allowed", 14, 6, "yes or no"),
    // Assessor names: non-empty after trimming, no control characters.
    case("empty-by.toml", "invalid-name", 13, 6, "name"),
    case("control-character-in-by.toml", "invalid-name", 13, 6, "control characters"),
];

#[test]
fn each_rejection_is_reported_with_its_code_and_file_line_column() {
    let mut failures = Vec::new();
    for c in CASES {
        let path = format!("{INVALID}/{}", c.file);
        let text = fixture(&path);
        let report = rejected(load_small(&path, &text));
        let errors: Vec<&Diagnostic> = report.diagnostics.iter().filter(|d| d.is_error()).collect();
        let Some(d) = errors.iter().find(|d| d.code == c.code) else {
            failures.push(format!(
                "{}: no `{}` among {:?}",
                c.file,
                c.code,
                codes(&report.diagnostics)
            ));
            continue;
        };
        if errors.len() != 1 {
            failures.push(format!(
                "{}: one mistake, {} errors: {:?}",
                c.file,
                errors.len(),
                codes(&report.diagnostics)
            ));
        }
        let Some(span) = &d.span else {
            failures.push(format!("{}: `{}` has no location", c.file, c.code));
            continue;
        };
        let at = line_col(&text, span.start);
        if at != (c.line, c.column) {
            failures.push(format!(
                "{}: `{}` at {}:{}, expected {}:{}",
                c.file, c.code, at.0, at.1, c.line, c.column
            ));
        }
        let help = d.help.as_deref().unwrap_or("");
        if !help.contains(c.help) {
            failures.push(format!("{}: help {help:?} lacks {:?}", c.file, c.help));
        }
        let rendered = report.render(false);
        let location = format!("{path}:{}:{}", c.line, c.column);
        if !rendered.contains(&location) || !rendered.contains(c.code) {
            failures.push(format!(
                "{}: the rendered report lacks {location} or {}:\n{rendered}",
                c.file, c.code
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn an_unknown_item_in_a_builtin_checklist_suggests_the_nearest_id() {
    let path = format!("{INVALID}/unknown-item-quick-screen.toml");
    let text = fixture(&path);
    let report = rejected(load_builtin(&path, &text));
    assert_eq!(codes(&report.diagnostics), ["unknown-item"]);
    let d = &report.diagnostics[0];
    assert_eq!(line_col(&text, d.span.clone().unwrap().start), (12, 8));
    assert!(
        d.help.as_deref().unwrap_or("").contains("`release-status`"),
        "{d:?}"
    );
}

#[test]
fn several_mistakes_are_all_reported_in_one_run() {
    let text = "schema_version = 1\n\n[assessment]\nchecklist = \"small\"\nchecklist_version = \"1.0.0\"\ncreated = 2026-11-28T20:00:00Z\n\n[candidate]\nname = \"M\"\n\n[[answer]]\nitem = \"deploy\"\nby = \"alice\"\nvalue = \"On-prem\"\nat = 2026-11-28T20:05:00Z\n\n[[answer]]\nitem = \"eval-depth\"\nby = \"alice\"\nvalue = 9\nat = 2026-11-28T20:05:00Z\n\n[[answer]]\nitem = \"licence-ok\"\nby = \"alice\"\nna = true\nat = 2026-11-28T20:05:00\n";
    let report = rejected(load_small("many.toml", text));
    let mut found = codes(&report.diagnostics);
    found.sort_unstable();
    assert_eq!(
        found,
        ["level-out-of-range", "local-datetime", "unknown-label"],
        "{:?}",
        report.diagnostics
    );
}

/// The `missing-key` error an invalid fixture is rejected with, and its line and column.
fn missing_key(file: &str) -> (Diagnostic, (usize, usize)) {
    let path = format!("{INVALID}/{file}");
    let text = fixture(&path);
    let report = rejected(load_small(&path, &text));
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.code == "missing-key")
        .unwrap_or_else(|| panic!("a missing-key error among {:?}", report.diagnostics));
    let at = line_col(&text, d.span.clone().unwrap().start);
    (d.clone(), at)
}

#[test]
fn an_answer_without_at_is_rejected() {
    let (d, at) = missing_key("answer-missing-at.toml");
    assert!(d.message.contains("at"), "{d:?}");
    assert_eq!(at, (11, 1));
}

#[test]
fn an_assessment_without_created_is_rejected_with_a_located_missing_key() {
    let (d, at) = missing_key("assessment-missing-created.toml");
    assert!(d.message.contains("created"), "{d:?}");
    assert_eq!(at, (3, 1));
}

// ─── A changed checklist ──────────────────────────────────────────────────────────────────────

const DRIFTED: &str = "tests/fixtures/assessments/drifted.toml";

fn items_by(answers: &[Answer]) -> Vec<String> {
    answers
        .iter()
        .map(|a| format!("{}/{}", a.item, a.by))
        .collect()
}

#[test]
fn answers_that_no_longer_fit_a_changed_checklist_are_a_warning_and_set_aside() {
    let text = fixture(DRIFTED);
    let loaded = load_small(DRIFTED, &text).expect("a drifted file still loads");
    let warnings = &loaded.warnings.diagnostics;
    assert_eq!(codes(warnings), ["checklist-changed"], "{warnings:?}");
    let w = &warnings[0];
    assert_eq!(w.severity, Severity::Warning);
    for part in [
        "0.9.0",
        "1.0.0",
        "retired-item",
        "eval-depth",
        "deploy",
        "licence-ok",
    ] {
        assert!(w.message.contains(part), "{part} in {}", w.message);
    }
    assert_eq!(items_by(&loaded.assessment.answers), ["licence-ok/alice"]);
    assert_eq!(
        items_by(&loaded.assessment.unfit),
        [
            "retired-item/alice",
            "eval-depth/alice",
            "deploy/bob",
            "licence-ok/carol"
        ]
    );
    // Kept as written.
    let unfit = &loaded.assessment.unfit;
    assert_eq!(unfit[1].value, AnswerValue::Int(7));
    assert_eq!(unfit[2].value, AnswerValue::Text("On-prem".into()));
    assert_eq!(unfit[3].value, AnswerValue::Na);
    assert_eq!(unfit[0].note.as_deref(), Some("kept \"as is\" é\ttab"));
    assert_eq!(unfit[1].evidence, ["old.md"]);
    // The old version and digest are kept.
    assert_eq!(loaded.assessment.checklist_version, "0.9.0");

    // Ignored in scoring: the items they answered count as unanswered.
    let at: jiff::Timestamp = NOW.parse().unwrap();
    let card = weigh::score::score(&loaded.checklist, &loaded.assessment, at);
    for id in ["eval-depth", "deploy"] {
        let item = card.items.iter().find(|i| i.id == id).unwrap();
        assert!(!item.answered, "{id} is unanswered");
    }
    let licence = card.items.iter().find(|i| i.id == "licence-ok").unwrap();
    assert!(licence.answered);
}

#[test]
fn answers_that_do_not_fit_are_errors_when_the_digest_matches() {
    let text = fixture(DRIFTED).replace(
        "sha256:0000000000000000000000000000000000000000000000000000000000000000",
        &small_digest(),
    );
    let report = rejected(load_small("same-digest.toml", &text));
    assert_eq!(
        codes(&report.diagnostics),
        [
            "unknown-item",
            "level-out-of-range",
            "unknown-label",
            "na-not-allowed"
        ]
    );
    for d in &report.diagnostics {
        assert!(d.span.is_some(), "{d:?} is located");
    }
}

#[test]
fn answers_that_do_not_fit_are_errors_when_the_file_has_no_digest() {
    let text = fixture(DRIFTED).replace(
        "checklist_digest = \"sha256:0000000000000000000000000000000000000000000000000000000000000000\"\n",
        "",
    );
    assert!(!text.contains("checklist_digest"));
    let report = rejected(load_small("no-digest.toml", &text));
    assert_eq!(report.diagnostics.len(), 4, "{:?}", report.diagnostics);
}

const DRIFTED_HEADER: &str = r#"schema_version = 1

[assessment]
checklist = "small"
checklist_version = "0.9.0"
checklist_digest = "sha256:0000000000000000000000000000000000000000000000000000000000000000"
created = 2026-11-01T10:00:00Z

[candidate]
name = "Drifted"
"#;

const DRIFTED_UNFIT: &str = r#"
[[answer]]
item = "retired-item"
by = "alice"
value = true
at = 2026-11-01T10:00:00Z
note = "kept \"as is\" é\ttab"

[[answer]]
item = "eval-depth"
by = "alice"
value = 7
at = 2026-11-01T10:00:00Z
evidence = ["old.md"]

[[answer]]
item = "deploy"
by = "bob"
value = "On-prem"
at = 2026-11-01T10:00:00Z

[[answer]]
item = "licence-ok"
by = "carol"
na = true
at = 2026-11-01T10:00:00Z
"#;

#[test]
fn answering_a_drifted_file_writes_unfit_answers_back_last_and_keeps_version_and_digest() {
    let dir = temp();
    std::fs::write(dir.path().join("a.toml"), fixture(DRIFTED)).unwrap();
    let stderr = answer_ok(dir.path(), &["deploy", "api", "--as", "alice"]).stderr;
    assert_eq!(
        stderr.matches("checklist-changed").count(),
        1,
        "warns once: {stderr}"
    );
    let expected = format!(
        r#"{DRIFTED_HEADER}
[[answer]]
item = "licence-ok"
by = "alice"
value = true
at = 2026-11-01T10:00:00Z

[[answer]]
item = "deploy"
by = "alice"
value = "API"
at = {NOW}
{DRIFTED_UNFIT}"#
    );
    let written = std::fs::read_to_string(dir.path().join("a.toml")).unwrap();
    assert_eq!(written, expected);
}

#[test]
fn once_no_unfit_answers_remain_version_and_digest_are_brought_up_to_date() {
    let dir = temp();
    let fit_only = format!(
        "{DRIFTED_HEADER}\n[[answer]]\nitem = \"licence-ok\"\nby = \"alice\"\nvalue = true\nat = 2026-11-01T10:00:00Z\n"
    );
    std::fs::write(dir.path().join("a.toml"), fit_only).unwrap();
    answer_ok(dir.path(), &["deploy", "api", "--as", "alice"]);
    let written = std::fs::read_to_string(dir.path().join("a.toml")).unwrap();
    let doc: toml::Table = toml::from_str(&written).unwrap();
    assert_eq!(
        doc["assessment"]["checklist_version"].as_str(),
        Some("1.0.0")
    );
    assert_eq!(
        doc["assessment"]["checklist_digest"].as_str(),
        Some(small_digest().as_str())
    );
    // And the file now reads without a warning.
    let loaded = load_small("a.toml", &written).unwrap();
    assert!(
        loaded.warnings.diagnostics.is_empty(),
        "{:?}",
        loaded.warnings.diagnostics
    );
}

#[test]
fn answering_again_replaces_an_assessors_answer_that_no_longer_fits() {
    let dir = temp();
    std::fs::write(dir.path().join("a.toml"), fixture(DRIFTED)).unwrap();
    answer_ok(
        dir.path(),
        &["eval-depth", "2", "--as", "alice", "--evidence", "new.md"],
    );
    let written = std::fs::read_to_string(dir.path().join("a.toml")).unwrap();
    let doc: toml::Table = toml::from_str(&written).unwrap();
    let alice_eval: Vec<&toml::Value> = doc["answer"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["item"].as_str() == Some("eval-depth") && b["by"].as_str() == Some("alice"))
        .collect();
    assert_eq!(
        alice_eval.len(),
        1,
        "one answer per (item, assessor):\n{written}"
    );
    assert_eq!(alice_eval[0]["value"].as_str(), Some("Rubric on 100 cases"));
}

// ─── Duplicate blocks ─────────────────────────────────────────────────────────────────────────

const DUPLICATE: &str = "tests/fixtures/assessments/duplicate-answer.toml";

#[test]
fn two_blocks_for_one_item_and_assessor_warn_and_keep_the_newer() {
    let text = fixture(DUPLICATE);
    let loaded = load_small(DUPLICATE, &text).expect("duplicates still load");
    let warnings = &loaded.warnings.diagnostics;
    assert_eq!(codes(warnings), ["duplicate-answer"], "{warnings:?}");
    assert_eq!(warnings[0].severity, Severity::Warning);
    let span = warnings[0].span.clone().expect("located");
    let line = line_col(&text, span.start).0;
    assert!(
        (17..=21).contains(&line),
        "at the second block (lines 17-21), not {line}"
    );
    assert_eq!(loaded.assessment.answers.len(), 1);
    let kept = &loaded.assessment.answers[0];
    assert_eq!(kept.value, AnswerValue::Bool(false));
    assert_eq!(kept.note.as_deref(), Some("newer"));
}

#[test]
fn two_blocks_keep_the_newer_whatever_their_order_in_the_file() {
    let text = fixture(DUPLICATE);
    let (head, second) = text.split_at(text.rfind("[[answer]]").unwrap());
    let (prefix, first) = head.split_at(head.find("[[answer]]").unwrap());
    let swapped = format!("{prefix}{}\n{}", second.trim_end(), first.trim_end());
    let loaded = load_small("swapped.toml", &format!("{swapped}\n")).unwrap();
    assert_eq!(codes(&loaded.warnings.diagnostics), ["duplicate-answer"]);
    assert_eq!(loaded.assessment.answers.len(), 1);
    assert_eq!(loaded.assessment.answers[0].note.as_deref(), Some("newer"));
}

#[test]
fn writing_a_file_with_duplicate_blocks_keeps_only_the_newer() {
    let dir = temp();
    std::fs::write(dir.path().join("a.toml"), fixture(DUPLICATE)).unwrap();
    let stderr = answer_ok(dir.path(), &["deploy", "api", "--as", "bob"]).stderr;
    assert!(stderr.contains("duplicate-answer"), "{stderr}");
    let written = std::fs::read_to_string(dir.path().join("a.toml")).unwrap();
    assert!(!written.contains("older"), "{written}");
    assert_eq!(
        written.matches("item = \"licence-ok\"").count(),
        1,
        "{written}"
    );
    assert!(written.contains("note = \"newer\""), "{written}");
}
