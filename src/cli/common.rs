//! What several subcommands share: the assessor's name, the clock, printing warnings.

use std::path::Path;

use clap::Args;
use jiff::Timestamp;
use weigh::assessment::store::{self, Loaded, Lookup, NewFile};
use weigh::assessment::{Assessment, Candidate};
use weigh::checklist::Checklist;
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
    lookup_sharing(file, checklist, &weigh::locate::Cache::default())
}

/// [`lookup`], keeping loaded checklists in `cache`: the lookups of many files share it, so
/// each checklist is loaded once for all of them.
pub fn lookup_sharing(
    file: &Path,
    checklist: Option<&str>,
    cache: &weigh::locate::Cache,
) -> Result<Lookup, Error> {
    Ok(Lookup {
        finder: super::finder_sharing(Some(file), cache)?,
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

/// What a missing assessment FILE starts with: `--candidate` is needed, `--checklist` (else the
/// project's default, else the built-in default) and `--model` are optional. `None` when FILE
/// exists.
pub fn new_file(
    file: &Path,
    candidate: Option<&str>,
    checklist: Option<&str>,
    model: Option<&str>,
    lookup: &Lookup,
) -> Result<Option<NewFile>, Error> {
    if store::exists(file) {
        return Ok(None);
    }
    let Some(raw) = candidate else {
        let missing = match weigh::fsx::target::resolve(file) {
            Ok(t) if t.via_link() => format!(
                "{} is a symbolic link to {}, which does not exist",
                file.display(),
                t.path.display()
            ),
            _ => format!("{} does not exist", file.display()),
        };
        return Err(Error::usage(
            missing,
            "pass --candidate NAME to create it (and --checklist ID|PATH for another checklist than the default)",
        ));
    };
    let name = candidate_name(raw)?;
    let default = lookup
        .finder
        .project
        .as_ref()
        .map(|p| p.default_checklist.clone());
    let id = checklist
        .map(str::to_string)
        .or(default)
        .unwrap_or_else(|| weigh::checklist::builtin::DEFAULT_ID.into());
    let checklist = lookup.finder.find(&id)?;
    let candidate = Candidate {
        name,
        model: model.map(str::to_string),
        ..Candidate::default()
    };
    Ok(Some(NewFile {
        candidate,
        checklist,
        created: weigh::clock::now()?,
    }))
}

/// An existing file must assess the candidate `--candidate` names, if it names one.
pub fn same_candidate(candidate: Option<&str>, a: &Assessment) -> Result<(), Error> {
    match candidate.map(str::trim) {
        Some(name) if name != a.candidate.name => Err(Error::usage(
            format!("the file assesses `{}`, not `{name}`", a.candidate.name),
            "leave out --candidate, or name another file for the other candidate",
        )),
        _ => Ok(()),
    }
}

/// The options of commands that write an assessment file and may create it.
#[derive(Debug, Args)]
pub struct FileArgs {
    /// The checklist (an id or a path); for an existing file, must be the file's own.
    #[arg(long, value_name = "ID|PATH", help_heading = "File")]
    pub checklist: Option<String>,
    /// The candidate's name, to create the file.
    #[arg(long, value_name = "NAME", help_heading = "File")]
    pub candidate: Option<String>,
    /// The candidate's hub id, when creating the file.
    #[arg(
        long = "model",
        id = "hub_model",
        value_name = "HUB_ID",
        help_heading = "File"
    )]
    pub model: Option<String>,
}

/// Applies `change` to the assessment `file` through the Store (locked, atomic), creating it
/// from `opts` when missing; an existing file must assess `--candidate`. Prints its warnings.
pub fn write<F>(file: &Path, opts: &FileArgs, change: F) -> Result<Loaded, Error>
where
    F: FnMut(&mut Assessment, &Checklist) -> Result<(), Error>,
{
    write_as(file, opts, None, change)
}

/// [`write`], with the assessor whose member file of a folder assessment takes changed facts.
pub fn write_as<F>(
    file: &Path,
    opts: &FileArgs,
    by: Option<&str>,
    mut change: F,
) -> Result<Loaded, Error>
where
    F: FnMut(&mut Assessment, &Checklist) -> Result<(), Error>,
{
    let lookup = lookup(file, opts.checklist.as_deref())?;
    let new = new_file(
        file,
        opts.candidate.as_deref(),
        opts.checklist.as_deref(),
        opts.model.as_deref(),
        &lookup,
    )?;
    let project = lookup.finder.project.clone();
    let schema_line =
        store::schema_line(file, project.as_ref().and_then(|p| p.schemas()).as_deref());
    let loaded = store::update_as(
        file,
        &lookup,
        new.as_ref(),
        schema_line.as_deref(),
        by,
        |assessment, checklist| {
            same_candidate(opts.candidate.as_deref(), assessment)?;
            change(assessment, checklist)
        },
    )?;
    print_warnings(loaded.all_warnings());
    Ok(loaded)
}

/// Ends a one-shot command without freeing what it read: the process exits next and the system
/// takes the memory back at once, where freeing a 20,000-item assessment and its report piece by
/// piece took a tenth of the run. Only for values whose drop does nothing but free memory.
pub fn leave<T>(value: T) {
    std::mem::forget(value);
}
