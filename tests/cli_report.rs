//! `weigh report` end to end (SPEC §5 and §7) on files built with `weigh answer`: the table
//! without terminal escapes, the JSON keys and schema, Markdown that survives hostile text,
//! `-o`, `--as-of` and staleness, `WEIGH_NOW`, and the exit codes for bad files.

use std::collections::BTreeMap;
use std::path::Path;

use assert_cmd::Command;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde_json::Value;

mod common;
use common::{NOW, Run, answer_ok, assert_exit, ok, refused, run, small, small_arg, start, temp};

/// Text that means something to Markdown and HTML: pipes, a newline, a script tag, backticks,
/// emphasis, a link, an entity, a backslash and strikethrough.
const HOSTILE: &str = "a | b\nc <script>alert(1)</script> `x` *y* [l](u) &amp; _u_ \\ ~s~ <b>bold</b> x\\|y &#42; 1. &lt;";
const CANDIDATE: &str = "Model <i>X</i> | *v2*";

/// The hermetic `weigh`, but without `NO_COLOR`: these tests check that nothing puts terminal
/// escapes in output that is not a terminal on its own accord.
fn weigh(dir: &Path) -> Command {
    let mut cmd = common::weigh(dir);
    cmd.env_remove("NO_COLOR");
    cmd
}

fn weigh_in(dir: &Path, args: &[&str]) -> Run {
    run(weigh(dir).args(args))
}

/// `weigh report a.toml ARGS… --checklist small.toml`.
fn report(dir: &Path, args: &[&str]) -> Run {
    let small = small_arg();
    let mut all = vec!["report", "a.toml"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--checklist", &small]);
    weigh_in(dir, &all)
}

/// An assessment of every kind of answer by three assessors, with hostile text in the candidate
/// name, a text answer, notes, an assessor's name and evidence. Scores: core 74.4 (licence yes,
/// eval-depth 1 of 3, Self-host 0.5, 8 GPUs), extra 0 (latency at its worst): NOT READY.
fn built() -> tempfile::TempDir {
    let dir = temp();
    let d = dir.path();
    answer_ok(
        d,
        &[
            "licence-ok",
            "yes",
            "--as",
            "alice",
            "--candidate",
            CANDIDATE,
            "--note",
            HOSTILE,
        ],
    );
    answer_ok(d, &["licence-ok", "yes", "--as", "ann*e <em>"]);
    answer_ok(
        d,
        &[
            "eval-depth",
            "1",
            "--as",
            "alice",
            "--evidence",
            "https://example.com/e|1",
            "--evidence",
            "evals/*run*.md",
        ],
    );
    answer_ok(d, &["deploy", "self-host", "--as", "alice"]);
    answer_ok(d, &["gpu-count", "8", "--as", "alice"]);
    answer_ok(d, &["latency", "--na", "--as", "alice"]);
    answer_ok(
        d,
        &["latency", "2000", "--as", "bob", "--note", "p50 under load"],
    );
    answer_ok(d, &["summary", HOSTILE, "--as", "alice", "--note", HOSTILE]);
    dir
}

fn json(dir: &Path, args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let r = report(dir, &all);
    ok(&r);
    serde_json::from_str(&r.stdout).expect("the JSON report parses")
}

fn item<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["items"]
        .as_array()
        .expect("items[]")
        .iter()
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("item {id} in the report"))
}

fn actions(report: &Value) -> Vec<(String, String)> {
    report["actions"]
        .as_array()
        .expect("actions[]")
        .iter()
        .map(|a| {
            let about = a
                .get("item")
                .or_else(|| a.get("dimension"))
                .and_then(Value::as_str)
                .unwrap_or("");
            (a["kind"].as_str().unwrap().to_string(), about.to_string())
        })
        .collect()
}

fn has(v: &Value, pointer: &str) {
    assert!(v.pointer(pointer).is_some(), "{pointer} missing in\n{v:#}");
}

// ─── Table ────────────────────────────────────────────────────────────────────────────────────

#[test]
fn table_and_markdown_say_in_one_line_why_the_verdict_is_not_ready() {
    let dir = temp();
    let d = dir.path();
    start(d, "a.toml", &small_arg(), "M", ["licence-ok", "yes"]);
    for (item, value) in [("deploy", "API"), ("latency", "150")] {
        answer_ok(d, &[item, value, "--as", "alice"]);
    }
    let depth = |level: &str| {
        answer_ok(
            d,
            &["eval-depth", level, "--as", "alice", "--evidence", "e.md"],
        )
    };
    depth("None");
    // Overall 86.1, but eval-depth is at its worst: a condition, not READY.
    let table = report(d, &[]);
    ok(&table);
    assert!(
        table
            .stdout
            .contains("READY WITH CONDITIONS\n  why: 1 condition: eval-depth at its worst\n"),
        "{}",
        table.stdout
    );
    assert!(
        table.stdout.contains("At their worst:\n  - eval-depth"),
        "{}",
        table.stdout
    );
    let md = report(d, &["--format", "markdown"]);
    assert!(
        md.stdout.contains(
            "**Verdict: READY WITH CONDITIONS**\n\nWhy: 1 condition: eval-depth at its worst\n"
        ),
        "{}",
        md.stdout
    );
    depth("Spot-checked");
    let ready = report(d, &[]);
    assert!(ready.stdout.contains("  READY\n"), "{}", ready.stdout);
    assert!(!ready.stdout.contains("why:"), "{}", ready.stdout);
}

#[test]
fn table_report_off_a_terminal_has_no_ansi_escapes() {
    let dir = built();
    let r = report(dir.path(), &[]);
    ok(&r);
    assert!(!r.stdout.contains('\u{1b}'), "{:?}", r.stdout);
    assert!(r.stdout.contains("NOT READY"), "{}", r.stdout);
    assert!(r.stdout.contains("Core"), "{}", r.stdout);
    assert!(r.stdout.contains("below_floor"), "{}", r.stdout);
    let r = report(dir.path(), &["--format", "table"]);
    ok(&r);
    assert!(!r.stdout.contains('\u{1b}'), "{:?}", r.stdout);
}

// ─── JSON ─────────────────────────────────────────────────────────────────────────────────────

#[test]
fn json_report_has_every_key_spec_section_7_lists() {
    let dir = built();
    let v = json(dir.path(), &[]);
    for pointer in [
        "/schema_version",
        "/candidate/name",
        "/checklist/id",
        "/checklist/version",
        "/checklist/digest",
        "/checklist/source",
        "/as_of",
        "/verdict",
        "/overall/score",
        "/overall/coverage",
    ] {
        has(&v, pointer);
    }
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["candidate"]["name"], CANDIDATE);
    assert_eq!(v["checklist"]["id"], "small");
    assert_eq!(v["checklist"]["version"], "1.0.0");
    assert_eq!(v["checklist"]["digest"], common::small_digest().as_str());
    assert!(
        v["checklist"]["source"]
            .as_str()
            .unwrap()
            .ends_with("small.toml")
    );
    assert_eq!(v["as_of"], NOW);
    let verdict = v["verdict"].as_str().unwrap();
    assert!(
        ["ready", "ready_with_conditions", "not_ready", "incomplete"].contains(&verdict),
        "{verdict}"
    );
    assert_eq!(verdict, "not_ready");
    let overall = v["overall"]["score"].as_f64().unwrap();
    assert!((0.0..=100.0).contains(&overall), "{overall}");
    assert_eq!(v["overall"]["coverage"].as_f64(), Some(1.0));

    let dimensions = v["dimensions"].as_array().unwrap();
    assert_eq!(dimensions.len(), 2);
    for d in dimensions {
        for key in ["id", "title", "weight", "score", "coverage", "below_floor"] {
            assert!(d.get(key).is_some(), "dimension key {key} in {d:#}");
        }
    }
    assert_eq!(dimensions[1]["id"], "extra");
    assert_eq!(dimensions[1]["below_floor"], true);
    assert_eq!(dimensions[0]["below_floor"], false);

    let items = v["items"].as_array().unwrap();
    assert_eq!(items.len(), 6);
    for i in items {
        for key in [
            "id",
            "dimension",
            "kind",
            "weight",
            "applicable",
            "answered",
            "na",
            "score",
            "value",
            "gate_failed",
            "stale",
            "disagreement",
            "missing_evidence",
            "at_worst",
            "answers",
        ] {
            assert!(i.get(key).is_some(), "item key {key} in {i:#}");
        }
        for a in i["answers"].as_array().unwrap() {
            for key in ["by", "at", "note", "evidence"] {
                assert!(a.get(key).is_some(), "answer key {key} in {a:#}");
            }
            let has_value = a.get("value").is_some();
            let is_na = a.get("na") == Some(&Value::Bool(true));
            assert!(has_value != is_na, "value or na, not both: {a:#}");
        }
    }
    let licence = item(&v, "licence-ok");
    assert_eq!(licence["dimension"], "core");
    assert_eq!(licence["kind"], "yes_no");
    assert_eq!(licence["value"], true);
    assert_eq!(licence["score"].as_f64(), Some(1.0));
    assert_eq!(licence["gate_failed"], false);
    assert_eq!(licence["answers"][0]["by"], "alice");
    assert_eq!(licence["answers"][0]["note"], HOSTILE);
    assert_eq!(licence["answers"][0]["at"], NOW);

    let latency = item(&v, "latency");
    assert_eq!(latency["disagreement"], true, "N/A beside a value");
    assert_eq!(latency["at_worst"], true, "2000 ms is the item's worst");
    assert_eq!(item(&v, "licence-ok")["at_worst"], false);
    assert_eq!(latency["value"], 2000);
    assert_eq!(latency["score"].as_f64(), Some(0.0));
    let na_answer = &latency["answers"][0];
    assert_eq!(na_answer["by"], "alice");
    assert_eq!(na_answer["na"], true);
    assert!(na_answer.get("value").is_none());

    let eval = item(&v, "eval-depth");
    assert_eq!(
        eval["value"], "Spot-checked",
        "a scale answer is its level's text"
    );
    assert_eq!(eval["level"], 1);
    assert_eq!(eval["answers"][0]["value"], "Spot-checked");
    assert_eq!(eval["answers"][0]["level"], 1);
    assert_eq!(eval["missing_evidence"], false);
    assert!(licence.get("level").is_none(), "level only for scale items");
    assert_eq!(
        eval["answers"][0]["evidence"],
        serde_json::json!(["https://example.com/e|1", "evals/*run*.md"])
    );
    assert_eq!(item(&v, "summary")["score"], Value::Null);
    assert_eq!(item(&v, "summary")["value"], HOSTILE);

    for a in v["actions"].as_array().unwrap() {
        let kind = a["kind"].as_str().expect("actions have a kind");
        match kind {
            "below_floor" => assert!(a["dimension"].is_string(), "{a:#}"),
            "no_score" => {}
            _ => assert!(a["item"].is_string(), "{a:#}"),
        }
    }
    let acts = actions(&v);
    assert!(
        acts.contains(&("below_floor".into(), "extra".into())),
        "{acts:?}"
    );
    assert!(
        acts.contains(&("disagreement".into(), "latency".into())),
        "{acts:?}"
    );
    let at_worst = acts
        .iter()
        .position(|a| *a == ("at_worst".into(), "latency".into()));
    let disagreement = acts.iter().position(|a| a.0 == "disagreement");
    assert!(at_worst.is_some() && at_worst < disagreement, "{acts:?}");
    assert!(
        !acts.contains(&("improve".into(), "latency".into())),
        "an item at its worst is not also an improvement: {acts:?}"
    );
    assert!(
        acts.contains(&("improve".into(), "eval-depth".into())),
        "{acts:?}"
    );
}

#[test]
fn json_report_validates_against_weigh_schema_report() {
    let dir = built();
    let schema_run = weigh_in(dir.path(), &["schema", "report"]);
    ok(&schema_run);
    let schema: Value = serde_json::from_str(&schema_run.stdout).expect("the schema is JSON");
    let validator = jsonschema::draft7::new(&schema).expect("a valid draft-07 schema");
    let v = json(dir.path(), &[]);
    let errors: Vec<String> = validator
        .iter_errors(&v)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");

    // The schema has teeth: a report missing its verdict, or with a number for `as_of`, fails.
    let mut broken = v.clone();
    broken.as_object_mut().unwrap().remove("verdict");
    assert!(!validator.is_valid(&broken));
    let mut broken = v.clone();
    broken["as_of"] = serde_json::json!(5);
    assert!(!validator.is_valid(&broken));
    // Every enumeration is an `enum`, so a misspelt verdict, action or kind fails too.
    for (pointer, bad) in [
        ("/verdict", "readyish"),
        ("/actions/0/kind", "fix_it"),
        ("/items/0/kind", "boolean"),
    ] {
        let mut broken = v.clone();
        *broken.pointer_mut(pointer).expect(pointer) = serde_json::json!(bad);
        assert!(!validator.is_valid(&broken), "{pointer} = {bad}");
    }
    let defs = &schema["definitions"];
    for (name, values) in [
        (
            "JsonVerdict",
            &["ready", "ready_with_conditions", "not_ready", "incomplete"][..],
        ),
        (
            "JsonKind",
            &["yes_no", "scale", "choice", "number", "text"][..],
        ),
        (
            "JsonActionKind",
            &[
                "gate_failed",
                "unanswered",
                "stale",
                "missing_evidence",
                "at_worst",
                "disagreement",
                "below_floor",
                "no_score",
                "improve",
            ][..],
        ),
    ] {
        assert_eq!(defs[name]["enum"], serde_json::json!(values), "{name}");
    }
}

#[test]
fn json_as_of_is_utc_with_whole_seconds_and_follows_weigh_now() {
    let dir = built();
    let r = run(weigh(dir.path())
        .env("WEIGH_NOW", "2026-12-01T09:30:15.875+02:00")
        .args(["report", "a.toml", "--format", "json", "--checklist"])
        .arg(small()));
    ok(&r);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["as_of"], "2026-12-01T07:30:15Z");
}

#[test]
fn as_of_makes_an_old_answer_stale_in_json_and_actions() {
    let dir = built();
    let now = json(dir.path(), &[]);
    assert_eq!(item(&now, "eval-depth")["stale"], false);
    assert!(!actions(&now).iter().any(|(k, _)| k == "stale"));

    // eval-depth has max_age_days = 30; 2027-01-15 is 48 days later.
    let later = json(dir.path(), &["--as-of", "2027-01-15"]);
    assert_eq!(later["as_of"], "2027-01-15T00:00:00Z");
    assert_eq!(item(&later, "eval-depth")["stale"], true);
    assert!(
        actions(&later).contains(&("stale".into(), "eval-depth".into())),
        "{:?}",
        actions(&later)
    );
    // Items without max_age_days never go stale.
    assert_eq!(item(&later, "licence-ok")["stale"], false);

    // 30 days exactly is not more than 30 days.
    let edge = json(dir.path(), &["--as-of", "2026-12-28T20:00:00Z"]);
    assert_eq!(item(&edge, "eval-depth")["stale"], false);
    let past = json(dir.path(), &["--as-of", "2026-12-28T20:00:01Z"]);
    assert_eq!(item(&past, "eval-depth")["stale"], true);
}

#[test]
fn a_failed_gate_is_not_ready_with_gate_failed_first() {
    let dir = built();
    answer_ok(dir.path(), &["licence-ok", "no", "--as", "alice"]);
    answer_ok(dir.path(), &["licence-ok", "no", "--as", "ann*e <em>"]);
    let v = json(dir.path(), &[]);
    assert_eq!(v["verdict"], "not_ready");
    assert_eq!(item(&v, "licence-ok")["gate_failed"], true);
    assert_eq!(
        actions(&v).first(),
        Some(&("gate_failed".to_string(), "licence-ok".to_string()))
    );
}

// ─── Markdown ─────────────────────────────────────────────────────────────────────────────────

#[derive(Default)]
struct Markdown {
    h1: String,
    /// Table rows (header rows included), each a list of cell texts.
    rows: Vec<Vec<String>>,
    /// List items' own text (nested items are separate entries).
    items: Vec<String>,
    html: Vec<String>,
}

fn parse_markdown(text: &str) -> Markdown {
    let mut md = Markdown::default();
    let (mut in_h1, mut row, mut cell): (bool, Option<Vec<String>>, Option<String>) =
        (false, None, None);
    let mut item_stack: Vec<String> = Vec::new();
    for event in Parser::new_ext(text, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                in_h1 = level == pulldown_cmark::HeadingLevel::H1
            }
            Event::End(TagEnd::Heading(_)) => in_h1 = false,
            Event::Start(Tag::TableHead | Tag::TableRow) => row = Some(Vec::new()),
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                md.rows.extend(row.take());
            }
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                if let (Some(r), Some(c)) = (row.as_mut(), cell.take()) {
                    r.push(c);
                }
            }
            Event::Start(Tag::Item) => item_stack.push(String::new()),
            Event::End(TagEnd::Item) => md.items.extend(item_stack.pop()),
            Event::Html(h) | Event::InlineHtml(h) => md.html.push(h.to_string()),
            Event::Text(t) | Event::Code(t) => {
                if in_h1 {
                    md.h1.push_str(&t);
                }
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                } else if let Some(i) = item_stack.last_mut() {
                    i.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(i) = item_stack.last_mut() {
                    i.push(' ');
                }
            }
            _ => {}
        }
    }
    md
}

#[test]
fn markdown_report_keeps_hostile_text_verbatim_and_injects_no_html() {
    let dir = built();
    let r = report(dir.path(), &["--format", "markdown"]);
    ok(&r);
    let md = parse_markdown(&r.stdout);
    assert!(
        md.html.is_empty(),
        "HTML events: {:?}\n{}",
        md.html,
        r.stdout
    );
    assert_eq!(
        md.h1,
        format!("Readiness report: {CANDIDATE}"),
        "{}",
        r.stdout
    );

    // A table cell is one line: the newline becomes a space, everything else reads back as is.
    let flat = HOSTILE.replace('\n', " ");
    let rows: BTreeMap<&str, &Vec<String>> = md
        .rows
        .iter()
        .filter(|r| !r.is_empty())
        .map(|r| (r[0].as_str(), r))
        .collect();
    let header = rows.get("Item").expect("the items table");
    let answer_col = header
        .iter()
        .position(|c| c == "Answer")
        .expect("an Answer column");
    let summary = rows.get("summary").expect("a row for summary");
    assert_eq!(summary.len(), header.len(), "{summary:?}");
    assert_eq!(summary[answer_col], flat, "{}", r.stdout);
    let dims = rows.get("Dimension").expect("the dimensions table");
    assert_eq!(rows.get("Core").map(|r| r.len()), Some(dims.len()));

    // Notes, assessors and evidence in the answers list.
    let note = format!(": {flat}");
    assert!(
        md.items
            .iter()
            .any(|i| i.starts_with("alice answered") && i.ends_with(&note)),
        "{:#?}",
        md.items
    );
    assert!(
        md.items
            .iter()
            .any(|i| i.starts_with("ann*e <em> answered")),
        "{:#?}",
        md.items
    );
    assert!(
        md.items
            .iter()
            .any(|i| i == "evidence: https://example.com/e|1"),
        "{:#?}",
        md.items
    );
    assert!(
        md.items.iter().any(|i| i == "evidence: evals/*run*.md"),
        "{:#?}",
        md.items
    );
}

// ─── Output file ──────────────────────────────────────────────────────────────────────────────

#[test]
fn output_writes_the_file_and_nothing_to_stdout() {
    let dir = built();
    for (format, name) in [
        ("json", "out.json"),
        ("markdown", "out.md"),
        ("table", "out.txt"),
    ] {
        let to_stdout = report(dir.path(), &["--format", format]);
        ok(&to_stdout);
        let r = report(dir.path(), &["--format", format, "-o", name]);
        ok(&r);
        assert_eq!(r.stdout, "", "{format}");
        let written = std::fs::read_to_string(dir.path().join(name)).expect("the output file");
        assert_eq!(written, to_stdout.stdout, "{format}");
        assert!(!written.contains('\u{1b}'), "{format}");
    }
}

// ─── Bad files ────────────────────────────────────────────────────────────────────────────────

#[test]
fn a_missing_file_is_exit_2() {
    let dir = temp();
    let r = weigh_in(dir.path(), &["report", "nope.toml"]);
    refused(&r);
    assert!(r.stderr.contains("nope.toml"), "{}", r.stderr);
    assert_eq!(r.stdout, "");
}

#[test]
fn an_unreadable_file_is_exit_3() {
    use std::os::unix::fs::PermissionsExt;
    let dir = built();
    let file = dir.path().join("a.toml");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&file).is_ok() {
        eprintln!("skipped: running as root, a mode-000 file is still readable");
        return;
    }
    let r = report(dir.path(), &[]);
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert_exit(&r, 3);
    assert!(r.stderr.contains("a.toml"), "{}", r.stderr);
}

#[test]
fn a_folder_in_place_of_the_file_is_exit_3() {
    let dir = temp();
    std::fs::create_dir(dir.path().join("a.toml")).unwrap();
    let r = weigh_in(dir.path(), &["report", "a.toml"]);
    assert_exit(&r, 3);
    assert!(r.stderr.contains("a.toml"), "{}", r.stderr);
}

#[test]
fn an_assessment_naming_an_unknown_checklist_is_exit_2_with_the_checklist_hint() {
    let dir = temp();
    std::fs::write(
        dir.path().join("a.toml"),
        "schema_version = 1\n\n[assessment]\nchecklist = \"our-own\"\nchecklist_version = \"1.0.0\"\ncreated = 2026-11-28T20:00:00Z\n\n[candidate]\nname = \"M\"\n",
    )
    .unwrap();
    let r = weigh_in(dir.path(), &["report", "a.toml"]);
    refused(&r);
    assert!(r.stderr.contains("our-own"), "{}", r.stderr);
    assert!(r.stderr.contains("--checklist"), "{}", r.stderr);
    assert_eq!(r.stdout, "");
}

#[test]
fn an_invalid_as_of_is_exit_2() {
    let dir = built();
    let r = report(dir.path(), &["--as-of", "2027-01-15T00:00:00"]);
    refused(&r);
    assert_eq!(r.stdout, "");
}

#[test]
fn dash_reads_the_assessment_from_stdin() {
    let dir = built();
    let expected = json(dir.path(), &[]);
    let text = std::fs::read_to_string(dir.path().join("a.toml")).unwrap();
    let r = run(weigh(dir.path())
        .args(["report", "-", "--format", "json", "--checklist"])
        .arg(small())
        .write_stdin(text));
    ok(&r);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v, expected);
}

#[test]
fn output_into_a_missing_folder_is_exit_3() {
    let dir = built();
    let r = report(dir.path(), &["-o", "no/such/folder/out.md"]);
    assert_exit(&r, 3);
    assert_eq!(r.stdout, "");
}

#[test]
fn checklist_naming_another_checklist_than_the_files_is_exit_2() {
    let dir = built();
    let r = weigh_in(
        dir.path(),
        &["report", "a.toml", "--checklist", "quick-screen"],
    );
    refused(&r);
    assert!(r.stderr.contains("small"), "{}", r.stderr);
    assert_eq!(r.stdout, "");
}

#[test]
fn an_item_everyone_marked_na_is_na_without_score_or_staleness() {
    let dir = built();
    answer_ok(dir.path(), &["latency", "--na", "--as", "bob"]);
    let v = json(dir.path(), &["--as-of", "2030-01-01"]);
    let latency = item(&v, "latency");
    assert_eq!(latency["na"], true);
    assert_eq!(latency["answered"], true);
    assert_eq!(latency["score"], Value::Null);
    assert_eq!(latency["stale"], false);
    assert_eq!(latency["disagreement"], false);
    assert!(
        latency["answers"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["na"] == true && a.get("value").is_none())
    );
    // The extra dimension has nothing scored left: no score, not below the floor.
    let extra = &v["dimensions"][1];
    assert_eq!(extra["score"], Value::Null);
    assert_eq!(extra["below_floor"], false);
}

#[test]
fn markdown_shows_control_characters_escaped() {
    let dir = built();
    answer_ok(
        dir.path(),
        &["summary", "red \u{1b}[31malert", "--as", "bob"],
    );
    let r = report(dir.path(), &["--format", "markdown"]);
    ok(&r);
    assert!(!r.stdout.contains('\u{1b}'), "{:?}", r.stdout);
    let md = parse_markdown(&r.stdout);
    assert!(
        md.items
            .iter()
            .any(|i| i.starts_with("bob answered red \\u{1b}[31malert")),
        "{:#?}",
        md.items
    );
}

#[test]
fn a_builtin_checklists_source_is_builtin() {
    let dir = temp();
    start(
        dir.path(),
        "q.toml",
        "quick-screen",
        "Q",
        ["deploy-mode", "API"],
    );
    let r = weigh_in(dir.path(), &["report", "q.toml", "--format", "json"]);
    ok(&r);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["checklist"]["id"], "quick-screen");
    assert_eq!(v["checklist"]["source"], "builtin");
    assert_eq!(v["verdict"], "incomplete");
}
