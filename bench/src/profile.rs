//! Profiles one job's command under `valgrind --tool=callgrind` (instruction counts: repeatable
//! on a busy machine) or `perf record` (sampling at native speed, for jobs too slow to run under
//! valgrind), and prints the top of the annotated profile. Outputs stay under
//! `target/bench-corpus/profiles/`.

use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use crate::measure::{Invocation, Runner};
use crate::suite::{Job, once};

/// The profiler.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Tool {
    /// valgrind's callgrind: exact instruction counts per function.
    Callgrind,
    /// perf record: samples with call graphs.
    Perf,
}

/// Profiles the job's single process and writes `<key>.<tool>.txt` reports beside the raw data.
pub fn profile(job: &Job, tool: Tool, runner: &Runner, dir: &Path) -> io::Result<Vec<PathBuf>> {
    let [step] = job.steps.as_slice() else {
        return Err(io::Error::other(format!(
            "`{}` runs {} processes; profile a job of one process",
            job.key,
            job.steps.len()
        )));
    };
    fs::create_dir_all(dir)?;
    // The job's own preparation (a fresh copy, a removed file), without timing the run.
    let unprofiled = Job {
        steps: Vec::new(),
        ..job.clone()
    };
    once(&unprofiled, runner)?;
    match tool {
        Tool::Callgrind => callgrind(&job.key, step, runner, dir),
        Tool::Perf => perf(&job.key, step, runner, dir),
    }
}

/// Keeps the first `lines` lines of each step's stdin script.
pub fn truncate_script(job: &mut Job, lines: usize) {
    for step in &mut job.steps {
        if let Some(script) = &step.stdin {
            let kept: Vec<u8> = script
                .split_inclusive(|b| *b == b'\n')
                .take(lines)
                .flatten()
                .copied()
                .collect();
            step.stdin = Some(Arc::new(kept));
        }
    }
}

fn wrapped(step: &Invocation, program: &str, before: Vec<OsString>) -> Invocation {
    let mut args = before;
    args.push(step.program.clone().into_os_string());
    args.extend(step.args.iter().cloned());
    Invocation {
        program: PathBuf::from(program),
        args,
        dir: step.dir.clone(),
        stdin: step.stdin.clone(),
    }
}

fn callgrind(
    key: &str,
    step: &Invocation,
    runner: &Runner,
    dir: &Path,
) -> io::Result<Vec<PathBuf>> {
    let data = dir.join(format!("{key}.callgrind.out"));
    let before = vec![
        "--tool=callgrind".into(),
        format!("--callgrind-out-file={}", data.display()).into(),
    ];
    runner.run(&wrapped(step, "valgrind", before))?;
    summarize(key, dir)
}

/// Annotates `KEY.callgrind.out` in `dir` and writes the summary and the raw listings.
pub fn summarize(key: &str, dir: &Path) -> io::Result<Vec<PathBuf>> {
    let data = dir.join(format!("{key}.callgrind.out"));
    let exclusive = annotate(&data, &["--inclusive=no"])?;
    let inclusive = annotate(&data, &["--inclusive=yes"])?;
    let tree = annotate(&data, &["--inclusive=no", "--tree=caller"])?;
    let summary = crate::callgrind::summary(key, &exclusive, &inclusive, &tree, 30);
    let paths = [
        (dir.join(format!("{key}.callgrind.summary.txt")), summary),
        (dir.join(format!("{key}.callgrind.self.txt")), exclusive),
        (
            dir.join(format!("{key}.callgrind.inclusive.txt")),
            inclusive,
        ),
        (dir.join(format!("{key}.callgrind.callers.txt")), tree),
    ];
    for (path, text) in &paths {
        fs::write(path, text)?;
    }
    Ok(paths.into_iter().map(|(p, _)| p).collect())
}

fn annotate(data: &Path, options: &[&str]) -> io::Result<String> {
    let out = Command::new("callgrind_annotate")
        .arg("--auto=no")
        .args(options)
        .arg("--threshold=99")
        .arg(data)
        .output()?;
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn perf(key: &str, step: &Invocation, runner: &Runner, dir: &Path) -> io::Result<Vec<PathBuf>> {
    let data = dir.join(format!("{key}.perf.data"));
    // Rust keeps .eh_frame, so DWARF unwinding gives call chains without frame pointers; a
    // low frequency keeps the stack copies of a minute-long run to about 100 MB.
    let before = vec![
        "record".into(),
        "--call-graph".into(),
        "dwarf".into(),
        "-F".into(),
        "250".into(),
        "-o".into(),
        data.clone().into_os_string(),
        "--".into(),
    ];
    runner.run(&wrapped(step, "perf", before))?;
    let mut paths = Vec::new();
    let reports = [
        (
            "self",
            ["--no-children", "-g", "none", "--percent-limit", "1"],
        ),
        (
            "inclusive",
            ["--children", "-g", "none", "--percent-limit", "1"],
        ),
        // Who calls the functions with the largest self cost, down to 2% of the samples.
        (
            "callers",
            [
                "--no-children",
                "-g",
                "caller,2,callee,function,percent",
                "--percent-limit",
                "5",
            ],
        ),
    ];
    for (name, options) in reports {
        let out = Command::new("perf")
            .args(["report", "--stdio"])
            .args(options)
            .arg("-i")
            .arg(&data)
            .output()?;
        let path = dir.join(format!("{key}.perf.{name}.txt"));
        fs::write(&path, &out.stdout)?;
        paths.push(path);
    }
    Ok(paths)
}
