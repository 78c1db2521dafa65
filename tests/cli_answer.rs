//! `weigh answer FILE ITEM [VALUE]` end to end (SPEC §3 and §5): creating a file, the VALUE forms
//! of every kind, `--na`, `--clear`, `--at`, evidence, the assessor, the candidate and checklist
//! checks, and the canonical bytes written. Every run has its own folder and a fixed clock.

use std::path::Path;

mod common;
use common::{
    NOW, Run, answer, answer_ok, ok, refused, run, small_arg, small_digest, start, temp, weigh,
    weigh_in,
};

/// `answer`, refused, leaving `a.toml` byte for byte as it was.
fn refused_unchanged(dir: &Path, args: &[&str]) -> Run {
    let before = read(dir);
    let r = answer(dir, args);
    refused(&r);
    assert_eq!(
        read(dir),
        before,
        "a refused answer changes nothing: {args:?}"
    );
    r
}

/// A folder with `a.toml` created for candidate "Model X" against the small checklist.
fn started() -> tempfile::TempDir {
    let dir = temp();
    answer_ok(
        dir.path(),
        &[
            "licence-ok",
            "yes",
            "--as",
            "alice",
            "--candidate",
            "Model X",
        ],
    );
    dir
}

fn read(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("a.toml")).expect("a.toml exists")
}

fn answers(dir: &Path) -> Vec<toml::Table> {
    let doc: toml::Table = toml::from_str(&read(dir)).expect("weigh writes valid TOML");
    doc.get("answer")
        .and_then(toml::Value::as_array)
        .map(|a| {
            a.iter()
                .map(|b| b.as_table().expect("answer blocks are tables").clone())
                .collect()
        })
        .unwrap_or_default()
}

/// The one block for (item, by); panics when there is none or several.
fn block(dir: &Path, item: &str, by: &str) -> toml::Table {
    let found: Vec<toml::Table> = answers(dir)
        .into_iter()
        .filter(|b| b["item"].as_str() == Some(item) && b["by"].as_str() == Some(by))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "one block for ({item}, {by}) in\n{}",
        read(dir)
    );
    found.into_iter().next().unwrap()
}

fn value(dir: &Path, item: &str, by: &str) -> toml::Value {
    block(dir, item, by)
        .get("value")
        .cloned()
        .unwrap_or_else(|| panic!("({item}, {by}) has a value in\n{}", read(dir)))
}

// ─── Creating a file ──────────────────────────────────────────────────────────────────────────

#[test]
fn creating_a_file_needs_candidate() {
    let dir = temp();
    let r = answer(dir.path(), &["licence-ok", "yes", "--as", "alice"]);
    refused(&r);
    assert!(r.stderr.contains("--candidate"), "{}", r.stderr);
    assert!(
        !dir.path().join("a.toml").exists(),
        "no file without --candidate"
    );
}

#[test]
fn a_candidate_name_with_control_characters_is_refused_before_anything_is_written() {
    for name in ["Mo\tdel", "Model\nX", "Mo\u{1b}[31mdel"] {
        let dir = temp();
        let r = answer(
            dir.path(),
            &["licence-ok", "yes", "--as", "alice", "--candidate", name],
        );
        refused(&r);
        assert!(
            !dir.path().join("a.toml").exists(),
            "{name:?}: no file is left behind:\n{}",
            std::fs::read_to_string(dir.path().join("a.toml")).unwrap_or_default()
        );
    }
}

#[test]
fn a_new_file_records_candidate_model_checklist_and_creation_time() {
    let dir = temp();
    answer_ok(
        dir.path(),
        &[
            "licence-ok",
            "yes",
            "--as",
            "alice",
            "--candidate",
            "  Model X ",
            "--model",
            "org/model-x",
        ],
    );
    let doc: toml::Table = toml::from_str(&read(dir.path())).unwrap();
    assert_eq!(doc["schema_version"].as_integer(), Some(1));
    let meta = doc["assessment"].as_table().unwrap();
    assert_eq!(meta["checklist"].as_str(), Some("small"));
    assert_eq!(meta["checklist_version"].as_str(), Some("1.0.0"));
    assert_eq!(
        meta["checklist_digest"].as_str(),
        Some(small_digest().as_str())
    );
    assert_eq!(meta["created"].to_string(), NOW);
    let candidate = doc["candidate"].as_table().unwrap();
    assert_eq!(candidate["name"].as_str(), Some("Model X"));
    assert_eq!(candidate["model"].as_str(), Some("org/model-x"));
}

#[test]
fn without_checklist_a_new_file_uses_the_default_builtin() {
    let dir = temp();
    let r = weigh_in(
        dir.path(),
        &[
            "answer",
            "a.toml",
            "workload-eval",
            "0",
            "--as",
            "alice",
            "--candidate",
            "M",
            "--evidence",
            "none yet",
        ],
    );
    ok(&r);
    let doc: toml::Table = toml::from_str(&read(dir.path())).unwrap();
    assert_eq!(
        doc["assessment"]["checklist"].as_str(),
        Some("open-weight-adoption")
    );
}

#[test]
fn builtin_quick_screen_files_are_created_and_resumed_by_id() {
    let dir = temp();
    let d = dir.path();
    let builtin = weigh::locate::Finder::default()
        .find("quick-screen")
        .expect("the built-in quick-screen");
    start(d, "q.toml", "quick-screen", "Q", ["deploy-mode", "api"]);
    // No --checklist from now on: the file's id names the built-in.
    ok(&weigh_in(
        d,
        &["answer", "q.toml", "release-status", "2", "--as", "alice"],
    ));
    ok(&weigh_in(
        d,
        &["answer", "q.toml", "provider-count", "2", "--as", "alice"],
    ));
    let text = std::fs::read_to_string(d.join("q.toml")).unwrap();
    let doc: toml::Table = toml::from_str(&text).unwrap();
    assert_eq!(
        doc["assessment"]["checklist"].as_str(),
        Some("quick-screen")
    );
    assert_eq!(
        doc["assessment"]["checklist_digest"].as_str(),
        Some(builtin.digest.as_str())
    );
    let blocks = doc["answer"].as_array().unwrap();
    let pairs: Vec<(String, String)> = blocks
        .iter()
        .map(|b| (b["item"].as_str().unwrap().into(), b["value"].to_string()))
        .collect();
    // Checklist order: release-status, deploy-mode, provider-count; the listed spelling "API";
    // a scale answer written as its level's text.
    let level = match &builtin.item("release-status").expect("the item").kind {
        weigh::checklist::Kind::Scale { levels } => levels[2].clone(),
        other => panic!("release-status is {other:?}"),
    };
    assert_eq!(
        pairs,
        vec![
            (
                "release-status".to_string(),
                toml::Value::String(level).to_string()
            ),
            ("deploy-mode".to_string(), "\"API\"".to_string()),
            ("provider-count".to_string(), "2".to_string()),
        ],
        "{text}"
    );
}

// ─── VALUE forms ──────────────────────────────────────────────────────────────────────────────

/// Answers `item` as bob with each text in turn (then the `extra` arguments), checking the value
/// written for it.
fn assert_written<V: Into<toml::Value>>(
    item: &str,
    extra: &[&str],
    cases: impl IntoIterator<Item = (&'static str, V)>,
) {
    let dir = started();
    for (text, expected) in cases {
        let mut args = vec![item, text, "--as", "bob"];
        args.extend_from_slice(extra);
        answer_ok(dir.path(), &args);
        assert_eq!(value(dir.path(), item, "bob"), expected.into(), "{text:?}");
    }
}

/// Refuses each bad text for `item`, saying every one of `says`, leaving the file unchanged.
fn assert_refused(item: &str, bad: &[&str], says: &[&str]) {
    let dir = started();
    for bad in bad {
        let r = refused_unchanged(dir.path(), &[item, bad, "--as", "bob"]);
        for part in says {
            assert!(r.stderr.contains(part), "{bad}: {part} in {}", r.stderr);
        }
    }
}

#[test]
fn yes_no_accepts_yes_no_true_false_y_n_in_any_case() {
    assert_written(
        "licence-ok",
        &[],
        [
            ("yes", true),
            ("NO", false),
            ("True", true),
            ("fAlSe", false),
            ("Y", true),
            ("n", false),
            (" yes ", true),
        ],
    );
}

#[test]
fn yes_no_refuses_other_words_and_says_what_it_accepts() {
    assert_refused("licence-ok", &["maybe", "1", "oui", "yess"], &["yes or no"]);
}

#[test]
fn scale_digits_are_the_index_and_other_text_matches_a_level_ignoring_case() {
    assert_written(
        "eval-depth",
        &["--evidence", "e.md"],
        [
            ("0", "None"),
            ("2", "Rubric on 100 cases"),
            ("03", "Automated"),
            ("automated", "Automated"),
            ("  SPOT-CHECKED  ", "Spot-checked"),
            ("rubric on 100 cases", "Rubric on 100 cases"),
            ("None", "None"),
        ],
    );
}

#[test]
fn scale_refuses_out_of_range_indexes_and_unknown_text_listing_the_levels() {
    let dir = started();
    for bad in ["4", "-1", "Automatic", "2.0"] {
        let r = answer(
            dir.path(),
            &["eval-depth", bad, "--as", "bob", "--evidence", "e.md"],
        );
        refused(&r);
        for level in ["None", "Spot-checked", "Rubric on 100 cases", "Automated"] {
            assert!(r.stderr.contains(level), "{bad}: {level} in {}", r.stderr);
        }
    }
}

#[test]
fn choice_matches_labels_ignoring_case_and_writes_the_listed_spelling() {
    assert_written(
        "deploy",
        &[],
        [("self-HOST", "Self-host"), ("api", "API"), (" Api ", "API")],
    );
}

#[test]
fn choice_refuses_unknown_labels_listing_the_labels() {
    let dir = started();
    let r = answer(dir.path(), &["deploy", "cloud", "--as", "bob"]);
    refused(&r);
    assert!(r.stderr.contains("API"), "{}", r.stderr);
    assert!(r.stderr.contains("Self-host"), "{}", r.stderr);
}

#[test]
fn number_accepts_negative_numbers_without_double_dash() {
    assert_written(
        "latency",
        &[],
        [
            ("-3", toml::Value::Integer(-3)),
            ("-2.5", toml::Value::Float(-2.5)),
            ("8", toml::Value::Integer(8)),
            ("1e3", toml::Value::Float(1000.0)),
            ("0.25", toml::Value::Float(0.25)),
        ],
    );
}

#[test]
fn number_refuses_thousands_separators_percent_and_infinity_saying_unit_and_range() {
    assert_refused(
        "latency",
        &["1,000", "85%", "inf", "NaN", "1e999", "12ms", "abc"],
        &["ms", "100", "2000"],
    );
}

#[test]
fn text_takes_any_non_empty_text_verbatim() {
    let dir = started();
    let text = "Looks fine | \"quoted\" \\ back\nsecond line é";
    answer_ok(dir.path(), &["summary", text, "--as", "bob"]);
    assert_eq!(
        value(dir.path(), "summary", "bob"),
        toml::Value::String(text.into())
    );
    let r = answer(dir.path(), &["summary", "   ", "--as", "carol"]);
    refused(&r);
    assert!(r.stderr.contains("non-empty"), "{}", r.stderr);
}

// ─── --na and --clear ─────────────────────────────────────────────────────────────────────────

#[test]
fn na_is_saved_where_the_item_allows_it() {
    let dir = started();
    answer_ok(dir.path(), &["latency", "--na", "--as", "bob"]);
    let b = block(dir.path(), "latency", "bob");
    assert_eq!(b.get("na"), Some(&toml::Value::Boolean(true)));
    assert!(!b.contains_key("value"), "{b:?}");
}

#[test]
fn na_is_refused_where_the_item_does_not_allow_it() {
    let dir = started();
    let r = refused_unchanged(dir.path(), &["licence-ok", "--na", "--as", "bob"]);
    assert!(r.stderr.contains("licence-ok"), "{}", r.stderr);
    assert!(r.stderr.contains("yes or no"), "{}", r.stderr);
}

#[test]
fn clear_removes_only_this_assessors_answer() {
    let dir = started();
    answer_ok(dir.path(), &["licence-ok", "no", "--as", "bob"]);
    answer_ok(dir.path(), &["licence-ok", "--clear", "--as", "bob"]);
    let left: Vec<String> = answers(dir.path())
        .iter()
        .map(|b| {
            format!(
                "{}/{}",
                b["item"].as_str().unwrap(),
                b["by"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(left, vec!["licence-ok/alice".to_string()]);
    // Clearing an answer that is not there changes nothing and is not an error.
    let before = read(dir.path());
    answer_ok(dir.path(), &["licence-ok", "--clear", "--as", "bob"]);
    assert_eq!(read(dir.path()), before);
}

#[test]
fn clear_and_na_cannot_be_combined_with_a_value() {
    let dir = started();
    refused(&answer(
        dir.path(),
        &["latency", "300", "--na", "--as", "bob"],
    ));
    refused(&answer(
        dir.path(),
        &["latency", "300", "--clear", "--as", "bob"],
    ));
    refused(&answer(dir.path(), &["latency", "--as", "bob"]));
}

// ─── Answering again, --at ────────────────────────────────────────────────────────────────────

#[test]
fn answering_again_replaces_value_note_and_evidence_and_sets_at() {
    let dir = started();
    answer_ok(
        dir.path(),
        &[
            "eval-depth",
            "1",
            "--as",
            "bob",
            "--note",
            "first look",
            "--evidence",
            "old.md",
            "--evidence",
            "https://example.com/old",
            "--at",
            "2026-10-01",
        ],
    );
    let first = block(dir.path(), "eval-depth", "bob");
    assert_eq!(first["at"].to_string(), "2026-10-01T00:00:00Z");
    assert_eq!(first["note"].as_str(), Some("first look"));

    answer_ok(
        dir.path(),
        &["eval-depth", "3", "--as", "bob", "--evidence", "new.md"],
    );
    let again = block(dir.path(), "eval-depth", "bob");
    assert_eq!(again["value"].as_str(), Some("Automated"));
    assert_eq!(again["at"].to_string(), NOW, "at moves to now");
    assert!(
        !again.contains_key("note"),
        "the old note is gone: {again:?}"
    );
    assert_eq!(
        again["evidence"],
        toml::Value::Array(vec![toml::Value::String("new.md".into())])
    );
}

#[test]
fn at_takes_rfc3339_with_an_offset_or_a_plain_date() {
    let dir = started();
    for (given, written) in [
        ("2026-11-28T21:05:00+01:00", "2026-11-28T20:05:00Z"),
        ("2026-11-28t20:05:00z", "2026-11-28T20:05:00Z"),
        ("2026-11-28 20:05:00.750Z", "2026-11-28T20:05:00Z"),
        ("2026-11-01", "2026-11-01T00:00:00Z"),
    ] {
        answer_ok(
            dir.path(),
            &["licence-ok", "yes", "--as", "bob", "--at", given],
        );
        assert_eq!(
            block(dir.path(), "licence-ok", "bob")["at"].to_string(),
            written,
            "{given}"
        );
    }
}

#[test]
fn at_without_an_offset_or_nonsense_is_refused() {
    let dir = started();
    for bad in ["2026-11-28T20:05:00", "yesterday", "2026-13-01"] {
        let r = refused_unchanged(
            dir.path(),
            &["licence-ok", "yes", "--as", "bob", "--at", bad],
        );
        assert!(r.stderr.contains("RFC 3339"), "{bad}: {}", r.stderr);
    }
}

// ─── Evidence, items, candidate, checklist ────────────────────────────────────────────────────

#[test]
fn a_value_for_an_evidence_required_item_needs_evidence() {
    let dir = started();
    let r = refused_unchanged(dir.path(), &["eval-depth", "2", "--as", "bob"]);
    assert!(r.stderr.contains("--evidence"), "{}", r.stderr);
    answer_ok(
        dir.path(),
        &[
            "eval-depth",
            "2",
            "--as",
            "bob",
            "--evidence",
            "evals/run.md",
        ],
    );
}

#[test]
fn empty_evidence_does_not_satisfy_required_evidence_and_is_not_written() {
    let dir = started();
    for empty in ["", "   "] {
        refused_unchanged(
            dir.path(),
            &["eval-depth", "2", "--as", "bob", "--evidence", empty],
        );
    }
    answer_ok(
        dir.path(),
        &[
            "eval-depth",
            "2",
            "--as",
            "bob",
            "--evidence",
            "",
            "--evidence",
            "evals/run.md",
        ],
    );
    assert_eq!(
        block(dir.path(), "eval-depth", "bob")["evidence"],
        toml::Value::Array(vec![toml::Value::String("evals/run.md".into())])
    );
}

#[test]
fn an_unknown_item_is_refused_suggesting_the_nearest_ids() {
    let dir = started();
    let r = refused_unchanged(dir.path(), &["eval-dept", "2", "--as", "bob"]);
    assert!(r.stderr.contains("eval-dept"), "{}", r.stderr);
    assert!(r.stderr.contains("`eval-depth`"), "{}", r.stderr);
}

#[test]
fn an_existing_file_for_another_candidate_is_refused() {
    let dir = started();
    let r = refused_unchanged(
        dir.path(),
        &[
            "licence-ok",
            "no",
            "--as",
            "bob",
            "--candidate",
            "Other Model",
        ],
    );
    assert!(r.stderr.contains("Model X"), "{}", r.stderr);
    // The same candidate (surrounding white space aside) is fine.
    answer_ok(
        dir.path(),
        &[
            "licence-ok",
            "no",
            "--as",
            "bob",
            "--candidate",
            " Model X ",
        ],
    );
}

#[test]
fn checklist_naming_another_checklist_than_the_files_is_refused() {
    let dir = started();
    let before = read(dir.path());
    let r = weigh_in(
        dir.path(),
        &[
            "answer",
            "a.toml",
            "licence-ok",
            "no",
            "--as",
            "bob",
            "--checklist",
            "quick-screen",
        ],
    );
    refused(&r);
    assert!(r.stderr.contains("small"), "{}", r.stderr);
    assert!(r.stderr.contains("quick-screen"), "{}", r.stderr);
    assert_eq!(read(dir.path()), before);
}

// ─── The assessor ─────────────────────────────────────────────────────────────────────────────

#[test]
fn the_assessor_is_as_when_given() {
    let dir = started();
    answer_ok(dir.path(), &["deploy", "api", "--as", "  Dana  "]);
    assert_eq!(value(dir.path(), "deploy", "Dana").as_str(), Some("API"));
}

#[test]
fn the_assessor_falls_back_to_user_without_as_or_git_name() {
    let dir = started();
    answer_ok(dir.path(), &["deploy", "api"]);
    assert_eq!(value(dir.path(), "deploy", "tester").as_str(), Some("API"));
}

#[test]
fn the_assessor_is_git_user_name_before_user() {
    let dir = started();
    let config = dir.path().join("gitconfig");
    std::fs::write(&config, "[user]\n\tname = Gita Git\n").unwrap();
    let small = small_arg();
    let r = run(weigh(dir.path()).env("GIT_CONFIG_GLOBAL", &config).args([
        "answer",
        "a.toml",
        "deploy",
        "api",
        "--checklist",
        &small,
    ]));
    ok(&r);
    if answers(dir.path())
        .iter()
        .any(|b| b["by"].as_str() == Some("tester"))
    {
        eprintln!("skipped: git is not installed, so $USER was used");
        return;
    }
    assert_eq!(
        value(dir.path(), "deploy", "Gita Git").as_str(),
        Some("API")
    );
}

#[test]
fn without_as_git_name_or_user_the_answer_is_refused_with_pass_as() {
    let dir = started();
    let before = read(dir.path());
    let small = small_arg();
    let r = run(weigh(dir.path()).env_remove("USER").args([
        "answer",
        "a.toml",
        "deploy",
        "api",
        "--checklist",
        &small,
    ]));
    refused(&r);
    assert!(r.stderr.contains("pass --as NAME"), "{}", r.stderr);
    assert_eq!(read(dir.path()), before);
}

// ─── Conditional items ────────────────────────────────────────────────────────────────────────

#[test]
fn an_answer_to_an_item_that_does_not_apply_is_saved_with_a_warning_naming_the_controller() {
    let dir = started();
    answer_ok(dir.path(), &["deploy", "API", "--as", "alice"]);
    let r = answer(dir.path(), &["gpu-count", "8", "--as", "alice"]);
    ok(&r);
    assert!(r.stderr.contains("warning"), "{}", r.stderr);
    assert!(r.stderr.contains("`deploy`"), "{}", r.stderr);
    assert_eq!(
        value(dir.path(), "gpu-count", "alice").as_integer(),
        Some(8)
    );

    // Once it applies, no warning.
    answer_ok(dir.path(), &["deploy", "self-host", "--as", "alice"]);
    let r = answer(dir.path(), &["gpu-count", "4", "--as", "alice"]);
    ok(&r);
    assert!(!r.stderr.contains("warning"), "{}", r.stderr);
}

// ─── Canonical bytes ──────────────────────────────────────────────────────────────────────────

/// The answers of the canonical-form scenario, as `weigh answer` arguments after ITEM.
fn scenario() -> Vec<Vec<&'static str>> {
    vec![
        vec![
            "summary",
            "Looks fine; \"quoted\"\nsecond line",
            "--as",
            "zed",
            "--note",
            "tab\there \u{7}",
        ],
        vec!["licence-ok", "YES", "--as", "bob", "--note", "per legal"],
        vec!["licence-ok", "n", "--as", "alice", "--at", "2026-11-27"],
        vec!["latency", "--na", "--as", "alice", "--note", "batch only"],
        vec![
            "eval-depth",
            "spot-checked",
            "--as",
            "carol",
            "--evidence",
            "https://example.com/e",
            "--evidence",
            "evals/run.md",
            "--at",
            "2026-11-28T21:30:00+01:00",
        ],
        vec!["deploy", "self-host", "--as", "alice"],
        vec!["gpu-count", "-2.5", "--as", "alice"],
        vec!["eval-depth", "3", "--as", "Bob", "--evidence", "x.md"],
        vec!["deploy", "api", "--as", "Bob", "--note", ""],
    ]
}

fn expected_scenario_file() -> String {
    format!(
        r#"schema_version = 1

[assessment]
checklist = "small"
checklist_version = "1.0.0"
checklist_digest = "{digest}"
created = 2026-11-28T20:00:00Z

[candidate]
name = "Model X"
model = "org/model-x"

[[answer]]
item = "licence-ok"
by = "alice"
value = false
at = 2026-11-27T00:00:00Z

[[answer]]
item = "licence-ok"
by = "bob"
value = true
at = 2026-11-28T20:00:00Z
note = "per legal"

[[answer]]
item = "eval-depth"
by = "Bob"
value = "Automated"
at = 2026-11-28T20:00:00Z
evidence = ["x.md"]

[[answer]]
item = "eval-depth"
by = "carol"
value = "Spot-checked"
at = 2026-11-28T20:30:00Z
evidence = ["https://example.com/e", "evals/run.md"]

[[answer]]
item = "deploy"
by = "Bob"
value = "API"
at = 2026-11-28T20:00:00Z

[[answer]]
item = "deploy"
by = "alice"
value = "Self-host"
at = 2026-11-28T20:00:00Z

[[answer]]
item = "gpu-count"
by = "alice"
value = -2.5
at = 2026-11-28T20:00:00Z

[[answer]]
item = "latency"
by = "alice"
na = true
at = 2026-11-28T20:00:00Z
note = "batch only"

[[answer]]
item = "summary"
by = "zed"
value = "Looks fine; \"quoted\"\nsecond line"
at = 2026-11-28T20:00:00Z
note = "tab\there \u0007"
"#,
        digest = small_digest()
    )
}

fn play(dir: &Path, steps: &[Vec<&str>]) {
    for (n, step) in steps.iter().enumerate() {
        let mut args = step.clone();
        if n == 0 {
            args.extend_from_slice(&["--candidate", "Model X", "--model", "org/model-x"]);
        }
        answer_ok(dir, &args);
    }
}

#[test]
fn the_written_file_is_canonical_answers_in_checklist_order_then_by_assessor_code_point() {
    let dir = temp();
    play(dir.path(), &scenario());
    assert_eq!(read(dir.path()), expected_scenario_file());
}

#[test]
fn the_same_answers_in_another_order_give_the_same_bytes() {
    let dir = temp();
    let mut steps = scenario();
    // The first step creates the file; the rest come in reverse.
    steps[1..].reverse();
    play(dir.path(), &steps);
    assert_eq!(read(dir.path()), expected_scenario_file());
}

#[test]
fn answering_reads_back_what_it_wrote_unchanged_by_a_no_op_rewrite() {
    let dir = temp();
    play(dir.path(), &scenario());
    let before = read(dir.path());
    // Clearing an answer nobody gave rewrites the file: it must come out byte for byte the same.
    answer_ok(dir.path(), &["summary", "--clear", "--as", "nobody"]);
    assert_eq!(read(dir.path()), before);
}

#[test]
fn comments_are_not_kept_and_weigh_warns_when_it_drops_them() {
    let dir = started();
    let text = read(dir.path()).replace("value = true\n", "value = true # checked the LICENSE\n");
    std::fs::write(dir.path().join("a.toml"), format!("# our notes\n{text}")).unwrap();
    let r = answer(dir.path(), &["deploy", "api", "--as", "alice"]);
    ok(&r);
    assert!(r.stderr.contains("comment-dropped"), "{}", r.stderr);
    let written = read(dir.path());
    assert!(!written.contains('#'), "{written}");
    assert!(written.starts_with("schema_version = 1\n"), "{written}");
}
