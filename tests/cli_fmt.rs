//! `weigh fmt` and `--check`, scale answers written as level text (old index answers read and
//! rewritten; reworded levels kept and shown as no longer fitting), files with merge-conflict
//! markers, `weigh merge-file` by hand, `checklist fmt`, completions, the man page and the
//! examples in every subcommand's help.

use std::path::Path;

mod common;
use common::{assert_exit, ok, refused, small_arg, small_digest, temp, weigh_in};

/// An assessment of the small checklist; `digest` as written (`None`: no digest line).
fn assessment(digest: Option<&str>, answers: &str) -> String {
    let digest = digest
        .map(|d| format!("checklist_digest = \"{d}\"\n"))
        .unwrap_or_default();
    format!(
        "schema_version = 1\n\n[assessment]\nchecklist = \"small\"\nchecklist_version = \"1.0.0\"\n{digest}created = 2026-11-01T10:00:00Z\n\n[candidate]\nname = \"K\"\n{answers}"
    )
}

const EVAL_INDEX: &str = "\n[[answer]]\nitem = \"eval-depth\"\nby = \"alice\"\nvalue = 1\nat = 2026-11-01T10:00:00Z\nevidence = [\"e.md\"]\n";

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap()
}

fn run(dir: &Path, args: &[&str]) -> common::Run {
    let small = small_arg();
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--checklist", &small]);
    weigh_in(dir, &all)
}

#[test]
fn fmt_check_exits_1_with_a_diff_and_fmt_rewrites_in_canonical_form() {
    let dir = temp();
    let d = dir.path();
    // Out of order, an index for a scale answer, a comment.
    let answers = format!(
        "\n[[answer]]\nitem = \"deploy\"\nby = \"bob\"\nvalue = \"api\"\nat = 2026-11-01T10:00:00Z\n{EVAL_INDEX}# a remark\n"
    );
    let text = assessment(Some(&small_digest()), &answers);
    write(d, "a.toml", &text);
    let check = run(d, &["fmt", "--check", "a.toml"]);
    assert_exit(&check, 1);
    assert!(
        check.stdout.starts_with("--- a/a.toml\n+++ b/a.toml\n"),
        "{}",
        check.stdout
    );
    assert!(check.stdout.contains("-value = 1\n"), "{}", check.stdout);
    assert!(
        check.stdout.contains("+value = \"Spot-checked\"\n"),
        "{}",
        check.stdout
    );
    assert_eq!(read(d, "a.toml"), text, "--check changes nothing");

    let fmt = run(d, &["fmt", "a.toml"]);
    ok(&fmt);
    assert!(fmt.stderr.contains("comment-dropped"), "{}", fmt.stderr);
    let written = read(d, "a.toml");
    let eval = written.find("item = \"eval-depth\"").unwrap();
    let deploy = written.find("item = \"deploy\"").unwrap();
    assert!(eval < deploy, "checklist order:\n{written}");
    assert!(
        written.contains("value = \"API\""),
        "listed spelling:\n{written}"
    );
    let again = run(d, &["fmt", "--check", "a.toml"]);
    ok(&again);
    assert_eq!(again.stdout, "");
}

#[test]
fn fmt_of_a_folder_formats_every_member() {
    let dir = temp();
    let d = dir.path();
    std::fs::create_dir(d.join("k")).unwrap();
    write(
        &d.join("k"),
        "alice.toml",
        &assessment(Some(&small_digest()), EVAL_INDEX),
    );
    write(&d.join("k"), "bob.toml", &assessment(None, ""));
    assert_exit(&run(d, &["fmt", "--check", "k"]), 1);
    ok(&run(d, &["fmt", "k"]));
    ok(&run(d, &["fmt", "--check", "k"]));
    assert!(read(&d.join("k"), "alice.toml").contains("value = \"Spot-checked\""));
    assert!(read(&d.join("k"), "bob.toml").contains("checklist_digest"));
}

#[test]
fn an_old_index_answer_is_read_and_rewritten_as_the_levels_text() {
    let dir = temp();
    let d = dir.path();
    for digest in [None, Some(small_digest())] {
        write(d, "a.toml", &assessment(digest.as_deref(), EVAL_INDEX));
        let report = run(d, &["report", "a.toml", "--format", "json"]);
        ok(&report);
        assert!(report.stderr.is_empty(), "{}", report.stderr);
        let json: serde_json::Value = serde_json::from_str(&report.stdout).unwrap();
        let eval = &json["items"][1];
        assert_eq!(eval["value"], "Spot-checked");
        assert_eq!(eval["level"], 1);
        assert_eq!(eval["answers"][0]["value"], "Spot-checked");
        ok(&run(
            d,
            &["answer", "a.toml", "licence-ok", "yes", "--as", "bob"],
        ));
        let written = read(d, "a.toml");
        assert!(written.contains("value = \"Spot-checked\""), "{written}");
        assert!(!written.contains("value = 1\n"), "{written}");
    }
}

#[test]
fn an_index_written_against_another_checklist_version_does_not_fit_and_is_kept() {
    let dir = temp();
    let d = dir.path();
    let old = "sha256:0000000000000000000000000000000000000000000000000000000000000000";
    let text = assessment(Some(old), EVAL_INDEX);
    write(d, "a.toml", &text);
    let report = run(d, &["report", "a.toml"]);
    ok(&report);
    assert!(
        report.stderr.contains("checklist-changed"),
        "{}",
        report.stderr
    );
    assert!(
        report
            .stdout
            .contains("Answers that no longer fit the checklist")
            && report.stdout.contains("eval-depth by alice: 1"),
        "{}",
        report.stdout
    );
    ok(&run(
        d,
        &["answer", "a.toml", "licence-ok", "yes", "--as", "bob"],
    ));
    let written = read(d, "a.toml");
    assert!(
        written.contains("value = 1\n"),
        "kept as written:\n{written}"
    );
    assert!(
        written.contains(old),
        "the digest stays while answers do not fit:\n{written}"
    );
}

#[test]
fn a_reworded_level_leaves_the_old_answer_unfit_never_re_pointed() {
    let dir = temp();
    let d = dir.path();
    let answer = "\n[[answer]]\nitem = \"eval-depth\"\nby = \"alice\"\nvalue = \"Rubric on 50 cases\"\nat = 2026-11-01T10:00:00Z\nevidence = [\"e.md\"]\n";
    let old = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    write(d, "a.toml", &assessment(Some(old), answer));
    let md = run(d, &["report", "a.toml", "--format", "markdown"]);
    ok(&md);
    assert!(
        md.stdout
            .contains("## Answers that no longer fit the checklist")
            && md.stdout.contains("Rubric on 50 cases"),
        "{}",
        md.stdout
    );
    let json = run(d, &["report", "a.toml", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(
        json["items"][1]["answered"], false,
        "not re-pointed to a level"
    );
    assert_eq!(json["unfit_answers"][0]["value"], "Rubric on 50 cases");
    // With the current digest the same text is an error, located.
    write(d, "b.toml", &assessment(Some(&small_digest()), answer));
    let r = run(d, &["report", "b.toml"]);
    refused(&r);
    assert!(r.stderr.contains("unknown-level"), "{}", r.stderr);
    assert!(r.stderr.contains("b.toml:15:9"), "{}", r.stderr);
}

const CONFLICTED: &str = "\n[[answer]]\nitem = \"licence-ok\"\n<<<<<<< HEAD\nby = \"alice\"\nvalue = true\nat = 2026-11-01T10:00:00Z\n\n[[answer]]\nitem = \"licence-ok\"\n=======\nby = \"bob\"\nvalue = false\nat = 2026-11-02T10:00:00Z\n\n[[answer]]\nitem = \"licence-ok\"\n>>>>>>> bob\nby = \"alice\"\nvalue = false\nat = 2026-11-03T10:00:00Z\n";

#[test]
fn a_file_with_conflict_markers_gets_one_diagnostic_at_the_first_marker_with_the_fix() {
    let dir = temp();
    let d = dir.path();
    let text = assessment(Some(&small_digest()), CONFLICTED);
    write(d, "a.toml", &text);
    let r = run(d, &["report", "a.toml"]);
    refused(&r);
    let line = text.lines().position(|l| l.starts_with("<<<<<<<")).unwrap() + 1;
    assert!(
        r.stderr.contains(&format!("a.toml:{line}:1")),
        "{}",
        r.stderr
    );
    assert_eq!(r.stderr.matches("error[").count(), 1, "{}", r.stderr);
    assert!(r.stderr.contains("error[merge-conflict]"), "{}", r.stderr);
    assert!(r.stderr.contains("keep both sides"), "{}", r.stderr);
    assert!(r.stderr.contains("weigh fmt a.toml"), "{}", r.stderr);

    // Keeping both sides, then `weigh fmt`: the newer of alice's two answers stays.
    let kept: String = text
        .lines()
        .filter(|l| {
            !l.starts_with("<<<<<<<") && !l.starts_with("=======") && !l.starts_with(">>>>>>>")
        })
        .map(|l| format!("{l}\n"))
        .collect();
    write(d, "a.toml", &kept);
    let fmt = run(d, &["fmt", "a.toml"]);
    ok(&fmt);
    assert!(fmt.stderr.contains("duplicate-answer"), "{}", fmt.stderr);
    let written = read(d, "a.toml");
    assert_eq!(written.matches("by = \"alice\"").count(), 1, "{written}");
    assert!(written.contains("at = 2026-11-03T10:00:00Z"), "{written}");
    assert!(written.contains("by = \"bob\""), "{written}");
}

#[test]
fn merge_file_merges_answer_sets_and_keeps_the_later_of_two_changes_with_a_warning() {
    let dir = temp();
    let d = dir.path();
    let a = |item: &str, by: &str, value: &str, at: &str| {
        format!("\n[[answer]]\nitem = \"{item}\"\nby = \"{by}\"\nvalue = {value}\nat = {at}\n")
    };
    let digest = small_digest();
    let base = assessment(
        Some(&digest),
        &a("licence-ok", "alice", "true", "2026-11-01T10:00:00Z"),
    );
    let ours = assessment(
        Some(&digest),
        &(a("licence-ok", "alice", "false", "2026-11-05T10:00:00Z")
            + &a("deploy", "alice", "\"API\"", "2026-11-05T10:00:00Z")),
    );
    let theirs = assessment(
        Some(&digest),
        &(a("licence-ok", "alice", "true", "2026-11-06T10:00:00Z")
            + &a("summary", "bob", "\"ok\"", "2026-11-06T10:00:00Z")),
    );
    write(d, "base.toml", &base);
    write(d, "ours.toml", &ours);
    write(d, "theirs.toml", &theirs);
    std::fs::copy(common::small(), d.join("small.toml")).unwrap();
    // git runs the driver in the repository with no --checklist: the project finds it.
    ok(&weigh_in(d, &["init", "--team", "t"]));
    std::fs::rename(d.join("small.toml"), d.join("checklists/small.toml")).unwrap();
    let r = weigh_in(
        d,
        &[
            "merge-file",
            "base.toml",
            "ours.toml",
            "theirs.toml",
            "kimi.toml",
        ],
    );
    ok(&r);
    assert!(r.stderr.contains("changed on both sides"), "{}", r.stderr);
    let merged = read(d, "ours.toml");
    assert!(merged.contains("item = \"deploy\""), "{merged}");
    assert!(merged.contains("item = \"summary\""), "{merged}");
    assert!(
        merged.contains("at = 2026-11-06T10:00:00Z\n"),
        "the later one: {merged}"
    );
    assert_eq!(
        merged.matches("item = \"licence-ok\"").count(),
        1,
        "{merged}"
    );
}

#[test]
fn checklist_fmt_tidies_layout_keeps_comments_and_check_shows_a_diff() {
    let dir = temp();
    let d = dir.path();
    let text = std::fs::read_to_string(common::small())
        .unwrap()
        .replacen("id = \"small\"", "id   =   \"small\"   # the id  ", 1)
        .replacen("[[dimension]]", "\n\n\n[[dimension]]", 1);
    write(d, "c.toml", &text);
    let check = weigh_in(d, &["checklist", "fmt", "--check", "c.toml"]);
    assert_exit(&check, 1);
    assert!(
        check.stdout.contains("+id = \"small\"   # the id\n"),
        "{}",
        check.stdout
    );
    assert_eq!(read(d, "c.toml"), text);
    ok(&weigh_in(d, &["checklist", "fmt", "c.toml"]));
    let tidy = read(d, "c.toml");
    assert!(tidy.contains("# the id"), "comments are kept:\n{tidy}");
    assert!(!tidy.contains("\n\n\n"), "{tidy}");
    ok(&weigh_in(d, &["checklist", "fmt", "--check", "c.toml"]));
    // The built-in checklists are tidy.
    for b in weigh::checklist::builtin::all() {
        assert_eq!(
            weigh::checklist::format::format(b.source).unwrap(),
            b.source,
            "{}",
            b.id
        );
    }
}

#[test]
fn completions_are_printed_for_every_shell() {
    let dir = temp();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let r = weigh_in(dir.path(), &["completions", shell]);
        ok(&r);
        for sub in ["merge-file", "fmt", "assess"] {
            assert!(r.stdout.contains(sub), "{shell} lacks {sub}");
        }
    }
    refused(&weigh_in(dir.path(), &["completions", "tcsh"]));
}

#[test]
fn the_man_page_is_roff_listing_every_subcommand() {
    let r = weigh_in(&common::root(), &["manpage"]);
    ok(&r);
    assert!(
        r.stdout.starts_with(".ie"),
        "{}",
        &r.stdout[..200.min(r.stdout.len())]
    );
    assert!(r.stdout.contains(".TH weigh 1"), "no title header");
    for sub in [
        "init",
        "assess",
        "answer",
        "report",
        "checklist",
        "fmt",
        "merge\\-file",
        "completions",
    ] {
        assert!(r.stdout.contains(sub), "man page lacks {sub}");
    }
}

#[test]
fn every_subcommand_help_shows_an_example() {
    // Every subcommand `weigh --help` lists (and theirs, one level down), so a new command
    // without an example fails here.
    let subcommands = subcommands_of(&[]);
    assert!(subcommands.len() >= 20, "{subcommands:?}");
    for sub in &subcommands {
        let mut args: Vec<&str> = sub.iter().map(String::as_str).collect();
        args.push("--help");
        let r = weigh_in(&common::root(), &args);
        ok(&r);
        assert!(
            r.stdout.contains("Example:") || r.stdout.contains("Examples:"),
            "{sub:?} --help has no example:\n{}",
            r.stdout
        );
        assert!(
            r.stdout.contains(&format!("weigh {}", sub.join(" "))),
            "{sub:?}"
        );
    }
}

/// The subcommands `weigh PARENT… --help` lists under "Commands:" (without `help`), each with
/// its own subcommands in place of it when it has some.
fn subcommands_of(parent: &[String]) -> Vec<Vec<String>> {
    let mut args: Vec<&str> = parent.iter().map(String::as_str).collect();
    args.push("--help");
    let help = weigh_in(&common::root(), &args).stdout;
    let Some((_, listed)) = help.split_once("Commands:\n") else {
        return vec![parent.to_vec()];
    };
    listed
        .lines()
        .take_while(|l| !l.trim().is_empty())
        // A command's line starts two spaces in; its wrapped description, further in.
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .flat_map(|name| {
            let mut path = parent.to_vec();
            path.push(name.to_string());
            subcommands_of(&path)
        })
        .collect()
}
