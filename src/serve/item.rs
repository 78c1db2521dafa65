//! The current item as one viewer sees it: question, rubric, facts, who has answered, and the
//! answers this viewer may see (SPEC §6), the two ends of a disagreement first.

use std::cmp::Ordering;

use jiff::Timestamp;

use super::api::{JsonAnswer, JsonChoice, JsonFact, JsonItem, JsonNumber};
use super::board::Board;
use crate::assessment::{Answer, edit};
use crate::checklist::{Checklist, Item, Kind};
use crate::report::view::value_text;
use crate::score::value::{Place, place};
use crate::walk::{Options, flow};

/// The item `id` as the viewer named `you` (a participant's name, or `None` for an observer)
/// sees it; `None` when the checklist has no such item.
pub fn view(board: &Board, id: &str, you: Option<&str>, now: Timestamp) -> Option<JsonItem> {
    let checklist = board.checklist();
    let a = board.assessment();
    let item = checklist.item(id)?;
    let dimension = checklist.dimension_of(id)?;
    let (in_dimension, overall) = positions(checklist, board, id, now);
    let your_answer = you.and_then(|name| edit::find(a, id, name));
    let visible = board.visible_to(id, you);
    let mut voted: Vec<String> = a.answers_to(id).map(|x| x.by.clone()).collect();
    voted.sort();
    voted.dedup();
    let waiting = board
        .participants()
        .iter()
        .filter(|p| !voted.contains(&p.name))
        .map(|p| p.name.clone())
        .collect();
    let disagreement = visible
        && crate::score::score(checklist, a, now)
            .items
            .iter()
            .any(|s| s.id == id && s.disagreement);
    let answers = if visible {
        side_by_side(item, a.answers_to(id).collect(), disagreement)
    } else {
        Vec::new()
    };
    Some(JsonItem {
        id: item.id.clone(),
        dimension: dimension.id.clone(),
        dimension_title: dimension.title.clone(),
        in_dimension,
        overall,
        question: item.question.clone(),
        guidance: item.guidance.clone(),
        kind: item.kind.name().to_string(),
        choices: choices(item),
        number: match &item.kind {
            Kind::Number { unit, best, worst } => Some(JsonNumber {
                unit: unit.clone(),
                best: *best,
                worst: *worst,
            }),
            _ => None,
        },
        gate: crate::show::gate_text(item),
        evidence_required: item.evidence_required,
        na_allowed: item.na_allowed,
        references: item.references.clone(),
        facts: crate::walk::screen::related_facts(a, item)
            .into_iter()
            .map(|(key, value)| JsonFact { key, value })
            .collect(),
        revealed: board.is_revealed(id),
        voted,
        waiting,
        your_answer: your_answer.map(|x| answer(item, x, None)),
        answers_visible: visible,
        answers,
        disagreement,
    })
}

/// 1-based positions of the item among its dimension's applicable items and among all, with
/// their counts.
fn positions(
    checklist: &Checklist,
    board: &Board,
    id: &str,
    now: Timestamp,
) -> ([usize; 2], [usize; 2]) {
    let shown = flow::sequence(checklist, board.assessment(), "", &Options::default(), now);
    let dimension = checklist.dimension_of(id);
    let same_dimension: Vec<&&Item> = shown
        .iter()
        .filter(|i| dimension.is_some_and(|d| d.items.iter().any(|x| x.id == i.id)))
        .collect();
    let at = |ids: Vec<&str>| {
        let position = ids.iter().position(|i| *i == id).map_or(0, |p| p + 1);
        [position, ids.len()]
    };
    (
        at(same_dimension.iter().map(|i| i.id.as_str()).collect()),
        at(shown.iter().map(|i| i.id.as_str()).collect()),
    )
}

/// What a participant can pick, with the text to send as `value`.
fn choices(item: &Item) -> Vec<JsonChoice> {
    let plain = |value: String, label: String| JsonChoice {
        value,
        label,
        description: None,
    };
    match &item.kind {
        Kind::YesNo => vec![
            plain("yes".into(), "yes".into()),
            plain("no".into(), "no".into()),
        ],
        Kind::Scale { levels } => levels
            .iter()
            .enumerate()
            .map(|(i, l)| plain(i.to_string(), l.clone()))
            .collect(),
        Kind::Choice { options } => options
            .iter()
            .map(|o| JsonChoice {
                value: o.label.clone(),
                label: o.label.clone(),
                description: o.description.clone(),
            })
            .collect(),
        Kind::Number { .. } | Kind::Text => Vec::new(),
    }
}

/// Every answer, worst to best (N/A and unscored last, by name); when they disagree the lowest
/// and the highest come first, marked to explain.
fn side_by_side(item: &Item, answers: Vec<&Answer>, disagreement: bool) -> Vec<JsonAnswer> {
    let mut placed: Vec<(Option<Place>, &Answer)> = answers
        .into_iter()
        .map(|a| (place(&item.kind, &a.value), a))
        .collect();
    placed.sort_by(|(pa, a), (pb, b)| worse_first(pa, pb).then_with(|| a.by.cmp(&b.by)));
    let scored: Vec<usize> = (0..placed.len())
        .filter(|&i| placed[i].0.is_some())
        .collect();
    let ends = match (scored.first(), scored.last()) {
        (Some(&lo), Some(&hi))
            if disagreement && worse_first(&placed[lo].0, &placed[hi].0) == Ordering::Less =>
        {
            Some((lo, hi))
        }
        _ => None,
    };
    let mut out = Vec::with_capacity(placed.len());
    if let Some((lo, hi)) = ends {
        out.push(answer(item, placed[lo].1, Some("lowest")));
        out.push(answer(item, placed[hi].1, Some("highest")));
    }
    for (i, (_, a)) in placed.iter().enumerate() {
        if ends.is_none_or(|(lo, hi)| i != lo && i != hi) {
            out.push(answer(item, a, None));
        }
    }
    out
}

/// Scored answers worse first; unscored (N/A, text) after them.
fn worse_first(a: &Option<Place>, b: &Option<Place>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp_worse_first(b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn answer(item: &Item, a: &Answer, explain: Option<&str>) -> JsonAnswer {
    JsonAnswer {
        by: a.by.clone(),
        value: value_text(item, &a.value),
        na: a.value.is_na(),
        at: crate::assessment::write::datetime(a.at),
        note: a.note.clone(),
        evidence: a.evidence.clone(),
        explain: explain.map(str::to_string),
    }
}
