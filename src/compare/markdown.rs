//! The Markdown comparison: a GitHub-flavoured table, candidates as columns (as rows when
//! there are many), the best value in each row in `**bold**`. Every string from a file is
//! escaped, so the table stays a table whatever the names and answers contain.

use std::fmt::Write;
use std::ops::Range;

use super::table::COLUMNS_MAX;
use super::view::{Cell, CompareView, Row, RowKind};
use crate::markdown::{cell as md_cell, delimiter, escape_inline, row as md_row};

/// Renders the comparison as Markdown.
pub fn render(view: &CompareView) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## Comparison: {} (`{}`)\n",
        escape_inline(&view.title),
        view.checklist
    );
    if view.columns.len() <= COLUMNS_MAX {
        let rows: Vec<&Row> = view.rows.iter().collect();
        by_column(&mut out, view, &rows, 0..view.columns.len());
    } else {
        leaderboard(&mut out, view);
    }
    for note in &view.notes {
        let _ = writeln!(out, "{}\n", escape_inline(note));
    }
    out
}

/// Rows as rows, the candidates in `columns` as columns.
fn by_column(out: &mut String, view: &CompareView, rows: &[&Row], columns: Range<usize>) {
    let mut header = vec![" ".to_string()];
    header.extend(
        view.columns[columns.clone()]
            .iter()
            .map(|c| md_cell(&c.label)),
    );
    let _ = writeln!(out, "{}", md_row(&header));
    let _ = writeln!(out, "{}", delimiter(header.len()));
    for row in rows {
        let mut cells = vec![label(row)];
        cells.extend(
            row.cells[columns.clone()]
                .iter()
                .map(|c| text(c, &row.kind)),
        );
        let _ = writeln!(out, "{}", md_row(&cells));
    }
    out.push('\n');
}

/// Many candidates: a row per candidate, the reasons as a list under it, then the item rows
/// [`COLUMNS_MAX`] candidates at a time.
fn leaderboard(out: &mut String, view: &CompareView) {
    let (items, rest): (Vec<&Row>, Vec<&Row>) = view
        .rows
        .iter()
        .partition(|r| matches!(r.kind, RowKind::Item { .. }));
    let rest: Vec<&Row> = rest
        .into_iter()
        .filter(|r| r.kind != RowKind::Reason)
        .collect();
    by_candidate(out, view, &rest);
    let reasons = view.reasons();
    for (column, why) in &reasons {
        let _ = writeln!(
            out,
            "- {}: {}",
            escape_inline(&column.label),
            escape_inline(why)
        );
    }
    if !reasons.is_empty() {
        out.push('\n');
    }
    let n = view.columns.len();
    if !items.is_empty() {
        for start in (0..n).step_by(COLUMNS_MAX) {
            by_column(out, view, &items, start..(start + COLUMNS_MAX).min(n));
        }
    }
}

fn by_candidate(out: &mut String, view: &CompareView, rows: &[&Row]) {
    let mut header = vec!["Candidate".to_string()];
    header.extend(rows.iter().map(|r| label(r)));
    let _ = writeln!(out, "{}", md_row(&header));
    let _ = writeln!(out, "{}", delimiter(header.len()));
    for (n, column) in view.columns.iter().enumerate() {
        let mut cells = vec![md_cell(&column.label)];
        cells.extend(rows.iter().map(|r| {
            let mut cell = r.cells[n].clone();
            cell.flags.clear();
            text(&cell, &r.kind)
        }));
        let _ = writeln!(out, "{}", md_row(&cells));
    }
    out.push('\n');
}

/// A row heading: item ids as code, everything else as escaped text.
fn label(row: &Row) -> String {
    match &row.kind {
        RowKind::Item { id } => format!("`{id}`"),
        _ => md_cell(&row.label),
    }
}

/// A cell: its text, then an item's score and flags after middle dots, in bold when best.
fn text(cell: &Cell, kind: &RowKind) -> String {
    let mut parts = vec![escape_inline(&cell.text)];
    if let (RowKind::Item { .. }, Some(score)) = (kind, cell.score) {
        parts.push(crate::num::one_decimal(score));
    }
    parts.extend(cell.flags.iter().map(|f| f.to_string()));
    let joined = parts.join(" · ");
    if cell.best {
        format!("**{joined}**")
    } else {
        joined
    }
}
