//! What the integration tests share: a hermetic `weigh` command and its captured run, the
//! fixture paths (the small checklist, quick-screen pinned at 1.0.0), single-mistake fixture rows,
//! and TOML read as the JSON a schema validator sees.
//!
//! Use it with `mod common;`. Each test binary compiles its own copy and uses only part of it,
//! so what one binary leaves unused is not dead code.
#![allow(dead_code)]

pub mod fmti;
pub mod markdown;
pub mod repo;
pub mod schema;
pub mod snapshot;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::{Map, Value};
use weigh::assessment::store::Lookup;
use weigh::locate::Finder;

/// The fixed clock (`WEIGH_NOW`) of every run; a test may set another with `.env(...)`.
pub const NOW: &str = "2026-11-28T20:00:00Z";

// ─── Paths ────────────────────────────────────────────────────────────────────────────────────

/// The crate's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file or folder under `tests/fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

/// The small fixture checklist: every kind of item in two dimensions.
pub fn small() -> PathBuf {
    fixture("checklists/small.toml")
}

/// [`small`] as a command-line argument.
pub fn small_arg() -> String {
    small().display().to_string()
}

/// The digest `weigh` records for the small fixture checklist.
pub fn small_digest() -> String {
    weigh::locate::from_path(&small())
        .expect("the small fixture loads")
        .digest
}

/// quick-screen 1.0.0, pinned so that edits to the built-in do not churn the tests that use it.
pub fn pinned_quick_screen() -> PathBuf {
    fixture("checklists/quick-screen-1.0.0.toml")
}

/// [`pinned_quick_screen`] as a command-line argument.
pub fn pinned_arg() -> String {
    pinned_quick_screen().display().to_string()
}

/// The lookup of `--checklist PATH`.
pub fn lookup(checklist: &Path) -> Lookup {
    Lookup {
        finder: Finder::default(),
        explicit: Some(checklist.display().to_string()),
    }
}

/// A fresh temporary folder.
pub fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

// ─── Running weigh ────────────────────────────────────────────────────────────────────────────

/// The `weigh` binary run in `dir`, hermetic: the fixed clock [`NOW`], `USER=tester`, `HOME=dir`,
/// no git configuration or identity from the machine, and no colour.
pub fn weigh_command(dir: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_weigh"));
    cmd.current_dir(dir)
        .env("WEIGH_NOW", NOW)
        .env("USER", "tester")
        .env("HOME", dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_CONFIG_COUNT")
        .env_remove("CLICOLOR_FORCE")
        .env("NO_COLOR", "1");
    cmd
}

/// [`weigh_command`] as an `assert_cmd` command, which can also write stdin.
pub fn weigh(dir: &Path) -> Command {
    Command::from_std(weigh_command(dir))
}

/// What a run of `weigh` gave.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `cmd` to the end and captures its exit code and output.
pub fn run(cmd: &mut Command) -> Run {
    let output = cmd.output().expect("weigh runs");
    Run {
        code: output.status.code().expect("an exit code, not a signal"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    }
}

/// `weigh ARGS…` in `dir`.
pub fn weigh_in(dir: &Path, args: &[&str]) -> Run {
    run(weigh(dir).args(args))
}

/// Asserts the exit code, showing both streams when it is another.
pub fn assert_exit(r: &Run, code: i32) {
    assert_eq!(r.code, code, "stdout:\n{}\nstderr:\n{}", r.stdout, r.stderr);
}

/// Asserts exit 0.
pub fn ok(r: &Run) {
    assert_exit(r, 0);
}

/// Asserts exit 2: invalid input or usage, refused.
pub fn refused(r: &Run) {
    assert_exit(r, 2);
}

/// `weigh answer a.toml ARGS… --checklist small.toml` in `dir`.
pub fn answer(dir: &Path, args: &[&str]) -> Run {
    let small = small_arg();
    let mut all = vec!["answer", "a.toml"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--checklist", &small]);
    weigh_in(dir, &all)
}

/// [`answer`], which must succeed.
pub fn answer_ok(dir: &Path, args: &[&str]) -> Run {
    let r = answer(dir, args);
    ok(&r);
    r
}

/// `weigh answer FILE ITEM VALUE --as alice --candidate CANDIDATE --checklist CHECKLIST` in
/// `dir`, which must succeed: the first answer, which creates FILE.
pub fn start(dir: &Path, file: &str, checklist: &str, candidate: &str, answer: [&str; 2]) -> Run {
    let [item, value] = answer;
    let r = weigh_in(
        dir,
        &[
            "answer",
            file,
            item,
            value,
            "--as",
            "alice",
            "--candidate",
            candidate,
            "--checklist",
            checklist,
        ],
    );
    ok(&r);
    r
}

// ─── Rejection fixtures ───────────────────────────────────────────────────────────────────────

/// One single-mistake fixture: the file, the code it must be reported under, where (1-based line
/// and column, in characters), and a text the help must contain.
pub struct Case {
    pub file: &'static str,
    pub code: &'static str,
    pub line: usize,
    pub column: usize,
    pub help: &'static str,
}

/// A [`Case`] row.
pub const fn case(
    file: &'static str,
    code: &'static str,
    line: usize,
    column: usize,
    help: &'static str,
) -> Case {
    Case {
        file,
        code,
        line,
        column,
        help,
    }
}

// ─── TOML as JSON ─────────────────────────────────────────────────────────────────────────────

/// TOML as the JSON an editor's schema validator sees: date-times become RFC 3339 strings.
pub fn to_json(value: &toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s.clone()),
        toml::Value::Integer(i) => Value::from(*i),
        toml::Value::Float(f) => serde_json::Number::from_f64(*f)
            .map_or_else(|| panic!("{f} has no JSON form"), Value::Number),
        toml::Value::Boolean(b) => Value::Bool(*b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.iter().map(to_json).collect()),
        toml::Value::Table(table) => Value::Object(
            table
                .iter()
                .map(|(k, v)| (k.clone(), to_json(v)))
                .collect::<Map<_, _>>(),
        ),
    }
}

/// [`to_json`] of a TOML document's text.
pub fn toml_to_json(text: &str) -> Value {
    to_json(&toml::from_str::<toml::Value>(text).expect("valid TOML"))
}

// ─── Answers from data ────────────────────────────────────────────────────────────────────────

/// The checklist whose items are bound to facts (`tests/fixtures/checklists/bound.toml`).
pub fn bound_arg() -> String {
    fixture("checklists/bound.toml").display().to_string()
}

/// `dir/a.toml` against [`bound_arg`], with the providers of DeepSeek V4 Pro in the models.dev
/// slice recorded as of 2026-07-01.
pub fn recorded(dir: &Path) {
    let from = fixture("models-dev").display().to_string();
    let bound = bound_arg();
    ok(&weigh_in(
        dir,
        &[
            "providers",
            "deepseek/deepseek-v4-pro",
            "--from",
            &from,
            "--into",
            "a.toml",
            "--candidate",
            "DeepSeek V4 Pro",
            "--checklist",
            &bound,
            "--as-of",
            "2026-07-01",
        ],
    ));
}

/// The `[[answer]]` tables of an assessment file under `dir`.
pub fn answer_tables(dir: &Path, file: &str) -> Vec<toml::Table> {
    let text = std::fs::read_to_string(dir.join(file)).expect("the assessment file");
    let file: toml::Table = toml::from_str(&text).expect("TOML");
    file.get("answer")
        .and_then(|a| a.as_array())
        .map(|a| a.iter().filter_map(|x| x.as_table().cloned()).collect())
        .unwrap_or_default()
}
