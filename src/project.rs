//! The project: `weigh.toml`, found by searching upward, naming checklist folders, where new
//! assessments go and the default checklist (SPEC §5).

use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;
use toml::de::DeTable;

use crate::diag::{Diagnostic, Report, SourceFile};
use crate::error::{Error, Result};

/// The file name weigh looks for.
pub const FILE_NAME: &str = "weigh.toml";

/// `weigh.toml` as written on disk.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "weigh project",
    transform = crate::checklist::schema_rules::version_one
)]
pub struct ProjectFile {
    /// The version of this file format. Must be 1.
    #[schemars(required, with = "u32")]
    pub schema_version: Option<Spanned<i64>>,
    /// Folders of project checklists, relative to this file.
    #[schemars(with = "Option<Vec<String>>")]
    pub checklists: Option<Vec<String>>,
    /// Where `weigh assess` puts new assessment files, relative to this file.
    #[schemars(with = "Option<String>")]
    pub assessments: Option<String>,
    /// The checklist `weigh assess` and `weigh answer` use when none is named.
    #[schemars(with = "Option<String>")]
    pub default_checklist: Option<String>,
}

/// A loaded project.
#[derive(Debug, Clone, PartialEq)]
pub struct Project {
    /// The folder holding `weigh.toml`.
    pub root: PathBuf,
    /// Checklist folders (absolute or relative to the working directory).
    pub checklists: Vec<PathBuf>,
    /// The assessments folder.
    pub assessments: PathBuf,
    /// The default checklist id or path.
    pub default_checklist: String,
}

impl Project {
    /// The project's `schemas/` folder, if it has one.
    pub fn schemas(&self) -> Option<PathBuf> {
        let dir = self.root.join("schemas");
        dir.is_dir().then_some(dir)
    }
}

/// The nearest `weigh.toml` at or above `start`.
pub fn find_file(start: &Path) -> Option<PathBuf> {
    let start = crate::fsx::normalize(start);
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|f| f.is_file())
}

/// Finds and loads the project around `start`, if there is one.
pub fn discover(start: &Path) -> Result<Option<Project>> {
    match find_file(start) {
        Some(file) => load(&file).map(Some),
        None => Ok(None),
    }
}

/// Loads a `weigh.toml`.
pub fn load(file: &Path) -> Result<Project> {
    let text = crate::fsx::read_text(file)?;
    from_text(file, text)
}

/// A `weigh.toml` from its text; `file` names it and its folder is the project's root.
pub fn from_text(file: &Path, text: String) -> Result<Project> {
    let root = file
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let invalid = |diagnostics: Vec<Diagnostic>| {
        Error::Invalid(Box::new(Report {
            source: SourceFile {
                name: file.display().to_string(),
                text: text.clone(),
            },
            diagnostics,
        }))
    };
    let (mut doc, errors) = DeTable::parse_recoverable(&text);
    let mut problems = crate::checklist::syntax_errors(&text, &errors);
    if problems.is_empty() {
        problems.extend(crate::tomlcheck::check(
            &mut doc,
            crate::schema::SchemaKind::Project,
        ));
    }
    if !problems.is_empty() {
        return Err(invalid(problems));
    }
    let raw: ProjectFile = serde::Deserialize::deserialize(toml::de::Deserializer::from(doc))
        .map_err(|e| {
            invalid(vec![Diagnostic::error(
                "invalid-structure",
                e.message().to_string(),
            )])
        })?;
    if let Some(v) = raw.schema_version.as_ref().filter(|v| *v.get_ref() != 1) {
        return Err(invalid(vec![
            Diagnostic::error(
                "unsupported-schema-version",
                format!("schema_version {} is not supported", v.get_ref()),
            )
            .at(v.span())
            .help("upgrade weigh"),
        ]));
    }
    Ok(Project {
        checklists: raw
            .checklists
            .unwrap_or_else(|| vec!["checklists".into()])
            .iter()
            .map(|c| root.join(c))
            .collect(),
        assessments: root.join(raw.assessments.unwrap_or_else(|| "assessments".into())),
        default_checklist: raw
            .default_checklist
            .unwrap_or_else(|| crate::checklist::builtin::DEFAULT_ID.into()),
        root,
    })
}

/// The text `weigh init` writes; `default_checklist` is the team's starter checklist.
pub fn default_file(default_checklist: &str) -> String {
    format!(
        "#:schema schemas/project.schema.json\nschema_version = 1\nchecklists = [\"checklists\"]          # folders of project checklists\nassessments = \"assessments\"          # where `weigh assess` puts new assessments (one folder per candidate)\ndefault_checklist = \"{default_checklist}\"\n"
    )
}
