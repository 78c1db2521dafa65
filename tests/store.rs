//! The Store and the canonical form: byte-stable round trips, order independence, and
//! concurrent writers that never lose each other's answers.

use std::path::{Path, PathBuf};

use weigh::assessment::store::{self, Loaded};
use weigh::assessment::write::canonical;

mod common;
use common::{fixture, lookup, ok, pinned_quick_screen, refused, temp, weigh_in};

/// `text` read against the pinned quick-screen, and written back in canonical form as a file
/// in `assessments/`.
fn rewritten(name: &str, text: &str) -> (Loaded, String) {
    let loaded = store::load_text(name, text, &lookup(&pinned_quick_screen()))
        .unwrap_or_else(|e| panic!("{e}"));
    let written = canonical(
        &loaded.assessment,
        &loaded.checklist,
        Some("../schemas/assessment.schema.json"),
    );
    (loaded, written)
}

#[test]
fn canonical_file_round_trips_byte_for_byte() {
    let text = std::fs::read_to_string(fixture("canonical.toml")).unwrap();
    let (loaded, written) = rewritten("canonical.toml", &text);
    assert!(
        loaded.warnings.diagnostics.is_empty(),
        "{}",
        loaded.warnings.render(false)
    );
    assert_eq!(written, text);
}

#[test]
fn canonical_form_sorts_answers_by_checklist_order_then_assessor() {
    let text = std::fs::read_to_string(fixture("canonical.toml")).unwrap();
    let mut blocks: Vec<&str> = text.split("\n[[answer]]\n").collect();
    let head = blocks.remove(0);
    blocks.reverse();
    let shuffled = format!(
        "{head}\n[[answer]]\n{}",
        blocks.join("\n[[answer]]\n").replace("\n\n\n", "\n\n")
    );
    assert_ne!(shuffled, text);
    let (_, written) = rewritten("shuffled.toml", &shuffled);
    assert_eq!(written, text);
}

/// The same answers given in two orders, through the real binary, give the same bytes.
#[test]
fn answering_in_a_different_order_gives_the_same_file() {
    let answers: [&[&str]; 5] = [
        &[
            "licence",
            "OSI-approved licence (e.g. Apache-2.0, MIT) with no added use restrictions",
            "--as",
            "alice",
            "--evidence",
            "LICENSE",
        ],
        &["red-flags", "3", "--as", "bob", "--note", "none | found"],
        &["deploy-mode", "api", "--as", "alice"],
        &["provider-count", "3", "--as", "bob"],
        &["red-flags", "2", "--as", "alice"],
    ];
    let mut files = Vec::new();
    for order in [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0]] {
        let dir = temp();
        for i in order {
            let mut args = vec!["answer", "a.toml"];
            args.extend_from_slice(answers[i]);
            args.extend_from_slice(&["--candidate", "Model X", "--checklist", "quick-screen"]);
            ok(&weigh_in(dir.path(), &args));
        }
        files.push(std::fs::read_to_string(dir.path().join("a.toml")).unwrap());
    }
    assert_eq!(files[0], files[1]);
    assert_eq!(files[0].matches("[[answer]]").count(), 5);
}

fn fifty_item_checklist(dir: &Path) -> PathBuf {
    let mut text = String::from(
        "schema_version = 1\n[checklist]\nid = \"fifty\"\ntitle = \"Fifty\"\nversion = \"1.0.0\"\n[[dimension]]\nid = \"d\"\ntitle = \"D\"\n",
    );
    for i in 0..50 {
        text.push_str(&format!("[[dimension.item]]\nid = \"q{i:02}\"\nquestion = \"Question {i}?\"\nkind = \"yes_no\"\n"));
    }
    let path = dir.join("fifty.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// Two writers, as two assessors, answer the same 50 items into one new file at the same
/// time; every one of the 100 answers survives.
#[test]
fn concurrent_writers_keep_every_answer() {
    let dir = temp();
    let checklist_path = fifty_item_checklist(dir.path());
    let checklist = checklist_path.display().to_string();
    let writers: Vec<_> = ["alice", "bob"]
        .into_iter()
        .map(|who| {
            let (dir, checklist) = (dir.path().to_path_buf(), checklist.clone());
            std::thread::spawn(move || {
                for i in 0..50 {
                    let item = format!("q{i:02}");
                    let value = if i % 2 == 0 { "yes" } else { "no" };
                    ok(&weigh_in(
                        &dir,
                        &[
                            "answer",
                            "shared.toml",
                            &item,
                            value,
                            "--as",
                            who,
                            "--candidate",
                            "M",
                            "--checklist",
                            &checklist,
                        ],
                    ));
                }
            })
        })
        .collect();
    for w in writers {
        w.join().expect("writer thread");
    }
    let text = std::fs::read_to_string(dir.path().join("shared.toml")).unwrap();
    let loaded = store::load_text("shared.toml", &text, &lookup(&checklist_path))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.assessment.answers.len(), 100);
    for who in ["alice", "bob"] {
        assert_eq!(
            loaded
                .assessment
                .answers
                .iter()
                .filter(|a| a.by == who)
                .count(),
            50,
            "{who}"
        );
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary files left behind: {leftovers:?}"
    );
}

#[test]
fn a_failed_answer_leaves_the_file_untouched() {
    let dir = temp();
    ok(&weigh_in(
        dir.path(),
        &[
            "answer",
            "a.toml",
            "red-flags",
            "3",
            "--as",
            "a",
            "--candidate",
            "M",
            "--checklist",
            "quick-screen",
        ],
    ));
    let before = std::fs::read(dir.path().join("a.toml")).unwrap();
    refused(&weigh_in(
        dir.path(),
        &["answer", "a.toml", "red-flags", "9", "--as", "b"],
    ));
    assert_eq!(std::fs::read(dir.path().join("a.toml")).unwrap(), before);
}
