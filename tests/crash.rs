//! `weigh answer` killed with SIGKILL at random moments, 200 times in a row on one file: after
//! every kill the file still parses and holds every answer a run confirmed (exit 0), and every
//! run that completes leaves no temporary file behind (it removes those of the runs killed
//! before it). The kill times spread over a whole run (the window adapts so that about half the
//! runs are killed), so some kills land before the lock, some while the temporary file is
//! written, some between rename and exit.

#![cfg(unix)]

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

mod common;
use common::{lookup, temp, weigh_command};

/// How many runs are killed (or finish first).
const RUNS: usize = 200;

/// A checklist of `n` yes/no items, so every run answers its own item.
fn checklist(dir: &Path, n: usize) -> std::path::PathBuf {
    let mut text = String::from(
        "schema_version = 1\n[checklist]\nid = \"many\"\ntitle = \"Many\"\nversion = \"1.0.0\"\n[[dimension]]\nid = \"d\"\ntitle = \"D\"\n",
    );
    for i in 0..n {
        text.push_str(&format!(
            "[[dimension.item]]\nid = \"i{i}\"\nquestion = \"Q{i}?\"\nkind = \"yes_no\"\n"
        ));
    }
    let path = dir.join("many.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// A small deterministic generator (xorshift), so a failure can be replayed from its seed.
struct Random(u64);

impl Random {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn answer(dir: &Path, checklist: &str, item: &str) -> std::process::Command {
    let mut cmd = weigh_command(dir);
    cmd.args(["answer", "a.toml", item, "yes", "--as", "alice"])
        .args(["--checklist", checklist])
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

#[test]
fn sigkill_at_random_moments_never_loses_a_confirmed_answer_or_leaves_a_temp_file() {
    let dir = temp();
    let list = checklist(dir.path(), RUNS + 1);
    let list_arg = list.display().to_string();
    let mut first = answer(dir.path(), &list_arg, "i0");
    first.args(["--candidate", "Kimi K3"]);
    assert!(first.status().unwrap().success());
    let one_run = (0..3)
        .map(|_| {
            let started = Instant::now();
            assert!(
                answer(dir.path(), &list_arg, "i0")
                    .status()
                    .unwrap()
                    .success()
            );
            started.elapsed().as_micros().max(1000) as u64
        })
        .min()
        .unwrap();
    let mut window = one_run;
    let started = Instant::now();

    let seed = 0x5eed_1337_u64;
    let mut random = Random(seed);
    let mut confirmed: BTreeSet<String> = BTreeSet::from(["i0".to_string()]);
    let (mut completed, mut killed) = (0, 0);
    let checklist_lookup = lookup(&list);
    for run in 1..=RUNS {
        let item = format!("i{run}");
        let mut child = answer(dir.path(), &list_arg, &item).spawn().unwrap();
        std::thread::sleep(Duration::from_micros(random.below(window)));
        let finished = child.try_wait().unwrap();
        let _ = child.kill();
        let status = finished.unwrap_or_else(|| child.wait().unwrap());
        // Aim at about half the runs killed whatever the machine's load: widen the window
        // after a kill, narrow it after a run that finished.
        window = if status.success() {
            window * 19 / 20
        } else {
            window * 21 / 20
        };
        if status.success() {
            completed += 1;
            confirmed.insert(item.clone());
            let left = temp_files(dir.path());
            assert!(
                left.is_empty(),
                "run {run} (seed {seed:#x}) completed and left {left:?}"
            );
        } else {
            killed += 1;
        }
        let loaded = weigh::assessment::store::read(&dir.path().join("a.toml"), &checklist_lookup)
            .unwrap_or_else(|e| {
                panic!("after run {run} (seed {seed:#x}) the file does not parse: {e}")
            });
        let present: BTreeSet<String> = loaded
            .assessment
            .answers
            .iter()
            .map(|a| a.item.clone())
            .collect();
        let lost: Vec<&String> = confirmed.difference(&present).collect();
        assert!(
            lost.is_empty(),
            "after run {run} (seed {seed:#x}) lost {lost:?}"
        );
    }
    assert!(
        answer(dir.path(), &list_arg, "i0")
            .status()
            .unwrap()
            .success()
    );
    assert!(
        temp_files(dir.path()).is_empty(),
        "the last write leaves no temporary file"
    );
    eprintln!(
        "one run {one_run} µs; {completed} completed, {killed} killed in {:?}",
        started.elapsed()
    );
    assert!(
        killed >= RUNS / 4,
        "only {killed} of {RUNS} runs were killed"
    );
    assert!(completed >= 10, "only {completed} of {RUNS} runs completed");
}
