//! Working with git: a small runner for `git` commands (reused by every git feature), the merge
//! driver for one-file assessments, merge-conflict markers, the repository setup `weigh init`
//! does, and reading an assessment as it was at a revision (`REV:PATH`) (SPEC §3, §5).

pub mod driver;
pub mod markers;
pub mod rev;
pub mod setup;

use std::path::Path;
use std::process::Command;

use crate::error::{Error, Result};

/// What a finished `git` command gave.
#[derive(Debug, Clone)]
pub struct Output {
    /// Its exit code (`None` when killed by a signal).
    pub code: Option<i32>,
    /// Its standard output.
    pub stdout: Vec<u8>,
    /// Its standard error, lossily decoded.
    pub stderr: String,
}

impl Output {
    /// Whether it exited with 0.
    pub fn success(&self) -> bool {
        self.code == Some(0)
    }

    /// Standard output as trimmed text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.stdout).trim().to_string()
    }
}

/// Runs `git ARGS…` in `dir` (the working directory when `None`) and captures its output. Only a
/// failure to start git is an error; a non-zero exit is the caller's to judge.
pub fn run(dir: Option<&Path>, args: &[&str]) -> Result<Output> {
    let mut cmd = Command::new("git");
    cmd.args(args);
    if let Some(dir) = dir {
        cmd.current_dir(dir);
    }
    let out = cmd.output().map_err(|e| Error::Io {
        path: "git".into(),
        action: "run",
        source: e,
    })?;
    Ok(Output {
        code: out.status.code(),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    })
}

/// `git config user.name` as git sees it from `dir`, when set and not empty.
pub fn user_name(dir: Option<&Path>) -> Option<String> {
    let out = run(dir, &["config", "user.name"]).ok()?;
    Some(out.text()).filter(|n| out.success() && !n.is_empty())
}

/// The top folder of the git work tree around `dir`, if it is in one.
pub fn top_level(dir: &Path) -> Option<std::path::PathBuf> {
    let out = run(Some(dir), &["rev-parse", "--show-toplevel"]).ok()?;
    out.success().then(|| std::path::PathBuf::from(out.text()))
}
