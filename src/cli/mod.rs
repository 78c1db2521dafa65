//! Command-line arguments (clap derive) and dispatch; one module per subcommand.

mod answer;
mod assess;
mod checklist;
mod common;
mod compare;
mod diff;
mod facts;
mod fmt;
mod gate;
mod import;
mod init;
mod into;
mod merge_file;
mod providers;
mod report;
mod schema;
mod scored;
mod serve;
mod shell;

use std::io::Write;

use clap::{Parser, Subcommand, ValueEnum};
use weigh::error::{Error, exit};

/// Decide, as a team, whether a newly released open-weight model is ready for your product.
#[derive(Debug, Parser)]
#[command(name = "weigh", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Set up the current folder: weigh.toml, assessments/, checklists/, schemas/, and in a git
    /// repository the merge driver.
    Init(init::InitArgs),
    /// Walk a team through a checklist for a candidate; every answer is saved at once.
    Assess(assess::AssessArgs),
    /// Record one answer from a script.
    Answer(answer::AnswerArgs),
    /// The readiness report: verdict, scores, gates, actions.
    Report(report::ReportArgs),
    /// Candidates side by side: verdicts, scores, dimensions, flags (and items with --items).
    Compare(compare::CompareArgs),
    /// What changed between two versions of an assessment (either may be REV:PATH from git).
    Diff(diff::DiffArgs),
    /// Exit 0 when every candidate meets the requirement, 1 when any does not: for CI.
    Gate(gate::GateArgs),
    /// List, show, validate and export checklists.
    #[command(subcommand)]
    Checklist(checklist::ChecklistCommand),
    /// Print the JSON Schema (draft-07) of a file format.
    Schema(schema::SchemaArgs),
    /// Model size, memory and serving hardware from a config.json or a snapshot folder.
    Facts(facts::FactsArgs),
    /// Who serves a model and at what price, from a local copy of models.dev.
    Providers(providers::ProvidersArgs),
    /// Fill a number item from an evaluation's results file.
    Import(import::ImportArgs),
    /// Rewrite assessments in canonical form; --check fails with a diff instead.
    Fmt(fmt::FmtArgs),
    /// The git merge driver for one-file assessments (registered by `weigh init`).
    MergeFile(merge_file::MergeFileArgs),
    /// A live team session in the browser: blind votes, reveal, discuss, decide.
    Serve(serve::ServeArgs),
    /// Print shell completions.
    Completions(shell::CompletionsArgs),
    /// Print the man page.
    #[command(after_help = "Example:
  weigh manpage > ~/.local/share/man/man1/weigh.1")]
    Manpage,
}

/// Output formats for commands that print a checklist or a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Terminal tables.
    Table,
    /// GitHub-flavoured Markdown.
    Markdown,
    /// JSON.
    Json,
    /// A self-contained HTML page with charts (`report` and `compare`).
    Html,
}

/// A template that fails to render is a bug in weigh: an internal error (exit 3).
pub fn html_failed(what: &str, e: impl std::fmt::Display) -> Error {
    Error::io(what, "render", std::io::Error::other(e.to_string()))
}

/// The error for `--format html` given to a command that has no HTML output (exit 2).
pub fn html_unsupported(command: &str) -> Error {
    Error::usage(
        format!("`{command}` has no HTML output"),
        "use --format table, markdown or json (HTML is for `weigh report` and `weigh compare`)",
    )
}

/// Runs weigh and returns its exit code.
pub fn main() -> u8 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    weigh::fsx::lock::on_wait(|notice| warn(&format!("{notice}\n")));
    // A panic is a bug: report it as an internal error (exit 3), never as a crash code.
    match std::panic::catch_unwind(|| run(cli)) {
        Ok(Ok(code)) => code,
        // `weigh … | head`: the reader has what it wanted; nothing is wrong.
        Ok(Err(e)) if e.is_closed_stdout() => exit::OK,
        Ok(Err(e)) => {
            report_error(&e);
            e.exit_code()
        }
        Err(_) => {
            warn(
                "error: internal error in weigh (a bug); please report it with the command that caused it\n",
            );
            exit::IO
        }
    }
}

/// Prints clap's message (help and version to stdout, errors to stderr, both through the
/// terminal escaping) and returns the exit code. An unknown option that is really a value
/// starting with `-` (`-inf`, `-1,000`) gets a message that says so.
fn usage_error(e: &clap::Error) -> u8 {
    if !e.use_stderr() {
        let _ = print(None, &e.render().ansi().to_string());
        return exit::OK;
    }
    match dash_value(e) {
        Some(value) => warn(&format!(
            "error: unexpected argument '{value}'\n\nhelp: if '{value}' is a value, put '--' before it (`weigh answer FILE ITEM -- {value}`)\n\nFor more information, try '--help'.\n"
        )),
        None => warn(&e.render().ansi().to_string()),
    }
    exit::INVALID
}

/// The command-line argument clap took for an unknown short option, when it is a whole word
/// such as `-inf` (clap names only its first letter, `-i`).
fn dash_value(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue};
    if e.kind() != clap::error::ErrorKind::UnknownArgument {
        return None;
    }
    let Some(ContextValue::String(flag)) = e.get(ContextKind::InvalidArg) else {
        return None;
    };
    if flag.starts_with("--") {
        return None;
    }
    std::env::args()
        .skip(1)
        .find(|a| a.starts_with(flag.as_str()) && a.len() > flag.len() && !a.starts_with("--"))
}

fn run(cli: Cli) -> Result<u8, Error> {
    match cli.command {
        Command::Init(args) => init::run(&args),
        Command::Assess(args) => assess::run(&args),
        Command::Answer(args) => answer::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Compare(args) => compare::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Gate(args) => gate::run(&args),
        Command::Checklist(command) => checklist::run(command),
        Command::Schema(args) => schema::run(&args),
        Command::Facts(args) => facts::run(&args),
        Command::Providers(args) => providers::run(&args),
        Command::Import(args) => import::run(&args),
        Command::Fmt(args) => fmt::run(&args),
        Command::MergeFile(args) => merge_file::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Completions(args) => shell::completions(&args),
        Command::Manpage => shell::manpage(),
    }
}

/// A checklist finder for the project around `near` (an assessment file), else the working
/// directory.
pub fn finder(near: Option<&std::path::Path>) -> Result<weigh::locate::Finder, Error> {
    finder_sharing(near, &weigh::locate::Cache::default())
}

/// [`finder`], keeping the checklists it loads in `cache` (which other finders may share).
pub fn finder_sharing(
    near: Option<&std::path::Path>,
    cache: &weigh::locate::Cache,
) -> Result<weigh::locate::Finder, Error> {
    let start = match near.and_then(std::path::Path::parent) {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    Ok(weigh::locate::Finder::sharing(
        cache.project(&start)?,
        cache,
    ))
}

/// Prints an error to stderr, with colour where the terminal takes it.
pub fn report_error(e: &Error) {
    let text = match e {
        Error::Invalid(report) => report.render(true),
        other => format!("{other}\n"),
    };
    warn(&text);
}

/// Writes a result to stdout (colour stripped off a non-terminal) or to a file (never styled),
/// through [`weigh::fsx::write_output`], the one way results leave weigh.
pub fn print(path: Option<&std::path::Path>, text: &str) -> Result<(), Error> {
    weigh::fsx::write_output(path, text)
}

/// Prints warnings and messages to stderr. Everything passes through
/// [`weigh::text::for_terminal`], so no file text can drive the terminal even where a renderer
/// forgot to escape it.
pub fn warn(text: &str) {
    let mut err = anstream::stderr();
    let _ = err.write_all(weigh::text::for_terminal(text).as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn styled_help_passes_the_terminal_escaping_unchanged() {
        let help = Cli::command().render_help().ansi().to_string();
        assert!(help.contains('\u{1b}'), "help is styled");
        assert_eq!(weigh::text::for_terminal(&help), help);
    }
}
