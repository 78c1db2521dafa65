//! Times one process: `weigh-timer OUT PROGRAM [ARGS…]` runs PROGRAM with this process's stdin,
//! stdout and stderr, waits for it with `wait4(2)`, and writes
//! `WALL_NANOS CPU_NANOS PEAK_RSS_BYTES CODE` to OUT (CPU is user + system time; CODE is the
//! exit code, or 128 + the signal).
//!
//! Why a separate process: Linux counts a child's peak RSS from its fork, before it execs, so a
//! child of the harness (which holds the corpus's checklists in memory) would be charged the
//! harness's pages. This program is small when it forks, so the figure is the command's own
//! (plus the ~1 MB this process has at the fork, the same for weigh and for its floor).

use std::io::Write;
use std::process::{Command, ExitCode};
use std::time::Instant;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let (Some(out), Some(program)) = (args.next(), args.next()) else {
        eprintln!("usage: weigh-timer OUT PROGRAM [ARGS…]");
        return ExitCode::from(2);
    };
    let start = Instant::now();
    let child = match Command::new(&program).args(args).spawn() {
        Ok(child) => child,
        Err(e) => {
            eprintln!("weigh-timer: {}: {e}", program.to_string_lossy());
            return ExitCode::from(3);
        }
    };
    let (code, rusage) = match wait4(child.id()) {
        Ok(done) => done,
        Err(e) => {
            eprintln!("weigh-timer: wait4: {e}");
            return ExitCode::from(3);
        }
    };
    let wall = start.elapsed().as_nanos();
    let cpu = nanos(rusage.ru_utime) + nanos(rusage.ru_stime);
    let peak = u64::try_from(rusage.ru_maxrss).unwrap_or(0) * 1024;
    let written =
        std::fs::File::create(&out).and_then(|mut f| writeln!(f, "{wall} {cpu} {peak} {code}"));
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("weigh-timer: {}: {e}", out.to_string_lossy());
            ExitCode::from(3)
        }
    }
}

fn nanos(t: libc::timeval) -> u128 {
    let seconds = u128::try_from(t.tv_sec).unwrap_or(0);
    let micros = u128::try_from(t.tv_usec).unwrap_or(0);
    seconds * 1_000_000_000 + micros * 1_000
}

/// Waits for the child; its exit code (128 + signal when killed) and resource usage.
fn wait4(pid: u32) -> std::io::Result<(i32, libc::rusage)> {
    let pid = libc::pid_t::try_from(pid).map_err(std::io::Error::other)?;
    let mut status = 0;
    // SAFETY: rusage is plain old data; a successful wait4 fills it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: pointers to live locals; pid is this process's own unwaited child.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid {
            break;
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        128 + libc::WTERMSIG(status)
    };
    Ok((code, usage))
}
