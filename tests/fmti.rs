//! Real, published data that no one here wrote: the Foundation Model Transparency Index,
//! December 2025 (Stanford CRFM, CC BY 4.0; see `tests/fixtures/fmti-2025/README.md`).
//!
//! The 100 indicators become a checklist (one dimension per domain, weighted by its number of
//! indicators, one yes/no item per indicator) and each developer's 0/1 scores an assessment.
//! With those weights the overall score is exactly the number of indicators met, so weigh must
//! reproduce every published total, after the 9-decimal rounding of SPEC §4, both in the
//! scorecard and in the JSON report users build on.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use weigh::assessment::store::{self, Loaded, Lookup};
use weigh::checklist::{self, Checklist, Kind, Origin};
use weigh::locate::Finder;
use weigh::num::round9;

const FIXTURE: &str = "tests/fixtures/fmti-2025";
const CHECKLIST_ID: &str = "fmti-2025";
const CHECKLIST_VERSION: &str = "2025.12.0";
const WHEN: &str = "2025-12-01T00:00:00Z";

/// Each developer's published total (its number of indicators met), as in the index's
/// per-developer reports; the sums of `scores.csv` must agree with it.
const PUBLISHED_TOTALS: &[(&str, u32)] = &[
    ("AI21 Labs", 66),
    ("Alibaba", 26),
    ("Amazon", 39),
    ("Anthropic", 46),
    ("DeepSeek", 32),
    ("Google", 41),
    ("IBM", 95),
    ("Meta", 31),
    ("Midjourney", 14),
    ("Mistral", 18),
    ("OpenAI", 35),
    ("Writer", 72),
    ("xAI", 14),
];

/// The domains, in file order, with their number of indicators.
const DOMAINS: &[(&str, usize)] = &[("Upstream", 34), ("Model", 30), ("Downstream", 36)];

/// One indicator, with the item id it gets and every developer's score.
struct Indicator {
    domain: String,
    name: String,
    definition: String,
    item_id: String,
    /// Whether each developer (in `Fmti::developers` order) meets it.
    met: Vec<bool>,
}

/// The fixture, joined.
struct Fmti {
    developers: Vec<String>,
    indicators: Vec<Indicator>,
}

impl Fmti {
    fn total(&self, developer: usize) -> u32 {
        let met = self.indicators.iter().filter(|i| i.met[developer]).count();
        u32::try_from(met).expect("at most 100 indicators")
    }

    /// Domains in order of first appearance, with their indicators.
    fn domains(&self) -> Vec<(&str, Vec<&Indicator>)> {
        let mut out: Vec<(&str, Vec<&Indicator>)> = Vec::new();
        for indicator in &self.indicators {
            match out.iter_mut().find(|(d, _)| *d == indicator.domain) {
                Some((_, list)) => list.push(indicator),
                None => out.push((&indicator.domain, vec![indicator])),
            }
        }
        out
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(FIXTURE)
        .join(name)
}

fn read_csv(name: &str) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let path = fixture(name);
    let mut reader = csv::Reader::from_path(&path)
        .unwrap_or_else(|e| panic!("cannot open {}: {e}", path.display()));
    let headers = reader.headers().expect("a header row").clone();
    let rows = reader
        .records()
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (headers, rows)
}

fn column(headers: &csv::StringRecord, name: &str) -> usize {
    headers
        .iter()
        .position(|h| h.trim() == name)
        .unwrap_or_else(|| panic!("no column {name:?} in {headers:?}"))
}

/// Reads both files and joins scores to indicators by name. Names match exactly (compared
/// after trimming, as the subdomains need); every indicator must have exactly one score row and
/// every score row an indicator, so nothing is dropped silently.
fn load_fmti() -> Fmti {
    let (headers, rows) = read_csv("indicators.csv");
    let (domain, name, definition) = (
        column(&headers, "Domain"),
        column(&headers, "Indicator"),
        column(&headers, "Definition"),
    );
    let (score_headers, score_rows) = read_csv("scores.csv");
    let score_name = column(&score_headers, "Indicator");
    let developers: Vec<String> = score_headers
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != score_name)
        .map(|(_, h)| h.trim().to_string())
        .collect();
    let mut scores: HashMap<String, Vec<bool>> = HashMap::new();
    for row in &score_rows {
        let key = row[score_name].trim().to_string();
        let met = row
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != score_name)
            .map(|(_, cell)| parse_score(&key, cell))
            .collect();
        assert!(
            scores.insert(key.clone(), met).is_none(),
            "scores.csv lists {key:?} twice"
        );
    }
    let mut ids = HashSet::new();
    let indicators: Vec<Indicator> = rows
        .iter()
        .map(|row| {
            let name = row[name].trim().to_string();
            let met = scores
                .remove(&name)
                .unwrap_or_else(|| panic!("indicator {name:?} has no row in scores.csv"));
            Indicator {
                domain: row[domain].trim().to_string(),
                item_id: unique_id(&kebab(&name), &mut ids),
                definition: row[definition].to_string(),
                name,
                met,
            }
        })
        .collect();
    let orphans: Vec<&String> = scores.keys().collect();
    assert!(
        orphans.is_empty(),
        "scores.csv rows with no indicator: {orphans:?}"
    );
    Fmti {
        developers,
        indicators,
    }
}

fn parse_score(indicator: &str, cell: &str) -> bool {
    match cell.trim() {
        "1" => true,
        "0" => false,
        other => panic!("{indicator:?}: score {other:?} is neither 0 nor 1"),
    }
}

/// Lowercase ASCII letters and digits, every other run of characters one dash.
fn kebab(text: &str) -> String {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        "indicator".into()
    } else {
        words.join("-")
    }
}

/// `base`, or `base-2`, `base-3`, … when taken.
fn unique_id(base: &str, taken: &mut HashSet<String>) -> String {
    let mut id = base.to_string();
    let mut n = 2;
    while !taken.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
fn basic(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() && (c as u32) < 0x80 => {
                write!(out, "\\u{:04X}", c as u32).expect("writing to a String")
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn checklist_text(fmti: &Fmti) -> String {
    let mut out = format!(
        "schema_version = 1\n\n[checklist]\nid = {}\ntitle = {}\nversion = {}\n",
        basic(CHECKLIST_ID),
        basic("Foundation Model Transparency Index, December 2025"),
        basic(CHECKLIST_VERSION),
    );
    // Binary indicators: "no" is an ordinary answer, not a blocker (SPEC §4 rule 3).
    out.push_str("\n[readiness]\nworst_blocks_ready = false\n");
    for (domain, indicators) in fmti.domains() {
        write!(
            out,
            "\n[[dimension]]\nid = {}\ntitle = {}\nweight = {}\n",
            basic(&kebab(domain)),
            basic(domain),
            indicators.len(),
        )
        .expect("writing to a String");
        for indicator in indicators {
            write!(
                out,
                "\n[[dimension.item]]\nid = {}\nquestion = {}\nkind = \"yes_no\"\n",
                basic(&indicator.item_id),
                basic(&indicator.definition),
            )
            .expect("writing to a String");
        }
    }
    out
}

fn assessment_text(fmti: &Fmti, developer: usize) -> String {
    let mut out = format!(
        "schema_version = 1\n\n[assessment]\nchecklist = {}\nchecklist_version = {}\n\
         created = {WHEN}\n\n[candidate]\nname = {}\n",
        basic(CHECKLIST_ID),
        basic(CHECKLIST_VERSION),
        basic(&fmti.developers[developer]),
    );
    for indicator in &fmti.indicators {
        write!(
            out,
            "\n[[answer]]\nitem = {}\nby = \"fmti\"\nvalue = {}\nat = {WHEN}\n",
            basic(&indicator.item_id),
            indicator.met[developer],
        )
        .expect("writing to a String");
    }
    out
}

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
