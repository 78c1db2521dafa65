//! The Foundation Model Transparency Index, December 2025 (Stanford CRFM, CC BY 4.0; see
//! `tests/fixtures/fmti-2025/README.md`) as weigh files: the 100 indicators become a checklist
//! (one dimension per domain, weighted by its number of indicators, one yes/no item per
//! indicator) and each developer's 0/1 scores an assessment. Shared by the FMTI scoring test
//! and the comparison tests.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Where the fixture is, under the crate's root.
pub const FIXTURE: &str = "tests/fixtures/fmti-2025";
/// The generated checklist's id and version.
pub const CHECKLIST_ID: &str = "fmti-2025";
/// See [`CHECKLIST_ID`].
pub const CHECKLIST_VERSION: &str = "2025.12.0";
/// When every assessment was created and answered.
pub const WHEN: &str = "2025-12-01T00:00:00Z";

/// Each developer's published total (its number of indicators met), as in the index's
/// per-developer reports; the sums of `scores.csv` must agree with it.
pub const PUBLISHED_TOTALS: &[(&str, u32)] = &[
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
pub const DOMAINS: &[(&str, usize)] = &[("Upstream", 34), ("Model", 30), ("Downstream", 36)];

/// One indicator, with the item id it gets and every developer's score.
pub struct Indicator {
    pub domain: String,
    pub name: String,
    pub definition: String,
    pub item_id: String,
    /// Whether each developer (in `Fmti::developers` order) meets it.
    pub met: Vec<bool>,
}

/// The fixture, joined.
pub struct Fmti {
    pub developers: Vec<String>,
    pub indicators: Vec<Indicator>,
}

impl Fmti {
    pub fn total(&self, developer: usize) -> u32 {
        let met = self.indicators.iter().filter(|i| i.met[developer]).count();
        u32::try_from(met).expect("at most 100 indicators")
    }

    /// Domains in order of first appearance, with their indicators.
    pub fn domains(&self) -> Vec<(&str, Vec<&Indicator>)> {
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

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(FIXTURE)
        .join(name)
}

pub fn read_csv(name: &str) -> (csv::StringRecord, Vec<csv::StringRecord>) {
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

pub fn column(headers: &csv::StringRecord, name: &str) -> usize {
    headers
        .iter()
        .position(|h| h.trim() == name)
        .unwrap_or_else(|| panic!("no column {name:?} in {headers:?}"))
}

/// Reads both files and joins scores to indicators by name. Names match exactly (compared
/// after trimming, as the subdomains need); every indicator must have exactly one score row and
/// every score row an indicator, so nothing is dropped silently.
pub fn load_fmti() -> Fmti {
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

pub fn parse_score(indicator: &str, cell: &str) -> bool {
    match cell.trim() {
        "1" => true,
        "0" => false,
        other => panic!("{indicator:?}: score {other:?} is neither 0 nor 1"),
    }
}

/// Lowercase ASCII letters and digits, every other run of characters one dash.
pub fn kebab(text: &str) -> String {
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
pub fn unique_id(base: &str, taken: &mut HashSet<String>) -> String {
    let mut id = base.to_string();
    let mut n = 2;
    while !taken.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
pub fn basic(text: &str) -> String {
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

pub fn checklist_text(fmti: &Fmti) -> String {
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

pub fn assessment_text(fmti: &Fmti, developer: usize) -> String {
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

/// Writes the checklist and every developer's assessment into `dir`: the checklist's path and
/// the assessments' paths, in the index's developer order.
pub fn write_files(dir: &Path) -> (PathBuf, Vec<PathBuf>) {
    let fmti = load_fmti();
    let checklist = dir.join("fmti-2025.toml");
    std::fs::write(&checklist, checklist_text(&fmti)).expect("writing the FMTI checklist");
    let assessments = (0..fmti.developers.len())
        .map(|d| {
            let path = dir.join(format!("{}.toml", kebab(&fmti.developers[d])));
            std::fs::write(&path, assessment_text(&fmti, d)).expect("writing an FMTI assessment");
            path
        })
        .collect();
    (checklist, assessments)
}
