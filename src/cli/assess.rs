//! `weigh assess [FILE]`: the interactive walkthrough, or line mode when stdin is not a terminal.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::Args;
use weigh::assessment::Candidate;
use weigh::assessment::store::{self, NewFile};
use weigh::error::{Error, exit};
use weigh::locate::Finder;
use weigh::walk::line::LinePrompter;
use weigh::walk::session::Session;
use weigh::walk::terminal::TerminalPrompter;
use weigh::walk::{Options, Outcome, Stop, flow};

use super::common;

/// Arguments of `weigh assess`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  weigh assess                                     # a new candidate (asks its name)\n  weigh assess assessments/kimi-k3                 # resume your answers in a folder assessment\n  weigh assess assessments/kimi-k3 --unanswered --dimension safety\n  printf 'yes\\n2\\n' | weigh assess screen.toml --candidate \"Kimi K3\" --checklist quick-screen"
)]
pub struct AssessArgs {
    /// The assessment file to create or resume (default: a new file named after the candidate in
    /// the project's assessments folder).
    pub file: Option<PathBuf>,
    /// Who answers (default: git config user.name, then $USER).
    #[arg(long = "as", value_name = "NAME")]
    pub as_: Option<String>,
    /// Only this dimension's items.
    #[arg(long, value_name = "ID")]
    pub dimension: Option<String>,
    /// Skip items you have answered.
    #[arg(long)]
    pub unanswered: bool,
    /// Show other assessors' answers before you answer.
    #[arg(long)]
    pub show_others: bool,
    /// The checklist (an id or a path); for an existing file, must be the file's own.
    #[arg(long, value_name = "ID|PATH")]
    pub checklist: Option<String>,
    /// The candidate's name (a new file needs it in line mode).
    #[arg(long, value_name = "NAME")]
    pub candidate: Option<String>,
    /// The candidate's hub id, for a new file.
    #[arg(long, value_name = "HUB_ID")]
    pub model: Option<String>,
}

/// Runs the walkthrough.
pub fn run(args: &AssessArgs) -> Result<u8, Error> {
    let interactive = std::io::stdin().is_terminal();
    let by = common::assessor(args.as_.as_deref())?;
    let finder = super::finder(args.file.as_deref())?;
    let (path, new) = target(args, &finder, interactive)?;
    let lookup = common::lookup(&path, args.checklist.as_deref())?;
    let schema_line = store::schema_line(
        &path,
        finder.project.as_ref().and_then(|p| p.schemas()).as_deref(),
    );
    // WEIGH_NOW is checked once here, so the clock below cannot fail later.
    weigh::clock::now()?;
    let clock = Box::new(|| weigh::clock::now().unwrap_or_else(|_| jiff::Timestamp::now()));
    let mut session = Session::open(path.clone(), lookup, new.as_ref(), schema_line, by, clock)?;
    common::print_warnings(&session.warnings);
    let options = options(args, &session)?;
    let outcome = if interactive {
        flow::run(&mut session, &mut TerminalPrompter, &options)?
    } else {
        let mut prompter = LinePrompter::new(std::io::stdin().lock(), std::io::stderr());
        flow::run(&mut session, &mut prompter, &options)?
    };
    finish(&session, &outcome)
}

fn options(args: &AssessArgs, session: &Session) -> Result<Options, Error> {
    if let Some(id) = &args.dimension {
        let ids: Vec<&str> = session
            .checklist
            .dimensions
            .iter()
            .map(|d| d.id.as_str())
            .collect();
        if !ids.contains(&id.as_str()) {
            return Err(Error::usage(
                format!(
                    "checklist `{}` has no dimension `{id}`",
                    session.checklist.id
                ),
                format!("use one of {}", weigh::text::one_of(&ids)),
            ));
        }
    }
    Ok(Options {
        unanswered: args.unanswered,
        dimension: args.dimension.clone(),
        show_others: args.show_others,
    })
}

/// The file to walk, and what a new one starts with.
fn target(
    args: &AssessArgs,
    finder: &Finder,
    interactive: bool,
) -> Result<(PathBuf, Option<NewFile>), Error> {
    if let Some(path) = &args.file {
        if store::exists(path) {
            return Ok((path.clone(), None));
        }
        let new = new_file(args, finder, interactive)?;
        return Ok((path.clone(), Some(new)));
    }
    let new = new_file(args, finder, interactive)?;
    let (folder, as_folder) = finder.project.as_ref().map_or_else(
        || (PathBuf::from("assessments"), false),
        |p| (p.assessments.clone(), true),
    );
    let path = slot(&folder, &new.candidate.name, as_folder)?;
    let new = (!store::exists(&path)).then_some(new);
    Ok((path, new))
}

fn new_file(args: &AssessArgs, finder: &Finder, interactive: bool) -> Result<NewFile, Error> {
    let (name, model) = match args.candidate.as_deref() {
        Some(name) => (common::candidate_name(name)?, args.model.clone()),
        None if interactive => ask_candidate()?,
        None => {
            return Err(Error::usage(
                "a new assessment needs a candidate",
                "pass --candidate NAME (line mode cannot ask for it)",
            ));
        }
    };
    let default = finder.project.as_ref().map(|p| p.default_checklist.clone());
    let id = args
        .checklist
        .clone()
        .or(default)
        .unwrap_or_else(|| weigh::checklist::builtin::DEFAULT_ID.into());
    let checklist = finder.find(&id)?;
    let candidate = Candidate {
        name,
        model: model.filter(|m| !m.trim().is_empty()),
        ..Candidate::default()
    };
    Ok(NewFile {
        candidate,
        checklist,
        created: weigh::clock::now()?,
    })
}

fn ask_candidate() -> Result<(String, Option<String>), Error> {
    let interrupted = |_| Error::usage("no candidate given", "pass --candidate NAME");
    let name = inquire::Text::new("Candidate model name:")
        .with_validator(|t: &str| {
            Ok(if t.trim().is_empty() {
                inquire::validator::Validation::Invalid("a name is needed".into())
            } else {
                inquire::validator::Validation::Valid
            })
        })
        .prompt()
        .map_err(interrupted)?;
    let model = inquire::Text::new("Hub id (optional, e.g. deepseek-ai/DeepSeek-V4):")
        .prompt()
        .map_err(interrupted)?;
    Ok((
        common::candidate_name(&name)?,
        Some(model.trim().to_string()),
    ))
}

/// The candidate's assessment in `folder`: its slug (a folder in a project, else a `.toml` file),
/// resumed when it assesses the same candidate, else the slug with `-2`, `-3`, ….
fn slot(folder: &Path, name: &str, as_folder: bool) -> Result<PathBuf, Error> {
    let slug = weigh::text::slug(name);
    let ext = if as_folder { "" } else { ".toml" };
    for n in 1.. {
        let file = if n == 1 {
            format!("{slug}{ext}")
        } else {
            format!("{slug}-{n}{ext}")
        };
        let path = folder.join(file);
        if !path.exists() || same_candidate(&path, name) {
            return Ok(path);
        }
    }
    unreachable!("some numbered file name is free")
}

/// Whether the file, or the first member of the folder, assesses this candidate.
fn same_candidate(path: &Path, name: &str) -> bool {
    let file = if path.is_dir() {
        match store_members(path) {
            Some(first) => first,
            None => return true,
        }
    } else {
        path.to_path_buf()
    };
    let Ok(text) = weigh::fsx::read_text(&file) else {
        return false;
    };
    let Ok(value) = toml::from_str::<toml::Table>(&text) else {
        return false;
    };
    value
        .get("candidate")
        .and_then(|c| c.get("name"))
        .and_then(toml::Value::as_str)
        .is_some_and(|n| n.trim() == name)
}

/// The first member file of a folder assessment, if it has any.
fn store_members(folder: &Path) -> Option<PathBuf> {
    weigh::assessment::folder::members(folder)
        .ok()?
        .into_iter()
        .next()
}

/// The end: the scorecard and the next commands, or where the walk stopped.
fn finish(session: &Session, outcome: &Outcome) -> Result<u8, Error> {
    let file = session.path.display().to_string();
    let resume = format!("weigh assess {file}");
    let saved = format!("{} answer(s) saved in {file}", session.saved);
    match outcome {
        Outcome::Finished => {
            end_screen(session, &file)?;
            Ok(exit::OK)
        }
        Outcome::Quit(_) => {
            super::warn(&format!("{saved}. Resume with `{resume}`.\n"));
            Ok(exit::OK)
        }
        Outcome::Stopped(Stop::Interrupted, _) => {
            super::warn(&format!(
                "\nInterrupted: {saved}. Resume with `{resume}`.\n"
            ));
            Ok(exit::INTERRUPTED)
        }
        Outcome::Stopped(Stop::EndOfInput, at) => {
            let at = at
                .as_deref()
                .map(|i| format!(" at `{i}`"))
                .unwrap_or_default();
            super::warn(&format!(
                "End of input{at}: {saved}. Resume with `{resume}`.\n"
            ));
            Ok(exit::OK)
        }
        Outcome::Stopped(Stop::Invalid { line, message }, _) => Err(Error::usage(
            format!("line {line}: {message}"),
            format!("answers before line {line} are saved in {file}; fix the line and run again"),
        )),
        Outcome::Stopped(Stop::Io(why), _) => Err(Error::Io {
            path: PathBuf::from("<terminal>"),
            action: "prompt on",
            source: std::io::Error::other(why.clone()),
        }),
    }
}

fn end_screen(session: &Session, file: &str) -> Result<(), Error> {
    let card = weigh::score::score(&session.checklist, &session.assessment, session.now());
    let view = weigh::report::build(&session.checklist, &session.assessment, &card);
    let mut text = weigh::report::table::render(&view);
    text.push_str(&format!(
        "\nSaved in {file}\nNext:\n  weigh report {file} --format markdown > report.md\n  git add {file} && git commit -m \"Assess {}\"\n",
        weigh::text::escape_control(&session.assessment.candidate.name).replace('"', "'")
    ));
    super::print(None, &text)
}
