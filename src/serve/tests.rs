//! The session's state machine, table by table: where it starts, who may do what, what each
//! viewer sees, and how `when` steers `next`.

use jiff::Timestamp;

use super::board::{Ballot, Board, Refusal};
use crate::assessment::store::NewFile;
use crate::assessment::{Answer, Assessment, Candidate, edit};
use crate::checklist::{Checklist, Origin, load_str};

const NOW: &str = "2026-11-28T12:00:00Z";

fn now() -> Timestamp {
    NOW.parse().unwrap()
}

fn checklist() -> Checklist {
    load_str(
        "small.toml",
        include_str!("../../tests/fixtures/checklists/small.toml"),
        Origin::Builtin,
    )
    .expect("the fixture is valid")
}

fn empty(checklist: &Checklist) -> Assessment {
    NewFile {
        candidate: Candidate {
            name: "Kimi K3".into(),
            ..Candidate::default()
        },
        checklist: checklist.clone(),
        created: now(),
    }
    .assessment()
}

/// A board with alice and bob joined (ids `a` and `b`).
fn board() -> Board {
    let c = checklist();
    let a = empty(&c);
    let mut board = Board::new(c, a, now());
    board.join("a".into(), "alice").unwrap();
    board.join("b".into(), " bob ").unwrap();
    board
}

fn ballot(item: &str, value: &str) -> Ballot {
    Ballot {
        item: item.into(),
        value: Some(value.into()),
        ..Ballot::default()
    }
}

/// Casts a vote and applies it as the server does after the Store wrote it.
fn vote(board: &mut Board, who: &str, item: &str, value: &str) -> Answer {
    let cast = board
        .cast(who, &ballot(item, value), now())
        .expect("accepted");
    let mut a = board.assessment().clone();
    edit::set(&mut a, cast.answer.clone());
    board.refresh(a);
    cast.answer
}

#[test]
fn a_new_session_starts_at_the_first_item_and_a_resumed_one_where_nobody_answered() {
    assert_eq!(board().current(), Some("licence-ok"));
    let mut b = board();
    vote(&mut b, "a", "licence-ok", "yes");
    let resumed = Board::new(checklist(), b.assessment().clone(), now());
    assert_eq!(resumed.current(), Some("eval-depth"));
}

#[test]
fn join_trims_the_name_and_refuses_taken_empty_long_and_control_names() {
    let mut b = board();
    assert_eq!(b.participant("b").unwrap().name, "bob");
    assert_eq!(
        b.join("c".into(), "bob").unwrap_err(),
        Refusal::NameTaken("bob".into())
    );
    for bad in ["", "   ", "a\u{1b}[31m", &"x".repeat(101)] {
        let refusal = b.join("c".into(), bad).unwrap_err();
        assert_eq!(refusal.status(), 422, "{bad:?}");
    }
    assert!(b.participant("c").is_none(), "nothing was added");
    for i in b.participants().len()..super::board::PARTICIPANTS_MAX {
        b.join(format!("id{i}"), &format!("p{i}")).unwrap();
    }
    let full = b.join("late".into(), "latecomer").unwrap_err();
    assert!(full.explain().0.contains("full"), "{full:?}");
}

#[test]
fn a_vote_needs_a_known_participant_and_the_current_item() {
    let b = board();
    assert_eq!(
        b.cast("nobody", &ballot("licence-ok", "yes"), now()),
        Err(Refusal::UnknownParticipant)
    );
    let refusal = b.cast("a", &ballot("deploy", "API"), now()).unwrap_err();
    assert_eq!(refusal.status(), 409);
    assert!(refusal.explain().1.contains("`licence-ok`"), "{refusal:?}");
}

#[test]
fn a_vote_takes_values_in_the_syntax_of_weigh_answer() {
    let mut b = board();
    assert_eq!(
        vote(&mut b, "a", "licence-ok", "Y").value,
        crate::assessment::AnswerValue::Bool(true)
    );
    let refused = b
        .cast("a", &ballot("licence-ok", "maybe"), now())
        .unwrap_err();
    assert_eq!(refused.status(), 422);
    assert!(refused.explain().0.contains("yes or no"), "{refused:?}");
    let both = Ballot {
        na: true,
        ..ballot("licence-ok", "yes")
    };
    assert_eq!(b.cast("a", &both, now()).unwrap_err().status(), 400);
    let neither = Ballot {
        value: None,
        ..ballot("licence-ok", "")
    };
    assert_eq!(b.cast("a", &neither, now()).unwrap_err().status(), 400);
    let na = Ballot {
        value: None,
        na: true,
        ..ballot("licence-ok", "")
    };
    let refused = b.cast("a", &na, now()).unwrap_err();
    assert!(
        refused
            .explain()
            .0
            .contains("cannot be marked not applicable")
    );
}

#[test]
fn a_scale_vote_is_a_level_index_or_text_and_missing_required_evidence_is_a_warning() {
    let mut b = board();
    vote(&mut b, "a", "licence-ok", "yes");
    b.next(true, now()).unwrap();
    assert_eq!(b.current(), Some("eval-depth"));
    let by_text = b
        .cast("a", &ballot("eval-depth", " spot-CHECKED "), now())
        .unwrap();
    assert_eq!(by_text.answer.value, crate::assessment::AnswerValue::Int(1));
    assert!(by_text.warnings[0].contains("missing_evidence"));
    let with = Ballot {
        evidence: vec!["  ".into(), " evals/summary.md ".into()],
        note: Some("  spot checks \r\n on 20 prompts ".into()),
        ..ballot("eval-depth", "2")
    };
    let cast = b.cast("a", &with, now()).unwrap();
    assert_eq!(cast.answer.evidence, ["evals/summary.md"]);
    assert_eq!(
        cast.answer.note.as_deref(),
        Some("spot checks \n on 20 prompts")
    );
    assert!(cast.warnings.is_empty());
}

#[test]
fn others_answers_stay_hidden_until_you_vote_or_the_facilitator_reveals() {
    let mut b = board();
    vote(&mut b, "a", "licence-ok", "yes");
    let bob = b.state(Some("b"), false, now()).unwrap().item.unwrap();
    assert!(!bob.answers_visible && bob.answers.is_empty());
    assert_eq!(bob.voted, ["alice"]);
    assert_eq!(bob.waiting, ["bob"]);
    let observer = b.state(None, false, now()).unwrap().item.unwrap();
    assert!(observer.answers.is_empty(), "observers wait for the reveal");
    let facilitator = b.state(None, true, now()).unwrap().item.unwrap();
    assert!(
        facilitator.answers.is_empty(),
        "so does a facilitator who has not voted"
    );
    let alice = b.state(Some("a"), false, now()).unwrap().item.unwrap();
    assert!(
        alice.answers_visible,
        "alice answered, so she sees (her own, so far)"
    );
    vote(&mut b, "b", "licence-ok", "no");
    let bob = b.state(Some("b"), false, now()).unwrap().item.unwrap();
    assert_eq!(bob.answers.len(), 2, "bob voted: he sees alice's answer");
    b.reveal(true).unwrap();
    let observer = b.state(None, false, now()).unwrap().item.unwrap();
    assert!(observer.revealed && observer.answers.len() == 2);
}

#[test]
fn the_participant_list_says_who_voted_and_never_what() {
    let mut b = board();
    vote(&mut b, "b", "licence-ok", "no");
    let state = b.state(Some("a"), false, now()).unwrap();
    let voted: Vec<(String, bool)> = state
        .participants
        .iter()
        .map(|p| (p.name.clone(), p.voted))
        .collect();
    assert_eq!(voted, [("alice".into(), false), ("bob".into(), true)]);
    let json = serde_json::to_string(&state).unwrap();
    assert!(
        !json.contains("\"by\":\"bob\""),
        "bob's answer leaked: {json}"
    );
}

#[test]
fn a_disagreement_puts_the_lowest_and_highest_first_to_explain() {
    let c = checklist();
    let mut b = Board::new(c.clone(), empty(&c), now());
    for (id, name) in [("a", "alice"), ("b", "bob"), ("c", "carol")] {
        b.join(id.into(), name).unwrap();
    }
    vote(&mut b, "a", "licence-ok", "yes");
    b.next(true, now()).unwrap();
    vote(&mut b, "a", "eval-depth", "2");
    vote(&mut b, "b", "eval-depth", "0");
    vote(&mut b, "c", "eval-depth", "3");
    b.reveal(true).unwrap();
    let item = b.state(None, false, now()).unwrap().item.unwrap();
    assert!(item.disagreement);
    let order: Vec<(&str, Option<&str>)> = item
        .answers
        .iter()
        .map(|a| (a.by.as_str(), a.explain.as_deref()))
        .collect();
    assert_eq!(
        order,
        [
            ("bob", Some("lowest")),
            ("carol", Some("highest")),
            ("alice", None)
        ]
    );
}

#[test]
fn only_the_facilitator_reveals_and_moves() {
    let mut b = board();
    assert_eq!(b.reveal(false), Err(Refusal::FacilitatorOnly));
    assert_eq!(b.next(false, now()), Err(Refusal::FacilitatorOnly));
    assert_eq!(b.back(false, now()), Err(Refusal::FacilitatorOnly));
    assert_eq!(Refusal::FacilitatorOnly.status(), 403);
    assert_eq!(b.current(), Some("licence-ok"));
}

#[test]
fn next_follows_when_and_back_returns_past_the_end() {
    let mut b = board();
    for expected in ["eval-depth", "deploy"] {
        b.next(true, now()).unwrap();
        assert_eq!(b.current(), Some(expected));
    }
    vote(&mut b, "a", "deploy", "api");
    b.next(true, now()).unwrap();
    assert_eq!(
        b.current(),
        Some("latency"),
        "gpu-count applies only to self-hosting"
    );
    b.back(true, now()).unwrap();
    vote(&mut b, "a", "deploy", "Self-host");
    b.next(true, now()).unwrap();
    assert_eq!(b.current(), Some("gpu-count"), "now it applies");
    for _ in 0..3 {
        b.next(true, now()).unwrap();
    }
    let state = b.state(None, true, now()).unwrap();
    assert!(state.finished && state.item.is_none());
    assert_eq!(
        b.cast("a", &ballot("summary", "x"), now()).unwrap_err(),
        Refusal::NotCurrent {
            item: "summary".into(),
            current: None
        }
    );
    b.back(true, now()).unwrap();
    assert_eq!(b.current(), Some("summary"));
}

#[test]
fn the_version_grows_with_every_change_and_only_then() {
    let mut b = board();
    let v = b.version();
    b.refresh(b.assessment().clone());
    assert_eq!(b.version(), v, "the same assessment is no change");
    vote(&mut b, "a", "licence-ok", "yes");
    assert!(b.version() > v);
    let v = b.version();
    b.reveal(true).unwrap();
    b.reveal(true).unwrap();
    assert_eq!(b.version(), v + 1, "revealing twice is one change");
}

#[test]
fn an_answer_given_elsewhere_counts_as_voted_and_unlocks_the_view() {
    let mut b = board();
    let mut a = b.assessment().clone();
    edit::set(
        &mut a,
        Answer {
            item: "licence-ok".into(),
            by: "alice".into(),
            value: crate::assessment::AnswerValue::Bool(false),
            at: now(),
            note: Some("from a terminal".into()),
            evidence: Vec::new(),
        },
    );
    b.refresh(a);
    let alice = b.state(Some("a"), false, now()).unwrap().item.unwrap();
    assert_eq!(alice.your_answer.unwrap().value, "no");
    assert!(alice.answers_visible);
}

#[test]
fn what_reports_are_computed_from_leaves_out_the_current_items_hidden_answers() {
    let mut b = board();
    vote(&mut b, "a", "licence-ok", "no");
    let count = |a: &Assessment| a.answers.len();
    assert_eq!(
        count(&b.visible_assessment(Some("alice"))),
        1,
        "alice answered"
    );
    assert_eq!(count(&b.visible_assessment(Some("bob"))), 0, "bob has not");
    assert_eq!(count(&b.visible_assessment(None)), 0, "nor has an observer");
    b.reveal(true).unwrap();
    assert_eq!(count(&b.visible_assessment(None)), 1, "revealed");
}
