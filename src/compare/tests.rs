//! The comparison view, table by table: alignment across checklist versions, best values,
//! `--only-differences`, labels, and the checklist check.

use super::testkit::{BODY, small, view};
use super::view::{Cell, CompareView, MISSING, RowKind, build};
use super::{Comparison, Options, SortBy, summarize};
use crate::checklist::Checklist;
use crate::score::testkit::{by_amy, checklist, int, no, yes};

fn push(
    c: &mut Comparison,
    list: &Checklist,
    name: &str,
    source: &str,
    answers: Vec<crate::assessment::Answer>,
    items: bool,
) {
    let v = view(list, name, answers);
    c.push(summarize(&v, source, items), list);
}

fn row<'a>(v: &'a CompareView, label: &str) -> &'a [Cell] {
    &v.rows
        .iter()
        .find(|r| r.label == label)
        .unwrap_or_else(|| {
            panic!(
                "no row {label}: {:?}",
                v.rows.iter().map(|r| &r.label).collect::<Vec<_>>()
            )
        })
        .cells
}

fn texts(cells: &[Cell]) -> Vec<&str> {
    cells.iter().map(|c| c.text.as_str()).collect()
}

fn best(cells: &[Cell]) -> Vec<bool> {
    cells.iter().map(|c| c.best).collect()
}

/// Two candidates of one checklist: a (licence yes, depth 3, 100 ms) and b (licence no, depth 1, 2000 ms).
fn two(items: bool) -> Comparison {
    let list = small();
    let mut c = Comparison::default();
    push(
        &mut c,
        &list,
        "A",
        "a.toml",
        by_amy([("licence", yes()), ("depth", int(3)), ("latency", int(100))]),
        items,
    );
    push(
        &mut c,
        &list,
        "B",
        "b.toml",
        by_amy([("licence", no()), ("depth", int(1)), ("latency", int(2000))]),
        items,
    );
    c
}

#[test]
fn rows_compare_verdict_scores_and_flags_with_the_best_marked() {
    let v = build(&two(false), Options::default());
    assert_eq!(texts(row(&v, "Verdict")), ["READY", "NOT READY"]);
    assert_eq!(best(row(&v, "Verdict")), [true, false]);
    assert_eq!(texts(row(&v, "Overall")), ["100.0", "8.3"]);
    assert_eq!(best(row(&v, "Overall")), [true, false]);
    assert_eq!(texts(row(&v, "Core")), ["100.0", "16.6"]);
    assert_eq!(texts(row(&v, "Failed gates")), ["none", "licence"]);
    assert_eq!(best(row(&v, "Failed gates")), [true, false]);
    // Extra: latency 2000 ms is at its worst.
    assert_eq!(
        texts(row(&v, "At their worst")),
        ["none", "licence, latency"]
    );
    assert_eq!(row(&v, "Extra")[1].flags, ["below floor"]);
    assert!(
        v.rows.iter().all(|r| r.label != "Stale answers"),
        "no candidate has stale answers"
    );
    assert!(v.notes[0].contains("stale answers"), "{:?}", v.notes);
}

#[test]
fn equal_values_are_not_marked_and_ties_for_best_all_are() {
    let list = small();
    let mut c = Comparison::default();
    let answers = || by_amy([("licence", yes()), ("depth", int(2)), ("latency", int(100))]);
    push(&mut c, &list, "A", "a.toml", answers(), false);
    push(&mut c, &list, "B", "b.toml", answers(), false);
    push(
        &mut c,
        &list,
        "C",
        "c.toml",
        by_amy([("licence", yes()), ("depth", int(0)), ("latency", int(100))]),
        false,
    );
    let v = build(&c, Options::default());
    assert_eq!(
        best(row(&v, "Extra")),
        [false, false, false],
        "every candidate scores 100"
    );
    assert_eq!(best(row(&v, "Core")), [true, true, false]);
}

#[test]
fn an_incomplete_candidate_is_not_marked_best_on_scores_beside_complete_ones() {
    let list = small();
    let mut c = Comparison::default();
    // A is complete but middling; B answered one item, perfectly: 100 over what it answered.
    push(
        &mut c,
        &list,
        "A",
        "a.toml",
        by_amy([
            ("licence", yes()),
            ("depth", int(1)),
            ("latency", int(1000)),
        ]),
        false,
    );
    push(
        &mut c,
        &list,
        "B",
        "b.toml",
        by_amy([("licence", yes())]),
        false,
    );
    let v = build(&c, Options::default());
    assert_eq!(texts(row(&v, "Verdict"))[1], "INCOMPLETE");
    assert_eq!(
        best(row(&v, "Overall")),
        [true, false],
        "B's 100 is over one item"
    );
    assert_eq!(best(row(&v, "Core")), [true, false]);
    assert_eq!(best(row(&v, "Coverage")), [true, false]);
    assert!(
        v.notes
            .iter()
            .any(|n| n.contains("INCOMPLETE candidate is not marked best")),
        "{:?}",
        v.notes
    );
    // Among incomplete candidates only, scores still compare.
    let mut c = Comparison::default();
    push(
        &mut c,
        &list,
        "B",
        "b.toml",
        by_amy([("licence", yes())]),
        false,
    );
    push(
        &mut c,
        &list,
        "C",
        "c.toml",
        by_amy([("latency", int(2000))]),
        false,
    );
    let v = build(&c, Options::default());
    assert_eq!(texts(row(&v, "Verdict")), ["INCOMPLETE", "INCOMPLETE"]);
    assert_eq!(best(row(&v, "Overall")), [true, false]);
}

#[test]
fn item_rows_show_the_short_answer_score_and_flags() {
    let v = build(
        &two(true),
        Options {
            items: true,
            only_differences: false,
        },
    );
    let depth = row(&v, "depth");
    assert_eq!(depth[0].text, "3: Automated");
    assert_eq!(depth[0].score, Some(100.0));
    assert_eq!(depth[1].text, "1: Spot-checked");
    let latency = row(&v, "latency");
    assert_eq!(texts(latency), ["100 ms", "2000 ms"]);
    assert_eq!(latency[1].flags, ["at its worst"]);
    assert_eq!(row(&v, "licence")[1].flags, ["gate failed", "at its worst"]);
    assert!(matches!(
        v.rows.last().map(|r| &r.kind),
        Some(RowKind::Item { .. })
    ));
}

#[test]
fn only_differences_keeps_rows_where_candidates_differ_and_says_how_many_it_hid() {
    let list = small();
    let mut c = Comparison::default();
    push(
        &mut c,
        &list,
        "A",
        "a.toml",
        by_amy([("licence", yes()), ("depth", int(3)), ("latency", int(100))]),
        true,
    );
    push(
        &mut c,
        &list,
        "B",
        "b.toml",
        by_amy([("licence", yes()), ("depth", int(1)), ("latency", int(100))]),
        true,
    );
    let all = build(
        &c,
        Options {
            items: true,
            only_differences: false,
        },
    );
    let v = build(
        &c,
        Options {
            items: true,
            only_differences: true,
        },
    );
    let labels: Vec<&str> = v.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, ["Overall", "Core", "depth"], "both are READY");
    let hidden = all.rows.len() - v.rows.len();
    assert!(
        v.notes
            .iter()
            .any(|n| n.starts_with(&format!("{hidden} rows where every candidate is the same"))),
        "{:?}",
        v.notes
    );
}

/// [`BODY`] at version 2.0.0: `latency` removed, `depth` kept, a new `safety` dimension with
/// `red-team`, and `owner` added between `licence` and `depth`.
fn version_two() -> Checklist {
    let body = BODY
        .replace("[[dimension]]\nid = \"extra\"\ntitle = \"Extra\"\n[[dimension.item]]\nid = \"latency\"\nquestion = \"Latency?\"\nkind = \"number\"\nunit = \"ms\"\nbest = 100\nworst = 2000\n", "[[dimension]]\nid = \"safety\"\ntitle = \"Safety\"\n[[dimension.item]]\nid = \"red-team\"\nquestion = \"Red-teamed?\"\nkind = \"yes_no\"\n")
        .replace("[[dimension.item]]\nid = \"depth\"", "[[dimension.item]]\nid = \"owner\"\nquestion = \"Owner named?\"\nkind = \"yes_no\"\n[[dimension.item]]\nid = \"depth\"");
    let mut list = checklist(&body);
    list.version = "2.0.0".into();
    list.digest = format!("{}-v2", list.digest);
    list
}

#[test]
fn versions_of_one_checklist_align_by_id_with_a_dash_where_a_version_lacks_the_row() {
    let (one, two) = (small(), version_two());
    assert!(two.item("owner").is_some() && two.item("latency").is_none());
    let mut c = Comparison::default();
    push(
        &mut c,
        &one,
        "Old",
        "old.toml",
        by_amy([("licence", yes()), ("depth", int(3)), ("latency", int(100))]),
        true,
    );
    push(
        &mut c,
        &two,
        "New",
        "new.toml",
        by_amy([
            ("licence", yes()),
            ("owner", yes()),
            ("depth", int(2)),
            ("red-team", yes()),
        ]),
        true,
    );
    let v = build(
        &c,
        Options {
            items: true,
            only_differences: false,
        },
    );
    assert_eq!(texts(row(&v, "Extra")), ["100.0", MISSING]);
    assert_eq!(texts(row(&v, "Safety")), [MISSING, "100.0"]);
    assert!(row(&v, "Safety")[0].missing);
    let items: Vec<&str> = v
        .rows
        .iter()
        .filter(|r| matches!(r.kind, RowKind::Item { .. }))
        .map(|r| r.label.as_str())
        .collect();
    assert_eq!(items, ["licence", "owner", "depth", "red-team", "latency"]);
    let dimensions: Vec<&str> = v
        .rows
        .iter()
        .filter(|r| matches!(r.kind, RowKind::Dimension { .. }))
        .map(|r| r.label.as_str())
        .collect();
    assert_eq!(
        dimensions,
        ["Core", "Safety", "Extra"],
        "a new dimension follows its predecessor"
    );
    assert_eq!(texts(row(&v, "owner")), [MISSING, "yes"]);
    assert_eq!(texts(row(&v, "latency")), ["100 ms", MISSING]);
    assert_eq!(
        texts(row(&v, "depth")),
        ["3: Automated", "2: Rubric on 100 representa…"]
    );
    assert!(
        v.notes
            .iter()
            .any(|n| n.contains("different versions of checklist t: 1.0.0 (Old); 2.0.0 (New)")),
        "{:?}",
        v.notes
    );
    assert!(
        v.notes.iter().any(|n| n.starts_with(MISSING)),
        "{:?}",
        v.notes
    );
    assert_eq!(v.columns[1].version, "2.0.0");
}

#[test]
fn candidates_that_share_a_name_are_labelled_by_their_file() {
    let list = small();
    let mut c = Comparison::default();
    for source in ["x/m.toml", "y/m.toml", "z.toml"] {
        let name = if source == "z.toml" { "Other" } else { "M" };
        push(
            &mut c,
            &list,
            name,
            source,
            by_amy([("licence", yes())]),
            false,
        );
    }
    let v = build(&c, Options::default());
    let labels: Vec<&str> = v.columns.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["x/m.toml", "y/m.toml", "Other"]);
    assert!(v.notes.iter().any(|n| n.contains("labelled by their file")));
}

#[test]
fn different_checklists_are_a_mismatch_naming_each_with_its_files() {
    let list = small();
    let mut other = small();
    other.id = "other".into();
    other.digest = "sha256:other".into();
    let mut c = Comparison::default();
    push(&mut c, &list, "A", "a.toml", Vec::new(), false);
    push(&mut c, &other, "B", "b.toml", Vec::new(), false);
    push(&mut c, &list, "C", "c.toml", Vec::new(), false);
    let m = c.mismatch().expect("a mismatch");
    assert_eq!(
        m.to_string(),
        "the candidates were scored against different checklists: `t` (a.toml, c.toml); `other` (b.toml)"
    );
    let mut same = two(false);
    assert!(same.mismatch().is_none());
    same.sort(SortBy::Name);
}

#[test]
fn sort_reorders_columns_stably() {
    let mut c = two(false);
    c.sort(SortBy::Score);
    assert_eq!(c.summaries[0].name, "A");
    c.sort(SortBy::Name);
    assert_eq!(c.summaries[0].name, "A");
    let list = small();
    push(
        &mut c,
        &list,
        "0-first",
        "z.toml",
        by_amy([("licence", no())]),
        false,
    );
    c.sort(SortBy::Name);
    let names: Vec<&str> = c.summaries.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["0-first", "A", "B"]);
    c.sort(SortBy::Verdict);
    let names: Vec<&str> = c.summaries.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        ["A", "B", "0-first"],
        "READY, then NOT READY by score"
    );
}

/// The verdict row's colours reach a terminal as colours: comfy-table writes the 16 colours in
/// their 256-colour form, which the terminal escaping once turned into literal `\u{1b}[38;5;11m`
/// text on every screen.
#[test]
fn the_table_colours_pass_the_terminal_escaping_as_colours() {
    let comparison = two(false);
    let v = build(&comparison, Options::default());
    let table = super::table::render(&v);
    assert!(table.contains("\u{1b}[38;5;"), "the verdicts are coloured");
    let shown = crate::text::for_terminal(&table);
    assert_eq!(shown, table);
    assert!(!shown.contains("\\u{1b}"), "{shown}");
}
