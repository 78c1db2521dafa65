//! `--into ASSESSMENT` for `weigh facts` and `weigh providers`: records facts in an assessment
//! through the Store (locked, atomic), creating it with `--candidate` when missing. Facts of the
//! same name are replaced; others are kept.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clap::Args;
use weigh::assessment::Fact;
use weigh::assessment::store;
use weigh::error::Error;

use super::common;

/// Where to record facts.
#[derive(Debug, Args)]
pub struct IntoArgs {
    /// Record the facts in this assessment (created when missing, with --candidate).
    #[arg(long, value_name = "ASSESSMENT", help_heading = "Recording")]
    pub into: Option<PathBuf>,
    /// When the data was read (RFC 3339 or YYYY-MM-DD; default now): answers taken from these
    /// facts are dated at this time.
    #[arg(long, value_name = "TIME", help_heading = "Recording")]
    pub as_of: Option<String>,
    /// The candidate's name, to create ASSESSMENT.
    #[arg(long, value_name = "NAME", help_heading = "Recording")]
    pub candidate: Option<String>,
    /// The checklist of a new ASSESSMENT (an id or a path).
    #[arg(long, value_name = "ID|PATH", help_heading = "Recording")]
    pub checklist: Option<String>,
    /// The candidate's hub id, when creating ASSESSMENT.
    #[arg(
        long = "model",
        id = "hub_model",
        value_name = "HUB_ID",
        help_heading = "Recording"
    )]
    pub model: Option<String>,
}

impl IntoArgs {
    /// The time the facts are recorded as of.
    pub fn as_of(&self) -> Result<jiff::Timestamp, Error> {
        common::time_or_now(self.as_of.as_deref())
    }

    /// `--candidate`, `--checklist` and `--model` mean nothing without `--into`.
    pub fn check(&self) -> Result<(), Error> {
        let stray = [
            ("--candidate", self.candidate.is_some()),
            ("--checklist", self.checklist.is_some()),
            ("--model", self.model.is_some()),
        ];
        match stray.iter().find(|(_, given)| *given) {
            Some((flag, _)) if self.into.is_none() => Err(Error::usage(
                format!("{flag} is for recording facts, and no --into ASSESSMENT was given"),
                "add --into ASSESSMENT, or leave the flag out",
            )),
            _ => Ok(()),
        }
    }
}

/// A path as a recorded source (or evidence) shows it: relative to the assessment file's
/// folder, as evidence paths are; absolute when the two share nothing but the root.
pub fn source_path(assessment: &Path, path: &Path) -> String {
    let folder = weigh::fsx::normalize(assessment)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let target = weigh::fsx::normalize(path);
    let shared = folder
        .components()
        .zip(target.components())
        .take_while(|(a, b)| a == b)
        .count();
    let shown = if shared <= 1 {
        target
    } else {
        store::relative(&folder, &target)
    };
    shown.to_string_lossy().replace('\\', "/")
}

/// Records `facts` in the assessment `--into` names.
pub fn record(args: &IntoArgs, facts: BTreeMap<String, Fact>) -> Result<(), Error> {
    let Some(file) = &args.into else {
        return Ok(());
    };
    let lookup = common::lookup(file, args.checklist.as_deref())?;
    let new = common::new_file(
        file,
        args.candidate.as_deref(),
        args.checklist.as_deref(),
        args.model.as_deref(),
        &lookup,
    )?;
    let project = lookup.finder.project.clone();
    let schema_line =
        store::schema_line(file, project.as_ref().and_then(|p| p.schemas()).as_deref());
    let count = facts.len();
    let loaded = store::update(
        file,
        &lookup,
        new.as_ref(),
        schema_line.as_deref(),
        |assessment, _| {
            common::same_candidate(args.candidate.as_deref(), assessment)?;
            assessment.candidate.facts.extend(facts.clone());
            Ok(())
        },
    )?;
    common::print_warnings(&loaded.warnings);
    super::warn(&format!(
        "recorded {count} fact(s) in {}; `weigh answer {} --from-facts` answers the items bound to them\n",
        file.display(),
        file.display()
    ));
    Ok(())
}
