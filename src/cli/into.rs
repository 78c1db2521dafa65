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
    /// With a folder assessment, whose file the facts go to (default: git config user.name,
    /// then $USER).
    #[arg(long = "as", value_name = "NAME", help_heading = "Recording")]
    pub as_: Option<String>,
    /// Creating ASSESSMENT.
    #[command(flatten)]
    pub file_args: common::FileArgs,
}

impl IntoArgs {
    /// The time the facts are recorded as of.
    pub fn as_of(&self) -> Result<jiff::Timestamp, Error> {
        common::time_or_now(self.as_of.as_deref())
    }

    /// `--candidate`, `--checklist` and `--model` mean nothing without `--into`.
    pub fn check(&self) -> Result<(), Error> {
        let f = &self.file_args;
        let stray = [
            ("--as", self.as_.is_some()),
            ("--candidate", f.candidate.is_some()),
            ("--checklist", f.checklist.is_some()),
            ("--model", f.model.is_some()),
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

/// A path as a recorded source (or evidence) shows it: relative to the folder of the assessment's
/// file (or files), as evidence paths are; absolute when the two share nothing but the root.
pub fn source_path(assessment: &Path, path: &Path) -> String {
    let assessment = weigh::fsx::normalize(assessment);
    // A folder assessment's members live inside it.
    let folder = if weigh::assessment::folder::is_folder(&assessment) {
        assessment
    } else {
        assessment
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default()
    };
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
    let count = facts.len();
    let by = if weigh::assessment::folder::is_folder(file) {
        Some(common::assessor(args.as_.as_deref())?)
    } else {
        None
    };
    common::write_as(file, &args.file_args, by.as_deref(), |assessment, _| {
        assessment.candidate.facts.extend(facts.clone());
        Ok(())
    })?;
    super::warn(&format!(
        "recorded {count} fact(s) in {}; `weigh answer {} --from-facts` answers the items bound to them\n",
        file.display(),
        file.display()
    ));
    Ok(())
}
