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

use super::file::AssessmentFile;
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
    /// Warnings about the file (checklist drift, duplicate answers, dropped comments); for a
    /// folder, warnings about the folder as a whole (facts that differ, answers in two files).
    pub warnings: Report,
    /// For a folder, each member file's own warnings.
    pub member_warnings: Vec<Report>,
}

impl Loaded {
    /// Every warning report: the file's (or folder's), then each member file's.
    pub fn all_warnings(&self) -> impl Iterator<Item = &Report> {
        std::iter::once(&self.warnings).chain(&self.member_warnings)
    }
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
    pub(super) fn checklist_for(&self, file_id: &str) -> Result<Checklist> {
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

/// Reads an assessment: a file, or a folder of one file per assessor (SPEC §3).
pub fn read(path: &Path, lookup: &Lookup) -> Result<Loaded> {
    if super::folder::is_folder(path) {
        return super::folder::read(path, lookup);
    }
    let text = crate::fsx::read_text(path)?;
    load_text(&path.display().to_string(), &text, lookup)
}

/// Whether `path` holds an assessment: a file, or a folder with at least one member file.
pub fn exists(path: &Path) -> bool {
    if super::folder::is_folder(path) {
        super::folder::members(path).is_ok_and(|m| !m.is_empty())
    } else {
        path.exists()
    }
}

/// Loads an assessment from its text; `name` is how diagnostics name the file.
pub fn load_text(name: &str, text: &str, lookup: &Lookup) -> Result<Loaded> {
    load_parsed(parse(name, text)?, |id| lookup.checklist_for(id))
}

/// A file parsed and structurally checked, not yet judged against its checklist.
pub(super) struct Parsed {
    pub source: SourceFile,
    pub file: AssessmentFile,
    pub problems: Vec<Diagnostic>,
}

/// Parses an assessment's text; syntax and structure errors (or conflict markers) fail here.
pub(super) fn parse(name: &str, text: &str) -> Result<Parsed> {
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
    let (file, problems) = parse_file(text);
    if problems.iter().any(|d| d.code == "toml-syntax")
        && let Some(marker) = crate::git::markers::first(text)
    {
        let fix = format!("weigh fmt {name}");
        return Err(invalid(vec![crate::git::markers::diagnostic(marker, &fix)]));
    }
    match file {
        Some(file)
            if !problems.iter().any(Diagnostic::is_error) && checklist_id(&file).is_some() =>
        {
            Ok(Parsed {
                source,
                file,
                problems,
            })
        }
        _ => Err(invalid(problems)),
    }
}

/// Judges a parsed file against the checklist `find` returns for the file's checklist id.
pub(super) fn load_parsed(
    parsed: Parsed,
    find: impl FnOnce(&str) -> Result<Checklist>,
) -> Result<Loaded> {
    let Parsed {
        source,
        file,
        mut problems,
    } = parsed;
    let checklist = find(checklist_id(&file).unwrap_or_default())?;
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
            member_warnings: Vec::new(),
        }),
        _ => Err(Error::Invalid(Box::new(Report {
            source,
            diagnostics: problems,
        }))),
    }
}

/// Reads the file under an exclusive lock, applies `change`, and commits the result atomically
/// in canonical form. A missing file is created from `new` (or is an error without it).
pub fn update<F>(
    path: &Path,
    lookup: &Lookup,
    new: Option<&NewFile>,
    schema_line: Option<&str>,
    change: F,
) -> Result<Loaded>
where
    F: FnMut(&mut Assessment, &Checklist) -> Result<()>,
{
    update_as(path, lookup, new, schema_line, None, change)
}

/// [`update`], naming the assessor `by` whose member file of a folder assessment takes changes
/// to the candidate's facts (a one-file assessment takes them itself).
pub fn update_as<F>(
    path: &Path,
    lookup: &Lookup,
    new: Option<&NewFile>,
    schema_line: Option<&str>,
    by: Option<&str>,
    mut change: F,
) -> Result<Loaded>
where
    F: FnMut(&mut Assessment, &Checklist) -> Result<()>,
{
    if super::folder::is_folder(path) {
        return super::folder::update(path, lookup, new, schema_line, by, change);
    }
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

impl NewFile {
    /// The assessment a new file starts as: the header, no answers.
    pub fn assessment(&self) -> Assessment {
        Assessment {
            checklist: self.checklist.id.clone(),
            checklist_version: self.checklist.version.clone(),
            checklist_digest: Some(self.checklist.digest.clone()),
            created: self.created,
            candidate: self.candidate.clone(),
            answers: Vec::new(),
            unfit: Vec::new(),
        }
    }
}

/// Writes a new file, unless another writer created it first (then that one is updated).
fn create(path: &Path, new: &NewFile, schema_line: Option<&str>) -> Result<()> {
    let assessment = new.assessment();
    let text = canonical(&assessment, &new.checklist, schema_line);
    crate::fsx::create_atomic(path, text.as_bytes())
}

/// Opens and locks the file; `None` text means the path was replaced meanwhile: retry.
pub(super) fn lock(path: &Path) -> Result<(File, Option<String>)> {
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
    let text = render(&mut loaded.assessment, &loaded.checklist, schema_line);
    loaded
        .warnings
        .diagnostics
        .extend(dropped_comments(old_text));
    crate::fsx::write_atomic(path, text.as_bytes())
}

/// The canonical text of an assessment about to be written: version and digest brought up to
/// date when every answer fits, answers in canonical order.
pub fn render(a: &mut Assessment, checklist: &Checklist, schema_line: Option<&str>) -> String {
    if a.unfit.is_empty() {
        a.checklist_version = checklist.version.clone();
        a.checklist_digest = Some(checklist.digest.clone());
    }
    a.answers = canonical_order(std::mem::take(&mut a.answers), checklist);
    canonical(a, checklist, schema_line)
}

/// The warning that comments in `old_text` will not be kept, if it has any.
pub(super) fn dropped_comments(old_text: &str) -> Option<Diagnostic> {
    let dropped = comments(old_text);
    let first = dropped.first()?;
    Some(
        Diagnostic::warning(
            "comment-dropped",
            format!("{} comment(s) were not kept", dropped.len()),
        )
        .at(first.clone())
        .help("weigh writes assessments in canonical form; put remarks in an answer's `note`"),
    )
}

/// The `#:schema` path for a file at `path` in a project with a `schemas/` folder.
pub fn schema_line(path: &Path, schemas: Option<&Path>) -> Option<String> {
    let schemas = crate::fsx::normalize(schemas?);
    let path = crate::fsx::normalize(path);
    // A folder's members live inside it.
    let dir = if super::folder::is_folder(&path) {
        path
    } else {
        path.parent()?.to_path_buf()
    };
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
