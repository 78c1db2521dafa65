//! `weigh providers` on the models.dev slice (DeepSeek V4, July 2026): every provider serving the
//! model with the prices in its own files, the one capped at 512K flagged, variants apart, the
//! JSON shape of SPEC §5, and the summary recorded as facts.

mod common;

use std::path::PathBuf;

use common::{fixture, ok, refused, temp, weigh_in};
use serde_json::Value;

const MODEL: &str = "deepseek/deepseek-v4-pro";

fn models_dev() -> String {
    fixture("models-dev").display().to_string()
}

fn json() -> Value {
    let dir = temp();
    let r = weigh_in(
        dir.path(),
        &[
            "providers",
            MODEL,
            "--from",
            &models_dev(),
            "--format",
            "json",
        ],
    );
    ok(&r);
    serde_json::from_str(&r.stdout).expect("JSON")
}

fn rows(json: &Value, key: &str) -> Vec<Value> {
    json[key].as_array().expect("an array").clone()
}

/// The provider's own model file, as listed.
fn own_file(row: &Value) -> PathBuf {
    fixture("models-dev/providers")
        .join(row["provider"].as_str().unwrap())
        .join("models")
        .join(format!("{}.toml", row["id"].as_str().unwrap()))
}

#[test]
fn every_provider_serving_the_model_is_listed_once_per_entry() {
    let json = json();
    let providers: std::collections::BTreeSet<String> = rows(&json, "providers")
        .iter()
        .map(|r| r["provider"].as_str().unwrap().to_string())
        .collect();
    let expected = [
        "alibaba-cn",
        "alibaba-token-plan",
        "alibaba-token-plan-cn",
        "anyapi",
        "auriko",
        "azure",
        "baseten",
        "cortecs",
        "crof",
        "deepinfra",
        "deepseek",
        "digitalocean",
        "fastrouter",
        "fireworks-ai",
        "frogbot",
        "gmicloud",
        "huggingface",
        "kilo",
        "llmgateway",
        "merge-gateway",
        "nano-gpt",
        "nebius",
        "novita-ai",
        "nvidia",
        "ollama-cloud",
        "opencode",
        "opencode-go",
        "openrouter",
        "orcarouter",
        "routing-run",
        "siliconflow",
        "siliconflow-cn",
        "togetherai",
        "venice",
        "vercel",
        "vivgrid",
        "wafer.ai",
        "zenmux",
    ];
    assert_eq!(providers.into_iter().collect::<Vec<_>>(), expected);
    assert_eq!(json["summary"]["count"], 38);
    assert_eq!(json["model"], MODEL);
    assert_eq!(json["model_context"], 1_000_000);
}

#[test]
fn prices_are_those_in_each_providers_own_file() {
    let json = json();
    let mut priced = 0;
    for row in rows(&json, "providers") {
        let file = own_file(&row);
        let text = std::fs::read_to_string(&file).unwrap_or_else(|_| panic!("{}", file.display()));
        let own: toml::Table = toml::from_str(&text).unwrap();
        let Some(cost) = own.get("cost") else {
            assert!(
                row["cost_input"].is_null(),
                "{}: no [cost], no price",
                file.display()
            );
            continue;
        };
        priced += 1;
        for (file_key, json_key) in [
            ("input", "cost_input"),
            ("output", "cost_output"),
            ("cache_read", "cost_cache_read"),
        ] {
            let expected = cost
                .get(file_key)
                .map(|v| v.as_float().or(v.as_integer().map(|i| i as f64)).unwrap());
            assert_eq!(
                row[json_key].as_f64(),
                expected,
                "{} {file_key}",
                file.display()
            );
        }
    }
    assert!(priced >= 35, "{priced} entries with prices");
    let together = rows(&json, "providers")
        .into_iter()
        .find(|r| r["provider"] == "togetherai")
        .unwrap();
    assert_eq!(
        (
            together["cost_input"].as_f64(),
            together["cost_output"].as_f64()
        ),
        (Some(1.74), Some(3.48))
    );
}

#[test]
fn the_provider_capped_at_512k_is_flagged_below_the_model() {
    let json = json();
    let together = rows(&json, "providers")
        .into_iter()
        .find(|r| r["provider"] == "togetherai")
        .unwrap();
    assert_eq!(together["context"], 512_000);
    assert_eq!(together["context_below_model"], true);
    let deepseek = rows(&json, "providers")
        .into_iter()
        .find(|r| r["provider"] == "deepseek")
        .unwrap();
    assert_eq!(deepseek["context_below_model"], false);
    // Inherited from the canonical entry: siliconflow's file has no [limit].
    let silicon = rows(&json, "providers")
        .into_iter()
        .find(|r| r["provider"] == "siliconflow")
        .unwrap();
    assert_eq!(silicon["context"], 1_000_000);
    let flagged: Vec<String> = rows(&json, "providers")
        .iter()
        .filter(|r| r["context_below_model"] == true)
        .map(|r| format!("{}={}", r["provider"].as_str().unwrap(), r["context"]))
        .collect();
    assert_eq!(
        flagged,
        [
            "baseten=262144",
            "frogbot=128000",
            "nano-gpt=800000",
            "togetherai=512000"
        ]
    );
    assert_eq!(json["summary"]["full_context"], 35);

    let dir = temp();
    let r = weigh_in(dir.path(), &["providers", MODEL, "--from", &models_dev()]);
    ok(&r);
    assert!(
        r.stdout.contains("512,000 ▼ below the model's"),
        "{}",
        r.stdout
    );
}

#[test]
fn variants_are_listed_apart_and_not_counted() {
    let json = json();
    let variants: Vec<String> = rows(&json, "variants")
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        variants,
        ["deepseek-v4-pro-lightning", "route/deepseek-v4-pro-6bit"]
    );
    let ids: Vec<String> = rows(&json, "providers")
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert!(
        !ids.iter()
            .any(|id| id.ends_with("-6bit") || id.ends_with("-lightning"))
    );
    let unlinked: Vec<String> = rows(&json, "unlinked")
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert!(
        unlinked.contains(&"deepseek/deepseek-v4-pro-cheaper".to_string()),
        "{unlinked:?}"
    );
}

#[test]
fn json_has_the_shape_of_spec_section_5_and_fits_its_schema() {
    let json = json();
    for key in [
        "provider",
        "name",
        "cost_input",
        "cost_output",
        "cost_cache_read",
        "context",
        "output",
        "tool_call",
        "structured_output",
        "context_below_model",
    ] {
        assert!(json["providers"][0].get(key).is_some(), "providers[].{key}");
    }
    for stats in ["price_input", "price_output"] {
        for key in ["min", "median", "max"] {
            assert!(
                json["summary"][stats][key].is_number(),
                "summary.{stats}.{key}"
            );
        }
    }
    assert_eq!(json["summary"]["price_input"]["max"], 1.75);
    // Two token plans list 0: not a per-token price, left out of the statistics and counted.
    assert_eq!(json["summary"]["zero_priced"], 2);
    assert_eq!(json["summary"]["price_input"]["min"], 0.35);
    let schema = serde_json::to_value(weigh::providers::json::schema()).unwrap();
    let validator = jsonschema::draft7::new(&schema).unwrap();
    assert!(validator.is_valid(&json));
}

#[test]
fn a_name_finds_the_canonical_model() {
    let dir = temp();
    let r = weigh_in(
        dir.path(),
        &[
            "providers",
            "DeepSeek V4 Pro",
            "--from",
            &models_dev(),
            "--format",
            "json",
        ],
    );
    ok(&r);
    let json: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(json["model"], MODEL);
    assert_eq!(json["summary"]["count"], 38);
}

#[test]
fn into_records_the_summary_as_dated_facts() {
    let dir = temp();
    let r = weigh_in(
        dir.path(),
        &[
            "providers",
            MODEL,
            "--from",
            &models_dev(),
            "--into",
            "a.toml",
            "--candidate",
            "DeepSeek V4 Pro",
            "--as-of",
            "2026-07-01",
        ],
    );
    ok(&r);
    let text = std::fs::read_to_string(dir.path().join("a.toml")).unwrap();
    let file: toml::Table = toml::from_str(&text).unwrap();
    let count = &file["candidate"]["facts"]["providers.count"];
    assert_eq!(count["value"].as_integer(), Some(38));
    assert_eq!(count["as_of"].to_string(), "2026-07-01T00:00:00Z");
    assert!(
        count["source"].as_str().unwrap().ends_with("models-dev"),
        "{count}"
    );
    assert_eq!(
        file["candidate"]["facts"]["providers.price_input.median"]["value"].as_float(),
        Some(1.392)
    );
}

#[test]
fn a_missing_database_or_an_id_that_climbs_out_is_refused() {
    let dir = temp();
    refused(&weigh_in(
        dir.path(),
        &["providers", MODEL, "--from", "nowhere"],
    ));
    let r = weigh_in(
        dir.path(),
        &["providers", "../../etc/passwd", "--from", &models_dev()],
    );
    refused(&r);
    assert!(
        r.stderr.contains("not a models.dev model id"),
        "{}",
        r.stderr
    );
    let r = weigh_in(
        dir.path(),
        &[
            "providers",
            MODEL,
            "--from",
            &models_dev(),
            "--candidate",
            "X",
        ],
    );
    refused(&r);
    assert!(r.stderr.contains("no --into"), "{}", r.stderr);
}

#[test]
fn api_json_is_read_too() {
    let dir = temp();
    std::fs::write(
        dir.path().join("api.json"),
        r#"{
          "togetherai": { "id": "togetherai", "name": "Together AI", "models": {
            "deepseek-ai/DeepSeek-V4-Pro": { "id": "deepseek-ai/DeepSeek-V4-Pro", "name": "DeepSeek V4 Pro", "tool_call": true,
              "cost": { "input": 1.74, "output": 3.48 }, "limit": { "context": 512000, "output": 384000 } } } },
          "deepseek": { "id": "deepseek", "name": "DeepSeek", "models": {
            "deepseek-v4-pro": { "id": "deepseek-v4-pro", "cost": { "input": 0.435, "output": 0.87 }, "limit": { "context": 1000000, "output": 384000 } },
            "deepseek-v4-flash": { "id": "deepseek-v4-flash", "cost": { "input": 0.14, "output": 0.28 }, "limit": { "context": 1000000 } } } }
        }"#,
    )
    .unwrap();
    let r = weigh_in(
        dir.path(),
        &["providers", MODEL, "--from", "api.json", "--format", "json"],
    );
    ok(&r);
    let json: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(json["summary"]["count"], 2);
    assert_eq!(
        json["model_context"], 1_000_000,
        "without canonical entries, the largest context served"
    );
    let together = rows(&json, "providers")
        .into_iter()
        .find(|r| r["provider"] == "togetherai")
        .unwrap();
    assert_eq!(together["context_below_model"], true);
}

#[test]
fn recording_again_replaces_facts_of_the_same_name_and_keeps_the_others() {
    let dir = temp();
    let from = models_dev();
    let record = |as_of: &str| {
        ok(&weigh_in(
            dir.path(),
            &[
                "providers",
                MODEL,
                "--from",
                &from,
                "--into",
                "a.toml",
                "--candidate",
                "V4",
                "--as-of",
                as_of,
            ],
        ));
    };
    record("2026-07-01");
    let config = common::fixture("hf-configs/deepseek-v3.config.json")
        .display()
        .to_string();
    ok(&weigh_in(
        dir.path(),
        &["facts", &config, "--into", "a.toml"],
    ));
    record("2026-08-01");
    let file: toml::Table =
        toml::from_str(&std::fs::read_to_string(dir.path().join("a.toml")).unwrap()).unwrap();
    let facts = file["candidate"]["facts"].as_table().unwrap();
    assert_eq!(
        facts["providers.count"]["as_of"].to_string(),
        "2026-08-01T00:00:00Z"
    );
    assert!(
        facts.contains_key("params.total"),
        "facts from weigh facts are kept"
    );
}
