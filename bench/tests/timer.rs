//! `weigh-timer` and the runner built on it: figures from the kernel, failures with stderr,
//! scripts on stdin, and a peak RSS that is the command's own rather than the harness's.

use std::path::{Path, PathBuf};
use std::time::Duration;

use weigh_bench::measure::{Invocation, Runner};

fn runner(name: &str) -> (Runner, PathBuf) {
    let dir = std::env::temp_dir().join(format!("weigh-bench-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    (
        Runner::new(Path::new(env!("CARGO_BIN_EXE_weigh-timer")), &dir),
        dir,
    )
}

#[test]
fn a_process_is_timed_and_its_memory_counted() {
    let (runner, dir) = runner("timed");
    let inv = Invocation::new(Path::new("sh"), &dir, ["-c", "sleep 0.05"]);
    let cost = runner.run(&inv).expect("sh runs");
    assert!(cost.wall >= Duration::from_millis(50), "{:?}", cost.wall);
    assert!(cost.peak_rss > 0);
}

#[test]
fn cpu_time_is_the_commands_user_and_system_time() {
    let (runner, dir) = runner("cpu");
    let busy = "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done";
    let cost = runner
        .run(&Invocation::new(Path::new("sh"), &dir, ["-c", busy]))
        .expect("sh runs");
    assert!(cost.cpu >= Duration::from_millis(10), "{:?}", cost.cpu);
    let idle = runner
        .run(&Invocation::new(Path::new("sleep"), &dir, ["0.2"]))
        .expect("sleep runs");
    assert!(
        idle.cpu < idle.wall / 2,
        "{:?} of {:?}",
        idle.cpu,
        idle.wall
    );
}

#[test]
fn peak_rss_is_the_commands_own_not_the_harnesss() {
    let (runner, dir) = runner("rss");
    // Hold 200 MB in this (the harness's) process while a tiny command runs.
    let ballast = vec![1u8; 200_000_000];
    let inv = Invocation::new(Path::new("true"), &dir, [""; 0]);
    let cost = runner.run(&inv).expect("true runs");
    assert!(std::hint::black_box(&ballast).iter().all(|b| *b == 1));
    assert!(cost.peak_rss < 20_000_000, "{} bytes", cost.peak_rss);
}

#[test]
fn a_failing_command_is_an_error_with_its_stderr() {
    let (runner, dir) = runner("fail");
    let inv = Invocation::new(Path::new("sh"), &dir, ["-c", "echo broken >&2; exit 3"]);
    let e = runner.run(&inv).expect_err("exit 3 is an error");
    assert!(e.to_string().contains("exited with 3"), "{e}");
    assert!(e.to_string().contains("broken"), "{e}");
}

#[test]
fn a_script_reaches_stdin_through_a_pipe() {
    let (runner, dir) = runner("stdin");
    let inv = Invocation::new(
        Path::new("sh"),
        &dir,
        [
            "-c",
            "test -p /dev/stdin && read line && test \"$line\" = hello",
        ],
    )
    .with_stdin(b"hello\n".to_vec());
    runner.run(&inv).expect("the line arrives through a pipe");
}
