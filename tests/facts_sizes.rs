//! `weigh facts` against published model sizes: the parameter counts the developers state, and
//! KV-cache bytes per token computed by hand from the formulas (grouped-query: 2 × layers × KV
//! heads × head dim × bytes; latent: layers × (kv_lora_rank + qk_rope_head_dim) × bytes).

mod common;

use common::{fixture, ok, refused, temp, weigh_in};
use serde_json::Value;
use weigh::facts::model::{ModelFacts, Options, read};

fn facts(file: &str) -> ModelFacts {
    read(&fixture(&format!("hf-configs/{file}")), Options::default()).expect("the config reads")
}

/// `actual` is within `tolerance` (a fraction) of `published`.
fn assert_near(actual: u64, published: f64, tolerance: f64, what: &str) {
    let off = (actual as f64 - published).abs() / published;
    assert!(
        off <= tolerance,
        "{what}: {actual} is {:.2}% from the published {published}",
        off * 100.0
    );
}

#[test]
fn llama_3_1_8b_has_8_0_billion_parameters_and_grouped_query_cache() {
    let f = facts("llama-3.1-8b.config.json");
    assert_near(f.params.total, 8.0e9, 0.015, "total");
    assert_eq!(
        f.params.total, f.params.active,
        "a dense model uses every parameter"
    );
    let (layers, kv_heads, head_dim) = (32, 8, 4096 / 32);
    assert_eq!(f.kv_per_token.0, 2 * layers * kv_heads * head_dim * 2);
    assert_eq!(f.kv_per_token.1, 2 * layers * kv_heads * head_dim);
    assert_eq!(f.kv_per_token.0, 131_072);
}

#[test]
fn mixtral_8x7b_has_46_7_billion_total_and_12_9_billion_active() {
    let f = facts("mixtral-8x7b.config.json");
    assert_near(f.params.total, 46.7e9, 0.015, "total");
    assert_near(f.params.active, 12.9e9, 0.03, "active");
    let (layers, kv_heads, head_dim) = (32, 8, 4096 / 32);
    assert_eq!(f.kv_per_token.0, 2 * layers * kv_heads * head_dim * 2);
}

#[test]
fn qwen3_235b_a22b_has_235_billion_total_and_22_billion_active() {
    let f = facts("qwen3-235b-a22b.config.json");
    assert_near(f.params.total, 235e9, 0.015, "total");
    assert_near(f.params.active, 22e9, 0.03, "active");
    // head_dim is given (128), as is 4096 / 64.
    let (layers, kv_heads, head_dim) = (94, 4, 128);
    assert_eq!(f.kv_per_token.0, 2 * layers * kv_heads * head_dim * 2);
    assert_eq!(f.kv_per_token.0, 192_512);
}

#[test]
fn deepseek_v3_has_671_billion_total_37_billion_active_and_mtp_apart() {
    let f = facts("deepseek-v3.config.json");
    assert_near(f.params.total, 671e9, 0.015, "total");
    assert_near(f.params.active, 37e9, 0.03, "active");
    let mtp = f.params.mtp.expect("one multi-token-prediction layer");
    assert_near(mtp, 14e9, 0.1, "multi-token prediction");
    assert!(
        f.params.total < 685e9 as u64 - 10e9 as u64,
        "MTP is not in the total"
    );
    // Latent cache over the 61 main layers; the MTP layer is not counted.
    let (layers, kv_lora_rank, qk_rope_head_dim) = (61, 512, 64);
    assert_eq!(
        f.kv_per_token.0,
        layers * (kv_lora_rank + qk_rope_head_dim) * 2
    );
    assert_eq!(f.kv_per_token.1, layers * (kv_lora_rank + qk_rope_head_dim));
    assert_eq!(f.kv_per_token.0, 70_272);
    assert!(f.latent());
}

#[test]
fn json_output_has_the_keys_spec_section_5_names() {
    let dir = temp();
    let config = fixture("hf-configs/deepseek-v3.config.json");
    let r = weigh_in(
        dir.path(),
        &["facts", &config.display().to_string(), "--format", "json"],
    );
    ok(&r);
    let json: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(json["architecture"], "DeepseekV3ForCausalLM");
    assert_eq!(
        json["params"]["total"],
        facts("deepseek-v3.config.json").params.total
    );
    assert!(json["params"]["active"].is_u64());
    assert_eq!(json["context_length"], 163_840);
    assert_eq!(json["kv_cache_bytes_per_token"]["bf16"], 70_272);
    assert_eq!(json["kv_cache_bytes_per_token"]["fp8"], 35_136);
    for dtype in ["bf16", "fp8", "int4"] {
        assert!(json["weights"][dtype].is_u64(), "weights.{dtype}");
    }
    assert!(
        json["weights"]["bytes"].is_null(),
        "no snapshot, no exact bytes"
    );
    let h200 = json["accelerators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "h200-141gb")
        .unwrap();
    assert_eq!(h200["memory"], 141_000_000_000u64);
    assert!(
        h200["count"].as_u64().unwrap() > 8,
        "1.3 TB of bf16 weights need more than a node"
    );
    assert!(
        json["kv_cache_at_context"]["note"]
            .as_str()
            .unwrap()
            .contains("replicate the latent cache on every tensor-parallel rank")
    );
    for key in ["license", "remote_code", "pickle_files"] {
        assert!(json[key].is_null(), "{key} is for snapshot folders");
    }
    let schema = serde_json::to_value(weigh::facts::json::schema()).unwrap();
    let validator = jsonschema::draft7::new(&schema).unwrap();
    assert!(validator.is_valid(&json), "the output fits its schema");
}

#[test]
fn an_unknown_architecture_exits_2_naming_it_and_the_supported_ones() {
    let dir = temp();
    std::fs::write(
        dir.path().join("config.json"),
        r#"{"model_type": "glm4_moe", "architectures": ["Glm4MoeForCausalLM"], "hidden_size": 5120}"#,
    )
    .unwrap();
    let r = weigh_in(dir.path(), &["facts", "config.json"]);
    refused(&r);
    assert!(
        r.stderr.contains("unknown architecture `glm4_moe`"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("`llama`") && r.stderr.contains("`deepseek_v3`"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_bad_config_exits_2_listing_what_the_file_contains() {
    let dir = temp();
    std::fs::write(
        dir.path().join("config.json"),
        r#"{"model_type": "llama", "vocab_size": 128256, "num_hidden_layers": 32}"#,
    )
    .unwrap();
    let r = weigh_in(dir.path(), &["facts", "config.json"]);
    refused(&r);
    assert!(r.stderr.contains("needs `hidden_size`"), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("`model_type`, `num_hidden_layers`, `vocab_size`"),
        "{}",
        r.stderr
    );
    std::fs::write(
        dir.path().join("broken.json"),
        "{\"model_type\": \"llama\",",
    )
    .unwrap();
    let r = weigh_in(dir.path(), &["facts", "broken.json"]);
    refused(&r);
    assert!(
        r.stderr.contains("broken.json:1:") && r.stderr.contains("not valid JSON"),
        "{}",
        r.stderr
    );
}

#[test]
fn context_and_precision_change_the_kv_cache_and_the_accelerator_count() {
    let dir = temp();
    let config = fixture("hf-configs/qwen3-235b-a22b.config.json")
        .display()
        .to_string();
    let run = |args: &[&str]| -> Value {
        let mut all = vec!["facts", config.as_str(), "--format", "json"];
        all.extend_from_slice(args);
        let r = weigh_in(dir.path(), &all);
        ok(&r);
        serde_json::from_str(&r.stdout).unwrap()
    };
    let h100 = |json: &Value| {
        json["accelerators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == "h100-80gb")
            .unwrap()["count"]
            .as_u64()
            .unwrap()
    };
    let default = run(&[]);
    assert_eq!(default["kv_cache_at_context"]["context"], 40_960);
    assert_eq!(default["kv_cache_at_context"]["bf16"], 192_512u64 * 40_960);
    let short_fp8 = run(&["--context", "8192", "--precision", "fp8"]);
    assert_eq!(short_fp8["kv_cache_at_context"]["bf16"], 192_512u64 * 8192);
    assert_eq!(short_fp8["fit"]["precision"], "fp8");
    // 235 GB of fp8 weights + 1.6 GB of cache, +20%, on 80 GB accelerators: 4.
    assert_eq!(h100(&short_fp8), 4);
    assert!(h100(&default) > h100(&short_fp8));
    refused(&weigh_in(
        dir.path(),
        &["facts", &config, "--headroom", "-1"],
    ));
}
