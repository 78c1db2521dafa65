//! `weigh merge-file BASE OURS THEIRS [PATH]`: the git merge driver for one-file assessments
//! (SPEC §3). git runs it as `weigh merge-file %O %A %B %P` once `weigh init` registered it.

use std::path::PathBuf;

use clap::Args;
use weigh::error::{Error, exit};
use weigh::git::driver::{self, Versions};

use super::common;

/// Arguments of `weigh merge-file`.
#[derive(Debug, Args)]
#[command(
    after_help = "Example:\n  weigh merge-file base.toml ours.toml theirs.toml assessments/kimi-k3.toml\n\ngit runs it for you once `weigh init` (or `weigh init --git-driver-only` in a fresh clone)\nregistered it."
)]
pub struct MergeFileArgs {
    /// The common ancestor's version (git's %O; empty when both sides added the file).
    pub base: PathBuf,
    /// Our version (git's %A); receives the merge.
    pub ours: PathBuf,
    /// Their version (git's %B).
    pub theirs: PathBuf,
    /// The file's path in the repository (git's %P): finds the project and names the file.
    pub path: Option<PathBuf>,
}

/// Merges; exit 0 when OURS holds a complete merge, 1 when it holds conflict markers.
pub fn run(args: &MergeFileArgs) -> Result<u8, Error> {
    let named = args.path.clone().unwrap_or_else(|| args.ours.clone());
    let lookup = common::lookup(&named, None)?;
    let name = named.display().to_string();
    let outcome = driver::merge(
        Versions {
            base: &args.base,
            ours: &args.ours,
            theirs: &args.theirs,
            name: &name,
        },
        &lookup,
    )?;
    for message in &outcome.messages {
        super::warn(&format!(
            "weigh merge-file: {}\n",
            weigh::text::escape_control(message)
        ));
    }
    Ok(if outcome.clean { exit::OK } else { exit::UNMET })
}
