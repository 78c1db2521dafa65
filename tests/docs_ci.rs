//! `docs/ci.md` works as written: its GitHub Actions step and its GitLab CI script run for
//! real, with bash, in a git repository holding a base commit and a pull request's commit, and
//! every `weigh` command the page shows exists with the options it uses.

use std::collections::BTreeSet;
use std::path::Path;

mod common;
use common::repo::{commit_all, git, hermetic, init};
use common::{ok, root, small, weigh_in};

fn page() -> String {
    std::fs::read_to_string(root().join("docs/ci.md")).expect("docs/ci.md")
}

/// The fenced code blocks of the page tagged `lang`.
fn blocks(page: &str, lang: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for line in page.lines() {
        match &mut current {
            None if line.trim_start() == format!("```{lang}") => current = Some(String::new()),
            Some(block) if line.trim_start() == "```" => {
                out.push(std::mem::take(block));
                current = None;
            }
            Some(block) => {
                block.push_str(line);
                block.push('\n');
            }
            None => {}
        }
    }
    out
}

/// The lines indented under the first line containing `key` (a YAML block scalar or
/// sequence), dedented.
fn indented_under(yaml: &str, key: &str) -> Vec<String> {
    let lines: Vec<&str> = yaml.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.contains(key))
        .unwrap_or_else(|| panic!("no {key:?} in\n{yaml}"));
    let indent = |l: &str| l.len() - l.trim_start().len();
    let base = indent(lines[start]);
    let body: Vec<&str> = lines[start + 1..]
        .iter()
        .take_while(|l| l.trim().is_empty() || indent(l) > base)
        .copied()
        .collect();
    let cut = body
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| indent(l))
        .min()
        .unwrap_or(0);
    body.iter()
        .map(|l| l.get(cut..).unwrap_or("").to_string())
        .collect()
}

/// The GitHub step that gates and writes the comment.
fn github_script() -> String {
    let yaml = &blocks(&page(), "yaml")[0];
    let step =
        indented_under(yaml, "name: Gate the assessments this pull request touches").join("\n");
    indented_under(&step, "run: |").join("\n")
}

/// The GitLab job's `script:` lines, without installing weigh.
fn gitlab_script() -> String {
    let yaml = &blocks(&page(), "yaml")[1];
    indented_under(yaml, "script:")
        .iter()
        .map(|l| l.trim_start_matches("- ").to_string())
        .filter(|l| !l.starts_with("cargo install"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A project repository: the base commit has assessments/a.toml (READY WITH CONDITIONS) and
/// the folder assessments/c/ (alice's file; INCOMPLETE); the pull request's commit raises one of
/// a's answers, adds assessments/b.toml (INCOMPLETE) and bob's file to c. Returns the base
/// commit.
fn pull_request(dir: &Path) -> String {
    init(dir);
    ok(&weigh_in(dir, &["init"]));
    std::fs::copy(small(), dir.join("checklists/small.toml")).unwrap();
    let answer = |file: &str, args: &[&str]| {
        let mut all = vec!["answer", file];
        all.extend_from_slice(args);
        if !all.contains(&"--as") {
            all.extend_from_slice(&["--as", "alice"]);
        }
        all.extend_from_slice(&["--checklist", "small"]);
        ok(&weigh_in(dir, &all));
    };
    answer(
        "assessments/a.toml",
        &["licence-ok", "yes", "--candidate", "A"],
    );
    answer(
        "assessments/a.toml",
        &["eval-depth", "1", "--evidence", "e.md"],
    );
    answer("assessments/a.toml", &["deploy", "API"]);
    answer("assessments/a.toml", &["latency", "900"]);
    answer("assessments/c", &["licence-ok", "yes", "--candidate", "C"]);
    commit_all(dir, "base");
    let base = git(dir, &["rev-parse", "HEAD"]).trim().to_string();
    answer(
        "assessments/a.toml",
        &["eval-depth", "2", "--evidence", "e.md"],
    );
    answer(
        "assessments/b.toml",
        &["licence-ok", "yes", "--candidate", "B"],
    );
    commit_all(dir, "pull request");
    base
}

#[test]
fn the_github_step_gates_the_touched_assessments_and_writes_the_review_summary() {
    let dir = common::temp();
    let d = dir.path();
    let base = pull_request(d);
    let summary = d.join("step-summary.md");
    let out = hermetic("bash", d)
        .args(["-e", "-o", "pipefail", "-c", &github_script()])
        .env("BASE", &base)
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "B fails the gate:\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains("pass  READY WITH CONDITIONS"), "{stdout}");
    assert!(stdout.contains("FAIL  INCOMPLETE"), "{stdout}");
    let comment = std::fs::read_to_string(d.join("comment.md")).expect("comment.md");
    assert!(
        comment.starts_with("### weigh gate: 1 of 2 candidate(s) fail\n"),
        "{comment}"
    );
    assert!(
        comment.contains("### A: READY WITH CONDITIONS\n"),
        "the diff of A: {comment}"
    );
    assert!(
        comment.contains("| `eval-depth` | consensus | result |"),
        "{comment}"
    );
    assert!(
        comment.contains("# Readiness report: B\n"),
        "B's report, new: {comment}"
    );
    let step = std::fs::read_to_string(&summary).expect("the step summary");
    assert!(
        step.starts_with("### weigh gate: 1 of 2 candidate(s) fail\n"),
        "{step}"
    );
}

#[test]
fn the_gitlab_script_runs_as_written() {
    let dir = common::temp();
    let d = dir.path();
    let base = pull_request(d);
    let out = hermetic("bash", d)
        .args(["-e", "-c", &gitlab_script()])
        .env("CI_MERGE_REQUEST_DIFF_BASE_SHA", &base)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let note = std::fs::read_to_string(d.join("weigh.md")).expect("weigh.md");
    assert!(note.starts_with("### A: READY WITH CONDITIONS\n"), "{note}");
    assert!(note.contains("# Readiness report: B"), "{note}");
    assert!(
        note.contains("### weigh gate: 1 of 2 candidate(s) fail"),
        "{note}"
    );
}

/// Every `weigh SUBCOMMAND --option` in `code`: the subcommand, with the options used.
fn commands(code: &str) -> Vec<(String, BTreeSet<String>)> {
    let mut out = Vec::new();
    for line in code.lines() {
        // Comments (YAML and shell) are prose.
        let mut rest = line.split(" #").next().unwrap_or(line);
        if rest.trim_start().starts_with('#') {
            continue;
        }
        while let Some(at) = rest.find("weigh ") {
            let before = rest[..at].chars().last();
            rest = &rest[at + "weigh ".len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '/' || c == '-') {
                continue;
            }
            let words: Vec<&str> = rest.split_whitespace().collect();
            let Some(sub) = words
                .first()
                .filter(|w| w.chars().all(|c| c.is_ascii_lowercase()))
            else {
                continue;
            };
            let end = words
                .iter()
                .position(|w| matches!(*w, "||" | ">>" | "|" | ";" | "&&"))
                .unwrap_or(words.len());
            let options = words[1..end]
                .iter()
                .filter(|w| w.starts_with("--"))
                .map(|w| w.trim_end_matches('`').to_string())
                .collect();
            out.push((sub.to_string(), options));
        }
    }
    out
}

#[test]
fn every_weigh_command_on_the_page_exists_with_the_options_it_uses() {
    let code = blocks(&page(), "yaml").concat();
    let found = commands(&code);
    let subs: BTreeSet<&str> = found.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(
        subs,
        BTreeSet::from(["diff", "gate", "report"]),
        "{found:?}"
    );
    let dir = common::temp();
    for (sub, options) in &found {
        let help = weigh_in(dir.path(), &[sub, "--help"]);
        ok(&help);
        for option in options {
            assert!(
                help.stdout.contains(option.as_str()),
                "weigh {sub} has no {option}"
            );
        }
    }
}
