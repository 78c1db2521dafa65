//! Regression tests for the defects of the reliability and security review (issue 13), one
//! section per defect, each against the real binary and the real file system. SECURITY.md
//! names the test behind each guarantee.

#![cfg(unix)]

use std::io::Read;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::{
    answer, answer_ok, assert_exit, ok, refused, run, small_arg, start, temp, weigh, weigh_command,
    weigh_in,
};

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A folder holding `a.toml`, an assessment of Kimi K3 against the small checklist with
/// alice's answer to `licence-ok`.
fn started() -> tempfile::TempDir {
    let dir = temp();
    start(
        dir.path(),
        "a.toml",
        &small_arg(),
        "Kimi K3",
        ["licence-ok", "yes"],
    );
    dir
}

/// `weigh report a.toml ARGS… --checklist small.toml`.
fn report(dir: &Path, args: &[&str]) -> common::Run {
    let small = small_arg();
    let mut all = vec!["report", "a.toml"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--checklist", &small]);
    weigh_in(dir, &all)
}

/// `weigh` with colour forced on, so the output is exactly what a terminal would receive
/// (anstream strips escape sequences from a pipe otherwise, which would hide a missing escape).
fn raw_output(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = weigh_command(dir)
        .env_remove("NO_COLOR")
        .env("CLICOLOR_FORCE", "1")
        .args(args)
        .output()
        .expect("weigh runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

/// Text a terminal would act on, found in output that should have none of it.
fn raw_controls(text: &str) -> Vec<char> {
    let ours = |c: char| c == '\u{1b}'; // weigh's own colour codes; checked by hostile sequences
    text.chars()
        .filter(|c| weigh::text::is_dangerous(*c) && !ours(*c))
        .collect()
}

/// A checklist whose every string carries sequences a terminal would act on.
fn hostile_checklist(dir: &Path) -> PathBuf {
    let path = dir.join("hostile.toml");
    std::fs::write(&path, HOSTILE).expect("write the hostile checklist");
    path
}

const HOSTILE: &str = r#"schema_version = 1

[checklist]
id = "hostile"
title = "Title \u001b]0;pwned\u0007\u001b[2J\u202eevil"
version = "1.0.0"
description = "Description \u001b[8mhidden\u001b[0m \u009b2J"

[[dimension]]
id = "core"
title = "Core \u001b[38;5;199mpink \u2066iso\u2069"

[[dimension.item]]
id = "depth"
question = "Question \u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\?"
guidance = "Guidance \u001b[1A\u001b[2K \u0085"
kind = "scale"
levels = ["None \u001b[2J", "Some \u202e", "All \u007f"]
references = ["https://example.org/a_b \u001b[2J", "https://example.org/llama3_1"]

[[dimension.item]]
id = "deploy"
question = "Deploy?"
kind = "choice"
options = [{ label = "API \u001b[31m", score = 1.0, description = "via \u009b31m" }, { label = "Self-host", score = 0.5 }]

[[dimension.item]]
id = "cost"
question = "Cost?"
kind = "number"
unit = "USD \u001b[5m"
best = 0
worst = 10
"#;

/// Hostile sequences any leak of which would show: everything the checklist above carries.
const SEQUENCES: [&str; 8] = [
    "\u{1b}]0;",
    "\u{1b}[2J",
    "\u{1b}[8m",
    "\u{1b}[38;5;199m",
    "\u{1b}]8;;",
    "\u{1b}[1A",
    "\u{1b}[5m",
    "\u{1b}[31m",
];

fn leaks(text: &str) -> Vec<String> {
    let mut found: Vec<String> = SEQUENCES
        .iter()
        .filter(|s| text.contains(*s))
        .map(|s| format!("{s:?}"))
        .collect();
    found.extend(raw_controls(text).iter().map(|c| format!("{c:?}")));
    found
}

// ─── 1. `-o` never overwrites a file the command reads ─────────────────────────────────────────

#[test]
fn report_output_onto_the_assessment_it_reads_is_refused_by_any_name() {
    let dir = started();
    let a = dir.path().join("a.toml");
    std::os::unix::fs::symlink("a.toml", dir.path().join("link.toml")).unwrap();
    std::fs::hard_link(&a, dir.path().join("hard.toml")).unwrap();
    let before = read(&a);
    for out in ["a.toml", "./a.toml", "link.toml", "hard.toml"] {
        let r = report(dir.path(), &["--format", "markdown", "-o", out]);
        refused(&r);
        assert!(
            r.stderr.contains("this command reads it"),
            "{out}: {}",
            r.stderr
        );
        assert_eq!(read(&a), before, "{out}");
    }
}

#[test]
fn report_output_onto_the_checklist_it_reads_is_refused() {
    let dir = started();
    let copy = dir.path().join("small.toml");
    std::fs::copy(common::small(), &copy).unwrap();
    let checklist = copy.display().to_string();
    let r = weigh_in(
        dir.path(),
        &[
            "report",
            "a.toml",
            "--checklist",
            &checklist,
            "-o",
            &checklist,
        ],
    );
    refused(&r);
    assert_eq!(read(&copy), read(&common::small()));
}

#[test]
fn a_streamed_output_onto_one_of_its_inputs_is_refused_after_reading() {
    let dir = started();
    std::fs::copy(dir.path().join("a.toml"), dir.path().join("b.toml")).unwrap();
    let a = dir.path().join("a.toml");
    let before = read(&a);
    let small = small_arg();
    for format in ["json", "markdown"] {
        let r = weigh_in(
            dir.path(),
            &[
                "compare",
                "b.toml",
                "a.toml",
                "--checklist",
                &small,
                "--format",
                format,
                "-o",
                "a.toml",
            ],
        );
        refused(&r);
        assert!(
            r.stderr.contains("this command reads it"),
            "{format}: {}",
            r.stderr
        );
        assert_eq!(read(&a), before, "{format}");
    }
    let temps: Vec<_> = walk(dir.path())
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(temps.is_empty(), "{temps:?}");
}

// ─── 2. Only times weigh can write and read back ───────────────────────────────────────────────

#[test]
fn times_outside_years_0000_to_9999_are_refused_and_nothing_is_written() {
    let dir = started();
    let a = dir.path().join("a.toml");
    let before = read(&a);
    for at in [
        "--at=-000001-01-01T00:00:00Z",
        "--at=0000-01-01T00:30:00+01:00",
        "--at=9999-12-31T23:59:59Z",
    ] {
        let r = answer(dir.path(), &["licence-ok", "no", "--as", "bob", at]);
        refused(&r);
        assert!(
            r.stderr.contains("outside the times weigh can record"),
            "{at}: {}",
            r.stderr
        );
        assert!(
            !r.stderr.contains("parameter"),
            "library internals: {}",
            r.stderr
        );
        assert_eq!(read(&a), before, "{at}");
    }
    let small = small_arg();
    let r = run(weigh(dir.path())
        .env("WEIGH_NOW", "-000001-01-01T00:00:00Z")
        .args(["answer", "a.toml", "licence-ok", "no", "--as", "bob"])
        .args(["--checklist", &small]));
    refused(&r);
    assert!(r.stderr.contains("WEIGH_NOW"), "{}", r.stderr);
    assert_eq!(read(&a), before);
    answer_ok(dir.path(), &["licence-ok", "no", "--as", "bob"]);
}

// ─── 3. `-o` onto FIFOs, devices and symbolic links ────────────────────────────────────────────

#[test]
fn output_onto_a_fifo_is_written_through_and_the_fifo_kept() {
    let dir = started();
    let fifo = dir.path().join("out.fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            std::fs::File::open(fifo)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        })
    };
    ok(&report(
        dir.path(),
        &["--format", "markdown", "-o", "out.fifo"],
    ));
    assert!(reader.join().unwrap().contains("Kimi K3"));
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn output_onto_a_character_device_writes_to_the_device() {
    let dir = started();
    let null = dir.path().join("null");
    let made = Command::new("mknod")
        .arg(&null)
        .args(["c", "1", "3"])
        .status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: this system does not let the test create a device node");
        return;
    }
    ok(&report(dir.path(), &["-o", "null"]));
    let meta = std::fs::metadata(&null).unwrap();
    assert!(meta.file_type().is_char_device(), "the device was replaced");
    assert_eq!(meta.rdev(), std::fs::metadata("/dev/null").unwrap().rdev());
}

#[test]
fn output_through_a_symlink_replaces_its_target_and_keeps_the_link() {
    let dir = started();
    std::fs::create_dir(dir.path().join("reports")).unwrap();
    std::fs::write(dir.path().join("reports/kimi.md"), "old").unwrap();
    std::os::unix::fs::symlink("reports/kimi.md", dir.path().join("latest.md")).unwrap();
    ok(&report(
        dir.path(),
        &["--format", "markdown", "-o", "latest.md"],
    ));
    let link = std::fs::symlink_metadata(dir.path().join("latest.md")).unwrap();
    assert!(
        link.file_type().is_symlink(),
        "the link was replaced by a file"
    );
    assert!(read(&dir.path().join("reports/kimi.md")).contains("Kimi K3"));
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 3, "a.toml, latest.md, reports/ and nothing else");
}

// ─── 4. `assessment.checklist` is an id, never a path ─────────────────────────────────────────

#[test]
fn an_assessment_naming_a_file_as_its_checklist_is_refused_without_reading_it() {
    let dir = started();
    std::fs::write(dir.path().join("secret.toml"), "token = \"hunter2-file\"\n").unwrap();
    let a = dir.path().join("a.toml");
    let good = read(&a);
    for path in [
        "/proc/self/environ",
        "secret.toml",
        "./secret.toml",
        "/dev/zero",
        "/etc/passwd",
    ] {
        std::fs::write(
            &a,
            good.replace("checklist = \"small\"", &format!("checklist = \"{path}\"")),
        )
        .unwrap();
        let r = run(weigh(dir.path())
            .env("CI_TOKEN", "hunter2-env")
            .args(["report", "a.toml"]));
        refused(&r);
        assert!(
            r.stderr.contains("invalid-checklist-id"),
            "{path}: {}",
            r.stderr
        );
        assert!(!r.stderr.contains("hunter2"), "{path} leaked: {}", r.stderr);
        assert!(!r.stderr.contains("root:"), "{path} leaked: {}", r.stderr);
    }
}

// ─── 5. Symbolic and hard links are never silently detached ──────────────────────────────────

#[test]
fn answering_through_a_symlink_updates_its_target_and_keeps_the_link() {
    let dir = started();
    std::fs::create_dir(dir.path().join("shared")).unwrap();
    std::fs::rename(
        dir.path().join("a.toml"),
        dir.path().join("shared/kimi.toml"),
    )
    .unwrap();
    std::os::unix::fs::symlink("shared/kimi.toml", dir.path().join("a.toml")).unwrap();
    answer_ok(dir.path(), &["licence-ok", "no", "--as", "bob"]);
    let link = std::fs::symlink_metadata(dir.path().join("a.toml")).unwrap();
    assert!(link.file_type().is_symlink(), "the link was replaced");
    assert!(read(&dir.path().join("shared/kimi.toml")).contains("by = \"bob\""));
}

#[test]
fn answering_a_hard_linked_file_is_refused_and_both_names_keep_one_content() {
    let dir = started();
    let a = dir.path().join("a.toml");
    std::fs::hard_link(&a, dir.path().join("b.toml")).unwrap();
    let before = read(&a);
    let r = answer(dir.path(), &["licence-ok", "no", "--as", "bob"]);
    assert_exit(&r, 3);
    assert!(r.stderr.contains("2 hard links"), "{}", r.stderr);
    assert_eq!(read(&a), before);
    assert_eq!(std::fs::metadata(&a).unwrap().nlink(), 2);
}

// ─── 6. Permissions ────────────────────────────────────────────────────────────────────────────

#[test]
fn a_write_keeps_the_files_mode_owner_and_group() {
    let dir = started();
    let a = dir.path().join("a.toml");
    std::fs::set_permissions(&a, std::fs::Permissions::from_mode(0o640)).unwrap();
    let owned = std::os::unix::fs::chown(&a, Some(4242), Some(4343)).is_ok();
    answer_ok(dir.path(), &["licence-ok", "no", "--as", "bob"]);
    let meta = std::fs::metadata(&a).unwrap();
    assert_eq!(meta.mode() & 0o7777, 0o640);
    if owned {
        assert_eq!((meta.uid(), meta.gid()), (4242, 4343));
    }
}

#[test]
fn a_new_file_follows_the_umask() {
    for (umask, mode) in [("077", 0o600), ("022", 0o644), ("002", 0o664)] {
        let dir = temp();
        let weigh = env!("CARGO_BIN_EXE_weigh");
        let small = small_arg();
        let status = Command::new("sh")
            .current_dir(dir.path())
            .env("WEIGH_NOW", common::NOW)
            .args(["-c", &format!("umask {umask}; exec \"$0\" \"$@\"")])
            .args([
                weigh,
                "answer",
                "new.toml",
                "licence-ok",
                "yes",
                "--as",
                "x",
            ])
            .args(["--candidate", "X", "--checklist", &small])
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
        let meta = std::fs::metadata(dir.path().join("new.toml")).unwrap();
        assert_eq!(meta.mode() & 0o777, mode, "umask {umask}");
    }
}

#[test]
fn a_read_only_file_is_left_alone_with_a_clear_error() {
    let dir = started();
    let a = dir.path().join("a.toml");
    std::fs::set_permissions(&a, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = read(&a);
    let r = answer(dir.path(), &["licence-ok", "no", "--as", "bob"]);
    assert_exit(&r, 3);
    assert!(r.stderr.contains("read-only"), "{}", r.stderr);
    assert!(!r.stderr.contains("could not read"), "{}", r.stderr);
    assert_eq!(read(&a), before);
}

// ─── 7. No escape sequence reaches a terminal (pipes; tests/hostile_pty.rs runs a terminal) ────

#[test]
fn checklist_text_is_escaped_in_every_format_and_error() {
    let dir = temp();
    let hostile = hostile_checklist(dir.path()).display().to_string();
    let runs: Vec<Vec<&str>> = vec![
        vec!["checklist", "show", &hostile],
        vec!["checklist", "show", &hostile, "--format", "markdown"],
        vec!["checklist", "show", &hostile, "--format", "json"],
        vec!["checklist", "validate", &hostile],
        vec![
            "answer",
            "a.toml",
            "depth",
            "bogus",
            "--as",
            "x",
            "--candidate",
            "K",
            "--checklist",
            &hostile,
        ],
        vec![
            "answer",
            "a.toml",
            "deploy",
            "bogus",
            "--as",
            "x",
            "--candidate",
            "K",
            "--checklist",
            &hostile,
        ],
        vec![
            "answer",
            "a.toml",
            "cost",
            "lots",
            "--as",
            "x",
            "--candidate",
            "K",
            "--checklist",
            &hostile,
        ],
    ];
    for args in runs {
        let (_, text) = raw_output(dir.path(), &args);
        assert!(
            leaks(&text).is_empty(),
            "{args:?} leaks {:?}:\n{text}",
            leaks(&text)
        );
    }
}

#[test]
fn names_from_the_command_line_and_file_names_are_escaped_in_errors() {
    let dir = temp();
    let evil = "evil\u{1b}[2J\u{202e}.toml";
    std::fs::write(dir.path().join(evil), "schema_version = 2\n").unwrap();
    for args in [
        vec!["checklist", "validate", evil],
        vec!["checklist", "show", "no-such\u{1b}]0;x\u{7}"],
        vec!["report", "missing\u{1b}[2J.toml"],
    ] {
        let (code, text) = raw_output(dir.path(), &args);
        assert_eq!(code, 2, "{args:?}: {text}");
        assert!(
            leaks(&text).is_empty(),
            "{args:?} leaks {:?}:\n{text}",
            leaks(&text)
        );
    }
}

#[test]
fn checklist_list_escapes_project_file_names_and_titles() {
    let dir = temp();
    std::fs::write(dir.path().join("weigh.toml"), "schema_version = 1\n").unwrap();
    std::fs::create_dir(dir.path().join("checklists")).unwrap();
    std::fs::write(dir.path().join("checklists/evil\u{1b}[2J.toml"), HOSTILE).unwrap();
    let (code, text) = raw_output(dir.path(), &["checklist", "list"]);
    assert_eq!(code, 0, "{text}");
    assert!(leaks(&text).is_empty(), "leaks {:?}:\n{text}", leaks(&text));
}

#[test]
fn json_output_escapes_del_c1_and_bidi_controls() {
    let dir = started();
    answer_ok(
        dir.path(),
        &[
            "licence-ok",
            "yes",
            "--as",
            "bob",
            "--note",
            "a\u{7f}b\u{85}c\u{9b}d\u{202e}e",
        ],
    );
    let (code, text) = raw_output(
        dir.path(),
        &[
            "report",
            "a.toml",
            "--format",
            "json",
            "--checklist",
            &small_arg(),
        ],
    );
    assert_eq!(code, 0);
    assert!(raw_controls(&text).is_empty(), "{:?}", raw_controls(&text));
    assert!(
        text.contains("\\u007f") && text.contains("\\u202e"),
        "{text}"
    );
    let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert!(
        json.to_string().contains("a\u{7f}b"),
        "the value reads back"
    );
}

#[test]
fn the_canonical_writer_escapes_what_a_terminal_would_act_on() {
    let dir = started();
    answer_ok(
        dir.path(),
        &[
            "licence-ok",
            "yes",
            "--as",
            "bob",
            "--note",
            "x\u{202e}y\u{9b}z",
        ],
    );
    let text = read(&dir.path().join("a.toml"));
    assert!(raw_controls(&text).is_empty(), "{text}");
    assert!(text.contains("\\u202E"), "{text}");
    ok(&report(dir.path(), &[]));
}

// ─── 9. A refused command leaves nothing behind ────────────────────────────────────────────────

#[test]
fn a_refused_first_answer_leaves_no_file() {
    let dir = temp();
    let small = small_arg();
    for (item, value) in [
        ("licence-ok", "maybe"),
        ("no-such-item", "yes"),
        ("eval-depth", "2"),
    ] {
        let r = weigh_in(
            dir.path(),
            &[
                "answer",
                "new.toml",
                item,
                value,
                "--as",
                "x",
                "--candidate",
                "K",
                "--checklist",
                &small,
            ],
        );
        refused(&r);
        assert!(!dir.path().join("new.toml").exists(), "{item} {value}");
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn a_refused_candidate_name_leaves_no_file() {
    let dir = temp();
    let small = small_arg();
    for name in ["bad\u{7}name", "   "] {
        let r = run(weigh(dir.path())
            .args([
                "assess",
                "--candidate",
                name,
                "--checklist",
                &small,
                "--as",
                "x",
            ])
            .write_stdin(""));
        refused(&r);
        let r = weigh_in(
            dir.path(),
            &[
                "answer",
                "new.toml",
                "licence-ok",
                "yes",
                "--as",
                "x",
                "--candidate",
                name,
                "--checklist",
                &small,
            ],
        );
        refused(&r);
    }
    let left: Vec<_> = walk(dir.path());
    assert!(left.is_empty(), "{left:?}");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

// ─── 10. Temporary files ───────────────────────────────────────────────────────────────────────

#[test]
fn the_next_write_removes_stale_temporary_files_of_its_target_only() {
    let dir = started();
    for name in [
        ".a.toml.weigh-Ab12Cd.tmp",
        ".a.toml.weigh-zz99zz.tmp",
        ".b.toml.weigh-Ab12Cd.tmp",
        ".a.toml.weigh-notours.tmp",
        "a.toml.bak",
    ] {
        std::fs::write(dir.path().join(name), "half a file").unwrap();
    }
    answer_ok(dir.path(), &["licence-ok", "no", "--as", "bob"]);
    let mut left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(
        left,
        [
            ".a.toml.weigh-notours.tmp",
            ".b.toml.weigh-Ab12Cd.tmp",
            "a.toml",
            "a.toml.bak"
        ]
    );
}

// ─── 11. Size limits and linear cost ───────────────────────────────────────────────────────────

#[test]
fn files_over_64_mb_are_refused_before_they_are_read() {
    let dir = started();
    let big = dir.path().join("big.toml");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(64 * 1024 * 1024 + 1).unwrap(); // sparse: nothing is written
    for args in [
        vec!["checklist", "validate", "big.toml"],
        vec!["report", "big.toml", "--checklist", "big.toml"],
        vec!["answer", "big.toml", "licence-ok", "yes", "--as", "x"],
    ] {
        let started = Instant::now();
        let r = weigh_in(dir.path(), &args);
        refused(&r);
        assert!(
            r.stderr.contains("larger than 64 MB"),
            "{args:?}: {}",
            r.stderr
        );
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{args:?} read the file"
        );
    }
}

/// Generous bounds that only a cost quadratic in the input (minutes, gigabytes) would break.
const LINEAR_BOUND: Duration = Duration::from_secs(30);

#[test]
fn a_checklist_with_a_2_mb_question_shows_in_every_format_quickly() {
    let dir = temp();
    let question = "word ".repeat(400_000);
    let text = read(&common::small()).replace("Does the licence permit your use?", &question);
    std::fs::write(dir.path().join("big.toml"), text).unwrap();
    for format in ["table", "markdown", "json"] {
        let started = Instant::now();
        let r = weigh_in(
            dir.path(),
            &["checklist", "show", "big.toml", "--format", format],
        );
        ok(&r);
        assert!(
            started.elapsed() < LINEAR_BOUND,
            "{format}: {:?}",
            started.elapsed()
        );
        if format == "table" {
            assert!(r.stdout.contains("more characters)"), "the cell is clipped");
        }
    }
}

#[test]
fn a_10_mb_unknown_item_id_is_refused_quickly_with_a_short_message() {
    let dir = started();
    let a = dir.path().join("a.toml");
    let huge = "l".repeat(10_000_000);
    std::fs::write(
        &a,
        read(&a).replace("item = \"licence-ok\"", &format!("item = \"{huge}\"")),
    )
    .unwrap();
    let started = Instant::now();
    let r = report(dir.path(), &[]);
    refused(&r);
    assert!(started.elapsed() < LINEAR_BOUND, "{:?}", started.elapsed());
    assert!(r.stderr.contains("unknown-item"), "{}", &r.stderr[..500]);
    assert!(r.stderr.len() < 20_000, "{} bytes of error", r.stderr.len());
}

#[test]
fn thousands_of_unknown_names_cost_linear_time() {
    let dir = temp();
    let mut text = read(&common::small());
    for i in 0..20_000 {
        text.push_str(&format!(
            "\n[[dimension.item]]\nid = \"i{i}\"\nquestion = \"Q\"\nkind = \"yes_no\"\nwhen = {{ item = \"nope{i}\", is = true }}\n"
        ));
    }
    std::fs::write(dir.path().join("when.toml"), text).unwrap();
    let started = Instant::now();
    let r = weigh_in(dir.path(), &["checklist", "validate", "when.toml"]);
    refused(&r);
    assert!(started.elapsed() < LINEAR_BOUND, "{:?}", started.elapsed());
    assert!(
        r.stderr.contains("more problem(s)"),
        "only the first 50 are shown"
    );
}

#[test]
fn a_20000_item_assessment_is_answered_and_reported_in_linear_time() {
    let dir = temp();
    let mut checklist = String::from(
        "schema_version = 1\n[checklist]\nid = \"big\"\ntitle = \"Big\"\nversion = \"1.0.0\"\n[[dimension]]\nid = \"d\"\ntitle = \"D\"\n",
    );
    let mut assessment = String::from(
        "schema_version = 1\n[assessment]\nchecklist = \"big\"\nchecklist_version = \"1.0.0\"\ncreated = 2026-01-01T00:00:00Z\n[candidate]\nname = \"X\"\n",
    );
    for i in 0..20_000 {
        checklist.push_str(&format!(
            "[[dimension.item]]\nid = \"i{i}\"\nquestion = \"Q{i}?\"\nkind = \"yes_no\"\n"
        ));
        assessment.push_str(&format!(
            "[[answer]]\nitem = \"i{i}\"\nby = \"alice\"\nvalue = true\nat = 2026-01-01T00:00:00Z\n"
        ));
    }
    std::fs::write(dir.path().join("big.toml"), checklist).unwrap();
    std::fs::write(dir.path().join("a.toml"), assessment).unwrap();
    for args in [
        vec![
            "answer",
            "a.toml",
            "i5",
            "no",
            "--as",
            "bob",
            "--checklist",
            "big.toml",
        ],
        vec![
            "report",
            "a.toml",
            "--checklist",
            "big.toml",
            "--format",
            "json",
        ],
    ] {
        let started = Instant::now();
        ok(&weigh_in(dir.path(), &args));
        assert!(
            started.elapsed() < LINEAR_BOUND,
            "{args:?}: {:?}",
            started.elapsed()
        );
    }
}

// ─── 12. Clear errors ──────────────────────────────────────────────────────────────────────────

#[test]
fn a_300_character_candidate_gets_a_file_name_of_at_most_64_characters() {
    let dir = temp();
    let name = "Very Long Model Name ".repeat(15);
    let r = run(weigh(dir.path())
        .args([
            "assess",
            "--candidate",
            &name,
            "--checklist",
            &small_arg(),
            "--as",
            "x",
        ])
        .write_stdin(":quit\n"));
    ok(&r);
    let files: Vec<String> = std::fs::read_dir(dir.path().join("assessments"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].len() <= 64 + ".toml".len(), "{files:?}");
}

#[test]
fn a_file_name_too_long_for_the_file_system_is_invalid_input() {
    let dir = temp();
    let file = format!("{}.toml", "x".repeat(300));
    let r = weigh_in(
        dir.path(),
        &[
            "answer",
            &file,
            "licence-ok",
            "yes",
            "--as",
            "x",
            "--candidate",
            "K",
            "--checklist",
            &small_arg(),
        ],
    );
    refused(&r);
    assert!(r.stderr.contains("too long"), "{}", r.stderr);
}

#[test]
fn a_dangling_symlink_says_where_it_points() {
    let dir = temp();
    std::os::unix::fs::symlink("gone/kimi.toml", dir.path().join("a.toml")).unwrap();
    let r = report(dir.path(), &[]);
    refused(&r);
    assert!(
        r.stderr.contains("symbolic link to gone/kimi.toml"),
        "{}",
        r.stderr
    );
    let r = answer(dir.path(), &["licence-ok", "yes", "--as", "x"]);
    refused(&r);
    assert!(r.stderr.contains("symbolic link"), "{}", r.stderr);
}

#[test]
fn a_writer_behind_a_held_lock_says_who_holds_it_then_proceeds() {
    let dir = started();
    let held = std::fs::File::options()
        .read(true)
        .write(true)
        .open(dir.path().join("a.toml"))
        .unwrap();
    held.lock().unwrap();
    let small = small_arg();
    let mut child = weigh_command(dir.path())
        .args([
            "answer",
            "a.toml",
            "licence-ok",
            "no",
            "--as",
            "bob",
            "--checklist",
            &small,
        ])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        stderr.read_to_string(&mut text).unwrap();
        text
    });
    std::thread::sleep(Duration::from_millis(2500));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the writer did not wait"
    );
    held.unlock().unwrap();
    assert!(child.wait().unwrap().success());
    let text = reader.join().unwrap();
    assert!(text.contains("waiting for the lock on a.toml"), "{text}");
    let pid = std::process::id().to_string();
    assert!(text.contains(&format!("process {pid}")), "{text}");
}

#[test]
fn answering_into_a_fifo_is_refused_at_once() {
    let dir = temp();
    assert!(
        Command::new("mkfifo")
            .arg(dir.path().join("a.toml"))
            .status()
            .unwrap()
            .success()
    );
    let mut child = weigh_command(dir.path())
        .args([
            "answer",
            "a.toml",
            "licence-ok",
            "yes",
            "--as",
            "x",
            "--checklist",
            &small_arg(),
        ])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("weigh answer hangs on a FIFO");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("FIFO"));
}

#[test]
fn a_value_starting_with_a_dash_gets_a_message_about_double_dash() {
    let dir = started();
    let r = answer(dir.path(), &["latency", "-inf", "--as", "x"]);
    refused(&r);
    assert!(r.stderr.contains("'-inf'"), "{}", r.stderr);
    assert!(r.stderr.contains("-- -inf"), "{}", r.stderr);
    let small = small_arg();
    let r = weigh_in(
        dir.path(),
        &[
            "answer",
            "a.toml",
            "latency",
            "--as",
            "x",
            "--checklist",
            &small,
            "--",
            "-inf",
        ],
    );
    refused(&r);
    assert!(r.stderr.contains("a number in ms"), "{}", r.stderr);
}

// ─── From real clients ─────────────────────────────────────────────────────────────────────────

#[test]
fn markdown_reports_write_web_addresses_as_working_links() {
    let dir = started();
    let url = "https://huggingface.co/meta-llama/Llama-3.1_405B_Instruct";
    answer_ok(
        dir.path(),
        &[
            "licence-ok",
            "yes",
            "--as",
            "bob",
            "--evidence",
            url,
            "--note",
            &format!("see {url}."),
        ],
    );
    let md = report(dir.path(), &["--format", "markdown"]).stdout;
    let links: Vec<String> = pulldown_cmark::Parser::new(&md)
        .filter_map(|e| match e {
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::Link { dest_url, .. }) => {
                Some(dest_url.to_string())
            }
            _ => None,
        })
        .collect();
    assert_eq!(links, [url, url], "{md}");
    assert!(!md.contains("Llama-3.1\\_405B"), "{md}");
}

#[test]
fn checklist_show_json_is_a_valid_checklist_that_loads_with_the_same_digest() {
    let schema = weigh::schema::generate(weigh::schema::SchemaKind::Checklist);
    let validator = jsonschema::draft7::new(schema.as_value()).unwrap();
    let dir = temp();
    let mut sources: Vec<String> = vec![small_arg(), common::pinned_arg()];
    sources.extend(
        weigh::checklist::builtin::all()
            .iter()
            .map(|b| b.id.to_string()),
    );
    for source in sources {
        let r = weigh_in(
            dir.path(),
            &["checklist", "show", &source, "--format", "json"],
        );
        ok(&r);
        let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{source}: {errors:?}");
        assert!(
            !r.stdout.contains("null"),
            "{source}: absent keys are left out"
        );
        assert_eq!(json["schema_version"], serde_json::json!(1));
        let toml_text = toml::to_string(&toml::Value::try_from(&json).unwrap()).unwrap();
        std::fs::write(dir.path().join("round.toml"), &toml_text).unwrap();
        let original = weigh_in(dir.path(), &["checklist", "show", &source]).stdout;
        let again = weigh_in(dir.path(), &["checklist", "show", "round.toml"]).stdout;
        let digest = |s: &str| {
            s.lines()
                .nth(1)
                .and_then(|l| l.split("digest: ").nth(1))
                .map(str::to_string)
        };
        assert!(digest(&original).is_some(), "{original}");
        assert_eq!(digest(&original), digest(&again), "{source}:\n{toml_text}");
    }
}

#[test]
fn integers_in_checklist_show_json_are_integers() {
    let r = weigh_in(
        &common::root(),
        &["checklist", "show", &small_arg(), "--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let item = &json["dimension"][0]["item"][1];
    assert_eq!(item["id"], "eval-depth");
    assert!(item["max_age_days"].is_u64(), "{item}");
    assert!(json["schema_version"].is_u64());
}

/// The digest's serialization is frozen (SPEC §2): committed assessments record these.
#[test]
fn the_digests_of_pinned_checklists_never_change() {
    for (path, digest) in [
        (
            common::small(),
            "sha256:0362160854eb7238775e54f7e0cf1adac7214719f656bdf0d953ba7237d07806",
        ),
        (
            common::pinned_quick_screen(),
            "sha256:696b1151e21019a34f7a9c1c821faff0cba0da69f865cc63ba13249a0630329a",
        ),
    ] {
        let checklist = weigh::locate::from_path(&path).unwrap();
        assert_eq!(checklist.digest, digest, "{}", path.display());
    }
}

// ─── No code execution, no network ─────────────────────────────────────────────────────────────

/// Shell text that would run if anything evaluated file contents.
const INJECTIONS: &str =
    "$(touch pwned-dollar) `touch pwned-backtick` ; touch pwned-semicolon | sh";

#[test]
fn weigh_runs_no_program_but_git_and_nothing_its_input_says() {
    let dir = started();
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let log = dir.path().join("calls.log");
    for program in [
        "git", "sh", "bash", "python3", "curl", "wget", "perl", "node", "ssh",
    ] {
        let path = bin.join(program);
        std::fs::write(
            &path,
            format!(
                "#!/bin/sh\necho \"{program} $*\" >> '{}'\nexit 1\n",
                log.display()
            ),
        )
        .unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let small = small_arg();
    let checklist = read(&common::small()).replace("Does the licence permit your use?", INJECTIONS);
    std::fs::write(dir.path().join("c.toml"), checklist).unwrap();
    let runs: Vec<Vec<&str>> = vec![
        vec![
            "answer",
            "a.toml",
            "summary",
            INJECTIONS,
            "--note",
            INJECTIONS,
            "--checklist",
            &small,
        ],
        vec![
            "answer",
            "a.toml",
            "licence-ok",
            "yes",
            "--evidence",
            INJECTIONS,
            "--checklist",
            &small,
        ],
        vec![
            "report",
            "a.toml",
            "--checklist",
            &small,
            "--format",
            "markdown",
        ],
        vec!["checklist", "show", "c.toml"],
        vec!["checklist", "validate", "c.toml"],
        vec!["fmt", "--check", "a.toml", "--checklist", &small],
    ];
    for args in runs {
        let r = run(weigh(dir.path()).env("PATH", &bin).args(&args));
        assert!(r.code == 0 || r.code == 1, "{args:?}: {}", r.stderr);
    }
    let calls = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(
        calls.contains("git config user.name"),
        "the loggers see calls: {calls}"
    );
    for call in calls.lines() {
        assert!(
            call.starts_with("git config user.name"),
            "weigh ran `{call}`"
        );
    }
    let pwned: Vec<_> = walk(dir.path())
        .into_iter()
        .filter(|p| p.to_string_lossy().contains("pwned"))
        .collect();
    assert!(pwned.is_empty(), "{pwned:?}");
}

#[test]
fn no_outgoing_network_code_is_linked_or_written() {
    let tree = Command::new(env!("CARGO"))
        .current_dir(common::root())
        .args([
            "tree",
            "-e",
            "normal",
            "--prefix",
            "none",
            "--offline",
            "--locked",
        ])
        .output()
        .expect("cargo tree");
    assert!(
        tree.status.success(),
        "{}",
        String::from_utf8_lossy(&tree.stderr)
    );
    let tree = String::from_utf8_lossy(&tree.stdout).into_owned();
    let crates: Vec<&str> = tree.lines().filter_map(|l| l.split(' ').next()).collect();
    assert!(
        crates.contains(&"serde_json"),
        "cargo tree lists the dependencies"
    );
    for client in [
        "reqwest",
        "ureq",
        "curl",
        "isahc",
        "surf",
        "attohttpc",
        "minreq",
        "native-tls",
        "rustls",
        "openssl",
        "h2",
    ] {
        assert!(!crates.contains(&client), "{client} is linked into weigh");
    }
    for file in walk(&common::root().join("src")) {
        let text = read(&file);
        for outgoing in ["TcpStream", "UdpSocket", "connect("] {
            assert!(
                !text.contains(outgoing),
                "{} uses {outgoing}",
                file.display()
            );
        }
        let serve = file.to_string_lossy().contains("serve");
        assert!(
            serve || !text.contains("TcpListener"),
            "{} listens",
            file.display()
        );
    }
}

/// SECURITY.md names the test behind each guarantee: every name it gives is a test here.
#[test]
fn security_md_names_only_tests_that_exist() {
    let doc = read(&common::root().join("SECURITY.md"));
    let sources: String = walk(&common::root().join("tests"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .map(|p| read(&p))
        .collect();
    let names: Vec<&str> = doc
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|n| {
            n.matches('_').count() >= 3
                && n.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        })
        .collect();
    assert!(names.len() >= 20, "{names:?}");
    for name in names {
        assert!(
            sources.contains(&format!("fn {name}(")),
            "SECURITY.md names `{name}`, which is no test"
        );
    }
}
