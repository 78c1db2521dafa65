//! The Markdown diff, for a pull-request comment: a heading with the verdict change, the
//! scores before and after, then one table row per changed answer field. Every string from a
//! file (and every path) is escaped, so the comment stays well-formed whatever it contains.

use std::fmt::Write;

use super::table::coverage;
use super::{AnswerChange, ChangeSet, Field, answer_text, delta, field_text, item_state};
use crate::markdown::{cell, delimiter, escape_inline, row};
use crate::num::one_decimal;

/// Renders the diff as Markdown.
pub fn render(c: &ChangeSet) -> String {
    let mut out = String::new();
    let (o, n) = (&c.old, &c.new);
    let verdict = if o.verdict == n.verdict {
        n.verdict.label().to_string()
    } else {
        format!("{} → {}", o.verdict.label(), n.verdict.label())
    };
    let _ = writeln!(out, "### {}: {verdict}\n", escape_inline(&n.candidate));
    let _ = writeln!(
        out,
        "Changes from {} to {}.\n",
        escape_inline(&o.source),
        escape_inline(&n.source)
    );
    if c.is_empty() {
        let _ = writeln!(
            out,
            "No changes: the answers and the scores are the same.\n"
        );
        return out;
    }
    scores(&mut out, c);
    header(&mut out, c);
    items(&mut out, c);
    out
}

fn score(s: Option<f64>) -> String {
    s.map_or_else(|| "-".into(), one_decimal)
}

fn scores(out: &mut String, c: &ChangeSet) {
    let (o, n) = (&c.old, &c.new);
    let _ = writeln!(
        out,
        "{}\n{}",
        row(&[" ", "Before", "After", "Change"]),
        delimiter(4)
    );
    let mut line = |cells: [String; 4]| {
        let _ = writeln!(out, "{}", row(&cells));
    };
    line([
        "Verdict".into(),
        o.verdict.label().into(),
        n.verdict.label().into(),
        " ".into(),
    ]);
    line([
        "Overall".into(),
        score(o.overall),
        score(n.overall),
        cell(&delta(o.overall, n.overall)),
    ]);
    line([
        "Coverage".into(),
        coverage(o.coverage, o.unanswered),
        coverage(n.coverage, n.unanswered),
        " ".into(),
    ]);
    for d in &c.dimensions {
        line([
            cell(&d.title),
            d.old.map_or_else(|| "—".into(), score),
            d.new.map_or_else(|| "—".into(), score),
            cell(&delta(d.old.flatten(), d.new.flatten())),
        ]);
    }
    out.push('\n');
    if let Some(reason) = &n.reason {
        let _ = writeln!(out, "Why not READY: {}\n", escape_inline(reason));
    }
}

fn header(out: &mut String, c: &ChangeSet) {
    for h in &c.header {
        let _ = writeln!(
            out,
            "- `{}`: {} → {}",
            h.field,
            escape_inline(h.old.as_deref().unwrap_or("(none)")),
            escape_inline(h.new.as_deref().unwrap_or("(none)"))
        );
    }
    if !c.header.is_empty() {
        out.push('\n');
    }
}

fn items(out: &mut String, c: &ChangeSet) {
    if c.items.is_empty() {
        return;
    }
    let count = c.items.len();
    let _ = writeln!(
        out,
        "#### {count} item{} changed\n",
        if count == 1 { "" } else { "s" }
    );
    let _ = writeln!(
        out,
        "{}\n{}",
        row(&["Item", "Assessor", "Change", "Before", "After"]),
        delimiter(5)
    );
    for i in &c.items {
        let _ = writeln!(
            out,
            "{}",
            row(&[
                format!("`{}`", i.id),
                "consensus".into(),
                "result".into(),
                cell(&item_state(i.old.as_ref())),
                cell(&item_state(i.new.as_ref())),
            ])
        );
        for a in &i.answers {
            for cells in answer_rows(a) {
                let _ = writeln!(out, "{}", row(&cells));
            }
        }
    }
    out.push('\n');
}

/// The rows of one assessor's change: one for an added or removed answer, one per changed field.
fn answer_rows(a: &AnswerChange) -> Vec<[String; 5]> {
    let by = cell(a.by());
    match a {
        AnswerChange::Added(n) => vec![[
            " ".into(),
            by,
            "added".into(),
            "—".into(),
            cell(&answer_text(n)),
        ]],
        AnswerChange::Removed(o) => vec![[
            " ".into(),
            by,
            "removed".into(),
            cell(&answer_text(o)),
            "—".into(),
        ]],
        AnswerChange::Changed { old, new, fields } => fields
            .iter()
            .map(|f| {
                let change = if *f == Field::At {
                    "re-answered".to_string()
                } else {
                    f.key().to_string()
                };
                [
                    " ".into(),
                    by.clone(),
                    change,
                    cell(&field_text(old, *f)),
                    cell(&field_text(new, *f)),
                ]
            })
            .collect(),
    }
}
