//! `weigh report --format html` as raw HTML (SPEC §7): one self-contained page with the verdict
//! badge, the bar chart, gates, conditions, disagreements, actions and every item; inert
//! whatever the checklist and the assessment contain; the same bytes for the same input; and
//! `--format html` refused by the commands that have no HTML output. `tests/browser.rs` checks
//! the same pages in a real browser.

use serde_json::Value;
use weigh::num::one_decimal;

mod common;
mod htmlcheck;
use common::{ok, refused, root, run, temp, weigh, weigh_in};
use htmlcheck::hostile::{
    GOOD_EVIDENCE, HOSTILE_ASSESSOR, HOSTILE_NAME, HOSTILE_NOTE, hostile_html,
};
use htmlcheck::{
    assert_comparison_charts, assert_inert, assert_report_charts, heat_cells, heat_rows, parse,
};

/// The example assessments and their verdict words.
const EXAMPLES: [(&str, &str); 4] = [
    ("qwen3-235b-a22b.toml", "READY WITH CONDITIONS"),
    ("deepseek-v3.toml", "NOT READY"),
    ("llama-3.1-405b.toml", "INCOMPLETE"),
    ("gpt-oss-120b-screen.toml", "READY"),
];

/// `weigh report FILE --format FORMAT --as-of 2026-11-20` from the crate root.
fn example_report(name: &str, format: &str) -> String {
    let file = root().join("examples").join(name);
    let r = run(weigh(&root()).args([
        "report",
        &file.display().to_string(),
        "--format",
        format,
        "--as-of",
        "2026-11-20",
    ]));
    ok(&r);
    assert!(r.stderr.is_empty(), "warnings: {}", r.stderr);
    r.stdout
}

/// The example's HTML report.
fn example_html(name: &str) -> String {
    example_report(name, "html")
}

/// The example's JSON report, which says what the page must show.
fn example_json(name: &str) -> Value {
    serde_json::from_str(&example_report(name, "json")).expect("the JSON report")
}

#[test]
fn examples_render_as_self_contained_pages_with_badge_chart_and_items() {
    for (name, verdict) in EXAMPLES {
        let html = example_html(name);
        assert_inert(&html, name);
        let json = example_json(name);
        let page = parse(&html);
        let badge: Vec<_> = page.with_class("div", "badge").collect();
        assert_eq!(badge.len(), 1, "{name}: one verdict badge");
        let word = page.with_class("span", "badge-word").count();
        assert!(
            word == 1 && page.text.contains(verdict),
            "{name}: the verdict's word"
        );
        match verdict {
            "READY" => assert!(page.text.contains("Nothing stands between"), "{name}"),
            _ => assert!(page.text.contains("Why: "), "{name}: the one-line reason"),
        }
        let dimensions = json["dimensions"].as_array().unwrap().len();
        let levels = assert_report_charts(&page, dimensions, name);
        assert_eq!(levels.len(), dimensions + 1, "{name}");
        // Every item is a card with its id as the anchor.
        let cards: Vec<&str> = page
            .with_class("article", "item")
            .filter_map(|a| a.attr("id"))
            .collect();
        let items: Vec<String> = json["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| format!("item-{}", i["id"].as_str().unwrap()))
            .collect();
        assert_eq!(cards, items, "{name}");
        for heading in [
            "Scores",
            "Gates",
            "Conditions",
            "Disagreements",
            "Actions",
            "Items",
        ] {
            assert!(
                html.contains(&format!(">{heading}</h2>")),
                "{name}: {heading}"
            );
        }
        assert!(
            page.named("th").count() > page.named("table").count(),
            "{name}: tables have header cells"
        );
    }
}

#[test]
fn the_chart_shows_each_dimension_against_the_thresholds() {
    // deepseek-v3: safety is below the floor; the overall and the other two dimensions are
    // between the floor and READY.
    let name = "deepseek-v3.toml";
    let json = example_json(name);
    let page = parse(&example_html(name));
    let levels = assert_report_charts(&page, 3, name);
    assert_eq!(levels, ["fair", "fair", "fair", "poor"]);
    for d in json["dimensions"].as_array().unwrap() {
        let mut shown = one_decimal(d["score"].as_f64().unwrap());
        if d["below_floor"] == true {
            shown.push_str(" · below floor");
        }
        assert!(page.text.contains(&shown), "the bar says {shown} in words");
    }
    assert!(page.text.contains("ready 80") && page.text.contains("floor 60"));
    let hatch = page.with_class("rect", "hatch").count();
    assert_eq!(hatch, 1, "the bar below the floor is hatched, not only red");
}

#[test]
fn the_page_reads_on_phones_and_on_paper() {
    let html = example_html("qwen3-235b-a22b.toml");
    let page = parse(&html);
    let viewport = page
        .named("meta")
        .find(|m| m.attr("name") == Some("viewport"))
        .and_then(|m| m.attr("content"));
    assert_eq!(viewport, Some("width=device-width, initial-scale=1"));
    assert!(page.styles.contains("@media (max-width:"), "a phone layout");
    let print = page
        .styles
        .split("@media print")
        .nth(1)
        .expect("a print stylesheet");
    assert!(
        print.contains("print-color-adjust: exact"),
        "colours kept on paper"
    );
    assert!(print.contains("attr(href)"), "links written out on paper");
    // Charts scale with the page: a view box, no fixed pixel size.
    for svg in page.with_class("svg", "bars") {
        assert!(svg.attr("viewbox").is_some() && svg.attr("width").is_none());
    }
}

#[test]
fn the_same_assessment_gives_the_same_bytes() {
    assert_eq!(
        example_html("llama-3.1-405b.toml"),
        example_html("llama-3.1-405b.toml")
    );
}

#[test]
fn html_goes_to_a_file_with_dash_o() {
    let dir = temp();
    let out = dir.path().join("report.html");
    let file = root().join("examples/qwen3-235b-a22b.toml");
    let r = run(weigh(&root()).args([
        "report",
        &file.display().to_string(),
        "--format",
        "html",
        "-o",
        &out.display().to_string(),
    ]));
    ok(&r);
    assert!(r.stdout.is_empty());
    let html = std::fs::read_to_string(&out).expect("the report file");
    assert!(html.starts_with("<!DOCTYPE html>"));
}

#[test]
fn commands_without_html_output_refuse_it() {
    let dir = temp();
    let r = weigh_in(
        dir.path(),
        &["checklist", "show", "quick-screen", "--format", "html"],
    );
    refused(&r);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains("has no HTML output"), "{}", r.stderr);
    assert!(
        r.stderr.contains("--format table, markdown or json"),
        "{}",
        r.stderr
    );
}

// ─── Hostile text ─────────────────────────────────────────────────────────────────────────────

#[test]
fn hostile_notes_names_evidence_and_checklist_text_come_out_inert() {
    let dir = temp();
    let html = hostile_html(dir.path());
    assert_inert(&html, "the hostile report");
    let page = parse(&html);
    // Shown as text, not dropped: a reader sees exactly what was written.
    for shown in [
        HOSTILE_NOTE,
        HOSTILE_NAME,
        HOSTILE_ASSESSOR,
        "</td><script>alert('question')</script>",
        "\"><svg onload=alert('dimension')>",
        "<script>alert('description')</script>",
        "<b onmouseover=alert('level')>none</b>",
        "javascript:alert('evidence')",
        "javascript:alert('reference')",
    ] {
        assert!(page.text.contains(shown), "not shown as text: {shown}");
    }
    let links: Vec<&str> = page.named("a").filter_map(|a| a.attr("href")).collect();
    for good in GOOD_EVIDENCE.iter().chain(&[
        "https://example.com/reference",
        "https://example.com/docs",
        "docs/guide.md",
    ]) {
        assert!(links.contains(good), "{good} is a link: {links:?}");
    }
    // An image in Markdown is never loaded (assert_inert: no <img>); it becomes a link.
    assert!(
        links.contains(&"https://evil.example/pixel.png"),
        "{links:?}"
    );
}

#[test]
fn every_action_is_on_the_page_the_improvements_past_five_folded_away() {
    let name = "deepseek-v3.toml";
    let json = example_json(name);
    let page = parse(&example_html(name));
    let actions = json["actions"].as_array().unwrap();
    let improve = actions.iter().filter(|a| a["kind"] == "improve").count();
    assert!(improve > 5, "the example has more than five improvements");
    let items: usize = page.with_class("ol", "actions").count();
    assert_eq!(items, 2, "the shown actions and the folded ones");
    let kinds = page.with_class("span", "kind").count();
    assert_eq!(kinds, actions.len(), "one entry per action");
    assert!(
        page.text
            .contains(&format!("{} more improvements", improve - 5))
    );
}

// ─── Comparisons ──────────────────────────────────────────────────────────────────────────────

/// The three examples of the default checklist.
pub const COMPARED: [&str; 3] = [
    "qwen3-235b-a22b.toml",
    "deepseek-v3.toml",
    "llama-3.1-405b.toml",
];

/// `weigh compare FILES… --format html ARGS…` in `dir`.
fn compare_html(dir: &std::path::Path, files: &[String], args: &[&str]) -> String {
    let mut all: Vec<&str> = vec!["compare"];
    all.extend(files.iter().map(String::as_str));
    all.extend(["--format", "html", "--as-of", "2026-11-20"]);
    all.extend(args);
    let r = weigh_in(dir, &all);
    ok(&r);
    r.stdout
}

fn example_paths() -> Vec<String> {
    COMPARED
        .iter()
        .map(|n| root().join("examples").join(n).display().to_string())
        .collect()
}

#[test]
fn a_comparison_shows_each_verdict_a_radar_and_a_heat_map_of_item_scores() {
    let html = compare_html(&root(), &example_paths(), &[]);
    assert_inert(&html, "the comparison");
    let page = parse(&html);
    assert_comparison_charts(&page, 3, 3, "the comparison");
    for verdict in ["READY WITH CONDITIONS", "NOT READY", "INCOMPLETE"] {
        assert!(page.text.contains(verdict), "{verdict}");
    }
    assert_eq!(page.with_class("article", "candidate").count(), 3);
    // Every scored item of the checklist is a heat-map row, with a cell per candidate.
    let json = example_json(COMPARED[0]);
    let scored = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"] != "text")
        .count();
    let rows = heat_rows(&page);
    assert!(rows > 0 && rows <= scored, "{rows} rows of {scored} items");
    assert_eq!(heat_cells(&page), rows * 3);
    // The side-by-side table marks the best in words, not only in colour.
    assert!(page.text.contains("(best)"));
}

#[test]
fn comparing_the_fmti_2025_developers_draws_thirteen_polygons_and_every_indicator() {
    let dir = temp();
    let (checklist, files) = common::fmti::write_files(dir.path());
    let files: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let checklist = checklist.display().to_string();
    let html = compare_html(dir.path(), &files, &["--checklist", &checklist]);
    assert_inert(&html, "the FMTI comparison");
    let page = parse(&html);
    assert_comparison_charts(&page, 13, 3, "the FMTI comparison");
    assert_eq!(heat_rows(&page), 100, "one row per indicator");
    assert_eq!(heat_cells(&page), 1300);
    // The published totals, as each developer's overall score.
    for (developer, total) in common::fmti::PUBLISHED_TOTALS {
        assert!(
            page.text.contains(&format!("Overall {total}.0 / 100")),
            "{developer}: {total}"
        );
    }
}

/// A second hostile candidate name.
const OTHER_NAME: &str = "B </th><img src=x onerror=alert('b')><style>*{display:none}</style>";

#[test]
fn hostile_candidate_names_and_answers_in_a_comparison_come_out_inert() {
    let dir = temp();
    let _ = hostile_html(dir.path());
    // b.toml: the same answers for a candidate with another hostile name.
    let a = std::fs::read_to_string(dir.path().join("a.toml")).unwrap();
    let name_line = a
        .lines()
        .find(|l| l.starts_with("name = "))
        .expect("a name");
    let b = a.replace(name_line, &format!("name = {:?}", OTHER_NAME));
    std::fs::write(dir.path().join("b.toml"), b).unwrap();
    let checklist = common::fixture("checklists/hostile.toml")
        .display()
        .to_string();
    let files = vec!["a.toml".to_string(), "b.toml".to_string()];
    let html = compare_html(dir.path(), &files, &["--checklist", &checklist]);
    assert_inert(&html, "the hostile comparison");
    let page = parse(&html);
    assert!(page.text.contains("\"><svg onload=alert('dimension')>"));
    assert!(
        page.text
            .contains("</td><script>alert('question')</script>")
    );
    for name in [HOSTILE_NAME, OTHER_NAME] {
        // One dimension, so no radar: the card, the table's and the heat map's headings.
        let shown = page.text.matches(name).count();
        assert_eq!(shown, 3, "{name} in the card, the table and the heat map");
    }
}

#[test]
fn diff_refuses_html() {
    let file = root()
        .join("examples/deepseek-v3.toml")
        .display()
        .to_string();
    let r = weigh_in(&root(), &["diff", &file, &file, "--format", "html"]);
    refused(&r);
    assert!(
        r.stderr.contains("`weigh diff` has no HTML output"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_comparison_page_follows_sort_and_only_differences() {
    let files = example_paths();
    let page = parse(&compare_html(&root(), &files, &["--sort", "score"]));
    let cards: Vec<String> = page
        .text
        .split("Overall ")
        .skip(1)
        .take(3)
        .map(|s| s.split(" / 100").next().unwrap_or_default().to_string())
        .collect();
    let scores: Vec<f64> = cards.iter().map(|s| s.parse().unwrap()).collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "highest first: {scores:?}"
    );
    let all = heat_rows(&parse(&compare_html(&root(), &files, &[])));
    let differing = heat_rows(&parse(&compare_html(
        &root(),
        &files,
        &["--only-differences"],
    )));
    assert!(differing < all, "{differing} of {all} item rows differ");
}
