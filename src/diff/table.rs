//! The terminal diff: the verdict and scores before and after in a table, then each changed
//! item with its assessors' changes, one line per changed field.

use std::fmt::Write;

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};

use super::{AnswerChange, ChangeSet, Field, answer_text, delta, field_text, item_state};
use crate::num::one_decimal;
use crate::text::escape_control;

/// Renders the diff for a terminal.
pub fn render(c: &ChangeSet) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {} → {}\n",
        escape_control(&c.new.candidate),
        escape_control(&c.old.source),
        escape_control(&c.new.source)
    );
    if c.is_empty() {
        let _ = writeln!(out, "No changes: the answers and the scores are the same.");
        return out;
    }
    let _ = writeln!(out, "{}", scores(c));
    for h in &c.header {
        let _ = writeln!(
            out,
            "{}: {} → {}",
            h.field,
            escape_control(h.old.as_deref().unwrap_or("(none)")),
            escape_control(h.new.as_deref().unwrap_or("(none)"))
        );
    }
    items(&mut out, c);
    out
}

fn scores(c: &ChangeSet) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    t.set_header(["", "before", "after", "change"]);
    let (o, n) = (&c.old, &c.new);
    t.add_row([
        "Verdict".to_string(),
        o.verdict.label().to_string(),
        n.verdict.label().to_string(),
        String::new(),
    ]);
    t.add_row([
        "Overall".to_string(),
        score(o.overall),
        score(n.overall),
        delta(o.overall, n.overall),
    ]);
    t.add_row([
        "Coverage".to_string(),
        coverage(o.coverage, o.unanswered),
        coverage(n.coverage, n.unanswered),
        String::new(),
    ]);
    for d in &c.dimensions {
        t.add_row([
            escape_control(&d.title),
            d.old.map_or_else(|| "—".into(), score),
            d.new.map_or_else(|| "—".into(), score),
            delta(d.old.flatten(), d.new.flatten()),
        ]);
    }
    t
}

fn score(s: Option<f64>) -> String {
    s.map_or_else(|| "-".into(), one_decimal)
}

/// "80.0% (5 unanswered)".
pub fn coverage(coverage: f64, unanswered: usize) -> String {
    let mut text = format!("{}%", one_decimal(coverage * 100.0));
    if unanswered > 0 {
        let _ = write!(text, " ({unanswered} unanswered)");
    }
    text
}

fn items(out: &mut String, c: &ChangeSet) {
    if c.items.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nItems ({} changed):", c.items.len());
    for i in &c.items {
        let _ = writeln!(
            out,
            "  {}: {} → {}",
            i.id,
            escape_control(&item_state(i.old.as_ref())),
            escape_control(&item_state(i.new.as_ref()))
        );
        for a in &i.answers {
            for line in answer_lines(a) {
                let _ = writeln!(out, "    {}", escape_control(&line));
            }
        }
    }
}

/// One line per change: "alice added …", "bob changed note: x → y".
fn answer_lines(a: &AnswerChange) -> Vec<String> {
    match a {
        AnswerChange::Added(n) => vec![format!("{} added: {}", n.by, answer_text(n))],
        AnswerChange::Removed(o) => vec![format!("{} removed: {}", o.by, answer_text(o))],
        AnswerChange::Changed { old, new, fields } => fields
            .iter()
            .map(|f| {
                let verb = if *f == Field::At {
                    "re-answered"
                } else {
                    "changed"
                };
                format!(
                    "{} {verb} {}: {} → {}",
                    new.by,
                    f.key(),
                    field_text(old, *f),
                    field_text(new, *f)
                )
            })
            .collect(),
    }
}
