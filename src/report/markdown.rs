//! The Markdown report: GitHub-flavoured, valid whatever the answers contain. Every string from
//! a checklist or assessment is escaped; table cells are one line.

use std::fmt::Write;

use super::view::{ItemView, ReportView};
use crate::assessment::write::datetime;
use crate::markdown::{cell, delimiter, escape_inline, row};
use crate::num::one_decimal;
use crate::show::number;

/// Renders one report as Markdown.
pub fn render(view: &ReportView) -> String {
    let mut out = String::new();
    header(&mut out, view);
    dimensions(&mut out, view);
    actions(&mut out, view);
    items(&mut out, view);
    notes(&mut out, view);
    unfit(&mut out, view);
    out
}

/// Answers the changed checklist no longer fits: kept in the file, not scored.
fn unfit(out: &mut String, v: &ReportView) {
    if v.unfit.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "## Answers that no longer fit the checklist\n\nThe checklist changed since these were written; they are kept in the file and not scored.\n"
    );
    for u in &v.unfit {
        let _ = writeln!(
            out,
            "- {} by **{}**: {} ({})",
            escape_inline(&u.item),
            escape_inline(&u.by),
            escape_inline(&u.value),
            datetime(u.at)
        );
    }
    out.push('\n');
}

fn header(out: &mut String, v: &ReportView) {
    let _ = writeln!(
        out,
        "# Readiness report: {}\n",
        escape_inline(&v.candidate.name)
    );
    let overall = v.overall.map_or("-".into(), one_decimal);
    let _ = writeln!(out, "**Verdict: {}**\n", v.verdict.label());
    if let Some(reason) = &v.reason {
        let _ = writeln!(out, "Why: {}\n", escape_inline(reason));
    }
    let _ = writeln!(
        out,
        "Overall **{overall}** / 100 · coverage {}% ({} unanswered) · READY at {} with every dimension at {} or more; READY WITH CONDITIONS at {}.\n",
        one_decimal(v.coverage * 100.0),
        v.unanswered,
        number(v.readiness.ready),
        number(v.readiness.dimension_floor),
        number(v.readiness.conditional)
    );
    let mut facts = vec![
        format!(
            "Checklist `{}` {}",
            v.checklist.id,
            escape_inline(&v.checklist.version)
        ),
        format!("as of {}", datetime(v.as_of)),
    ];
    if let Some(model) = &v.candidate.model {
        facts.insert(0, format!("Model {}", escape_inline(model)));
    }
    if let Some(revision) = &v.candidate.revision {
        facts.insert(1, format!("revision {}", escape_inline(revision)));
    }
    let _ = writeln!(out, "{}\n", facts.join(" · "));
    if !v.candidate.facts.is_empty() {
        let _ = writeln!(out, "{}", row(&["Fact", "Value"]));
        let _ = writeln!(out, "{}", delimiter(2));
        for (k, value) in &v.candidate.facts {
            let _ = writeln!(out, "{}", row(&[cell(k), cell(value)]));
        }
        out.push('\n');
    }
}

fn dimensions(out: &mut String, v: &ReportView) {
    let _ = writeln!(out, "## Dimensions\n");
    let _ = writeln!(
        out,
        "{}",
        row(&[
            "Dimension",
            "Score",
            "Coverage",
            "Unanswered",
            "Weight",
            "Below floor"
        ])
    );
    let _ = writeln!(out, "{}", delimiter(6));
    for d in &v.dimensions {
        let _ = writeln!(
            out,
            "{}",
            row(&[
                cell(&d.title),
                d.score.map_or("-".into(), one_decimal),
                format!("{}%", one_decimal(d.coverage * 100.0)),
                d.unanswered.to_string(),
                number(d.weight),
                if d.below_floor {
                    "yes".into()
                } else {
                    "no".into()
                },
            ])
        );
    }
    out.push('\n');
}

fn actions(out: &mut String, v: &ReportView) {
    let _ = writeln!(out, "## Actions\n");
    let shown = v.shown_actions();
    if shown.is_empty() {
        let _ = writeln!(out, "Nothing stands between this candidate and READY.\n");
        return;
    }
    for (n, a) in shown.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. `{}` {}",
            n + 1,
            a.action.kind(),
            escape_inline(&a.text)
        );
    }
    if shown.len() < v.actions.len() {
        let _ = writeln!(
            out,
            "\n{} more improvements are listed in the JSON report.",
            v.actions.len() - shown.len()
        );
    }
    out.push('\n');
}

fn items(out: &mut String, v: &ReportView) {
    let _ = writeln!(out, "## Items\n");
    let _ = writeln!(
        out,
        "{}",
        row(&["Item", "Question", "Answer", "Score", "Weight", "Flags"])
    );
    let _ = writeln!(out, "{}", delimiter(6));
    for i in &v.items {
        let answer = i
            .value_text
            .as_deref()
            .unwrap_or(if i.na { "N/A" } else { "-" });
        let score = i.score.map_or("-".into(), |s| one_decimal(s * 100.0));
        let _ = writeln!(
            out,
            "{}",
            row(&[
                format!("`{}`", i.id),
                cell(&i.question),
                cell(answer),
                score,
                number(i.weight),
                cell(&flags(i))
            ])
        );
    }
    out.push('\n');
}

/// The item's flags in words.
pub fn flags(i: &ItemView) -> String {
    let mut out = Vec::new();
    if !i.applicable {
        out.push("does not apply");
    }
    if i.gate_failed {
        out.push("gate failed");
    } else if i.gate.is_some() {
        out.push("gate");
    }
    if i.stale {
        out.push("stale");
    }
    if i.disagreement {
        out.push("disagreement");
    }
    if i.missing_evidence {
        out.push("missing evidence");
    }
    if i.at_worst {
        out.push("at its worst");
    }
    if i.applicable && !i.answered && i.kind != "text" {
        out.push("unanswered");
    }
    out.join(", ")
}

fn notes(out: &mut String, v: &ReportView) {
    let with_answers: Vec<&ItemView> = v.items.iter().filter(|i| !i.answers.is_empty()).collect();
    if with_answers.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Answers\n");
    for i in with_answers {
        let _ = writeln!(out, "### `{}`: {}\n", i.id, escape_inline(&i.question));
        for a in &i.answers {
            let note = a
                .note
                .as_deref()
                .map(|n| format!(": {}", escape_inline(n)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "- **{}** answered {} on {}{note}",
                escape_inline(&a.by),
                escape_inline(&a.value_text),
                datetime(a.at)
            );
            for e in &a.evidence {
                let _ = writeln!(out, "  - evidence: {}", escape_inline(e));
            }
        }
        out.push('\n');
    }
}
