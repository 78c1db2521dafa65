//! `REV:PATH` arguments (SPEC §5): an assessment as it was at a git revision.
//!
//! An argument is `REV:PATH` when the part before its first `:` is a revision git accepts
//! (`git rev-parse --verify`); PATH is relative to the working directory, so weigh asks git for
//! `REV:./PATH`. A file is read with `git show`; a folder assessment (SPEC §3) is listed with
//! `git ls-tree` and each member read with `git show`.

use std::path::Path;

use super::Output;
use crate::error::{Error, Result};

/// A `REV:PATH` argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevPath {
    /// The revision, as given.
    pub rev: String,
    /// The path, relative to the working directory.
    pub path: String,
}

impl std::fmt::Display for RevPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.rev, self.path)
    }
}

/// What a `REV:PATH` names at that revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AtRev {
    /// A file, with its text.
    File(String),
    /// A folder assessment: each member's file name and text, by name.
    Folder(Vec<(String, String)>),
}

/// The `REV:PATH` an argument names, when the part before its first `:` is a revision git
/// accepts in the working directory; `None` for an ordinary path (or outside a repository).
pub fn parse(arg: &str) -> Option<RevPath> {
    let (rev, path) = arg.split_once(':')?;
    // A revision never starts with `-`: anything that does would reach git as an option.
    if rev.is_empty() || rev.starts_with('-') || path.is_empty() {
        return None;
    }
    let out = git(&["rev-parse", "--verify", "--quiet", rev]).ok()?;
    out.success().then(|| RevPath {
        rev: rev.to_string(),
        path: path.to_string(),
    })
}

/// Reads what `REV:PATH` names: a file's text, or a folder's member files.
pub fn read(at: &RevPath) -> Result<AtRev> {
    let object = object(at, &at.path);
    match text(at, &git(&["cat-file", "-t", &object])?)?.trim() {
        "blob" => show(at, &at.path).map(AtRev::File),
        "tree" => members(at).map(AtRev::Folder),
        other => Err(Error::usage(
            format!("{at}: a git {other}, not a file or folder"),
            "name an assessment file or folder",
        )),
    }
}

/// The text of one file at the revision.
fn show(at: &RevPath, path: &str) -> Result<String> {
    text(at, &git(&["show", "--no-textconv", &object(at, path)])?)
}

/// A folder's members at the revision (SPEC §3): `*.toml` files directly in it whose names do
/// not start with `.`.
fn members(at: &RevPath) -> Result<Vec<(String, String)>> {
    let listing = text(at, &git(&["ls-tree", "-z", &object(at, &at.path)])?)?;
    let mut out = Vec::new();
    for entry in listing.split('\0').filter(|e| !e.is_empty()) {
        let Some((meta, name)) = entry.split_once('\t') else {
            continue;
        };
        let is_blob = meta.split(' ').nth(1) == Some("blob");
        if is_blob && name.ends_with(".toml") && !name.starts_with('.') {
            let member = format!("{}/{name}", at.path.trim_end_matches('/'));
            out.push((name.to_string(), show(at, &member)?));
        }
    }
    out.sort();
    Ok(out)
}

/// `REV:./PATH`, the form git resolves relative to the working directory.
fn object(at: &RevPath, path: &str) -> String {
    let relative = if Path::new(path).is_absolute() || path.starts_with("./") {
        path.to_string()
    } else {
        format!("./{path}")
    };
    format!("{}:{relative}", at.rev)
}

/// Git's standard output as text, or its complaint as an error naming `REV:PATH`.
fn text(at: &RevPath, out: &Output) -> Result<String> {
    if !out.success() {
        let why = out.stderr.trim().trim_start_matches("fatal: ");
        return Err(Error::usage(
            format!("{at}: {}", crate::text::escape_control(why)),
            format!(
                "check the path and the revision, e.g. `git ls-tree {} -- {}`",
                at.rev, at.path
            ),
        ));
    }
    String::from_utf8(out.stdout.clone()).map_err(|e| {
        Error::usage(
            format!(
                "{at}: not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
            "save the file as UTF-8",
        )
    })
}

/// Runs `git ARGS…` in the working directory.
fn git(args: &[&str]) -> Result<Output> {
    super::run(None, args)
}
