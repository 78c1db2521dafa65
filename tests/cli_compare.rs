//! `weigh compare` end to end: candidates as columns in every format, the best value marked,
//! `--items`, `--only-differences`, `--sort`, alignment across two versions of one checklist,
//! names shared by two candidates, different checklists, a bad file among good ones, the FMTI
//! 2025 index, and memory that does not grow with the number of files.

use std::path::{Path, PathBuf};

use serde_json::Value;

mod common;
use common::markdown::{self, row};
use common::{Run, assert_exit, ok, refused, run, small, small_arg, temp, weigh, weigh_in};

const AT: &str = "2026-11-20T00:00:00Z";

/// Writes an assessment of the small fixture checklist: (item, TOML value) answers by alice.
fn write(dir: &Path, file: &str, name: &str, answers: &[(&str, &str)]) -> PathBuf {
    let mut text = format!(
        "schema_version = 1\n\n[assessment]\nchecklist = \"small\"\nchecklist_version = \"1.0.0\"\ncreated = {AT}\n\n[candidate]\nname = {}\n",
        toml_string(name)
    );
    for (item, value) in answers {
        text.push_str(&format!(
            "\n[[answer]]\nitem = \"{item}\"\nby = \"alice\"\nvalue = {value}\nat = {AT}\n"
        ));
        if *item == "eval-depth" {
            text.push_str("evidence = [\"evals/run.md\"]\n");
        }
    }
    let path = dir.join(file);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Strong (READY, 97.3), Weak (a failed gate: NOT READY) and Partial (INCOMPLETE), in that order.
fn three(dir: &Path) -> Vec<String> {
    write(
        dir,
        "strong.toml",
        "Strong",
        &[
            ("licence-ok", "true"),
            ("eval-depth", "3"),
            ("deploy", "\"API\""),
            ("latency", "150"),
        ],
    );
    write(
        dir,
        "weak.toml",
        "Weak",
        &[
            ("licence-ok", "false"),
            ("eval-depth", "1"),
            ("deploy", "\"API\""),
            ("latency", "900"),
        ],
    );
    write(dir, "partial.toml", "Partial", &[("licence-ok", "true")]);
    ["strong.toml", "weak.toml", "partial.toml"]
        .map(String::from)
        .to_vec()
}

/// `weigh compare FILES… ARGS… --checklist small.toml` in `dir`.
fn compare(dir: &Path, files: &[String], args: &[&str]) -> Run {
    let small = small_arg();
    let mut all: Vec<&str> = vec!["compare"];
    all.extend(files.iter().map(String::as_str));
    all.extend_from_slice(args);
    all.extend_from_slice(&["--checklist", &small]);
    weigh_in(dir, &all)
}

fn json(r: &Run) -> Value {
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

fn names(v: &Value) -> Vec<String> {
    v["candidates"]
        .as_array()
        .expect("candidates[]")
        .iter()
        .map(|c| c["candidate"]["name"].as_str().unwrap().to_string())
        .collect()
}

/// The position of each text in `out`, asserting each is there.
fn positions(out: &str, texts: &[&str]) -> Vec<usize> {
    texts
        .iter()
        .map(|t| out.find(t).unwrap_or_else(|| panic!("{t:?} not in\n{out}")))
        .collect()
}

fn is_sorted(v: &[usize]) -> bool {
    v.windows(2).all(|w| w[0] < w[1])
}

// ─── Formats ──────────────────────────────────────────────────────────────────────────────────

#[test]
fn table_puts_candidates_side_by_side_in_the_order_given_with_a_bar_per_dimension() {
    let dir = temp();
    let files = three(dir.path());
    let r = compare(dir.path(), &files, &[]);
    ok(&r);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    let out = &r.stdout;
    assert!(
        out.starts_with("Comparing 3 candidates · checklist small\n"),
        "{out}"
    );
    let header = out
        .lines()
        .find(|l| l.contains("Strong"))
        .expect("a header");
    assert!(
        is_sorted(&positions(header, &["Strong", "Weak", "Partial"])),
        "{header}"
    );
    let verdicts = out
        .lines()
        .find(|l| l.contains("Verdict"))
        .expect("a verdict row");
    assert!(
        is_sorted(&positions(verdicts, &["READY", "NOT READY", "INCOMPLETE"])),
        "{verdicts}"
    );
    let core = out
        .lines()
        .find(|l| l.contains("│ Core"))
        .expect("a Core row");
    assert!(core.contains('█') && core.contains('░'), "a bar: {core}");
    assert!(
        out.contains("Failed gates") && out.contains("licence-ok"),
        "{out}"
    );
    assert!(
        !out.contains('\u{1b}'),
        "no escapes off a terminal: {out:?}"
    );
}

#[test]
fn the_best_value_in_a_row_is_bold_where_colour_is_on_and_plain_otherwise() {
    let dir = temp();
    let files = three(dir.path());
    let small = small_arg();
    let mut args = vec!["compare"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--checklist", &small]);
    let forced = run(weigh(dir.path())
        .env_remove("NO_COLOR")
        .env("CLICOLOR_FORCE", "1")
        .args(&args));
    ok(&forced);
    let verdicts = forced
        .stdout
        .lines()
        .find(|l| l.contains("Verdict"))
        .expect("a verdict row");
    let bold = verdicts.find("\u{1b}[1m").expect("a bold cell");
    let ready = verdicts.find("READY").expect("READY");
    let not_ready = verdicts.find("NOT READY").expect("NOT READY");
    assert!(
        bold < ready && ready < not_ready,
        "only Strong's READY is bold: {verdicts:?}"
    );
    assert_eq!(verdicts.matches("\u{1b}[1m").count(), 1, "{verdicts:?}");
    assert!(
        verdicts.contains("\u{1b}[38;5;") && !verdicts.contains("\\u{1b}"),
        "verdicts in colour, not as escaped text: {verdicts:?}"
    );
    let plain = run(weigh(dir.path()).env_remove("CLICOLOR_FORCE").args(&args));
    assert!(!plain.stdout.contains('\u{1b}'), "{:?}", plain.stdout);
}

#[test]
fn markdown_is_one_gfm_table_with_the_best_in_bold_whatever_the_names_contain() {
    let dir = temp();
    let mut files = three(dir.path());
    let hostile = "# Evil | <b>x</b> *y* `z` [l](u) \\ &amp; ~s~";
    write(dir.path(), "evil.toml", hostile, &[("licence-ok", "true")]);
    files.push("evil.toml".into());
    let r = compare(dir.path(), &files, &["--format", "markdown"]);
    ok(&r);
    let md = markdown::parse(&r.stdout);
    assert!(md.html.is_empty(), "HTML: {:?}\n{}", md.html, r.stdout);
    assert_eq!(md.headings, ["Comparison: Small test checklist (small)"]);
    let table = &md.tables[0];
    let header = &table[0];
    assert_eq!(header.len(), 5, "{header:?}");
    assert_eq!(header[4], hostile, "the name reads back verbatim");
    assert!(table.iter().all(|r| r.len() == 5), "{table:#?}");
    assert_eq!(row(table, "Verdict")[1], "READY");
    assert!(md.strong.iter().any(|s| s == "READY"), "{:?}", md.strong);
    assert!(
        r.stdout
            .contains("| **READY** | NOT READY | INCOMPLETE | INCOMPLETE |"),
        "{}",
        r.stdout
    );
}

#[test]
fn json_is_one_report_per_candidate_in_the_order_given_valid_against_schema_compare() {
    let dir = temp();
    let files = three(dir.path());
    let r = compare(dir.path(), &files, &["--format", "json"]);
    ok(&r);
    let v = json(&r);
    assert_eq!(v["schema_version"], 1);
    assert_eq!(names(&v), ["Strong", "Weak", "Partial"]);
    let verdicts: Vec<&str> = v["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["verdict"].as_str().unwrap())
        .collect();
    assert_eq!(verdicts, ["ready", "not_ready", "incomplete"]);
    // Each candidate is exactly its `weigh report --format json`.
    let report = weigh_in(
        dir.path(),
        &[
            "report",
            "weak.toml",
            "--format",
            "json",
            "--checklist",
            &small_arg(),
        ],
    );
    ok(&report);
    assert_eq!(v["candidates"][1], json(&report));
    let errors = common::schema::errors("compare", &v);
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn output_writes_the_comparison_to_a_file_without_styles() {
    let dir = temp();
    let files = three(dir.path());
    for (format, out) in [("table", "c.txt"), ("json", "c.json")] {
        let r = compare(dir.path(), &files, &["--format", format, "-o", out]);
        ok(&r);
        assert!(r.stdout.is_empty(), "{}", r.stdout);
        let text = std::fs::read_to_string(dir.path().join(out)).unwrap();
        assert!(
            text.contains("Strong") && !text.contains('\u{1b}'),
            "{text}"
        );
    }
    let text = std::fs::read_to_string(dir.path().join("c.json")).unwrap();
    assert_eq!(
        names(&serde_json::from_str(&text).unwrap()),
        ["Strong", "Weak", "Partial"]
    );
}

/// More than five candidates become a leaderboard, printed table by table as each is rendered:
/// on a terminal in colour (never as escaped text), in a file the same text without styles.
#[test]
fn a_leaderboard_reads_the_same_on_stdout_and_in_a_file() {
    let dir = temp();
    let mut files = three(dir.path());
    for n in 0..4 {
        let file = format!("more-{n}.toml");
        write(
            dir.path(),
            &file,
            &format!("More {n}"),
            &[("licence-ok", "true")],
        );
        files.push(file);
    }
    let small = small_arg();
    let mut args = vec!["compare"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--checklist", &small]);
    let forced = run(weigh(dir.path())
        .env_remove("NO_COLOR")
        .env("CLICOLOR_FORCE", "1")
        .args(&args));
    ok(&forced);
    assert!(
        forced.stdout.contains("Comparing 7 candidates"),
        "{}",
        forced.stdout
    );
    assert!(forced.stdout.contains("\u{1b}[38;5;"), "{}", forced.stdout);
    assert!(!forced.stdout.contains("\\u{1b}"), "{}", forced.stdout);
    args.extend(["-o", "board.txt"]);
    ok(&run(weigh(dir.path()).args(&args)));
    let file = std::fs::read_to_string(dir.path().join("board.txt")).unwrap();
    assert_eq!(
        file,
        anstream::adapter::strip_str(&forced.stdout).to_string()
    );
}

// ─── Rows ─────────────────────────────────────────────────────────────────────────────────────

#[test]
fn items_add_a_row_per_item_with_the_answer_score_and_flags() {
    let dir = temp();
    let files = three(dir.path());
    let r = compare(dir.path(), &files, &["--items", "--format", "markdown"]);
    ok(&r);
    let md = markdown::parse(&r.stdout);
    let table = &md.tables[0];
    assert_eq!(
        row(table, "eval-depth")[1..],
        [
            "3: Automated · 100.0",
            "1: Spot-checked · 33.3",
            "unanswered"
        ]
    );
    assert_eq!(
        row(table, "licence-ok")[2],
        "no · 0.0 · gate failed · at its worst"
    );
    assert_eq!(row(table, "latency")[1], "150 ms · 97.3");
    assert_eq!(row(table, "gpu-count")[1], "does not apply");
    let plain = compare(dir.path(), &files, &["--format", "markdown"]);
    assert!(
        !plain.stdout.contains("eval-depth |"),
        "no item rows without --items"
    );
}

#[test]
fn only_differences_hides_the_rows_where_every_candidate_is_the_same() {
    let dir = temp();
    let a = [
        ("licence-ok", "true"),
        ("eval-depth", "3"),
        ("deploy", "\"API\""),
    ];
    write(
        dir.path(),
        "a.toml",
        "A",
        &[&a[..], &[("latency", "150")]].concat(),
    );
    write(
        dir.path(),
        "b.toml",
        "B",
        &[&a[..], &[("latency", "1000")]].concat(),
    );
    let files = vec!["a.toml".to_string(), "b.toml".to_string()];
    let all = compare(dir.path(), &files, &["--items", "--format", "markdown"]);
    let only = compare(
        dir.path(),
        &files,
        &["--items", "--only-differences", "--format", "markdown"],
    );
    ok(&only);
    let labels = |r: &Run| -> Vec<String> {
        markdown::parse(&r.stdout).tables[0][1..]
            .iter()
            .map(|row| row[0].clone())
            .collect()
    };
    assert!(labels(&all).contains(&"licence-ok".to_string()));
    assert_eq!(
        labels(&only),
        ["Verdict", "Why", "Overall", "Extra", "latency"],
        "{}",
        only.stdout
    );
    let hidden = labels(&all).len() - 5;
    assert!(
        only.stdout.contains(&format!(
            "{hidden} rows where every candidate is the same are not shown"
        )),
        "{}",
        only.stdout
    );
}

#[test]
fn sort_orders_candidates_by_score_verdict_or_name_in_table_and_json() {
    let dir = temp();
    let files = three(dir.path());
    let cases = [
        ("score", ["Partial", "Strong", "Weak"]),
        ("verdict", ["Strong", "Partial", "Weak"]),
        ("name", ["Partial", "Strong", "Weak"]),
    ];
    for (key, want) in cases {
        let r = compare(dir.path(), &files, &["--format", "json", "--sort", key]);
        ok(&r);
        assert_eq!(names(&json(&r)), want, "--sort {key}");
        let t = compare(dir.path(), &files, &["--sort", key]);
        let header = t
            .stdout
            .lines()
            .find(|l| l.contains("Strong"))
            .unwrap()
            .to_string();
        assert!(
            is_sorted(&positions(&header, &want)),
            "--sort {key}: {header}"
        );
    }
}

// ─── Checklists ───────────────────────────────────────────────────────────────────────────────

/// A project in `dir` whose `checklists/` holds `checklist`.
fn project(dir: &Path, checklist: &str) {
    std::fs::create_dir_all(dir.join("checklists")).unwrap();
    std::fs::write(dir.join("weigh.toml"), "schema_version = 1\n").unwrap();
    std::fs::write(dir.join("checklists/small.toml"), checklist).unwrap();
}

#[test]
fn two_versions_of_one_checklist_line_up_by_item_id_with_a_dash_for_what_one_lacks() {
    let dir = temp();
    let d = dir.path();
    let v1 = std::fs::read_to_string(small()).unwrap();
    // 1.1.0 drops `latency` and adds `red-team` to `core`.
    let v2 = v1
        .replace("version = \"1.0.0\"", "version = \"1.1.0\"")
        .replace(
            "[[dimension.item]]\nid = \"latency\"\nquestion = \"Median latency at your load?\"\nkind = \"number\"\nunit = \"ms\"\nbest = 100\nworst = 2000\nna_allowed = true\n",
            "",
        )
        .replace(
            "[[dimension]]\nid = \"extra\"",
            "[[dimension.item]]\nid = \"red-team\"\nquestion = \"Red-teamed?\"\nkind = \"yes_no\"\n\n[[dimension]]\nid = \"extra\"",
        );
    assert!(v2.contains("red-team") && !v2.contains("latency"), "{v2}");
    project(&d.join("one"), &v1);
    project(&d.join("two"), &v2);
    let answers = [
        ("licence-ok", "true"),
        ("eval-depth", "3"),
        ("deploy", "\"API\""),
    ];
    write(
        d,
        "one/a.toml",
        "Old",
        &[&answers[..], &[("latency", "150")]].concat(),
    );
    write(
        d,
        "two/b.toml",
        "New",
        &[&answers[..], &[("red-team", "true")]].concat(),
    );
    let r = weigh_in(
        d,
        &[
            "compare",
            "one/a.toml",
            "two/b.toml",
            "--items",
            "--format",
            "markdown",
        ],
    );
    ok(&r);
    let table = &markdown::parse(&r.stdout).tables[0];
    assert_eq!(row(table, "latency")[1..], ["150 ms · 97.3", "—"]);
    assert_eq!(row(table, "red-team")[1..], ["—", "yes · 100.0"]);
    assert_eq!(
        row(table, "eval-depth")[1..],
        ["3: Automated · 100.0", "3: Automated · 100.0"]
    );
    assert!(
        r.stdout
            .contains("different versions of checklist small: 1.0.0 (Old); 1.1.0 (New)"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("— marks a dimension or item"),
        "{}",
        r.stdout
    );
}

#[test]
fn assessments_of_different_checklists_are_refused_naming_each_checklist_and_file() {
    let dir = temp();
    let d = dir.path();
    write(d, "a.toml", "A", &[("licence-ok", "true")]);
    let quick = "schema_version = 1\n\n[assessment]\nchecklist = \"quick-screen\"\nchecklist_version = \"1.0.0\"\ncreated = 2026-11-20T00:00:00Z\n\n[candidate]\nname = \"Q\"\n";
    std::fs::write(d.join("q.toml"), quick).unwrap();
    project(d, &std::fs::read_to_string(small()).unwrap());
    let r = weigh_in(d, &["compare", "a.toml", "q.toml"]);
    refused(&r);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    assert!(
        r.stderr
            .contains("different checklists: `small` (a.toml); `quick-screen` (q.toml)"),
        "{}",
        r.stderr
    );
    // JSON streams: the odd one out is left out and named.
    let j = weigh_in(d, &["compare", "a.toml", "q.toml", "--format", "json"]);
    refused(&j);
    assert_eq!(names(&json(&j)), ["A"]);
    assert!(
        j.stderr
            .contains("q.toml is scored against checklist `quick-screen`"),
        "{}",
        j.stderr
    );
}

#[test]
fn candidates_that_share_a_name_are_labelled_by_their_file() {
    let dir = temp();
    write(dir.path(), "x/m.toml", "Same", &[("licence-ok", "true")]);
    write(dir.path(), "y/m.toml", "Same", &[("licence-ok", "false")]);
    let files = vec!["x/m.toml".to_string(), "y/m.toml".to_string()];
    let r = compare(dir.path(), &files, &["--format", "markdown"]);
    ok(&r);
    let header = &markdown::parse(&r.stdout).tables[0][0];
    assert_eq!(header[1..], ["x/m.toml", "y/m.toml"]);
}

// ─── Bad input ────────────────────────────────────────────────────────────────────────────────

#[test]
fn a_file_that_fails_to_load_is_reported_and_the_others_are_still_compared() {
    let dir = temp();
    let mut files = three(dir.path());
    std::fs::write(
        dir.path().join("broken.toml"),
        "schema_version = 1\n[assessment]\nchecklist = \"small\"\nchecklist_version = \"1.0.0\"\ncreated = 2026-11-20T00:00:00Z\n[candidate]\nname = \"B\"\nbogus = 3\n",
    )
    .unwrap();
    files.insert(1, "broken.toml".into());
    files.push("missing.toml".into());
    for format in ["table", "markdown", "json"] {
        let r = compare(dir.path(), &files, &["--format", format]);
        assert_exit(&r, 2);
        assert!(
            r.stderr.contains("broken.toml:8:1"),
            "{format}: {}",
            r.stderr
        );
        assert!(r.stderr.contains("bogus"), "{format}: {}", r.stderr);
        assert!(
            r.stderr.contains("missing.toml: no such file"),
            "{format}: {}",
            r.stderr
        );
        for name in ["Strong", "Weak", "Partial"] {
            assert!(r.stdout.contains(name), "{format}: {name} in {}", r.stdout);
        }
    }
    let j = compare(dir.path(), &files, &["--format", "json"]);
    assert_eq!(names(&json(&j)), ["Strong", "Weak", "Partial"]);
}

#[test]
fn a_bad_sort_key_or_no_file_is_a_usage_error() {
    let dir = temp();
    refused(&weigh_in(dir.path(), &["compare"]));
    let files = three(dir.path());
    refused(&compare(dir.path(), &files, &["--sort", "size"]));
}

// ─── FMTI 2025 ────────────────────────────────────────────────────────────────────────────────

#[test]
fn comparing_the_fmti_2025_developers_gives_a_readable_table_and_json_with_the_published_totals() {
    let dir = temp();
    let (checklist, files) = common::fmti::write_files(dir.path());
    let checklist = checklist.display().to_string();
    let mut args: Vec<String> = vec!["compare".into()];
    args.extend(files.iter().map(|f| f.display().to_string()));
    args.extend(["--checklist".into(), checklist]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();

    let j = weigh_in(dir.path(), &[&args[..], &["--format", "json"]].concat());
    ok(&j);
    let v = json(&j);
    let got: Vec<(String, f64)> = v["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let name = c["candidate"]["name"].as_str().unwrap().to_string();
            (name, c["overall"]["score"].as_f64().unwrap())
        })
        .collect();
    let want: Vec<(String, f64)> = common::fmti::PUBLISHED_TOTALS
        .iter()
        .map(|(d, t)| (d.to_string(), f64::from(*t)))
        .collect();
    assert_eq!(got, want, "published totals, in the order given");

    // Readable: 13 candidates become one line each, with the published total and a bar.
    let t = weigh_in(dir.path(), &args);
    ok(&t);
    assert!(
        t.stdout
            .starts_with("Comparing 13 candidates · checklist fmti-2025\n")
    );
    let mut last = 0;
    for (developer, total) in common::fmti::PUBLISHED_TOTALS {
        let line = t
            .stdout
            .lines()
            .find(|l| l.starts_with(&format!("│ {developer} ")))
            .unwrap_or_else(|| panic!("a line for {developer}:\n{}", t.stdout));
        assert!(
            line.contains(&format!("{total}.0 █")) || line.contains(&format!("{total}.0 ░")),
            "{line}"
        );
        let at = t.stdout.find(line).unwrap();
        assert!(at > last, "{developer} in the order given");
        last = at;
    }
    let widest = t
        .stdout
        .lines()
        .filter(|l| l.starts_with('│'))
        .map(|l| l.chars().count())
        .max();
    assert!(widest <= Some(100), "fits 100 columns:\n{}", t.stdout);
    assert!(t.stdout.contains("IBM        ┆ READY "), "{}", t.stdout);
}

// ─── Memory ───────────────────────────────────────────────────────────────────────────────────

/// Peak resident memory, in KiB, of `weigh compare` over `n` copies of an example assessment.
fn peak_kib(dir: &Path, n: usize, format: &str) -> Option<u64> {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        return None;
    }
    let example =
        std::fs::read_to_string(common::root().join("examples/qwen3-235b-a22b.toml")).unwrap();
    let folder = dir.join(n.to_string());
    std::fs::create_dir_all(&folder).unwrap();
    let mut args = vec![
        "-f".to_string(),
        "%M".to_string(),
        env!("CARGO_BIN_EXE_weigh").to_string(),
        "compare".into(),
    ];
    for i in 0..n {
        let path = folder.join(format!("c{i}.toml"));
        let named = example.replacen("name = \"", &format!("name = \"{i} "), 1);
        std::fs::write(&path, named).unwrap();
        args.push(path.display().to_string());
    }
    args.extend([
        "--format".into(),
        format.into(),
        "-o".into(),
        dir.join(format!("out-{n}")).display().to_string(),
    ]);
    let mut cmd = common::repo::hermetic("/usr/bin/time", dir);
    let out = cmd.args(&args).current_dir(dir).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    stderr.lines().last()?.trim().parse().ok()
}

#[test]
fn memory_does_not_grow_with_the_number_of_files_beyond_the_summaries() {
    let dir = temp();
    // A file's assessment and JSON report take over 40 KiB each; what a comparison keeps of a
    // candidate (its summary, its cells in the view, its line of output) a few KiB.
    for (format, per_file_kib) in [("json", 0), ("markdown", 10), ("table", 10)] {
        let (Some(few), Some(many)) = (
            peak_kib(dir.path(), 30, format),
            peak_kib(dir.path(), 300, format),
        ) else {
            eprintln!("/usr/bin/time is not installed; skipping the measurement");
            return;
        };
        let allowed = 2048 + 270 * per_file_kib;
        assert!(
            many < few + allowed,
            "{format}: peak {few} KiB for 30 files, {many} KiB for 300 (allowed growth {allowed} KiB)"
        );
    }
}

#[test]
fn control_characters_in_answers_reach_the_terminal_escaped() {
    let dir = temp();
    let evil = toml_string("Evil\u{1b}[2J");
    write(
        dir.path(),
        "a.toml",
        "A",
        &[("licence-ok", "true"), ("summary", &evil)],
    );
    write(dir.path(), "b.toml", "B", &[("licence-ok", "false")]);
    let files = vec!["a.toml".to_string(), "b.toml".to_string()];
    let table = compare(dir.path(), &files, &["--items"]);
    ok(&table);
    assert!(!table.stdout.contains('\u{1b}'), "{:?}", table.stdout);
    assert!(table.stdout.contains("Evil\\u{1b}[2J"), "{}", table.stdout);
    let md = compare(dir.path(), &files, &["--items", "--format", "markdown"]);
    ok(&md);
    assert!(!md.stdout.contains('\u{1b}'), "{:?}", md.stdout);
    let parsed = markdown::parse(&md.stdout);
    assert_eq!(row(&parsed.tables[0], "summary")[1], "Evil\\u{1b}[2J");
}
