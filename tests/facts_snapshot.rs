//! `weigh facts` on a model snapshot folder: exact weight bytes and dtypes from safetensors,
//! licence, remote code, pickle files, chat template and sampling; never reading weights whole,
//! never following links out of the folder, refusing oversized JSON; and a snapshot plus the
//! models.dev slice answering items of the default checklist with their evidence.

mod common;

use std::path::Path;

use common::{fixture, ok, refused, temp, weigh_in};
use serde_json::Value;

/// Five gigabytes: a shard weigh must never read whole.
const HUGE: u64 = 5 << 30;

/// A safetensors file: an 8-byte header length, the header, then (sparse) data up to `size`.
fn shard(path: &Path, tensors: &[(&str, &str, u64, u64)], size: u64) {
    let mut table = serde_json::Map::new();
    for (name, dtype, start, end) in tensors {
        table.insert(
            (*name).into(),
            serde_json::json!({ "dtype": dtype, "shape": [1], "data_offsets": [start, end] }),
        );
    }
    let header = serde_json::to_vec(&table).unwrap();
    let mut bytes = (header.len() as u64).to_le_bytes().to_vec();
    bytes.extend(header);
    std::fs::write(path, bytes).unwrap();
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_len(size)
        .unwrap();
}

/// A snapshot of Qwen3-235B-A22B as a team might have downloaded it, with a licence card, an
/// index over two shards (the first 5 GB, sparse), a chat template, sampling settings, a pickle
/// file and a Python file.
pub fn snapshot(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::copy(
        fixture("hf-configs/qwen3-235b-a22b.config.json"),
        dir.join("config.json"),
    )
    .unwrap();
    std::fs::write(
        dir.join("model.safetensors.index.json"),
        r#"{"metadata": {"total_size": 470187269120}, "weight_map": {
            "model.embed_tokens.weight": "model-00001-of-00002.safetensors",
            "lm_head.weight": "model-00002-of-00002.safetensors"}}"#,
    )
    .unwrap();
    shard(
        &dir.join("model-00001-of-00002.safetensors"),
        &[("model.embed_tokens.weight", "BF16", 0, 1_244_659_712)],
        HUGE,
    );
    shard(
        &dir.join("model-00002-of-00002.safetensors"),
        &[("lm_head.weight", "BF16", 0, 64)],
        0,
    );
    std::fs::write(
        dir.join("README.md"),
        "---\nlibrary_name: transformers\nlicense: apache-2.0\nlicense_link: https://huggingface.co/Qwen/Qwen3-235B-A22B/blob/main/LICENSE\npipeline_tag: text-generation\n---\n\n# Qwen3-235B-A22B\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("generation_config.json"),
        r#"{"do_sample": true, "temperature": 0.6, "top_k": 20, "top_p": 0.95}"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("tokenizer_config.json"),
        r#"{"chat_template": "{%- for message in messages %}{{ message.content }}{%- endfor %}", "model_max_length": 131072}"#,
    )
    .unwrap();
    std::fs::write(dir.join("training_args.bin"), b"\x80\x04pickle").unwrap();
    std::fs::write(
        dir.join("modeling_qwen3_moe.py"),
        "import os\nos.system('echo never run')\n",
    )
    .unwrap();
}

fn facts_json(dir: &Path, snap: &str) -> Value {
    let r = weigh_in(dir, &["facts", snap, "--format", "json"]);
    ok(&r);
    serde_json::from_str(&r.stdout).unwrap()
}

#[test]
fn a_snapshot_gives_exact_weights_licence_remote_code_pickles_template_and_sampling() {
    let dir = temp();
    snapshot(&dir.path().join("snap"));
    let json = facts_json(dir.path(), "snap");
    assert_eq!(json["architecture"], "Qwen3MoeForCausalLM");
    assert_eq!(json["weights"]["bytes"], 470_187_269_120u64);
    assert_eq!(json["weights"]["dtypes"], serde_json::json!(["BF16"]));
    assert_eq!(json["license"]["id"], "Apache-2.0");
    assert_eq!(json["license"]["file"], "README.md");
    assert_eq!(json["remote_code"], true);
    assert_eq!(
        json["remote_code_reasons"],
        serde_json::json!(["modeling_qwen3_moe.py"])
    );
    assert_eq!(
        json["pickle_files"],
        serde_json::json!(["training_args.bin"])
    );
    assert_eq!(json["chat_template"], true);
    assert_eq!(json["generation"]["temperature"], 0.6);
    assert_eq!(json["generation"]["top_k"], 20.0);
    let schema = serde_json::to_value(weigh::facts::json::schema()).unwrap();
    assert!(jsonschema::draft7::new(&schema).unwrap().is_valid(&json));
}

#[cfg(unix)]
#[test]
fn links_out_of_the_snapshot_are_named_and_not_read() {
    let dir = temp();
    let snap = dir.path().join("snap");
    snapshot(&snap);
    std::fs::write(dir.path().join("outside.md"), "---\nlicense: mit\n---\n").unwrap();
    std::fs::write(dir.path().join("outside.bin"), "pickle").unwrap();
    std::fs::remove_file(snap.join("README.md")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("outside.md"), snap.join("README.md")).unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("outside.bin"),
        snap.join("pytorch_model.bin"),
    )
    .unwrap();
    let json = facts_json(dir.path(), "snap");
    assert_eq!(
        json["skipped_links"],
        serde_json::json!(["README.md", "pytorch_model.bin"])
    );
    assert_eq!(
        json["pickle_files"],
        serde_json::json!(["pytorch_model.bin", "training_args.bin"]),
        "a link's name still counts"
    );
    assert!(
        json["license"].is_null(),
        "the card outside the folder was not read: {}",
        json["license"]
    );
}

#[test]
fn json_over_the_limit_is_refused_with_its_name() {
    let dir = temp();
    let snap = dir.path().join("snap");
    snapshot(&snap);
    let config = std::fs::File::options()
        .write(true)
        .open(snap.join("config.json"))
        .unwrap();
    config.set_len(65 << 20).unwrap();
    let r = weigh_in(dir.path(), &["facts", "snap"]);
    refused(&r);
    assert!(
        r.stderr.contains("config.json is larger than 64 MiB"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_folder_without_config_json_lists_what_it_holds() {
    let dir = temp();
    std::fs::create_dir_all(dir.path().join("gguf")).unwrap();
    std::fs::write(dir.path().join("gguf/model-Q4_K_M.gguf"), "").unwrap();
    let r = weigh_in(dir.path(), &["facts", "gguf"]);
    refused(&r);
    assert!(
        r.stderr.contains("has no config.json") && r.stderr.contains("model-Q4_K_M.gguf"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_snapshot_and_the_models_dev_slice_answer_items_of_the_default_checklist_with_evidence() {
    let dir = temp();
    snapshot(&dir.path().join("snap"));
    let from = fixture("models-dev").display().to_string();
    ok(&weigh_in(
        dir.path(),
        &[
            "facts",
            "snap",
            "--into",
            "a.toml",
            "--candidate",
            "Qwen3-235B-A22B",
        ],
    ));
    ok(&weigh_in(
        dir.path(),
        &[
            "providers",
            "deepseek/deepseek-v4-pro",
            "--from",
            &from,
            "--into",
            "a.toml",
            "--as-of",
            "2026-07-01",
        ],
    ));
    let r = weigh_in(
        dir.path(),
        &["answer", "a.toml", "--from-facts", "--as", "alice"],
    );
    ok(&r);
    let text = std::fs::read_to_string(dir.path().join("a.toml")).unwrap();
    let file: toml::Table = toml::from_str(&text).unwrap();
    assert_eq!(
        file["assessment"]["checklist"].as_str(),
        Some("open-weight-adoption")
    );
    let answers: Vec<&toml::Table> = file["answer"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_table().unwrap())
        .collect();
    for fact in [
        "architecture",
        "params.total",
        "license",
        "remote_code",
        "providers.count",
    ] {
        assert!(
            file["candidate"]["facts"].get(fact).is_some(),
            "{fact} recorded"
        );
    }
    let by_item = |id: &str| {
        *answers
            .iter()
            .find(|a| a["item"].as_str() == Some(id))
            .unwrap_or_else(|| panic!("{id} unanswered: {}", r.stderr))
    };
    assert!(
        answers.len() >= 4,
        "{} answered: {}",
        answers.len(),
        r.stderr
    );
    for a in &answers {
        let evidence = a["evidence"].as_array().expect("evidence");
        assert!(!evidence.is_empty(), "{a:?}");
        assert!(
            a["note"].as_str().unwrap().starts_with("from data: fact `"),
            "{a:?}"
        );
    }
    assert_eq!(
        by_item("licence")["value"].as_str(),
        Some("OSI-approved licence (e.g. Apache-2.0, MIT) with no added use restrictions")
    );
    assert_eq!(
        by_item("licence")["evidence"].as_array().unwrap()[0].as_str(),
        Some("snap/README.md")
    );
    assert_eq!(
        by_item("weight-provenance")["value"].as_bool(),
        Some(false),
        "remote code ships"
    );
    assert_eq!(by_item("provider-count")["value"].as_integer(), Some(38));
    assert_eq!(
        by_item("provider-count")["at"].to_string(),
        "2026-07-01T00:00:00Z"
    );
    assert_eq!(by_item("price-input-mtok")["value"].as_float(), Some(1.3));
    assert_eq!(by_item("price-output-mtok")["value"].as_float(), Some(2.6));
}
