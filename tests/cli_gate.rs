//! `weigh gate` end to end: one line per candidate, every exit code (0 met, 1 not met, 2 bad
//! input, 3 a summary that cannot be written), `--min-score`, and the Markdown summary appended
//! to `$GITHUB_STEP_SUMMARY` and `--summary FILE`.

use std::path::Path;

mod common;
use common::markdown;
use common::{Run, assert_exit, ok, refused, run, small_arg, temp, weigh};

const AT: &str = "2026-11-20T00:00:00Z";

/// An assessment of the small fixture checklist with these (item, TOML value) answers.
fn write(dir: &Path, file: &str, name: &str, answers: &[(&str, &str)]) {
    let mut text = format!(
        "schema_version = 1\n\n[assessment]\nchecklist = \"small\"\nchecklist_version = \"1.0.0\"\ncreated = {AT}\n\n[candidate]\nname = \"{name}\"\n"
    );
    for (item, value) in answers {
        text.push_str(&format!(
            "\n[[answer]]\nitem = \"{item}\"\nby = \"alice\"\nvalue = {value}\nat = {AT}\nevidence = [\"e.md\"]\n"
        ));
    }
    std::fs::write(dir.join(file), text).unwrap();
}

/// ready.toml (READY, 98.6), cond.toml (READY WITH CONDITIONS, 76.3), partial.toml
/// (INCOMPLETE, 100.0 on what is answered).
fn candidates(dir: &Path) {
    let base = [
        ("licence-ok", "true"),
        ("eval-depth", "3"),
        ("deploy", "\"API\""),
    ];
    write(
        dir,
        "ready.toml",
        "Ready",
        &[&base[..], &[("latency", "150")]].concat(),
    );
    write(
        dir,
        "cond.toml",
        "Cond",
        &[&base[..], &[("latency", "1000")]].concat(),
    );
    write(dir, "partial.toml", "Partial", &[("licence-ok", "true")]);
}

/// `weigh gate ARGS… --checklist small.toml` in `dir`, with `$GITHUB_STEP_SUMMARY` unset.
fn gate(dir: &Path, args: &[&str]) -> Run {
    let small = small_arg();
    run(weigh(dir)
        .env_remove("GITHUB_STEP_SUMMARY")
        .arg("gate")
        .args(args)
        .args(["--checklist", &small]))
}

fn line<'a>(r: &'a Run, name: &str) -> &'a str {
    r.stdout
        .lines()
        .find(|l| l.contains(&format!("  {name} (")))
        .unwrap_or_else(|| panic!("no line for {name}:\n{}", r.stdout))
}

#[test]
fn every_candidate_meeting_the_requirement_is_exit_0_with_one_line_each() {
    let dir = temp();
    candidates(dir.path());
    let r = gate(
        dir.path(),
        &["ready.toml", "cond.toml", "--require", "conditional"],
    );
    ok(&r);
    assert_eq!(r.stdout.lines().count(), 2, "{}", r.stdout);
    assert_eq!(
        line(&r, "Ready"),
        "pass  READY                   98.6  Ready (ready.toml)"
    );
    assert_eq!(
        line(&r, "Cond"),
        "pass  READY WITH CONDITIONS   76.3  Cond (cond.toml)"
    );
    assert!(!r.stdout.contains('\u{1b}'), "{:?}", r.stdout);
}

#[test]
fn a_candidate_below_the_requirement_is_exit_1_and_its_line_says_what_it_misses() {
    let dir = temp();
    candidates(dir.path());
    let r = gate(
        dir.path(),
        &[
            "ready.toml",
            "cond.toml",
            "partial.toml",
            "--require",
            "ready",
        ],
    );
    assert_exit(&r, 1);
    assert!(line(&r, "Ready").starts_with("pass"));
    assert_eq!(
        line(&r, "Cond"),
        "FAIL  READY WITH CONDITIONS   76.3  Cond (cond.toml): needs READY; why: overall 76.3 is below 80 (READY)"
    );
    assert!(
        line(&r, "Partial").contains("needs READY; why: 3 items unanswered"),
        "{}",
        r.stdout
    );
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(
        lines[0].contains("Ready") && lines[2].contains("Partial"),
        "the order given"
    );
}

#[test]
fn min_score_compares_the_overall_score_and_a_missing_score_fails() {
    let dir = temp();
    candidates(dir.path());
    ok(&gate(
        dir.path(),
        &["ready.toml", "cond.toml", "--min-score", "76.3"],
    ));
    let r = gate(
        dir.path(),
        &["ready.toml", "cond.toml", "--min-score", "80"],
    );
    assert_exit(&r, 1);
    assert!(
        line(&r, "Cond").contains(": score 76.3 is below 80"),
        "{}",
        r.stdout
    );
    // Both parts must hold: INCOMPLETE fails --require conditional whatever its score.
    let both = gate(
        dir.path(),
        &[
            "partial.toml",
            "--require",
            "conditional",
            "--min-score",
            "50",
        ],
    );
    assert_exit(&both, 1);
    write(dir.path(), "none.toml", "Nothing", &[]);
    let none = gate(dir.path(), &["none.toml", "--min-score", "0"]);
    assert_exit(&none, 1);
    assert!(
        line(&none, "Nothing").contains("no score (needs at least 0)"),
        "{}",
        none.stdout
    );
}

#[test]
fn bad_input_is_exit_2_and_the_other_candidates_are_still_judged() {
    let dir = temp();
    candidates(dir.path());
    std::fs::write(dir.path().join("bad.toml"), "schema_version = [\n").unwrap();
    let r = gate(
        dir.path(),
        &[
            "ready.toml",
            "bad.toml",
            "missing.toml",
            "cond.toml",
            "--require",
            "ready",
        ],
    );
    assert_exit(&r, 2);
    assert!(line(&r, "Ready").starts_with("pass"));
    assert!(line(&r, "Cond").starts_with("FAIL"), "exit 2 beats exit 1");
    assert!(r.stderr.contains("bad.toml:1:"), "{}", r.stderr);
    assert!(
        r.stderr.contains("missing.toml: no such file"),
        "{}",
        r.stderr
    );
    for args in [
        &["ready.toml"][..],
        &["ready.toml", "--require", "maybe"],
        &["ready.toml", "--min-score", "lots"],
        &["ready.toml", "--min-score", "inf"],
        &["--require", "ready"],
    ] {
        refused(&gate(dir.path(), args));
    }
}

#[test]
fn the_step_summary_is_appended_to_github_step_summary_and_to_summary_file() {
    let dir = temp();
    candidates(dir.path());
    let d = dir.path();
    std::fs::write(d.join("step.md"), "## Earlier step\n\nkept").unwrap();
    let small = small_arg();
    let r = run(weigh(d)
        .env("GITHUB_STEP_SUMMARY", d.join("step.md"))
        .args(["gate", "ready.toml", "cond.toml", "missing.toml"])
        .args([
            "--require",
            "ready",
            "--summary",
            "ci.md",
            "--checklist",
            &small,
        ]));
    assert_exit(&r, 2);
    let step = std::fs::read_to_string(d.join("step.md")).unwrap();
    assert!(
        step.starts_with("## Earlier step\n\nkept\n\n### weigh gate:"),
        "{step}"
    );
    let ci = std::fs::read_to_string(d.join("ci.md")).unwrap();
    assert_eq!(
        step.strip_prefix("## Earlier step\n\nkept\n\n"),
        Some(ci.as_str())
    );
    assert!(
        ci.starts_with("### weigh gate: 1 of 2 candidate(s) fail, 1 file(s) could not be read\n"),
        "{ci}"
    );
    let md = markdown::parse(&ci);
    assert!(md.html.is_empty(), "{:?}", md.html);
    let table = &md.tables[0];
    assert_eq!(
        table[0],
        ["Result", "Candidate", "Verdict", "Score", "File", "Why"]
    );
    assert_eq!(
        table[1][..5],
        ["✅ pass", "Ready", "READY", "98.6", "ready.toml"]
    );
    assert_eq!(table[2][0], "❌ fail");
    assert_eq!(
        table[2][5],
        "needs READY; why: overall 76.3 is below 80 (READY)"
    );
    assert_eq!(table[3][0], "⚠️ error");
    assert_eq!(table[3][4], "missing.toml");
    // A second run appends another summary below the first.
    let again = gate(
        d,
        &["ready.toml", "--require", "ready", "--summary", "ci.md"],
    );
    ok(&again);
    let ci = std::fs::read_to_string(d.join("ci.md")).unwrap();
    assert_eq!(ci.matches("### weigh gate:").count(), 2, "{ci}");
    assert!(
        ci.ends_with("| ✅ pass | Ready | READY | 98.6 | ready.toml |   |\n\n"),
        "{ci}"
    );
}

#[test]
fn a_summary_that_cannot_be_written_is_exit_3() {
    let dir = temp();
    candidates(dir.path());
    let r = gate(
        dir.path(),
        &[
            "ready.toml",
            "--require",
            "ready",
            "--summary",
            "no/such/folder/ci.md",
        ],
    );
    assert_exit(&r, 3);
    assert!(r.stderr.contains("ci.md"), "{}", r.stderr);
}
