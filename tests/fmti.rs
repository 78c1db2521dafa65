//! Real, published data that no one here wrote: the Foundation Model Transparency Index,
//! December 2025 (Stanford CRFM, CC BY 4.0; see `tests/fixtures/fmti-2025/README.md`).
//!
//! The 100 indicators become a checklist (one dimension per domain, weighted by its number of
//! indicators, one yes/no item per indicator) and each developer's 0/1 scores an assessment.
//! With those weights the overall score is exactly the number of indicators met, so weigh must
//! reproduce every published total, after the 9-decimal rounding of SPEC §4, both in the
//! scorecard and in the JSON report users build on.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use jiff::Timestamp;
use weigh::assessment::store::{self, Loaded, Lookup};
use weigh::checklist::{self, Checklist, Kind, Origin};
use weigh::locate::Finder;
use weigh::num::round9;

mod common;
use common::fmti::{
    DOMAINS, Fmti, PUBLISHED_TOTALS, WHEN, assessment_text, checklist_text, kebab, load_fmti,
};

fn load_checklist(text: &str) -> Checklist {
    checklist::load_str("fmti-2025.toml", text, Origin::Builtin).unwrap_or_else(|report| {
        panic!(
            "the FMTI checklist does not load:\n{}",
            report.render(false)
        )
    })
}

/// Loads a developer's assessment through the store, its checklist named by path.
fn load_assessment(fmti: &Fmti, developer: usize, checklist_path: &Path) -> Result<Loaded, String> {
    let lookup = Lookup {
        finder: Finder::default(),
        explicit: Some(checklist_path.display().to_string()),
    };
    let name = format!("{}.toml", kebab(&fmti.developers[developer]));
    store::load_text(&name, &assessment_text(fmti, developer), &lookup).map_err(|e| e.to_string())
}

#[test]
fn fmti_fixture_joins_all_100_indicators_to_13_developers_published_totals() {
    let fmti = load_fmti();
    assert_eq!(fmti.indicators.len(), 100, "indicators matched to scores");
    let domains: Vec<(&str, usize)> = fmti
        .domains()
        .iter()
        .map(|(d, list)| (*d, list.len()))
        .collect();
    assert_eq!(domains, DOMAINS, "domains and their indicator counts");
    let totals: Vec<(&str, u32)> = fmti
        .developers
        .iter()
        .enumerate()
        .map(|(i, d)| (d.as_str(), fmti.total(i)))
        .collect();
    assert_eq!(totals, PUBLISHED_TOTALS, "sums of scores.csv by developer");
}

#[test]
fn fmti_checklist_has_one_dimension_per_domain_weighted_by_indicator_count() {
    let fmti = load_fmti();
    let checklist = load_checklist(&checklist_text(&fmti));
    let got: Vec<(String, String, f64, usize)> = checklist
        .dimensions
        .iter()
        .map(|d| (d.id.clone(), d.title.clone(), d.weight, d.items.len()))
        .collect();
    let want: Vec<(String, String, f64, usize)> = DOMAINS
        .iter()
        .map(|&(d, n)| (kebab(d), d.to_string(), n as f64, n))
        .collect();
    assert_eq!(got, want, "dimensions: id, title, weight, items");

    let items: Vec<_> = checklist.items().collect();
    assert_eq!(items.len(), fmti.indicators.len());
    for (item, indicator) in items.iter().zip(&fmti.indicators) {
        assert_eq!(item.id, indicator.item_id, "{:?}", indicator.name);
        assert_eq!(
            item.question, indicator.definition,
            "question of {:?}",
            item.id
        );
        assert_eq!(item.kind, Kind::YesNo, "{:?}", item.id);
        assert_eq!(item.weight, 1.0, "{:?}", item.id);
        assert_eq!(
            checklist.dimension_of(&item.id).map(|d| d.title.as_str()),
            Some(indicator.domain.as_str()),
            "dimension of {:?}",
            item.id
        );
    }
}

/// One developer's result, for the table a failure prints.
struct Row {
    developer: String,
    expected: u32,
    overall: String,
    json: String,
    problems: Vec<String>,
}

fn score_developer(fmti: &Fmti, developer: usize, checklist_path: &Path, as_of: Timestamp) -> Row {
    let expected = fmti.total(developer);
    let mut row = Row {
        developer: fmti.developers[developer].clone(),
        expected,
        overall: "-".into(),
        json: "-".into(),
        problems: Vec::new(),
    };
    let loaded = match load_assessment(fmti, developer, checklist_path) {
        Ok(loaded) => loaded,
        Err(e) => {
            row.problems.push(format!("does not load: {e}"));
            return row;
        }
    };
    if !loaded.warnings.diagnostics.is_empty() {
        row.problems
            .push(format!("warnings:\n{}", loaded.warnings.render(false)));
    }
    let card = weigh::score::score(&loaded.checklist, &loaded.assessment, as_of);
    let want = f64::from(expected);
    match card.overall {
        Some(overall) => {
            row.overall = format!("{overall:?}");
            if round9(overall) != want {
                row.problems.push(format!(
                    "overall {overall:?} rounds to {:?}, not {expected}",
                    round9(overall)
                ));
            }
        }
        None => row.problems.push("overall is null".into()),
    }
    if card.coverage != 1.0 || card.unanswered != 0 {
        row.problems.push(format!(
            "coverage {} with {} unanswered",
            card.coverage, card.unanswered
        ));
    }
    let view = weigh::report::build(&loaded.checklist, &loaded.assessment, &card);
    let json: serde_json::Value =
        serde_json::from_str(&weigh::report::json::render(&view)).expect("the report is JSON");
    let score = &json["overall"]["score"];
    row.json = score.to_string();
    if score.as_f64() != Some(want) {
        row.problems
            .push(format!("JSON overall.score is {score}, not {expected}"));
    }
    // An indicator not met is ordinary here: no item is at its worst, and the verdict follows
    // the thresholds alone (IBM's 95 is READY, though it misses five indicators).
    let at_worst = card.items.iter().filter(|i| i.at_worst).count();
    if at_worst > 0 {
        row.problems.push(format!(
            "{at_worst} items at_worst under worst_blocks_ready = false"
        ));
    }
    let by_threshold = verdict_by_thresholds(&card, &loaded.checklist.readiness);
    if card.verdict != by_threshold {
        row.problems.push(format!(
            "verdict {:?}, not {by_threshold:?} as the thresholds alone give",
            card.verdict
        ));
    }
    row
}

/// Rules 3 to 5 of SPEC §4 without conditions: the overall score and the dimension floor.
fn verdict_by_thresholds(
    card: &weigh::score::Scorecard,
    readiness: &weigh::checklist::Readiness,
) -> weigh::score::Verdict {
    use weigh::score::Verdict;
    let overall = card.overall.map_or(0.0, round9);
    let floors = card.dimensions.iter().all(|d| !d.below_floor);
    if overall >= readiness.ready && floors {
        Verdict::Ready
    } else if overall >= readiness.conditional {
        Verdict::ReadyWithConditions
    } else {
        Verdict::NotReady
    }
}

#[test]
fn fmti_overall_scores_reproduce_published_totals() {
    let fmti = load_fmti();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let checklist_path = dir.path().join("fmti-2025.toml");
    std::fs::write(&checklist_path, checklist_text(&fmti)).expect("writing the checklist");
    let as_of: Timestamp = WHEN.parse().expect("a timestamp");

    let rows: Vec<Row> = (0..fmti.developers.len())
        .map(|d| score_developer(&fmti, d, &checklist_path, as_of))
        .collect();
    assert_eq!(rows.len(), PUBLISHED_TOTALS.len(), "developers scored");

    let mut table = format!(
        "{:<12} {:>8} {:>22} {:>20}\n",
        "developer", "expected", "overall (unrounded)", "JSON overall.score"
    );
    let mut problems = BTreeMap::new();
    for row in &rows {
        let mark = if row.problems.is_empty() {
            ""
        } else {
            "  <-- "
        };
        writeln!(
            table,
            "{:<12} {:>8} {:>22} {:>20}{mark}{}",
            row.developer,
            row.expected,
            row.overall,
            row.json,
            row.problems.first().map_or("", String::as_str),
        )
        .expect("writing to a String");
        if !row.problems.is_empty() {
            problems.insert(row.developer.as_str(), row.problems.join("\n"));
        }
    }
    assert!(
        problems.is_empty(),
        "{} of {} developers do not reproduce their published total:\n{table}\n{problems:#?}",
        problems.len(),
        rows.len()
    );
}
