//! `weigh checklist list|show|validate|export`.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use comfy_table::{Table, presets::UTF8_FULL_CONDENSED};
use weigh::checklist::{self, Origin, builtin};
use weigh::error::{Error, exit};
use weigh::fsx;

use super::Format;

/// The checklist subcommands.
#[derive(Debug, Subcommand)]
pub enum ChecklistCommand {
    /// The checklists weigh can see.
    List,
    /// A checklist's dimensions and items.
    Show(ShowArgs),
    /// Validate checklist files; exit 0 when all are valid.
    Validate(ValidateArgs),
    /// Write a built-in checklist out, to start a team's own.
    Export(ExportArgs),
}

/// Arguments of `checklist show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A checklist id or a path to a checklist file.
    #[arg(value_name = "ID|PATH")]
    pub checklist: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// Arguments of `checklist validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Checklist files (`-` for stdin).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// Arguments of `checklist export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The built-in checklist's id.
    pub id: String,
    /// Write to this file instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Give the exported checklist this id.
    #[arg(long = "id", value_name = "NEW")]
    pub id_as: Option<String>,
    /// Overwrite FILE if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Runs a checklist subcommand.
pub fn run(command: ChecklistCommand) -> Result<u8, Error> {
    match command {
        ChecklistCommand::List => list(),
        ChecklistCommand::Show(args) => show(&args),
        ChecklistCommand::Validate(args) => Ok(validate(&args.paths)),
        ChecklistCommand::Export(args) => export(&args),
    }
}

fn list() -> Result<u8, Error> {
    let finder = super::finder(None)?;
    let default = finder
        .project
        .as_ref()
        .map_or(builtin::DEFAULT_ID.to_string(), |p| {
            p.default_checklist.clone()
        });
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED);
    t.set_header(["id", "version", "items", "title", "source"]);
    let mut code = exit::OK;
    let listed = finder.list()?;
    for (i, l) in listed.iter().enumerate().filter(|(_, l)| l.path.is_some()) {
        let twin = listed[..i]
            .iter()
            .find(|o| o.path.is_some() && o.id == l.id);
        if let Some(first) = twin.and_then(|t| t.path.as_ref()) {
            let e = Error::usage(
                format!(
                    "two project checklists have the id `{}`: {} and {}",
                    l.id,
                    first.display(),
                    l.path
                        .as_ref()
                        .map_or(String::new(), |p| p.display().to_string())
                ),
                "give each checklist its own [checklist].id",
            );
            super::report_error(&e);
            code = code.max(e.exit_code());
        }
    }
    for listed in listed {
        let loaded = match &listed.path {
            Some(path) => weigh::locate::from_path(path),
            None => finder_builtin(&listed.id),
        };
        let mut id = weigh::text::terminal_cell(&listed.id);
        if listed.id == default {
            id.push_str(" (default)");
        }
        let source = match (&listed.path, listed.shadows) {
            (Some(p), true) => format!("{} (shadows the built-in)", p.display()),
            (Some(p), false) => p.display().to_string(),
            (None, true) => "builtin (shadowed by the project)".into(),
            (None, false) => "builtin".into(),
        };
        match loaded {
            Ok(c) => t.add_row([
                id,
                c.version.clone(),
                c.items().count().to_string(),
                weigh::text::terminal_cell(&c.title),
                weigh::text::terminal_cell(&source),
            ]),
            Err(e) => {
                super::report_error(&e);
                code = code.max(e.exit_code());
                t.add_row([
                    id,
                    "-".into(),
                    "-".into(),
                    "(invalid: see above)".into(),
                    weigh::text::terminal_cell(&source),
                ])
            }
        };
    }
    fsx::write_output(None, &format!("{t}\n"))?;
    Ok(code)
}

fn finder_builtin(id: &str) -> Result<checklist::Checklist, Error> {
    weigh::locate::Finder::default().find(id)
}

fn show(args: &ShowArgs) -> Result<u8, Error> {
    let c = super::finder(None)?.find(&args.checklist)?;
    let text = match args.format {
        Format::Table => weigh::show::table(&c, None),
        Format::Markdown => weigh::show::markdown(&c),
        Format::Json => weigh::show::json(&c),
    };
    fsx::write_output(None, &text)?;
    Ok(exit::OK)
}

/// Validates every file, printing every problem; the highest exit code wins.
fn validate(paths: &[PathBuf]) -> u8 {
    let mut code = exit::OK;
    for path in paths {
        let outcome = fsx::read_text(path).and_then(|text| {
            checklist::load_str(
                &path.display().to_string(),
                &text,
                Origin::Path(path.clone()),
            )
            .map_err(|r| Error::Invalid(Box::new(r)))
        });
        match outcome {
            Ok(c) => super::warn(&format!(
                "{}: ok ({} {}, {} items)\n",
                path.display(),
                c.id,
                c.version,
                c.items().count()
            )),
            Err(e) => {
                super::report_error(&e);
                code = code.max(e.exit_code());
            }
        }
    }
    code
}

fn export(args: &ExportArgs) -> Result<u8, Error> {
    let Some(found) = builtin::find(&args.id) else {
        let ids: Vec<&str> = builtin::all().iter().map(|b| b.id).collect();
        return Err(Error::usage(
            format!("no built-in checklist `{}`", args.id),
            format!("export one of: {}", ids.join(", ")),
        ));
    };
    let text = match &args.id_as {
        Some(new) => checklist::rename(found.source, new)?,
        None => found.source.to_string(),
    };
    if let Some(out) = args.output.as_deref().filter(|p| *p != Path::new("-"))
        && out.exists()
        && !args.force
    {
        return Err(Error::usage(
            format!("{} already exists", out.display()),
            "choose another file, or pass --force to overwrite it",
        ));
    }
    fsx::write_output(args.output.as_deref(), &text)?;
    Ok(exit::OK)
}
