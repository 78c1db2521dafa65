//! The report view-model: built once from a scorecard, rendered by every format.
//!
//! It holds display-ready facts (consensus values as text, gate and action descriptions) so
//! that the table, Markdown, JSON and HTML renderers differ only in primitives.

use crate::idmap::IdMap;

use jiff::Timestamp;

use crate::assessment::{Answer, AnswerValue, Assessment, Fact, FactValue, Scalar};
use crate::checklist::{Checklist, Item, Kind, Readiness};
use crate::score::{Action, Scorecard, Verdict};
use crate::show::{gate_text, number};

/// How many `improve` actions tables and Markdown show.
pub const IMPROVE_SHOWN: usize = 5;

/// Everything a report shows about one candidate.
#[derive(Debug, Clone)]
pub struct ReportView {
    /// The candidate.
    pub candidate: CandidateView,
    /// The checklist.
    pub checklist: ChecklistRef,
    /// The report time.
    pub as_of: Timestamp,
    /// The verdict.
    pub verdict: Verdict,
    /// Why the verdict is not READY, in one line of plain text; `None` when it is READY.
    pub reason: Option<String>,
    /// Overall score 0-100, unrounded.
    pub overall: Option<f64>,
    /// Overall coverage 0-1.
    pub coverage: f64,
    /// Applicable scored items with no answer.
    pub unanswered: usize,
    /// The readiness policy.
    pub readiness: Readiness,
    /// Dimensions, in checklist order.
    pub dimensions: Vec<DimensionView>,
    /// Items, in checklist order.
    pub items: Vec<ItemView>,
    /// Actions, in SPEC §4 order (all of them).
    pub actions: Vec<ActionView>,
    /// Answers that no longer fit the changed checklist: kept in the file, never scored.
    pub unfit: Vec<UnfitView>,
}

/// An answer that no longer fits the checklist (its item was removed, its level reworded, …).
#[derive(Debug, Clone)]
pub struct UnfitView {
    /// The item id, as written.
    pub item: String,
    /// The assessor.
    pub by: String,
    /// The value as written (`N/A` for not applicable).
    pub value: String,
    /// When it was given.
    pub at: Timestamp,
}

/// The candidate.
#[derive(Debug, Clone)]
pub struct CandidateView {
    /// Name.
    pub name: String,
    /// Hub id.
    pub model: Option<String>,
    /// Revision.
    pub revision: Option<String>,
    /// Facts, sorted by key, values as text.
    pub facts: Vec<(String, String)>,
    /// Facts as written, for JSON.
    pub raw_facts: std::collections::BTreeMap<String, Fact>,
}

/// Which checklist.
#[derive(Debug, Clone)]
pub struct ChecklistRef {
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
    /// The checklist's description (author Markdown).
    pub description: Option<String>,
}

/// One dimension.
#[derive(Debug, Clone)]
pub struct DimensionView {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Weight.
    pub weight: f64,
    /// Score 0-100.
    pub score: Option<f64>,
    /// Coverage 0-1.
    pub coverage: f64,
    /// Unanswered applicable scored items.
    pub unanswered: usize,
    /// Below the floor.
    pub below_floor: bool,
    /// The dimension's description (author Markdown).
    pub description: Option<String>,
}

/// One item.
#[derive(Debug, Clone)]
pub struct ItemView {
    /// Id.
    pub id: String,
    /// Dimension id.
    pub dimension: String,
    /// The question.
    pub question: String,
    /// Kind name.
    pub kind: &'static str,
    /// Weight (0 for text).
    pub weight: f64,
    /// The gate, in its kind's own terms.
    pub gate: Option<String>,
    /// Applies.
    pub applicable: bool,
    /// Answered (value or N/A).
    pub answered: bool,
    /// N/A.
    pub na: bool,
    /// Score 0-1.
    pub score: Option<f64>,
    /// The consensus value as files write it (a scale answer as its level's text).
    pub value: Option<AnswerValue>,
    /// The consensus level index, for scale answers.
    pub level: Option<usize>,
    /// The consensus value as text ("2: ≥100 cases", "yes", "12 ms").
    pub value_text: Option<String>,
    /// Gate failed (rule 1).
    pub gate_failed: bool,
    /// Stale.
    pub stale: bool,
    /// Disagreement.
    pub disagreement: bool,
    /// Missing required evidence.
    pub missing_evidence: bool,
    /// Scores 0 and so keeps the verdict below READY (SPEC §4 rule 3).
    pub at_worst: bool,
    /// Every answer, by assessor.
    pub answers: Vec<AnswerView>,
    /// The item's guidance (author Markdown).
    pub guidance: Option<String>,
    /// The rubric, one line per level or option (plain text).
    pub rubric: Vec<String>,
    /// The item's references, as the checklist lists them.
    pub references: Vec<String>,
}

/// One answer.
#[derive(Debug, Clone)]
pub struct AnswerView {
    /// Assessor.
    pub by: String,
    /// Value as files write it (a scale answer as its level's text), or N/A.
    pub value: AnswerValue,
    /// The level index, for scale answers.
    pub level: Option<usize>,
    /// The value as text.
    pub value_text: String,
    /// When.
    pub at: Timestamp,
    /// Note.
    pub note: Option<String>,
    /// Evidence.
    pub evidence: Vec<String>,
}

/// One action.
#[derive(Debug, Clone)]
pub struct ActionView {
    /// The scorecard's action.
    pub action: Action,
    /// A sentence saying what to do (plain text).
    pub text: String,
}

impl ReportView {
    /// The actions tables and Markdown show: every action but the `improve` ones past the fifth.
    pub fn shown_actions(&self) -> Vec<&ActionView> {
        let mut improve = 0;
        self.actions
            .iter()
            .filter(|a| {
                if matches!(a.action, Action::Improve { .. }) {
                    improve += 1;
                    improve <= IMPROVE_SHOWN
                } else {
                    true
                }
            })
            .collect()
    }
}

/// Builds the view of one scored assessment.
pub fn build(checklist: &Checklist, assessment: &Assessment, card: &Scorecard) -> ReportView {
    build_view(checklist, assessment, card, Detail::Full)
}

/// The view without what only a whole report prints: each item's individual answers,
/// guidance, rubric and references are left empty. Enough for a line of `compare` or `gate`,
/// which build one per file and would spend a fifth of their time on the rest.
pub fn summary(checklist: &Checklist, assessment: &Assessment, card: &Scorecard) -> ReportView {
    build_view(checklist, assessment, card, Detail::Summary)
}

/// How much of each item a view holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Detail {
    Full,
    Summary,
}

fn build_view(
    checklist: &Checklist,
    assessment: &Assessment,
    card: &Scorecard,
    detail: Detail,
) -> ReportView {
    let mut by_item: IdMap<&str, Vec<&Answer>> =
        crate::idmap::with_capacity(assessment.answers.len());
    for answer in &assessment.answers {
        by_item
            .entry(answer.item.as_str())
            .or_default()
            .push(answer);
    }
    let items: Vec<ItemView> = card
        .items
        .iter()
        .filter_map(|s| {
            let answers = by_item.get(s.id.as_str()).map_or(&[][..], Vec::as_slice);
            checklist
                .item(&s.id)
                .map(|item| item_view(item, s, assessment, answers, detail))
        })
        .collect();
    let dimensions = card
        .dimensions
        .iter()
        .filter_map(|d| {
            let dim = checklist.dimensions.iter().find(|x| x.id == d.id)?;
            Some(DimensionView {
                id: d.id.clone(),
                title: dim.title.clone(),
                weight: dim.weight,
                score: d.score,
                coverage: d.coverage,
                unanswered: d.unanswered,
                below_floor: d.below_floor,
                description: dim.description.clone(),
            })
        })
        .collect::<Vec<_>>();
    let mut item_views: IdMap<&str, &ItemView> = crate::idmap::with_capacity(items.len());
    item_views.extend(items.iter().map(|i| (i.id.as_str(), i)));
    let actions = card
        .actions
        .iter()
        .map(|a| action_view(a, checklist, &item_views, &dimensions))
        .collect();
    let reason = super::reason::explain(card, &checklist.readiness, &items, &dimensions);
    ReportView {
        candidate: candidate_view(assessment),
        checklist: ChecklistRef {
            id: checklist.id.clone(),
            title: checklist.title.clone(),
            version: checklist.version.clone(),
            digest: checklist.digest.clone(),
            source: checklist.origin.to_string(),
            description: checklist.description.clone(),
        },
        as_of: card.as_of,
        verdict: card.verdict,
        reason,
        overall: card.overall,
        coverage: card.coverage,
        unanswered: card.unanswered,
        readiness: checklist.readiness,
        dimensions,
        items,
        actions,
        unfit: assessment.unfit.iter().map(unfit_view).collect(),
    }
}

fn unfit_view(a: &Answer) -> UnfitView {
    let value = match &a.value {
        AnswerValue::Na => "N/A".into(),
        AnswerValue::Bool(b) => b.to_string(),
        AnswerValue::Int(i) => i.to_string(),
        AnswerValue::Float(f) => number(*f),
        AnswerValue::Text(t) => t.clone(),
    };
    UnfitView {
        item: a.item.clone(),
        by: a.by.clone(),
        value,
        at: a.at,
    }
}

fn candidate_view(a: &Assessment) -> CandidateView {
    let c = &a.candidate;
    CandidateView {
        name: c.name.clone(),
        model: c.model.clone(),
        revision: c.revision.clone(),
        facts: c
            .facts
            .iter()
            .map(|(k, v)| (k.clone(), fact_text(v)))
            .collect(),
        raw_facts: c.facts.clone(),
    }
}

/// A fact as text: numbers as written, lists joined with commas.
pub fn fact_text(fact: &Fact) -> String {
    fact_value_text(&fact.value)
}

/// A fact's value as text: numbers as written, lists joined with commas.
pub fn fact_value_text(value: &FactValue) -> String {
    match value {
        FactValue::Scalar(s) => scalar_text(s),
        FactValue::List(items) => items.iter().map(scalar_text).collect::<Vec<_>>().join(", "),
    }
}

fn scalar_text(s: &Scalar) -> String {
    match s {
        Scalar::Bool(b) => b.to_string(),
        Scalar::Int(i) => i.to_string(),
        Scalar::Float(f) => number(*f),
        Scalar::Text(t) | Scalar::Datetime(t) => t.clone(),
    }
}

/// One item's view; `answers` are the assessment's answers to it.
fn item_view(
    item: &Item,
    s: &crate::score::ItemScore,
    a: &Assessment,
    answers: &[&Answer],
    detail: Detail,
) -> ItemView {
    let consensus = s.consensus.and_then(|i| a.answers.get(i));
    let full = detail == Detail::Full;
    let mut answers: Vec<AnswerView> = if full {
        answers.iter().map(|ans| answer_view(item, ans)).collect()
    } else {
        Vec::new()
    };
    answers.sort_by(|x, y| x.by.cmp(&y.by));
    ItemView {
        id: item.id.clone(),
        dimension: s.dimension.clone(),
        question: item.question.clone(),
        kind: item.kind.name(),
        weight: item.weight,
        gate: gate_text(item),
        applicable: s.applicable,
        answered: s.answered,
        na: s.na,
        score: s.score,
        value: consensus.map(|c| written(item, &c.value).0),
        level: consensus.and_then(|c| written(item, &c.value).1),
        value_text: consensus.map(|c| value_text(item, &c.value)),
        gate_failed: s.gate_failed,
        stale: s.stale,
        disagreement: s.disagreement,
        missing_evidence: s.missing_evidence,
        at_worst: s.at_worst,
        answers,
        guidance: if full { item.guidance.clone() } else { None },
        rubric: if full {
            crate::show::rubric(item)
                .lines()
                .map(str::to_string)
                .collect()
        } else {
            Vec::new()
        },
        references: if full {
            item.references.clone()
        } else {
            Vec::new()
        },
    }
}

fn answer_view(item: &Item, a: &Answer) -> AnswerView {
    let (value, level) = written(item, &a.value);
    AnswerView {
        by: a.by.clone(),
        value,
        level,
        value_text: value_text(item, &a.value),
        at: a.at,
        note: a.note.clone(),
        evidence: a.evidence.clone(),
    }
}

/// A value as files and JSON write it, with the level index of a scale answer: a scale answer
/// is its level's text (SPEC §3, §7).
fn written(item: &Item, value: &AnswerValue) -> (AnswerValue, Option<usize>) {
    match (&item.kind, value) {
        (Kind::Scale { levels }, AnswerValue::Int(i)) => {
            match usize::try_from(*i)
                .ok()
                .and_then(|l| Some((l, levels.get(l)?)))
            {
                Some((l, text)) => (AnswerValue::Text(text.clone()), Some(l)),
                None => (value.clone(), None),
            }
        }
        _ => (value.clone(), None),
    }
}

/// A value as a person reads it, in the item's own terms.
pub fn value_text(item: &Item, value: &AnswerValue) -> String {
    match (&item.kind, value) {
        (_, AnswerValue::Na) => "N/A".into(),
        (_, AnswerValue::Bool(true)) => "yes".into(),
        (_, AnswerValue::Bool(false)) => "no".into(),
        (Kind::Scale { levels }, AnswerValue::Int(i)) => {
            let text = usize::try_from(*i)
                .ok()
                .and_then(|l| levels.get(l))
                .map_or("", String::as_str);
            format!("{i}: {text}")
        }
        (Kind::Number { unit, .. }, v) => {
            format!("{} {unit}", v.as_number().map_or_else(String::new, number))
        }
        (_, AnswerValue::Int(i)) => i.to_string(),
        (_, AnswerValue::Float(f)) => number(*f),
        (_, AnswerValue::Text(t)) => t.clone(),
    }
}

fn action_view(
    action: &Action,
    checklist: &Checklist,
    items: &IdMap<&str, &ItemView>,
    dims: &[DimensionView],
) -> ActionView {
    let item = |id: &str| items.get(id).copied();
    let question = |id: &str| {
        checklist
            .item(id)
            .map_or(String::new(), |i| i.question.clone())
    };
    let text = match action {
        Action::GateFailed { item: id } => {
            let i = item(id);
            let gate = i.and_then(|i| i.gate.clone()).unwrap_or_default();
            let value = i.and_then(|i| i.value_text.clone()).unwrap_or_default();
            format!("{id}: gate failed (needs {gate}; the team's answer is {value})")
        }
        Action::Unanswered { item: id } => format!("{id}: answer it: {}", question(id)),
        Action::Stale { item: id } => {
            let days = checklist.item(id).and_then(|i| i.max_age_days).unwrap_or(0);
            format!("{id}: re-answer it; the answer is older than {days} days")
        }
        Action::MissingEvidence { item: id } => {
            format!("{id}: add evidence (links or files) to the answer")
        }
        Action::AtWorst { item: id } => {
            let value = item(id)
                .and_then(|i| i.value_text.clone())
                .unwrap_or_default();
            format!(
                "{id}: at its worst ({value}); no average makes up for it: fix it, or narrow the checklist if it truly does not matter here"
            )
        }
        Action::Disagreement { item: id } => {
            let answers = item(id)
                .map(|i| {
                    i.answers
                        .iter()
                        .map(|a| format!("{} chose {}", a.by, a.value_text))
                        .collect::<Vec<_>>()
                        .join("; ")
                })
                .unwrap_or_default();
            format!("{id}: resolve the disagreement ({answers})")
        }
        Action::BelowFloor { dimension } => {
            let d = dims.iter().find(|d| d.id == *dimension);
            let score = d
                .and_then(|d| d.score)
                .map_or("-".into(), crate::num::one_decimal);
            format!(
                "{dimension}: raise this dimension (score {score}, below the floor of {})",
                number(checklist.readiness.dimension_floor)
            )
        }
        Action::NoScore => "answer at least one scored item".into(),
        Action::Improve { item: id, .. } => {
            let score = item(id)
                .and_then(|i| i.score)
                .map_or("-".into(), |s| crate::num::one_decimal(s * 100.0));
            format!("{id}: improve (scores {score}/100): {}", question(id))
        }
    };
    ActionView {
        action: action.clone(),
        text,
    }
}
