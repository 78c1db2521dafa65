//! Finding a checklist from a command-line argument or an assessment's `checklist` key
//! (SPEC §3, "Finding the checklist").
//!
//! An argument with `/` or `\`, or ending in `.toml`, is a path; anything else is an id, looked
//! up first in the top-level `*.toml` files of the project's checklist folders (by their
//! `[checklist].id`), then among the built-ins.

use std::path::{Path, PathBuf};

use toml::de::DeTable;

use crate::checklist::{self, Checklist, Origin, builtin};
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
}

impl Finder {
    /// A finder for a project, or for built-ins only.
    pub fn new(project: Option<Project>) -> Self {
        Finder { project }
    }

    /// Loads the checklist a command-line argument (or `weigh.toml`) names: a path or an id.
    pub fn find(&self, arg: &str) -> Result<Checklist> {
        if is_path(arg) {
            return from_path(Path::new(arg));
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
            return from_path(&path);
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

/// Loads a checklist file.
pub fn from_path(path: &Path) -> Result<Checklist> {
    let text = crate::fsx::read_text(path)?;
    checklist::load_str(
        &path.display().to_string(),
        &text,
        Origin::Path(path.to_path_buf()),
    )
    .map_err(|r| Error::Invalid(Box::new(r)))
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

fn peek_id(path: &Path) -> Option<String> {
    let text = crate::fsx::read_text(path).ok()?;
    let doc = DeTable::parse(&text).ok()?;
    let table = doc.get_ref().get("checklist")?.get_ref().as_table()?;
    Some(table.get("id")?.get_ref().as_str()?.to_string())
}
