//! The Store: the only way to read or write an assessment file (SPEC §3).
//!
//! Reading parses, finds the checklist, and checks every answer against it. Writing takes an
//! exclusive lock on the file ([`crate::fsx::Locked`]), re-reads it under the lock, applies the
//! change, reads the new text back, and commits it atomically in canonical form. A rename
//! replaces the file, so a writer that locked the old file notices (its handle's device and
//! inode differ from the path's) and retries: concurrent writers never lose each other's answers.

use std::path::{Path, PathBuf};

use jiff::Timestamp;

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
        let checklist = match &self.explicit {
            Some(arg) => self.finder.find(arg)?,
            None => self.finder.find_id(file_id)?,
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
    if lookup.explicit.is_none()
        && let Some(problem) = not_an_id(&file)
    {
        return Err(invalid(vec![problem]));
    }
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
/// in canonical form. A missing file is created from `new` (or is an error without it), and only
/// once `change` has succeeded: a refused change leaves nothing behind. The new text is read
/// back and validated before it replaces anything, so weigh never writes a file it cannot read.
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
    let assessment = Assessment {
        checklist: new.checklist.id.clone(),
        checklist_version: new.checklist.version.clone(),
        checklist_digest: Some(new.checklist.digest.clone()),
        created: new.created,
        candidate: new.candidate.clone(),
        answers: Vec::new(),
        unfit: Vec::new(),
    };
    Loaded {
        assessment,
        checklist: new.checklist.clone(),
        warnings: Report {
            source: SourceFile {
                name: String::new(),
                text: String::new(),
            },
            diagnostics: Vec::new(),
        },
    }
}

/// Brings version and digest up to date when every answer fits, and returns the canonical text,
/// read back and validated: a value weigh could not read again (a date-time outside years
/// 0000-9999, say) stops here as an internal error, before anything is written.
fn finish(
    path: &Path,
    loaded: &mut Loaded,
    old_text: &str,
    schema_line: Option<&str>,
) -> Result<String> {
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
    let text = canonical(a, schema_line);
    verify(path, &text, &loaded.checklist)?;
    Ok(text)
}

/// Reads `text` back as the next command will; any error is weigh's own bug.
fn verify(path: &Path, text: &str, checklist: &Checklist) -> Result<()> {
    let (file, mut problems) = parse_file(text);
    if let Some(file) = &file {
        problems.extend(validate(file, checklist).1);
    }
    match problems.iter().find(|d| d.is_error()) {
        None if file.is_some() => Ok(()),
        found => Err(Error::Io {
            path: path.to_path_buf(),
            action: "write",
            source: std::io::Error::other(format!(
                "weigh would write an assessment it cannot read back ({}); nothing was written",
                found.map_or("invalid structure", |d| d.message.as_str())
            )),
        }),
    }
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

fn relative(from_dir: &Path, to: &Path) -> PathBuf {
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
