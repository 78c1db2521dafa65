//! Folder assessments (SPEC §3): which files are members, how they merge into one assessment
//! (checklist and candidate agreement, earliest `created`, model and revision, facts, answers),
//! and how a writer picks and creates its own file.

use std::path::Path;

mod common;
use common::{ok, refused, small_arg, small_digest, temp, weigh_in};

fn member(digest: &str, created: &str, candidate: &str, answers: &str) -> String {
    format!(
        "schema_version = 1\n\n[assessment]\nchecklist = \"small\"\nchecklist_version = \"1.0.0\"\nchecklist_digest = \"{digest}\"\ncreated = {created}\n\n[candidate]\nname = \"K\"\n{candidate}{answers}"
    )
}

fn yes(by: &str) -> String {
    format!(
        "\n[[answer]]\nitem = \"licence-ok\"\nby = \"{by}\"\nvalue = true\nat = 2026-11-02T10:00:00Z\n"
    )
}

fn folder(files: &[(&str, String)]) -> tempfile::TempDir {
    let dir = temp();
    std::fs::create_dir(dir.path().join("k")).unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join("k").join(name), text).unwrap();
    }
    dir
}

fn run(dir: &Path, args: &[&str]) -> common::Run {
    let small = small_arg();
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--checklist", &small]);
    weigh_in(dir, &all)
}

fn json(dir: &Path) -> serde_json::Value {
    let r = run(dir, &["report", "k", "--format", "json"]);
    ok(&r);
    serde_json::from_str(&r.stdout).unwrap()
}

#[test]
fn members_are_the_toml_files_directly_in_the_folder_not_hidden_ones() {
    let d = small_digest();
    let dir = folder(&[
        (
            "alice.toml",
            member(&d, "2026-11-01T10:00:00Z", "", &yes("alice")),
        ),
        (".draft.toml", "not toml at all [[[".into()),
        ("notes.md", "# notes".into()),
    ]);
    std::fs::create_dir(dir.path().join("k/sub")).unwrap();
    std::fs::write(dir.path().join("k/sub/x.toml"), "broken [[[").unwrap();
    let j = json(dir.path());
    assert_eq!(j["items"][0]["answers"].as_array().unwrap().len(), 1);
}

#[test]
fn the_folder_is_one_assessment_with_the_earliest_created_and_merged_candidate() {
    let d = small_digest();
    let dir = folder(&[
        (
            "alice.toml",
            member(
                &d,
                "2026-11-03T10:00:00Z",
                "model = \"lab/k\"\n",
                &yes("alice"),
            ),
        ),
        (
            "bob.toml",
            member(
                &d,
                "2026-11-01T10:00:00Z",
                "revision = \"abc\"\n",
                &yes("bob"),
            ),
        ),
    ]);
    let j = json(dir.path());
    assert_eq!(j["candidate"]["model"], "lab/k");
    assert_eq!(j["candidate"]["revision"], "abc");
    let by: Vec<&str> = j["items"][0]["answers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["by"].as_str().unwrap())
        .collect();
    assert_eq!(by, ["alice", "bob"]);
    // A new member copies the header, with created = now.
    ok(&run(
        dir.path(),
        &["answer", "k", "deploy", "API", "--as", "carol"],
    ));
    let carol = std::fs::read_to_string(dir.path().join("k/carol.toml")).unwrap();
    assert!(
        carol.contains(&format!("created = {}", common::NOW)),
        "{carol}"
    );
    assert!(
        carol.contains("model = \"lab/k\"") && carol.contains("revision = \"abc\""),
        "{carol}"
    );
    // The others' files are untouched.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("k/bob.toml")).unwrap(),
        member(
            &d,
            "2026-11-01T10:00:00Z",
            "revision = \"abc\"\n",
            &yes("bob")
        )
    );
}

#[test]
fn a_member_about_another_candidate_or_checklist_is_an_error_naming_it() {
    let d = small_digest();
    let other =
        member(&d, "2026-11-01T10:00:00Z", "", "").replace("name = \"K\"", "name = \"Other\"");
    let dir = folder(&[
        ("alice.toml", member(&d, "2026-11-01T10:00:00Z", "", "")),
        ("bob.toml", other),
    ]);
    let r = run(dir.path(), &["report", "k"]);
    refused(&r);
    assert!(r.stderr.contains("member-differs"), "{}", r.stderr);
    assert!(r.stderr.contains("bob.toml:10:8"), "{}", r.stderr);
    assert!(r.stderr.contains("alice.toml"), "{}", r.stderr);
}

#[test]
fn two_different_models_are_an_error_naming_both_files() {
    let d = small_digest();
    let dir = folder(&[
        (
            "alice.toml",
            member(&d, "2026-11-01T10:00:00Z", "model = \"lab/a\"\n", ""),
        ),
        (
            "bob.toml",
            member(&d, "2026-11-01T10:00:00Z", "model = \"lab/b\"\n", ""),
        ),
    ]);
    let r = run(dir.path(), &["report", "k"]);
    refused(&r);
    assert!(
        r.stderr.contains("alice.toml")
            && r.stderr.contains("bob.toml")
            && r.stderr.contains("candidate.model"),
        "{}",
        r.stderr
    );
}

#[test]
fn differing_facts_are_settled_with_a_warning() {
    let d = small_digest();
    let facts = |n: u32| format!("\n[candidate.facts]\ncontext = {n}\n");
    let dir = folder(&[
        (
            "alice.toml",
            member(&d, "2026-11-01T10:00:00Z", &facts(1), ""),
        ),
        (
            "bob.toml",
            member(&d, "2026-11-01T10:00:00Z", &facts(2), ""),
        ),
    ]);
    let r = run(dir.path(), &["report", "k", "--format", "json"]);
    ok(&r);
    assert!(r.stderr.contains("fact-differs"), "{}", r.stderr);
    let j: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        j["candidate"]["facts"]["context"], 1,
        "the first file by name"
    );
}

#[test]
fn drift_is_judged_per_file() {
    let old = "sha256:0000000000000000000000000000000000000000000000000000000000000000";
    let stale =
        "\n[[answer]]\nitem = \"retired\"\nby = \"bob\"\nvalue = true\nat = 2026-11-02T10:00:00Z\n";
    let dir = folder(&[
        (
            "alice.toml",
            member(&small_digest(), "2026-11-01T10:00:00Z", "", &yes("alice")),
        ),
        ("bob.toml", member(old, "2026-11-01T10:00:00Z", "", stale)),
    ]);
    let r = run(dir.path(), &["report", "k"]);
    ok(&r);
    assert!(
        r.stderr.contains("bob.toml") && r.stderr.contains("checklist-changed"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("alice.toml"), "{}", r.stderr);
}

#[test]
fn a_writer_whose_slug_file_holds_another_assessor_gets_a_hashed_name() {
    let d = small_digest();
    let dir = folder(&[(
        "alice.toml",
        member(&d, "2026-11-01T10:00:00Z", "", &yes("Alice")),
    )]);
    ok(&run(
        dir.path(),
        &["answer", "k", "deploy", "API", "--as", "alice"],
    ));
    let names: Vec<String> = std::fs::read_dir(dir.path().join("k"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "alice.toml")
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(
        names[0].starts_with("alice-") && names[0].len() == "alice-12345678.toml".len(),
        "{names:?}"
    );
    // Answering again as Alice writes to the file that holds Alice's answers.
    ok(&run(
        dir.path(),
        &["answer", "k", "licence-ok", "no", "--as", "Alice"],
    ));
    let alice = std::fs::read_to_string(dir.path().join("k/alice.toml")).unwrap();
    assert!(alice.contains("value = false"), "{alice}");
}

#[test]
fn a_member_file_named_on_its_own_is_a_one_assessor_assessment() {
    let d = small_digest();
    let dir = folder(&[
        (
            "alice.toml",
            member(&d, "2026-11-01T10:00:00Z", "", &yes("alice")),
        ),
        (
            "bob.toml",
            member(&d, "2026-11-01T10:00:00Z", "", &yes("bob")),
        ),
    ]);
    let r = run(dir.path(), &["report", "k/alice.toml", "--format", "json"]);
    ok(&r);
    let j: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(j["items"][0]["answers"].as_array().unwrap().len(), 1);
}

#[test]
fn an_empty_or_missing_folder_says_how_to_start() {
    let dir = temp();
    std::fs::create_dir(dir.path().join("k")).unwrap();
    let r = run(dir.path(), &["report", "k"]);
    refused(&r);
    assert!(
        r.stderr.contains("holds no assessment files"),
        "{}",
        r.stderr
    );
    refused(&run(dir.path(), &["report", "missing"]));
    // `weigh answer` starts an empty folder with --candidate.
    ok(&run(
        dir.path(),
        &[
            "answer",
            "k",
            "licence-ok",
            "yes",
            "--as",
            "ann",
            "--candidate",
            "K",
        ],
    ));
    assert!(dir.path().join("k/ann.toml").is_file());
}

#[test]
fn assess_in_a_project_creates_a_new_candidate_as_a_folder() {
    let dir = temp();
    let d = dir.path();
    ok(&weigh_in(d, &["init", "--team", "acme"]));
    std::fs::copy(common::small(), d.join("checklists/small.toml")).unwrap();
    let r = common::run(
        common::weigh(d)
            .args([
                "assess",
                "--candidate",
                "Kimi K3",
                "--checklist",
                "small",
                "--as",
                "Bea",
            ])
            .write_stdin("yes\n"),
    );
    ok(&r);
    let member = d.join("assessments/kimi-k3/bea.toml");
    let text = std::fs::read_to_string(&member).expect("the assessor's file in the folder");
    assert!(text.contains("item = \"licence-ok\""), "{text}");
    assert!(
        text.starts_with("#:schema ../../schemas/assessment.schema.json\n"),
        "{text}"
    );
}
