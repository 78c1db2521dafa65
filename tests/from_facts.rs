//! `weigh answer FILE --from-facts [ITEM…]`: items bound to recorded facts are answered from
//! them, dated at the facts' as_of, with note and evidence naming the fact and its source; an
//! answer given by hand is kept unless the item is named; what cannot be answered says why.

mod common;

use std::path::Path;

use common::{answer_tables, bound_arg, fixture, ok, recorded, refused, temp, weigh_in};

fn from_facts(dir: &Path, extra: &[&str]) -> common::Run {
    let bound = bound_arg();
    let mut args = vec![
        "answer",
        "a.toml",
        "--checklist",
        &bound,
        "--as",
        "alice",
        "--from-facts",
    ];
    args.extend_from_slice(extra);
    weigh_in(dir, &args)
}

fn answer(dir: &Path, item: &str) -> Option<toml::Table> {
    answer_tables(dir, "a.toml")
        .into_iter()
        .find(|a| a["item"].as_str() == Some(item))
}

#[test]
fn bound_items_are_answered_dated_at_as_of_with_the_fact_as_note_and_evidence() {
    let dir = temp();
    recorded(dir.path());
    let r = from_facts(dir.path(), &[]);
    ok(&r);
    let count = answer(dir.path(), "provider-count").unwrap();
    assert_eq!(count["value"].as_integer(), Some(38));
    assert_eq!(count["at"].to_string(), "2026-07-01T00:00:00Z");
    assert!(
        count["note"]
            .as_str()
            .unwrap()
            .starts_with("from data: fact `providers.count` = 38")
    );
    assert!(
        count["evidence"].as_array().unwrap()[0]
            .as_str()
            .unwrap()
            .ends_with("models-dev")
    );
    assert_eq!(
        answer(dir.path(), "price").unwrap()["value"].as_float(),
        Some(2.784)
    );
    assert!(answer(dir.path(), "licence").is_none());
    assert!(
        r.stderr
            .contains("not answered licence: no fact `license` is recorded"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("3 item(s) answered from data"),
        "{}",
        r.stderr
    );
}

#[test]
fn old_data_goes_stale_as_the_checklist_says() {
    let dir = temp();
    recorded(dir.path());
    ok(&from_facts(dir.path(), &[]));
    let r = weigh_in(
        dir.path(),
        &[
            "report",
            "a.toml",
            "--checklist",
            &bound_arg(),
            "--format",
            "json",
        ],
    );
    ok(&r);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let item = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "provider-count")
        .unwrap();
    assert_eq!(
        item["stale"], true,
        "July data is over 30 days old in November"
    );
}

#[test]
fn an_answer_given_by_hand_is_kept_unless_the_item_is_named() {
    let dir = temp();
    recorded(dir.path());
    ok(&weigh_in(
        dir.path(),
        &[
            "answer",
            "a.toml",
            "provider-count",
            "2",
            "--checklist",
            &bound_arg(),
            "--as",
            "alice",
            "--note",
            "two pass our data policy",
        ],
    ));
    let r = from_facts(dir.path(), &[]);
    ok(&r);
    assert!(
        r.stderr.contains("kept your own answer to provider-count"),
        "{}",
        r.stderr
    );
    assert_eq!(
        answer(dir.path(), "provider-count").unwrap()["value"].as_integer(),
        Some(2)
    );
    ok(&from_facts(dir.path(), &["provider-count"]));
    assert_eq!(
        answer(dir.path(), "provider-count").unwrap()["value"].as_integer(),
        Some(38)
    );
}

#[test]
fn a_named_item_that_facts_cannot_answer_exits_2_listing_the_recorded_facts() {
    let dir = temp();
    recorded(dir.path());
    let r = from_facts(dir.path(), &["licence"]);
    refused(&r);
    assert!(
        r.stderr
            .contains("`licence` cannot be answered from data: no fact `license` is recorded"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("`providers.count`"), "{}", r.stderr);
    let r = from_facts(dir.path(), &["licnce"]);
    refused(&r);
    assert!(r.stderr.contains("did you mean `licence`?"), "{}", r.stderr);
}

#[test]
fn an_assessment_without_facts_says_how_to_record_them() {
    let dir = temp();
    ok(&weigh_in(
        dir.path(),
        &[
            "answer",
            "a.toml",
            "price",
            "3",
            "--checklist",
            &bound_arg(),
            "--candidate",
            "M",
            "--as",
            "alice",
        ],
    ));
    let r = from_facts(dir.path(), &[]);
    refused(&r);
    assert!(
        r.stderr.contains("no facts are recorded") && r.stderr.contains("weigh facts"),
        "{}",
        r.stderr
    );
}

#[test]
fn into_a_folder_assessment_records_facts_in_the_as_members_file() {
    let dir = temp();
    let from = fixture("models-dev").display().to_string();
    let snap = dir.path().join("snap");
    std::fs::create_dir_all(&snap).unwrap();
    std::fs::copy(
        fixture("hf-configs/llama-3.1-8b.config.json"),
        snap.join("config.json"),
    )
    .unwrap();
    std::fs::write(snap.join("README.md"), "---\nlicense: llama3.1\n---\n").unwrap();
    ok(&weigh_in(
        dir.path(),
        &[
            "providers",
            "deepseek/deepseek-v4-pro",
            "--from",
            &from,
            "--into",
            "v4",
            "--candidate",
            "V4",
            "--checklist",
            &bound_arg(),
            "--as",
            "alice",
            "--as-of",
            "2026-07-01",
        ],
    ));
    ok(&weigh_in(
        dir.path(),
        &[
            "facts",
            "snap",
            "--into",
            "v4",
            "--checklist",
            &bound_arg(),
            "--as",
            "bob",
        ],
    ));
    let member = |name: &str| -> toml::Table {
        toml::from_str(&std::fs::read_to_string(dir.path().join("v4").join(name)).unwrap()).unwrap()
    };
    let alice = member("alice.toml");
    assert!(alice["candidate"]["facts"].get("providers.count").is_some());
    assert!(
        alice["candidate"]["facts"].get("license").is_none(),
        "bob's facts are in bob's file"
    );
    let bob = member("bob.toml");
    assert_eq!(
        bob["candidate"]["facts"]["license"]["value"].as_str(),
        Some("custom")
    );
    assert_eq!(
        bob["candidate"]["facts"]["license"]["source"].as_str(),
        Some("../snap/README.md"),
        "sources are relative to the folder the member files are in"
    );
    let r = weigh_in(
        dir.path(),
        &[
            "answer",
            "v4",
            "--checklist",
            &bound_arg(),
            "--as",
            "carol",
            "--from-facts",
        ],
    );
    ok(&r);
    let carol = member("carol.toml");
    let answers = carol["answer"].as_array().unwrap();
    let licence = answers
        .iter()
        .find(|a| a["item"].as_str() == Some("licence"))
        .unwrap();
    assert_eq!(
        licence["value"].as_str(),
        Some("Read it"),
        "facts from both members answer"
    );
    assert!(
        answers
            .iter()
            .any(|a| a["item"].as_str() == Some("provider-count"))
    );
}
