//! `weigh-bench`: one command that builds weigh in release, generates the corpus if it is
//! missing, checks it, measures every job beside its floor and prints the targets as a Markdown
//! table. See BENCHMARKS.md.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use clap::{Parser, Subcommand};
use weigh_bench::corpus::{self, Corpus};
use weigh_bench::measure::Runner;
use weigh_bench::profile::{self, Tool};
use weigh_bench::results::{self, Context};
use weigh_bench::suite::{self, Figure, Programs};
use weigh_bench::verify;

/// Benchmarks weigh against a parse-only floor over a seeded synthetic corpus.
#[derive(Parser)]
#[command(version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Cmd>,
}

#[derive(Subcommand)]
enum Cmd {
    /// Build, generate the corpus if missing, check it, measure everything, print the table.
    Run(RunArgs),
    /// Only generate (or regenerate) the corpus.
    Generate(Common),
    /// List the jobs and their command lines.
    List(Common),
    /// Summarize a callgrind profile already recorded by `profile` again.
    Summarize {
        /// The job's key.
        key: String,
    },
    /// Run one job under a profiler and print where the time goes (weigh is built with line
    /// tables into target/bench-profile/ unless --weigh names a binary).
    Profile {
        /// The job's key (see `list`).
        key: String,
        /// The profiler.
        #[arg(long, value_enum, default_value = "callgrind")]
        tool: Tool,
        /// Feed only the first N lines of the job's stdin script (a shorter walk).
        #[arg(long, value_name = "N")]
        script_lines: Option<usize>,
        #[command(flatten)]
        common: Common,
    },
}

#[derive(clap::Args, Default)]
struct Common {
    /// Measure this weigh binary instead of building the workspace's.
    #[arg(long, value_name = "PATH")]
    weigh: Option<PathBuf>,
    /// Regenerate the corpus even if it looks complete.
    #[arg(long)]
    regenerate: bool,
}

#[derive(clap::Args, Default)]
struct RunArgs {
    /// Repetitions per job (jobs slower than 5 s run at most 3).
    #[arg(long, default_value_t = 5)]
    reps: usize,
    /// Only this job and its floor, besides process start (repeatable; `list` names the jobs).
    #[arg(long, value_name = "KEY")]
    only: Vec<String>,
    #[command(flatten)]
    common: Common,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command.unwrap_or(Cmd::Run(RunArgs {
        reps: 5,
        ..RunArgs::default()
    })) {
        Cmd::Run(args) => run(&args),
        Cmd::Generate(common) => setup(&common).map(|_| ()),
        Cmd::List(common) => list(&common),
        Cmd::Summarize { key } => summarize(&key),
        Cmd::Profile {
            key,
            tool,
            script_lines,
            mut common,
        } => profile_job(&key, tool, script_lines, &mut common),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("weigh-bench: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `target/`, from where cargo put this binary (`target/<profile>/weigh-bench`).
fn target_dir() -> io::Result<PathBuf> {
    let exe = std::env::current_exe()?;
    exe.parent()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .ok_or_else(|| io::Error::other("cannot tell the target folder from this binary's path"))
}

/// Builds weigh and the floor in release (one `cargo build`), and finds them.
fn build(common: &Common) -> io::Result<Programs> {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .current_dir(&workspace)
        .args(["build", "--release", "-p", "weigh-bench", "--bins"]);
    if common.weigh.is_none() {
        command.args(["-p", "weigh", "--bin", "weigh"]);
    }
    eprintln!("building weigh and the floor in release…");
    if !command.status()?.success() {
        return Err(io::Error::other("cargo build --release failed"));
    }
    let release = target_dir()?.join("release");
    let weigh = match &common.weigh {
        Some(path) => fs::canonicalize(path)?,
        None => release.join("weigh"),
    };
    Ok(Programs {
        compare: corpus::probe::has_subcommand(&weigh, "compare"),
        floor: release.join("weigh-floor"),
        timer: release.join("weigh-timer"),
        weigh,
    })
}

/// weigh in release with line tables, in its own target folder so that the measured build is
/// untouched, for the profilers to name functions and source lines.
fn profiling_weigh() -> io::Result<PathBuf> {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let dir = target_dir()?.join("bench-profile");
    eprintln!(
        "building weigh in release with line tables into {}…",
        dir.display()
    );
    let status = Command::new(cargo)
        .current_dir(&workspace)
        .env("CARGO_PROFILE_RELEASE_DEBUG", "line-tables-only")
        .args([
            "build",
            "--release",
            "-p",
            "weigh",
            "--bin",
            "weigh",
            "--target-dir",
        ])
        .arg(&dir)
        .status()?;
    if !status.success() {
        return Err(io::Error::other(
            "cargo build of the profiling weigh failed",
        ));
    }
    Ok(dir.join("release/weigh"))
}

fn setup(common: &Common) -> io::Result<(Programs, Corpus)> {
    let programs = build(common)?;
    let root = target_dir()?.join("bench-corpus");
    let corpus = corpus::ensure(&programs.weigh, &root, common.regenerate)?;
    verify::canonical(&programs.weigh, &corpus)?;
    eprintln!("corpus: in the canonical form this weigh writes");
    Ok((programs, corpus))
}

fn run(args: &RunArgs) -> io::Result<()> {
    let (programs, corpus) = setup(&args.common)?;
    let jobs: Vec<_> = suite::jobs(&corpus, &programs)
        .into_iter()
        .filter(|j| suite::selected(&args.only, &j.key))
        .collect();
    let root = target_dir()?.join("bench-corpus");
    let runner = Runner::new(&programs.timer, &root);
    let figures = suite::run_all(&jobs, args.reps, &runner)?;
    let order: Vec<String> = jobs.iter().map(|j| j.key.clone()).collect();
    let text = report(&programs, &corpus, &figures, &order, args.reps)?;
    print!("{text}");
    fs::write(root.join("results.md"), &text)?;
    eprintln!("written to {}", root.join("results.md").display());
    Ok(())
}

fn report(
    p: &Programs,
    c: &Corpus,
    figures: &BTreeMap<String, Figure>,
    order: &[String],
    reps: usize,
) -> io::Result<String> {
    let version = Command::new(&p.weigh).arg("--version").output()?;
    let cx = Context {
        walk_items: c.walk_steps.len(),
        walk_checklist: c.walk.checklist.items().count(),
        compare: p.compare,
    };
    let mut text = format!(
        "{}: medians of {reps} runs ({} for jobs under 0.2 s, 3 for jobs over 5 s), WEIGH_NOW={}, corpus with scale answers as {}\n\n",
        String::from_utf8_lossy(&version.stdout).trim(),
        reps * 4,
        corpus::NOW,
        c.form.name()
    );
    text.push_str(&results::markdown(figures, order, &cx));
    let (walked, answered) = suite::walk_files();
    if figures.keys().any(|k| k.starts_with("walk-")) && figures.contains_key("answer-each") {
        let (same, n) = verify::walk_matches(&c.walk.dir.join(walked), &c.walk.dir.join(answered))?;
        text.push_str(&format!(
            "\nWalk check: the line-mode walk wrote {n} answers; its file {} the file written by one `weigh answer` per item.\n",
            if same { "is byte-identical to" } else { "**differs from**" }
        ));
    }
    Ok(text)
}

fn list(common: &Common) -> io::Result<()> {
    let (programs, corpus) = setup(common)?;
    for job in suite::jobs(&corpus, &programs) {
        let first = job.steps.first().map(|s| s.display()).unwrap_or_default();
        let more = match job.steps.len() {
            1 => String::new(),
            n => format!("  (+{} more processes)", n - 1),
        };
        println!(
            "{:<22} (in {}) {first}{more}",
            job.key,
            job.steps[0].dir.display()
        );
    }
    Ok(())
}

fn summarize(key: &str) -> io::Result<()> {
    let dir = target_dir()?.join("bench-corpus/profiles");
    let paths = profile::summarize(key, &dir)?;
    if let Some(first) = paths.first() {
        print!("{}", fs::read_to_string(first)?);
    }
    Ok(())
}

fn profile_job(
    key: &str,
    tool: Tool,
    script_lines: Option<usize>,
    common: &mut Common,
) -> io::Result<()> {
    if common.weigh.is_none() {
        common.weigh = Some(profiling_weigh()?);
    }
    let (programs, corpus) = setup(common)?;
    let mut job = suite::jobs(&corpus, &programs)
        .into_iter()
        .find(|j| j.key == key)
        .ok_or_else(|| {
            io::Error::other(format!("no job `{key}`; `weigh-bench list` names them"))
        })?;
    if let Some(lines) = script_lines {
        profile::truncate_script(&mut job, lines);
    }
    let job = &job;
    let root = target_dir()?.join("bench-corpus");
    let runner = Runner::new(&programs.timer, &root);
    let paths = profile::profile(job, tool, &runner, &root.join("profiles"))?;
    if let Some(first) = paths.first() {
        print!("{}", fs::read_to_string(first)?);
    }
    for path in &paths {
        eprintln!("written: {}", path.display());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
