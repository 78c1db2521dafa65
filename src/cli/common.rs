//! What several subcommands share: the assessor's name, the clock, printing warnings.

use std::path::Path;
use std::process::Command;

use jiff::Timestamp;
use weigh::assessment::store::Lookup;
use weigh::diag::Report;
use weigh::error::Error;

/// The assessor: `--as`, else `git config user.name`, else `$USER`, else exit 2.
pub fn assessor(explicit: Option<&str>) -> Result<String, Error> {
    let name = explicit
        .map(str::to_string)
        .or_else(git_user)
        .or_else(|| std::env::var("USER").ok())
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty());
    let name =
        name.ok_or_else(|| Error::usage("weigh cannot tell who you are", "pass --as NAME"))?;
    if name.chars().any(char::is_control) {
        return Err(Error::usage(
            "the assessor's name contains control characters",
            "pass --as NAME with a plain name",
        ));
    }
    Ok(name)
}

fn git_user() -> Option<String> {
    let out = Command::new("git")
        .args(["config", "user.name"])
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
        .filter(|n| !n.is_empty())
}

/// `--at`/`--as-of` if given, else now.
pub fn time_or_now(given: Option<&str>) -> Result<Timestamp, Error> {
    match given {
        Some(text) => weigh::clock::parse(text),
        None => weigh::clock::now(),
    }
}

/// How to find an assessment's checklist, from its file's project and `--checklist`.
pub fn lookup(file: &Path, checklist: Option<&str>) -> Result<Lookup, Error> {
    Ok(Lookup {
        finder: super::finder(Some(file))?,
        explicit: checklist.map(str::to_string),
    })
}

/// Prints a file's warnings, if any.
pub fn print_warnings(report: &Report) {
    if !report.diagnostics.is_empty() {
        super::warn(&report.render(true));
    }
}
