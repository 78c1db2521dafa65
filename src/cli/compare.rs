//! `weigh compare ASSESSMENT…`: candidates side by side.
//!
//! Each file is loaded, scored and reduced on a worker thread to what the output needs (a
//! summary for the table and Markdown, its rendered JSON report for JSON) and the assessment
//! is dropped. JSON is written candidate by candidate as soon as each is ready, in the order
//! given; `--sort` waits for all of them.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use weigh::compare::json::JsonStream;
use weigh::compare::{self, Comparison, Options, SortBy, SortKey};
use weigh::error::{Error, exit};

use super::scored::{self, Inputs, Scored};
use super::{Format, common};

/// Arguments of `weigh compare`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  weigh compare assessments/deepseek-v4 assessments/qwen3 assessments/incumbent\n  weigh compare assessments/* --items --only-differences     # item by item, where they differ\n  weigh compare assessments/* --sort score --format markdown > comparison.md\n  weigh compare assessments/* --format json                 # one report per candidate"
)]
pub struct CompareArgs {
    /// The assessments (files or folders), in the order to show them.
    #[arg(required = true, value_name = "ASSESSMENT")]
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Add a row per item: each candidate's answer, score and flags (table and Markdown; JSON
    /// always has every item).
    #[arg(long)]
    pub items: bool,
    /// Show only the rows where the candidates differ (table and Markdown).
    #[arg(long)]
    pub only_differences: bool,
    /// Order the candidates by overall score (highest first), verdict (READY first, then
    /// score) or name; default: the order given.
    #[arg(long, value_enum, value_name = "KEY")]
    pub sort: Option<SortArg>,
    /// Write the comparison to this file instead of stdout.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Judge staleness as of this time (RFC 3339 or YYYY-MM-DD; default now).
    #[arg(long, value_name = "TIME")]
    pub as_of: Option<String>,
    /// The checklist (an id or a path); must be every file's own.
    #[arg(long, value_name = "ID|PATH")]
    pub checklist: Option<String>,
}

/// `--sort` keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Overall score, highest first; no score last.
    Score,
    /// READY, READY WITH CONDITIONS, INCOMPLETE, NOT READY; then by score.
    Verdict,
    /// Candidate name, ignoring case.
    Name,
}

impl From<SortArg> for SortBy {
    fn from(s: SortArg) -> Self {
        match s {
            SortArg::Score => SortBy::Score,
            SortArg::Verdict => SortBy::Verdict,
            SortArg::Name => SortBy::Name,
        }
    }
}

/// Compares the candidates.
pub fn run(args: &CompareArgs) -> Result<u8, Error> {
    let as_of = common::time_or_now(args.as_of.as_deref())?;
    let inputs = Inputs {
        files: &args.files,
        checklist: args.checklist.as_deref(),
        as_of,
        checklists: weigh::locate::Cache::default(),
        whole: args.format == Format::Json,
    };
    match args.format {
        Format::Json => json(args, &inputs),
        format => text(args, &inputs, format),
    }
}

/// Table, Markdown or HTML: every summary first, then one view. HTML always has the item rows,
/// for its heat map.
fn text(args: &CompareArgs, inputs: &Inputs, format: Format) -> Result<u8, Error> {
    let with_items = args.items || format == Format::Html;
    let mut comparison = Comparison::default();
    let failures = scored::each(
        inputs,
        |path, s: Scored| {
            let summary = compare::summarize(&s.view, &path.display().to_string(), with_items);
            (summary, s.checklist)
        },
        |_, (summary, checklist)| comparison.push(summary, &checklist),
    );
    if let Some(mismatch) = comparison.mismatch() {
        return Err(Error::usage(
            weigh::text::escape_control(&mismatch.to_string()),
            "compare assessments of one checklist; assessments of two versions of one checklist line up by item id",
        ));
    }
    if comparison.summaries.is_empty() {
        return Ok(failures.code);
    }
    if let Some(by) = args.sort {
        comparison.sort(by.into());
    }
    let view = compare::view::build(
        &comparison,
        Options {
            items: with_items,
            only_differences: args.only_differences,
        },
    );
    match format {
        Format::Markdown => {
            super::print(args.output.as_deref(), &compare::markdown::render(&view))?
        }
        Format::Html => super::print(args.output.as_deref(), &html(&comparison, &view)?)?,
        // Table by table: a leaderboard of thousands is never held whole.
        _ => weigh::fsx::write_output_each(args.output.as_deref(), |emit| {
            compare::table::render_each(&view, emit)
        })?,
    }
    common::leave((view, comparison));
    Ok(failures.code)
}

/// The HTML page; a template that fails to render is a bug in weigh (exit 3).
fn html(comparison: &Comparison, view: &compare::CompareView) -> Result<String, Error> {
    weigh::report::html::render_compare(comparison, view)
        .map_err(|e| super::html_failed("the HTML comparison template", e))
}

/// One candidate's JSON: its rendered report and what sorting and the checklist check need.
struct Reduced {
    key: SortKey,
    checklist: String,
    json: String,
}

/// JSON: each report written as soon as it and those before it are scored.
fn json(args: &CompareArgs, inputs: &Inputs) -> Result<u8, Error> {
    let output = args.output.as_deref().filter(|p| *p != Path::new("-"));
    let mut code = exit::OK;
    let mut write = |out: &mut dyn Write| -> std::io::Result<()> {
        let mut stream = JsonStream::start(out)?;
        let mut first: Option<(String, PathBuf)> = None;
        let mut held: Vec<Reduced> = Vec::new();
        let mut failed: Option<std::io::Error> = None;
        let loaded = scored::each(inputs, reduce, |path, r: Reduced| {
            if !same_checklist(&mut first, path, &r.checklist) {
                code = code.max(exit::INVALID);
            } else if args.sort.is_some() {
                held.push(r);
            } else if failed.is_none()
                && let Err(e) = stream.push_rendered(&r.json)
            {
                failed = Some(e);
            }
        });
        code = code.max(loaded.code);
        if let Some(e) = failed {
            return Err(e);
        }
        if let Some(by) = args.sort {
            let keys: Vec<SortKey> = held.iter().map(|r| r.key.clone()).collect();
            for i in compare::sort::order(&keys, by.into()) {
                stream.push_rendered(&held[i].json)?;
            }
        }
        stream.finish().map(drop)
    };
    match output {
        Some(path) => weigh::fsx::write_atomic_with(path, &mut write)?,
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            write(&mut out).map_err(|e| Error::io("<stdout>", "write", e))?;
        }
    }
    Ok(code)
}

fn reduce(_path: &Path, s: Scored) -> Reduced {
    Reduced {
        key: SortKey {
            name: s.view.candidate.name.clone(),
            verdict: s.view.verdict,
            overall: s.view.overall,
        },
        checklist: s.checklist.id.clone(),
        json: weigh::report::json::render(&s.view),
    }
}

/// Whether a candidate's checklist is the first candidate's; reports it on stderr when not.
fn same_checklist(first: &mut Option<(String, PathBuf)>, path: &Path, checklist: &str) -> bool {
    match first {
        None => {
            *first = Some((checklist.to_string(), path.to_path_buf()));
            true
        }
        Some((id, _)) if id == checklist => true,
        Some((id, first_path)) => {
            super::report_error(&Error::usage(
                weigh::text::escape_control(&format!(
                    "{} is scored against checklist `{checklist}`, but {} against `{id}`; it is left out",
                    path.display(),
                    first_path.display()
                )),
                "compare assessments of one checklist",
            ));
            false
        }
    }
}
