//! `weigh checklist list|show|validate|export` and `weigh schema checklist`, end to end, with the
//! exit codes of SPEC §5.

use std::path::Path;

use weigh::checklist::{Origin, builtin, load_str};

mod common;
use common::{Run, ok, refused, root, run, temp, weigh, weigh_in};

const INVALID: &str = "tests/fixtures/checklists/invalid";

/// `weigh checklist export quick-screen ARGS…` in `dir`.
fn export_quick_screen(dir: &Path, args: &[&str]) -> Run {
    let mut all = vec!["checklist", "export", "quick-screen"];
    all.extend_from_slice(args);
    weigh_in(dir, &all)
}

#[test]
fn validate_accepts_the_builtin_files() {
    let r = weigh_in(
        &root(),
        &[
            "checklist",
            "validate",
            "checklists/open-weight-adoption.toml",
            "checklists/quick-screen.toml",
        ],
    );
    ok(&r);
    assert!(r.stderr.contains("open-weight-adoption"), "{}", r.stderr);
    assert!(r.stderr.contains("quick-screen"), "{}", r.stderr);
    assert!(!r.stderr.contains("error"), "{}", r.stderr);
}

#[test]
fn validate_reports_file_line_column_and_code() {
    let file = format!("{INVALID}/gate-unreachable-scale.toml");
    let r = weigh_in(&root(), &["checklist", "validate", &file]);
    refused(&r);
    assert!(r.stderr.contains(&format!("{file}:17:8")), "{}", r.stderr);
    assert!(r.stderr.contains("unreachable-gate"), "{}", r.stderr);
    assert!(
        r.stderr.contains('^'),
        "a caret under the offending text: {}",
        r.stderr
    );
    assert!(r.stderr.contains("help:"), "{}", r.stderr);
    assert!(
        r.stdout.is_empty(),
        "diagnostics go to stderr: {}",
        r.stdout
    );
    assert!(
        !r.stderr.contains('\u{1b}'),
        "no colour off a terminal: {:?}",
        r.stderr
    );
}

#[test]
fn validate_reports_every_mistake_of_a_file() {
    let file = format!("{INVALID}/three-mistakes.toml");
    let r = weigh_in(&root(), &["checklist", "validate", &file]);
    refused(&r);
    for place in [":6:11", ":15:1", ":18:8"] {
        assert!(
            r.stderr.contains(&format!("{file}{place}")),
            "{place}: {}",
            r.stderr
        );
    }
}

#[test]
fn validate_a_missing_file_is_invalid_input() {
    let dir = temp();
    let r = weigh_in(dir.path(), &["checklist", "validate", "nope.toml"]);
    refused(&r);
    assert!(r.stderr.contains("nope.toml"), "{}", r.stderr);
}

#[test]
fn validate_reads_stdin() {
    let source = builtin::find("quick-screen").expect("quick-screen").source;
    let r = run(weigh(&root())
        .args(["checklist", "validate", "-"])
        .write_stdin(source));
    ok(&r);
    let bad = std::fs::read_to_string(root().join(INVALID).join("version-not-semver.toml"))
        .expect("fixture");
    let r = run(weigh(&root())
        .args(["checklist", "validate", "-"])
        .write_stdin(bad));
    refused(&r);
    assert!(r.stderr.contains("invalid-version"), "{}", r.stderr);
}

#[test]
fn validate_several_files_highest_code_wins() {
    let dir = temp();
    let good = root().join("checklists/quick-screen.toml");
    let bad = root().join(INVALID).join("schema-version-2.toml");
    std::fs::create_dir(dir.path().join("folder.toml")).expect("a folder");
    let good = good.to_str().expect("UTF-8 path");
    let bad = bad.to_str().expect("UTF-8 path");

    let r = weigh_in(dir.path(), &["checklist", "validate", good, bad]);
    assert_eq!(r.code, 2, "valid + invalid: {}", r.stderr);
    assert!(
        r.stderr.contains("unsupported-schema-version"),
        "{}",
        r.stderr
    );

    let r = weigh_in(dir.path(), &["checklist", "validate", bad, good]);
    assert_eq!(r.code, 2, "invalid + valid: {}", r.stderr);
    assert!(
        r.stderr.contains("quick-screen"),
        "the valid file is still checked: {}",
        r.stderr
    );

    let r = weigh_in(dir.path(), &["checklist", "validate", good, "missing.toml"]);
    assert_eq!(r.code, 2, "valid + missing: {}", r.stderr);

    // A folder exists but cannot be read as a file: an I/O failure, exit 3, which beats 2.
    let r = weigh_in(
        dir.path(),
        &["checklist", "validate", bad, "folder.toml", good],
    );
    assert_eq!(r.code, 3, "invalid + unreadable + valid: {}", r.stderr);
    assert!(
        r.stderr.contains("unsupported-schema-version"),
        "{}",
        r.stderr
    );
    let r = weigh_in(dir.path(), &["checklist", "validate", "folder.toml", bad]);
    assert_eq!(r.code, 3, "unreadable + invalid: {}", r.stderr);
}

#[test]
fn validate_needs_a_path() {
    let r = weigh_in(&root(), &["checklist", "validate"]);
    refused(&r);
}

#[test]
fn list_shows_the_builtins_with_version_and_item_count() {
    let dir = temp();
    let r = weigh_in(dir.path(), &["checklist", "list"]);
    ok(&r);
    for b in builtin::all() {
        let checklist = builtin::load(b.id).expect("built-in loads");
        let line = r
            .stdout
            .lines()
            .find(|l| l.contains(&format!(" {}", b.id)) && !l.contains(&format!("{}-", b.id)))
            .unwrap_or_else(|| panic!("{} not listed:\n{}", b.id, r.stdout));
        assert!(line.contains(&checklist.version), "{line}");
        let count = checklist.items().count().to_string();
        assert!(
            line.split(|c: char| !c.is_ascii_digit())
                .any(|n| n == count),
            "{} items expected in: {line}",
            count
        );
    }
    assert!(r.stdout.contains("(default)"), "{}", r.stdout);
}

#[test]
fn show_prints_a_builtin_in_each_format() {
    let dir = temp();
    let id = "open-weight-adoption";
    let checklist = builtin::load(id).expect("built-in loads");

    let r = weigh_in(dir.path(), &["checklist", "show", id]);
    ok(&r);
    assert!(r.stdout.contains(&checklist.title), "{}", r.stdout);

    let r = weigh_in(dir.path(), &["checklist", "show", id, "--format", "table"]);
    ok(&r);

    let r = weigh_in(
        dir.path(),
        &["checklist", "show", id, "--format", "markdown"],
    );
    ok(&r);
    assert!(r.stdout.contains('#'), "Markdown headings: {}", r.stdout);
    assert!(r.stdout.contains(&checklist.title), "{}", r.stdout);

    let r = weigh_in(dir.path(), &["checklist", "show", id, "--format", "json"]);
    ok(&r);
    let json: serde_json::Value =
        serde_json::from_str(&r.stdout).expect("show --format json prints JSON");
    assert!(json.to_string().contains(id), "{json}");
}

#[test]
fn show_a_checklist_file() {
    let r = weigh_in(
        &root(),
        &[
            "checklist",
            "show",
            "checklists/quick-screen.toml",
            "--format",
            "json",
        ],
    );
    ok(&r);
    serde_json::from_str::<serde_json::Value>(&r.stdout).expect("JSON");

    let file = format!("{INVALID}/when-self.toml");
    let r = weigh_in(&root(), &["checklist", "show", &file]);
    refused(&r);
    assert!(r.stderr.contains("when-self"), "{}", r.stderr);
}

#[test]
fn show_an_unknown_id_hints_at_checklist_paths() {
    let dir = temp();
    let r = weigh_in(dir.path(), &["checklist", "show", "nope"]);
    refused(&r);
    assert!(r.stderr.contains("nope"), "{}", r.stderr);
    assert!(r.stderr.contains("--checklist"), "{}", r.stderr);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
}

#[test]
fn export_writes_a_file_that_validates() {
    let dir = temp();
    let r = export_quick_screen(dir.path(), &["-o", "screen.toml"]);
    ok(&r);
    let written = std::fs::read_to_string(dir.path().join("screen.toml")).expect("exported file");
    assert_eq!(
        written,
        builtin::find("quick-screen").expect("built-in").source
    );

    let r = weigh_in(dir.path(), &["checklist", "validate", "screen.toml"]);
    ok(&r);
}

#[test]
fn export_to_stdout() {
    let dir = temp();
    let r = export_quick_screen(dir.path(), &[]);
    ok(&r);
    assert_eq!(
        r.stdout,
        builtin::find("quick-screen").expect("built-in").source
    );
}

#[test]
fn export_with_a_new_id() {
    let dir = temp();
    let r = export_quick_screen(dir.path(), &["--id", "my-screen", "-o", "mine.toml"]);
    ok(&r);
    let text = std::fs::read_to_string(dir.path().join("mine.toml")).expect("exported file");
    let checklist = load_str("mine.toml", &text, Origin::Path("mine.toml".into()))
        .unwrap_or_else(|report| panic!("{}", report.render(false)));
    assert_eq!(checklist.id, "my-screen");
    let original = builtin::load("quick-screen").expect("built-in");
    assert_eq!(checklist.items().count(), original.items().count());
    assert!(text.starts_with("#:schema"), "comments and layout are kept");

    let r = weigh_in(dir.path(), &["checklist", "validate", "mine.toml"]);
    ok(&r);
    assert!(r.stderr.contains("my-screen"), "{}", r.stderr);
}

#[test]
fn export_refuses_a_bad_new_id_or_an_unknown_checklist() {
    let dir = temp();
    let r = export_quick_screen(dir.path(), &["--id", "My Screen", "-o", "x.toml"]);
    refused(&r);
    assert!(!dir.path().join("x.toml").exists());

    let r = weigh_in(dir.path(), &["checklist", "export", "nope", "-o", "y.toml"]);
    refused(&r);
    assert!(
        r.stderr.contains("quick-screen"),
        "lists the built-ins: {}",
        r.stderr
    );
    assert!(!dir.path().join("y.toml").exists());
}

#[test]
fn export_does_not_overwrite_without_force() {
    let dir = temp();
    let target = dir.path().join("existing.toml");
    std::fs::write(&target, "# mine\n").expect("write");

    let r = export_quick_screen(dir.path(), &["-o", "existing.toml"]);
    refused(&r);
    assert!(r.stderr.contains("--force"), "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(&target).expect("read"),
        "# mine\n",
        "left untouched"
    );

    let r = export_quick_screen(dir.path(), &["-o", "existing.toml", "--force"]);
    ok(&r);
    assert_eq!(
        std::fs::read_to_string(&target).expect("read"),
        builtin::find("quick-screen").expect("built-in").source
    );
}

#[test]
fn schema_checklist_prints_the_json_schema() {
    let dir = temp();
    let r = weigh_in(dir.path(), &["schema", "checklist"]);
    ok(&r);
    let printed: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    let generated = weigh::schema::generate(weigh::schema::SchemaKind::Checklist);
    assert_eq!(&printed, generated.as_value());
    assert_eq!(
        printed["$schema"],
        "http://json-schema.org/draft-07/schema#"
    );
}

#[test]
fn unknown_subcommands_are_usage_errors() {
    let dir = temp();
    for args in [
        &["frobnicate"][..],
        &["checklist", "frobnicate"],
        &["schema", "nope"],
        &[],
    ] {
        let r = weigh_in(dir.path(), args);
        assert_eq!(r.code, 2, "weigh {args:?}: {}", r.stderr);
        assert!(!r.stderr.is_empty(), "weigh {args:?} says why");
    }
}

#[test]
fn output_cut_short_by_its_reader_ends_quietly_with_exit_0() {
    use std::io::Read;
    let dir = temp();
    let mut child = common::weigh_command(dir.path())
        .args([
            "checklist",
            "show",
            "open-weight-adoption",
            "--format",
            "markdown",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("weigh starts");
    let mut first = [0u8; 64];
    let mut stdout = child.stdout.take().expect("stdout");
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout); // `| head -c 64`
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("stderr is text");
    let status = child.wait().expect("weigh ends");
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("Broken pipe"), "{stderr}");
}
