//! `weigh gate ASSESSMENT… --require ready|conditional`: a check for CI.
//!
//! One line per candidate, printed as soon as it is judged; exit 0 when every candidate meets
//! the requirement, 1 when any does not, 2 when a file cannot be read (the highest wins). With
//! `$GITHUB_STEP_SUMMARY` set, or `--summary FILE`, a Markdown table is appended to that file.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use weigh::compare::gate::{self, Outcome, Require, Requirement, Unreadable};
use weigh::error::{Error, exit};

use super::common;
use super::scored::{self, Inputs, Scored};

/// The variable GitHub Actions sets to the file a step's Markdown summary is appended to.
pub const STEP_SUMMARY: &str = "GITHUB_STEP_SUMMARY";

/// Arguments of `weigh gate`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  weigh gate assessments/* --require conditional           # exit 1 if any candidate falls short\n  weigh gate assessments/kimi-k3 --require ready --min-score 80\n  weigh gate assessments/* --require ready --summary summary.md   # a Markdown table for CI\n\nOn GitHub Actions the table is appended to $GITHUB_STEP_SUMMARY by itself; see docs/ci.md."
)]
pub struct GateArgs {
    /// The assessments (files or folders).
    #[arg(required = true, value_name = "ASSESSMENT")]
    pub files: Vec<PathBuf>,
    /// The verdict every candidate must reach.
    #[arg(
        long,
        value_enum,
        value_name = "VERDICT",
        required_unless_present = "min_score"
    )]
    pub require: Option<RequireArg>,
    /// Also require the overall score (rounded to 9 decimals) to be at least N; no score fails.
    #[arg(long, value_name = "N", value_parser = finite)]
    pub min_score: Option<f64>,
    /// Judge staleness as of this time (RFC 3339 or YYYY-MM-DD; default now).
    #[arg(long, value_name = "TIME")]
    pub as_of: Option<String>,
    /// The checklist (an id or a path); must be every file's own.
    #[arg(long, value_name = "ID|PATH")]
    pub checklist: Option<String>,
    /// Append a Markdown summary to this file (as `$GITHUB_STEP_SUMMARY` does on GitHub).
    #[arg(long, value_name = "FILE")]
    pub summary: Option<PathBuf>,
}

/// `--require` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RequireArg {
    /// READY.
    Ready,
    /// READY WITH CONDITIONS or READY.
    Conditional,
}

fn finite(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(n) if n.is_finite() => Ok(n),
        _ => Err(format!("`{text}` is not a finite number, e.g. 70 or 72.5")),
    }
}

/// Judges every candidate.
pub fn run(args: &GateArgs) -> Result<u8, Error> {
    let as_of = common::time_or_now(args.as_of.as_deref())?;
    let requirement = Requirement {
        verdict: args.require.map(|r| match r {
            RequireArg::Ready => Require::Ready,
            RequireArg::Conditional => Require::Conditional,
        }),
        min_score: args.min_score,
    };
    let inputs = Inputs {
        files: &args.files,
        checklist: args.checklist.as_deref(),
        as_of,
        checklists: weigh::locate::Cache::default(),
        whole: false,
    };
    let mut outcomes = Vec::new();
    let mut printed = Ok(());
    let judge = |path: &Path, s: Scored| outcome(&requirement, path, &s);
    let failures = scored::each(&inputs, judge, |_, o: Outcome| {
        if printed.is_ok() {
            printed = super::print(None, &gate::line(&o));
        }
        outcomes.push(o);
    });
    printed?;
    let unreadable: Vec<Unreadable> = failures
        .files
        .into_iter()
        .map(|(source, error)| Unreadable { source, error })
        .collect();
    let mut code = failures.code;
    if outcomes.iter().any(|o| !o.passes()) {
        code = code.max(exit::UNMET);
    }
    let text = gate::summary(&requirement, &outcomes, &unreadable);
    for path in summary_files(args.summary.as_deref()) {
        append(&path, &text)?;
    }
    Ok(code)
}

fn outcome(requirement: &Requirement, path: &Path, s: &Scored) -> Outcome {
    let v = &s.view;
    Outcome {
        name: v.candidate.name.clone(),
        source: path.display().to_string(),
        verdict: v.verdict,
        overall: v.overall,
        reason: v.reason.clone(),
        unmet: requirement.unmet(v.verdict, v.overall),
    }
}

/// `$GITHUB_STEP_SUMMARY` (when set and not empty) and `--summary`, each once.
fn summary_files(explicit: Option<&Path>) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::env::var_os(STEP_SUMMARY)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .into_iter()
        .collect();
    if let Some(path) = explicit
        && !out.iter().any(|p| p == path)
    {
        out.push(path.to_path_buf());
    }
    out
}

/// Appends `text` to `path` (created when missing): read, add, and write back atomically.
fn append(path: &Path, text: &str) -> Result<(), Error> {
    let mut contents = match weigh::fsx::read_text(path) {
        Ok(existing) => existing,
        Err(Error::Missing(_)) => String::new(),
        Err(e) => return Err(e),
    };
    if !contents.is_empty() {
        if !contents.ends_with('\n') {
            contents.push('\n');
        }
        contents.push('\n');
    }
    contents.push_str(text);
    weigh::fsx::write_atomic(path, contents.as_bytes())
}
