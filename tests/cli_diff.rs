//! `weigh diff` end to end: answers added, removed and changed field by field, the verdict and
//! scores before and after, `REV:PATH` in a real git repository (from the root and from a
//! subfolder, on either side), Markdown fit for a pull-request comment whatever the answers
//! contain, and JSON valid against `weigh schema diff`.

use std::path::Path;

use serde_json::Value;

mod common;
use common::markdown::{self, row};
use common::repo::{commit_all, git, init};
use common::{Run, answer_ok, ok, refused, small_arg, start, temp, weigh_in};

/// Text that means something to Markdown and HTML.
const HOSTILE: &str = "a | b\nc <script>x</script> `y` *z* [l](u) &amp; ~s~";

/// `weigh diff OLD NEW ARGS… --checklist small.toml` in `dir`.
fn diff(dir: &Path, old: &str, new: &str, args: &[&str]) -> Run {
    let small = small_arg();
    let mut all = vec!["diff", old, new];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--checklist", &small]);
    weigh_in(dir, &all)
}

/// A repository whose first commit holds a.toml (alice: licence yes, eval-depth 1 with
/// evidence, deploy API; bob: latency 900), then a working-tree change: alice's eval-depth
/// raised to 3 with a note, bob's latency removed, carol's licence added.
fn repo() -> tempfile::TempDir {
    let dir = temp();
    let d = dir.path();
    init(d);
    start(d, "a.toml", &small_arg(), "Model M", ["licence-ok", "yes"]);
    answer_ok(
        d,
        &["eval-depth", "1", "--as", "alice", "--evidence", "e.md"],
    );
    answer_ok(d, &["deploy", "API", "--as", "alice"]);
    answer_ok(d, &["latency", "900", "--as", "bob"]);
    commit_all(d, "first answers");
    answer_ok(
        d,
        &[
            "eval-depth",
            "3",
            "--as",
            "alice",
            "--evidence",
            "e.md",
            "--note",
            "1,200 cases",
        ],
    );
    answer_ok(d, &["latency", "--clear", "--as", "bob"]);
    answer_ok(d, &["licence-ok", "yes", "--as", "carol"]);
    dir
}

#[test]
fn rev_path_diffs_the_committed_version_with_the_working_tree() {
    let dir = repo();
    let r = diff(dir.path(), "HEAD:a.toml", "a.toml", &[]);
    ok(&r);
    let out = &r.stdout;
    assert!(out.starts_with("Model M: HEAD:a.toml → a.toml\n"), "{out}");
    assert!(out.contains("Items (3 changed):"), "{out}");
    for line in [
        "  eval-depth: 1: Spot-checked (33.3) → 3: Automated (100.0)",
        "    alice changed value: 1: Spot-checked → 3: Automated",
        "    alice changed note: (none) → 1,200 cases",
        "    carol added: yes",
        "    bob removed: 900 ms",
    ] {
        assert!(out.contains(line), "{line:?} in\n{out}");
    }
    let overall = out
        .lines()
        .find(|l| l.contains("Overall"))
        .expect("an Overall row");
    assert!(overall.contains('+'), "the score rose: {overall}");
}

#[test]
fn either_side_may_be_a_revision_and_paths_are_relative_to_the_working_directory() {
    let dir = repo();
    let d = dir.path();
    commit_all(d, "second answers");
    std::fs::create_dir(d.join("sub")).unwrap();
    std::fs::rename(d.join("a.toml"), d.join("sub/a.toml")).unwrap();
    commit_all(d, "moved");
    let sub = d.join("sub");
    // From the subfolder, HEAD:a.toml is sub/a.toml; HEAD~2 had a.toml at the root.
    let r = diff(
        &sub,
        "HEAD~2:../a.toml",
        "HEAD:a.toml",
        &["--format", "json"],
    );
    ok(&r);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["old"]["source"], "HEAD~2:../a.toml");
    assert_eq!(v["new"]["source"], "HEAD:a.toml");
    let ids: Vec<&str> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["licence-ok", "eval-depth", "latency"]);
    let same = diff(&sub, "HEAD~1:../a.toml", "a.toml", &[]);
    ok(&same);
    assert!(same.stdout.contains("No changes"), "{}", same.stdout);
}

#[test]
fn a_rev_path_git_cannot_read_is_exit_2_naming_it() {
    let dir = repo();
    let r = diff(dir.path(), "HEAD:nope.toml", "a.toml", &[]);
    refused(&r);
    assert!(r.stderr.contains("HEAD:nope.toml"), "{}", r.stderr);
    // A part before `:` that is not a revision makes the argument a path.
    let r = diff(dir.path(), "no-such-rev:a.toml", "a.toml", &[]);
    refused(&r);
    assert!(
        r.stderr.contains("no-such-rev:a.toml: no such file"),
        "{}",
        r.stderr
    );
    // Outside a repository, too.
    let plain = temp();
    std::fs::copy(dir.path().join("a.toml"), plain.path().join("a.toml")).unwrap();
    let r = diff(plain.path(), "HEAD:a.toml", "a.toml", &[]);
    refused(&r);
    assert!(
        r.stderr.contains("HEAD:a.toml: no such file"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_folder_assessment_at_a_revision_is_read_member_by_member() {
    let dir = temp();
    let d = dir.path();
    init(d);
    let small = small_arg();
    let answer = |args: &[&str]| {
        let mut all = vec!["answer", "team"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--checklist", &small]);
        ok(&weigh_in(d, &all));
    };
    answer(&[
        "licence-ok",
        "yes",
        "--as",
        "alice",
        "--candidate",
        "Team M",
    ]);
    answer(&["deploy", "API", "--as", "alice"]);
    commit_all(d, "alice");
    answer(&["deploy", "Self-host", "--as", "bob"]);
    answer(&["licence-ok", "no", "--as", "alice"]);
    assert!(
        d.join("team/bob.toml").is_file(),
        "bob writes his own member file"
    );
    let r = diff(d, "HEAD:team", "team", &[]);
    ok(&r);
    assert!(
        r.stdout.starts_with("Team M: HEAD:team → team\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("    bob added: Self-host"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("    alice changed value: yes → no"),
        "{}",
        r.stdout
    );
    let r = diff(d, "HEAD:nothing", "team", &[]);
    refused(&r);
    assert!(r.stderr.contains("HEAD:nothing"), "{}", r.stderr);
}

#[test]
fn markdown_is_a_pull_request_comment_that_stays_well_formed_whatever_the_answers_contain() {
    let dir = repo();
    let d = dir.path();
    answer_ok(d, &["summary", HOSTILE, "--as", "alice", "--note", HOSTILE]);
    let r = diff(d, "HEAD:a.toml", "a.toml", &["--format", "markdown"]);
    ok(&r);
    let md = markdown::parse(&r.stdout);
    assert!(md.html.is_empty(), "HTML: {:?}\n{}", md.html, r.stdout);
    assert_eq!(
        md.headings[0],
        "Model M: READY WITH CONDITIONS → INCOMPLETE"
    );
    let scores = &md.tables[0];
    assert_eq!(scores[0], ["", "Before", "After", "Change"]);
    assert_eq!(
        row(scores, "Verdict")[1..3],
        ["READY WITH CONDITIONS", "INCOMPLETE"]
    );
    let answers = &md.tables[1];
    assert_eq!(
        answers[0],
        ["Item", "Assessor", "Change", "Before", "After"]
    );
    assert!(answers.iter().all(|r| r.len() == 5), "{answers:#?}");
    let flat = HOSTILE.replace('\n', " ");
    let summary = answers
        .iter()
        .find(|r| r[1] == "alice" && r[2] == "added" && r[4].starts_with("a | b"))
        .unwrap_or_else(|| panic!("alice's summary answer in {answers:#?}"));
    assert_eq!(summary[4], format!("{flat}; note: {flat}"));
    assert!(
        answers
            .iter()
            .any(|r| r[0] == "eval-depth" && r[1] == "consensus")
    );
}

#[test]
fn json_validates_against_schema_diff() {
    let dir = repo();
    let r = diff(dir.path(), "HEAD:a.toml", "a.toml", &["--format", "json"]);
    ok(&r);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let changes: Vec<(&str, &str)> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|i| i["answers"].as_array().unwrap())
        .map(|a| (a["by"].as_str().unwrap(), a["change"].as_str().unwrap()))
        .collect();
    assert_eq!(
        changes,
        [("carol", "added"), ("alice", "changed"), ("bob", "removed")]
    );
    let errors = common::schema::errors("diff", &v);
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn a_re_answer_that_refreshes_a_stale_answer_shows_as_re_answered() {
    let dir = repo();
    let d = dir.path();
    commit_all(d, "second answers");
    let r = weigh_in(
        d,
        &[
            "answer",
            "a.toml",
            "deploy",
            "API",
            "--as",
            "alice",
            "--at",
            "2026-12-01",
            "--checklist",
            &small_arg(),
        ],
    );
    ok(&r);
    let r = diff(d, "HEAD:a.toml", "a.toml", &[]);
    ok(&r);
    assert!(
        r.stdout
            .contains("alice re-answered at: 2026-11-28T20:00:00Z → 2026-12-01T00:00:00Z"),
        "{}",
        r.stdout
    );
    let branch = git(d, &["branch", "--show-current"]);
    assert_eq!(branch.trim(), "main");
}
