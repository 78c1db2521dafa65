//! Synthetic assessments: a team of assessors answering a checklist the way teams do. Each
//! candidate has a hidden quality per item; each assessor's answer is that quality plus their own
//! noise (now and then a real disagreement), with notes, evidence, N/A where allowed, and times
//! spread over a few working sessions so that answers with a `max_age_days` go stale.

use std::fmt::Write;

use fastrand::Rng;

use super::checklist::{Checklist, Item, Kind, When, tenth};
use super::text::{array, datetime, float, string};
use super::words::{ASSESSORS, FAMILIES, NOTES, ROUTES, SIZES, TEXTS, VENDORS};

/// How `weigh` writes a `scale` answer: the level's index (older weigh) or its text (SPEC §3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScaleForm {
    /// `value = 2`.
    Index,
    /// `value = "At least 100 representative cases with a rubric"`.
    Text,
}

impl ScaleForm {
    /// A folder name for a corpus in this form.
    pub fn name(self) -> &'static str {
        match self {
            ScaleForm::Index => "scale-index",
            ScaleForm::Text => "scale-text",
        }
    }
}

/// One answer's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `yes_no`.
    Bool(bool),
    /// `scale`: the 0-based level.
    Level(usize),
    /// `choice`: the option's label.
    Label(&'static str),
    /// `number`, whole.
    Int(i64),
    /// `number`, with decimals.
    Float(f64),
    /// `text`.
    Text(&'static str),
    /// Not applicable.
    Na,
}

/// One assessor's answer to one item.
#[derive(Clone, Debug)]
pub struct Answer {
    /// The item's index in checklist order.
    pub item: usize,
    /// The assessor.
    pub by: &'static str,
    /// The value.
    pub value: Value,
    /// When, in seconds since the epoch.
    pub at: i64,
    /// A note, if any.
    pub note: Option<String>,
    /// Evidence entries.
    pub evidence: Vec<String>,
}

/// The header of an assessment file.
pub struct Header {
    /// The candidate's name.
    pub name: String,
    /// Its hub id.
    pub model: String,
    /// Its revision.
    pub revision: String,
    /// When the assessment was created.
    pub created: i64,
}

/// 2026-01-05T09:00:00Z: the corpus's assessments start after this.
const START: i64 = 1_767_603_600;
const DAY: i64 = 86_400;

/// The hidden state of one candidate: a quality per item and the team's deployment route.
pub struct Candidate {
    quality: Vec<f64>,
    route: &'static str,
    /// The file header.
    pub header: Header,
}

/// A candidate with its hidden qualities; `index` makes the name unique in a fleet.
pub fn candidate(rng: &mut Rng, checklist: &Checklist, index: usize) -> Candidate {
    let base = 0.45 + rng.f64() * 0.45;
    let quality = checklist
        .items()
        .map(|_| (base + rng.f64() * 0.6 - 0.35).clamp(0.0, 1.0))
        .collect();
    let vendor = VENDORS[rng.usize(..VENDORS.len())];
    let family = FAMILIES[rng.usize(..FAMILIES.len())];
    let size = SIZES[rng.usize(..SIZES.len())];
    let header = Header {
        name: format!("{vendor} {family} {size} r{index}"),
        model: format!("{}/{vendor}-{family}-{size}", vendor.to_lowercase()),
        revision: format!("{:016x}", rng.u64(..)),
        created: START + rng.i64(0..30) * DAY,
    };
    Candidate {
        quality,
        route: ROUTES[rng.usize(..ROUTES.len())],
        header,
    }
}

/// `count` distinct assessors.
pub fn team(rng: &mut Rng, count: usize) -> Vec<&'static str> {
    let mut names = ASSESSORS.to_vec();
    rng.shuffle(&mut names);
    names.truncate(count);
    names
}

/// One assessor's answers to the first `limit` items.
pub fn answers(
    rng: &mut Rng,
    checklist: &Checklist,
    c: &Candidate,
    by: &'static str,
    limit: usize,
) -> Vec<Answer> {
    let sessions: Vec<i64> = (0..3)
        .map(|_| c.header.created + rng.i64(0..150) * DAY)
        .collect();
    checklist
        .items()
        .take(limit)
        .enumerate()
        .map(|(index, item)| {
            let at = sessions[rng.usize(..sessions.len())] + rng.i64(0..8 * 3600);
            answer(rng, item, c, index, by, at)
        })
        .collect()
}

fn answer(
    rng: &mut Rng,
    item: &Item,
    c: &Candidate,
    index: usize,
    by: &'static str,
    at: i64,
) -> Answer {
    let value = value(rng, item, c, index);
    let required = item.evidence_required && value != Value::Na;
    let note = (rng.f64() < 0.55).then(|| note(rng));
    let evidence = if required || rng.f64() < 0.35 {
        (0..rng.usize(1..=2)).map(|_| evidence(rng, item)).collect()
    } else {
        Vec::new()
    };
    Answer {
        item: index,
        by,
        value,
        at,
        note,
        evidence,
    }
}

fn value(rng: &mut Rng, item: &Item, c: &Candidate, index: usize) -> Value {
    if item.na_allowed && rng.f64() < 0.25 {
        return Value::Na;
    }
    let jump = rng.f64() < 0.08;
    let q = if jump {
        rng.f64()
    } else {
        (c.quality[index] + (rng.f64() - 0.5) * 0.3).clamp(0.0, 1.0)
    };
    match &item.kind {
        Kind::YesNo => Value::Bool(q >= 0.3),
        Kind::Scale(levels) => Value::Level((q * (levels.len() - 1) as f64).round() as usize),
        Kind::Choice(options) if item.weight == Some(0) => {
            let agrees = rng.f64() < 0.9;
            Value::Label(if agrees {
                c.route
            } else {
                options[rng.usize(..options.len())].label
            })
        }
        Kind::Choice(options) => {
            let nearest = options
                .iter()
                .min_by(|a, b| (a.score - q).abs().total_cmp(&(b.score - q).abs()))
                .expect("options are never empty");
            Value::Label(nearest.label)
        }
        Kind::Number {
            best, worst, whole, ..
        } => {
            // A jump may land beyond the worst value (never below zero: these are all counts,
            // rates and prices).
            let q = if jump { q * 1.2 - 0.2 } else { q };
            let v = (worst + q * (best - worst)).max(0.0);
            if *whole {
                Value::Int(v.round() as i64)
            } else {
                Value::Float(tenth(v))
            }
        }
        Kind::Text => Value::Text(TEXTS[rng.usize(..TEXTS.len())]),
    }
}

fn note(rng: &mut Rng) -> String {
    let first = NOTES[rng.usize(..NOTES.len())];
    if rng.bool() {
        format!("{first} {}", NOTES[rng.usize(..NOTES.len())])
    } else {
        first.to_string()
    }
}

fn evidence(rng: &mut Rng, item: &Item) -> String {
    let topic = item.topic;
    match rng.u32(..4) {
        0 => format!(
            "evals/2026-{:02}/{topic}-{}.md",
            rng.u32(1..=6),
            rng.u32(..500)
        ),
        1 => format!("https://wiki.example.com/model-adoption/{topic}"),
        2 => format!(
            "https://tickets.example.com/browse/SEC-{}",
            rng.u32(1000..9999)
        ),
        _ => format!("dashboards/{topic}.json"),
    }
}

/// Whether an item applies given one assessor's own answers (SPEC §2 `when`; with one
/// assessor the majority is that assessor's answer).
pub fn applies(item: &Item, own: &[Option<&Value>]) -> bool {
    match &item.when {
        None => true,
        Some(When::In(controller, labels)) => {
            matches!(own[*controller], Some(Value::Label(l)) if labels.contains(l))
        }
        Some(When::Is(controller, is)) => {
            matches!(own[*controller], Some(Value::Bool(b)) if b == is)
        }
    }
}

/// The assessment file's text, in weigh's canonical form (SPEC §3): answers in checklist order,
/// then by assessor.
pub fn render(
    checklist: &Checklist,
    digest: Option<&str>,
    header: &Header,
    mut answers: Vec<Answer>,
    form: ScaleForm,
) -> String {
    answers.sort_by(|a, b| a.item.cmp(&b.item).then_with(|| a.by.cmp(b.by)));
    let items: Vec<&Item> = checklist.items().collect();
    let mut out = String::with_capacity(answers.len() * 300 + 512);
    out.push_str("schema_version = 1\n\n[assessment]\n");
    let _ = writeln!(out, "checklist = {}", string(&checklist.id));
    let _ = writeln!(out, "checklist_version = {}", string(&checklist.version));
    if let Some(digest) = digest {
        let _ = writeln!(out, "checklist_digest = {}", string(digest));
    }
    let _ = writeln!(out, "created = {}", datetime(header.created));
    let _ = writeln!(out, "\n[candidate]\nname = {}", string(&header.name));
    let _ = writeln!(out, "model = {}", string(&header.model));
    let _ = writeln!(out, "revision = {}", string(&header.revision));
    for a in &answers {
        block(&mut out, items[a.item], a, form);
    }
    out
}

fn block(out: &mut String, item: &Item, a: &Answer, form: ScaleForm) {
    let _ = writeln!(out, "\n[[answer]]\nitem = {}", string(&item.id));
    let _ = writeln!(out, "by = {}", string(a.by));
    match &a.value {
        Value::Na => out.push_str("na = true\n"),
        value => {
            let _ = writeln!(out, "value = {}", toml_value(item, value, form));
        }
    }
    let _ = writeln!(out, "at = {}", datetime(a.at));
    if let Some(note) = &a.note {
        let _ = writeln!(out, "note = {}", string(note));
    }
    if !a.evidence.is_empty() {
        let _ = writeln!(out, "evidence = {}", array(&a.evidence));
    }
}

fn toml_value(item: &Item, value: &Value, form: ScaleForm) -> String {
    match (value, &item.kind, form) {
        (Value::Level(level), Kind::Scale(levels), ScaleForm::Text) => string(levels[*level]),
        (Value::Level(level), _, _) => level.to_string(),
        (Value::Bool(b), _, _) => b.to_string(),
        (Value::Label(l), _, _) => string(l),
        (Value::Int(i), _, _) => i.to_string(),
        (Value::Float(f), _, _) => float(*f),
        (Value::Text(t), _, _) => string(t),
        (Value::Na, _, _) => "true".into(),
    }
}

/// The value as `weigh answer` VALUE (and line mode) take it: yes/no, a level's text, a label,
/// a number, or text.
pub fn command_value(item: &Item, value: &Value) -> Option<String> {
    Some(match (value, &item.kind) {
        (Value::Bool(b), _) => if *b { "yes" } else { "no" }.to_string(),
        (Value::Level(level), Kind::Scale(levels)) => levels[*level].to_string(),
        (Value::Level(level), _) => level.to_string(),
        (Value::Label(l), _) => l.to_string(),
        (Value::Int(i), _) => i.to_string(),
        (Value::Float(f), _) => float(*f),
        (Value::Text(t), _) => t.to_string(),
        (Value::Na, _) => return None,
    })
}
