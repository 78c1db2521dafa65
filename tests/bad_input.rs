//! The bad-input corpus (`tests/bad_input/`): malformed and hostile checklists, assessments and
//! `weigh.toml` files, each refused by the real binary with exit 2 and a located diagnostic that
//! is snapshotted (`tests/bad_input/snapshots/`); none panics.
//!
//! Each file's first two lines say what its diagnostic must contain (`# expect: …`) and whether
//! a JSON Schema validator can reject it as well (`# draft-07: rejects`, or `cannot (why)`):
//! the schemas must reject every file the loader rejects for a reason draft-07 can express.
//!
//! Checklists run through `weigh checklist validate FILE`, assessments through `weigh report
//! FILE` (beside a `weigh.toml` naming the small fixture checklist), projects through `weigh
//! checklist list` in their folder. To accept changed diagnostics after a deliberate change:
//! `INSTA_UPDATE=always cargo test --test bad_input`, then review the diff.

use std::path::{Path, PathBuf};

use weigh::schema::{SchemaKind, generate};

mod common;
use common::{Run, root, toml_to_json, weigh_in};

/// The formats in the corpus, with their folders.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Format {
    Checklist,
    Assessment,
    Project,
}

/// One corpus file and what its header promises.
struct Case {
    format: Format,
    /// The file.
    path: PathBuf,
    /// How the snapshot is named: `checklist__NAME`.
    name: String,
    /// Text the diagnostic must contain.
    expect: String,
    /// Whether the JSON Schema can reject it too.
    schema_rejects: bool,
}

fn corpus_dir() -> PathBuf {
    root().join("tests/bad_input")
}

fn corpus() -> Vec<Case> {
    let mut cases = Vec::new();
    for (format, folder) in [
        (Format::Checklist, "checklists"),
        (Format::Assessment, "assessments"),
    ] {
        for path in sorted(&corpus_dir().join(folder)) {
            let is_input = path.extension().is_some_and(|x| x == "toml")
                && path.file_name().is_some_and(|n| n != "weigh.toml");
            if is_input {
                let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
                cases.push(case(format, path, stem));
            }
        }
    }
    for dir in sorted(&corpus_dir().join("projects")) {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        cases.push(case(Format::Project, dir.join("weigh.toml"), name));
    }
    cases
}

fn sorted(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("a corpus folder")
        .map(|e| e.expect("an entry").path())
        .collect();
    paths.sort();
    paths
}

fn case(format: Format, path: PathBuf, name: String) -> Case {
    let bytes = std::fs::read(&path).expect("a corpus file");
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(400)]).into_owned();
    let field = |key: &str| {
        head.lines()
            .find_map(|l| l.strip_prefix(key))
            .unwrap_or_else(|| panic!("{} has no `{key}` line", path.display()))
            .trim()
            .to_string()
    };
    let draft = field("# draft-07:");
    assert!(
        draft == "rejects" || draft.starts_with("cannot ("),
        "{}: `# draft-07:` is `rejects` or `cannot (why)`",
        path.display()
    );
    Case {
        format,
        name: format!("{}__{name}", format!("{format:?}").to_lowercase()),
        expect: field("# expect:"),
        schema_rejects: draft == "rejects",
        path,
    }
}

/// Runs weigh on a case, with absolute paths replaced by `[ROOT]` so snapshots are portable.
fn run(c: &Case) -> Run {
    let dir = c.path.parent().expect("a folder");
    let file = c.path.file_name().unwrap().to_string_lossy().into_owned();
    let mut r = match c.format {
        Format::Checklist => weigh_in(dir, &["checklist", "validate", &file]),
        Format::Assessment => weigh_in(dir, &["report", &file]),
        Format::Project => weigh_in(dir, &["checklist", "list"]),
    };
    let root = root().display().to_string();
    r.stderr = r.stderr.replace(&root, "[ROOT]");
    r
}

#[test]
fn the_corpus_holds_at_least_40_files_of_every_format() {
    let cases = corpus();
    assert!(cases.len() >= 40, "{} files", cases.len());
    for format in [Format::Checklist, Format::Assessment, Format::Project] {
        let n = cases.iter().filter(|c| c.format == format).count();
        assert!(n >= 5, "{format:?}: {n} files");
    }
}

#[test]
fn every_bad_input_is_refused_with_exit_2_and_its_located_diagnostic() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(corpus_dir().join("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    let _guard = settings.bind_to_scope();
    let mut wrong = Vec::new();
    for c in corpus() {
        let r = run(&c);
        let fine = r.code == 2
            && r.stderr.contains(&c.expect)
            && !r.stderr.contains("panicked")
            && !r.stderr.contains("internal error");
        if !fine {
            wrong.push(format!(
                "{}: exit {}, expected `{}`:\n{}",
                c.path.display(),
                r.code,
                c.expect,
                r.stderr
            ));
        }
        insta::assert_snapshot!(c.name.clone(), r.stderr);
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

#[test]
fn the_schemas_reject_what_draft_07_can_express() {
    let mut passed = Vec::new();
    let mut checked = 0;
    for c in corpus().into_iter().filter(|c| c.schema_rejects) {
        let kind = match c.format {
            Format::Checklist => SchemaKind::Checklist,
            Format::Assessment => SchemaKind::Assessment,
            Format::Project => SchemaKind::Project,
        };
        let schema = generate(kind).as_value().clone();
        let validator = jsonschema::draft7::new(&schema).expect("a draft-07 schema");
        let text = std::fs::read_to_string(&c.path).expect("TOML text");
        if validator.is_valid(&toml_to_json(&text)) {
            passed.push(c.path.display().to_string());
        }
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} files are marked `rejects`");
    assert!(
        passed.is_empty(),
        "the schema accepts files weigh rejects:\n{}",
        passed.join("\n")
    );
}

#[test]
fn the_schemas_accept_what_weigh_accepts() {
    let cases: [(SchemaKind, PathBuf); 4] = [
        (
            SchemaKind::Checklist,
            root().join("tests/fixtures/checklists/small.toml"),
        ),
        (
            SchemaKind::Checklist,
            root().join("tests/fixtures/checklists/quick-screen-1.0.0.toml"),
        ),
        (
            SchemaKind::Assessment,
            root().join("tests/fixtures/canonical.toml"),
        ),
        (
            SchemaKind::Project,
            corpus_dir().join("assessments/weigh.toml"),
        ),
    ];
    for (kind, path) in cases {
        let schema = generate(kind).as_value().clone();
        let validator = jsonschema::draft7::new(&schema).expect("a draft-07 schema");
        let text = std::fs::read_to_string(&path).expect("a fixture");
        let errors: Vec<String> = validator
            .iter_errors(&toml_to_json(&text))
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{}:\n{}",
            path.display(),
            errors.join("\n")
        );
    }
}
