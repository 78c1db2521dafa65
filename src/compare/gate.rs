//! `weigh gate`: whether each candidate meets a requirement (a verdict, a minimum score, or
//! both), one line per candidate for the CI log and a Markdown table for the CI summary.

use std::fmt::Write;

use anstyle::{AnsiColor, Style};

use crate::markdown::{cell, delimiter, escape_inline, row};
use crate::num::{one_decimal, round9};
use crate::score::Verdict;
use crate::show::number;
use crate::text::escape_control;

/// The verdict a candidate must reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Require {
    /// READY.
    Ready,
    /// READY WITH CONDITIONS, or READY.
    Conditional,
}

/// What every candidate must meet; with both parts, both must hold.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Requirement {
    /// `--require`.
    pub verdict: Option<Require>,
    /// `--min-score`: the overall score, rounded to 9 decimals, at least this (a null score
    /// fails).
    pub min_score: Option<f64>,
}

impl Requirement {
    /// The requirement in words: "READY WITH CONDITIONS or better and an overall score of at
    /// least 65".
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        match self.verdict {
            Some(Require::Ready) => parts.push("READY".to_string()),
            Some(Require::Conditional) => parts.push("READY WITH CONDITIONS or better".to_string()),
            None => {}
        }
        if let Some(min) = self.min_score {
            parts.push(format!("an overall score of at least {}", number(min)));
        }
        parts.join(" and ")
    }

    /// What `verdict` and `overall` miss of the requirement, in words; empty when met.
    pub fn unmet(&self, verdict: Verdict, overall: Option<f64>) -> Vec<String> {
        let mut out = Vec::new();
        let reached = match self.verdict {
            Some(Require::Ready) => verdict == Verdict::Ready,
            Some(Require::Conditional) => {
                matches!(verdict, Verdict::Ready | Verdict::ReadyWithConditions)
            }
            None => true,
        };
        if !reached {
            out.push(match self.verdict {
                Some(Require::Ready) => "needs READY".to_string(),
                _ => "needs READY WITH CONDITIONS or better".to_string(),
            });
        }
        if let Some(min) = self.min_score {
            match overall {
                None => out.push(format!("no score (needs at least {})", number(min))),
                Some(score) if round9(score) < round9(min) => out.push(format!(
                    "score {} is below {}",
                    one_decimal(score),
                    number(min)
                )),
                Some(_) => {}
            }
        }
        out
    }
}

/// One candidate judged against the requirement.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The candidate's name.
    pub name: String,
    /// Its file, as given.
    pub source: String,
    /// Its verdict.
    pub verdict: Verdict,
    /// Its overall score.
    pub overall: Option<f64>,
    /// Why the verdict is not READY.
    pub reason: Option<String>,
    /// What it misses of the requirement; empty when it passes.
    pub unmet: Vec<String>,
}

impl Outcome {
    /// Whether the candidate meets the requirement.
    pub fn passes(&self) -> bool {
        self.unmet.is_empty()
    }

    /// What a failing line says after the name: what is missing, then why.
    fn explanation(&self) -> String {
        let mut parts = self.unmet.clone();
        if let Some(reason) = &self.reason {
            parts.push(format!("why: {reason}"));
        }
        parts.join("; ")
    }
}

/// One candidate's line for the log: result, verdict, score, name and file, and for a failure
/// what it misses. Styled; printing through anstream strips the styles off a terminal.
pub fn line(o: &Outcome) -> String {
    let (word, colour) = if o.passes() {
        ("pass", AnsiColor::Green)
    } else {
        ("FAIL", AnsiColor::Red)
    };
    let style = Style::new().bold().fg_color(Some(colour.into()));
    let mut out = format!(
        "{style}{word}{style:#}  {:<21}  {:>5}  {} ({})",
        o.verdict.label(),
        o.overall.map_or_else(|| "-".into(), one_decimal),
        escape_control(&o.name),
        escape_control(&o.source)
    );
    if !o.passes() {
        let _ = write!(out, ": {}", escape_control(&o.explanation()));
    }
    out.push('\n');
    out
}

/// A candidate's file that could not be judged, with the first line of its error.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    /// The file, as given.
    pub source: String,
    /// What went wrong, in one line.
    pub error: String,
}

/// The Markdown summary of a gate run: a heading with the tally, then a table of candidates.
pub fn summary(
    requirement: &Requirement,
    outcomes: &[Outcome],
    unreadable: &[Unreadable],
) -> String {
    let failed = outcomes.iter().filter(|o| !o.passes()).count();
    let mut out = String::new();
    let tally = match (failed, unreadable.len()) {
        (0, 0) => format!("all {} candidate(s) pass", outcomes.len()),
        (f, 0) => format!("{f} of {} candidate(s) fail", outcomes.len()),
        (f, u) => format!(
            "{f} of {} candidate(s) fail, {u} file(s) could not be read",
            outcomes.len()
        ),
    };
    let _ = writeln!(out, "### weigh gate: {tally}\n");
    let _ = writeln!(
        out,
        "Requirement: {}.\n",
        escape_inline(&requirement.describe())
    );
    let _ = writeln!(
        out,
        "{}\n{}",
        row(&["Result", "Candidate", "Verdict", "Score", "File", "Why"]),
        delimiter(6)
    );
    for o in outcomes {
        let result = if o.passes() { "✅ pass" } else { "❌ fail" };
        let why = if o.passes() {
            o.reason.clone().unwrap_or_default()
        } else {
            o.explanation()
        };
        let _ = writeln!(
            out,
            "{}",
            row(&[
                result.to_string(),
                cell(&o.name),
                o.verdict.label().to_string(),
                o.overall.map_or_else(|| "-".into(), one_decimal),
                cell(&o.source),
                cell(&why),
            ])
        );
    }
    for u in unreadable {
        let _ = writeln!(
            out,
            "{}",
            row(&[
                "⚠️ error".to_string(),
                " ".into(),
                " ".into(),
                " ".into(),
                cell(&u.source),
                cell(&u.error),
            ])
        );
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(req: &Requirement, verdict: Verdict, overall: Option<f64>) -> Outcome {
        Outcome {
            name: "M".into(),
            source: "m.toml".into(),
            verdict,
            overall,
            reason: None,
            unmet: req.unmet(verdict, overall),
        }
    }

    #[test]
    fn ready_needs_ready_and_conditional_takes_either() {
        let ready = Requirement {
            verdict: Some(Require::Ready),
            min_score: None,
        };
        let conditional = Requirement {
            verdict: Some(Require::Conditional),
            min_score: None,
        };
        let cases = [
            (Verdict::Ready, true, true),
            (Verdict::ReadyWithConditions, false, true),
            (Verdict::NotReady, false, false),
            (Verdict::Incomplete, false, false),
        ];
        for (verdict, r, c) in cases {
            assert_eq!(
                outcome(&ready, verdict, Some(90.0)).passes(),
                r,
                "{verdict:?}"
            );
            assert_eq!(
                outcome(&conditional, verdict, Some(90.0)).passes(),
                c,
                "{verdict:?}"
            );
        }
    }

    #[test]
    fn min_score_compares_rounded_to_9_decimals_and_a_null_score_fails() {
        let req = Requirement {
            verdict: None,
            min_score: Some(80.0),
        };
        let mean = (0.6 + 0.7 + 0.8 + 0.9 + 1.0) / 5.0 * 100.0;
        assert!(outcome(&req, Verdict::NotReady, Some(mean)).passes());
        assert!(!outcome(&req, Verdict::Ready, Some(79.99)).passes());
        let none = outcome(&req, Verdict::Ready, None);
        assert_eq!(none.unmet, ["no score (needs at least 80)"]);
    }

    #[test]
    fn both_parts_must_hold() {
        let req = Requirement {
            verdict: Some(Require::Conditional),
            min_score: Some(70.0),
        };
        assert!(!outcome(&req, Verdict::ReadyWithConditions, Some(65.0)).passes());
        assert!(!outcome(&req, Verdict::NotReady, Some(75.0)).passes());
        assert!(outcome(&req, Verdict::ReadyWithConditions, Some(75.0)).passes());
        assert_eq!(
            req.describe(),
            "READY WITH CONDITIONS or better and an overall score of at least 70"
        );
    }
}
