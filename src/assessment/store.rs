//! The Store: the only way to read or write an assessment file (SPEC §3).
//!
//! Reading parses, finds the checklist, and checks every answer against it. Writing takes an
//! exclusive lock on the file, re-reads it under the lock, applies the change, and commits it
//! atomically in canonical form. A rename replaces the file, so a writer that locked the old
//! file notices (its handle's device and inode differ from the path's) and retries: concurrent
//! writers never lose each other's answers.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::load::{canonical_order, checklist_id, comments, parse_file, validate};
use super::model::{Assessment, Candidate};
use super::write::canonical;
use crate::checklist::Checklist;
use crate::diag::{Diagnostic, Report, SourceFile};
use crate::error::{Error, Result};
use crate::locate::Finder;

/// An assessment read from a file, with its checklist and any warnings.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The assessment.
    pub assessment: Assessment,
    /// The checklist it is scored against.
    pub checklist: Checklist,
    /// Warnings about the file (checklist drift, duplicate answers, dropped comments).
    pub warnings: Report,
}

/// How to find the checklist of an assessment.
#[derive(Debug, Clone, Default)]
pub struct Lookup {
    /// Finds checklists by id or path.
    pub finder: Finder,
    /// `--checklist ID|PATH`, which must name the file's own checklist.
    pub explicit: Option<String>,
}

impl Lookup {
    fn checklist_for(&self, file_id: &str) -> Result<Checklist> {
        let checklist = self
            .finder
            .find(self.explicit.as_deref().unwrap_or(file_id))?;
        if checklist.id != file_id {
            return Err(Error::usage(
                format!(
                    "--checklist names `{}`, but the assessment is for `{file_id}`",
                    checklist.id
                ),
                format!("pass --checklist with the file's checklist, `{file_id}`, or leave it out"),
            ));
        }
        Ok(checklist)
    }
}

/// What a new file starts with.
#[derive(Debug, Clone)]
pub struct NewFile {
    /// The candidate.
    pub candidate: Candidate,
    /// The checklist to score against.
    pub checklist: Checklist,
    /// Now, as the command's clock says.
    pub created: Timestamp,
}

/// Reads an assessment file.
pub fn read(path: &Path, lookup: &Lookup) -> Result<Loaded> {
    let text = crate::fsx::read_text(path)?;
    load_text(&path.display().to_string(), &text, lookup)
}

/// Loads an assessment from its text; `name` is how diagnostics name the file.
pub fn load_text(name: &str, text: &str, lookup: &Lookup) -> Result<Loaded> {
    let source = SourceFile {
        name: name.to_string(),
        text: text.to_string(),
    };
    let invalid = |diagnostics: Vec<Diagnostic>| {
        Error::Invalid(Box::new(Report {
            source: source.clone(),
            diagnostics,
        }))
    };
    let (file, mut problems) = parse_file(text);
    let file = match file {
        Some(file) if !problems.iter().any(Diagnostic::is_error) => file,
        _ => return Err(invalid(problems)),
    };
    let Some(id) = checklist_id(&file) else {
        return Err(invalid(problems));
    };
    let checklist = lookup.checklist_for(id)?;
    let (assessment, more) = validate(&file, &checklist);
    problems.extend(more);
    match assessment {
        Some(assessment) if !problems.iter().any(Diagnostic::is_error) => Ok(Loaded {
            assessment,
            checklist,
            warnings: Report {
                source,
                diagnostics: problems,
            },
        }),
        _ => Err(invalid(problems)),
    }
}

/// Reads the file under an exclusive lock, applies `change`, and commits the result atomically
/// in canonical form. A missing file is created from `new` (or is an error without it).
pub fn update<F>(
    path: &Path,
    lookup: &Lookup,
    new: Option<&NewFile>,
    schema_line: Option<&str>,
    mut change: F,
) -> Result<Loaded>
where
    F: FnMut(&mut Assessment, &Checklist) -> Result<()>,
{
    if !path.exists() {
        let new = new.ok_or_else(|| Error::Missing(path.to_path_buf()))?;
        create(path, new, schema_line)?;
    }
    loop {
        let (file, text) = lock(path)?;
        let Some(text) = text else { continue };
        let mut loaded = load_text(&path.display().to_string(), &text, lookup)?;
        change(&mut loaded.assessment, &loaded.checklist)?;
        commit(path, &mut loaded, &text, schema_line)?;
        drop(file);
        return Ok(loaded);
    }
}

/// Writes a new file, unless another writer created it first (then that one is updated).
fn create(path: &Path, new: &NewFile, schema_line: Option<&str>) -> Result<()> {
    let assessment = Assessment {
        checklist: new.checklist.id.clone(),
        checklist_version: new.checklist.version.clone(),
        checklist_digest: Some(new.checklist.digest.clone()),
        created: new.created,
        candidate: new.candidate.clone(),
        answers: Vec::new(),
        unfit: Vec::new(),
    };
    let text = canonical(&assessment, schema_line);
    crate::fsx::create_atomic(path, text.as_bytes())
}

/// Opens and locks the file; `None` text means the path was replaced meanwhile: retry.
fn lock(path: &Path) -> Result<(File, Option<String>)> {
    let mut file = File::options()
        .read(true)
        .write(true)
        .open(path)
        .map_err(|e| Error::io(path, "read", e))?;
    file.lock().map_err(|e| Error::io(path, "lock", e))?;
    if !same_file(&file, path)? {
        return Ok((file, None));
    }
    let mut text = String::new();
    file.read_to_string(&mut text).map_err(|e| match e.kind() {
        std::io::ErrorKind::InvalidData => Error::usage(
            format!("{}: not UTF-8 text", path.display()),
            "save the file as UTF-8",
        ),
        _ => Error::io(path, "read", e),
    })?;
    Ok((file, Some(text)))
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> Result<bool> {
    use std::os::unix::fs::MetadataExt;
    let held = file.metadata().map_err(|e| Error::io(path, "read", e))?;
    match std::fs::metadata(path) {
        Ok(now) => Ok(held.dev() == now.dev() && held.ino() == now.ino()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::io(path, "read", e)),
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, _path: &Path) -> Result<bool> {
    Ok(true)
}

/// Brings version and digest up to date when every answer fits, then writes canonically.
fn commit(
    path: &Path,
    loaded: &mut Loaded,
    old_text: &str,
    schema_line: Option<&str>,
) -> Result<()> {
    let a = &mut loaded.assessment;
    if a.unfit.is_empty() {
        a.checklist_version = loaded.checklist.version.clone();
        a.checklist_digest = Some(loaded.checklist.digest.clone());
    }
    a.answers = canonical_order(std::mem::take(&mut a.answers), &loaded.checklist);
    let dropped = comments(old_text);
    if let Some(first) = dropped.first() {
        loaded.warnings.diagnostics.push(
            Diagnostic::warning(
                "comment-dropped",
                format!("{} comment(s) were not kept", dropped.len()),
            )
            .at(first.clone())
            .help("weigh writes assessments in canonical form; put remarks in an answer's `note`"),
        );
    }
    crate::fsx::write_atomic(path, canonical(a, schema_line).as_bytes())
}

/// The `#:schema` path for a file at `path` in a project with a `schemas/` folder.
pub fn schema_line(path: &Path, schemas: Option<&Path>) -> Option<String> {
    let schemas = crate::fsx::normalize(schemas?);
    let dir = crate::fsx::normalize(path).parent()?.to_path_buf();
    Some(
        relative(&dir, &schemas.join("assessment.schema.json"))
            .to_string_lossy()
            .replace('\\', "/"),
    )
}

/// The path of `to` relative to the folder `from_dir` (both absolute and normalized).
pub fn relative(from_dir: &Path, to: &Path) -> PathBuf {
    let from: Vec<_> = from_dir.components().collect();
    let target: Vec<_> = to.components().collect();
    let common = from.iter().zip(&target).take_while(|(a, b)| a == b).count();
    let mut out = PathBuf::new();
    for _ in common..from.len() {
        out.push("..");
    }
    for c in &target[common..] {
        out.push(c);
    }
    out
}
