//! The comparison view-model: candidates as columns, one row per thing compared, built once
//! and rendered by every format.
//!
//! Rows come in this order: verdict, why, overall, coverage, one per dimension, the flag rows
//! (failed gates, items at their worst, stale answers, missing evidence, disagreements), then
//! with `--items` one per item. Each cell carries its text, its number (scores 0-100, for bars
//! and charts) and whether it is the best in its row; a renderer only chooses primitives.

use std::collections::HashMap;

use super::Comparison;
use super::align::{Alignment, Layout};
use super::sort::verdict_rank;
use super::summary::{Summary, flag};
use crate::num::{one_decimal, round9};
use crate::score::Verdict;

/// What a cell shows for a dimension or item the candidate's checklist version lacks.
pub const MISSING: &str = "—";

/// What the reason row shows for a READY candidate.
const NO_REASON: &str = "-";

/// How many item ids a flag cell names before it says "and N more".
const NAMED: usize = 4;

/// Which rows to show.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// A row per item.
    pub items: bool,
    /// Only rows where the candidates differ.
    pub only_differences: bool,
}

/// A comparison, ready to render.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareView {
    /// The checklist's id.
    pub checklist: String,
    /// The checklist's title (from the first candidate's version).
    pub title: String,
    /// One per candidate, in the order shown.
    pub columns: Vec<Column>,
    /// The rows, in the order shown.
    pub rows: Vec<Row>,
    /// Sentences for under the table (versions, gaps, labels, hidden rows).
    pub notes: Vec<String>,
}

impl CompareView {
    /// Each candidate whose verdict is not READY, with why (from the reason row, if shown).
    pub fn reasons(&self) -> Vec<(&Column, &str)> {
        let Some(row) = self.rows.iter().find(|r| r.kind == RowKind::Reason) else {
            return Vec::new();
        };
        self.columns
            .iter()
            .zip(&row.cells)
            .filter(|(_, cell)| cell.text != NO_REASON)
            .map(|(column, cell)| (column, cell.text.as_str()))
            .collect()
    }
}

/// One candidate's column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The heading: the candidate's name, or its file when another candidate has the name.
    pub label: String,
    /// The candidate's name.
    pub name: String,
    /// Its file, as given.
    pub source: String,
    /// The checklist version it was scored against.
    pub version: String,
}

/// What a row compares.
#[derive(Debug, Clone, PartialEq)]
pub enum RowKind {
    /// The verdict.
    Verdict,
    /// Why the verdict is not READY.
    Reason,
    /// The overall score.
    Overall,
    /// Coverage and unanswered items.
    Coverage,
    /// A dimension's score.
    Dimension {
        /// The dimension's id.
        id: String,
    },
    /// The items behind one flag.
    Flag(FlagKind),
    /// One item's consensus answer and score.
    Item {
        /// The item's id.
        id: String,
    },
}

/// The flag rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlagKind {
    /// Failed gates.
    GateFailed,
    /// Items at their worst.
    AtWorst,
    /// Stale answers.
    Stale,
    /// Answers missing required evidence.
    MissingEvidence,
    /// Disagreements among assessors.
    Disagreement,
}

/// One row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// What it compares.
    pub kind: RowKind,
    /// The row heading (plain text): "Verdict", a dimension's title, an item's id.
    pub label: String,
    /// One cell per column.
    pub cells: Vec<Cell>,
}

/// One candidate's value in one row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    /// The value as text (plain; renderers escape it).
    pub text: String,
    /// A score 0-100 (overall, dimension, item), for bars and charts.
    pub score: Option<f64>,
    /// The verdict, in the verdict row.
    pub verdict: Option<Verdict>,
    /// Flags in words ("below floor", "stale").
    pub flags: Vec<&'static str>,
    /// The best value in its row, where the candidates differ.
    pub best: bool,
    /// The candidate's checklist version lacks this row: the text is [`MISSING`].
    pub missing: bool,
    /// Higher is better; what `best` is judged on.
    rank: Option<f64>,
}

/// Builds the view of a comparison.
pub fn build(c: &Comparison, options: Options) -> CompareView {
    let a = &c.alignment;
    let layouts: Vec<&Layout> = c.summaries.iter().map(|s| &a.layouts[s.layout]).collect();
    let lookups = Lookups::new(a);
    let mut rows = Vec::new();
    rows.push(row(RowKind::Verdict, "Verdict", c, verdict_cell));
    if c.summaries.iter().any(|s| s.reason.is_some()) {
        rows.push(row(RowKind::Reason, "Why", c, |s| Cell {
            text: s.reason.clone().unwrap_or_else(|| NO_REASON.into()),
            ..Cell::default()
        }));
    }
    rows.push(row(RowKind::Overall, "Overall", c, |s| {
        score_cell(s.overall)
    }));
    rows.push(row(RowKind::Coverage, "Coverage", c, coverage_cell));
    for &r in &a.dimensions.order {
        rows.push(dimension_row(c, &lookups, r));
    }
    let mut clear = Vec::new();
    for (kind, label, phrase) in FLAG_ROWS {
        let r = row(RowKind::Flag(kind), label, c, |s| {
            flag_cell(flagged(s, kind), &layouts_of(a, s).items, a)
        });
        if r.cells.iter().all(|cell| cell.rank == Some(0.0)) {
            clear.push(phrase);
        } else {
            rows.push(r);
        }
    }
    if options.items {
        for &r in &a.items.order {
            rows.push(item_row(c, &lookups, r));
        }
    }
    let shown = rows.len();
    if options.only_differences {
        rows.retain(differs);
    }
    let judged = judged_on_scores(c);
    for r in &mut rows {
        let eligible = match r.kind {
            RowKind::Overall | RowKind::Dimension { .. } | RowKind::Flag(_) => &judged[..],
            _ => &[][..],
        };
        mark_best(&mut r.cells, eligible);
    }
    let columns = columns(c);
    let mut notes = notes(c, &layouts, &rows, shown - rows.len());
    if judged.contains(&false) {
        notes.push(PARTIAL_NOTE.into());
    }
    if !clear.is_empty() && !c.summaries.is_empty() {
        notes.insert(0, clear_note(&clear));
    }
    CompareView {
        checklist: layouts
            .first()
            .map_or_else(String::new, |l| l.checklist.clone()),
        title: layouts
            .first()
            .map_or_else(String::new, |l| l.title.clone()),
        columns,
        rows,
        notes,
    }
}

/// The flag rows, in order, with their headings and what a note calls them.
const FLAG_ROWS: [(FlagKind, &str, &str); 5] = [
    (FlagKind::GateFailed, "Failed gates", "failed gates"),
    (FlagKind::AtWorst, "At their worst", "items at their worst"),
    (FlagKind::Stale, "Stale answers", "stale answers"),
    (
        FlagKind::MissingEvidence,
        "Missing evidence",
        "answers missing evidence",
    ),
    (FlagKind::Disagreement, "Disagreements", "disagreements"),
];

/// For each layout, the position of each dimension and item row in it.
struct Lookups {
    dimensions: Vec<Vec<Option<u32>>>,
    items: Vec<Vec<Option<u32>>>,
}

impl Lookups {
    fn new(a: &Alignment) -> Self {
        Lookups {
            dimensions: Alignment::positions(&a.dimensions, |l| &l.dimensions, &a.layouts),
            items: Alignment::positions(&a.items, |l| &l.items, &a.layouts),
        }
    }
}

fn layouts_of<'a>(a: &'a Alignment, s: &Summary) -> &'a Layout {
    &a.layouts[s.layout]
}

fn row(kind: RowKind, label: &str, c: &Comparison, cell: impl Fn(&Summary) -> Cell) -> Row {
    Row {
        kind,
        label: label.to_string(),
        cells: c.summaries.iter().map(cell).collect(),
    }
}

fn verdict_cell(s: &Summary) -> Cell {
    Cell {
        text: s.verdict.label().to_string(),
        verdict: Some(s.verdict),
        rank: Some(f64::from(verdict_rank(s.verdict))),
        ..Cell::default()
    }
}

fn score_cell(score: Option<f64>) -> Cell {
    Cell {
        text: score.map_or_else(|| "-".into(), one_decimal),
        score,
        rank: score.map(round9),
        ..Cell::default()
    }
}

fn coverage_cell(s: &Summary) -> Cell {
    let mut text = format!("{}%", one_decimal(s.coverage * 100.0));
    if s.unanswered > 0 {
        text.push_str(&format!(" ({} unanswered)", s.unanswered));
    }
    Cell {
        text,
        rank: Some(round9(s.coverage)),
        ..Cell::default()
    }
}

fn missing() -> Cell {
    Cell {
        text: MISSING.into(),
        missing: true,
        ..Cell::default()
    }
}

fn dimension_row(c: &Comparison, lookups: &Lookups, r: u32) -> Row {
    let dim = &c.alignment.dimensions.rows[r as usize];
    let cells = c
        .summaries
        .iter()
        .map(|s| match lookups.dimensions[s.layout][r as usize] {
            None => missing(),
            Some(p) => {
                let mut cell = score_cell(s.dimensions.get(p as usize).copied().flatten());
                if s.flagged.below_floor.contains(&p) {
                    cell.flags.push("below floor");
                }
                cell
            }
        })
        .collect();
    Row {
        kind: RowKind::Dimension { id: dim.id.clone() },
        label: dim.title.clone(),
        cells,
    }
}

fn flagged(s: &Summary, kind: FlagKind) -> &[u32] {
    let f = &s.flagged;
    match kind {
        FlagKind::GateFailed => &f.gate_failed,
        FlagKind::AtWorst => &f.at_worst,
        FlagKind::Stale => &f.stale,
        FlagKind::MissingEvidence => &f.missing_evidence,
        FlagKind::Disagreement => &f.disagreement,
    }
}

/// The ids behind a flag ("none" when there are none); fewer is better.
fn flag_cell(positions: &[u32], item_rows: &[u32], a: &Alignment) -> Cell {
    let ids: Vec<&str> = positions
        .iter()
        .filter_map(|p| item_rows.get(*p as usize))
        .map(|r| a.items.rows[*r as usize].id.as_str())
        .collect();
    let mut text = if ids.is_empty() {
        "none".to_string()
    } else {
        ids.iter()
            .take(NAMED)
            .copied()
            .collect::<Vec<_>>()
            .join(", ")
    };
    if ids.len() > NAMED {
        text.push_str(&format!(" and {} more", ids.len() - NAMED));
    }
    Cell {
        text,
        rank: Some(-(ids.len() as f64)),
        ..Cell::default()
    }
}

fn item_row(c: &Comparison, lookups: &Lookups, r: u32) -> Row {
    let item = &c.alignment.items.rows[r as usize];
    let cells = c
        .summaries
        .iter()
        .map(
            |s| match lookups.items[s.layout][r as usize].and_then(|p| s.items.get(p as usize)) {
                None => missing(),
                Some(i) => Cell {
                    text: i.answer.clone(),
                    score: i.score,
                    flags: flag::words(i.flags),
                    rank: i.score.map(round9),
                    ..Cell::default()
                },
            },
        )
        .collect();
    Row {
        kind: RowKind::Item {
            id: item.id.clone(),
        },
        label: item.id.clone(),
        cells,
    }
}

/// Whether the candidates' cells differ (a single candidate differs from no one).
fn differs(row: &Row) -> bool {
    let shown = |c: &Cell| (c.text.clone(), c.flags.clone(), c.missing);
    row.cells
        .split_first()
        .is_some_and(|(first, rest)| rest.iter().any(|c| shown(c) != shown(first)))
}

/// Why incomplete candidates are not marked best on scores and flags.
const PARTIAL_NOTE: &str = "An INCOMPLETE candidate is not marked best on scores or flags: they count only what is answered.";

/// Which candidates may be marked best on scores and flags: all of them, unless some are
/// complete and others INCOMPLETE, whose scores and clear flags cover only what is answered (a
/// candidate with one item answered would otherwise "win" the overall score).
fn judged_on_scores(c: &Comparison) -> Vec<bool> {
    let complete: Vec<bool> = c
        .summaries
        .iter()
        .map(|s| s.verdict != Verdict::Incomplete)
        .collect();
    if complete.iter().all(|c| *c) || !complete.iter().any(|c| *c) {
        vec![true; complete.len()]
    } else {
        complete
    }
}

/// Marks the cells with the highest rank among the eligible ones (all when `eligible` is
/// empty), unless every eligible cell ranks the same.
fn mark_best(cells: &mut [Cell], eligible: &[bool]) {
    let may = |i: usize| eligible.get(i).copied().unwrap_or(true);
    let ranks: Vec<Option<f64>> = cells
        .iter()
        .enumerate()
        .map(|(i, c)| c.rank.filter(|_| may(i)))
        .collect();
    let Some(best) = ranks.iter().flatten().copied().reduce(f64::max) else {
        return;
    };
    if cells.len() < 2 || ranks.iter().all(|r| *r == Some(best)) {
        return;
    }
    for (cell, rank) in cells.iter_mut().zip(ranks) {
        cell.best = rank == Some(best);
    }
}

fn columns(c: &Comparison) -> Vec<Column> {
    let mut names: HashMap<&str, usize> = HashMap::new();
    for s in &c.summaries {
        *names.entry(s.name.as_str()).or_default() += 1;
    }
    let mut labels: HashMap<String, usize> = HashMap::new();
    c.summaries
        .iter()
        .map(|s| {
            let base = if names[s.name.as_str()] > 1 {
                s.source.clone()
            } else {
                s.name.clone()
            };
            let seen = labels.entry(base.clone()).or_default();
            *seen += 1;
            let label = if *seen > 1 {
                format!("{base} #{seen}")
            } else {
                base
            };
            Column {
                label,
                name: s.name.clone(),
                source: s.source.clone(),
                version: c.alignment.layouts[s.layout].version.clone(),
            }
        })
        .collect()
}

fn notes(c: &Comparison, layouts: &[&Layout], rows: &[Row], hidden: usize) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(versions) = versions_note(c, layouts) {
        notes.push(versions);
    }
    if rows.iter().any(|r| r.cells.iter().any(|c| c.missing)) {
        notes.push(format!(
            "{MISSING} marks a dimension or item that the checklist version a candidate was scored against does not have."
        ));
    }
    let mut names = HashMap::new();
    if c.summaries
        .iter()
        .any(|s| names.insert(s.name.as_str(), ()).is_some())
    {
        notes.push("Candidates that share a name are labelled by their file.".into());
    }
    if hidden > 0 {
        notes.push(format!(
            "{hidden} row{} where every candidate is the same {} not shown (--only-differences).",
            if hidden == 1 { "" } else { "s" },
            if hidden == 1 { "is" } else { "are" }
        ));
    }
    notes
}

/// "No candidate has failed gates, stale answers or disagreements."
fn clear_note(phrases: &[&str]) -> String {
    let list = match phrases.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => phrases.join(""),
    };
    format!("No candidate has {list}.")
}

/// "Scored against different versions of `x`: 1.0.0 (A, B); 2.0.0 (C)."
fn versions_note(c: &Comparison, layouts: &[&Layout]) -> Option<String> {
    let mut versions: Vec<(&str, Vec<&str>)> = Vec::new();
    for (s, l) in c.summaries.iter().zip(layouts) {
        match versions.iter_mut().find(|(v, _)| *v == l.version) {
            Some((_, names)) => names.push(&s.name),
            None => versions.push((&l.version, vec![&s.name])),
        }
    }
    if versions.len() < 2 {
        return None;
    }
    let parts: Vec<String> = versions
        .iter()
        .map(|(v, names)| {
            let named: Vec<&str> = names.iter().take(NAMED).copied().collect();
            let more = names.len().saturating_sub(NAMED);
            let tail = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            format!("{v} ({}{tail})", named.join(", "))
        })
        .collect();
    Some(format!(
        "The candidates were scored against different versions of checklist {}: {}. Rows align by id.",
        layouts.first().map_or("", |l| l.checklist.as_str()),
        parts.join("; ")
    ))
}
