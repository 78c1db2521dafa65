//! Renders a checklist for `weigh checklist show`: a terminal table, Markdown (the source of
//! `docs/checklists.md`) or JSON in the checklist file format.

use std::fmt::Write;

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use crate::checklist::{Checklist, Condition, Dimension, Gate, Item, Kind};
use crate::markdown::{cell, delimiter, escape_inline, prose, row};
use crate::text::{escape_control, terminal_cell};

/// The resolved checklist as pretty JSON in the checklist file format
/// ([`crate::checklist::json`]).
pub fn json(checklist: &Checklist) -> String {
    crate::jsonout::pretty(&crate::checklist::json::to_json(checklist))
}

/// The checklist as terminal tables, one per dimension; `width` is the terminal's, if known.
pub fn table(checklist: &Checklist, width: Option<u16>) -> String {
    let mut out = String::new();
    let c = checklist;
    let _ = writeln!(
        out,
        "{} ({} {})",
        escape_control(&c.title),
        c.id,
        escape_control(&c.version)
    );
    let _ = writeln!(out, "source: {} · digest: {}", c.origin, c.digest);
    if let Some(line) = inheritance_line(c) {
        let _ = writeln!(out, "{}", escape_control(&line));
    }
    let _ = writeln!(out, "{}", readiness_line(c));
    for d in &c.dimensions {
        let _ = writeln!(
            out,
            "\n{} — {} (weight {})",
            d.id,
            escape_control(&d.title),
            number(d.weight)
        );
        let mut t = Table::new();
        t.load_preset(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic);
        if let Some(w) = width {
            t.set_width(w);
        }
        t.set_header([
            "item", "question", "kind", "rubric", "weight", "gate", "notes",
        ]);
        for item in &d.items {
            t.add_row([
                item.id.clone(),
                terminal_cell(&item.question),
                item.kind.name().to_string(),
                terminal_cell(&rubric(item)),
                weight(item),
                gate(item),
                terminal_cell(&notes(c, item).join(", ")),
            ]);
        }
        let _ = writeln!(out, "{t}");
    }
    out
}

/// The checklist as GitHub-flavoured Markdown: a summary, then a section per dimension and item.
pub fn markdown(checklist: &Checklist) -> String {
    let mut out = String::new();
    let c = checklist;
    let _ = writeln!(
        out,
        "## {} (`{}` {})\n",
        escape_inline(&c.title),
        c.id,
        escape_inline(&c.version)
    );
    if let Some(description) = &c.description {
        let _ = writeln!(out, "{}\n", prose(description).trim_end());
    }
    let _ = writeln!(out, "{}\n", escape_inline(&readiness_line(c)));
    if let Some(line) = inheritance_line(c) {
        let _ = writeln!(out, "{}\n", escape_inline(&line));
    }
    let _ = writeln!(out, "Digest: `{}`\n", c.digest);
    summary(&mut out, c);
    for d in &c.dimensions {
        dimension_section(&mut out, c, d);
    }
    out
}

fn summary(out: &mut String, c: &Checklist) {
    let _ = writeln!(
        out,
        "{}",
        row(&[
            "Dimension",
            "Weight",
            "Items",
            "Gates",
            "Items that apply only sometimes"
        ])
    );
    let _ = writeln!(out, "{}", delimiter(5));
    for d in &c.dimensions {
        let gates = d.items.iter().filter(|i| i.gate.is_some()).count();
        let conditional = d.items.iter().filter(|i| i.when.is_some()).count();
        let _ = writeln!(
            out,
            "{}",
            row(&[
                cell(&d.title),
                number(d.weight),
                d.items.len().to_string(),
                gates.to_string(),
                conditional.to_string()
            ])
        );
    }
    out.push('\n');
}

fn dimension_section(out: &mut String, c: &Checklist, d: &Dimension) {
    let _ = writeln!(
        out,
        "### {} (`{}`, weight {})\n",
        escape_inline(&d.title),
        d.id,
        number(d.weight)
    );
    if let Some(description) = &d.description {
        let _ = writeln!(out, "{}\n", prose(description).trim_end());
    }
    let _ = writeln!(
        out,
        "{}",
        row(&["Item", "Question", "Kind", "Weight", "Gate", "Notes"])
    );
    let _ = writeln!(out, "{}", delimiter(6));
    for item in &d.items {
        let _ = writeln!(
            out,
            "{}",
            row(&[
                format!("`{}`", item.id),
                cell(&item.question),
                item.kind.name().into(),
                weight(item),
                cell(&gate(item)),
                cell(&notes(c, item).join(", "))
            ])
        );
    }
    out.push('\n');
    for item in &d.items {
        item_section(out, c, item);
    }
}

fn item_section(out: &mut String, c: &Checklist, item: &Item) {
    let _ = writeln!(
        out,
        "#### `{}`: {}\n",
        item.id,
        escape_inline(&item.question)
    );
    if let Some(guidance) = &item.guidance {
        let _ = writeln!(out, "{}\n", prose(guidance).trim_end());
    }
    rubric_list(out, item);
    let mut facts = vec![
        format!("Kind: {}", item.kind.name()),
        format!("weight: {}", weight(item)),
    ];
    facts.extend(gate_text(item).map(|g| format!("gate: {g}")));
    facts.extend(notes(c, item));
    let _ = writeln!(out, "{}\n", escape_inline(&facts.join(" · ")));
    if !item.references.is_empty() {
        let _ = writeln!(out, "References:\n");
        for r in &item.references {
            let _ = writeln!(out, "- {}", escape_inline(r));
        }
        out.push('\n');
    }
}

fn rubric_list(out: &mut String, item: &Item) {
    match &item.kind {
        Kind::Scale { levels } => {
            for (i, level) in levels.iter().enumerate() {
                let _ = writeln!(out, "- Level {i}: {}", escape_inline(level));
            }
            out.push('\n');
        }
        Kind::Choice { options } => {
            for o in options {
                let description = o
                    .description
                    .as_deref()
                    .map(|d| format!(": {}", escape_inline(d)))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "- {} (score {}){description}",
                    escape_inline(&o.label),
                    number(o.score)
                );
            }
            out.push('\n');
        }
        Kind::Number { unit, best, worst } => {
            let _ = writeln!(
                out,
                "Answer in {}: {} scores 1, {} scores 0.\n",
                escape_inline(unit),
                number(*best),
                number(*worst)
            );
        }
        Kind::YesNo => out.push_str("Answer yes or no.\n\n"),
        Kind::Text => out.push_str("Answer in free text (not scored).\n\n"),
    }
}

/// The rubric on one line: levels, options, or unit with best and worst.
pub fn rubric(item: &Item) -> String {
    match &item.kind {
        Kind::YesNo => "yes / no".into(),
        Kind::Scale { levels } => levels
            .iter()
            .enumerate()
            .map(|(i, l)| format!("{i}: {l}"))
            .collect::<Vec<_>>()
            .join("\n"),
        Kind::Choice { options } => options
            .iter()
            .map(|o| format!("{} ({})", o.label, number(o.score)))
            .collect::<Vec<_>>()
            .join("\n"),
        Kind::Number { unit, best, worst } => {
            format!("{unit}; best {}, worst {}", number(*best), number(*worst))
        }
        Kind::Text => "free text".into(),
    }
}

fn weight(item: &Item) -> String {
    if item.is_scored() {
        number(item.weight)
    } else {
        "-".into()
    }
}

fn gate(item: &Item) -> String {
    gate_text(item).unwrap_or_else(|| "-".into())
}

/// The gate in its kind's own terms, e.g. "level ≥ 2".
pub fn gate_text(item: &Item) -> Option<String> {
    Some(match item.gate? {
        Gate::Yes => "must be yes".into(),
        Gate::MinLevel(level) => format!("level ≥ {level}"),
        Gate::MinScore(score) => format!("option score ≥ {}", number(score)),
        Gate::Range {
            min: Some(lo),
            max: Some(hi),
        } => format!("{} ≤ value ≤ {}", number(lo), number(hi)),
        Gate::Range {
            min: Some(lo),
            max: None,
        } => format!("value ≥ {}", number(lo)),
        Gate::Range {
            min: None,
            max: Some(hi),
        } => format!("value ≤ {}", number(hi)),
        Gate::Range { .. } => return None,
    })
}

/// For a checklist built with `extends`: its base, what it removed, the readiness keys it set.
fn inheritance_line(c: &Checklist) -> Option<String> {
    let i = c.inheritance.as_ref()?;
    let mut parts = vec![format!("Extends {}", i.base)];
    if !i.removed.is_empty() {
        parts.push(format!("removed: {}", i.removed.join(", ")));
    }
    if !i.readiness.is_empty() {
        parts.push(format!("readiness set here: {}", i.readiness.join(", ")));
    }
    parts.push("items marked \"overridden\" or \"added\" differ from the base".into());
    Some(parts.join(" · "))
}

/// An item's notes in the table: what this checklist changed in its base, then its flags.
fn notes(c: &Checklist, item: &Item) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(i) = &c.inheritance {
        if let Some(keys) = i.overridden.get(&item.id) {
            out.push(format!("overridden: {}", keys.join(", ")));
        }
        if i.added.contains(&item.id) {
            out.push("added".into());
        }
    }
    out.extend(flags(item));
    out
}

fn flags(item: &Item) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(when) = &item.when {
        let condition = match &when.condition {
            Condition::In(labels) => labels.join(" or "),
            Condition::Is(true) => "yes".into(),
            Condition::Is(false) => "no".into(),
        };
        out.push(format!("only when {} is {condition}", when.item));
    }
    if let Some(days) = item.max_age_days {
        out.push(format!("stale after {days} days"));
    }
    if item.evidence_required {
        out.push("evidence required".into());
    }
    if item.na_allowed {
        out.push("N/A allowed".into());
    }
    if let Some(binding) = &item.fact {
        out.push(match binding.rules.len() {
            0 => format!("answered from fact {}", binding.name),
            1 => format!(
                "answered from fact {} when it matches its rule",
                binding.name
            ),
            n => format!(
                "answered from fact {} when it matches one of {n} rules",
                binding.name
            ),
        });
    }
    out
}

fn readiness_line(c: &Checklist) -> String {
    let r = c.readiness;
    let worst = if r.worst_blocks_ready {
        "an item scoring 0 keeps the verdict below READY"
    } else {
        "an item scoring 0 does not by itself keep the verdict below READY"
    };
    format!(
        "Readiness: READY at overall ≥ {} with every dimension ≥ {}, nothing stale, no required evidence missing; {worst}; READY WITH CONDITIONS at ≥ {}; disagreement at a spread ≥ {}.",
        number(r.ready),
        number(r.dimension_floor),
        number(r.conditional),
        number(r.disagreement)
    )
}

/// A number as a person writes it: `3`, `0.5`, `1000000`.
pub fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}
