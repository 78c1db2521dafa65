//! Every rejection SPEC §2 lists, one fixture each: the loader reports it under its stable code,
//! at the line and column of the offending text, with help, and builds no checklist. Files with
//! several mistakes report all of them in one run.

use std::collections::BTreeSet;
use std::path::PathBuf;

use weigh::checklist::{self, Origin};
use weigh::diag::{Diagnostic, line_col};

mod common;
use common::{Case, case, root};

const DIR: &str = "tests/fixtures/checklists/invalid";

/// The single-mistake fixtures; every help must be non-empty, and a help of "" asks no more.
#[rustfmt::skip]
const CASES: &[Case] = &[
    // TOML syntax.
    case("toml-syntax-error.toml", "toml-syntax", 14, 34, ""),
    // Unknown keys, with "did you mean" for near misses and the allowed keys otherwise.
    case("unknown-key-near-miss.toml", "unknown-key", 16, 1, "did you mean `weight`?"),
    case("unknown-key-no-suggestion.toml", "unknown-key", 8, 1, "`version`"),
    // Missing required keys: structural (at the table's header) and per kind (at the item's id).
    case("missing-required-key.toml", "missing-key", 12, 1, "question"),
    case("missing-schema-version.toml", "missing-key", 1, 1, "schema_version"),
    case("missing-checklist-title.toml", "missing-key", 3, 1, "title"),
    case("missing-dimension-id.toml", "missing-key", 8, 1, "id"),
    case("option-missing-score.toml", "missing-key", 16, 42, "score"),
    case("when-missing-item.toml", "missing-key", 22, 8, "item"),
    case("scale-without-levels.toml", "missing-key", 13, 6, "levels"),
    case("choice-without-options.toml", "missing-key", 13, 6, "options"),
    case("number-without-unit.toml", "missing-key", 13, 6, "unit"),
    // Keys of another kind.
    case("levels-on-number.toml", "key-not-for-kind", 19, 10, ""),
    case("options-on-yes-no.toml", "key-not-for-kind", 16, 11, ""),
    case("text-with-weight.toml", "key-not-for-kind", 21, 10, ""),
    case("text-with-gate.toml", "key-not-for-kind", 21, 8, ""),
    case("text-with-max-age.toml", "key-not-for-kind", 21, 16, ""),
    // Wrong value types and values outside an enumeration.
    case("wrong-value-type.toml", "wrong-type", 16, 10, "number"),
    case("wrong-type-dimension-table.toml", "wrong-type", 8, 1, "array"),
    case("wrong-type-schema-version-float.toml", "wrong-type", 1, 18, "integer"),
    case("max-age-fractional.toml", "wrong-type", 16, 16, "integer"),
    case("gate-string.toml", "wrong-type", 16, 8, ""),
    case("unknown-kind.toml", "invalid-value", 15, 8, "did you mean `yes_no`?"),
    case("unknown-evidence.toml", "invalid-value", 16, 12, "`required`"),
    // schema_version and version.
    case("schema-version-2.toml", "unsupported-schema-version", 1, 18, "upgrade weigh"),
    case("version-not-semver.toml", "invalid-version", 6, 11, ""),
    // Empty texts (white space only counts as empty).
    case("empty-question.toml", "empty-text", 14, 12, ""),
    case("empty-level.toml", "empty-text", 16, 32, ""),
    case("empty-label.toml", "empty-text", 16, 52, ""),
    case("empty-checklist-title.toml", "empty-text", 5, 9, ""),
    case("empty-unit.toml", "empty-text", 16, 8, ""),
    // Duplicate and bad ids.
    case("duplicate-dimension-id.toml", "duplicate-id", 18, 6, ""),
    case("duplicate-item-id-across-dimensions.toml", "duplicate-id", 22, 6, ""),
    case("bad-item-id.toml", "invalid-id", 13, 6, "workload-eval"),
    case("bad-checklist-id.toml", "invalid-id", 4, 6, "my-checklist"),
    case("bad-dimension-id.toml", "invalid-id", 9, 6, ""),
    // Scales and choices.
    case("scale-one-level.toml", "too-few-levels", 16, 10, ""),
    case("level-all-digits.toml", "level-all-digits", 16, 19, "100 or more"),
    case("scale-duplicate-levels-ignoring-space.toml", "duplicate-level", 16, 26, ""),
    case("choice-no-options.toml", "no-options", 16, 11, ""),
    case("choice-duplicate-labels-ignoring-case.toml", "duplicate-label", 19, 13, ""),
    case("option-score-above-one.toml", "out-of-range", 16, 35, ""),
    case("option-score-negative.toml", "out-of-range", 16, 65, ""),
    case("best-equals-worst.toml", "best-equals-worst", 17, 8, ""),
    // Numbers out of range or not finite.
    case("weight-out-of-range.toml", "out-of-range", 16, 10, ""),
    case("negative-weight.toml", "out-of-range", 16, 10, ""),
    case("dimension-weight-out-of-range.toml", "out-of-range", 11, 10, ""),
    case("nan-weight.toml", "not-finite", 16, 10, ""),
    case("infinite-best.toml", "not-finite", 17, 8, ""),
    case("bounds-out-of-range.toml", "out-of-range", 18, 9, ""),
    case("gate-bound-out-of-range.toml", "out-of-range", 19, 8, ""),
    // A non-finite gate bound is reported as out-of-range (not not-finite); see the report.
    case("gate-bound-infinite.toml", "not-finite", 19, 8, ""),
    case("max-age-zero.toml", "out-of-range", 16, 16, ""),
    case("max-age-too-long.toml", "out-of-range", 16, 16, ""),
    case("ready-above-hundred.toml", "out-of-range", 9, 9, ""),
    case("dimension-floor-negative.toml", "out-of-range", 9, 19, ""),
    case("conditional-infinite.toml", "not-finite", 9, 15, ""),
    case("disagreement-zero.toml", "out-of-range", 9, 16, ""),
    case("disagreement-above-one.toml", "out-of-range", 9, 16, ""),
    // Gates: wrong type for the kind, or unreachable.
    case("gate-wrong-type-for-kind.toml", "invalid-gate", 17, 8, ""),
    case("yes-no-gate-false.toml", "invalid-gate", 16, 8, "gate = true"),
    case("choice-gate-boolean.toml", "invalid-gate", 17, 8, ""),
    case("number-gate-not-range.toml", "invalid-gate", 19, 8, ""),
    case("number-gate-empty.toml", "invalid-gate", 19, 8, ""),
    case("gate-unreachable-scale.toml", "unreachable-gate", 17, 8, ""),
    case("gate-unreachable-choice.toml", "unreachable-gate", 17, 8, ""),
    case("gate-unreachable-range.toml", "unreachable-gate", 19, 8, ""),
    // `when`.
    case("when-unknown-item.toml", "unknown-controller", 22, 17, "did you mean `self-host`?"),
    case("when-self.toml", "when-self", 21, 17, ""),
    case("when-unknown-label.toml", "unknown-label", 23, 51, ""),
    case("when-controller-is-number.toml", "invalid-controller", 24, 17, ""),
    case("when-controller-is-text.toml", "invalid-controller", 26, 17, ""),
    case("when-in-with-yes-no.toml", "when-mismatch", 22, 35, "is = true"),
    case("when-is-with-choice.toml", "when-mismatch", 23, 37, "`Self-host`"),
    case("when-both-in-and-is.toml", "when-in-and-is", 22, 8, ""),
    case("when-neither.toml", "when-without-condition", 22, 8, ""),
    case("when-empty-in.toml", "empty-in", 23, 37, ""),
    case("when-controller-after-dependent.toml", "controller-after-dependent", 16, 17, ""),
    // The checklist as a whole.
    case("no-scored-item.toml", "no-scored-item", 3, 1, ""),
    case("no-dimensions.toml", "no-scored-item", 3, 1, ""),
    case("all-dimension-weights-zero.toml", "zero-dimension-weights", 3, 1, ""),
    case("ready-below-conditional.toml", "ready-below-conditional", 9, 9, ""),
    case("ready-below-default-conditional.toml", "ready-below-conditional", 9, 15, ""),
    // Inheritance without a base (errors that need a base are in tests/extends.rs).
    case("remove-without-extends.toml", "needs-extends", 2, 10, "extends"),
    case("override-without-extends.toml", "needs-extends", 8, 1, "extends"),
];

/// Files with several mistakes: each expected (code, line) must be reported, in one run, and
/// nothing else.
const THREE_MISTAKES: (&str, &[(&str, usize)]) = (
    "three-mistakes.toml",
    &[
        ("invalid-version", 6),
        ("unknown-key", 15),
        ("unreachable-gate", 18),
    ],
);

const MANY_MISTAKES: (&str, &[(&str, usize)]) = (
    "many-mistakes.toml",
    &[
        ("unsupported-schema-version", 1),
        ("invalid-id", 4),
        ("ready-below-conditional", 9),
        ("out-of-range", 10),
        ("out-of-range", 15),
        ("duplicate-level", 21),
        ("unknown-key", 22),
        ("out-of-range", 28),
        ("invalid-value", 29),
        ("controller-after-dependent", 39),
        ("best-equals-worst", 51),
        ("key-not-for-kind", 58),
        ("duplicate-id", 61),
    ],
);

fn path(file: &str) -> PathBuf {
    root().join(DIR).join(file)
}

fn read(file: &str) -> String {
    std::fs::read_to_string(path(file)).unwrap_or_else(|e| panic!("cannot read {file}: {e}"))
}

/// Parses a fixture; returns its text and diagnostics, after checking that it does not load.
fn parse(file: &str) -> (String, Vec<Diagnostic>) {
    let text = read(file);
    let (_, diagnostics) = checklist::parse(&text, Origin::Path(path(file)));
    let name = format!("{DIR}/{file}");
    assert!(
        checklist::load_str(&name, &text, Origin::Path(path(file))).is_err(),
        "{file}: load_str accepted it"
    );
    (text, diagnostics)
}

/// `code@line:column` of every diagnostic, for failure messages.
fn summary(text: &str, diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| match &d.span {
            Some(span) => {
                let (line, column) = line_col(text, span.start);
                format!("{}@{line}:{column}", d.code)
            }
            None => format!("{}@(no span)", d.code),
        })
        .collect()
}

#[test]
fn each_rejection_is_reported_at_its_place_with_help() {
    let mut failures = Vec::new();
    for c in CASES {
        let (text, diagnostics) = parse(c.file);
        let found = diagnostics.iter().find(|d| {
            d.code == c.code
                && d.span
                    .as_ref()
                    .is_some_and(|s| line_col(&text, s.start) == (c.line, c.column))
        });
        let Some(d) = found else {
            failures.push(format!(
                "{}: expected {}@{}:{}, got {:?}",
                c.file,
                c.code,
                c.line,
                c.column,
                summary(&text, &diagnostics)
            ));
            continue;
        };
        if !d.is_error() {
            failures.push(format!("{}: {} is not an error", c.file, c.code));
        }
        if d.message.trim().is_empty() {
            failures.push(format!("{}: {} has an empty message", c.file, c.code));
        }
        match d.help.as_deref() {
            Some(help) if !help.trim().is_empty() && help.contains(c.help) => {}
            other => failures.push(format!(
                "{}: {} help {other:?} should be non-empty and contain {:?}",
                c.file, c.code, c.help
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn assert_all_reported(file: &str, expected: &[(&str, usize)]) {
    let (text, diagnostics) = parse(file);
    let mut got: Vec<(&str, usize)> = diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| {
            (
                d.code,
                d.span.as_ref().map_or(0, |s| line_col(&text, s.start).0),
            )
        })
        .collect();
    got.sort_unstable();
    let mut want = expected.to_vec();
    want.sort_unstable();
    assert_eq!(
        got, want,
        "{file}: every mistake, and only those, in one run"
    );
    for d in &diagnostics {
        assert!(
            d.help.as_deref().is_some_and(|h| !h.trim().is_empty()),
            "{file}: {} has no help",
            d.code
        );
    }
}

/// `parse` builds no checklist from a file with an error of any kind.
#[test]
fn parse_builds_nothing_from_an_invalid_file() {
    let mut built = Vec::new();
    for file in CASES
        .iter()
        .map(|c| c.file)
        .chain([THREE_MISTAKES.0, MANY_MISTAKES.0])
    {
        let text = read(file);
        let (checklist, diagnostics) = checklist::parse(&text, Origin::Path(path(file)));
        if checklist.is_some() {
            built.push(format!("{file}: {:?}", summary(&text, &diagnostics)));
        }
    }
    assert!(
        built.is_empty(),
        "a checklist was built from:\n{}",
        built.join("\n")
    );
}

#[test]
fn three_mistakes_are_reported_in_one_run() {
    assert_all_reported(THREE_MISTAKES.0, THREE_MISTAKES.1);
}

#[test]
fn many_mistakes_are_reported_in_one_run() {
    assert_all_reported(MANY_MISTAKES.0, MANY_MISTAKES.1);
}

#[test]
fn diagnostics_come_in_source_order() {
    let (_, diagnostics) = parse(MANY_MISTAKES.0);
    let starts: Vec<usize> = diagnostics
        .iter()
        .map(|d| d.span.as_ref().map_or(0, |s| s.start))
        .collect();
    let mut sorted = starts.clone();
    sorted.sort_unstable();
    assert_eq!(starts, sorted);
}

#[test]
fn three_mistakes_render() {
    let file = THREE_MISTAKES.0;
    let text = read(file);
    let name = format!("{DIR}/{file}");
    let report = match checklist::load_str(&name, &text, Origin::Path(path(file))) {
        Ok(_) => panic!("{file} loaded"),
        Err(report) => report,
    };
    insta::assert_snapshot!("three_mistakes", report.render(false));
}

#[test]
fn every_fixture_has_a_row_and_every_row_a_fixture() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(root().join(DIR))
        .expect("fixture folder")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let mut rows: BTreeSet<String> = CASES.iter().map(|c| c.file.to_string()).collect();
    assert_eq!(
        rows.len(),
        CASES.len(),
        "a fixture is listed twice in CASES"
    );
    rows.insert(THREE_MISTAKES.0.to_string());
    rows.insert(MANY_MISTAKES.0.to_string());
    let unlisted: Vec<_> = on_disk.difference(&rows).collect();
    let missing: Vec<_> = rows.difference(&on_disk).collect();
    assert!(
        unlisted.is_empty(),
        "fixtures without a row in CASES: {unlisted:?}"
    );
    assert!(
        missing.is_empty(),
        "rows in CASES without a fixture: {missing:?}"
    );
}

/// Every §2 code the loader defines is exercised by at least one fixture, so a new code without a
/// fixture, or a fixture that drifted to another code, shows up here.
#[test]
fn every_semantic_code_has_a_fixture() {
    const CODES: &[&str] = &[
        "unknown-key",
        "missing-key",
        "wrong-type",
        "invalid-value",
        "unsupported-schema-version",
        "invalid-version",
        "invalid-id",
        "empty-text",
        "duplicate-id",
        "key-not-for-kind",
        "too-few-levels",
        "duplicate-level",
        "duplicate-label",
        "no-options",
        "out-of-range",
        "not-finite",
        "best-equals-worst",
        "invalid-gate",
        "unreachable-gate",
        "when-self",
        "unknown-controller",
        "controller-after-dependent",
        "when-in-and-is",
        "when-without-condition",
        "when-mismatch",
        "empty-in",
        "unknown-label",
        "invalid-controller",
        "no-scored-item",
        "zero-dimension-weights",
        "ready-below-conditional",
        "toml-syntax",
        "needs-extends",
    ];
    let covered: BTreeSet<&str> = CASES.iter().map(|c| c.code).collect();
    let uncovered: Vec<_> = CODES.iter().filter(|c| !covered.contains(*c)).collect();
    assert!(
        uncovered.is_empty(),
        "codes without a fixture: {uncovered:?}"
    );
}

/// Columns count characters, not bytes: `≥` is three bytes but one column.
#[test]
fn columns_count_characters() {
    let (text, diagnostics) = parse("empty-level.toml");
    let d = diagnostics
        .iter()
        .find(|d| d.code == "empty-text")
        .expect("empty-text");
    let start = d.span.as_ref().expect("span").start;
    assert_eq!(line_col(&text, start), (16, 32));
    let line = text.lines().nth(15).expect("line 16");
    assert_eq!(
        line.chars().nth(31),
        Some('"'),
        "column 32 is the empty string's opening quote"
    );
}

/// The same mistake in a file with Windows line endings is at the same line and column.
#[test]
fn crlf_files_report_the_same_places() {
    for c in CASES.iter().filter(|c| c.code != "toml-syntax") {
        let text = read(c.file).replace('\n', "\r\n");
        let (_, diagnostics) = checklist::parse(&text, Origin::Path(path(c.file)));
        assert!(
            diagnostics.iter().any(|d| d.code == c.code
                && d.span
                    .as_ref()
                    .is_some_and(|s| line_col(&text, s.start) == (c.line, c.column))),
            "{} with CRLF: expected {}@{}:{}, got {:?}",
            c.file,
            c.code,
            c.line,
            c.column,
            summary(&text, &diagnostics)
        );
    }
}

#[test]
fn crlf_quoted_lines_do_not_show_carriage_returns() {
    let file = "version-not-semver.toml";
    let text = read(file).replace('\n', "\r\n");
    let Err(report) = checklist::load_str(file, &text, Origin::Path(path(file))) else {
        panic!("{file} loaded");
    };
    let out = report.render(false);
    assert!(!out.contains("\\u{d}"), "{out}");
}

/// A single-mistake fixture reports that mistake and nothing that merely follows from it.
#[test]
fn single_mistake_fixtures_report_one_error() {
    let mut failures = Vec::new();
    for c in CASES {
        let (text, diagnostics) = parse(c.file);
        let errors: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.is_error()).collect();
        // A syntax error may be reported more than once by the recovering parser.
        if errors.len() != 1 && c.code != "toml-syntax" {
            failures.push(format!("{}: {:?}", c.file, summary(&text, &diagnostics)));
        }
    }
    assert!(
        failures.is_empty(),
        "fixtures with more than their one error:\n{}",
        failures.join("\n")
    );
}

/// SPEC §2: "Validation collects every problem in one run": a checklist with a bad version and
/// no scored item reports both.
#[test]
fn whole_checklist_rules_are_reported_with_other_errors() {
    let text = "schema_version = 1\n\n[checklist]\nid = \"x\"\ntitle = \"X\"\nversion = \"1.0\"\n\n\
                [[dimension]]\nid = \"dim\"\ntitle = \"Dim\"\nweight = 0\n\n\
                [[dimension.item]]\nid = \"notes\"\nquestion = \"Notes?\"\nkind = \"text\"\n";
    let (checklist, diagnostics) = checklist::parse(text, Origin::Path("inline.toml".into()));
    assert!(checklist.is_none());
    let codes: BTreeSet<&str> = diagnostics.iter().map(|d| d.code).collect();
    for code in [
        "invalid-version",
        "no-scored-item",
        "zero-dimension-weights",
    ] {
        assert!(codes.contains(code), "missing {code}: {codes:?}");
    }
}
