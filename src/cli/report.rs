//! `weigh report FILE`: the readiness report.

use std::path::PathBuf;

use clap::Args;
use weigh::assessment::store;
use weigh::error::{Error, exit};

use super::{Format, common};

/// Arguments of `weigh report`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  weigh report assessments/kimi-k3\n  weigh report assessments/kimi-k3 --format markdown > report.md\n  weigh report assessments/kimi-k3.toml --format json --as-of 2027-03-01"
)]
pub struct ReportArgs {
    /// The assessment file.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Write the report to this file instead of stdout.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Judge staleness as of this time (RFC 3339 or YYYY-MM-DD; default now).
    #[arg(long, value_name = "TIME")]
    pub as_of: Option<String>,
    /// The checklist (an id or a path); must be the file's own.
    #[arg(long, value_name = "ID|PATH")]
    pub checklist: Option<String>,
}

/// Prints the report.
pub fn run(args: &ReportArgs) -> Result<u8, Error> {
    let as_of = common::time_or_now(args.as_of.as_deref())?;
    let lookup = common::lookup(&args.file, args.checklist.as_deref())?;
    let loaded = store::read(&args.file, &lookup)?;
    common::print_warnings(loaded.all_warnings());
    let card = weigh::score::score(&loaded.checklist, &loaded.assessment, as_of);
    let view = weigh::report::build(&loaded.checklist, &loaded.assessment, &card);
    let text = match args.format {
        Format::Table => weigh::report::table::render(&view),
        Format::Markdown => weigh::report::markdown::render(&view),
        Format::Json => weigh::report::json::render(&view),
        Format::Html => html(&view)?,
    };
    super::print(args.output.as_deref(), &text)?;
    common::leave((text, view, card, loaded));
    Ok(exit::OK)
}

/// The HTML page; a template that fails to render is a bug in weigh (exit 3).
fn html(view: &weigh::report::ReportView) -> Result<String, Error> {
    weigh::report::html::render(view).map_err(|e| super::html_failed("the HTML report template", e))
}
