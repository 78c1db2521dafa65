//! `weigh import`: a number item filled from an lm-evaluation-harness results file or any JSON by
//! pointer, with the results file as evidence; a missing task, metric or pointer exits 2 listing
//! what the file contains.

mod common;

use std::path::Path;

use common::{ok, refused, small_arg, temp, weigh_in};

const LM_EVAL: &str = r#"{
  "results": {
    "gsm8k": { "alias": "gsm8k", "exact_match,strict-match": 0.8234, "exact_match_stderr,strict-match": 0.0105, "exact_match,flexible-extract": 0.8413, "exact_match_stderr,flexible-extract": 0.0101 },
    "ifeval": { "alias": "ifeval", "prompt_level_strict_acc,none": 0.79, "prompt_level_strict_acc_stderr,none": 0.017 }
  },
  "versions": { "gsm8k": 3, "ifeval": 4 },
  "n-shot": { "gsm8k": 5 }
}"#;

const PROMPTFOO: &str = r#"{ "results": { "stats": { "successes": 96, "failures": 4, "tokenUsage": { "total": 1200 } } } }"#;

fn setup() -> tempfile::TempDir {
    let dir = temp();
    std::fs::write(dir.path().join("results.json"), LM_EVAL).unwrap();
    std::fs::write(dir.path().join("promptfoo.json"), PROMPTFOO).unwrap();
    dir
}

fn import(dir: &Path, args: &[&str]) -> common::Run {
    let small = small_arg();
    let mut all = vec!["import", "a.toml", "latency", "--from", "results.json"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--checklist", &small, "--candidate", "M", "--as", "alice"]);
    weigh_in(dir, &all)
}

fn answer_of(dir: &Path) -> toml::Table {
    let text = std::fs::read_to_string(dir.join("a.toml")).unwrap();
    let file: toml::Table = toml::from_str(&text).unwrap();
    file["answer"].as_array().unwrap()[0]
        .as_table()
        .unwrap()
        .clone()
}

#[test]
fn an_lm_eval_metric_is_imported_scaled_with_the_results_file_as_evidence() {
    let dir = setup();
    let r = import(
        dir.path(),
        &[
            "--lm-eval",
            "gsm8k",
            "--metric",
            "exact_match,strict-match",
            "--scale",
            "100",
        ],
    );
    ok(&r);
    let a = answer_of(dir.path());
    assert_eq!(a["item"].as_str(), Some("latency"));
    assert!((a["value"].as_float().unwrap() - 82.34).abs() < 1e-9);
    assert_eq!(
        a["evidence"].as_array().unwrap()[0].as_str(),
        Some("results.json")
    );
    let note = a["note"].as_str().unwrap();
    assert!(
        note.contains("lm-evaluation-harness gsm8k exact_match,strict-match")
            && note.contains("0.8234 × 100"),
        "{note}"
    );
}

#[test]
fn a_metric_without_its_filter_and_a_task_with_one_metric_need_no_more() {
    let dir = setup();
    ok(&import(dir.path(), &["--lm-eval", "ifeval"]));
    assert_eq!(answer_of(dir.path())["value"].as_float(), Some(0.79));
    ok(&import(
        dir.path(),
        &["--lm-eval", "ifeval", "--metric", "prompt_level_strict_acc"],
    ));
}

#[test]
fn a_json_pointer_imports_from_any_results_file() {
    let dir = setup();
    let small = small_arg();
    let r = weigh_in(
        dir.path(),
        &[
            "import",
            "a.toml",
            "latency",
            "--from",
            "promptfoo.json",
            "--pointer",
            "/results/stats/successes",
            "--checklist",
            &small,
            "--candidate",
            "M",
            "--as",
            "alice",
        ],
    );
    ok(&r);
    assert_eq!(answer_of(dir.path())["value"].as_float(), Some(96.0));
    assert!(
        answer_of(dir.path())["note"]
            .as_str()
            .unwrap()
            .contains("JSON pointer /results/stats/successes")
    );
}

#[test]
fn a_missing_task_exits_2_listing_the_tasks() {
    let dir = setup();
    let r = import(dir.path(), &["--lm-eval", "mmlu"]);
    refused(&r);
    assert!(r.stderr.contains("no task `mmlu`"), "{}", r.stderr);
    assert!(r.stderr.contains("`gsm8k`, `ifeval`"), "{}", r.stderr);
    assert!(!dir.path().join("a.toml").exists(), "nothing written");
}

#[test]
fn a_missing_or_ambiguous_metric_exits_2_listing_the_metrics() {
    let dir = setup();
    for args in [
        &["--lm-eval", "gsm8k"][..],
        &["--lm-eval", "gsm8k", "--metric", "acc"][..],
    ] {
        let r = import(dir.path(), args);
        refused(&r);
        assert!(
            r.stderr
                .contains("`exact_match,flexible-extract`, `exact_match,strict-match`"),
            "{}",
            r.stderr
        );
        assert!(!r.stderr.contains("stderr,"), "{}", r.stderr);
    }
}

#[test]
fn a_missing_pointer_exits_2_listing_what_is_there() {
    let dir = setup();
    let small = small_arg();
    let r = weigh_in(
        dir.path(),
        &[
            "import",
            "a.toml",
            "latency",
            "--from",
            "promptfoo.json",
            "--pointer",
            "/results/stats/passRate",
            "--checklist",
            &small,
            "--candidate",
            "M",
        ],
    );
    refused(&r);
    assert!(
        r.stderr.contains("nothing at `/results/stats/passRate`"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("`failures`, `successes`, `tokenUsage`"),
        "{}",
        r.stderr
    );
}

#[test]
fn only_number_items_are_filled() {
    let dir = setup();
    let small = small_arg();
    let r = weigh_in(
        dir.path(),
        &[
            "import",
            "a.toml",
            "eval-depth",
            "--from",
            "results.json",
            "--lm-eval",
            "ifeval",
            "--checklist",
            &small,
            "--candidate",
            "M",
        ],
    );
    refused(&r);
    assert!(
        r.stderr
            .contains("is a scale item; weigh import fills number items"),
        "{}",
        r.stderr
    );
    let r = weigh_in(
        dir.path(),
        &[
            "import",
            "a.toml",
            "latency",
            "--from",
            "results.json",
            "--checklist",
            &small,
            "--candidate",
            "M",
        ],
    );
    refused(&r);
}
