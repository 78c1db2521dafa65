//! The terminal comparison: candidates as columns, the best value in each row in bold, a
//! compact bar beside each score. With more candidates than fit side by side, candidates
//! become rows instead (a leaderboard), and item rows follow in tables of a few candidates.
//!
//! Styles are emitted always; the binary prints through anstream, which strips them off a
//! terminal and honours `NO_COLOR` and `CLICOLOR_FORCE`.

use std::fmt::Write;
use std::ops::Range;

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{
    Attribute, Cell as TableCell, Color, ColumnConstraint, ContentArrangement, Table, Width,
};

use super::view::{Cell, CompareView, Row, RowKind};
use crate::score::Verdict;
use crate::text::escape_control;

/// Width of a score bar, in characters.
const BAR: usize = 10;

/// The table's width when it is not printed to a terminal (whose width it takes otherwise).
const WIDTH_OFF_TERMINAL: u16 = 100;

/// The longest row heading kept on one line.
const LABEL_MAX: usize = 30;

/// Most candidates shown as columns; beyond this, candidates are rows.
pub const COLUMNS_MAX: usize = 5;

/// Candidates per leaderboard table: a long leaderboard is printed as several tables, each
/// with its header, so the table never holds more than this many rows at once.
const LEADERBOARD_ROWS: usize = 100;

/// Renders the comparison for a terminal.
pub fn render(view: &CompareView) -> String {
    let mut out = String::new();
    let _ = render_each(view, &mut |piece| {
        out.push_str(piece);
        Ok(())
    });
    out
}

/// [`render`], handed to `emit` piece by piece (the heading, each table, the reasons, the
/// notes) as each is rendered, so that a leaderboard of thousands of candidates is printed
/// without ever being held whole. The pieces joined are exactly [`render`]'s text.
pub fn render_each(
    view: &CompareView,
    emit: &mut dyn FnMut(&str) -> std::io::Result<()>,
) -> std::io::Result<()> {
    emit(&format!(
        "Comparing {} candidate{} · checklist {}\n\n",
        view.columns.len(),
        if view.columns.len() == 1 { "" } else { "s" },
        view.checklist
    ))?;
    if view.columns.len() <= COLUMNS_MAX {
        let rows: Vec<&Row> = view.rows.iter().collect();
        emit(&format!(
            "{}\n",
            by_column(view, &rows, 0..view.columns.len())
        ))?;
    } else {
        leaderboard(emit, view)?;
    }
    let mut notes = String::new();
    for note in &view.notes {
        let _ = writeln!(notes, "{}", escape_control(note));
    }
    emit(&notes)
}

fn table() -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .enforce_styling();
    if t.width().is_none() {
        t.set_width(WIDTH_OFF_TERMINAL);
    }
    t
}

/// Rows as rows, the candidates in `columns` as columns.
fn by_column(view: &CompareView, rows: &[&Row], columns: Range<usize>) -> Table {
    let mut t = table();
    let mut header = vec![TableCell::new("")];
    header.extend(
        view.columns[columns.clone()]
            .iter()
            .map(|c| TableCell::new(escape_control(&c.label))),
    );
    t.set_header(header);
    let mut widest = 0;
    for row in rows {
        if matches!(row.kind, RowKind::Item { .. }) {
            widest = widest.max(row.label.chars().count());
        }
        let mut cells = vec![TableCell::new(escape_control(&row.label))];
        cells.extend(
            row.cells[columns.clone()]
                .iter()
                .map(|c| styled(c, &row.kind)),
        );
        t.add_row(cells);
    }
    keep_labels_whole(&mut t, widest);
    t
}

/// Keeps item ids, the row headings of item rows, on one line where they are not too long.
fn keep_labels_whole(t: &mut Table, widest: usize) {
    let width = u16::try_from(widest.min(LABEL_MAX)).unwrap_or(0);
    if let Some(column) = t.column_mut(0) {
        column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(width)));
    }
}

/// Many candidates: one line per candidate (verdict and scores), the reasons listed under it,
/// then the item rows, if any, [`COLUMNS_MAX`] candidates at a time.
fn leaderboard(
    emit: &mut dyn FnMut(&str) -> std::io::Result<()>,
    view: &CompareView,
) -> std::io::Result<()> {
    let (items, rest): (Vec<&Row>, Vec<&Row>) = view
        .rows
        .iter()
        .partition(|r| matches!(r.kind, RowKind::Item { .. }));
    let rest: Vec<&Row> = rest
        .into_iter()
        .filter(|r| r.kind != RowKind::Reason)
        .collect();
    let n = view.columns.len();
    for start in (0..n).step_by(LEADERBOARD_ROWS) {
        let end = (start + LEADERBOARD_ROWS).min(n);
        emit(&format!("{}\n", by_candidate(view, &rest, start..end)))?;
    }
    let reasons = view.reasons();
    for chunk in reasons.chunks(LEADERBOARD_ROWS) {
        let mut out = String::new();
        for (column, why) in chunk {
            let _ = writeln!(
                out,
                "{}: {}",
                escape_control(&column.label),
                escape_control(why)
            );
        }
        emit(&out)?;
    }
    if !reasons.is_empty() {
        emit("\n")?;
    }
    if !items.is_empty() {
        for start in (0..n).step_by(COLUMNS_MAX) {
            let end = (start + COLUMNS_MAX).min(n);
            emit(&format!("{}\n", by_column(view, &items, start..end)))?;
        }
    }
    Ok(())
}

/// The candidates in `candidates` as rows, rows as columns: one line per candidate, so scores
/// only (a bar beside the overall score) and no flags.
fn by_candidate(view: &CompareView, rows: &[&Row], candidates: Range<usize>) -> Table {
    let mut t = table();
    let mut header = vec![TableCell::new("candidate")];
    header.extend(
        rows.iter()
            .map(|r| TableCell::new(escape_control(&r.label))),
    );
    t.set_header(header);
    for n in candidates {
        let mut cells = vec![TableCell::new(escape_control(&view.columns[n].label))];
        cells.extend(rows.iter().map(|r| {
            let mut cell = r.cells[n].clone();
            cell.flags.clear();
            let kind = match r.kind {
                RowKind::Overall => RowKind::Overall,
                _ => RowKind::Reason,
            };
            styled(&cell, &kind)
        }));
        t.add_row(cells);
    }
    t
}

/// A cell's text, with a bar beside scores of the overall and dimension rows, flags on a line
/// of their own, in bold when it is the best in its row and coloured for a verdict.
fn styled(cell: &Cell, kind: &RowKind) -> TableCell {
    let mut text = escape_control(&cell.text);
    let barred = matches!(kind, RowKind::Overall | RowKind::Dimension { .. });
    if barred && !cell.missing {
        text = format!("{text} {}", crate::report::table::bar_of(cell.score, BAR));
    }
    let mut below: Vec<String> = Vec::new();
    if let (RowKind::Item { .. }, Some(score)) = (kind, cell.score) {
        below.push(crate::num::one_decimal(score));
    }
    below.extend(cell.flags.iter().map(|f| f.to_string()));
    if !below.is_empty() {
        text = format!("{text}\n{}", below.join(" · "));
    }
    let mut out = TableCell::new(text);
    if cell.best {
        out = out.add_attribute(Attribute::Bold);
    }
    if let Some(verdict) = cell.verdict {
        out = out.fg(colour(verdict));
    }
    out
}

fn colour(verdict: Verdict) -> Color {
    match verdict {
        Verdict::Ready => Color::Green,
        Verdict::ReadyWithConditions => Color::Yellow,
        Verdict::NotReady => Color::Red,
        Verdict::Incomplete => Color::Magenta,
    }
}
