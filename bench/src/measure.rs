//! Timing a process the way the kernel accounts for it: `weigh-timer` spawns it and reports the
//! wall time to `wait4(2)` and the peak resident set size from the same call's `rusage`. Stdout
//! goes to `/dev/null`; stdin, when the job has a script, is a pipe fed by a thread (line mode
//! reads a pipe, as in CI).

use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use crate::corpus::NOW;

/// One process to run.
#[derive(Clone)]
pub struct Invocation {
    /// The program.
    pub program: PathBuf,
    /// Its arguments.
    pub args: Vec<OsString>,
    /// Its working directory.
    pub dir: PathBuf,
    /// Bytes piped to its stdin; stdin is `/dev/null` without them.
    pub stdin: Option<Arc<Vec<u8>>>,
}

impl Invocation {
    /// `program args…` in `dir`.
    pub fn new<I, S>(program: &Path, dir: &Path, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<OsString>,
    {
        Invocation {
            program: program.to_path_buf(),
            args: args.into_iter().map(Into::into).collect(),
            dir: dir.to_path_buf(),
            stdin: None,
        }
    }

    /// The same, with a script on stdin.
    pub fn with_stdin(mut self, bytes: Vec<u8>) -> Self {
        self.stdin = Some(Arc::new(bytes));
        self
    }

    /// The command line, for messages.
    pub fn display(&self) -> String {
        let mut text = self.program.display().to_string();
        for arg in self.args.iter().take(8) {
            text.push(' ');
            text.push_str(&arg.to_string_lossy());
        }
        if self.args.len() > 8 {
            text.push_str(&format!(" … ({} arguments)", self.args.len()));
        }
        text
    }
}

/// What one process cost.
#[derive(Clone, Copy, Debug)]
pub struct Cost {
    /// Wall-clock time.
    pub wall: Duration,
    /// User + system CPU time.
    pub cpu: Duration,
    /// Peak resident set size, bytes.
    pub peak_rss: u64,
}

/// Runs processes through `weigh-timer`, which times each and reads its peak RSS.
pub struct Runner {
    /// The `weigh-timer` binary.
    pub timer: PathBuf,
    /// Where a process's stderr goes (read back on failure).
    pub stderr: PathBuf,
    /// Where the timer writes its figures.
    pub figures: PathBuf,
}

impl Runner {
    /// A runner whose scratch files live in `dir`.
    pub fn new(timer: &Path, dir: &Path) -> Self {
        Runner {
            timer: timer.to_path_buf(),
            stderr: dir.join("last-stderr.txt"),
            figures: dir.join("last-timing.txt"),
        }
    }

    /// Runs the invocation to completion; an exit status other than 0 is an error carrying the
    /// command's stderr (a benchmark of a failing command measures nothing).
    pub fn run(&self, inv: &Invocation) -> io::Result<Cost> {
        let mut command = Command::new(&self.timer);
        command
            .arg(&self.figures)
            .arg(&inv.program)
            .args(&inv.args)
            .current_dir(&inv.dir)
            .env("WEIGH_NOW", NOW)
            .env("NO_COLOR", "1")
            .stdout(Stdio::null())
            .stderr(File::create(&self.stderr)?)
            .stdin(if inv.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            });
        let _ = fs::remove_file(&self.figures);
        let mut child = command.spawn()?;
        let feeder = child
            .stdin
            .take()
            .zip(inv.stdin.clone())
            .map(|(mut pipe, bytes)| {
                // A child that stops reading early closes the pipe; that is its business.
                std::thread::spawn(move || drop(pipe.write_all(&bytes)))
            });
        let timer = child.wait()?;
        if let Some(feeder) = feeder {
            let _ = feeder.join();
        }
        let said = || fs::read_to_string(&self.stderr).unwrap_or_default();
        let (wall, cpu, peak_rss, code) = fs::read_to_string(&self.figures)
            .ok()
            .and_then(|text| parse_figures(&text))
            .ok_or_else(|| io::Error::other(format!("weigh-timer failed ({timer}): {}", said())))?;
        if code != 0 {
            return Err(io::Error::other(format!(
                "`{}` exited with {code}:\n{}",
                inv.display(),
                said()
            )));
        }
        Ok(Cost {
            wall,
            cpu,
            peak_rss,
        })
    }

    /// What the last process wrote to stderr.
    pub fn stderr(&self) -> io::Result<String> {
        fs::read_to_string(&self.stderr)
    }
}

/// `WALL_NANOS CPU_NANOS PEAK_RSS_BYTES CODE`.
fn parse_figures(text: &str) -> Option<(Duration, Duration, u64, i32)> {
    let mut fields = text.split_whitespace();
    let wall = Duration::from_nanos(fields.next()?.parse().ok()?);
    let cpu = Duration::from_nanos(fields.next()?.parse().ok()?);
    let rss = fields.next()?.parse().ok()?;
    let code = fields.next()?.parse().ok()?;
    Some((wall, cpu, rss, code))
}

/// The median of the values (the lower middle one for an even count).
pub fn median<T: Copy + Ord>(values: &[T]) -> T {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    sorted[(sorted.len() - 1) / 2]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_is_the_middle_value() {
        assert_eq!(median(&[5, 1, 3]), 3);
        assert_eq!(median(&[4, 1, 3, 2]), 2);
    }

    #[test]
    fn timer_figures_are_wall_cpu_rss_and_code() {
        assert_eq!(
            parse_figures("1500000 1000000 2048000 0\n"),
            Some((
                Duration::from_micros(1500),
                Duration::from_millis(1),
                2_048_000,
                0
            ))
        );
        assert_eq!(parse_figures("garbage"), None);
    }
}
