//! What the report templates are given: the report view turned into display-ready values
//! (numbers as the tables show them, flags as words, links only where safe). Strings stay plain
//! text here; the templates escape them.

use serde::Serialize;

use super::safe;
use crate::assessment::write::datetime;
use crate::num::one_decimal;
use crate::report::svg::{self, BarChart, BarInput};
use crate::report::view::{
    ActionView, AnswerView, DimensionView, IMPROVE_SHOWN, ItemView, ReportView,
};
use crate::score::{Action, Verdict};
use crate::show::number;

/// The verdict badge: its word, a symbol and the one-line reason.
#[derive(Debug, Clone, Serialize)]
pub struct Badge {
    /// "READY WITH CONDITIONS".
    pub word: &'static str,
    /// The JSON name, used as the CSS class: `ready`, `ready_with_conditions`, …
    pub key: &'static str,
    /// A symbol that says the same as the colour (✓, !, ✗, ?).
    pub symbol: &'static str,
    /// Why it is not READY, in one line.
    pub reason: Option<String>,
}

/// Builds the badge of a verdict.
pub fn badge(verdict: Verdict, reason: Option<&str>) -> Badge {
    let (key, symbol) = match verdict {
        Verdict::Ready => ("ready", "✓"),
        Verdict::ReadyWithConditions => ("ready_with_conditions", "!"),
        Verdict::NotReady => ("not_ready", "✗"),
        Verdict::Incomplete => ("incomplete", "?"),
    };
    Badge {
        word: verdict.label(),
        key,
        symbol,
        reason: reason.map(str::to_string),
    }
}

/// A link, or text where the target is not safe to link.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    /// What is shown.
    pub text: String,
    /// The target, only when [`safe::href`] allows it.
    pub href: Option<String>,
}

/// A [`Link`] to `target`, showing `target` itself.
pub fn link(target: &str) -> Link {
    Link {
        text: target.to_string(),
        href: safe::href(target).map(str::to_string),
    }
}

/// The whole report page.
#[derive(Debug, Clone, Serialize)]
pub struct ReportPage {
    /// The page title.
    pub title: String,
    /// The candidate.
    pub candidate: Candidate,
    /// The checklist.
    pub checklist: ChecklistInfo,
    /// The report time (RFC 3339).
    pub as_of: String,
    /// The verdict.
    pub badge: Badge,
    /// The overall score as tables show it, or "-".
    pub overall: String,
    /// Coverage as a percentage ("91.6%").
    pub coverage: String,
    /// Applicable scored items without an answer.
    pub unanswered: usize,
    /// The thresholds.
    pub thresholds: Thresholds,
    /// The bar chart of the overall and dimension scores.
    pub bars: BarChart,
    /// One row per dimension.
    pub dimensions: Vec<DimensionRow>,
    /// Every applicable gate and how it stands.
    pub gates: Vec<GateRow>,
    /// What withholds READY: items at their worst, stale, missing evidence, low dimensions.
    pub conditions: Vec<ConditionRow>,
    /// Items on which assessors disagree.
    pub disagreements: Vec<ItemRef>,
    /// Actions, as tables show them.
    pub actions: Vec<ActionRow>,
    /// The further `improve` actions tables leave out.
    pub more_actions: Vec<ActionRow>,
    /// The items, by dimension.
    pub sections: Vec<Section>,
}

/// The candidate.
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    /// Name.
    pub name: String,
    /// Hub id.
    pub model: Option<String>,
    /// Revision.
    pub revision: Option<String>,
    /// Facts as (key, value) text.
    pub facts: Vec<(String, String)>,
}

/// The checklist.
#[derive(Debug, Clone, Serialize)]
pub struct ChecklistInfo {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Version.
    pub version: String,
    /// Digest.
    pub digest: String,
    /// `builtin` or a path.
    pub source: String,
    /// Author Markdown.
    pub description: Option<String>,
}

/// The readiness thresholds as text.
#[derive(Debug, Clone, Serialize)]
pub struct Thresholds {
    /// READY at.
    pub ready: String,
    /// READY WITH CONDITIONS at.
    pub conditional: String,
    /// Every dimension at least.
    pub floor: String,
}

/// One dimension.
#[derive(Debug, Clone, Serialize)]
pub struct DimensionRow {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Score as tables show it, or "-".
    pub score: String,
    /// Coverage as a percentage.
    pub coverage: String,
    /// Unanswered items.
    pub unanswered: usize,
    /// Weight.
    pub weight: String,
    /// Below the floor.
    pub below_floor: bool,
}

/// One gate.
#[derive(Debug, Clone, Serialize)]
pub struct GateRow {
    /// The item.
    pub id: String,
    /// Its question.
    pub question: String,
    /// What it needs.
    pub gate: String,
    /// The team's answer, or "-".
    pub answer: String,
    /// `passed`, `failed`, `unanswered`, `not applicable` or `does not apply`.
    pub status: &'static str,
    /// ✓ for passed, ✗ for failed, else nothing: the word says it too.
    pub mark: &'static str,
}

/// One condition.
#[derive(Debug, Clone, Serialize)]
pub struct ConditionRow {
    /// "at its worst", "stale", "missing evidence" or "below the floor".
    pub what: &'static str,
    /// The item or dimension id.
    pub id: String,
    /// The answer, or the dimension's score.
    pub detail: String,
}

/// An item named in a list, with its answers.
#[derive(Debug, Clone, Serialize)]
pub struct ItemRef {
    /// Id.
    pub id: String,
    /// Question.
    pub question: String,
    /// "alice: 3: …" per assessor.
    pub answers: Vec<String>,
}

/// One action.
#[derive(Debug, Clone, Serialize)]
pub struct ActionRow {
    /// The action's kind (`gate_failed`, …).
    pub kind: &'static str,
    /// What to do.
    pub text: String,
}

/// A dimension's items.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// Id (the HTML anchor).
    pub id: String,
    /// Title.
    pub title: String,
    /// Score, or "-".
    pub score: String,
    /// Author Markdown.
    pub description: Option<String>,
    /// The items.
    pub items: Vec<ItemCard>,
}

/// One item with everything the team said about it.
#[derive(Debug, Clone, Serialize)]
pub struct ItemCard {
    /// Id.
    pub id: String,
    /// Question.
    pub question: String,
    /// Kind.
    pub kind: &'static str,
    /// Weight, or "-" for text items.
    pub weight: String,
    /// The gate, if any.
    pub gate: Option<String>,
    /// The team's answer: a value, "N/A", "unanswered" or "does not apply".
    pub value: String,
    /// Score 0-100 as tables show it, or "-".
    pub score: String,
    /// Flags in words, each with a CSS class.
    pub flags: Vec<Flag>,
    /// Author Markdown.
    pub guidance: Option<String>,
    /// The rubric, line by line.
    pub rubric: Vec<String>,
    /// References.
    pub references: Vec<Link>,
    /// Each assessor's answer.
    pub answers: Vec<AnswerRow>,
}

/// A flag on an item.
#[derive(Debug, Clone, Serialize)]
pub struct Flag {
    /// The word shown.
    pub word: &'static str,
    /// `bad`, `warn` or `info`, for its colour.
    pub tone: &'static str,
}

/// One assessor's answer.
#[derive(Debug, Clone, Serialize)]
pub struct AnswerRow {
    /// Assessor.
    pub by: String,
    /// Value.
    pub value: String,
    /// When (RFC 3339).
    pub at: String,
    /// The day of `at` (YYYY-MM-DD, UTC).
    pub date: String,
    /// Note.
    pub note: Option<String>,
    /// Evidence.
    pub evidence: Vec<Link>,
}

/// Builds the page for one report.
pub fn report_page(v: &ReportView) -> ReportPage {
    // Tables show every action but the `improve` ones past the first few; the page shows those
    // too, folded away.
    let more_actions = v
        .actions
        .iter()
        .filter(|a| matches!(a.action, Action::Improve { .. }))
        .skip(IMPROVE_SHOWN)
        .map(action_row)
        .collect();
    ReportPage {
        title: format!("Readiness report: {}", v.candidate.name),
        candidate: Candidate {
            name: v.candidate.name.clone(),
            model: v.candidate.model.clone(),
            revision: v.candidate.revision.clone(),
            facts: v.candidate.facts.clone(),
        },
        checklist: ChecklistInfo {
            id: v.checklist.id.clone(),
            title: v.checklist.title.clone(),
            version: v.checklist.version.clone(),
            digest: v.checklist.digest.clone(),
            source: v.checklist.source.clone(),
            description: v.checklist.description.clone(),
        },
        as_of: datetime(v.as_of),
        badge: badge(v.verdict, v.reason.as_deref()),
        overall: score_text(v.overall),
        coverage: percent(v.coverage),
        unanswered: v.unanswered,
        thresholds: Thresholds {
            ready: number(v.readiness.ready),
            conditional: number(v.readiness.conditional),
            floor: number(v.readiness.dimension_floor),
        },
        bars: bars(v),
        dimensions: v.dimensions.iter().map(dimension_row).collect(),
        gates: v.items.iter().filter_map(gate_row).collect(),
        conditions: conditions(v),
        disagreements: v
            .items
            .iter()
            .filter(|i| i.applicable && i.disagreement)
            .map(item_ref)
            .collect(),
        actions: v.shown_actions().into_iter().map(action_row).collect(),
        more_actions,
        sections: sections(v),
    }
}

/// A 0-100 score as tables show it, or "-".
pub fn score_text(score: Option<f64>) -> String {
    score.map_or("-".into(), one_decimal)
}

/// A 0-1 share as a percentage with one decimal.
pub fn percent(share: f64) -> String {
    format!("{}%", one_decimal(share * 100.0))
}

fn bars(v: &ReportView) -> BarChart {
    let mut inputs = vec![BarInput {
        label: "Overall".into(),
        score: v.overall,
        below_floor: false,
        overall: true,
    }];
    inputs.extend(v.dimensions.iter().map(|d| BarInput {
        label: d.title.clone(),
        score: d.score,
        below_floor: d.below_floor,
        overall: false,
    }));
    svg::bar_chart(&inputs, v.readiness.ready, v.readiness.dimension_floor)
}

fn dimension_row(d: &DimensionView) -> DimensionRow {
    DimensionRow {
        id: d.id.clone(),
        title: d.title.clone(),
        score: score_text(d.score),
        coverage: percent(d.coverage),
        unanswered: d.unanswered,
        weight: number(d.weight),
        below_floor: d.below_floor,
    }
}

fn gate_row(i: &ItemView) -> Option<GateRow> {
    let gate = i.gate.clone()?;
    let status = if !i.applicable {
        "does not apply"
    } else if i.gate_failed {
        "failed"
    } else if i.na {
        "not applicable"
    } else if !i.answered {
        "unanswered"
    } else {
        "passed"
    };
    let mark = match status {
        "passed" => "✓",
        "failed" => "✗",
        _ => "",
    };
    Some(GateRow {
        id: i.id.clone(),
        question: i.question.clone(),
        gate,
        answer: answer_text(i),
        status,
        mark,
    })
}

fn conditions(v: &ReportView) -> Vec<ConditionRow> {
    let mut out = Vec::new();
    for i in v.items.iter().filter(|i| i.applicable) {
        for (flag, what) in [
            (i.at_worst, "at its worst"),
            (i.stale, "stale"),
            (i.missing_evidence, "missing evidence"),
        ] {
            if flag {
                out.push(ConditionRow {
                    what,
                    id: i.id.clone(),
                    detail: condition_detail(i, what),
                });
            }
        }
    }
    for d in v.dimensions.iter().filter(|d| d.below_floor) {
        out.push(ConditionRow {
            what: "below the floor",
            id: d.id.clone(),
            detail: format!(
                "{} scores {}, below the floor of {}",
                d.title,
                score_text(d.score),
                number(v.readiness.dimension_floor)
            ),
        });
    }
    out
}

fn condition_detail(i: &ItemView, what: &str) -> String {
    match what {
        "stale" => {
            let oldest = i.answers.iter().map(|a| a.at).min().map(datetime);
            format!(
                "answered {}: {}",
                oldest.unwrap_or_default(),
                answer_text(i)
            )
        }
        "missing evidence" => format!("answer {} has no evidence", answer_text(i)),
        _ => format!("answer: {}", answer_text(i)),
    }
}

fn item_ref(i: &ItemView) -> ItemRef {
    ItemRef {
        id: i.id.clone(),
        question: i.question.clone(),
        answers: i
            .answers
            .iter()
            .map(|a| format!("{}: {}", a.by, a.value_text))
            .collect(),
    }
}

fn action_row(a: &ActionView) -> ActionRow {
    ActionRow {
        kind: a.action.kind(),
        text: a.text.clone(),
    }
}

/// The team's answer to an item in words.
fn answer_text(i: &ItemView) -> String {
    if !i.applicable {
        "does not apply".into()
    } else if i.na {
        "N/A".into()
    } else {
        i.value_text.clone().unwrap_or_else(|| "unanswered".into())
    }
}

fn sections(v: &ReportView) -> Vec<Section> {
    v.dimensions
        .iter()
        .map(|d| Section {
            id: d.id.clone(),
            title: d.title.clone(),
            score: score_text(d.score),
            description: d.description.clone(),
            items: v
                .items
                .iter()
                .filter(|i| i.dimension == d.id)
                .map(item_card)
                .collect(),
        })
        .collect()
}

/// The card of one item.
pub fn item_card(i: &ItemView) -> ItemCard {
    ItemCard {
        id: i.id.clone(),
        question: i.question.clone(),
        kind: i.kind,
        weight: if i.kind == "text" {
            "-".into()
        } else {
            number(i.weight)
        },
        gate: i.gate.clone(),
        value: answer_text(i),
        score: i.score.map_or("-".into(), |s| one_decimal(s * 100.0)),
        flags: flags(i),
        guidance: i.guidance.clone(),
        rubric: i.rubric.clone(),
        references: i.references.iter().map(|r| link(r)).collect(),
        answers: i.answers.iter().map(answer_row).collect(),
    }
}

fn flags(i: &ItemView) -> Vec<Flag> {
    let unanswered = i.applicable && !i.answered && i.kind != "text";
    [
        (!i.applicable, "does not apply", "info"),
        (i.gate_failed, "gate failed", "bad"),
        (i.gate.is_some() && !i.gate_failed, "gate", "info"),
        (i.at_worst, "at its worst", "bad"),
        (i.stale, "stale", "warn"),
        (i.missing_evidence, "missing evidence", "warn"),
        (i.disagreement, "disagreement", "warn"),
        (unanswered, "unanswered", "warn"),
    ]
    .into_iter()
    .filter(|(on, _, _)| *on)
    .map(|(_, word, tone)| Flag { word, tone })
    .collect()
}

fn answer_row(a: &AnswerView) -> AnswerRow {
    AnswerRow {
        by: a.by.clone(),
        value: a.value_text.clone(),
        at: datetime(a.at),
        date: a.at.strftime("%Y-%m-%d").to_string(),
        note: a.note.clone(),
        evidence: a.evidence.iter().map(|e| link(e)).collect(),
    }
}

/// A heat map of item scores: one row per item, grouped by dimension, one column per candidate.
#[derive(Debug, Clone, Serialize)]
pub struct HeatMap {
    /// The column headings (candidates).
    pub columns: Vec<String>,
    /// The rows, by dimension.
    pub groups: Vec<HeatGroup>,
}

/// The rows of one dimension.
#[derive(Debug, Clone, Serialize)]
pub struct HeatGroup {
    /// The dimension's title.
    pub title: String,
    /// Its items.
    pub rows: Vec<HeatRow>,
}

/// One item's row.
#[derive(Debug, Clone, Serialize)]
pub struct HeatRow {
    /// The item's id.
    pub id: String,
    /// Its question.
    pub question: String,
    /// One cell per column.
    pub cells: Vec<HeatCell>,
}

/// One cell: the value in words and its colour band.
#[derive(Debug, Clone, Serialize)]
pub struct HeatCell {
    /// The score as tables show it, or "N/A", "–", "".
    pub text: String,
    /// `0` (a score of 0) to `5` (100), or `none`.
    pub band: &'static str,
}

/// The colour band of a 0-100 score: 0 and 100 apart, the rest in steps of 20 from 40.
pub fn heat_band(score: Option<f64>) -> &'static str {
    let Some(s) = score.map(crate::num::round9) else {
        return "none";
    };
    match s {
        s if s <= 0.0 => "0",
        s if s < 40.0 => "1",
        s if s < 60.0 => "2",
        s if s < 80.0 => "3",
        s if s < 100.0 => "4",
        _ => "5",
    }
}

/// A heat-map cell for an item score 0-100, or for `text` when there is no score.
pub fn heat_cell(score: Option<f64>, text: &str) -> HeatCell {
    HeatCell {
        text: score.map_or_else(|| text.to_string(), one_decimal),
        band: heat_band(score),
    }
}
