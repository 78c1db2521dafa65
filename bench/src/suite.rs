//! The measured jobs, each beside its floor or baseline: process start, `weigh report` on 200,
//! 2,000 and 20,000 items, `weigh compare` over 100, 1,000 and 10,000 files, `weigh answer` into
//! 5,000 answers, and a line-mode walk against answering the same items one command each.
//! Every job is an ordinary command line over the corpus; nothing here knows weigh's insides.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::corpus::{Corpus, Project, WALKER, walk};
use crate::measure::{Cost, Invocation, Runner, median};

/// Fleet sizes for `weigh compare`.
pub const FLEETS: [usize; 3] = [100, 1_000, 10_000];
/// A first run longer than this caps the repetitions at [`SLOW_REPS`].
const SLOW: Duration = Duration::from_secs(5);
/// Repetitions of a slow job.
const SLOW_REPS: usize = 3;
/// A first run shorter than this multiplies the repetitions by [`FAST_FACTOR`].
const FAST: Duration = Duration::from_millis(200);
/// How many times more often a fast job runs.
const FAST_FACTOR: usize = 4;
/// The candidate the walk creates.
const WALK_CANDIDATE: &str = "Walk Candidate";

/// What to do before each repetition, outside the timed part.
#[derive(Clone)]
pub enum Prepare {
    /// Nothing.
    Nothing,
    /// Restore a file from a pristine copy.
    Copy(PathBuf, PathBuf),
    /// Remove a file the job creates.
    Remove(PathBuf),
}

/// One measured job: one or more processes run in order, their times summed.
#[derive(Clone)]
pub struct Job {
    /// A short key (`report-200`).
    pub key: String,
    /// The processes.
    pub steps: Vec<Invocation>,
    /// Before each repetition.
    pub prepare: Prepare,
    /// Whether any output on stderr is an error: a report that warns (say, that the checklist
    /// changed) is not reading the corpus as intended.
    pub quiet: bool,
}

/// A job's medians.
#[derive(Clone, Copy, Debug)]
pub struct Figure {
    /// Median wall time.
    pub wall: Duration,
    /// Median CPU time (user + system).
    pub cpu: Duration,
    /// Fastest repetition.
    pub min: Duration,
    /// Slowest repetition.
    pub max: Duration,
    /// Median peak RSS of the job's largest process.
    pub peak_rss: u64,
    /// Repetitions measured.
    pub reps: usize,
}

/// The programs under test.
pub struct Programs {
    /// The release weigh.
    pub weigh: PathBuf,
    /// The parse-only floor.
    pub floor: PathBuf,
    /// The process timer.
    pub timer: PathBuf,
    /// Whether weigh has `compare`.
    pub compare: bool,
}

/// Every job, in the order they run.
pub fn jobs(c: &Corpus, p: &Programs) -> Vec<Job> {
    let mut jobs = vec![
        job(
            "start",
            vec![Invocation::new(&p.weigh, &c.typical.dir, ["--version"])],
        ),
        job(
            "floor-start",
            vec![Invocation::new(&p.floor, &c.typical.dir, [""; 0])],
        ),
    ];
    let reports = [
        (&c.typical, &c.fleet[0], 200),
        (&c.large[0], &c.large_files[0], 2_000),
        (&c.large[1], &c.large_files[1], 20_000),
    ];
    for (project, file, items) in reports {
        jobs.push(job(
            &format!("report-{items}"),
            vec![weigh(p, project, "report", [file])],
        ));
        jobs.push(job(
            &format!("floor-report-{items}"),
            vec![floor(p, project, [file])],
        ));
    }
    for n in FLEETS {
        let files = &c.fleet[..n];
        if p.compare {
            jobs.push(job(
                &format!("compare-{n}"),
                vec![weigh(p, &c.typical, "compare", files)],
            ));
        }
        jobs.push(job(
            &format!("floor-compare-{n}"),
            vec![floor(p, &c.typical, files)],
        ));
    }
    jobs.extend(answer_jobs(c, p));
    jobs.extend(walk_jobs(c, p));
    jobs
}

fn job(key: &str, steps: Vec<Invocation>) -> Job {
    Job {
        key: key.to_string(),
        steps,
        prepare: Prepare::Nothing,
        quiet: true,
    }
}

fn weigh<'a>(
    p: &Programs,
    project: &Project,
    command: &str,
    files: impl IntoIterator<Item = &'a PathBuf>,
) -> Invocation {
    let args = std::iter::once(OsString::from(command))
        .chain(files.into_iter().map(|f| f.clone().into_os_string()));
    Invocation::new(&p.weigh, &project.dir, args)
}

/// The floor reads what the command reads: `weigh.toml`, the checklist, the assessments.
fn floor<'a>(
    p: &Programs,
    project: &Project,
    files: impl IntoIterator<Item = &'a PathBuf>,
) -> Invocation {
    let all = project
        .support_files()
        .into_iter()
        .chain(files.into_iter().cloned());
    Invocation::new(&p.floor, &project.dir, all)
}

fn answer_jobs(c: &Corpus, p: &Programs) -> Vec<Job> {
    let project = &c.large[0];
    let work = c.answer_file.with_extension("work.toml");
    let mut args = vec![OsString::from("answer"), work.clone().into_os_string()];
    args.extend(c.answer_args.iter().map(OsString::from));
    vec![
        Job {
            key: "answer-5000".into(),
            steps: vec![Invocation::new(&p.weigh, &project.dir, args)],
            prepare: Prepare::Copy(project.dir.join(&c.answer_file), project.dir.join(&work)),
            quiet: false,
        },
        job(
            "floor-answer-5000",
            vec![floor(p, project, [&c.answer_file])],
        ),
    ]
}

/// The walk's file and the one-answer-per-command file, relative to the walk's project.
pub fn walk_files() -> (PathBuf, PathBuf) {
    (
        PathBuf::from("assessments/walk.toml"),
        PathBuf::from("assessments/walk-answers.toml"),
    )
}

fn walk_jobs(c: &Corpus, p: &Programs) -> Vec<Job> {
    let (walked, answered) = walk_files();
    let file_args = |command: &str, file: &Path| -> Vec<OsString> {
        let mut args: Vec<OsString> = vec![command.into(), file.as_os_str().into()];
        args.extend(
            [
                "--as",
                WALKER,
                "--candidate",
                WALK_CANDIDATE,
                "--checklist",
                &c.walk.checklist.id,
            ]
            .map(OsString::from),
        );
        args
    };
    let script = walk::script(&c.walk_steps).into_bytes();
    let walk =
        Invocation::new(&p.weigh, &c.walk.dir, file_args("assess", &walked)).with_stdin(script);
    let one_by_one = c
        .walk_steps
        .iter()
        .map(|step| {
            let mut args = file_args("answer", &answered);
            args.extend(walk::answer_args(step).into_iter().map(OsString::from));
            Invocation::new(&p.weigh, &c.walk.dir, args)
        })
        .collect();
    vec![
        Job {
            key: format!("walk-{}", c.walk.checklist.items().count()),
            steps: vec![walk],
            prepare: Prepare::Remove(c.walk.dir.join(walked)),
            quiet: false,
        },
        Job {
            key: "answer-each".into(),
            steps: one_by_one,
            prepare: Prepare::Remove(c.walk.dir.join(answered)),
            quiet: false,
        },
    ]
}

/// Whether `--only` selects the job: the named jobs and their floors, and the process-start
/// jobs always (the targets are stated against them).
pub fn selected(only: &[String], key: &str) -> bool {
    only.is_empty()
        || key.ends_with("start")
        || only
            .iter()
            .any(|o| key == o || key.strip_prefix("floor-") == Some(o.as_str()))
}

/// Prepares, then runs the job's processes once.
pub fn once(job: &Job, runner: &Runner) -> io::Result<Cost> {
    match &job.prepare {
        Prepare::Nothing => {}
        Prepare::Copy(from, to) => {
            fs::copy(from, to)?;
        }
        Prepare::Remove(path) => match fs::remove_file(path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        },
    }
    let mut total = Cost {
        wall: Duration::ZERO,
        cpu: Duration::ZERO,
        peak_rss: 0,
    };
    for step in &job.steps {
        let cost = runner.run(step)?;
        if job.quiet {
            let said = runner.stderr()?;
            if !said.is_empty() {
                return Err(io::Error::other(format!(
                    "`{}` wrote to stderr, so it is not reading the corpus as intended:\n{said}",
                    step.display()
                )));
            }
        }
        total.wall += cost.wall;
        total.cpu += cost.cpu;
        total.peak_rss = total.peak_rss.max(cost.peak_rss);
    }
    Ok(total)
}

/// Medians over `reps` repetitions after one warm-up run. A job whose warm-up takes longer
/// than five seconds keeps it as its first repetition and runs at most three in all; one
/// faster than 0.2 s runs four times as often, since a busy machine disturbs short runs most.
pub fn measure(job: &Job, reps: usize, runner: &Runner) -> io::Result<Figure> {
    let first = once(job, runner)?;
    let mut costs = Vec::new();
    let reps = if first.wall > SLOW {
        costs.push(first);
        reps.min(SLOW_REPS)
    } else if first.wall < FAST {
        reps * FAST_FACTOR
    } else {
        reps
    };
    while costs.len() < reps.max(1) {
        costs.push(once(job, runner)?);
    }
    let walls: Vec<Duration> = costs.iter().map(|c| c.wall).collect();
    let cpus: Vec<Duration> = costs.iter().map(|c| c.cpu).collect();
    let rss: Vec<u64> = costs.iter().map(|c| c.peak_rss).collect();
    Ok(Figure {
        wall: median(&walls),
        cpu: median(&cpus),
        min: *walls.iter().min().expect("at least one repetition"),
        max: *walls.iter().max().expect("at least one repetition"),
        peak_rss: median(&rss),
        reps: costs.len(),
    })
}

/// Runs the selected jobs, printing progress to stderr.
pub fn run_all(jobs: &[Job], reps: usize, runner: &Runner) -> io::Result<BTreeMap<String, Figure>> {
    let mut figures = BTreeMap::new();
    for job in jobs {
        eprint!("measuring {:<22}", job.key);
        let figure = measure(job, reps, runner)?;
        eprintln!(
            " {:>10} (median of {}, {}…{}; CPU {})",
            crate::results::duration(figure.wall),
            figure.reps,
            crate::results::duration(figure.min),
            crate::results::duration(figure.max),
            crate::results::duration(figure.cpu)
        );
        figures.insert(job.key.clone(), figure);
    }
    Ok(figures)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_selects_the_job_its_floor_and_process_start() {
        let only = ["report-200".to_string()];
        for key in ["report-200", "floor-report-200", "start", "floor-start"] {
            assert!(selected(&only, key), "{key}");
        }
        for key in ["report-2000", "floor-report-2000", "walk-1000"] {
            assert!(!selected(&only, key), "{key}");
        }
        assert!(selected(&[], "walk-1000"));
    }
}
