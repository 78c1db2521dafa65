//! What the comparison template is given: the comparison view turned into candidate cards, a
//! radar chart of dimension scores, the side-by-side table and a heat map of item scores.
//! Strings stay plain text here; the template escapes them.

use std::collections::HashMap;

use serde::Serialize;

use super::context::{Badge, HeatCell, HeatGroup, HeatMap, HeatRow, badge, heat_cell};
use crate::compare::Comparison;
use crate::compare::align::Row as AlignedRow;
use crate::compare::view::{Cell, CompareView, Row, RowKind};
use crate::report::svg::{self, Radar};

/// The whole comparison page.
#[derive(Debug, Clone, Serialize)]
pub struct ComparePage {
    /// The page title.
    pub title: String,
    /// The checklist's id.
    pub checklist: String,
    /// The checklist's title.
    pub checklist_title: String,
    /// One card per candidate, in the order shown.
    pub candidates: Vec<CandidateCard>,
    /// Dimension scores as a radar chart, when there are three dimensions or more.
    pub radar: Option<Radar>,
    /// The side-by-side rows (every row of the view but the reasons, which the cards show, and
    /// the items, which the heat map shows).
    pub rows: Vec<CompareRow>,
    /// Notes for under the table.
    pub notes: Vec<String>,
    /// Item scores, when the view has item rows.
    pub heat: Option<HeatMap>,
}

/// A candidate at a glance.
#[derive(Debug, Clone, Serialize)]
pub struct CandidateCard {
    /// The column heading.
    pub label: String,
    /// Its file.
    pub source: String,
    /// The checklist version it was scored against.
    pub version: String,
    /// Its verdict, with why.
    pub badge: Badge,
    /// The overall score as tables show it.
    pub overall: String,
    /// Coverage.
    pub coverage: String,
}

/// One side-by-side row.
#[derive(Debug, Clone, Serialize)]
pub struct CompareRow {
    /// The heading.
    pub label: String,
    /// One cell per candidate.
    pub cells: Vec<CompareCell>,
}

/// One side-by-side cell.
#[derive(Debug, Clone, Serialize)]
pub struct CompareCell {
    /// The value.
    pub text: String,
    /// The verdict as a badge, in the verdict row.
    pub badge: Option<Badge>,
    /// Flags in words.
    pub flags: Vec<&'static str>,
    /// The best in its row.
    pub best: bool,
    /// The candidate's checklist version lacks this row.
    pub missing: bool,
}

/// Builds the page from the comparison and its view (built with item rows for the heat map).
pub fn compare_page(c: &Comparison, view: &CompareView) -> ComparePage {
    ComparePage {
        title: format!("Comparing {} candidates", view.columns.len()),
        checklist: view.checklist.clone(),
        checklist_title: view.title.clone(),
        candidates: cards(view),
        radar: radar(view),
        rows: view
            .rows
            .iter()
            .filter(|r| !matches!(r.kind, RowKind::Item { .. } | RowKind::Reason))
            .map(compare_row)
            .collect(),
        notes: view.notes.clone(),
        heat: heat_map(c, view),
    }
}

/// The cells of the row of `kind`, if the view has one.
fn cells_of<'a>(view: &'a CompareView, kind: &RowKind) -> Option<&'a [Cell]> {
    view.rows
        .iter()
        .find(|r| r.kind == *kind)
        .map(|r| r.cells.as_slice())
}

fn cards(view: &CompareView) -> Vec<CandidateCard> {
    let text = |kind: RowKind, i: usize| {
        cells_of(view, &kind)
            .and_then(|cells| cells.get(i))
            .map(|c| c.text.clone())
    };
    let verdicts = cells_of(view, &RowKind::Verdict).unwrap_or_default();
    let reasons: HashMap<&str, &str> = view
        .reasons()
        .into_iter()
        .map(|(column, why)| (column.label.as_str(), why))
        .collect();
    view.columns
        .iter()
        .enumerate()
        .map(|(i, column)| {
            let verdict = verdicts.get(i).and_then(|c| c.verdict);
            CandidateCard {
                label: column.label.clone(),
                source: column.source.clone(),
                version: column.version.clone(),
                badge: verdict.map_or_else(unknown_badge, |v| {
                    badge(v, reasons.get(column.label.as_str()).copied())
                }),
                overall: text(RowKind::Overall, i).unwrap_or_else(|| "-".into()),
                coverage: text(RowKind::Coverage, i).unwrap_or_else(|| "-".into()),
            }
        })
        .collect()
}

/// A badge for a column without a verdict cell (the view always has one; kept total).
fn unknown_badge() -> Badge {
    Badge {
        word: "-",
        key: "incomplete",
        symbol: "?",
        reason: None,
    }
}

/// The radar of dimension scores: one axis per dimension row, one series per candidate.
fn radar(view: &CompareView) -> Option<Radar> {
    let dimensions: Vec<&Row> = view
        .rows
        .iter()
        .filter(|r| matches!(r.kind, RowKind::Dimension { .. }))
        .collect();
    if dimensions.len() < 3 {
        return None;
    }
    let axes: Vec<String> = dimensions.iter().map(|r| r.label.clone()).collect();
    let series: Vec<(String, Vec<Option<f64>>)> = view
        .columns
        .iter()
        .enumerate()
        .map(|(i, column)| {
            let scores = dimensions
                .iter()
                .map(|r| r.cells.get(i).and_then(|c| c.score))
                .collect();
            (column.label.clone(), scores)
        })
        .collect();
    Some(svg::radar(&axes, &series, None))
}

fn compare_row(r: &Row) -> CompareRow {
    CompareRow {
        label: r.label.clone(),
        cells: r
            .cells
            .iter()
            .map(|c| CompareCell {
                text: c.text.clone(),
                badge: c.verdict.map(|v| badge(v, None)),
                flags: c.flags.clone(),
                best: c.best,
                missing: c.missing,
            })
            .collect(),
    }
}

/// The heat map of the view's item rows, grouped by dimension as the checklist orders them.
fn heat_map(c: &Comparison, view: &CompareView) -> Option<HeatMap> {
    let a = &c.alignment;
    let items: HashMap<&str, &AlignedRow> =
        a.items.rows.iter().map(|r| (r.id.as_str(), r)).collect();
    let mut groups: Vec<(Option<u32>, HeatGroup)> = Vec::new();
    for row in &view.rows {
        let RowKind::Item { id } = &row.kind else {
            continue;
        };
        if !row.cells.iter().any(shows_in_heat_map) {
            continue; // a text item, or one that applies to no one: nothing to colour
        }
        let aligned = items.get(id.as_str());
        let parent = aligned.and_then(|r| r.parent);
        if groups.last().is_none_or(|(p, _)| *p != parent) {
            let title = parent
                .and_then(|p| a.dimensions.rows.get(p as usize))
                .map_or_else(String::new, |d| d.title.clone());
            groups.push((
                parent,
                HeatGroup {
                    title,
                    rows: Vec::new(),
                },
            ));
        }
        if let Some((_, group)) = groups.last_mut() {
            group.rows.push(HeatRow {
                id: id.clone(),
                question: aligned.map_or_else(String::new, |r| r.title.clone()),
                cells: row.cells.iter().map(heat).collect(),
            });
        }
    }
    (!groups.is_empty()).then(|| HeatMap {
        columns: view.columns.iter().map(|c| c.label.clone()).collect(),
        groups: groups.into_iter().map(|(_, g)| g).collect(),
    })
}

/// Whether a cell says something a heat map shows: a score, N/A or unanswered.
fn shows_in_heat_map(cell: &Cell) -> bool {
    cell.score.is_some() || matches!(cell.text.as_str(), "N/A" | "unanswered")
}

/// A heat-map cell: the score, or a short mark the caption explains.
fn heat(cell: &Cell) -> HeatCell {
    let mark = if cell.missing {
        "—"
    } else {
        match cell.text.as_str() {
            "N/A" => "N/A",
            "does not apply" => "–",
            "unanswered" => "?",
            _ => "-",
        }
    };
    heat_cell(cell.score, mark)
}
