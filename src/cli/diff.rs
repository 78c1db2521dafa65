//! `weigh diff OLD NEW`: what changed between two versions of an assessment. Either side may
//! be `REV:PATH`, read from git (SPEC §5).

use std::path::{Path, PathBuf};

use clap::Args;
use weigh::assessment::store::{self, Loaded, Lookup};
use weigh::error::{Error, exit};
use weigh::git::rev::{self, AtRev, RevPath};
use weigh::report::ReportView;

use super::{Format, common};

/// Arguments of `weigh diff`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  weigh diff HEAD~1:assessments/kimi-k3.toml assessments/kimi-k3.toml   # since the last commit\n  weigh diff origin/main:assessments/kimi-k3 assessments/kimi-k3 --format markdown   # a pull request's changes\n  weigh diff old.toml new.toml --format json"
)]
pub struct DiffArgs {
    /// The older version: an assessment file or folder, or REV:PATH for a version in git
    /// (e.g. HEAD~1:assessments/x.toml, PATH relative to the working directory).
    #[arg(value_name = "OLD")]
    pub old: String,
    /// The newer version, in the same forms.
    #[arg(value_name = "NEW")]
    pub new: String,
    /// Output format (Markdown is fit for a pull-request comment).
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Write the diff to this file instead of stdout.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Judge staleness, on both sides, as of this time (RFC 3339 or YYYY-MM-DD; default now).
    #[arg(long, value_name = "TIME")]
    pub as_of: Option<String>,
    /// The checklist (an id or a path); must be both files' own.
    #[arg(long, value_name = "ID|PATH")]
    pub checklist: Option<String>,
}

/// Prints the diff.
pub fn run(args: &DiffArgs) -> Result<u8, Error> {
    if args.format == Format::Html {
        return Err(super::html_unsupported("weigh diff"));
    }
    let as_of = common::time_or_now(args.as_of.as_deref())?;
    let old = view(&args.old, args.checklist.as_deref(), as_of)?;
    let new = view(&args.new, args.checklist.as_deref(), as_of)?;
    let changes = weigh::diff::diff(&old, &new, [&args.old, &args.new]);
    let text = match args.format {
        Format::Table => weigh::diff::table::render(&changes),
        Format::Markdown => weigh::diff::markdown::render(&changes),
        Format::Json => weigh::diff::json::render(&changes),
        Format::Html => return Err(super::html_unsupported("weigh diff")),
    };
    super::print(args.output.as_deref(), &text)?;
    Ok(exit::OK)
}

/// One side, loaded through the Store, scored and viewed.
fn view(arg: &str, checklist: Option<&str>, as_of: jiff::Timestamp) -> Result<ReportView, Error> {
    let loaded = match rev::parse(arg) {
        Some(at) => at_revision(&at, checklist)?,
        None => {
            let path = Path::new(arg);
            store::read(path, &common::lookup(path, checklist)?)?
        }
    };
    common::print_warnings(loaded.all_warnings());
    let card = weigh::score::score(&loaded.checklist, &loaded.assessment, as_of);
    Ok(weigh::report::build(
        &loaded.checklist,
        &loaded.assessment,
        &card,
    ))
}

/// An assessment as it was at a revision. Its checklist is found as for the working tree's
/// copy of PATH (a project checklist as it is now, or a built-in).
fn at_revision(at: &RevPath, checklist: Option<&str>) -> Result<Loaded, Error> {
    let lookup = common::lookup(Path::new(&at.path), checklist)?;
    match rev::read(at)? {
        AtRev::File(text) => store::load_text(&at.to_string(), &text, &lookup),
        AtRev::Folder(members) => folder_at_revision(at, members, &lookup),
    }
}

/// A folder assessment at a revision: its members' texts, read as one assessment.
fn folder_at_revision(
    at: &RevPath,
    members: Vec<(String, String)>,
    lookup: &Lookup,
) -> Result<Loaded, Error> {
    let folder = at.to_string();
    let texts = members
        .into_iter()
        .map(|(name, text)| (Path::new(&folder).join(name), text))
        .collect();
    weigh::assessment::folder::read_texts(Path::new(&folder), texts, lookup)
}
