//! What several subcommands share: the assessor's name, the clock, printing warnings.

use std::path::Path;

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
    weigh::git::user_name(None)
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

/// Prints warnings, if any: one report per file (a folder assessment has several).
pub fn print_warnings<'a>(reports: impl IntoIterator<Item = &'a Report>) {
    for report in reports {
        if !report.diagnostics.is_empty() {
            super::warn(&report.render(true));
        }
    }
}

/// A candidate's name as given on the command line: trimmed, non-empty, one plain line (the
/// same rule the file format applies, checked before anything is written).
pub fn candidate_name(raw: &str) -> Result<String, Error> {
    let name = raw.trim();
    if name.is_empty() || name.chars().any(char::is_control) {
        return Err(Error::usage(
            "the candidate's name must be non-empty text on one line, without control characters",
            "pass --candidate NAME with a plain name, e.g. --candidate \"DeepSeek V4\"",
        ));
    }
    Ok(name.to_string())
}
