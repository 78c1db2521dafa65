//! Byte-identical outputs (issue 14): what weigh prints and writes on the examples and on a
//! slice of the benchmark's corpus is pinned, so that making weigh faster cannot change a byte
//! of what users see or commit.
//!
//! Each case runs the real binary with a fixed clock and records its exit code and the SHA-256
//! and length of its stdout, its stderr and every file it writes. The records of each group are
//! committed under `tests/golden/`; the outputs themselves are too large to commit (a JSON
//! comparison of 20 files is 6.6 MB), and a SHA-256 differs whenever one byte does.
//!
//! The corpus slice is written by the benchmark's own seeded generator (`weigh-bench`): the
//! 200-item checklist with 20 of its fleet assessments, and the 2,000-item checklist with its
//! assessment of 6,000 answers. On a mismatch the outputs are kept under
//! `target/tmp/golden/actual/GROUP/` to be compared with those a blessed run kept under
//! `target/tmp/golden/expected/GROUP/`. After a deliberate change to an output,
//! `WEIGH_BLESS=1 cargo test --test byte_identical` rewrites the records.

mod common;

use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use sha2::{Digest, Sha256};
use weigh_bench::corpus::{self, ScaleForm, checklist as generated, walk};

/// How many fleet assessments of the 200-item checklist the slice holds.
const FLEET_SLICE: usize = 20;

/// One group of cases: a folder to run in, and the record of what each case gave.
struct Group {
    name: &'static str,
    dir: PathBuf,
    now: &'static str,
    record: String,
    outputs: Vec<(String, Vec<u8>)>,
}

/// One run of weigh: arguments, stdin, and the files it writes (relative to the group's folder).
struct Case {
    name: String,
    args: Vec<String>,
    stdin: Option<String>,
    writes: Vec<String>,
}

fn case(name: impl Into<String>, args: &[&str]) -> Case {
    Case {
        name: name.into(),
        args: args.iter().map(|a| a.to_string()).collect(),
        stdin: None,
        writes: Vec::new(),
    }
}

impl Case {
    fn writing(mut self, files: &[&str]) -> Case {
        self.writes = files.iter().map(|f| f.to_string()).collect();
        self
    }

    fn with_stdin(mut self, text: String) -> Case {
        self.stdin = Some(text);
        self
    }

    fn with_files(mut self, files: &[String]) -> Case {
        self.args.extend(files.iter().cloned());
        self
    }
}

impl Group {
    /// A fresh, empty folder for the group under the test target's temporary folder.
    fn new(name: &'static str, now: &'static str) -> Group {
        let dir = work_dir().join(name);
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("a folder for the group");
        Group {
            name,
            dir,
            now,
            record: String::new(),
            outputs: Vec::new(),
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.join(rel)
    }

    fn copy(&self, from: &str, to: &str) {
        fs::copy(self.path(from), self.path(to)).expect("copy a file");
    }

    fn write(&self, rel: &str, text: &str) {
        let path = self.path(rel);
        fs::create_dir_all(path.parent().expect("a parent")).expect("the folder");
        fs::write(path, text).expect("write a file");
    }

    /// Runs the case and records its exit code and the digest of each output.
    fn run(&mut self, case: Case) {
        let mut cmd = common::weigh_command(&self.dir);
        cmd.env("WEIGH_NOW", self.now)
            .env_remove("GITHUB_STEP_SUMMARY")
            .args(&case.args)
            .stdin(if case.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("weigh starts");
        if let Some(text) = &case.stdin {
            let mut stdin = child.stdin.take().expect("stdin");
            stdin.write_all(text.as_bytes()).expect("write stdin");
        }
        let out = child.wait_with_output().expect("weigh runs");
        let code = out.status.code().expect("an exit code, not a signal");
        let _ = write!(self.record, "{} exit={code}", case.name);
        self.output(&case.name, "stdout", out.stdout);
        self.output(&case.name, "stderr", out.stderr);
        for file in &case.writes {
            let bytes = fs::read(self.path(file)).unwrap_or_else(|e| {
                panic!("{}: weigh did not write {file}: {e}", case.name);
            });
            self.output(&case.name, file, bytes);
        }
        self.record.push('\n');
    }

    /// Records one output. Where the group's folder appears (reports name their checklist's
    /// file by absolute path; HTML writes `/` as `&#x2f;`) it is recorded as `<dir>`, so the
    /// record does not depend on where the repository is checked out.
    fn output(&mut self, case: &str, what: &str, bytes: Vec<u8>) {
        let dir = self.dir.display().to_string();
        let in_html = dir.replace('/', "&#x2f;");
        let bytes = match String::from_utf8(bytes) {
            Ok(text) => text
                .replace(&dir, "<dir>")
                .replace(&in_html, "<dir>")
                .into_bytes(),
            Err(e) => e.into_bytes(),
        };
        let hex: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let _ = write!(self.record, " {what}={}:{hex}", bytes.len());
        let name = format!("{case}.{what}").replace('/', "_");
        self.outputs.push((name, bytes));
    }

    /// Compares the record with the committed one (or writes it, blessing).
    fn check(self) {
        let golden = common::root()
            .join("tests/golden")
            .join(format!("{}.txt", self.name));
        let header = format!(
            "# {}: exit code, then bytes:sha256 of stdout, stderr and each file written, per case.\n\
             # Written by tests/byte_identical.rs; `WEIGH_BLESS=1 cargo test --test byte_identical` rewrites it.\n",
            self.name
        );
        let record = format!("{header}{}", self.record);
        if std::env::var_os("WEIGH_BLESS").is_some_and(|v| v == "1") {
            fs::create_dir_all(golden.parent().expect("tests/golden")).expect("tests/golden");
            fs::write(&golden, &record).expect("write the record");
            self.keep("expected");
            return;
        }
        let committed = fs::read_to_string(&golden).unwrap_or_default();
        if committed == record {
            return;
        }
        let kept = self.keep("actual");
        let changed: Vec<String> = record
            .lines()
            .filter(|line| !committed.lines().any(|c| c == *line))
            .map(|line| line.split(' ').next().unwrap_or_default().to_string())
            .collect();
        panic!(
            "{}: weigh's output changed in {} case(s): {}\nthe outputs are in {} (a blessed run keeps the expected ones beside them);\nif the change is deliberate, run `WEIGH_BLESS=1 cargo test --test byte_identical` and commit {}",
            golden.display(),
            changed.len(),
            changed.join(", "),
            kept.display(),
            golden.display()
        );
    }

    /// Keeps every output under `target/tmp/golden/WHICH/GROUP/`, for comparing by hand.
    fn keep(&self, which: &str) -> PathBuf {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
            .join("golden")
            .join(which)
            .join(self.name);
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("a folder for the outputs");
        for (name, bytes) in &self.outputs {
            fs::write(dir.join(name), bytes).expect("keep an output");
        }
        dir
    }
}

fn work_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("byte-identical")
}

const FORMATS: [&str; 4] = ["table", "markdown", "json", "html"];

// ─── The examples ─────────────────────────────────────────────────────────────────────────────

const EXAMPLES: [&str; 4] = [
    "qwen3-235b-a22b.toml",
    "deepseek-v3.toml",
    "llama-3.1-405b.toml",
    "gpt-oss-120b-screen.toml",
];

/// The three examples of the full checklist, which can be compared.
const FULL: [&str; 3] = [
    "qwen3-235b-a22b.toml",
    "deepseek-v3.toml",
    "llama-3.1-405b.toml",
];

fn examples(group: &'static str) -> Group {
    let g = Group::new(group, common::NOW);
    for name in EXAMPLES {
        fs::copy(common::root().join("examples").join(name), g.path(name)).expect("copy");
    }
    g
}

#[test]
fn reports_of_the_examples_are_byte_identical() {
    let mut g = examples("examples-report");
    for file in EXAMPLES {
        for format in FORMATS {
            let name = format!("report-{file}-{format}");
            g.run(case(name.as_str(), &["report", file, "--format", format]));
        }
    }
    g.run(case(
        "report-qwen-as-of-later",
        &["report", FULL[0], "--as-of", "2027-06-01"],
    ));
    g.run(
        case(
            "report-deepseek-to-file",
            &["report", FULL[1], "--format", "markdown", "-o", "out.md"],
        )
        .writing(&["out.md"]),
    );
    g.check();
}

#[test]
fn comparisons_gates_and_diffs_of_the_examples_are_byte_identical() {
    let mut g = examples("examples-compare");
    for format in FORMATS {
        g.run(
            case(
                format!("compare-{format}"),
                &["compare", "--format", format],
            )
            .with_files(&full()),
        );
        let items = format!("compare-items-{format}");
        g.run(case(&items, &["compare", "--items", "--format", format]).with_files(&full()));
    }
    g.run(
        case(
            "compare-sorted",
            &[
                "compare",
                "--sort",
                "score",
                "--items",
                "--only-differences",
            ],
        )
        .with_files(&full()),
    );
    g.run(case(
        "compare-two-checklists",
        &["compare", FULL[0], EXAMPLES[3]],
    ));
    g.run(
        case(
            "gate-conditional",
            &[
                "gate",
                "--require",
                "conditional",
                "--summary",
                "summary.md",
            ],
        )
        .with_files(&full())
        .writing(&["summary.md"]),
    );
    g.run(case(
        "gate-ready-min-score",
        &[
            "gate",
            "--require",
            "ready",
            "--min-score",
            "60",
            EXAMPLES[3],
        ],
    ));
    for format in ["table", "markdown", "json"] {
        g.run(case(
            format!("diff-{format}"),
            &["diff", FULL[1], FULL[0], "--format", format],
        ));
    }
    g.copy(FULL[0], "changed.toml");
    g.run(
        case(
            "answer-changes-an-answer",
            &[
                "answer",
                "changed.toml",
                "jailbreak-resistance",
                "1",
                "--as",
                "sam",
                "--note",
                "Re-run after the update.",
                "--evidence",
                "evals/jailbreak-2026-11.md",
            ],
        )
        .writing(&["changed.toml"]),
    );
    g.run(case(
        "diff-after-answer",
        &["diff", FULL[0], "changed.toml", "--format", "markdown"],
    ));
    g.check();
}

fn full() -> Vec<String> {
    FULL.iter().map(|f| f.to_string()).collect()
}

#[test]
fn answers_written_into_the_examples_are_byte_identical() {
    let mut g = examples("examples-answer");
    let edits: [(&str, &[&str]); 5] = [
        (
            "answer-new-assessor",
            &[
                "qwen3-235b-a22b.toml",
                "languages",
                "2",
                "--as",
                "lee",
                "--evidence",
                "evals/languages.md",
                "--note",
                "Checked on three languages.",
            ],
        ),
        (
            "answer-number",
            &[
                "deepseek-v3.toml",
                "over-refusal",
                "3.5",
                "--as",
                "mei",
                "--evidence",
                "https://example.com/over-refusal",
            ],
        ),
        (
            "answer-na",
            &["deepseek-v3.toml", "bias", "--na", "--as", "sam"],
        ),
        (
            "answer-clear",
            &[
                "llama-3.1-405b.toml",
                "deploy-mode",
                "--clear",
                "--as",
                "priya",
            ],
        ),
        (
            "answer-screen",
            &[
                "gpt-oss-120b-screen.toml",
                "licence",
                "permits your use under conditions you can accept",
                "--evidence",
                "LICENSE",
                "--as",
                "lee",
            ],
        ),
    ];
    for (name, args) in edits {
        let mut all = vec!["answer"];
        all.extend_from_slice(args);
        g.run(case(name, &all).writing(&[args[0]]));
    }
    g.run(
        case(
            "answer-creates-a-file",
            &[
                "answer",
                "new.toml",
                "deploy-mode",
                "API",
                "--as",
                "lee",
                "--candidate",
                "New Model",
                "--checklist",
                "quick-screen",
            ],
        )
        .writing(&["new.toml"]),
    );
    g.run(case(
        "answer-refused",
        &["answer", EXAMPLES[0], "no-such-item", "1", "--as", "lee"],
    ));
    g.run(case("fmt-check", &["fmt", "--check"]).with_files(&EXAMPLES.map(String::from)));
    g.check();
}

// ─── The corpus slice ─────────────────────────────────────────────────────────────────────────

/// A project of the corpus: `weigh.toml`, the generated checklist, and its digest.
fn corpus_project(name: &'static str, items: usize) -> (Group, generated::Checklist, String) {
    let g = Group::new(name, corpus::NOW);
    let source = corpus::generate_checklist(items);
    corpus::write_project(&g.dir, &source).expect("write the project");
    let digest = weigh::locate::from_path(&g.path(&format!("checklists/{}.toml", source.id)))
        .expect("the generated checklist loads")
        .digest;
    (g, source, digest)
}

/// The 200-item project with the first [`FLEET_SLICE`] fleet files; their paths.
fn fleet(group: &'static str) -> (Group, generated::Checklist, Vec<String>) {
    let (g, source, digest) = corpus_project(group, corpus::TYPICAL_ITEMS);
    let files: Vec<String> = (0..FLEET_SLICE)
        .map(|i| {
            let rel = corpus::fleet_path(&source, i);
            g.write(
                &rel.display().to_string(),
                &corpus::fleet_assessment(&source, &digest, ScaleForm::Text, i),
            );
            rel.display().to_string()
        })
        .collect();
    (g, source, files)
}

#[test]
fn reports_and_comparisons_of_the_corpus_are_byte_identical() {
    let (mut g, _, files) = fleet("corpus-200-report");
    for k in [0, 7] {
        for format in FORMATS {
            let name = format!("report-fleet{k}-{format}");
            g.run(case(
                name.as_str(),
                &["report", &files[k], "--format", format],
            ));
        }
    }
    for format in FORMATS {
        g.run(
            case(
                format!("compare-{format}"),
                &["compare", "--format", format],
            )
            .with_files(&files),
        );
        g.run(
            case(
                format!("compare-items-{format}"),
                &["compare", "--items", "--format", format],
            )
            .with_files(&files),
        );
    }
    g.run(
        case(
            "compare-sort-verdict",
            &["compare", "--sort", "verdict", "--format", "markdown"],
        )
        .with_files(&files),
    );
    g.run(
        case(
            "compare-sort-name-json",
            &["compare", "--sort", "name", "--format", "json"],
        )
        .with_files(&files),
    );
    g.run(
        case(
            "compare-only-differences",
            &["compare", "--items", "--only-differences"],
        )
        .with_files(&files),
    );
    g.run(
        case(
            "compare-to-file",
            &["compare", "--format", "html", "-o", "compare.html"],
        )
        .with_files(&files)
        .writing(&["compare.html"]),
    );
    g.run(
        case(
            "gate-conditional",
            &[
                "gate",
                "--require",
                "conditional",
                "--summary",
                "summary.md",
            ],
        )
        .with_files(&files)
        .writing(&["summary.md"]),
    );
    g.run(
        case(
            "gate-min-score",
            &["gate", "--require", "ready", "--min-score", "55"],
        )
        .with_files(&files),
    );
    for format in ["table", "markdown", "json"] {
        g.run(case(
            format!("diff-{format}"),
            &["diff", &files[0], &files[1], "--format", format],
        ));
    }
    g.run(case(
        "checklist-validate",
        &["checklist", "validate", "checklists/bench-200.toml"],
    ));
    g.run(case(
        "checklist-show-json",
        &["checklist", "show", "bench-200", "--format", "json"],
    ));
    g.check();
}

#[test]
fn answers_and_a_line_mode_walk_in_the_corpus_are_byte_identical() {
    let (mut g, source, files) = fleet("corpus-200-answer");
    let item = source
        .items()
        .find(|i| {
            i.when.is_none() && matches!(i.kind, generated::Kind::Scale(_)) && !i.evidence_required
        })
        .expect("an unconditional scale item");
    g.copy(&files[3], "assessments/answered.toml");
    g.run(
        case(
            "answer-new-assessor",
            &[
                "answer",
                "assessments/answered.toml",
                &item.id,
                "1",
                "--as",
                "zz-new",
                "--note",
                "Spot check.",
            ],
        )
        .writing(&["assessments/answered.toml"]),
    );
    g.run(case(
        "diff-after-answer",
        &[
            "diff",
            &files[3],
            "assessments/answered.toml",
            "--format",
            "json",
        ],
    ));
    let steps = corpus::walk_steps(&source);
    let script = walk::script(&steps);
    let walk_args = [
        "--as",
        corpus::WALKER,
        "--candidate",
        "Walk Candidate",
        "--checklist",
        &source.id,
    ];
    let mut args = vec!["assess", "assessments/walk.toml"];
    args.extend_from_slice(&walk_args);
    g.run(
        case("walk", &args)
            .with_stdin(script)
            .writing(&["assessments/walk.toml"]),
    );
    for (n, step) in steps.iter().take(12).enumerate() {
        let mut args: Vec<String> = ["answer", "assessments/one-by-one.toml"]
            .map(String::from)
            .to_vec();
        args.extend(walk_args.iter().map(|a| a.to_string()));
        args.extend(walk::answer_args(step));
        let name = format!("answer-step-{n}");
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        g.run(case(name.as_str(), &refs).writing(&["assessments/one-by-one.toml"]));
    }
    g.check();
}

#[test]
fn reports_of_the_2000_item_assessment_are_byte_identical() {
    let (mut g, source, digest) = corpus_project("corpus-2000", corpus::LARGE[0]);
    let file = "assessments/report-2000.toml";
    g.write(
        file,
        &corpus::large_assessment(&source, &digest, ScaleForm::Text),
    );
    for format in FORMATS {
        g.run(case(
            format!("report-{format}"),
            &["report", file, "--format", format],
        ));
    }
    let item = source
        .items()
        .filter(|i| {
            i.when.is_none() && matches!(i.kind, generated::Kind::YesNo) && !i.evidence_required
        })
        .last()
        .expect("an unconditional yes/no item");
    g.copy(file, "assessments/answered.toml");
    let by = first_assessor(&g.path(file));
    g.run(
        case(
            "answer-replaces-an-answer",
            &[
                "answer",
                "assessments/answered.toml",
                &item.id,
                "no",
                "--as",
                &by,
            ],
        )
        .writing(&["assessments/answered.toml"]),
    );
    g.run(case("gate", &["gate", "--require", "conditional", file]));
    g.check();
}

/// The first assessor named in an assessment file.
fn first_assessor(path: &Path) -> String {
    let text = fs::read_to_string(path).expect("the assessment");
    let line = text
        .lines()
        .find_map(|l| l.strip_prefix("by = \""))
        .expect("an answer");
    line.trim_end_matches('"').to_string()
}

#[test]
fn ci_runs_this_test_and_lints_the_whole_workspace() {
    let read = |rel: &str| fs::read_to_string(common::root().join(rel)).expect(rel);
    let ci = read(".ci/run");
    assert!(
        ci.contains("cargo clippy --workspace --all-targets"),
        "{ci}"
    );
    assert!(ci.contains("scripts/test.sh"), "{ci}");
    let tests = read("scripts/test.sh");
    assert!(tests.contains("cargo test --workspace"), "{tests}");
}
