//! The walkthrough in a real pseudo-terminal (expectrl): arrow keys, Enter, Ctrl-C and SIGKILL
//! against the real binary.

#![cfg(unix)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::Expect;
use expectrl::process::unix::{Signal, WaitStatus};
use expectrl::session::OsSession as Session;
use weigh::assessment::store;

mod common;
use common::{lookup, pinned_arg, pinned_quick_screen, temp, weigh_command};

const DOWN: &str = "\x1b[B";
const ENTER: &str = "\r";
const CTRL_C: &str = "\x03";

/// `weigh ARGS…` in `dir`, in a pseudo-terminal.
fn spawn(dir: &Path, args: &[&str]) -> Session {
    let mut cmd = weigh_command(dir);
    cmd.args(args).env("TERM", "xterm-256color");
    let mut session = Session::spawn(cmd).expect("spawn weigh in a pty");
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session
}

/// `weigh assess a.toml` for a new candidate against quick-screen pinned at 1.0.0, so that edits
/// to the built-in do not change these key presses.
fn assess_new(dir: &Path, candidate: &str) -> Session {
    let pinned = pinned_arg();
    spawn(
        dir,
        &[
            "assess",
            "a.toml",
            "--candidate",
            candidate,
            "--checklist",
            &pinned,
            "--as",
            "alice",
        ],
    )
}

/// Waits for the prompt of an item (its id appears on the screen, then the answer prompt).
fn at_item(p: &mut Session, id: &str) {
    p.expect(format!("[{id}]"))
        .unwrap_or_else(|e| panic!("item {id} not shown: {e}"));
    p.expect("Answer:")
        .unwrap_or_else(|e| panic!("no answer prompt at {id}: {e}"));
}

/// Picks the entry `downs` rows below the cursor.
fn pick(p: &mut Session, downs: usize) {
    for _ in 0..downs {
        p.send(DOWN).unwrap();
    }
    p.send(ENTER).unwrap();
}

/// Picks the entry `downs` rows below the cursor, then skips the note and gives `evidence`.
fn choose(p: &mut Session, downs: usize, evidence: &str) {
    pick(p, downs);
    details(p, evidence);
}

fn details(p: &mut Session, evidence: &str) {
    p.expect("Note").unwrap();
    p.send(ENTER).unwrap();
    p.expect("Evidence").unwrap();
    p.send(format!("{evidence}{ENTER}")).unwrap();
}

fn typed(p: &mut Session, value: &str) {
    p.send(format!("{value}{ENTER}")).unwrap();
    details(p, "");
}

fn exit_code(p: &mut Session) -> Option<i32> {
    match p.get_process_mut().wait().expect("wait") {
        WaitStatus::Exited(_, code) => Some(code),
        _ => None,
    }
}

fn answers(dir: &Path) -> Vec<(String, String)> {
    let loaded = store::read(&dir.join("a.toml"), &lookup(&pinned_quick_screen()))
        .unwrap_or_else(|e| panic!("{e}"));
    loaded
        .assessment
        .answers
        .iter()
        .map(|a| (a.item.clone(), format!("{:?}", a.value)))
        .collect()
}

#[test]
fn arrow_keys_answer_ctrl_c_saves_and_a_rerun_resumes_to_the_report() {
    let dir = temp();
    let mut p = assess_new(dir.path(), "Model X");
    at_item(&mut p, "licence");
    choose(&mut p, 3, "LICENSE");
    at_item(&mut p, "red-flags");
    choose(&mut p, 3, "");
    at_item(&mut p, "sensitive-probe");
    choose(&mut p, 2, "");
    at_item(&mut p, "release-status");
    p.send(CTRL_C).unwrap();
    assert_eq!(exit_code(&mut p), Some(130));
    assert_eq!(
        answers(dir.path()),
        [
            ("licence".to_string(), "Text(\"OSI-approved licence (e.g. Apache-2.0, MIT) with no added use restrictions\")".to_string()),
            ("red-flags".to_string(), "Int(3)".to_string()),
            ("sensitive-probe".to_string(), "Int(2)".to_string()),
        ]
    );

    // The file names its candidate now; the checklist stays the pinned one, since the file's
    // id alone would find the built-in quick-screen, whose items have moved on.
    let pinned = pinned_arg();
    let mut p = spawn(
        dir.path(),
        &["assess", "a.toml", "--as", "alice", "--checklist", &pinned],
    );
    at_item(&mut p, "release-status");
    choose(&mut p, 3, "https://huggingface.co/example");
    at_item(&mut p, "deploy-mode");
    choose(&mut p, 0, "");
    at_item(&mut p, "provider-count");
    typed(&mut p, "3");
    at_item(&mut p, "price-output-mtok");
    typed(&mut p, "2.5");
    at_item(&mut p, "screen-reason");
    typed(&mut p, "Cheaper than the incumbent");
    at_item(&mut p, "independent-results");
    choose(&mut p, 2, "");
    at_item(&mut p, "spot-check");
    choose(&mut p, 3, "");
    p.expect("Saved in").expect("the end screen");
    assert_eq!(exit_code(&mut p), Some(0));
    assert_eq!(
        answers(dir.path()).len(),
        10,
        "every applicable item answered (hardware-fit does not apply to API)"
    );
}

#[test]
fn a_new_user_starts_the_default_checklist_in_an_empty_folder_and_quits() {
    let dir = temp();
    let mut p = spawn(
        dir.path(),
        &["assess", "--candidate", "Kimi K3", "--as", "alice"],
    );
    at_item(&mut p, "deploy-mode");
    p.expect("save and quit").unwrap();
    pick(&mut p, 6);
    p.expect("Resume with").unwrap();
    assert_eq!(exit_code(&mut p), Some(0));
    let text = std::fs::read_to_string(dir.path().join("assessments/kimi-k3.toml"))
        .expect("file named by the slug");
    assert!(
        text.contains("checklist = \"open-weight-adoption\""),
        "{text}"
    );
    assert!(!text.contains("[[answer]]"), "{text}");
}

#[test]
fn a_killed_walkthrough_leaves_a_valid_file_with_the_answers_given() {
    let dir = temp();
    let mut p = assess_new(dir.path(), "M");
    at_item(&mut p, "licence");
    choose(&mut p, 2, "LICENSE");
    let path = dir.path().join("a.toml");
    let deadline = Instant::now() + Duration::from_secs(20);
    while !std::fs::read_to_string(&path).is_ok_and(|t| t.contains("item = \"licence\"")) {
        assert!(Instant::now() < deadline, "the answer never landed");
        std::thread::sleep(Duration::from_millis(20));
    }
    p.get_process_mut().kill(Signal::SIGKILL).expect("kill");
    let _ = p.get_process_mut().wait();
    assert_eq!(
        answers(dir.path()),
        [(
            "licence".to_string(),
            "Text(\"Permits your use under conditions you can accept\")".to_string()
        )]
    );
    let _ = Command::new("true").status();
}
