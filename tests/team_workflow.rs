//! The team workflow in real git repositories (SPEC §3, §5): folder assessments that merge
//! without conflicts, one-file assessments merged by the driver `weigh init` registers, a header
//! conflict that still stops the merge, and `init` in a fresh repository.
//!
//! Every command is real: `git` with no configuration from the machine, and the built `weigh`
//! on PATH, where git finds the merge driver.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

mod common;
use common::{Run, assert_exit, ok, small, temp, weigh_command};

/// The folder holding the built `weigh`, first on PATH.
fn path_with_weigh() -> std::ffi::OsString {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_weigh"));
    let dir = bin.parent().expect("the binary's folder").to_path_buf();
    let rest = std::env::var_os("PATH").unwrap_or_default();
    std::env::join_paths(std::iter::once(dir).chain(std::env::split_paths(&rest))).unwrap()
}

fn capture(cmd: Command) -> Run {
    common::run(&mut assert_cmd::Command::from_std(cmd))
}

/// `git ARGS…` in `dir`, hermetic, with `weigh` on PATH.
fn git(dir: &Path, args: &[&str]) -> Run {
    let mut cmd = Command::new("git");
    cmd.args(args)
        .current_dir(dir)
        .env("HOME", dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_DATE", "2026-11-28T20:00:00Z")
        .env("GIT_COMMITTER_DATE", "2026-11-28T20:00:00Z")
        .env("WEIGH_NOW", common::NOW)
        .env("PATH", path_with_weigh())
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE");
    capture(cmd)
}

fn git_ok(dir: &Path, args: &[&str]) -> Run {
    let r = git(dir, args);
    ok(&r);
    r
}

/// `weigh ARGS…` in `dir` (hermetic, `weigh` on PATH).
fn weigh(dir: &Path, args: &[&str]) -> Run {
    let mut cmd = weigh_command(dir);
    cmd.args(args).env("PATH", path_with_weigh());
    capture(cmd)
}

fn weigh_ok(dir: &Path, args: &[&str]) -> Run {
    let r = weigh(dir, args);
    ok(&r);
    r
}

/// A git repository with a weigh project (`weigh init`), the small fixture checklist among its
/// checklists, and one commit on `main`.
fn repository() -> tempfile::TempDir {
    let dir = temp();
    let d = dir.path();
    git_ok(d, &["init", "-q", "-b", "main"]);
    git_ok(d, &["config", "user.name", "Lead"]);
    git_ok(d, &["config", "user.email", "lead@example.com"]);
    weigh_ok(d, &["init", "--team", "acme"]);
    std::fs::copy(small(), d.join("checklists/small.toml")).unwrap();
    commit(d, "Set up weigh");
    dir
}

fn commit(dir: &Path, message: &str) {
    git_ok(dir, &["add", "-A"]);
    git_ok(dir, &["commit", "-q", "-m", message]);
}

/// The lead's first answer, which creates the assessment of Kimi K3, committed on `main`.
fn start(dir: &Path, file: &str, item: &str, value: &str) {
    weigh_ok(
        dir,
        &[
            "answer",
            file,
            item,
            value,
            "--as",
            "lead",
            "--candidate",
            "Kimi K3",
            "--checklist",
            "small",
        ],
    );
    commit(dir, "Start Kimi K3");
}

/// `weigh answer FILE ITEM VALUE --as WHO` with the evidence the small checklist requires.
fn answer(dir: &Path, file: &str, item: &str, value: &str, who: &str) {
    weigh_ok(
        dir,
        &[
            "answer",
            file,
            item,
            value,
            "--as",
            who,
            "--evidence",
            "evals/run.md",
        ],
    );
}

/// Every (item, assessor) pair `weigh report --format json` shows.
fn reported(dir: &Path, file: &str) -> Vec<(String, String)> {
    let r = weigh_ok(dir, &["report", file, "--format", "json"]);
    let json: Value = serde_json::from_str(&r.stdout).expect("JSON");
    let mut pairs = Vec::new();
    for item in json["items"].as_array().unwrap() {
        for a in item["answers"].as_array().unwrap() {
            pairs.push((
                item["id"].as_str().unwrap().to_string(),
                a["by"].as_str().unwrap().to_string(),
            ));
        }
    }
    pairs.sort();
    pairs
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = list
        .iter()
        .map(|(i, b)| (i.to_string(), b.to_string()))
        .collect();
    out.sort();
    out
}

fn merge(dir: &Path, branch: &str) -> Run {
    git(dir, &["merge", "--no-edit", "-q", branch])
}

fn assert_clean_merge(dir: &Path, r: &Run) {
    assert_exit(r, 0);
    let status = git_ok(dir, &["status", "--porcelain"]);
    assert_eq!(status.stdout, "", "nothing left unmerged");
}

#[test]
fn three_assessors_on_three_branches_of_a_folder_assessment_merge_cleanly() {
    let dir = repository();
    let d = dir.path();
    start(d, "assessments/kimi-k3", "summary", "Started");
    for who in ["alice", "bob", "carol"] {
        git_ok(d, &["checkout", "-q", "-b", who, "main"]);
        for (item, value) in [
            ("licence-ok", "yes"),
            ("eval-depth", "Spot-checked"),
            ("deploy", "API"),
        ] {
            answer(d, "assessments/kimi-k3", item, value, who);
        }
        commit(d, &format!("{who} answers"));
    }
    git_ok(d, &["checkout", "-q", "main"]);
    for who in ["alice", "bob", "carol"] {
        let r = merge(d, who);
        assert_clean_merge(d, &r);
    }
    let mut expected = vec![("summary", "lead")];
    for who in ["alice", "bob", "carol"] {
        expected.extend([("licence-ok", who), ("eval-depth", who), ("deploy", who)]);
    }
    assert_eq!(reported(d, "assessments/kimi-k3"), pairs(&expected));
    let members: Vec<String> = std::fs::read_dir(d.join("assessments/kimi-k3"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(members.len(), 4, "one file per assessor: {members:?}");
}

/// Two branches that both append a block to a one-file assessment: git's line merge conflicts
/// (both insert at the end), so a clean merge shows the driver ran.
#[test]
fn the_driver_init_installed_merges_two_branches_answering_different_items_of_one_file() {
    let dir = repository();
    let d = dir.path();
    let attr = git_ok(d, &["check-attr", "merge", "assessments/kimi-k3.toml"]);
    assert!(attr.stdout.contains("merge: weigh"), "{}", attr.stdout);
    start(d, "assessments/kimi-k3.toml", "licence-ok", "yes");
    git_ok(d, &["checkout", "-q", "-b", "alice", "main"]);
    answer(d, "assessments/kimi-k3.toml", "latency", "250", "alice");
    commit(d, "alice answers latency");
    git_ok(d, &["checkout", "-q", "-b", "bob", "main"]);
    answer(d, "assessments/kimi-k3.toml", "summary", "Fine", "bob");
    commit(d, "bob answers summary");
    git_ok(d, &["checkout", "-q", "main"]);
    assert_clean_merge(d, &merge(d, "alice"));
    // Control: without the attributes that route the file to weigh, git's line merge conflicts.
    git_ok(d, &["checkout", "-q", "-b", "control", "main"]);
    git_ok(d, &["rm", "-q", "assessments/.gitattributes"]);
    commit(d, "no driver");
    assert_exit(&merge(d, "bob"), 1);
    git_ok(d, &["merge", "--abort"]);
    git_ok(d, &["checkout", "-q", "main"]);
    let r = merge(d, "bob");
    assert_clean_merge(d, &r);
    assert_eq!(
        reported(d, "assessments/kimi-k3.toml"),
        pairs(&[
            ("licence-ok", "lead"),
            ("latency", "alice"),
            ("summary", "bob")
        ])
    );
    // The driver wrote the canonical form.
    weigh_ok(d, &["fmt", "--check", "assessments/kimi-k3.toml"]);
}

#[test]
fn a_header_changed_differently_on_two_branches_still_stops_the_merge_with_markers() {
    let dir = repository();
    let d = dir.path();
    start(d, "assessments/kimi-k3.toml", "licence-ok", "yes");
    let file = d.join("assessments/kimi-k3.toml");
    for (branch, model, depth) in [
        ("x", "lab/kimi-k3", "Spot-checked"),
        ("y", "other-lab/kimi-k3", "Automated"),
    ] {
        git_ok(d, &["checkout", "-q", "-b", branch, "main"]);
        answer(d, "assessments/kimi-k3.toml", "eval-depth", depth, "sam");
        let text = std::fs::read_to_string(&file).unwrap().replace(
            "name = \"Kimi K3\"\n",
            &format!("name = \"Kimi K3\"\nmodel = \"{model}\"\n"),
        );
        std::fs::write(&file, text).unwrap();
        commit(d, &format!("model on {branch}"));
    }
    git_ok(d, &["checkout", "-q", "main"]);
    assert_clean_merge(d, &merge(d, "x"));
    let r = merge(d, "y");
    assert_exit(&r, 1);
    assert!(
        r.stderr.contains("candidate.model") || r.stdout.contains("candidate.model"),
        "the driver says what conflicts:\n{}\n{}",
        r.stdout,
        r.stderr
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("<<<<<<< ours\nmodel = \"lab/kimi-k3\"\n=======\nmodel = \"other-lab/kimi-k3\"\n>>>>>>> theirs\n"),
        "only the header line is in conflict; the answers are merged:\n{text}"
    );
    assert_eq!(text.matches("<<<<<<<").count(), 1, "{text}");
    // Reading the file now reports the conflict, at the first marker's line.
    let report = weigh(d, &["report", "assessments/kimi-k3.toml"]);
    assert_exit(&report, 2);
    let line = text.lines().position(|l| l.starts_with("<<<<<<<")).unwrap() + 1;
    assert!(
        report
            .stderr
            .contains(&format!("assessments/kimi-k3.toml:{line}:1")),
        "{}",
        report.stderr
    );
    assert!(
        report.stderr.contains("merge-conflict"),
        "{}",
        report.stderr
    );
    // Keeping one side of the header line finishes the merge.
    let kept = text.replace(
        "<<<<<<< ours\nmodel = \"lab/kimi-k3\"\n=======\nmodel = \"other-lab/kimi-k3\"\n>>>>>>> theirs\n",
        "model = \"lab/kimi-k3\"\n",
    );
    std::fs::write(&file, kept).unwrap();
    weigh_ok(d, &["fmt", "--check", "assessments/kimi-k3.toml"]);
    assert_eq!(
        reported(d, "assessments/kimi-k3.toml"),
        pairs(&[("licence-ok", "lead"), ("eval-depth", "sam")])
    );
}

#[test]
fn init_in_a_fresh_repository_registers_the_driver_and_the_assessor_defaults_to_git_user_name() {
    let dir = temp();
    let d = dir.path();
    git_ok(d, &["init", "-q", "-b", "main"]);
    git_ok(d, &["config", "user.name", "Alice Example"]);
    let r = weigh_ok(d, &["init", "--team", "acme"]);
    assert!(r.stderr.contains("registered"), "{}", r.stderr);
    let driver = git_ok(d, &["config", "--get", "merge.weigh.driver"]);
    assert_eq!(driver.stdout.trim(), "weigh merge-file %O %A %B %P");
    assert_eq!(
        std::fs::read_to_string(d.join("assessments/.gitattributes"))
            .unwrap()
            .lines()
            .last(),
        Some("*.toml merge=weigh")
    );
    // No --as: the assessor is git's user.name, who writes their own member file.
    weigh_ok(
        d,
        &[
            "answer",
            "assessments/kimi-k3",
            "licence-ok",
            "yes",
            "--candidate",
            "Kimi K3",
            "--checklist",
            &common::small_arg(),
        ],
    );
    let member = d.join("assessments/kimi-k3/alice-example.toml");
    let text = std::fs::read_to_string(&member).expect("the assessor's own file");
    assert!(text.contains("by = \"Alice Example\""), "{text}");
}

#[test]
fn init_git_driver_only_registers_the_driver_in_a_fresh_clone() {
    let origin = repository();
    let parent = temp();
    let o = origin.path().display().to_string();
    git_ok(parent.path(), &["clone", "-q", &o, "clone"]);
    let clone = parent.path().join("clone");
    let before = git(&clone, &["config", "--get", "merge.weigh.driver"]);
    assert_exit(&before, 1);
    weigh_ok(&clone, &["init", "--git-driver-only"]);
    let after = git_ok(&clone, &["config", "--get", "merge.weigh.driver"]);
    assert_eq!(after.stdout.trim(), "weigh merge-file %O %A %B %P");
    // Outside a repository it says so.
    let outside = temp();
    assert_exit(&weigh(outside.path(), &["init", "--git-driver-only"]), 2);
}
