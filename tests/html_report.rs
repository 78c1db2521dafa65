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
use htmlcheck::{assert_inert, assert_report_charts, parse};

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
