//! The walkthrough's state machine, driven by a scripted prompter over a real Store, and line
//! mode through a real pipe. Transcripts are snapshotted together with the file they wrote.

use std::collections::VecDeque;
use std::path::Path;

use weigh::assessment::store::NewFile;
use weigh::assessment::{AnswerValue, Candidate};
use weigh::walk::session::Session;
use weigh::walk::{Details, Input, ItemScreen, Options, Outcome, Prompter, Stop, flow};

mod common;
use common::{NOW, Run, lookup, ok, pinned_arg, pinned_quick_screen, refused, run, temp, weigh};

/// A prompter that replays a script and records what the walk showed.
struct Scripted {
    script: VecDeque<Input>,
    details: VecDeque<Details>,
    transcript: Vec<String>,
}

impl Scripted {
    fn new(script: Vec<Input>) -> Self {
        Scripted {
            script: script.into(),
            details: VecDeque::new(),
            transcript: Vec::new(),
        }
    }

    fn with_details(mut self, details: Vec<Details>) -> Self {
        self.details = details.into();
        self
    }
}

impl Prompter for Scripted {
    fn item(&mut self, s: &ItemScreen<'_>) -> Result<Input, Stop> {
        let mine = s
            .existing
            .map(|a| format!(" (mine: {:?})", a.value))
            .unwrap_or_default();
        let others: Vec<String> = s
            .others
            .iter()
            .map(|a| format!("{}={:?}", a.by, a.value))
            .collect();
        let others = if others.is_empty() {
            String::new()
        } else {
            format!(" (others: {})", others.join(", "))
        };
        self.transcript.push(format!(
            "ask {} [{}]{mine}{others}",
            s.item.id,
            weigh::walk::screen::progress(s)
        ));
        let input = self.script.pop_front().ok_or(Stop::EndOfInput)?;
        self.transcript.push(format!("  -> {input:?}"));
        Ok(input)
    }

    fn details(&mut self, _s: &ItemScreen<'_>) -> Result<Details, Stop> {
        Ok(self.details.pop_front().unwrap_or_default())
    }

    fn evidence_again(&mut self, s: &ItemScreen<'_>) -> Result<Vec<String>, Stop> {
        self.transcript
            .push(format!("  evidence asked again for {}", s.item.id));
        Ok(Vec::new())
    }

    fn message(&mut self, text: &str) {
        self.transcript.push(format!("  says: {text}"));
    }
}

/// A session on `dir/a.toml` against quick-screen pinned at 1.0.0, so that edits to the built-in
/// do not churn these transcripts.
fn session(dir: &Path, by: &str) -> Session {
    let checklist = weigh::locate::from_path(&pinned_quick_screen()).expect("pinned checklist");
    let now: jiff::Timestamp = NOW.parse().unwrap();
    let new = NewFile {
        candidate: Candidate {
            name: "Model X".into(),
            ..Candidate::default()
        },
        checklist,
        created: now,
    };
    Session::open(
        dir.join("a.toml"),
        lookup(&pinned_quick_screen()),
        Some(&new),
        None,
        by.into(),
        Box::new(move || now),
    )
    .expect("open")
}

fn walk(dir: &Path, by: &str, prompter: &mut Scripted, options: &Options) -> Outcome {
    let mut s = session(dir, by);
    flow::run(&mut s, prompter, options).expect("walk")
}

fn file(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("a.toml")).unwrap()
}

/// A text or choice answer.
fn value(text: &str) -> Input {
    Input::Value(AnswerValue::Text(text.into()))
}

/// A level or an integer.
fn level(n: i64) -> Input {
    Input::Value(AnswerValue::Int(n))
}

/// Details with no note and this evidence.
fn evidence(evidence: &str) -> Details {
    Details {
        note: None,
        evidence: vec![evidence.into()],
    }
}

/// bob answers the first item, licence, "Forbids your use" with evidence, and stops.
fn bob_forbids(dir: &Path) {
    let mut bob = Scripted::new(vec![value("Forbids your use")]).with_details(vec![evidence("x")]);
    walk(dir, "bob", &mut bob, &Options::default());
}

#[test]
fn back_skip_na_refs_and_when_move_through_the_checklist() {
    let dir = temp();
    let mut p = Scripted::new(vec![
        value("Forbids your use"),
        Input::Back,
        value("Permits your use under conditions you can accept"),
        Input::Skip,
        Input::Na,
        Input::Refs,
        level(3),
        level(3),
        value("Self-host"),
        value("Yes, on hardware you already run"),
        Input::Quit,
    ])
    .with_details(vec![
        Details {
            note: None,
            evidence: vec![],
        },
        Details {
            note: Some("Read the LICENSE file".into()),
            evidence: vec!["LICENSE".into()],
        },
    ]);
    let outcome = walk(dir.path(), "alice", &mut p, &Options::default());
    assert_eq!(outcome, Outcome::Quit("price-output-mtok".into()));
    insta::assert_snapshot!(format!(
        "{}\n---- a.toml ----\n{}",
        p.transcript.join("\n"),
        file(dir.path())
    ));
}

#[test]
fn other_assessors_answers_are_hidden_until_you_answer_then_a_disagreement_shows() {
    let dir = temp();
    bob_forbids(dir.path());
    let mut alice = Scripted::new(vec![
        value("OSI-approved licence (e.g. Apache-2.0, MIT) with no added use restrictions"),
        Input::Back,
        Input::Quit,
    ])
    .with_details(vec![evidence("LICENSE")]);
    walk(dir.path(), "alice", &mut alice, &Options::default());
    let t = alice.transcript.join("\n");
    assert!(
        t.starts_with("ask licence [Licence and policy red flags 1/3 · overall 1/9]\n"),
        "bob's answer must be hidden at first:\n{t}"
    );
    assert!(
        t.contains("says: Disagreement: bob chose Forbids your use; you chose OSI-approved"),
        "{t}"
    );
    assert!(t.contains("ask licence [Licence and policy red flags 1/3 · overall 1/9] (mine: Text(\"OSI-approved"), "{t}");
    assert!(
        t.contains("(others: bob=Text(\"Forbids your use\"))"),
        "after answering, bob's answer shows:\n{t}"
    );
}

#[test]
fn show_others_reveals_answers_before_you_answer() {
    let dir = temp();
    bob_forbids(dir.path());
    let mut alice = Scripted::new(vec![Input::Quit]);
    walk(
        dir.path(),
        "alice",
        &mut alice,
        &Options {
            show_others: true,
            ..Options::default()
        },
    );
    assert!(
        alice.transcript[0].contains("(others: bob="),
        "{:?}",
        alice.transcript
    );
}

#[test]
fn resuming_starts_at_the_first_unanswered_item_and_unanswered_skips_answered_ones() {
    let dir = temp();
    let mut first = Scripted::new(vec![
        value("Forbids your use"),
        Input::Skip,
        level(1),
        Input::Quit,
    ])
    .with_details(vec![evidence("x")]);
    walk(dir.path(), "alice", &mut first, &Options::default());
    let mut resume = Scripted::new(vec![Input::Keep, Input::Keep, Input::Quit]);
    walk(dir.path(), "alice", &mut resume, &Options::default());
    assert!(
        resume.transcript[0].starts_with("ask red-flags"),
        "{:?}",
        resume.transcript
    );
    assert!(
        resume.transcript[2].starts_with("ask sensitive-probe")
            && resume.transcript[2].contains("mine: Int(1)"),
        "answered items after the first unanswered one are shown pre-selected: {:?}",
        resume.transcript
    );
    let before = file(dir.path());
    let mut unanswered = Scripted::new(vec![Input::Quit]);
    walk(
        dir.path(),
        "alice",
        &mut unanswered,
        &Options {
            unanswered: true,
            ..Options::default()
        },
    );
    assert!(unanswered.transcript[0].starts_with("ask red-flags"));
    assert_eq!(
        file(dir.path()),
        before,
        "keeping an unchanged answer leaves the file untouched"
    );
}

#[test]
fn refused_evidence_is_asked_twice_then_saved_as_missing() {
    let dir = temp();
    let mut p = Scripted::new(vec![value("Forbids your use"), Input::Quit]);
    walk(dir.path(), "alice", &mut p, &Options::default());
    assert!(
        p.transcript
            .iter()
            .any(|l| l.contains("evidence asked again for licence"))
    );
    assert!(p.transcript.iter().any(|l| l.contains("missing_evidence")));
    assert!(file(dir.path()).contains("value = \"Forbids your use\""));
}

#[test]
fn dimension_option_walks_one_dimension_only() {
    let dir = temp();
    let mut p = Scripted::new(vec![Input::Skip, Input::Skip, Input::Skip, Input::Skip]);
    let outcome = walk(
        dir.path(),
        "alice",
        &mut p,
        &Options {
            dimension: Some("signal".into()),
            ..Options::default()
        },
    );
    assert_eq!(outcome, Outcome::Finished);
    let asked: Vec<&String> = p
        .transcript
        .iter()
        .filter(|l| l.starts_with("ask"))
        .collect();
    assert_eq!(asked.len(), 3, "{asked:?}");
    assert!(
        asked[0].starts_with("ask screen-reason [Early performance signal 1/3 · overall 1/3]"),
        "{asked:?}"
    );
}

/// `weigh assess ARGS… --checklist <pinned quick-screen> --as alice` in `dir`, reading `stdin`.
fn assess(dir: &Path, args: &[&str], stdin: &str) -> Run {
    let pinned = pinned_arg();
    let mut all = vec!["assess"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--checklist", &pinned, "--as", "alice"]);
    run(weigh(dir).args(all).write_stdin(stdin))
}

const FULL_SCREEN: &str = "OSI-approved licence (e.g. Apache-2.0, MIT) with no added use restrictions\tApache-2.0 at the pinned revision\tLICENSE https://example.org/card\n\
3\n2\n3\tOn the hub and two providers\nAPI\n3\n2.5\nA cheaper model with a longer context\n2\n3\n";

#[test]
fn line_mode_scripts_a_whole_quick_screen_through_a_pipe() {
    let dir = temp();
    let r = assess(
        dir.path(),
        &["a.toml", "--candidate", "Model X"],
        FULL_SCREEN,
    );
    ok(&r);
    let (stdout, stderr) = (r.stdout, r.stderr);
    assert!(stdout.contains("READY"), "{stdout}");
    assert!(
        stdout.contains("Saved in a.toml")
            && stdout.contains("weigh report a.toml --format markdown"),
        "{stdout}"
    );
    assert!(
        stderr.contains("Licence and policy red flags 1/3 · overall 1/9"),
        "prompts go to stderr: {stderr}"
    );
    insta::assert_snapshot!(file(dir.path()));
}

#[test]
fn line_mode_stops_at_an_invalid_line_with_exit_2_keeping_what_came_before() {
    let dir = temp();
    let r = assess(
        dir.path(),
        &["a.toml", "--candidate", "M"],
        "Forbids your use\t\tx\n3\nseven\n2\n",
    );
    refused(&r);
    assert!(r.stderr.contains("line 3"), "{}", r.stderr);
    let text = file(dir.path());
    assert_eq!(text.matches("[[answer]]").count(), 2, "{text}");
}

#[test]
fn line_mode_end_of_input_saves_and_says_where_it_stopped() {
    let dir = temp();
    let r = assess(
        dir.path(),
        &["a.toml", "--candidate", "M"],
        "Forbids your use\t\tx\n:skip\n",
    );
    ok(&r);
    assert!(
        r.stderr.contains("End of input at `sensitive-probe`"),
        "{}",
        r.stderr
    );
    assert_eq!(file(dir.path()).matches("[[answer]]").count(), 1);
}

#[test]
fn line_mode_new_file_needs_a_candidate() {
    let dir = temp();
    let r = run(weigh(dir.path())
        .args(["assess", "--as", "alice"])
        .write_stdin(""));
    refused(&r);
    assert!(r.stderr.contains("--candidate"));
    assert!(!dir.path().join("assessments").exists());
}

#[test]
fn new_files_are_named_by_slug_resumed_for_the_same_candidate_and_numbered_for_another() {
    let dir = temp();
    for (name, expected) in [
        ("Kimi K3", "kimi-k3.toml"),
        ("Kimi K3", "kimi-k3.toml"),
        ("KIMI  k3!", "kimi-k3-2.toml"),
    ] {
        ok(&assess(dir.path(), &["--candidate", name], ":quit\n"));
        assert!(
            dir.path().join("assessments").join(expected).exists(),
            "{name} -> {expected}"
        );
    }
    assert_eq!(
        std::fs::read_dir(dir.path().join("assessments"))
            .unwrap()
            .count(),
        2
    );
}
