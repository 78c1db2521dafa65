//! `weigh checklist list|show|validate|export`.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use comfy_table::{Table, presets::UTF8_FULL_CONDENSED};
use weigh::checklist::{self, builtin};
use weigh::error::{Error, exit};
use weigh::fsx;

use super::Format;

/// The checklist subcommands.
#[derive(Debug, Subcommand)]
pub enum ChecklistCommand {
    /// The checklists weigh can see.
    #[command(after_help = "Example:\n  weigh checklist list")]
    List,
    /// A checklist's dimensions and items.
    Show(ShowArgs),
    /// Validate checklist files; exit 0 when all are valid.
    Validate(ValidateArgs),
    /// Write a built-in checklist out, to start a team's own.
    Export(ExportArgs),
    /// Tidy checklist files' layout, keeping comments; --check fails with a diff instead.
    Fmt(FmtArgs),
}

/// Arguments of `checklist fmt`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  weigh checklist fmt checklists/*.toml\n  weigh checklist fmt --check checklists/*.toml   # CI: exit 1 with a diff"
)]
pub struct FmtArgs {
    /// Checklist files.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Change nothing: print a unified diff and exit 1 when a file is not tidy.
    #[arg(long)]
    pub check: bool,
}

/// Arguments of `checklist show`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  weigh checklist show open-weight-adoption\n  weigh checklist show checklists/acme.toml --format markdown"
)]
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
#[command(after_help = "Example:\n  weigh checklist validate checklists/*.toml")]
pub struct ValidateArgs {
    /// Checklist files (`-` for stdin).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// Arguments of `checklist export`.
#[derive(Debug, Args)]
#[command(
    after_help = "Example:\n  weigh checklist export open-weight-adoption --id acme-adoption -o checklists/acme-adoption.toml"
)]
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
        ChecklistCommand::Fmt(args) => fmt(&args),
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
        Format::Html => return Err(super::html_unsupported("weigh checklist show")),
    };
    fsx::write_output(None, &text)?;
    Ok(exit::OK)
}

/// Validates every file, printing every problem; the highest exit code wins.
fn validate(paths: &[PathBuf]) -> u8 {
    let mut code = exit::OK;
    let finder = match super::finder(None) {
        Ok(finder) => finder,
        Err(e) => {
            super::report_error(&e);
            return e.exit_code();
        }
    };
    for path in paths {
        let outcome = finder.load_path(path);
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

/// Tidies each file, or with `--check` prints what would change; the highest exit code wins.
fn fmt(args: &FmtArgs) -> Result<u8, Error> {
    let finder = super::finder(None)?;
    let mut code = exit::OK;
    for path in &args.paths {
        let outcome = fmt_one(&finder, path, args.check).unwrap_or_else(|e| {
            super::report_error(&e);
            e.exit_code()
        });
        code = code.max(outcome);
    }
    Ok(code)
}

fn fmt_one(finder: &weigh::locate::Finder, path: &Path, check: bool) -> Result<u8, Error> {
    let before = finder.load_path(path)?;
    let text = fsx::read_text(path)?;
    let tidy = checklist::format::format(&text)
        .map_err(|why| Error::usage(format!("{}: {why}", path.display()), "fix the TOML first"))?;
    if tidy == text {
        return Ok(exit::OK);
    }
    let after = finder.load_text_at(path, &tidy)?;
    if after.digest != before.digest {
        return Err(Error::usage(
            format!(
                "{}: tidying would change the checklist's meaning; nothing was written",
                path.display()
            ),
            "please report this as a bug, with the file",
        ));
    }
    let name = path.display().to_string();
    if check {
        fsx::write_output(None, &weigh::udiff::unified(&name, &text, &tidy))?;
        return Ok(exit::UNMET);
    }
    fsx::write_atomic(path, tidy.as_bytes())?;
    super::warn(&format!("formatted {name}\n"));
    Ok(exit::OK)
}
