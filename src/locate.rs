//! Finding a checklist from a command-line argument or an assessment's `checklist` key
//! (SPEC §3, "Finding the checklist").
//!
//! An argument with `/` or `\`, or ending in `.toml`, is a path; anything else is an id, looked
//! up first in the top-level `*.toml` files of the project's checklist folders (by their
//! `[checklist].id`), then among the built-ins.

mod cache;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use toml::de::DeTable;

pub use cache::Cache;

use crate::checklist::{self, BaseError, Bases, Checklist, Origin, builtin};
use crate::error::{Error, Result};
use crate::project::Project;

/// Whether a checklist argument names a file rather than an id.
pub fn is_path(arg: &str) -> bool {
    arg.contains('/') || arg.contains('\\') || arg.ends_with(".toml")
}

/// One checklist weigh can see, for `checklist list`.
#[derive(Debug, Clone)]
pub struct Listed {
    /// Its id.
    pub id: String,
    /// Where it is: a project file, or `None` for a built-in.
    pub path: Option<PathBuf>,
    /// Whether a project checklist with the same id hides this built-in, or this project
    /// checklist hides a built-in.
    pub shadows: bool,
}

/// Finds checklists for one project (or none).
#[derive(Debug, Clone, Default)]
pub struct Finder {
    /// The project, when a `weigh.toml` was found.
    pub project: Option<Project>,
    /// Checklists already loaded through [`Finder::find_cached`], shared by clones.
    cache: Cache,
}

impl Finder {
    /// A finder for a project, or for built-ins only.
    pub fn new(project: Option<Project>) -> Self {
        Finder::sharing(project, &Cache::default())
    }

    /// A finder that keeps what it loads in `cache`, which finders of other projects may share.
    pub fn sharing(project: Option<Project>, cache: &Cache) -> Self {
        Finder {
            project,
            cache: cache.clone(),
        }
    }

    /// [`Finder::find`], loading each argument once in this finder's life (and its clones'):
    /// files changed meanwhile are not read again.
    pub fn find_cached(&self, arg: &str) -> Result<Arc<Checklist>> {
        let project = self.project.as_ref().map(|p| p.root.clone());
        self.cache
            .get_or_load((project, arg.to_string()), || self.find(arg))
    }

    /// [`Finder::find_id`], loading each id once in this finder's life, like
    /// [`Finder::find_cached`]; it never reads a path.
    pub fn find_id_cached(&self, id: &str) -> Result<Arc<Checklist>> {
        if !crate::checklist::validate::is_kebab_id(id) {
            // Refused by find_id; an id is never read as a path.
            return self.find_id(id).map(Arc::new);
        }
        // A kebab-case id is never a path, so `find` looks it up as `find_id` would.
        self.find_cached(id)
    }

    /// Loads the checklist a command-line argument (or `weigh.toml`) names: a path or an id.
    pub fn find(&self, arg: &str) -> Result<Checklist> {
        if is_path(arg) {
            return self.load_path(Path::new(arg));
        }
        self.find_id(arg)
    }

    /// Loads the checklist with this id; never reads a path. An assessment's
    /// `assessment.checklist` comes here: a file someone else wrote must not make weigh read
    /// (and quote in an error) `/etc/shadow` or `/proc/self/environ`.
    pub fn find_id(&self, arg: &str) -> Result<Checklist> {
        if !crate::checklist::validate::is_kebab_id(arg) {
            return Err(Error::usage(
                format!("`{arg}` is not a checklist id"),
                "an assessment names its checklist by id (e.g. `open-weight-adoption`); pass --checklist PATH to use a file",
            ));
        }
        if let Some(path) = self.project_file(arg)? {
            return self.load_path(&path);
        }
        if let Some(found) = builtin::find(arg) {
            return checklist::load_str(
                &format!("builtin:{}", found.id),
                found.source,
                Origin::Builtin,
            )
            .map_err(|r| Error::Invalid(Box::new(r)));
        }
        Err(self.not_found(arg))
    }

    /// The project file whose `[checklist].id` is `id`; two such files are an error.
    fn project_file(&self, id: &str) -> Result<Option<PathBuf>> {
        let matches: Vec<PathBuf> = self
            .project_checklists()?
            .into_iter()
            .filter(|(i, _)| i == id)
            .map(|(_, p)| p)
            .collect();
        match matches.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(one.clone())),
            several => {
                let names: Vec<String> = several.iter().map(|p| p.display().to_string()).collect();
                Err(Error::usage(
                    format!(
                        "two project checklists have the id `{id}`: {}",
                        names.join(" and ")
                    ),
                    "give each checklist its own [checklist].id",
                ))
            }
        }
    }

    /// Every project checklist file with its id, in folder then file-name order. Files that
    /// do not parse far enough to have an id are skipped here (validation reports them).
    pub fn project_checklists(&self) -> Result<Vec<(String, PathBuf)>> {
        let Some(project) = &self.project else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        for dir in &project.checklists {
            for path in toml_files(dir)? {
                if let Some(id) = peek_id(&path) {
                    out.push((id, path));
                }
            }
        }
        Ok(out)
    }

    /// Every checklist visible: project ones first, then built-ins.
    pub fn list(&self) -> Result<Vec<Listed>> {
        let project = self.project_checklists()?;
        let mut out: Vec<Listed> = project
            .iter()
            .map(|(id, path)| Listed {
                id: id.clone(),
                path: Some(path.clone()),
                shadows: builtin::find(id).is_some(),
            })
            .collect();
        for b in builtin::all() {
            let shadowed = project.iter().any(|(id, _)| id == b.id);
            out.push(Listed {
                id: b.id.to_string(),
                path: None,
                shadows: shadowed,
            });
        }
        Ok(out)
    }

    fn not_found(&self, arg: &str) -> Error {
        let mut looked: Vec<String> = self
            .project
            .iter()
            .flat_map(|p| p.checklists.iter())
            .map(|d| format!("{}/*.toml", d.display()))
            .collect();
        let builtins: Vec<&str> = builtin::all().iter().map(|b| b.id).collect();
        looked.push(format!("the built-ins ({})", builtins.join(", ")));
        let ids: Vec<String> = self
            .list()
            .unwrap_or_default()
            .into_iter()
            .map(|l| l.id)
            .collect();
        let near = crate::text::did_you_mean(arg, ids.iter().map(String::as_str))
            .map(|s| format!("{s} "))
            .unwrap_or_default();
        Error::usage(
            format!(
                "no checklist with id `{arg}`; looked in {}",
                looked.join(", ")
            ),
            format!("{near}or name the file with --checklist PATH"),
        )
    }
}

impl Finder {
    /// Loads a checklist file, resolving `extends` by id through this project's checklists and
    /// the built-ins, or by path relative to the file.
    pub fn load_path(&self, path: &Path) -> Result<Checklist> {
        load_chain(self, path, Vec::new())
    }
}

/// Loads a checklist file outside any project (its `extends` may name built-ins and paths).
pub fn from_path(path: &Path) -> Result<Checklist> {
    Finder::default().load_path(path)
}

impl Finder {
    /// Loads a checklist from `text` as if it were the file at `path` (for checking an edited
    /// version before it is written).
    pub fn load_text_at(&self, path: &Path, text: &str) -> Result<Checklist> {
        load_text_chain(self, path, text, Vec::new())
    }
}

/// Loads `path`, with `chain` the files already being loaded for `extends` (to stop cycles).
fn load_chain(finder: &Finder, path: &Path, chain: Vec<PathBuf>) -> Result<Checklist> {
    let text = crate::fsx::read_text(path)?;
    load_text_chain(finder, path, &text, chain)
}

fn load_text_chain(
    finder: &Finder,
    path: &Path,
    text: &str,
    mut chain: Vec<PathBuf>,
) -> Result<Checklist> {
    chain.push(crate::fsx::normalize(path));
    let bases = Resolver { finder, chain };
    checklist::load_with(
        &path.display().to_string(),
        text,
        Origin::Path(path.to_path_buf()),
        &bases,
    )
    .map_err(|r| Error::Invalid(Box::new(r)))
}

/// Resolves `extends` for one file of a chain.
struct Resolver<'a> {
    finder: &'a Finder,
    chain: Vec<PathBuf>,
}

impl Bases for Resolver<'_> {
    fn base(
        &self,
        reference: &str,
        from: &Origin,
        own: Option<&str>,
    ) -> Result<Checklist, BaseError> {
        if is_path(reference) {
            // SPEC §2: a path relative to the extending file. An absolute one would let a
            // checklist from elsewhere make weigh open any file on this machine.
            if Path::new(reference).is_absolute() || reference.starts_with(['/', '\\']) {
                return Err(BaseError::NotFound(
                    format!("`{reference}` is an absolute path"),
                    "`extends` takes a checklist id, or a path relative to this file's folder"
                        .into(),
                ));
            }
            let dir = match from {
                Origin::Path(p) => p.parent().map_or_else(PathBuf::new, Path::to_path_buf),
                Origin::Builtin => PathBuf::new(),
            };
            return self.file(&dir.join(reference));
        }
        // A file never extends itself: a project checklist that shadows a built-in and extends
        // that id extends the built-in.
        if own != Some(reference) {
            match self.finder.project_file(reference) {
                Ok(Some(path)) => return self.file(&path),
                Ok(None) => {}
                Err(e) => {
                    return Err(BaseError::NotFound(
                        e.to_string()
                            .trim_start_matches("error: ")
                            .lines()
                            .next()
                            .unwrap_or_default()
                            .to_string(),
                        "give each checklist its own [checklist].id".into(),
                    ));
                }
            }
        }
        if let Some(base) = builtin::load(reference) {
            return Ok(base);
        }
        if own == Some(reference) {
            return Err(BaseError::NotFound(
                format!("`{reference}` is this checklist's own id, and no built-in has it"),
                "a checklist cannot extend itself; name another checklist's id or path".into(),
            ));
        }
        let message = match self.finder.not_found(reference) {
            Error::Usage { message, .. } => message,
            other => other.to_string(),
        };
        Err(BaseError::NotFound(
            message,
            "name a checklist id that `weigh checklist list` shows, or a path relative to this file"
                .into(),
        ))
    }
}

impl Resolver<'_> {
    fn file(&self, path: &Path) -> Result<Checklist, BaseError> {
        let key = crate::fsx::normalize(path);
        let cwd = std::env::current_dir().unwrap_or_default();
        let shown = |p: &Path| p.strip_prefix(&cwd).unwrap_or(p).display().to_string();
        let names = |extra: &Path| -> Vec<String> {
            self.chain
                .iter()
                .map(|p| shown(p))
                .chain(std::iter::once(shown(extra)))
                .collect()
        };
        if self.chain.contains(&key) {
            return Err(BaseError::Cycle(names(&key)));
        }
        if !path.is_file() {
            return Err(BaseError::NotFound(
                format!("no checklist file {}", path.display()),
                "a path in `extends` is relative to the extending file's folder".into(),
            ));
        }
        match load_chain(self.finder, path, self.chain.clone()) {
            Ok(c) => Ok(c),
            Err(Error::Invalid(report)) => {
                if report.diagnostics.iter().any(|d| d.code == "extends-cycle") {
                    return Err(BaseError::Cycle(names(&key)));
                }
                let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
                Err(BaseError::Invalid(path.display().to_string(), errors))
            }
            Err(other) => Err(BaseError::NotFound(other.to_string(), String::new())),
        }
    }
}

fn toml_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(dir, "read the folder", e)),
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    Ok(files)
}

/// The `[checklist].id` of a file, for finding a checklist by id: every project checklist is
/// peeked at for each lookup, so only its head is parsed when that is enough (see [`head`]).
fn peek_id(path: &Path) -> Option<String> {
    let text = crate::fsx::read_text(path).ok()?;
    head(&text).and_then(id_in).or_else(|| id_in(&text))
}

/// `[checklist].id` in `text`, when it parses as TOML.
fn id_in(text: &str) -> Option<String> {
    let doc = DeTable::parse(text).ok()?;
    let table = doc.get_ref().get("checklist")?.get_ref().as_table()?;
    Some(table.get("id")?.get_ref().as_str()?.to_string())
}

/// The text up to the first table header after a `[checklist]` header line. A cut at a line
/// start outside any string leaves the same tokens as in the whole file; a cut inside a
/// multi-line string leaves it unclosed, so the head does not parse and the whole file is read.
fn head(text: &str) -> Option<&str> {
    let mut seen = false;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with('[') {
            if seen {
                return Some(&text[..offset]);
            }
            let header = trimmed.split('#').next().unwrap_or_default().trim_end();
            seen = header == "[checklist]";
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_is_read_from_the_head_when_it_is_there() {
        let text = "schema_version = 1\n[checklist]\nid = \"ours\"\n[[dimension]]\nid = \"x\"\n";
        assert_eq!(
            head(text),
            Some("schema_version = 1\n[checklist]\nid = \"ours\"\n")
        );
        assert_eq!(id_in(head(text).unwrap()).as_deref(), Some("ours"));
    }

    #[test]
    fn a_header_inside_a_multi_line_string_does_not_fool_the_peek() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        let text = "d = \"\"\"\n[checklist]\nid = \"fake\"\n\"\"\"\n[checklist]\nid = \"real\"\n[readiness]\n";
        std::fs::write(&path, text).unwrap();
        assert_eq!(peek_id(&path).as_deref(), Some("real"));
        let text = "[checklist]\ndescription = \"\"\"\n[readiness]\n\"\"\"\nid = \"late\"\n";
        std::fs::write(&path, text).unwrap();
        assert_eq!(peek_id(&path).as_deref(), Some("late"));
    }
}
