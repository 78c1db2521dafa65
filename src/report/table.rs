//! The terminal report: the verdict first and unmistakable, then scores with bars, coverage,
//! failed gates, stale items, disagreements and actions.

use std::fmt::Write;

use anstyle::{AnsiColor, Style};
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use super::view::{ItemView, ReportView};
use crate::assessment::write::datetime;
use crate::num::one_decimal;
use crate::score::Verdict;
use crate::text::escape_control;

/// Width of a score bar, in characters.
const BAR: usize = 20;

/// Renders the report for a terminal. Styles are ANSI codes; the binary prints through anstream,
/// which strips them when stdout is not a terminal or `NO_COLOR` is set.
pub fn render(view: &ReportView) -> String {
    let mut out = String::new();
    header(&mut out, view);
    let _ = writeln!(out, "{}", dimensions(view));
    flagged(
        &mut out,
        view,
        "Failed gates",
        |i| i.gate_failed,
        |i| {
            format!(
                "needs {}; answer: {}",
                i.gate.clone().unwrap_or_default(),
                i.value_text.clone().unwrap_or_default()
            )
        },
    );
    flagged(
        &mut out,
        view,
        "At their worst",
        |i| i.at_worst,
        |i| format!("answer: {}", i.value_text.clone().unwrap_or_default()),
    );
    flagged(
        &mut out,
        view,
        "Stale answers",
        |i| i.stale,
        |i| {
            format!(
                "answered {}",
                i.answers
                    .iter()
                    .map(|a| datetime(a.at))
                    .min()
                    .unwrap_or_default()
            )
        },
    );
    flagged(
        &mut out,
        view,
        "Disagreements",
        |i| i.disagreement,
        |i| {
            i.answers
                .iter()
                .map(|a| format!("{}: {}", a.by, a.value_text))
                .collect::<Vec<_>>()
                .join("; ")
        },
    );
    actions(&mut out, view);
    unfit(&mut out, view);
    out
}

/// Answers the changed checklist no longer fits, so nobody mistakes them for lost.
fn unfit(out: &mut String, v: &ReportView) {
    if v.unfit.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\nAnswers that no longer fit the checklist (kept in the file, not scored):"
    );
    for u in &v.unfit {
        let _ = writeln!(
            out,
            "  - {} by {}: {} ({})",
            escape_control(&u.item),
            escape_control(&u.by),
            escape_control(&u.value),
            datetime(u.at)
        );
    }
}

/// The verdict with its colour.
pub fn verdict_styled(verdict: Verdict) -> String {
    let colour = match verdict {
        Verdict::Ready => AnsiColor::Green,
        Verdict::ReadyWithConditions => AnsiColor::Yellow,
        Verdict::NotReady => AnsiColor::Red,
        Verdict::Incomplete => AnsiColor::Magenta,
    };
    let style = Style::new().bold().fg_color(Some(colour.into()));
    format!("{style}{}{style:#}", verdict.label())
}

fn header(out: &mut String, v: &ReportView) {
    let model = v
        .candidate
        .model
        .as_deref()
        .map(|m| format!(" ({})", escape_control(m)))
        .unwrap_or_default();
    let _ = writeln!(out, "{}{model}", escape_control(&v.candidate.name));
    let _ = writeln!(out, "\n  {}", verdict_styled(v.verdict));
    match &v.reason {
        Some(reason) => {
            let _ = writeln!(out, "  why: {}\n", escape_control(reason));
        }
        None => out.push('\n'),
    }
    let overall = v.overall.map_or("-".into(), one_decimal);
    let _ = writeln!(
        out,
        "Overall {overall} / 100 · coverage {}% ({} unanswered) · READY at {} (floor {}), CONDITIONS at {}",
        one_decimal(v.coverage * 100.0),
        v.unanswered,
        crate::show::number(v.readiness.ready),
        crate::show::number(v.readiness.dimension_floor),
        crate::show::number(v.readiness.conditional)
    );
    let _ = writeln!(
        out,
        "Checklist {} {} · as of {}\n",
        v.checklist.id,
        escape_control(&v.checklist.version),
        datetime(v.as_of)
    );
}

fn dimensions(v: &ReportView) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    t.set_header(["dimension", "score", "", "coverage", "unanswered", "weight"]);
    for d in &v.dimensions {
        let score = d.score.map_or("-".into(), one_decimal);
        let flag = if d.below_floor { " below floor" } else { "" };
        t.add_row([
            crate::text::terminal_cell(&d.title),
            format!("{score}{flag}"),
            bar(d.score),
            format!("{}%", one_decimal(d.coverage * 100.0)),
            d.unanswered.to_string(),
            crate::show::number(d.weight),
        ]);
    }
    t
}

/// A bar of `BAR` cells for a 0-100 score.
pub fn bar(score: Option<f64>) -> String {
    bar_of(score, BAR)
}

/// A bar of `width` cells for a 0-100 score; dots when there is no score.
pub fn bar_of(score: Option<f64>, width: usize) -> String {
    let Some(score) = score else {
        return "·".repeat(width);
    };
    let filled = ((score.clamp(0.0, 100.0) / 100.0) * width as f64).floor() as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

fn flagged(
    out: &mut String,
    v: &ReportView,
    title: &str,
    pick: impl Fn(&ItemView) -> bool,
    detail: impl Fn(&ItemView) -> String,
) {
    let items: Vec<&ItemView> = v.items.iter().filter(|i| i.applicable && pick(i)).collect();
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "{title}:");
    for i in items {
        let _ = writeln!(out, "  - {}: {}", i.id, escape_control(&detail(i)));
    }
    out.push('\n');
}

fn actions(out: &mut String, v: &ReportView) {
    let shown = v.shown_actions();
    if shown.is_empty() {
        let _ = writeln!(out, "Nothing stands between this candidate and READY.");
        return;
    }
    let _ = writeln!(out, "Actions ({} of {}):", shown.len(), v.actions.len());
    for (n, a) in shown.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {:>2}. [{}] {}",
            n + 1,
            a.action.kind(),
            escape_control(&a.text)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_fill_in_proportion_and_show_dots_for_no_score() {
        assert_eq!(bar(Some(50.0)).chars().filter(|c| *c == '█').count(), 10);
        assert_eq!(bar(Some(100.0)).chars().filter(|c| *c == '█').count(), BAR);
        assert_eq!(bar(None), "·".repeat(BAR));
    }
}
