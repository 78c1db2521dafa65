//! The Store: the only way to read or write an assessment file (SPEC §3).
//!
//! Reading parses, finds the checklist, and checks every answer against it. Writing takes an
//! exclusive lock on the file ([`crate::fsx::Locked`]), re-reads it under the lock, applies the
//! change, reads the new text back, and commits it atomically in canonical form. A rename
//! replaces the file, so a writer that locked the old file notices (its handle's device and
//! inode differ from the path's) and retries: concurrent writers never lose each other's answers.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::Timestamp;

use super::file::AssessmentFile;
use super::load::{canonical_order, checklist_id, comments, not_an_id, parse_file, validate};
use super::model::{Assessment, Candidate};
use super::write::canonical;
use crate::checklist::Checklist;
use crate::diag::{Diagnostic, Report, SourceFile};
use crate::error::{Error, Result};
use crate::fsx::Locked;
use crate::locate::Finder;

/// An assessment read from a file, with its checklist and any warnings.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The assessment.
    pub assessment: Assessment,
    /// The checklist it is scored against (shared with the lookup that found it).
    pub checklist: Arc<Checklist>,
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
    /// The checklist: `--checklist ID|PATH` when given, else the file's own, by id only. Each
    /// is loaded once for the lookup's finder (and its clones), however many files name it.
    pub(super) fn checklist_for(&self, file_id: &str) -> Result<Arc<Checklist>> {
        let checklist = match &self.explicit {
            Some(arg) => self.finder.find_cached(arg)?,
            None => self.finder.find_id_cached(file_id)?,
        };
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

/// Parses an assessment's text; syntax and structure errors (or conflict markers) fail here,
/// and so does an `assessment.checklist` that is not an id (never read as a path).
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
    if let Some(problem) = file.as_ref().and_then(not_an_id) {
        return Err(invalid(vec![problem]));
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
    find: impl FnOnce(&str) -> Result<Arc<Checklist>>,
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
/// in canonical form. A missing file is created from `new` (or is an error without it), and only
/// once `change` has succeeded: a refused change leaves nothing behind. The new text is read
/// back and validated before it replaces anything, so weigh never writes a file it cannot read.
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
    loop {
        let Some(mut locked) = Locked::open(path)? else {
            let new = new.ok_or_else(|| missing(path))?;
            let mut loaded = fresh(new);
            change(&mut loaded.assessment, &loaded.checklist)?;
            let text = finish(path, &mut loaded, "", schema_line)?;
            if crate::fsx::create_new(path, text.as_bytes())? {
                return Ok(loaded);
            }
            continue; // another writer created it first: change that file instead
        };
        let old = locked.read_text()?;
        let mut loaded = load_text(&path.display().to_string(), &old, lookup)?;
        change(&mut loaded.assessment, &loaded.checklist)?;
        let text = finish(path, &mut loaded, &old, schema_line)?;
        locked.replace(text.as_bytes())?;
        return Ok(loaded);
    }
}

/// A missing assessment: a dangling symbolic link says where it points.
fn missing(path: &Path) -> Error {
    match crate::fsx::target::resolve(path) {
        Ok(t) => t.missing(),
        Err(e) => e,
    }
}

/// A new assessment, in memory only.
fn fresh(new: &NewFile) -> Loaded {
    Loaded {
        assessment: new.assessment(),
        checklist: Arc::new(new.checklist.clone()),
        warnings: Report {
            source: SourceFile {
                name: String::new(),
                text: String::new(),
            },
            diagnostics: Vec::new(),
        },
        member_warnings: Vec::new(),
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

/// Locks the file and reads it: for a folder's member files, which are written under their
/// own locks ([`Locked::replace`]). A file that is not there is an error.
pub(super) fn lock(path: &Path) -> Result<(Locked, String)> {
    let mut locked = Locked::open(path)?.ok_or_else(|| missing(path))?;
    let text = locked.read_text()?;
    Ok((locked, text))
}

/// The canonical text to write, read back and validated; version and digest brought up to date
/// when every answer fits; a warning when comments of `old_text` are dropped. A value weigh
/// could not read again (a date-time outside years 0000-9999, say) stops here as an internal
/// error, before anything is written.
fn finish(
    path: &Path,
    loaded: &mut Loaded,
    old_text: &str,
    schema_line: Option<&str>,
) -> Result<String> {
    let text = render(&mut loaded.assessment, &loaded.checklist, schema_line);
    loaded
        .warnings
        .diagnostics
        .extend(dropped_comments(old_text));
    verify(path, &text, &loaded.checklist)?;
    Ok(text)
}

/// Reads `text` back as the next command will; any error is weigh's own bug.
pub(super) fn verify(path: &Path, text: &str, checklist: &Checklist) -> Result<()> {
    let (file, mut problems) = parse_file(text);
    if let Some(file) = &file {
        problems.extend(validate(file, checklist).1);
    }
    match problems.iter().find(|d| d.is_error()) {
        None if file.is_some() => Ok(()),
        found => Err(Error::refused(
            path,
            "write",
            format!(
                "weigh would write an assessment it cannot read back ({}); nothing was written",
                found.map_or("invalid structure", |d| d.message.as_str())
            ),
        )),
    }
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
